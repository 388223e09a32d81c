"""Opening Brevity's SQLite file safely: pragmas, integrity check, version gate, migrations.

The file holds the user's rehearsal history, so nothing here ever deletes or rewrites a file it
cannot use: it refuses with an error whose message tells the user what to do.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from app.storage.backup import BACKUPS_DIRNAME, BackupError, make_backup, quick_check
from app.storage.migrations import MIGRATIONS, known_migration_names

DATABASE_FILENAME = "brevity.sqlite3"
BUSY_TIMEOUT_MS = 5000  # opening: another program (an import, a backup) may hold the file a while
# Once the window is up, a write waits at most this long for another program's lock before it
# fails and is retried later: the GUI thread must never freeze for seconds on a lock.
INTERACTIVE_BUSY_TIMEOUT_MS = 250

# Primary result codes (extended codes carry extra bits above the low byte).
_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


class DatabaseError(Exception):
    """Brevity's data file cannot be used; ``str(error)`` is a message for the user."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer Brevity, whose schema this version does not know."""

    def __init__(self, path: Path, unknown_migrations: list[str]) -> None:
        super().__init__(
            path,
            f"Your Brevity data file ({path}) was saved by a newer version of Brevity. "
            "Please update Brevity to open it. This version has left the file unchanged.",
        )
        self.unknown_migrations = unknown_migrations


class DatabaseCorruptError(DatabaseError):
    """The file is damaged or is not an SQLite database at all."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"Your Brevity data file ({path}) is damaged or is not a Brevity database "
            f"({detail}). Brevity has not changed or deleted it. Restore a backup, or move "
            "the file elsewhere and start Brevity again to begin with an empty library.",
        )
        self.detail = detail


class DatabaseLockedError(DatabaseError):
    """Another process holds the file locked for longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"Your Brevity data file ({path}) is in use by another program, perhaps another "
            "copy of Brevity. Close it and try again.",
        )


def open_database(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
    """Open (creating if needed) and migrate the database at ``path``, or raise DatabaseError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path, execute_plugins=False)
    except (OSError, sqlite3.Error) as exc:
        raise _translated(exc, path) from exc
    try:
        _prepare(db, path, busy_timeout_ms)
    except sqlite3.Error as exc:
        db.close()
        raise _translated(exc, path) from exc
    except BaseException:
        db.close()
        raise
    return db


def set_busy_timeout(db: Database, milliseconds: int) -> None:
    """How long a statement waits for another connection's lock before SQLITE_BUSY."""
    db.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")


def is_locked_error(error: object) -> bool:
    """Whether ``error`` (or its text) is SQLite saying another connection holds the file."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _BUSY_CODES
    text = str(error)
    return "database is locked" in text or "database is busy" in text


def close_database(db: Database) -> None:
    """Close the connection; the last one to close folds the WAL back into the main file."""
    db.close()


def _prepare(db: Database, path: Path, busy_timeout_ms: int) -> None:
    """Everything that must be true before the repository may use ``db``, in a safe order."""
    # Connection-level settings first: they do not touch the file.
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    db.execute("PRAGMA foreign_keys = ON")
    # Read-only checks next, so a file we refuse is left exactly as it was.
    _check_integrity(db, path)
    _refuse_newer_schema(db, path)
    # Switching the journal mode writes to the file: only now that we know we may.
    db.enable_wal()
    db.execute("PRAGMA synchronous = FULL")
    _back_up_before_migrating(db, path)
    MIGRATIONS.apply(db)


def _back_up_before_migrating(db: Database, path: Path) -> None:
    """A backup of a database that holds data and is about to change schema (skipped when the
    newest backup already holds exactly this data). The quick check has passed by now."""
    if not MIGRATIONS.applied(db) or not MIGRATIONS.pending(db):
        return
    try:
        make_backup(db.conn, path.parent / BACKUPS_DIRNAME, datetime.now(UTC))
    except (OSError, BackupError) as exc:
        raise DatabaseError(
            path,
            f"Brevity could not back up its data file ({path}) before upgrading it: {exc}. "
            "The file is unchanged. Check that the disk is not full.",
        ) from exc


def _check_integrity(db: Database, path: Path) -> None:
    problems = quick_check(db.conn)
    if problems:
        raise DatabaseCorruptError(path, "; ".join(problems[:3]))


def _refuse_newer_schema(db: Database, path: Path) -> None:
    applied = {migration.name for migration in MIGRATIONS.applied(db)}
    unknown = sorted(applied - known_migration_names())
    if unknown:
        raise DatabaseTooNewError(path, unknown)


def _translated(exc: OSError | sqlite3.Error, path: Path) -> DatabaseError:
    """The user-facing error for a low-level failure while opening ``path``."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in _BUSY_CODES:
        return DatabaseLockedError(path)
    if primary in _CORRUPT_CODES:
        return DatabaseCorruptError(path, str(exc))
    return DatabaseError(
        path,
        f"Brevity could not open its data file ({path}): {exc}. Check that the folder "
        "exists, that you may write to it and that the disk is not full.",
    )
