"""Import and export of the whole library, of takes as CSV and of single scripts.

Export covers what the user sees: scripts not in the bin, every revision of them, and their
takes not in the bin, with the speech measured in them (but not the recordings: the WAV files
stay in the data folder, and an imported take has no replay). Import runs in one
``BEGIN IMMEDIATE`` transaction, so a running Brevity (or a failure half-way) never sees half
of it, and merges by this rule:

* An imported script is *the same* as a script in the library when the name and kind are
  equal, every revision number both have holds the same text, and they share a revision or
  (neither rehearsed) the same current text. The library's name, text, target and pace win;
  revisions it lacks are added, coach scores it lacks are filled in, and takes it lacks are
  added. A take is already there when that script has one (even in the bin) on the same
  revision started at the same moment.
* Otherwise the script is added as a new one, with every timestamp as exported; if its name is
  taken it becomes "Name (imported)" ("Name (imported 2)", ...).
* Your details (name, number, region) are imported only when the library has none yet.

Importing the same file twice therefore changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app import __version__
from app.domain.attempt import Attempt
from app.domain.coach import Profile
from app.domain.library_records import (
    VOICE_FIELDS,
    Library,
    RevisionRecord,
    ScriptRecord,
    TakeRecord,
)
from app.domain.script import Script
from app.domain.script_file import ScriptDraft
from app.domain.spreadsheet import csv_rows, csv_text
from app.domain.verdicts import DEFAULT_READABLE_WPM
from app.domain.wording import plural
from app.storage.repository import Repository


@dataclass
class ImportSummary:
    """What an import did, for a one-line message."""

    scripts_added: int = 0
    scripts_merged: int = 0
    revisions_added: int = 0
    takes_added: int = 0
    takes_already_there: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (in the file, as stored)
    profile_imported: bool = False
    script_ids: list[int] = field(default_factory=list)  # every script added or merged into

    def describe(self, source: str = "") -> str:
        """ "Imported 2 new scripts, 3 revisions and 41 takes from FILE; ..." in one line."""
        text = (
            f"Imported {plural(self.scripts_added, 'new script')}, "
            f"{plural(self.revisions_added, 'revision')} and {plural(self.takes_added, 'take')}"
        )
        if source:
            text += f" from {source}"
        if self.scripts_merged:
            text += f"; {plural(self.scripts_merged, 'script')} already in the library"
        if self.takes_already_there:
            text += f" ({plural(self.takes_already_there, 'take')} already there)"
        return text + "."


def read_library(repo: Repository) -> Library:
    """Everything the user sees, as a Library ready for ``library_json``."""
    takes_by_script: dict[int, list[Attempt]] = {}
    for attempt in repo.list_attempts():
        takes_by_script.setdefault(attempt.script_id, []).append(attempt)
    return library_of(
        repo,
        [script_record(repo, s, takes_by_script.get(s.id or 0, [])) for s in repo.list_scripts()],
    )


def library_of(repo: Repository, scripts: Iterable[ScriptRecord]) -> Library:
    """A library of ``scripts`` with the user's details, stamped now."""
    stamp = repo.now().isoformat(timespec="milliseconds")
    return Library(repo.profile(), tuple(scripts), stamp, __version__)


def script_record(
    repo: Repository, script: Script, takes: Iterable[Attempt], *, text: str | None = None
) -> ScriptRecord:
    """``script`` with every version it has and those of ``takes`` that rehearsed one of
    them, as a library file holds it; ``text`` in place of the stored text when given."""
    assert script.id is not None
    revisions = repo.list_revisions(script.id)
    numbers = {r.id: r.number for r in revisions}
    return ScriptRecord(
        name=script.name,
        kind=script.kind,
        target_s=script.target_s,
        text=script.text if text is None else text,
        words_per_minute=script.words_per_minute,
        created_at=script.created_at,
        updated_at=script.updated_at,
        revisions=tuple(
            RevisionRecord(r.number, r.text, r.created_at, r.coach_score, r.coach_max)
            for r in revisions
        ),
        attempts=tuple(
            take_record(a, numbers[a.revision_id]) for a in takes if a.revision_id in numbers
        ),
    )


def take_record(attempt: Attempt, revision_number: int) -> TakeRecord:
    """One take as a library file holds it (its version by number, not by row id)."""
    return TakeRecord(
        revision=revision_number,
        started_at=attempt.started_at,
        duration_s=attempt.duration_s,
        target_s=attempt.target_s,
        words=attempt.words,
        reached_end=attempt.reached_end,
        outcome=attempt.outcome,
        note=attempt.note,
        speech_start_s=attempt.speech_start_s,
        speech_end_s=attempt.speech_end_s,
        spoken_s=attempt.spoken_s,
        pauses=attempt.pauses,
        longest_pause_s=attempt.longest_pause_s,
    )


def takes_csv(repo: Repository, readable_wpm: float = DEFAULT_READABLE_WPM) -> tuple[str, int]:
    """Every visible take as CSV text, and how many takes that is (verdicts judged with the
    user's readable pace)."""
    attempts = repo.list_attempts()
    rows = csv_rows(attempts, repo.list_scripts(), _revision_numbers(repo), readable_wpm)
    return csv_text(rows), len(attempts)


def _revision_numbers(repo: Repository) -> dict[int, int]:
    rows = repo.database.query("SELECT id, number FROM script_revisions")
    return {int(row["id"]): int(row["number"]) for row in rows}


