"""``python -m confide.deid --jsonl``: redact JSON lines from stdin to stdout."""

from __future__ import annotations

import sys

from .jsonl import run_jsonl


def main(argv: list[str]) -> int:
    if argv != ["--jsonl"]:
        print("usage: python -m confide.deid --jsonl < notes.jsonl", file=sys.stderr)
        return 2
    # Offsets are code points of the decoded text, so decode and encode UTF-8 whatever the
    # locale says.
    sys.stdin.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # TextIOWrapper at run time
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # TextIOWrapper at run time
    return run_jsonl(sys.stdin, sys.stdout)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
