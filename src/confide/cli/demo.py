"""`confide demo`: seed the synthetic demo organisation, or print a demo account's MFA code."""

import argparse

from confide.cli.base import CommandError, unit_of_work


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "demo", help="seed a synthetic demo organisation (or print a demo account's MFA code)"
    )
    parser.add_argument(
        "--code", metavar="USERNAME", help="print the current MFA code of a demo account"
    )
    parser.add_argument("--clients", type=int, default=240, help="synthetic clients (default 240)")
    parser.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    with unit_of_work():
        from confide.demodata import DEMO_PASSWORD, DEMO_STAFF, current_demo_code, seed_demo

        if args.code:
            code = current_demo_code(args.code)
            if code is None:
                raise CommandError(f"{args.code!r} is not a demo account")
            print(code)
            return 0
        if args.clients < 0:
            raise CommandError("--clients cannot be negative")
        counts = seed_demo(client_count=args.clients)
    print(f"Demo organisation ready: {counts['clients']} synthetic clients.")
    print(f"Sign in at http://127.0.0.1:8000 with password {DEMO_PASSWORD!r} as:")
    for username, name, role in DEMO_STAFF:
        print(f"  {username:8} {name} ({role.label})")
    print("Each demo account has an authenticator enrolled. For its current 6-digit code run:")
    print("  .venv/bin/confide demo --code USERNAME")
    return 0