def import_library(repo: Repository, library: Library) -> ImportSummary:
    """Merge ``library`` into the repository in one transaction (see the module docstring)."""
    db = repo.database
    summary = ImportSummary()
    with _immediate_transaction(db):
        for record in library.scripts:
            script_id = _same_script(db, record)
            if script_id is None:
                script_id = _add_script(db, record, summary)
            else:
                summary.scripts_merged += 1
            _merge_history(db, script_id, record, summary)
            summary.script_ids.append(script_id)
        current = repo.profile()
        if not current.name and not current.phone and library.profile != Profile():
            repo.set_profile(library.profile)
            summary.profile_imported = True
        repo.seed_if_first_run([])  # an imported library is not a first run: no starters
    return summary


def import_draft(repo: Repository, draft: ScriptDraft) -> Script:
    """Store a script read from a text file as a new script; its name made unique."""
    with _immediate_transaction(repo.database):
        name = _free_name(repo.database, draft.name)
        return repo.add_script(Script(name, draft.kind, draft.target_s, draft.text))


@contextmanager
def _immediate_transaction(db: Database) -> Iterator[None]:
    """One write transaction, taken up front: a deferred one could fail half-way with
    SQLITE_BUSY when another connection (the running app) writes first."""
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.execute("COMMIT")


def _same_script(db: Database, record: ScriptRecord) -> int | None:
    candidates = db.query(
        "SELECT id, text FROM scripts WHERE deleted_at IS NULL AND name = ? AND kind = ?"
        " ORDER BY id",
        [record.name, record.kind.value],
    )
    theirs = {r.number: r.text for r in record.revisions}
    for candidate in list(candidates):
        ours = _revision_texts(db, candidate["id"])
        shared = theirs.keys() & ours.keys()
        if any(theirs[n] != ours[n] for n in shared):
            continue
        if shared or (not theirs and not ours and record.text == candidate["text"]):
            return int(candidate["id"])
    return None


def _revision_texts(db: Database, script_id: int) -> dict[int, str]:
    rows = db.query("SELECT number, text FROM script_revisions WHERE script_id = ?", [script_id])
    return {int(row["number"]): str(row["text"]) for row in rows}


def _add_script(db: Database, record: ScriptRecord, summary: ImportSummary) -> int:
    name = _free_name(db, record.name)
    if name != record.name:
        summary.renamed.append((record.name, name))
    summary.scripts_added += 1
    return _insert(db, "scripts", {
        "name": name, "kind": record.kind.value, "target_s": record.target_s,
        "text": record.text, "words_per_minute": record.words_per_minute,
        "created_at": record.created_at, "updated_at": record.updated_at,
    })  # fmt: skip


def _merge_history(db: Database, script_id: int, record: ScriptRecord, s: ImportSummary) -> None:
    """Add the revisions and takes of ``record`` that the stored script lacks."""
    revision_ids: dict[int, int] = {}
    stored = db.query(
        "SELECT id, number, coach_score FROM script_revisions WHERE script_id = ?", [script_id]
    )
    for row in list(stored):
        revision_ids[int(row["number"])] = int(row["id"])
        if row["coach_score"] is None:
            _fill_score(db, int(row["id"]), record, int(row["number"]))
    for revision in record.revisions:
        if revision.number not in revision_ids:
            revision_ids[revision.number] = _insert(db, "script_revisions", {
                "script_id": script_id, "number": revision.number, "text": revision.text,
                "created_at": revision.created_at, "coach_score": revision.coach_score,
                "coach_max": revision.coach_max,
            })  # fmt: skip
            s.revisions_added += 1
    known = {
        (int(row["revision_id"]), str(row["started_at"]))
        for row in db.query(
            "SELECT revision_id, started_at FROM attempts WHERE script_id = ?", [script_id]
        )
    }
    for take in record.attempts:
        revision_id = revision_ids[take.revision]
        if (revision_id, take.started_at) in known:
            s.takes_already_there += 1
            continue
        _insert(db, "attempts", {
            "script_id": script_id, "revision_id": revision_id, "started_at": take.started_at,
            "duration_s": take.duration_s, "target_s": take.target_s, "words": take.words,
            "reached_end": int(take.reached_end), "outcome": take.outcome.value,
            "note": take.note, **{name: getattr(take, name) for name in VOICE_FIELDS},
        })  # fmt: skip
        s.takes_added += 1


def _fill_score(db: Database, revision_id: int, record: ScriptRecord, number: int) -> None:
    for revision in record.revisions:
        if revision.number == number and revision.coach_score is not None:
            db.execute(
                "UPDATE script_revisions SET coach_score = ?, coach_max = ? WHERE id = ?",
                [revision.coach_score, revision.coach_max, revision_id],
            )


def _free_name(db: Database, name: str) -> str:
    """``name``, or "name (imported)", "name (imported 2)", ... — the first not in use."""
    taken = {str(row["name"]) for row in db.query(
        "SELECT name FROM scripts WHERE deleted_at IS NULL")}  # fmt: skip
    candidate, number = name, 1
    while candidate in taken:
        candidate = f"{name} (imported{'' if number == 1 else f' {number}'})"
        number += 1
    return candidate


def _insert(db: Database, table: str, values: dict[str, Any]) -> int:
    names, marks = ", ".join(values), ", ".join("?" for _ in values)
    cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", [*values.values()])
    if cursor.lastrowid is None:
        raise RuntimeError(f"INSERT INTO {table} did not report a row id")
    return cursor.lastrowid
