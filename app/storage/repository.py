"""Scripts, revisions and attempts in SQLite: domain dataclasses in, domain dataclasses out.

Every user-visible write is one transaction. Timestamps are UTC ISO 8601 strings with
milliseconds, all in one format so that they sort and compare as text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from app.domain.attempt import Attempt, Outcome
from app.domain.coach import Profile
from app.domain.script import Revision, Script, ScriptKind, clean_text

Row = dict[str, Any]

_SCRIPT_COLUMNS = "id, name, kind, target_s, text, words_per_minute, created_at, updated_at"
_ATTEMPT_COLUMNS = (
    "a.id, a.script_id, a.revision_id, a.started_at, a.duration_s, a.target_s, a.words,"
    " a.reached_end, a.outcome, a.note, a.recording, a.speech_start_s, a.speech_end_s,"
    " a.spoken_s, a.pauses, a.longest_pause_s"
)
# Attempts the user can see: not deleted themselves, and their script not deleted either.
_LIVE_ATTEMPTS = (
    f"SELECT {_ATTEMPT_COLUMNS} FROM attempts a JOIN scripts s ON s.id = a.script_id"
    " WHERE a.deleted_at IS NULL AND s.deleted_at IS NULL"
)
_REVISION_COLUMNS = "id, script_id, number, text, created_at, coach_score, coach_max"
_SEEDED_KEY = "seeded"
_PROFILE_KEY = "profile"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    """``moment`` in the stored format; naive datetimes are refused rather than guessed."""
    if moment.tzinfo is None:
        raise ValueError(f"timestamp without a time zone: {moment!r}")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


class Repository:
    """All reads and writes of user data. Soft-deleted rows are invisible until restored."""

    def __init__(self, db: Database, now: Callable[[], datetime] = _utc_now) -> None:
        self._db = db
        self._now = now

    @property
    def database(self) -> Database:
        """The connection, for whole-library work (import) that needs one transaction."""
        return self._db

    def now(self) -> datetime:
        """The current UTC time as this repository stamps it (a fake one in tests)."""
        return self._now()

    # Scripts ---------------------------------------------------------------------------------

    def list_scripts(self) -> list[Script]:
        """Scripts not in the bin, by name ignoring case (Unicode-aware), then by id."""
        rows = self._rows(f"SELECT {_SCRIPT_COLUMNS} FROM scripts WHERE deleted_at IS NULL")
        scripts = [_script(row) for row in rows]
        return sorted(scripts, key=lambda s: (s.name.casefold(), s.id or 0))

    def get_script(self, script_id: int) -> Script:
        """The script, or KeyError if there is none or it is in the bin."""
        sql = f"SELECT {_SCRIPT_COLUMNS} FROM scripts WHERE id = ? AND deleted_at IS NULL"
        return _script(self._one(sql, [script_id], "script", script_id))

    def add_script(self, script: Script) -> Script:
        """Store a new script (any ``id`` on the argument is ignored); returns it as stored."""
        with self._db.atomic():
            return self._insert_script(script, self._stamp())

    def update_script(self, script: Script) -> Script:
        """Save name, kind, target, text and pace of a stored script; returns it as stored."""
        if script.id is None:
            raise ValueError("update_script needs a stored script (id is None)")
        columns = _script_values(script)
        self._update_live(script.id, ", ".join(f"{c} = ?" for c in columns), [*columns.values()])
        return self.get_script(script.id)

    def save_text(self, script_id: int, text: str) -> None:
        """The editor's autosave. Also lands in a binned script, so undoing a delete keeps it."""
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE scripts SET text = ?, updated_at = ? WHERE id = ? AND text IS NOT ?",
                [clean_text(text), self._stamp(), script_id, clean_text(text)],
            )
            if cursor.rowcount == 0:
                self._one("SELECT id FROM scripts WHERE id = ?", [script_id], "script", script_id)

    def rename_script(self, script_id: int, name: str) -> None:
        self._update_live(script_id, "name = ?", [clean_text(name)])

    def set_pace(self, script_id: int, words_per_minute: float | None) -> None:
        """Set the script's own pace, or None to go back to the user's median."""
        if words_per_minute is not None and words_per_minute <= 0:
            raise ValueError("words_per_minute must be positive")
        self._update_live(script_id, "words_per_minute = ?", [words_per_minute])

    def duplicate_script(self, script_id: int, new_name: str) -> Script:
        """A new script with the text, kind, target and pace of another; no attempts."""
        with self._db.atomic():
            source = self.get_script(script_id)
            return self._insert_script(replace(source, name=new_name), self._stamp())

    def delete_script(self, script_id: int) -> None:
        """Move the script (and so its attempts) to the bin; ``restore_script`` undoes it."""
        sql = "UPDATE scripts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"
        self._change(sql, [self._stamp(), script_id], "script", script_id)

    def restore_script(self, script_id: int) -> None:
        """Take the script (and its attempts) out of the bin."""
        sql = "UPDATE scripts SET deleted_at = NULL WHERE id = ?"
        self._change(sql, [script_id], "script", script_id)

    def purge_deleted(self, older_than: timedelta) -> None:
        """Erase for good what has been in the bin longer than ``older_than``."""
        cutoff = _iso(self._now() - older_than)
        with self._db.atomic():
            # Revisions and attempts of a purged script go with it (ON DELETE CASCADE).
            self._db.execute("DELETE FROM scripts WHERE deleted_at <= ?", [cutoff])
            self._db.execute("DELETE FROM attempts WHERE deleted_at <= ?", [cutoff])

    # Revisions -------------------------------------------------------------------------------

    def revision_for_take(self, script_id: int, text: str) -> Revision:
        """The revision a take of ``text`` should point at: the latest one if the text is the
        same, otherwise a new one numbered after it."""
        text = clean_text(text)
        with self._db.atomic():
            self.get_script(script_id)
            latest = self._rows(
                f"SELECT {_REVISION_COLUMNS} FROM script_revisions WHERE script_id = ?"
                " ORDER BY number DESC LIMIT 1",
                [script_id],
            )
            if latest and latest[0]["text"] == text:
                return _revision(latest[0])
            number = latest[0]["number"] + 1 if latest else 1
            values = {"script_id": script_id, "number": number, "text": text}
            return self.get_revision(self._insert("script_revisions", values, self._stamp()))

    def get_revision(self, revision_id: int) -> Revision:
        sql = f"SELECT {_REVISION_COLUMNS} FROM script_revisions WHERE id = ?"
        return _revision(self._one(sql, [revision_id], "revision", revision_id))

    def list_revisions(self, script_id: int) -> list[Revision]:
        sql = (
            f"SELECT {_REVISION_COLUMNS} FROM script_revisions WHERE script_id = ? ORDER BY number"
        )
        return [_revision(row) for row in self._rows(sql, [script_id])]

    def set_revision_score(self, revision_id: int, score: int, max_score: int) -> None:
        """Remember the coach's score of a revision (its text never changes, so neither does
        the score unless the checks themselves change)."""
        if not 0 <= score <= max_score:
            raise ValueError(f"score {score} of {max_score} is out of range")
        self._change(
            "UPDATE script_revisions SET coach_score = ?, coach_max = ? WHERE id = ?",
            [score, max_score, revision_id],
            "revision",
            revision_id,
        )

    # Attempts --------------------------------------------------------------------------------

    def add_attempt(self, attempt: Attempt) -> Attempt:
        """Log a take; returns it with its id and ``started_at`` in the stored UTC format."""
        started_at = _iso(datetime.fromisoformat(attempt.started_at))
        note = clean_text(attempt.note)
        with self._db.atomic():
            revision = self.get_revision(attempt.revision_id)
            if revision.script_id != attempt.script_id:
                raise ValueError(
                    f"revision {attempt.revision_id} belongs to script {revision.script_id},"
                    f" not {attempt.script_id}"
                )
            stored = replace(attempt, started_at=started_at, note=note)
            attempt_id = self._insert("attempts", _attempt_values(stored))
        return replace(stored, id=attempt_id)

    def get_attempt(self, attempt_id: int) -> Attempt:
        """The attempt, or KeyError if there is none or it (or its script) is in the bin."""
        sql = f"{_LIVE_ATTEMPTS} AND a.id = ?"
        return _attempt(self._one(sql, [attempt_id], "attempt", attempt_id))

    def list_attempts(self, script_id: int | None = None) -> list[Attempt]:
        """Visible attempts, of one script or of all, oldest first."""
        where, params = ("", []) if script_id is None else (" AND a.script_id = ?", [script_id])
        sql = f"{_LIVE_ATTEMPTS}{where} ORDER BY a.started_at, a.id"
        return [_attempt(row) for row in self._rows(sql, params)]

    def update_attempt(
        self, attempt_id: int, *, outcome: Outcome | None = None, note: str | None = None
    ) -> Attempt:
        """Change how a take was rated and/or its note; returns the attempt as stored."""
        new_outcome = None if outcome is None else Outcome(outcome).value
        new_note = None if note is None else clean_text(note)
        with self._db.atomic():
            self.get_attempt(attempt_id)
            self._db.execute(
                "UPDATE attempts SET outcome = COALESCE(?, outcome), note = COALESCE(?, note)"
                " WHERE id = ?",
                [new_outcome, new_note, attempt_id],
            )
            return self.get_attempt(attempt_id)

    def set_recording(self, attempt_id: int, recording: str | None) -> None:
        """Point the attempt at its WAV file (a path relative to the data folder), or at none."""
        self._change(
            "UPDATE attempts SET recording = ? WHERE id = ?",
            [recording, attempt_id],
            "attempt",
            attempt_id,
        )

    def set_speech(
        self,
        attempt_id: int,
        *,
        start_s: float | None,
        end_s: float | None,
        pauses: int | None,
        longest_pause_s: float | None,
    ) -> Attempt:
        """Store the speech measured in the take (all None: recorded, but no speech heard)."""
        spoken = None if start_s is None or end_s is None else max(0.0, end_s - start_s)
        with self._db.atomic():
            self._change(
                "UPDATE attempts SET speech_start_s = ?, speech_end_s = ?, spoken_s = ?,"
                " pauses = ?, longest_pause_s = ? WHERE id = ?",
                [start_s, end_s, spoken, pauses, longest_pause_s, attempt_id],
                "attempt",
                attempt_id,
            )
            return self.get_attempt(attempt_id)

    def delete_attempt(self, attempt_id: int) -> None:
        """Move the attempt to the bin; ``restore_attempt`` undoes it."""
        with self._db.atomic():
            self.get_attempt(attempt_id)
            self._db.execute(
                "UPDATE attempts SET deleted_at = ? WHERE id = ?", [self._stamp(), attempt_id]
            )

    def restore_attempt(self, attempt_id: int) -> None:
        sql = "UPDATE attempts SET deleted_at = NULL WHERE id = ?"
        self._change(sql, [attempt_id], "attempt", attempt_id)

    def speech_samples(self, kind: ScriptKind | None = None) -> list[tuple[str, float]]:
        """(revision text, duration_s) of visible completed takes: read to the end, not
        abandoned, of scripts of ``kind`` (all kinds when None), oldest first."""
        sql = (
            "SELECT r.text, a.duration_s FROM attempts a JOIN scripts s ON s.id = a.script_id"
            " JOIN script_revisions r ON r.id = a.revision_id"
            " WHERE a.deleted_at IS NULL AND s.deleted_at IS NULL AND a.reached_end = 1"
            " AND a.outcome != ?"
        )
        params: list[object] = [Outcome.ABANDONED.value]
        if kind is not None:
            sql += " AND s.kind = ?"
            params.append(ScriptKind(kind).value)
        rows = self._rows(sql + " ORDER BY a.started_at, a.id", params)
        return [(str(row["text"]), float(row["duration_s"])) for row in rows]

    # The caller's profile --------------------------------------------------------------------

    def profile(self) -> Profile:
        """Who the user is (name, number, region) for the script coach; empty until set."""
        rows = self._rows("SELECT value FROM meta WHERE key = ?", [_PROFILE_KEY])
        if not rows:
            return Profile()
        try:
            stored = json.loads(rows[0]["value"])
        except ValueError:
            return Profile()
        if not isinstance(stored, dict):
            return Profile()
        defaults = Profile()
        return Profile(
            name=str(stored.get("name", defaults.name)),
            phone=str(stored.get("phone", defaults.phone)),
            region=str(stored.get("region", defaults.region)) or defaults.region,
        )

    def set_profile(self, profile: Profile) -> None:
        value = json.dumps(
            {
                "name": clean_text(profile.name).strip(),
                "phone": clean_text(profile.phone).strip(),
                "region": profile.region.strip().upper(),
            },
            ensure_ascii=False,
        )
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [_PROFILE_KEY, value],
            )

    # First run -------------------------------------------------------------------------------

    def seed_if_first_run(self, starters: Iterable[Script]) -> bool:
        """Add the starter scripts once per database, ever; True if it did so now."""
        with self._db.atomic():
            if self._rows("SELECT 1 FROM meta WHERE key = ?", [_SEEDED_KEY]):
                return False
            stamp = self._stamp()
            for starter in starters:
                self._insert_script(starter, stamp)
            self._insert("meta", {"key": _SEEDED_KEY, "value": stamp})
        return True

    # Helpers ---------------------------------------------------------------------------------

    def _stamp(self) -> str:
        return _iso(self._now())

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[Row]:
        return list(self._db.query(sql, params or []))

    def _one(self, sql: str, params: list[Any], what: str, key: int) -> Row:
        rows = self._rows(sql, params)
        if not rows:
            raise KeyError(f"no {what} with id {key}")
        return rows[0]

    def _insert(self, table: str, values: Row, stamp: str | None = None) -> int:
        """INSERT one row (with ``created_at`` when ``stamp`` is given); returns its id."""
        if stamp is not None:
            values = {**values, "created_at": stamp}
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self._db.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks})", [*values.values()]
        )
        if cursor.lastrowid is None:
            raise RuntimeError(f"INSERT INTO {table} did not report a row id")
        return cursor.lastrowid

    def _insert_script(self, script: Script, stamp: str) -> Script:
        values = {**_script_values(script), "updated_at": stamp}
        return self.get_script(self._insert("scripts", values, stamp))

    def _update_live(self, script_id: int, assignments: str, params: list[Any]) -> None:
        """Apply ``assignments`` to a script not in the bin, bumping ``updated_at``."""
        sql = (
            f"UPDATE scripts SET {assignments}, updated_at = ? WHERE id = ? AND deleted_at IS NULL"
        )
        self._change(sql, [*params, self._stamp(), script_id], "script", script_id)

    def _change(self, sql: str, params: list[Any], what: str, key: int) -> None:
        """Run one UPDATE in its own transaction; KeyError if it matched no row."""
        with self._db.atomic():
            if self._db.execute(sql, params).rowcount == 0:
                raise KeyError(f"no {what} with id {key}")


