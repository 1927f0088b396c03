"""The tamper-evident audit log. Other apps use ``record_event`` and ``Action``."""
