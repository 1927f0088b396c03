"""The Django side of encryption at rest: wrapped data keys, encrypted fields, shredding.

Apps declare ``EncryptedField`` and ``BlindIndexField`` on their models and search with
``search_token``; everything else about keys stays in here and in ``confide.crypto``.
"""
