"""Scripts, revisions and attempts in SQLite: domain dataclasses in, domain dataclasses out.

Every user-visible write is one transaction. Timestamps are in the one stored format of
``store``. The attempts' SQL is the ``AttemptLog``'s; the Repository answers for them too, so
that the rest of the app keeps one door to user data.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from app.domain.attempt import Attempt, Outcome
from app.domain.coach import Profile
from app.domain.script import Revision, Script, ScriptKind, clean_text
from app.domain.starters import NAME_PLACEHOLDER, NUMBER_PLACEHOLDER, fill_in_details
from app.storage.attempt_log import AttemptLog
from app.storage.store import Row, Store, iso, utc_now

_SCRIPT_COLUMNS = "id, name, kind, target_s, text, words_per_minute, created_at, updated_at"
_REVISION_COLUMNS = "id, script_id, number, text, created_at, coach_score, coach_max"
_SEEDED_KEY = "seeded"
_PROFILE_KEY = "profile"
_WELCOME_KEY = "welcome_due"  # set by the first seed, removed once the details were asked


class Repository(Store):
    """All reads and writes of user data. Soft-deleted rows are invisible until restored."""

    def __init__(self, db: Database, now: Callable[[], datetime] = utc_now) -> None:
        super().__init__(db, now)
        self._attempts = AttemptLog(db, now)

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
        cutoff = iso(self._now() - older_than)
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

    # Attempts (kept by the AttemptLog, which documents them) ---------------------------------

    def add_attempt(self, attempt: Attempt) -> Attempt:
        return self._attempts.add_attempt(attempt)

    def get_attempt(self, attempt_id: int) -> Attempt:
        return self._attempts.get_attempt(attempt_id)

    def list_attempts(self, script_id: int | None = None) -> list[Attempt]:
        return self._attempts.list_attempts(script_id)

    def update_attempt(
        self, attempt_id: int, *, outcome: Outcome | None = None, note: str | None = None
    ) -> Attempt:
        return self._attempts.update_attempt(attempt_id, outcome=outcome, note=note)

    def set_recording(self, attempt_id: int, recording: str | None) -> None:
        self._attempts.set_recording(attempt_id, recording)

    def set_speech(
        self,
        attempt_id: int,
        *,
        start_s: float | None,
        end_s: float | None,
        pauses: int | None,
        longest_pause_s: float | None,
    ) -> Attempt:
        return self._attempts.set_speech(
            attempt_id, start_s=start_s, end_s=end_s, pauses=pauses, longest_pause_s=longest_pause_s
        )

    def delete_attempt(self, attempt_id: int) -> None:
        self._attempts.delete_attempt(attempt_id)

    def restore_attempt(self, attempt_id: int) -> None:
        self._attempts.restore_attempt(attempt_id)

    def speech_samples(self, kind: ScriptKind | None = None) -> list[tuple[str, float]]:
        return self._attempts.speech_samples(kind)

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

    def set_profile(self, profile: Profile) -> list[int]:
        """Keep who the user is, and put their name and number in place of the placeholders
        scripts still hold (the starters); returns the ids of the scripts so filled in."""
        profile = Profile(
            name=clean_text(profile.name).strip(),
            phone=clean_text(profile.phone).strip(),
            region=profile.region.strip().upper(),
        )
        value = json.dumps(
            {"name": profile.name, "phone": profile.phone, "region": profile.region},
            ensure_ascii=False,
        )
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [_PROFILE_KEY, value],
            )
            return self._fill_in_details(profile)

    def _fill_in_details(self, profile: Profile) -> list[int]:
        filled = []
        sql = "SELECT id, text FROM scripts WHERE instr(text, ?) OR instr(text, ?)"
        for row in self._rows(sql, [NAME_PLACEHOLDER, NUMBER_PLACEHOLDER]):
            text = fill_in_details(row["text"], profile)
            if text != row["text"]:
                self._db.execute(
                    "UPDATE scripts SET text = ?, updated_at = ? WHERE id = ?",
                    [text, self._stamp(), row["id"]],
                )
                filled.append(int(row["id"]))
        return filled

    # First run -------------------------------------------------------------------------------

    def seed_if_first_run(self, starters: Iterable[Script]) -> bool:
        """Add the starter scripts once per database, ever; True if it did so now. A library
        given starters owes its user a welcome (see ``welcome_due``)."""
        with self._db.atomic():
            if self._rows("SELECT 1 FROM meta WHERE key = ?", [_SEEDED_KEY]):
                return False
            stamp = self._stamp()
            added = [self._insert_script(starter, stamp) for starter in starters]
            self._insert("meta", {"key": _SEEDED_KEY, "value": stamp})
            if added:
                self._insert("meta", {"key": _WELCOME_KEY, "value": stamp})
        return True

    def welcome_due(self) -> bool:
        """Whether this library's first run has yet to ask for the user's details."""
        return bool(self._rows("SELECT 1 FROM meta WHERE key = ?", [_WELCOME_KEY]))

    def welcome_given(self) -> None:
        """The details were asked for (answered or skipped): never ask again."""
        with self._db.atomic():
            self._db.execute("DELETE FROM meta WHERE key = ?", [_WELCOME_KEY])

    # Helpers ---------------------------------------------------------------------------------

    def _insert_script(self, script: Script, stamp: str) -> Script:
        values = {**_script_values(script), "updated_at": stamp}
        return self.get_script(self._insert("scripts", values, stamp))

    def _update_live(self, script_id: int, assignments: str, params: list[Any]) -> None:
        """Apply ``assignments`` to a script not in the bin, bumping ``updated_at``."""
        sql = (
            f"UPDATE scripts SET {assignments}, updated_at = ? WHERE id = ? AND deleted_at IS NULL"
        )
        self._change(sql, [*params, self._stamp(), script_id], "script", script_id)


def _script_values(script: Script) -> Row:
    """The editable columns of ``script`` as they are stored."""
    return {
        "name": clean_text(script.name),
        "kind": ScriptKind(script.kind).value,
        "target_s": script.target_s,
        "text": clean_text(script.text),
        "words_per_minute": script.words_per_minute,
    }


# Column names are the dataclass field names, so rows map straight onto the domain objects.
def _script(row: Row) -> Script:
    return Script(**{**row, "kind": ScriptKind(row["kind"])})


def _revision(row: Row) -> Revision:
    return Revision(**row)
