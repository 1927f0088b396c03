"""The line protocol behind ``confide redact --jsonl`` and ``python -m confide.deid --jsonl``.

Input, one JSON object per line::

    {"id": "n1", "text": "...", "known": {...}, "session_date": "2024-03-14", "packet": "p7",
     "region": "Ohio"}

``id`` is echoed back; ``known`` (optional) describes the client, with any of the keys
names, nicknames, phones, emails, addresses, dates_of_birth, ids, other_people, places, each a
list of strings; ``session_date`` (optional, ISO) makes dates relative to the session;
consecutive lines with the same ``packet`` share pseudonyms; ``region`` (optional, default the
``region`` given to `run_jsonl`) is what places are reduced to in the redacted text.

Output, one line per input line, in order, flushed at once::

    {"id": "n1", "spans": [{"start": 0, "end": 5, "label": "PERSON"}], "redacted": "..."}

Offsets are Python string indices (Unicode code points) into the input text. A line that
cannot be processed yields ``{"id": ..., "line": N, "error": "..."}`` (the message never
quotes the text) and processing goes on; the exit status is 1 if any line failed, else 0.
Blank lines are skipped. Memory stays constant: one line is held at a time.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, TextIO

from .engine import redact
from .known import KnownIdentifiers
from .pseudonyms import Pseudonymizer


class _LineError(Exception):
    pass


def run_jsonl(stdin: TextIO, stdout: TextIO, *, region: str = "") -> int:
    """Process stdin line by line; see the module docstring. Returns the exit status."""
    failed = False
    packet: object = None
    pseudonyms = Pseudonymizer(region=region)
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        note_id: Any = None
        try:
            obj = _parse(line)
            note_id = obj.get("id")
            if obj.get("packet") is None or obj.get("packet") != packet:
                pseudonyms = Pseudonymizer(region=region)
            packet = obj.get("packet")
            line_region = obj.get("region", region)
            if not isinstance(line_region, str):
                raise _LineError('"region" must be a string')
            pseudonyms.region = line_region
            result = _process(obj, pseudonyms)
            out = {"id": note_id, **result}
        except _LineError as exc:
            failed = True
            out = {"id": note_id, "line": number, "error": str(exc)}
        except Exception:  # noqa: BLE001 - one bad note must not stop a batch of thousands
            failed = True
            out = {"id": note_id, "line": number, "error": "internal error"}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return 1 if failed else 0


def _parse(line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _LineError(f"invalid JSON at column {exc.colno}: {exc.msg}") from None
    if not isinstance(obj, dict):
        raise _LineError("each line must be a JSON object")
    return obj


def _process(obj: dict[str, Any], pseudonyms: Pseudonymizer) -> dict[str, Any]:
    text = obj.get("text")
    if not isinstance(text, str):
        raise _LineError('"text" must be a string')
    known = None
    if obj.get("known") is not None:
        try:
            known = KnownIdentifiers.from_dict(obj["known"])
        except ValueError as exc:
            raise _LineError(str(exc)) from None
    session = None
    if obj.get("session_date") is not None:
        try:
            session = date.fromisoformat(obj["session_date"])
        except (TypeError, ValueError):
            raise _LineError('"session_date" must be an ISO date (YYYY-MM-DD)') from None
    result = redact(text, known, session_date=session, pseudonyms=pseudonyms)
    return {
        "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in result.spans],
        "redacted": result.text,
    }
