"""End-to-end recall and precision, scored at token level by eval/deid/score.py.

Each held-out set was written by hand, one note at a time, by someone who had not seen the
engine, and was scored once before any tuning on it ("first"); its misses were then read
and the engine improved, so its later figures guard against regressions only.

- heldout3 (54 peer-support notes): first 0.905 recall / 0.934 precision (session 1).
- heldout5 (50 clinical notes): first 0.981 / 0.676 at the start of the sixth round.
- heldout4 (60 peer-support notes): first 0.954 / 0.876, midway through the sixth round.
- heldout6 (40 clinical notes): first 0.983 / 0.896, midway through the sixth round.
- heldout7 (35 peer-support and 15 clinical notes): first 0.965 / 0.860, late in the sixth
  round.
- heldout8 (45 peer-support notes, written to be hard: rural routes, transcripts, several
  languages): first 0.949 / 0.838; heldout9 (30 clinical notes): first 0.984 / 0.847, both
  at the end of the sixth round.
- heldout10 (28 peer-support and 12 clinical notes): first 0.959 / 0.829, and heldout11
  (24 and 8): first 0.974 / 0.793, the last sets scored in session 2.
- Session 3: heldout12 (40 peer-support notes): first 0.953 / 0.901; heldout13 (32 clinical):
  first 0.976 / 0.889, scored at its start. heldout14 (28 peer-support and 12 clinical),
  heldout15 (40 peer-support) and heldout16 (30 clinical) were kept sealed until the engine
  work was done: first 0.958 / 0.892, 0.962 / 0.891 and 0.993 / 0.758. In sets 12 to 16
  relative day words alone ("yesterday", "tonight") were unmarked by one mechanical rule, as
  in the earlier sets.
- heldout17 (30 peer-support and 10 clinical notes) and heldout18 (30 clinical), written late
  in session 3: first 0.969 / 0.906 and 0.988 / 0.838.
- heldout19 (28 peer-support and 12 clinical notes) and heldout20 (40 peer-support notes,
  many dictated), written while the session's last engine changes were made and scored once
  after them: first 0.981 / 0.890 and 0.953 / 0.932. Never tuned on.
- Session 4: heldout21 (40 peer-support notes), heldout22 (40, rural and outside the US) and
  heldout23 (28 peer-support, 12 clinical) were written at its start and scored once with the
  engine as the session found it: 0.942 / 0.935, 0.947 / 0.918 and 0.965 / 0.893. heldout24
  (40 notes written on a phone, 34 of them without capitals) and heldout25 (40 peer-support
  notes) were written mid-session; with the engine as the session found it they score 0.766 /
  0.895 and 0.936 / 0.912. Their misses were not read, but their overall figures helped
  choose how the learned tagger is trained (copies with swapped names) and its threshold.
  With the session's final engine, its tagger trained on sets up to heldout20 only: 0.954 /
  0.934, 0.959 / 0.911, 0.968 / 0.892, 0.857 / 0.886 and 0.951 / 0.907.
- heldout26 (40 notes written on a phone, 32 without capitals) and heldout27 (40 peer-support
  notes, 6 without capitals), written late in session 4, were scored once when its rule and
  tagger work was done: 0.903 / 0.913 and 0.973 / 0.913 (the engine as the session found it:
  0.844 / 0.929 and 0.968 / 0.913). Then three training sets for the tagger were written
  (eval/deid/src/train1-3_hand.txt, 120 notes without capitals), which raised them to 0.930 /
  0.918 and 0.973 / 0.913, and heldout24 from 0.867 / 0.880 to 0.881 / 0.895.
- heldout28 (41 notes, 25 without capitals) and heldout29 (40 notes, 12 without), written
  alongside the training sets and kept sealed, were scored once with the tagger trained on
  them: 0.927 / 0.896 and 0.961 / 0.913 (the engine as the session found it: 0.864 / 0.901
  and 0.952 / 0.915). Then three more training sets (train4-6) were written, which moved
  them to 0.930 / 0.895 and 0.959 / 0.914.
- heldout30 (40 notes, 16 without capitals) and heldout31 (40 notes, 26 without), written
  alongside those and kept sealed, were scored once with the final engine: 0.951 / 0.921 and
  0.931 / 0.920 (the engine as the session found it: 0.909 / 0.925 and 0.843 / 0.918). Never
  tuned on.
- The learned tagger (`confide.deid.tagger`) is trained on the sets up to heldout20 and the
  training sets, so the figures of sets up to heldout20 include it seeing them. Trained on
  the sets up to heldout11 only, it raised recall on the 47 peer-support notes of sets 12 to
  20 written without capitals from 0.930 to 0.948 (precision 0.905 to 0.890), and on
  lowercased copies of sets 12, 15, 17 and 20 from 0.784 to 0.868 (precision 0.912 to 0.899).
- Session 5: heldout32 (20 notes written on a phone, 20 capitalised), heldout33 (30 and 10,
  dense with organisations), heldout34 (34 capitalised notes from the UK, Ireland, Canada,
  Australia, New Zealand and the Midwest, 6 on a phone) and heldout35 (26 peer-support notes,
  14 clinical) were written at its start and scored once with the session's final engine:
  0.946 / 0.899, 0.932 / 0.936, 0.971 / 0.916 and 0.972 / 0.933 (the engine as the session
  found it: 0.939 / 0.898, 0.911 / 0.939, 0.966 / 0.916 and 0.967 / 0.933). Their misses were
  never read. Once they were written, the misses of sets 21 to 31 were read and the tagger
  trained on those sets too (all but heldout24, which `test_tagger.py` keeps unseen), so the
  figures of sets 21 to 31 now include the tagger seeing them. Habitual weekdays ("on
  Sundays") became dates that session; the sets up to heldout20 mostly left them unmarked,
  which cost up to 0.002 of their precision.
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


# Measured floors: each file's recall and precision when this round ended, rounded down. The
# sets written mostly without capitals (24, 26, 28, 31, 32, 33) keep a wider margin: retraining
# the tagger after a change to the rules moves their figures by up to 0.01.
FLOORS = {
    "notes.jsonl": (0.995, 0.99),
    "heldout.jsonl": (0.995, 0.965),
    "heldout2.jsonl": (0.99, 0.97),
    "heldout3.jsonl": (0.985, 0.925),
    "heldout4.jsonl": (0.985, 0.895),
    "heldout5.jsonl": (0.995, 0.86),
    "heldout6.jsonl": (0.99, 0.91),
    "heldout7.jsonl": (0.98, 0.91),
    "heldout8.jsonl": (0.98, 0.885),
    "heldout9.jsonl": (0.995, 0.875),
    "heldout10.jsonl": (0.975, 0.865),
    "heldout11.jsonl": (0.98, 0.83),
    "heldout12.jsonl": (0.975, 0.905),
    "heldout13.jsonl": (0.98, 0.89),
    "heldout14.jsonl": (0.96, 0.89),
    "heldout15.jsonl": (0.975, 0.89),
    "heldout16.jsonl": (0.99, 0.85),
    "heldout17.jsonl": (0.97, 0.9),
    "heldout18.jsonl": (0.985, 0.83),
    "heldout19.jsonl": (0.98, 0.885),
    "heldout20.jsonl": (0.975, 0.93),
    "heldout21.jsonl": (0.945, 0.925),
    "heldout22.jsonl": (0.95, 0.905),
    "heldout23.jsonl": (0.96, 0.885),
    "heldout24.jsonl": (0.91, 0.89),
    "heldout25.jsonl": (0.945, 0.9),
    "heldout26.jsonl": (0.92, 0.905),
    "heldout27.jsonl": (0.965, 0.905),
    "heldout28.jsonl": (0.92, 0.885),
    "heldout29.jsonl": (0.95, 0.905),
    "heldout30.jsonl": (0.945, 0.91),
    "heldout31.jsonl": (0.92, 0.91),
    "heldout32.jsonl": (0.935, 0.885),
    "heldout33.jsonl": (0.92, 0.925),
    "heldout34.jsonl": (0.965, 0.91),
    "heldout35.jsonl": (0.965, 0.925),
}


@pytest.mark.parametrize(("name", "floors"), FLOORS.items())
def test_recall_and_precision_do_not_fall_below_the_measured_figures(name, floors):
    held = notes(name)
    assert len(held) >= 30
    result = load_scorer().score(held)
    assert result["recall"] >= floors[0], result
    assert result["precision"] >= floors[1], result


@pytest.mark.parametrize("name", ["heldout7.jsonl", "heldout5.jsonl", "heldout.jsonl"])
def test_the_scorer_counts_a_miss_when_nothing_is_detected(monkeypatch, name):
    scorer = load_scorer()
    monkeypatch.setattr(scorer, "find_identifiers", lambda text, known=None: [])
    assert scorer.score(notes(name))["recall"] == 0.0
