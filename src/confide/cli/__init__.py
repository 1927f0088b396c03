"""The `confide` command: one entry point, one small module per command group."""

import argparse
import sys
from collections.abc import Sequence

from confide.cli import audit, demo, keys, redact, setup, users
from confide.cli.base import CommandError

GROUPS = (setup, demo, users, audit, keys, redact)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="confide",
        description="Confide: confidentiality-first records for peer support.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except CommandError as error:
        print(f"confide: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): not an error of ours
        sys.stderr.close()
        return 0
