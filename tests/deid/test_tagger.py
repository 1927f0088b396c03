"""The learned tagger for text written without capitals: what it adds, where it does not run,
that its fast scoring is exact, and that training is reproducible. The notes are invented."""

import importlib.util
import json
from pathlib import Path

import pytest

from confide.deid import find_identifiers
from confide.deid.engine import rule_spans
from confide.deid.lowercase import is_cased
from confide.deid.ner import tokenise
from confide.deid.normalise import fold
from confide.deid.tagger import _scorer, candidates, features, flags_of

EVAL = Path(__file__).resolve().parents[2] / "eval" / "deid"

DICTATED = (
    "ok this is a note for wendell period met him at the laundromat comma his cousin harley "
    "has been helping him period next visit is at the diner in two rivers period"
)
TEXTED = "hey its me again, marisol said u can stop by after 3. bring the forms for tobias"


def learned(text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.label for s in find_identifiers(text) if s.detail == "learned"}


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [(DICTATED, "rivers", "LOCATION"), (TEXTED, "tobias", "PERSON")],
)
def test_the_tagger_finds_what_the_cues_miss_in_lowercase_text(text, word, label):
    folded = fold(text)
    tokens = tokenise(text, folded)
    by_rules = rule_spans(text, folded, tokens, is_cased(tokens), None)
    assert not any(word in text[s.start : s.end] for s in by_rules)
    assert [lab for surface, lab in learned(text).items() if word in surface] == [label]


def test_the_tagger_leaves_ordinary_words_alone():
    found = learned(DICTATED) | learned(TEXTED)
    for word in ("laundromat", "helping", "visit", "diner", "forms", "again"):
        assert not any(word in surface for surface in found)


def test_the_tagger_does_not_run_on_text_written_with_capitals():
    text = "Next visit is at the diner in Two Rivers. Bring the forms for Tobias."
    assert learned(text) == {}
    assert learned(text.lower()) != {}


def test_the_cached_detection_score_is_the_sum_of_the_features_weights():
    scorer = _scorer()
    notes = [json.loads(line) for line in (EVAL / "heldout20.jsonl").open(encoding="utf-8")]
    checked = 0
    for note in notes[:10]:
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


def load_trainer():
    spec = importlib.util.spec_from_file_location("train_tagger", EVAL / "train_tagger.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_gives_the_same_weights_twice(tmp_path):
    trainer = load_trainer()
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    assert trainer.main(["--sets", "heldout3", "--out", str(first)]) == 0
    assert trainer.main(["--sets", "heldout3", "--out", str(second)]) == 0
    written = first.read_text(encoding="utf-8")
    assert written == second.read_text(encoding="utf-8")
    assert "\ndetect\tbias\t" in written
    assert any(line.startswith("PERSON\t") for line in written.splitlines())
