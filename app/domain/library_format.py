"""The library file: every script with its revisions and takes, as versioned JSON.

Format ``brevity-library`` version 1 (one JSON object, UTF-8)::

    {"format": "brevity-library", "version": 1, "exported_at": ISO, "app_version": "0.1.0",
     "profile": {"name": "", "phone": "", "region": "US"},
     "scripts": [{"name", "kind", "target_s", "text", "words_per_minute", "created_at",
                  "updated_at",
                  "revisions": [{"number", "text", "created_at", "coach_score", "coach_max"}],
                  "attempts": [{"revision", "started_at", "duration_s", "target_s", "words",
                                "reached_end", "outcome", "note", "speech_start_s"?,
                                "speech_end_s"?, "spoken_s"?, "pauses"?,
                                "longest_pause_s"?}]}]}

The voice fields of a take (``?``) are written only when they were measured and are optional
on import, so files from before them still import and the version stays 1 (an older Brevity
ignores them). The recording itself never travels in the JSON: ``Attempt.recording`` names a
WAV file in the data folder, which is not exported, so an imported take has its figures but
no replay.

Database ids are not part of it: a take names its revision by ``number`` within its script.
Only what the user sees is exported (nothing from the bin). Parsing checks every field and
raises ``LibraryFormatError`` naming the first bad one, so an import is all or nothing.
Text fields lose NUL characters on the way in (``clean_text``), as everywhere else. The
records parsed into and written from are in ``library_records``.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Any

from app.domain.attempt import Outcome
from app.domain.coach import Profile
from app.domain.library_records import (
    VOICE_FIELDS,
    Library,
    RevisionRecord,
    ScriptRecord,
    TakeRecord,
)
from app.domain.script import ScriptKind, clean_text

FORMAT_NAME = "brevity-library"
FORMAT_VERSION = 1


class LibraryFormatError(ValueError):
    """The data is not a library this version can import; ``str()`` is for the user."""


class LibraryTooNewError(LibraryFormatError):
    """The file was exported by a newer Brevity with a format version this one lacks."""


def library_text(library: Library) -> str:
    """``library`` as the text of a library file (UTF-8 JSON, indented, newline-terminated)."""
    return json.dumps(library_json(library), ensure_ascii=False, indent=2) + "\n"


def library_json(library: Library) -> dict[str, Any]:
    """The JSON object for ``library`` (``json.dumps`` it with ``ensure_ascii=False``)."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": library.exported_at,
        "app_version": library.app_version,
        "profile": {
            "name": library.profile.name,
            "phone": library.profile.phone,
            "region": library.profile.region,
        },
        "scripts": [_script_json(script) for script in library.scripts],
    }


def _script_json(script: ScriptRecord) -> dict[str, Any]:
    return {
        "name": script.name,
        "kind": script.kind.value,
        "target_s": script.target_s,
        "text": script.text,
        "words_per_minute": script.words_per_minute,
        "created_at": script.created_at,
        "updated_at": script.updated_at,
        "revisions": [
            {"number": r.number, "text": r.text, "created_at": r.created_at,
             "coach_score": r.coach_score, "coach_max": r.coach_max}
            for r in script.revisions
        ],
        "attempts": [_take_json(a) for a in script.attempts],
    }  # fmt: skip


def _take_json(take: TakeRecord) -> dict[str, Any]:
    data: dict[str, Any] = {
        "revision": take.revision, "started_at": take.started_at, "duration_s": take.duration_s,
        "target_s": take.target_s, "words": take.words, "reached_end": take.reached_end,
        "outcome": take.outcome.value, "note": take.note,
    }  # fmt: skip
    for name in VOICE_FIELDS:
        if (value := getattr(take, name)) is not None:
            data[name] = value
    return data