def _script_values(script: Script) -> Row:
    """The editable columns of ``script`` as they are stored."""
    return {
        "name": clean_text(script.name),
        "kind": ScriptKind(script.kind).value,
        "target_s": script.target_s,
        "text": clean_text(script.text),
        "words_per_minute": script.words_per_minute,
    }


def _attempt_values(attempt: Attempt) -> Row:
    return {
        "script_id": attempt.script_id,
        "revision_id": attempt.revision_id,
        "started_at": attempt.started_at,
        "duration_s": attempt.duration_s,
        "target_s": attempt.target_s,
        "words": attempt.words,
        "reached_end": int(attempt.reached_end),
        "outcome": Outcome(attempt.outcome).value,
        "note": attempt.note,
        "recording": attempt.recording,
        "speech_start_s": attempt.speech_start_s,
        "speech_end_s": attempt.speech_end_s,
        "spoken_s": attempt.spoken_s,
        "pauses": attempt.pauses,
        "longest_pause_s": attempt.longest_pause_s,
    }


# Column names are the dataclass field names, so rows map straight onto the domain objects.
def _script(row: Row) -> Script:
    return Script(**{**row, "kind": ScriptKind(row["kind"])})


def _revision(row: Row) -> Revision:
    return Revision(**row)


def _attempt(row: Row) -> Attempt:
    return Attempt(
        **{**row, "reached_end": bool(row["reached_end"]), "outcome": Outcome(row["outcome"])}
    )
