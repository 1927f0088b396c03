"""Hostile tests of ``confide.crypto`` (pure: no Django, no database)."""
