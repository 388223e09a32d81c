"""Backups of Brevity's database: made with SQLite's backup API, checked, thinned, listed.

A backup is written to ``<name>.tmp`` beside its final name, converted to a self-contained
rollback-journal file, checked with ``PRAGMA integrity_check``, fsynced and only then renamed
into place, so ``backups/`` never holds a half-written or unchecked file under a backup's name.
A source that fails ``PRAGMA quick_check`` is never backed up: a damaged copy must not push a
good one out.

"Changed since the last backup" is decided by content, not by file times: ``content_digest``
hashes the schema and every row of every table, in rowid order. Equal digests mean the same
data, whatever the WAL, checkpoints, page layout or clocks did; a rating or a note edited in
place (which touches no timestamp and no row count) still changes it. Hashing 2,000 takes
costs a few milliseconds (``benchmarks/bench_backup.py``).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.storage.atomic_file import fsync_directory, fsync_file

BACKUPS_DIRNAME = "backups"
_NAME = re.compile(r"^brevity-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d)Z(?:-(\d+))?\.sqlite3$")
_STAMP = "%Y-%m-%dT%H-%M-%S"
_TEMPORARY_GLOB = "brevity-*.tmp*"  # the .tmp file and any -journal/-wal/-shm beside it

# Thinning limits, as Anki's: beyond today and yesterday, this many days, weeks and months.
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9

_LIVE_ATTEMPTS = (
    "SELECT count(*) FROM attempts a JOIN scripts s ON s.id = a.script_id"
    " WHERE a.deleted_at IS NULL AND s.deleted_at IS NULL"
)
_DAMAGED_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_LIVE_SCRIPTS = "SELECT count(*) FROM scripts WHERE deleted_at IS NULL"


class BackupError(Exception):
    """A backup was not made (the source is damaged, or the copy failed its check)."""


@dataclass(frozen=True)
class BackupInfo:
    """One file in ``backups/``; the counts are None when the file cannot be read."""

    path: Path
    taken_at: datetime  # UTC, from the file name
    attempts: int | None
    scripts: int | None

    @property
    def readable(self) -> bool:
        return self.attempts is not None


def make_backup(source: Path | sqlite3.Connection, backups_dir: Path, now: datetime) -> Path | None:
    """Back ``source`` up into ``backups_dir`` unless the newest backup already holds the same
    data; returns the new file (None when unchanged) and thins the older ones.

    Raises BackupError when ``source`` fails its quick check or the copy fails its integrity
    check (no file is left behind either way), OSError or sqlite3.Error on I/O failures.
    """
    with _source(source) as connection:
        problems = quick_check(connection)
        if problems:
            raise BackupError(f"the database is damaged ({'; '.join(problems[:3])})")
        digest = content_digest(connection)
        newest = newest_backup(backups_dir)
        if newest is not None and _digest_of(newest) == digest:
            return None
        backups_dir.mkdir(parents=True, exist_ok=True)
        _remove_temporaries(backups_dir)
        final = _free_name(backups_dir, now)
        temporary = final.with_name(final.name + ".tmp")
        try:
            _write_checked_copy(connection, temporary)
            os.replace(temporary, final)
        finally:
            _remove_temporaries(backups_dir)
    fsync_directory(backups_dir)
    for obsolete in thin(_stamped(backups_dir), now.astimezone()):
        obsolete.unlink(missing_ok=True)
    return final


def content_digest(connection: sqlite3.Connection) -> str:
    """A hash of the schema and of every row, equal for two files holding the same data."""
    digest = hashlib.sha256()
    schema = connection.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    digest.update(repr(schema).encode())
    for kind, name, _sql in schema:
        if kind != "table" or name.startswith("sqlite_"):
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        cursor = connection.execute(f"SELECT * FROM {quoted} ORDER BY rowid")
        while rows := cursor.fetchmany(500):
            digest.update(repr(rows).encode())
    return digest.hexdigest()


def thin(backups: Iterable[tuple[Path, datetime]], now: datetime) -> list[Path]:
    """The backups to delete, given (path, taken_at) pairs and the current time.

    Days, ISO weeks (Monday to Sunday) and months are calendar periods in ``now``'s time zone.
    Walking from the newest backup to the oldest, a backup is kept when

    * it was taken today or yesterday (or later than now: a clock set back): all are kept;
    * daily, until 12 were kept so: it is the newest backup of a day older than the day of the
      last kept backup;
    * then weekly, until 10 were kept so: the newest backup of an ISO week older than the
      week of the last kept backup;
    * then monthly, until 9 were kept so: the newest backup of a month older than the month
      of the last kept backup.

    Everything else is returned. So the daily backups cover the 12 most recent earlier days
    that have one, the weekly ones carry on from the week before the oldest daily one, the
    monthly ones from the month before the oldest weekly one, and older backups go.
    """
    zone = now.tzinfo
    yesterday = now.date() - timedelta(days=1)
    remaining = {"day": KEEP_DAILY, "week": KEEP_WEEKLY, "month": KEEP_MONTHLY}
    last_kept: dict[str, tuple[int, ...]] | None = None
    obsolete: list[Path] = []
    for path, taken_at in sorted(backups, key=lambda pair: pair[1], reverse=True):
        local = taken_at.astimezone(zone).date()
        periods = {
            "day": (local.year, local.month, local.day),
            "week": tuple(local.isocalendar())[:2],
            "month": (local.year, local.month),
        }
        stage = next((period for period in remaining if remaining[period] > 0), None)
        keep = local >= yesterday
        if not keep and stage is not None:
            keep = last_kept is None or periods[stage] < last_kept[stage]
            remaining[stage] -= keep
        if keep:
            last_kept = periods
        else:
            obsolete.append(path)
    return obsolete


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Every backup in ``backups_dir``, newest first, with its take and script counts."""
    infos = []
    for path, taken_at in sorted(_stamped(backups_dir), key=_sort_key, reverse=True):
        attempts = scripts = None
        try:
            with read_only(path) as connection:
                attempts = int(connection.execute(_LIVE_ATTEMPTS).fetchone()[0])
                scripts = int(connection.execute(_LIVE_SCRIPTS).fetchone()[0])
        except sqlite3.Error:
            attempts = scripts = None
        infos.append(BackupInfo(path, taken_at, attempts, scripts))
    return infos


