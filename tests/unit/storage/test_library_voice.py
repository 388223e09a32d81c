"""The voice fields in the library file: optional, exact on a round trip, checked on import,
and the recording itself never exported."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domain.attempt import Attempt, Outcome
from app.domain.library_format import LibraryFormatError, library_json, parse_library
from app.domain.script import Script, ScriptKind
from app.storage.database import close_database, open_database
from app.storage.repository import Repository
from app.storage.transfer import import_library, read_library, takes_csv


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Repository]:
    db = open_database(tmp_path / "other" / "brevity.sqlite3")
    yield Repository(db)
    close_database(db)


def _recorded_library(repo: Repository) -> tuple[Attempt, Attempt]:
    script = repo.add_script(Script("Jordan", ScriptKind.VOICEMAIL, 30.0, "Hi Jordan"))
    assert script.id is not None
    revision = repo.revision_for_take(script.id, script.text)

    def take(minute: int) -> Attempt:
        return repo.add_attempt(Attempt(
            script_id=script.id or 0, revision_id=revision.id or 0,
            started_at=f"2025-03-01T09:{minute:02d}:00.125+00:00", duration_s=31.5,
            target_s=30.0, words=12, reached_end=True, outcome=Outcome.GOOD,
        ))  # fmt: skip

    measured, plain = take(1), take(2)
    assert measured.id is not None
    repo.set_recording(measured.id, "recordings/2025-03-01T09-01-00.wav")
    measured = repo.set_speech(
        measured.id, start_s=0.625, end_s=28.375, pauses=3, longest_pause_s=0.875
    )
    return measured, plain


def _attempts_json(repo: Repository) -> list[dict[str, Any]]:
    data = json.loads(json.dumps(library_json(read_library(repo))))
    return [a for script in data["scripts"] for a in script["attempts"]]


def test_measured_takes_export_their_voice_but_not_the_recording(repo: Repository) -> None:
    _recorded_library(repo)
    measured, plain = _attempts_json(repo)
    assert {k: measured[k] for k in measured if "speech" in k or "pause" in k or "spoken" in k} == {
        "speech_start_s": 0.625, "speech_end_s": 28.375, "spoken_s": 27.75, "pauses": 3,
        "longest_pause_s": 0.875,
    }  # fmt: skip
    assert "recording" not in measured
    assert set(plain) == {"revision", "started_at", "duration_s", "target_s", "words",
                          "reached_end", "outcome", "note"}  # fmt: skip


def test_the_voice_round_trips_exactly(repo: Repository, fresh: Repository) -> None:
    measured, _plain = _recorded_library(repo)
    import_library(fresh, parse_library(json.loads(json.dumps(library_json(read_library(repo))))))
    assert _attempts_json(fresh) == _attempts_json(repo)
    imported = fresh.list_attempts()[0]
    assert (imported.speech_start_s, imported.speech_end_s, imported.spoken_s) == (
        measured.speech_start_s, measured.speech_end_s, measured.spoken_s,
    )  # fmt: skip
    assert (imported.pauses, imported.longest_pause_s) == (3, 0.875)
    assert imported.recording is None  # the file did not travel
    assert imported.verdict is measured.verdict


def test_a_file_without_voice_fields_still_imports() -> None:
    take = {"revision": 1, "started_at": "2025-03-01T08:00:00+00:00", "duration_s": 1,
            "target_s": 30, "words": 1, "reached_end": True, "outcome": "good"}  # fmt: skip
    library = parse_library(_file(take))
    record = library.scripts[0].attempts[0]
    assert (record.spoken_s, record.pauses, record.speech_start_s) == (None, None, None)


def test_speech_may_start_in_the_count_in_before_the_clock() -> None:
    library = parse_library(_file(_take(speech_start_s=-0.5, speech_end_s=20.0, spoken_s=20.5)))
    assert library.scripts[0].attempts[0].speech_start_s == -0.5


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("spoken_s", -1, "spoken_s: expected a number ≥ 0"),
        ("spoken_s", "27", "spoken_s: expected a number"),
        ("pauses", 1.5, "pauses: expected a whole number ≥ 0"),
        ("pauses", -1, "pauses: expected a whole number ≥ 0"),
        ("longest_pause_s", True, "longest_pause_s: expected a number"),
        ("speech_start_s", float("inf"), "speech_start_s: expected a finite number"),
    ],
)
def test_broken_voice_fields_are_refused(field: str, value: object, message: str) -> None:
    with pytest.raises(LibraryFormatError, match=re.escape(message)):
        parse_library(_file(_take(**{field: value})))


def test_the_csv_has_the_voice_columns(repo: Repository) -> None:
    _recorded_library(repo)
    text, count = takes_csv(repo)
    header, measured, plain = (line.split(",") for line in text.strip().split("\r\n"))
    assert count == 2
    row = dict(zip(header, measured, strict=True))
    assert (row["Spoken (s)"], row["Pauses"], row["Longest pause (s)"]) == ("27.75", "3", "0.88")
    assert (row["Over target (s)"], row["Verdict"]) == ("-2.25", "under")  # by the spoken length
    row = dict(zip(header, plain, strict=True))
    assert (row["Spoken (s)"], row["Pauses"], row["Longest pause (s)"]) == ("", "", "")
    assert (row["Over target (s)"], row["Verdict"]) == ("1.5", "on")


def _take(**voice: object) -> dict[str, Any]:
    plain = {"revision": 1, "started_at": "2025-03-01T08:00:00+00:00", "duration_s": 21,
             "target_s": 30, "words": 1, "reached_end": True, "outcome": "good"}  # fmt: skip
    return plain | voice


def _file(take: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "brevity-library", "version": 1,
        "scripts": [{"name": "A", "kind": "voicemail", "target_s": 30, "text": "t",
                     "created_at": "2025-03-01T09:00:00Z", "updated_at": "2025-03-01T09:00:00Z",
                     "revisions": [{"number": 1, "text": "t",
                                    "created_at": "2025-03-01T08:00:00Z"}],
                     "attempts": [take]}],
    }  # fmt: skip
