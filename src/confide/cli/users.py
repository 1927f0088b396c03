"""`confide createuser`."""

import argparse
import getpass
import sys

from confide.cli.base import CLI_ACTOR, CommandError, unit_of_work

ROLES = ("peer_supporter", "supervisor", "privacy_officer", "administrator", "auditor")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "createuser",
        help="create a staff account (they enrol their authenticator at first sign-in)",
    )
    parser.add_argument("username")
    parser.add_argument("--role", required=True, choices=ROLES)
    parser.add_argument("--display-name", required=True, help="how colleagues see this person")
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    parser.set_defaults(run=run_createuser)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password (again): "):
        raise CommandError("the two passwords differ")
    return first


def run_createuser(args: argparse.Namespace) -> int:
    password = _read_password(args.password_stdin)
    with unit_of_work():
        from django.core.exceptions import ValidationError

        from confide.accounts.models import User
        from confide.accounts.services import do_create_user

        if User.objects.filter(username=args.username).exists():
            raise CommandError(f"a user called {args.username!r} already exists")
        try:
            do_create_user(
                username=args.username,
                display_name=args.display_name,
                role=args.role,
                password=password,
                acting_user=CLI_ACTOR,
            )
        except ValidationError as error:
            raise CommandError("password refused: " + " ".join(error.messages)) from None
    print(f"Created {args.username} ({args.role}). They set up MFA at their first sign-in.")
    return 0
