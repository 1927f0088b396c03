"""End-to-end recall, scored at token level by eval/deid/score.py.

eval/deid/heldout3.jsonl (54 hand-written notes) was written before the third round of engine
work and scored only before it (recall 0.905, precision 0.934) and after it (0.954, 0.922);
nobody looked at its misses while tuning. The fourth round (roads without a house number,
ordinal-word dates, payment handles, speed) was written from invented examples and scored it
only at the end: 0.961, 0.918. The fifth round (common street-name intersections, towns
and areas of ordinary words, verb and kinship cues for lowercase names, word names before a
speech verb) was likewise written from invented examples and scored it once at the end: 0.964,
0.917 (heldout2 0.985, 0.973). heldout2.jsonl played that part in the second round
(0.866 -> 0.961) and was looked at in the third (now 0.980); like heldout.jsonl and the dev
notes, it guards against regressions only and says nothing about unseen notes.
"""

import importlib.util
import json
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval" / "deid"


def load_scorer():
    spec = importlib.util.spec_from_file_location("deid_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def notes(name: str) -> list[dict]:
    return [json.loads(line) for line in (EVAL / name).open(encoding="utf-8") if line.strip()]


def test_recall_on_the_unseen_held_out_notes_does_not_fall_below_the_measured_96_percent():
    held = notes("heldout3.jsonl")
    assert len(held) >= 50
    result = load_scorer().score(held)
    assert result["recall"] >= 0.96, result
    assert result["precision"] >= 0.91, result


def test_recall_on_the_seen_notes_does_not_regress():
    scorer = load_scorer()
    for name, floor in (("notes.jsonl", 0.99), ("heldout.jsonl", 0.99), ("heldout2.jsonl", 0.98)):
        result = scorer.score(notes(name))
        assert result["recall"] >= floor, (name, result)
        assert result["precision"] >= 0.85, (name, result)


@pytest.mark.parametrize("name", ["heldout3.jsonl", "heldout2.jsonl", "heldout.jsonl"])
def test_the_scorer_counts_a_miss_when_nothing_is_detected(monkeypatch, name):
    scorer = load_scorer()
    monkeypatch.setattr(scorer, "find_identifiers", lambda text, known=None: [])
    assert scorer.score(notes(name))["recall"] == 0.0