def newest_backup(backups_dir: Path) -> Path | None:
    stamped = _stamped(backups_dir)
    return max(stamped, key=_sort_key)[0] if stamped else None


def backup_time(path: Path) -> datetime | None:
    """When the backup at ``path`` was taken (UTC), from its name; None for other files."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)


def describe_time(moment: datetime, now: datetime) -> str:
    """``moment`` in local time for people: "Tuesday 24 Nov, 18:02" (the year if not now's)."""
    local = moment.astimezone()
    year = "" if local.year == now.astimezone().year else f" {local.year}"
    return f"{local:%A} {local.day} {local:%b}{year}, {local:%H:%M}"


def describe_takes(attempts: int | None) -> str:
    """Counted takes for a message, " (41 takes)" or " (1 take)"; nothing when unknown."""
    if attempts is None:
        return ""
    return f" ({attempts} take)" if attempts == 1 else f" ({attempts} takes)"


# --- helpers ----------------------------------------------------------------------------------


@contextmanager
def _source(source: Path | sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    if isinstance(source, sqlite3.Connection):
        yield source
    else:
        with read_only(source) as connection:
            yield connection


@contextmanager
def read_only(path: Path, timeout_s: float = 5.0) -> Iterator[sqlite3.Connection]:
    """A read-only connection: opening a file to look at it must never change it.
    ``timeout_s`` is how long a statement waits for another connection's lock."""
    if not path.is_file():
        raise sqlite3.OperationalError(f"no such file: {path}")
    uri = path.resolve().as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=timeout_s)) as connection:
        yield connection


def quick_check(connection: sqlite3.Connection) -> list[str]:
    """``PRAGMA quick_check``: [] when sound; a file too damaged to check gives its error."""
    try:
        problems = [str(row[0]) for row in connection.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _DAMAGED_CODES:
            return [str(exc)]  # so damaged that the check itself cannot run
        raise
    return [] if problems == ["ok"] else problems


def integrity_problems(connection: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` (the thorough one): [] when sound."""
    rows = connection.execute("PRAGMA integrity_check").fetchall()
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def _write_checked_copy(connection: sqlite3.Connection, temporary: Path) -> None:
    """Copy with the backup API into ``temporary``, make it a stand-alone rollback-journal
    file (readable without -wal/-shm), check its integrity and fsync it."""
    with closing(sqlite3.connect(temporary)) as copy:
        connection.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
        problems = integrity_problems(copy)
    if problems:
        raise BackupError(f"the backup copy failed its check ({'; '.join(problems[:3])})")
    fsync_file(temporary)


def _digest_of(path: Path) -> str | None:
    try:
        with read_only(path) as connection:
            return content_digest(connection)
    except sqlite3.Error:
        return None  # an unreadable backup holds nothing: make a new one


def _stamped(backups_dir: Path) -> list[tuple[Path, datetime]]:
    if not backups_dir.is_dir():
        return []
    pairs = [(path, backup_time(path)) for path in backups_dir.iterdir()]
    return [(path, taken_at) for path, taken_at in pairs if taken_at is not None]


def _sort_key(pair: tuple[Path, datetime]) -> tuple[datetime, int]:
    match = _NAME.match(pair[0].name)
    return pair[1], int(match.group(2) or 0) if match else 0


def _free_name(backups_dir: Path, now: datetime) -> Path:
    """``brevity-<UTC time>Z.sqlite3``, with ``-2``, ``-3``... if that second is taken."""
    stamp = now.astimezone(UTC).strftime(_STAMP)
    path, number = backups_dir / f"brevity-{stamp}Z.sqlite3", 1
    while path.exists():
        number += 1
        path = backups_dir / f"brevity-{stamp}Z-{number}.sqlite3"
    return path


def _remove_temporaries(backups_dir: Path) -> None:
    """Leftovers of an interrupted or failed backup (one Brevity runs at a time)."""
    for leftover in backups_dir.glob(_TEMPORARY_GLOB):
        leftover.unlink(missing_ok=True)
