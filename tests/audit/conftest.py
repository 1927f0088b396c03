"""Fixtures for the audit tests: a signed chain and the real `confide audit verify`."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from confide.cli import main
from tests.audit.helpers import record

CHAIN_LENGTH = 20
CHECKPOINT_EVERY = 5  # checkpoints at 5, 10, 15 and 20


@dataclass(frozen=True)
class Verdict:
    """What `confide audit verify` said: exit status, stdout and stderr."""

    code: int
    out: str
    err: str

    def names_first_bad_event(self, seq: int) -> bool:
        return self.code == 1 and f"first bad event is {seq}:" in self.err


@pytest.fixture
def audit_verify(capsys) -> Callable[..., Verdict]:
    """Run `confide audit verify [args]` in-process through the CLI's entry point."""

    def run(*args: str) -> Verdict:
        capsys.readouterr()  # drop anything printed before
        code = main(["audit", "verify", *args])
        captured = capsys.readouterr()
        return Verdict(code, captured.out, captured.err)

    return run


@pytest.fixture
def signed_chain(db, settings, django_capture_on_commit_callbacks) -> int:
    """Twenty events with signed checkpoints in the per-test file; returns the length."""
    settings.AUDIT_CHECKPOINT_EVERY = CHECKPOINT_EVERY
    # The test's own transaction never commits: run the checkpoint callbacks as if it had.
    with django_capture_on_commit_callbacks(execute=True):
        record(CHAIN_LENGTH)
    return CHAIN_LENGTH
