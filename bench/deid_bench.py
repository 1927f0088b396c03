"""Throughput of the de-identification engine on ~1 KB notes, one core.

Usage: .venv/bin/python bench/deid_bench.py [--notes N]

Builds notes of about 1 KB by joining the evaluation notes, each with its own client's known
identifiers as in production, and prints notes per second for `find_identifiers` and
`redact`: on peer-support notes (the dev and peer held-out sets) and on clinical notes
(held-out sets 5 and 6, which are denser in names, numbers and dates). Each figure is the
best of three passes, so that a busy moment on the machine does not count.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from confide.deid import KnownIdentifiers, find_identifiers, redact

EVAL = Path(__file__).resolve().parents[1] / "eval" / "deid"
CORPORA = {
    "peer": ["notes", "heldout", "heldout2", "heldout3", "heldout4"],
    "clinical": ["heldout5", "heldout6"],
}


def build_notes(count: int, files: list[str] | None = None) -> list[tuple[str, KnownIdentifiers]]:
    """``count`` notes of about 1 KB from the named evaluation files (all of them by default)."""
    paths = [EVAL / f"{name}.jsonl" for name in files] if files else sorted(EVAL.glob("*.jsonl"))
    source = [
        json.loads(line) for path in paths for line in path.open(encoding="utf-8") if line.strip()
    ]
    notes = []
    i = 0
    while len(notes) < count:
        known = KnownIdentifiers.from_dict(source[i % len(source)].get("known") or {})
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < 1000:
            parts.append(source[i % len(source)]["text"])
            i += 1
        notes.append((" ".join(parts)[:1100], known))
    return notes


def _best_rate(func: Callable[..., object], notes: list[tuple[str, KnownIdentifiers]]) -> float:
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for text, known in notes:
            func(text, known)
        best = max(best, len(notes) / (time.perf_counter() - start))
    return best


def measure(notes: int = 3000) -> dict[str, float]:
    figures: dict[str, float] = {}
    for corpus, files in CORPORA.items():
        built = build_notes(notes, files)
        figures[f"deid_{corpus}_note_chars_mean"] = sum(len(t) for t, _ in built) / len(built)
        for name, func in (("find_identifiers", find_identifiers), ("redact", redact)):
            figures[f"deid_{corpus}_{name}_notes_per_s"] = _best_rate(func, built)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=3000)
    args = parser.parse_args()
    for name, value in measure(args.notes).items():
        print(f"{name}: {value:,.0f}")


if __name__ == "__main__":
    main()
