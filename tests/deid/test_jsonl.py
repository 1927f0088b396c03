"""The JSON lines protocol behind `confide redact --jsonl`."""

import io
import json
import subprocess
import sys
from pathlib import Path

from confide.deid.jsonl import run_jsonl

SRC = Path(__file__).resolve().parents[2] / "src"


def run(lines: list[str]) -> tuple[int, list[dict]]:
    out = io.StringIO()
    status = run_jsonl(io.StringIO("".join(line + "\n" for line in lines)), out)
    return status, [json.loads(line) for line in out.getvalue().splitlines()]


def test_it_returns_spans_whose_offsets_select_the_identifier():
    text = "Café talk: José Ramírez 😀 called 614-555-0192 about Dr. Iyer."
    status, [result] = run([json.dumps({"id": 7, "text": text}, ensure_ascii=False)])
    assert status == 0
    assert result["id"] == 7
    surfaces = {text[s["start"] : s["end"]]: s["label"] for s in result["spans"]}
    assert surfaces["614-555-0192"] == "PHONE"
    assert surfaces["José Ramírez"] == "PERSON"
    assert "Dr. Iyer" in surfaces
    assert "614-555-0192" not in result["redacted"]
    assert set(result) == {"id", "spans", "redacted"}


def test_it_uses_the_known_object():
    line = {"id": "a", "text": "lupe called", "known": {"names": ["Guadalupe Reyes"]}}
    _, [result] = run([json.dumps(line)])
    assert result["redacted"] == "the client called"


def test_a_malformed_line_gets_an_error_and_processing_continues():
    lines = [
        json.dumps({"id": 1, "text": "Her sponsor Linda called."}),
        '{"id": 2, "text": ',
        json.dumps({"id": 3, "text": 42}),
        json.dumps({"id": 4, "text": "ok", "known": {"nmaes": []}}),
        json.dumps({"id": 5, "text": "Her sponsor Keisha called."}),
    ]
    status, results = run(lines)
    assert status == 1
    assert [r.get("id") for r in results] == [1, None, 3, 4, 5]
    assert [("error" in r) for r in results] == [False, True, True, True, False]
    assert results[1]["line"] == 2
    assert "Keisha" not in json.dumps(results)


def test_errors_never_quote_the_text():
    _, [result] = run([json.dumps({"id": 1, "text": "Linda", "session_date": "Linda"})])
    assert "Linda" not in result["error"]


def test_consecutive_lines_of_one_packet_share_pseudonyms():
    lines = [
        json.dumps({"id": 1, "packet": "p", "text": "Her sponsor Linda called."}),
        json.dumps({"id": 2, "packet": "p", "text": "Her friend Keisha and Linda came."}),
        json.dumps({"id": 3, "packet": "q", "text": "Her friend Keisha came."}),
    ]
    _, results = run(lines)
    assert results[1]["redacted"] == "Her friend [Person 2] and [Person 1] came."
    assert results[2]["redacted"] == "Her friend [Person 1] came."


def test_it_streams_one_output_line_per_input_line_before_reading_the_next():
    written: list[int] = []

    class Watch(io.StringIO):
        def flush(self) -> None:
            written.append(self.getvalue().count("\n"))

    def lines():
        for n in range(3):
            # Output for the previous line must be flushed before the next is read.
            assert len(written) == n
            yield json.dumps({"id": n, "text": "call 555-0100"}) + "\n"

    status = run_jsonl(lines(), Watch())  # type: ignore[arg-type]  # any iterable of lines
    assert status == 0
    assert written == [1, 2, 3]


def test_python_dash_m_runs_the_protocol_in_utf8():
    proc = subprocess.run(
        [sys.executable, "-m", "confide.deid", "--jsonl"],
        input=json.dumps({"id": "x", "text": "Ana Lucía called 555-0100"}, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PYTHONPATH": str(SRC), "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["redacted"] == "[Person 1] called [Phone 1]"


def test_it_handles_thousands_of_notes():
    note = json.dumps({"id": 0, "text": "Her sponsor Linda called 614-555-0192 on 3/4/24. " * 20})
    status, results = run([note] * 2000)
    assert status == 0
    assert len(results) == 2000


def test_a_region_given_for_the_run_or_per_line_reduces_places_to_it():
    lines = [
        json.dumps({"id": 1, "text": "Moved to Frogtown."}),
        json.dumps({"id": 2, "text": "Moved to Frogtown.", "region": "Ohio"}),
        json.dumps({"id": 3, "text": "Moved to Frogtown.", "region": 5}),
    ]
    out = io.StringIO()
    status = run_jsonl(io.StringIO("\n".join(lines) + "\n"), out, region="Minnesota")
    first, second, third = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["redacted"] == "Moved to [Location 1, Minnesota]."
    assert second["redacted"] == "Moved to [Location 1, Ohio]."
    assert third["error"] == '"region" must be a string'
    assert status == 1
