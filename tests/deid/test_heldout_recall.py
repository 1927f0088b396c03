"""End-to-end recall on the held-out set, scored at token level by eval/deid/score.py."""

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


def heldout() -> list[dict]:
    return [json.loads(line) for line in (EVAL / "heldout.jsonl").open(encoding="utf-8")]


@pytest.mark.xfail(
    strict=True,
    reason="target not met yet: held-out token recall measured 0.986 (target 0.99); "
    "strict, so it reports when the target is reached and the mark can go",
)
def test_recall_on_the_held_out_notes_is_at_least_99_percent():
    result = load_scorer().score(heldout())
    assert result["recall"] >= 0.99, result


def test_recall_on_the_held_out_notes_does_not_fall_below_the_measured_98_percent():
    notes = heldout()
    assert len(notes) >= 75
    result = load_scorer().score(notes)
    assert result["recall"] >= 0.98, result


def test_the_scorer_counts_a_miss_when_nothing_is_detected(monkeypatch):
    scorer = load_scorer()
    monkeypatch.setattr(scorer, "find_identifiers", lambda text, known=None: [])
    assert scorer.score(heldout())["recall"] == 0.0
