"""Attempts in SQLite: the takes as logged, rated, annotated, binned and measured.

Each attempt points at the exact revision that was rehearsed. An attempt is visible while
neither it nor its script is in the bin. ``Repository`` answers for these on the rest of the
app's behalf; this module keeps the SQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from app.domain.attempt import Attempt, Outcome
from app.domain.script import ScriptKind, clean_text
from app.domain.verdicts import BEST_OUTCOMES
from app.storage.store import Row, Store, iso

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


class AttemptLog(Store):
    """Every take of every script. Binned attempts are invisible until restored."""

    def add_attempt(self, attempt: Attempt) -> Attempt:
        """Log a take; returns it with its id and ``started_at`` in the stored UTC format."""
        started_at = iso(datetime.fromisoformat(attempt.started_at))
        note = clean_text(attempt.note)
        with self._db.atomic():
            sql = "SELECT script_id FROM script_revisions WHERE id = ?"
            revision = self._one(sql, [attempt.revision_id], "revision", attempt.revision_id)
            if revision["script_id"] != attempt.script_id:
                raise ValueError(
                    f"revision {attempt.revision_id} belongs to script {revision['script_id']},"
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
        """(revision text, duration_s) of visible takes the pace can be learned from: read to
        the end (so the whole text took that long) and not marked as a failure (abandoned,
        stumbled or rambled), of scripts of ``kind`` (all kinds when None), oldest first."""
        sql = (
            "SELECT r.text, a.duration_s FROM attempts a JOIN scripts s ON s.id = a.script_id"
            " JOIN script_revisions r ON r.id = a.revision_id"
            " WHERE a.deleted_at IS NULL AND s.deleted_at IS NULL AND a.reached_end = 1"
            " AND a.outcome IN (?, ?, ?)"
        )
        # The outcomes a best may have are the ones the user did not mark as a failure.
        params: list[object] = [*sorted(outcome.value for outcome in BEST_OUTCOMES)]
        if kind is not None:
            sql += " AND s.kind = ?"
            params.append(ScriptKind(kind).value)
        rows = self._rows(sql + " ORDER BY a.started_at, a.id", params)
        return [(str(row["text"]), float(row["duration_s"])) for row in rows]


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
def _attempt(row: Row) -> Attempt:
    return Attempt(
        **{**row, "reached_end": bool(row["reached_end"]), "outcome": Outcome(row["outcome"])}
    )
