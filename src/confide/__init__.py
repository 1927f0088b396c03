"""Confide: confidentiality-first records for peer support workers."""

__version__ = "0.1.0"
