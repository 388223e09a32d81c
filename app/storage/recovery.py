"""Getting the user's data back: a damaged file at start-up, or "Restore from backup…".

Nothing here deletes user data. A damaged file is renamed to ``brevity.sqlite3.damaged-<UTC
time>`` (with its ``-wal``/``-shm``/``-journal`` side files, so the pair can still be opened),
a file replaced by hand-picked restore to ``.replaced-<time>``; a restore inside the running
app backs the current data up first, so it can be undone from the same menu.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from app.storage.atomic_file import fsync_directory, fsync_file
from app.storage.backup import (
    BackupError,
    BackupInfo,
    describe_takes,
    describe_time,
    integrity_problems,
    list_backups,
    make_backup,
    newest_backup,
    quick_check,
    read_only,
)
from app.storage.database import BUSY_TIMEOUT_MS, DatabaseError
from app.storage.migrations import MIGRATIONS, known_migration_names

_SIDE_FILES = ("-wal", "-shm", "-journal")


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Recovery:
    """What start-up did about a damaged data file, and how to tell the user."""

    moved_to: Path
    restored: BackupInfo | None
    problem: str

    def message(self, now: datetime) -> str:
        opening = f"Brevity's data file was damaged. It has been moved to {self.moved_to}"
        if self.restored is None:
            return (
                f"{opening} (not deleted). No usable backup was found, so Brevity has started "
                "with a fresh library: your earlier scripts and takes are not in it."
            )
        when = describe_time(self.restored.taken_at, now)
        takes = describe_takes(self.restored.attempts)
        return (
            f"{opening}, and your backup from {when}{takes} was restored. "
            "Takes since then are lost."
        )


def recover_on_open(
    db_path: Path,
    backups_dir: Path,
    now: datetime,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Recovery | None:
    """If ``db_path`` is damaged (not a database, or fails ``quick_check``), move it aside and
    put the newest sound backup in its place; None when the file is fine or absent.

    Only damage counts: a locked file, a file written by a newer Brevity or one that cannot
    be read for another reason is left exactly where it is, for ``open_database`` to report.
    Raises DatabaseError when the damaged file cannot be moved.
    """
    problem = damage(db_path, busy_timeout_ms)
    if problem is None:
        return None
    try:
        moved_to = move_aside(db_path, "damaged", now)
        for backup in list_backups(backups_dir):
            if backup.readable and usable(backup.path):
                _install_copy(backup.path, db_path)
                return Recovery(moved_to, backup, problem)
    except OSError as exc:
        raise DatabaseError(
            db_path,
            f"Your Brevity data file ({db_path}) is damaged ({problem}), and Brevity could not "
            f"set it aside to restore a backup: {exc}. Check that you may write to its folder.",
        ) from exc
    return Recovery(moved_to, None, problem)


def damage(db_path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> str | None:
    """What is wrong with the file if it is damaged; None if it is sound, absent or merely
    unreadable for now (locked, no permission)."""
    try:
        with read_only(db_path, busy_timeout_ms / 1000) as connection:
            problems = quick_check(connection)
    except sqlite3.Error:
        return None  # absent, locked, no permission: not damage
    return "; ".join(problems[:3]) if problems else None


def usable(backup: Path) -> bool:
    """A backup this Brevity can restore: sound, and not written by a newer version."""
    try:
        with read_only(backup) as connection:
            if integrity_problems(connection):
                return False
            names = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'brevity'"
                )
            }
    except sqlite3.Error:
        return False
    return bool(names) and names <= known_migration_names()


def restore(backup: Path, db_path: Path, now: datetime, *, label: str = "replaced") -> Path | None:
    """Put a copy of ``backup`` at ``db_path`` (whose database must be closed), moving the
    current file aside as ``<name>.<label>-<time>`` first; returns where it went."""
    moved_to = move_aside(db_path, label, now) if db_path.exists() else None
    _install_copy(backup, db_path)
    return moved_to


def move_aside(db_path: Path, label: str, now: datetime) -> Path:
    """Rename ``db_path`` and its side files to ``<name>.<label>-<UTC time>``; never deletes."""
    stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H-%M-%SZ")
    target, number = db_path.with_name(f"{db_path.name}.{label}-{stamp}"), 1
    while any(Path(f"{target}{side}").exists() for side in ("", *_SIDE_FILES)):
        number += 1
        target = db_path.with_name(f"{db_path.name}.{label}-{stamp}-{number}")
    db_path.rename(target)
    for side in _SIDE_FILES:
        companion = Path(f"{db_path}{side}")
        if companion.exists():
            companion.rename(Path(f"{target}{side}"))
    fsync_directory(db_path.parent)
    return target


def _install_copy(backup: Path, db_path: Path) -> None:
    """A durable copy of a closed backup file at ``db_path`` (a plain copy is safe here:
    backups are never open for writing)."""
    temporary = db_path.with_name(db_path.name + ".restoring.tmp")
    try:
        shutil.copyfile(backup, temporary)
        fsync_file(temporary)
        temporary.replace(db_path)
    finally:
        temporary.unlink(missing_ok=True)
    fsync_directory(db_path.parent)


class Backups:
    """The open database's backups, for the timer, the close and the restore dialog."""

    def __init__(
        self, db: Database, backups_dir: Path, now: Callable[[], datetime] = _utc_now
    ) -> None:
        self._db = db
        self.directory = backups_dir
        self._now = now

    def back_up(self) -> Path | None:
        """A new backup if the data changed since the newest one (see ``make_backup``)."""
        return make_backup(self._db.conn, self.directory, self._now())

    def available(self) -> list[BackupInfo]:
        return list_backups(self.directory)

    def restore(self, backup: BackupInfo) -> Path | None:
        """Replace the open database's content by ``backup``'s, in one transaction.

        The current data is backed up first (or already is, when unchanged), so restoring can
        be undone by restoring that backup, which is returned. The connection stays open:
        SQLite's backup API writes into it in one transaction, and migrations bring an older
        backup up to this version's schema.
        """
        if not usable(backup.path):
            raise BackupError(f"the backup {backup.path.name} is damaged or from a newer Brevity")
        safety = self.back_up() or newest_backup(self.directory)
        with read_only(backup.path) as source:
            source.backup(self._db.conn)
        MIGRATIONS.apply(self._db)
        return safety
