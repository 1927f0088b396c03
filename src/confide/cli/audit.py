"""`confide audit verify` and `confide audit checkpoint`."""

import argparse
import sys
from pathlib import Path

from confide.cli.base import CommandError, unit_of_work


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("audit", help="check the tamper-evident audit log")
    sub = group.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = sub.add_parser("verify", help="recompute the chain and check the signed checkpoints")
    verify.add_argument(
        "--public-key", help="checkpoint public key (base64); default: the one in the key directory"
    )
    verify.add_argument("--checkpoints", type=Path, help="checkpoint file (default: from settings)")
    verify.set_defaults(run=run_verify)
    checkpoint = sub.add_parser("checkpoint", help="sign the current head of the chain now")
    checkpoint.set_defaults(run=run_checkpoint)


def run_verify(args: argparse.Namespace) -> int:
    with unit_of_work():
        from django.conf import settings

        from confide.audit.checkpoints import CheckpointError, public_key_b64
        from confide.audit.verify import AuditIntegrityError, verify_log

        try:
            public_key = args.public_key or public_key_b64()
        except (OSError, ValueError) as error:
            raise CommandError(f"cannot read the checkpoint public key: {error}") from None
        try:
            result = verify_log(
                checkpoint_file=args.checkpoints or Path(settings.AUDIT_CHECKPOINT_FILE),
                public_key=public_key,
                checkpoint_every=settings.AUDIT_CHECKPOINT_EVERY,
            )
        except AuditIntegrityError as error:
            print(f"FAILED: first bad event is {error.seq}: {error}", file=sys.stderr)
            return 1
        except CheckpointError as error:
            print(f"FAILED: {error}", file=sys.stderr)
            return 1
    print(
        f"OK: {result.events} events verified, {result.checkpoints} signed checkpoints match, "
        f"head {result.head_hash[:16]}"
    )
    return 0


def run_checkpoint(args: argparse.Namespace) -> int:
    with unit_of_work():
        from confide.audit.services import write_checkpoint

        head = write_checkpoint()
    print("The log is empty." if head is None else f"Signed checkpoint at event {head[0]}.")
    return 0
