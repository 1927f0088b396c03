"""What every command shares: its error type and starting Django for a unit of work."""

import os
from collections.abc import Iterator
from contextlib import contextmanager

CLI_ACTOR = "system:cli"


class CommandError(Exception):
    """A clear, user-facing failure: printed without a traceback, exit status 2."""


def setup_django() -> None:
    import django
    from django.core.exceptions import ImproperlyConfigured

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "confide.settings")
    try:
        django.setup()
    except ImproperlyConfigured as error:
        raise CommandError(str(error)) from None


@contextmanager
def unit_of_work() -> Iterator[None]:
    """Django ready, a request id for audit events, and a key cache that dies with the command."""
    setup_django()
    from confide.audit.context import begin_request
    from confide.vault.keyring import key_scope

    begin_request()
    with key_scope():
        yield
