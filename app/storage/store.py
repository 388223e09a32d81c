"""What every store of user data shares: one connection, one clock, the stored time format.

Timestamps are UTC ISO 8601 strings with milliseconds, all in one format so that they sort and
compare as text. The helpers raise KeyError for a row that is not there, so that a missing
script, revision or attempt fails the same way whichever store looked for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

Row = dict[str, Any]


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """``moment`` in the stored format; naive datetimes are refused rather than guessed."""
    if moment.tzinfo is None:
        raise ValueError(f"timestamp without a time zone: {moment!r}")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


class Store:
    """Reads and writes on ``db``, stamped with ``now`` (a fake clock in tests)."""

    def __init__(self, db: Database, now: Callable[[], datetime] = utc_now) -> None:
        self._db = db
        self._now = now

    def _stamp(self) -> str:
        return iso(self._now())

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

    def _change(self, sql: str, params: list[Any], what: str, key: int) -> None:
        """Run one UPDATE in its own transaction; KeyError if it matched no row."""
        with self._db.atomic():
            if self._db.execute(sql, params).rowcount == 0:
                raise KeyError(f"no {what} with id {key}")
