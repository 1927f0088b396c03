"""Throughput of the de-identification engine on ~1 KB notes, one core.

Usage: .venv/bin/python bench/deid_bench.py [--notes N]

Builds notes of about 1 KB by joining the notes of every evaluation file, peer-support and
clinical (each note gets its own client's known identifiers, as in production) and prints notes per second for `find_identifiers` and
for `redact`.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from confide.deid import KnownIdentifiers, find_identifiers, redact

ROOT = Path(__file__).resolve().parents[1]


def build_notes(count: int) -> list[tuple[str, KnownIdentifiers]]:
    source = [
        json.loads(line)
        for path in sorted((ROOT / "eval" / "deid").glob("*.jsonl"))
        for line in path.open(encoding="utf-8")
        if line.strip()
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


def measure(notes: int = 3000) -> dict[str, float]:
    built = build_notes(notes)
    figures = {"deid_note_chars_mean": sum(len(t) for t, _ in built) / len(built)}
    for name, func in (("find_identifiers", find_identifiers), ("redact", redact)):
        start = time.perf_counter()
        for text, known in built:
            func(text, known)
        figures[f"deid_{name}_notes_per_s"] = len(built) / (time.perf_counter() - start)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=3000)
    args = parser.parse_args()
    for name, value in measure(args.notes).items():
        print(f"{name}: {value:,.0f}")


if __name__ == "__main__":
    main()
