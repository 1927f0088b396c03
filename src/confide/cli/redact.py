"""`confide redact --jsonl`: the de-identification engine over a stream of notes."""

import argparse
import sys

from confide.cli.base import CommandError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "redact",
        help="find and redact identifiers in text (no database needed)",
        description=(
            "With --jsonl, read one JSON object per line from standard input "
            '({"id": ..., "text": ..., "known": {...}}) and write one line per input: '
            '{"id": ..., "spans": [{"start", "end", "label"}], "redacted": ...}.'
        ),
    )
    parser.add_argument("--jsonl", action="store_true", help="JSON lines in, JSON lines out")
    parser.add_argument(
        "--region",
        default="",
        help='what places are reduced to in the redacted text, e.g. "Ohio" (default: none)',
    )
    parser.set_defaults(run=run_redact)


def run_redact(args: argparse.Namespace) -> int:
    if not args.jsonl:
        raise CommandError("only --jsonl is supported: pipe JSON lines on standard input")
    from confide.deid.jsonl import run_jsonl

    return run_jsonl(sys.stdin, sys.stdout, region=args.region)
