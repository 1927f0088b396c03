"""Token-level scorer for the de-identification engine.

Usage: .venv/bin/python eval/deid/score.py [file.jsonl ...] [--misses] [--extras]

A token is a run of word characters. A gold token (one that overlaps a gold span) is recalled
when any predicted span overlaps it, whatever the predicted label: for privacy, a name
redacted as a place is still redacted. Per gold label we report that label-agnostic recall and
the strict recall (a predicted span with the same label). A predicted token is a true positive
when it overlaps any gold span; per-label precision is by predicted label. F2 weighs recall
twice as much as precision, as the project does.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from confide.deid import KnownIdentifiers, find_identifiers  # noqa: E402  (path set above)

TOKEN = re.compile(r"\w+")


def _covered(start: int, end: int, spans: list[tuple[int, int, str]]) -> list[str]:
    return [label for s, e, label in spans if s < end and start < e]


def f_beta(p: float, r: float, beta: float = 2.0) -> float:
    if p == 0 and r == 0:
        return 0.0
    return (1 + beta**2) * p * r / (beta**2 * p + r)


def score(notes: list[dict], show_misses: bool = False, show_extras: bool = False) -> dict:
    gold_total: Counter[str] = Counter()
    gold_hit: Counter[str] = Counter()
    gold_hit_strict: Counter[str] = Counter()
    pred_total: Counter[str] = Counter()
    pred_hit: Counter[str] = Counter()
    elapsed = 0.0
    for note in notes:
        text = note["text"]
        known = KnownIdentifiers.from_dict(note.get("known") or {})
        t0 = time.perf_counter()
        predicted = find_identifiers(text, known)
        elapsed += time.perf_counter() - t0
        gold = [(s["start"], s["end"], s["label"]) for s in note["spans"]]
        pred = [(s.start, s.end, s.label) for s in predicted]
        for tok in TOKEN.finditer(text):
            g = _covered(tok.start(), tok.end(), gold)
            p = _covered(tok.start(), tok.end(), pred)
            if g:
                label = g[0]
                gold_total[label] += 1
                if p:
                    gold_hit[label] += 1
                    if label in p:
                        gold_hit_strict[label] += 1
                elif show_misses:
                    print(f"MISS {note['id']} {label} {tok.group()!r}  | {_context(text, tok)}")
            if p:
                pred_total[p[0]] += 1
                if g:
                    pred_hit[p[0]] += 1
                elif show_extras:
                    print(f"EXTRA {note['id']} {p[0]} {tok.group()!r}  | {_context(text, tok)}")
    rec = sum(gold_hit.values()) / max(1, sum(gold_total.values()))
    prec = sum(pred_hit.values()) / max(1, sum(pred_total.values()))
    return {
        "notes": len(notes),
        "recall": rec,
        "precision": prec,
        "f2": f_beta(prec, rec),
        "notes_per_s": len(notes) / elapsed if elapsed else float("inf"),
        "labels": {
            label: {
                "gold_tokens": gold_total[label],
                "recall": gold_hit[label] / max(1, gold_total[label]),
                "strict_recall": gold_hit_strict[label] / max(1, gold_total[label]),
                "precision": pred_hit[label] / pred_total[label] if pred_total[label] else None,
            }
            for label in sorted(set(gold_total) | set(pred_total))
        },
    }


def _context(text: str, tok: re.Match[str]) -> str:
    return text[max(0, tok.start() - 40) : tok.end() + 40].replace("\n", " ")


def report(name: str, result: dict) -> None:
    print(f"== {name}: {result['notes']} notes")
    print(f"{'label':10} {'gold':>5} {'recall':>7} {'strict':>7} {'prec':>7} {'F2':>6}")
    for label, row in result["labels"].items():
        prec = row["precision"]
        f2 = f_beta(prec, row["recall"]) if prec is not None else None
        print(
            f"{label:10} {row['gold_tokens']:5d} {row['recall']:7.3f} {row['strict_recall']:7.3f} "
            f"{'-' if prec is None else f'{prec:.3f}':>7} {'-' if f2 is None else f'{f2:.3f}':>6}"
        )
    print(
        f"{'OVERALL':10} {'':5} {result['recall']:7.3f} {'':7} {result['precision']:7.3f} "
        f"{result['f2']:6.3f}"
    )
    print(f"throughput: {result['notes_per_s']:.0f} notes/s (find_identifiers only)")


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("--")}
    files = [Path(a) for a in argv if not a.startswith("--")] or [
        Path(__file__).parent / "notes.jsonl"
    ]
    for path in files:
        with path.open(encoding="utf-8") as f:
            notes = [json.loads(line) for line in f if line.strip()]
        result = score(notes, "--misses" in flags, "--extras" in flags)
        report(str(path), result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
