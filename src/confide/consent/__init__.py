"""Informed consent, releases of information, disclosures and their accounting.

Consent is a rule of the access decision point: see ``confide.consent.rules``.
"""