def parse_library(data: object) -> Library:
    """Check and convert a decoded JSON value; LibraryFormatError says what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise LibraryFormatError("This is not a Brevity library export (no \"format\": "
                                 f"\"{FORMAT_NAME}\").")  # fmt: skip
    top = _Fields(data, "the file")
    version = top.raw.get("version")
    if type(version) is not int or version < 1:
        raise LibraryFormatError(f"The library export has an unknown version: {version!r}.")
    if version > FORMAT_VERSION:
        raise LibraryTooNewError(
            f"This library was exported by a newer Brevity (format version {version}; this "
            f"version reads up to {FORMAT_VERSION}). Update Brevity to import it."
        )
    profile = _Fields(top.raw.get("profile", {}), "profile")
    return Library(
        profile=Profile(
            name=profile.text("name", ""),
            phone=profile.text("phone", ""),
            region=profile.text("region", Profile().region).strip().upper() or Profile().region,
        ),
        scripts=tuple(
            _parse_script(item, f"scripts[{i}]") for i, item in enumerate(top.items("scripts"))
        ),
        exported_at=top.text("exported_at", ""),
        app_version=top.text("app_version", ""),
    )


def _parse_script(data: object, where: str) -> ScriptRecord:
    f = _Fields(data, where)
    name, kind = f.text("name"), f.choice("kind", ScriptKind)
    revisions = tuple(
        _parse_revision(item, f"{where}.revisions[{i}]")
        for i, item in enumerate(f.items("revisions"))
    )
    numbers = [r.number for r in revisions]
    if len(set(numbers)) != len(numbers):
        raise LibraryFormatError(f"{where}.revisions: two revisions share a number.")
    attempts = tuple(
        _parse_take(item, f"{where}.attempts[{i}]", set(numbers))
        for i, item in enumerate(f.items("attempts"))
    )
    return ScriptRecord(
        name=name,
        kind=kind,
        target_s=f.number("target_s", positive=True),
        text=f.text("text", ""),
        words_per_minute=f.optional_number("words_per_minute"),
        created_at=f.moment("created_at"),
        updated_at=f.moment("updated_at"),
        revisions=tuple(sorted(revisions, key=lambda r: r.number)),
        attempts=attempts,
    )


def _parse_revision(data: object, where: str) -> RevisionRecord:
    f = _Fields(data, where)
    number = f.integer("number", minimum=1)
    score, most = f.optional_integer("coach_score"), f.optional_integer("coach_max")
    if (score is None) != (most is None) or (
        score is not None and most is not None and not 0 <= score <= most
    ):
        raise LibraryFormatError(f"{where}: coach_score {score} of {most} is out of range.")
    return RevisionRecord(number, f.text("text"), f.moment("created_at"), score, most)


def _parse_take(data: object, where: str, revision_numbers: set[int]) -> TakeRecord:
    f = _Fields(data, where)
    revision = f.integer("revision", minimum=1)
    if revision not in revision_numbers:
        raise LibraryFormatError(f"{where}.revision: the script has no revision {revision}.")
    reached_end = f.raw.get("reached_end")
    if not isinstance(reached_end, bool):
        raise LibraryFormatError(f"{where}.reached_end: expected true or false.")
    return TakeRecord(
        revision=revision,
        started_at=f.moment("started_at"),
        duration_s=f.number("duration_s"),
        target_s=f.number("target_s", positive=True),
        words=f.integer("words", minimum=0),
        reached_end=reached_end,
        outcome=f.choice("outcome", Outcome),
        note=f.text("note", ""),
        # Speech may begin during the count-in, before the take's clock: a start may be < 0.
        speech_start_s=f.optional_number("speech_start_s", signed=True),
        speech_end_s=f.optional_number("speech_end_s", signed=True),
        spoken_s=f.optional_number("spoken_s", positive=False),
        pauses=f.optional_integer("pauses"),
        longest_pause_s=f.optional_number("longest_pause_s", positive=False),
    )


class _Fields:
    """Typed access to one JSON object's fields; errors name ``where`` and the field."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise LibraryFormatError(f"{where}: expected a JSON object.")
        self.raw: dict[str, Any] = data
        self.where = where

    def _fail(self, key: str, expected: str) -> LibraryFormatError:
        got = repr(self.raw[key]) if key in self.raw else "nothing"
        shown = got if len(got) <= 40 else got[:37] + "..."
        return LibraryFormatError(f"{self.where}.{key}: expected {expected}, found {shown}.")

    def text(self, key: str, default: str | None = None) -> str:
        value = self.raw.get(key, default)
        if not isinstance(value, str):
            raise self._fail(key, "text")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape
            raise self._fail(key, "valid Unicode text") from None
        return clean_text(value)

    def items(self, key: str) -> list[object]:
        value = self.raw.get(key, [])
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return value

    def number(self, key: str, *, positive: bool = False, signed: bool = False) -> float:
        value = self.raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "a number")
        if signed and not math.isfinite(value):
            raise self._fail(key, "a finite number")
        if not signed and (not math.isfinite(value) or value < 0 or (positive and value == 0)):
            raise self._fail(key, "a positive number" if positive else "a number ≥ 0")
        return float(value)

    def optional_number(
        self, key: str, *, positive: bool = True, signed: bool = False
    ) -> float | None:
        if self.raw.get(key) is None:
            return None
        return self.number(key, positive=positive, signed=signed)

    def integer(self, key: str, *, minimum: int) -> int:
        value = self.raw.get(key)
        if type(value) is not int or value < minimum:
            raise self._fail(key, f"a whole number ≥ {minimum}")
        return value

    def optional_integer(self, key: str) -> int | None:
        return None if self.raw.get(key) is None else self.integer(key, minimum=0)

    def choice[E: (ScriptKind, Outcome)](self, key: str, enum: type[E]) -> E:
        value = self.raw.get(key)
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            return enum(value)
        except ValueError:
            raise self._fail(key, "one of " + ", ".join(e.value for e in enum)) from None

    def moment(self, key: str) -> str:
        """A timestamp, normalised to the stored form: UTC, milliseconds."""
        value = self.raw.get(key)
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise self._fail(key, "a date and time with a time zone")
        return moment.astimezone(UTC).isoformat(timespec="milliseconds")
