"""The library as plain records: every script with its revisions and takes, and the profile.

What an export writes and an import reads (``library_format`` turns them into JSON and back;
``storage.transfer`` reads them from and writes them to the database). A take names its
revision by ``number`` within its script, never by a database id.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.attempt import Outcome
from app.domain.coach import Profile
from app.domain.script import ScriptKind


@dataclass(frozen=True, slots=True)
class RevisionRecord:
    number: int
    text: str
    created_at: str
    coach_score: int | None = None
    coach_max: int | None = None


@dataclass(frozen=True, slots=True)
class TakeRecord:
    revision: int  # the revision's number within its script
    started_at: str
    duration_s: float
    target_s: float
    words: int
    reached_end: bool
    outcome: Outcome
    note: str = ""
    speech_start_s: float | None = None  # the voice fields: see Attempt
    speech_end_s: float | None = None
    spoken_s: float | None = None
    pauses: int | None = None
    longest_pause_s: float | None = None


VOICE_FIELDS = ("speech_start_s", "speech_end_s", "spoken_s", "pauses", "longest_pause_s")


@dataclass(frozen=True, slots=True)
class ScriptRecord:
    name: str
    kind: ScriptKind
    target_s: float
    text: str
    words_per_minute: float | None
    created_at: str
    updated_at: str
    revisions: tuple[RevisionRecord, ...] = ()
    attempts: tuple[TakeRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class Library:
    profile: Profile
    scripts: tuple[ScriptRecord, ...]
    exported_at: str = ""
    app_version: str = ""
