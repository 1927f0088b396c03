"""The learned tagger for text written without capitals: what it adds, where it does not run,
that its fast scoring is exact, and that training is reproducible. The notes are invented."""

import importlib.util
import json
from pathlib import Path

import pytest

from confide.deid import engine, find_identifiers
from confide.deid.engine import rule_spans
from confide.deid.lowercase import is_cased
from confide.deid.ner import tokenise
from confide.deid.normalise import fold
from confide.deid.tagger import _scorer, candidates, features, flags_of

EVAL = Path(__file__).resolve().parents[2] / "eval" / "deid"

TEXTED = "hey its me again, marisol said u can stop by after 3. bring the forms for tobias"


def learned(text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.label for s in find_identifiers(text) if s.detail == "learned"}


def notes(name: str) -> list[dict]:
    return [json.loads(line) for line in (EVAL / name).open(encoding="utf-8")]


def test_the_tagger_raises_recall_on_lowercase_notes_it_was_not_trained_on(monkeypatch):
    """heldout24 (notes written on a phone, most without capitals) is not among the sets the
    shipped weights were trained on (`train_tagger.TRAINING_SETS`)."""
    assert "heldout24" not in load_module("train_tagger", EVAL / "train_tagger.py").TRAINING_SETS
    scorer = load_module("deid_score", EVAL / "score.py")
    held = notes("heldout24.jsonl")
    with_tagger = scorer.score(held)
    monkeypatch.setattr(engine, "find_uncased", lambda tokens, spans: [])
    rules_only = scorer.score(held)
    assert with_tagger["recall"] >= rules_only["recall"] + 0.05, (with_tagger, rules_only)
    assert with_tagger["precision"] >= 0.85


def test_the_tagger_adds_a_name_the_cues_miss_in_a_text_message():
    folded = fold(TEXTED)
    tokens = tokenise(TEXTED, folded)
    by_rules = rule_spans(TEXTED, folded, tokens, is_cased(tokens), None)
    assert not any("tobias" in TEXTED[s.start : s.end] for s in by_rules)
    assert learned(TEXTED) == {"tobias": "PERSON"}


def test_the_tagger_does_not_run_on_text_written_with_capitals():
    texts = [n["text"] for n in notes("heldout25.jsonl")]
    cased = [t for t in texts if is_cased(tokenise(t, fold(t)))][:10]
    assert len(cased) == 10
    assert all(learned(text) == {} for text in cased)
    assert any(learned(text.lower()) for text in cased)


def test_the_cached_detection_score_is_the_sum_of_the_features_weights():
    scorer = _scorer()
    checked = 0
    for note in notes("heldout20.jsonl")[:10]:
        for text in (note["text"], note["text"].lower()):
            folded = fold(text)
            tokens = tokenise(text, folded)
            flags = flags_of(tokens, rule_spans(text, folded, tokens, is_cased(tokens), None))
            for i in candidates(tokens, flags):
                expected = sum(scorer.weights.get(f, 0.0) for f in features(tokens, i, flags))
                # Twice: once filling the cache, once reading it.
                assert scorer.detect(tokens, i, flags) == pytest.approx(expected)
                assert scorer.detect(tokens, i, flags) == pytest.approx(expected)
                checked += 1
    assert checked > 300


def test_flags_follow_the_spans_over_each_word():
    text = "saw maria at the bus stop on elm"
    folded = fold(text)
    tokens = tokenise(text, folded)
    spans = [s for s in find_identifiers(text) if text[s.start : s.end] == "maria"]
    flags = flags_of(tokens, spans)
    assert flags == ["", "PERSON", "", "", "", "", "", ""]


def load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_gives_the_same_weights_twice(tmp_path):
    trainer = load_module("train_tagger", EVAL / "train_tagger.py")
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    assert trainer.main(["--sets", "heldout3", "--out", str(first)]) == 0
    assert trainer.main(["--sets", "heldout3", "--out", str(second)]) == 0
    written = first.read_text(encoding="utf-8")
    assert written == second.read_text(encoding="utf-8")
    assert any(line.startswith("detect\t") for line in written.splitlines())
    assert any(line.startswith("PERSON\t") for line in written.splitlines())
