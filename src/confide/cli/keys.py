"""`confide keys status|rotate|retire`."""

import argparse

from confide.cli.base import CLI_ACTOR, CommandError, unit_of_work


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("keys", help="master key status, rotation and retirement")
    sub = group.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    sub.add_parser("status", help="which master key wraps how many data keys").set_defaults(
        run=run_status
    )
    sub.add_parser(
        "rotate", help="make a new master key active and re-wrap every data key under it"
    ).set_defaults(run=run_rotate)
    retire = sub.add_parser("retire", help="remove an old master key that no data key uses")
    retire.add_argument("key_id")
    retire.set_defaults(run=run_retire)


def _print_status(status: object) -> None:
    print(f"active master key: {status.active_id}")
    for key_id, count in status.data_keys_by_master_key.items():
        state = (
            "active"
            if key_id == status.active_id
            else ("in the ring" if key_id in status.master_key_ids else "MISSING from the ring")
        )
        usage = "no longer used" if count == 0 else f"wraps {count} data keys"
        print(f"  {key_id}: {state}, {usage}")


def run_status(args: argparse.Namespace) -> int:
    with unit_of_work():
        from confide.vault.services import key_status

        _print_status(key_status())
    return 0


def run_rotate(args: argparse.Namespace) -> int:
    with unit_of_work():
        from confide.crypto import CryptoError
        from confide.vault.services import do_rotate_master_key

        try:
            status = do_rotate_master_key(acting_user=CLI_ACTOR)
        except CryptoError as error:
            raise CommandError(f"cannot rotate: {error}") from None
        print("Rotated.")
        _print_status(status)
    return 0


def run_retire(args: argparse.Namespace) -> int:
    with unit_of_work():
        from confide.crypto import CryptoError
        from confide.vault.services import KeyInUse, do_retire_master_key

        try:
            do_retire_master_key(args.key_id, acting_user=CLI_ACTOR)
        except (KeyInUse, CryptoError, ValueError) as error:
            raise CommandError(f"cannot retire {args.key_id}: {error}") from None
    print(f"Retired {args.key_id}. Backups whose data keys only it wrapped can no longer be read.")
    return 0
