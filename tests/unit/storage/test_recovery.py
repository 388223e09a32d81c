"""Recovering at start-up and restoring from the menu, on real (and really damaged) files."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.domain.attempt import Attempt
from app.domain.script import Revision, Script, ScriptKind
from app.storage.backup import list_backups, make_backup
from app.storage.database import (
    DatabaseLockedError,
    DatabaseTooNewError,
    close_database,
    open_database,
)
from app.storage.recovery import Backups, Recovery, damage, recover_on_open, restore
from app.storage.repository import Repository
from tests.helpers.damaged_database import scribble

NOW = datetime(2026, 11, 26, 13, 40, 5, tzinfo=UTC)
MOVED = "brevity.sqlite3.damaged-2026-11-26T13-40-05Z"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _library(db_path: Path, scripts: int, takes: int = 0) -> None:
    """A closed database with ``scripts`` scripts, the first of them with ``takes`` takes."""
    db = open_database(db_path)
    repo = Repository(db)
    for number in range(scripts):
        stored = repo.add_script(Script(f"Script {number}", ScriptKind.VOICEMAIL, 30.0, "w " * 40))
        assert stored.id is not None
        if number == 0:
            revision = repo.revision_for_take(stored.id, stored.text)
            for _ in range(takes):
                repo.add_attempt(
                    Attempt(stored.id, revision.id, NOW.isoformat(), 29.0, 30.0, 40, True, "good")
                )
    close_database(db)


def _backed_up(db_path: Path, backups: Path, moment: datetime) -> Path:
    made = make_backup(db_path, backups, moment)
    assert made is not None
    return made


def _scripts_in(db_path: Path) -> int:
    with closing(sqlite3.connect(db_path)) as connection:
        return int(connection.execute("SELECT count(*) FROM scripts").fetchone()[0])


@pytest.fixture
def backups(db_path: Path) -> Path:
    return db_path.parent / "backups"


@pytest.fixture
def with_backup(db_path: Path, backups: Path) -> Path:
    """A library of 200 scripts and 41 takes, backed up on Tuesday, then 5 more scripts."""
    _library(db_path, 200, takes=41)
    made = _backed_up(db_path, backups, NOW - timedelta(days=2))
    db = open_database(db_path)
    for number in range(5):
        Repository(db).add_script(Script(f"Later {number}", ScriptKind.VOICEMAIL, 60.0, "x"))
    close_database(db)
    return made


def _damage(kind: str, db_path: Path) -> None:
    if kind == "garbage":
        db_path.write_bytes(random.Random(7).randbytes(20_000))
    elif kind == "truncated":
        db_path.write_bytes(db_path.read_bytes()[: 4096 * 5 + 100])
    else:
        scribble(db_path)


@pytest.mark.parametrize("kind", ["garbage", "truncated", "scribbled-page"])
def test_a_damaged_file_is_moved_aside_and_the_backup_restored(
    db_path: Path, backups: Path, with_backup: Path, kind: str
) -> None:
    _damage(kind, db_path)
    damaged = db_path.read_bytes()

    recovery = recover_on_open(db_path, backups, NOW)

    assert recovery is not None
    assert recovery.moved_to == db_path.with_name(MOVED)
    assert recovery.moved_to.read_bytes() == damaged  # kept, byte for byte
    assert recovery.restored is not None and recovery.restored.path == with_backup
    assert recovery.restored.attempts == 41
    assert _scripts_in(db_path) == 200
    close_database(open_database(db_path))  # and it opens
    message = recovery.message(NOW)
    assert str(recovery.moved_to) in message
    assert "(41 takes) was restored" in message and "Takes since then are lost" in message
    assert list(db_path.parent.glob("*.tmp")) == []


def test_the_newest_sound_backup_is_used(db_path: Path, backups: Path, with_backup: Path) -> None:
    newer = _backed_up(db_path, backups, NOW - timedelta(days=1))
    scribble(newer)  # rotted on disk after it was checked
    db_path.write_bytes(b"not a database" * 1000)

    recovery = recover_on_open(db_path, backups, NOW)

    assert recovery is not None and recovery.restored is not None
    assert recovery.restored.path == with_backup
    assert newer.exists()  # a bad backup is skipped, not deleted
    assert _scripts_in(db_path) == 200


def test_without_a_usable_backup_the_file_is_moved_and_the_user_told(
    db_path: Path, backups: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"These are my notes.\n" * 500)
    backups.mkdir()
    (backups / "brevity-2026-11-20T10-00-00Z.sqlite3").write_bytes(b"\x00" * 4096)

    recovery = recover_on_open(db_path, backups, NOW)

    assert recovery == Recovery(db_path.with_name(MOVED), None, "file is not a database")
    assert not db_path.exists()  # open_database will start a fresh library
    assert "No usable backup" in recovery.message(NOW)
    assert "not deleted" in recovery.message(NOW)


def test_the_side_files_go_with_the_damaged_file(db_path: Path, backups: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"x" * 5000)
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).write_bytes(side.encode())

    recover_on_open(db_path, backups, NOW)

    assert sorted(path.name for path in db_path.parent.iterdir()) == [
        MOVED,
        f"{MOVED}-shm",
        f"{MOVED}-wal",
    ]


def test_a_second_damage_in_the_same_second_does_not_overwrite_the_first(
    db_path: Path, backups: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"first" * 1000)
    recover_on_open(db_path, backups, NOW)
    db_path.write_bytes(b"second" * 1000)
    recovery = recover_on_open(db_path, backups, NOW)
    assert recovery is not None
    assert db_path.with_name(MOVED).read_bytes() == b"first" * 1000
    assert recovery.moved_to.read_bytes() == b"second" * 1000


def test_a_sound_or_absent_file_is_left_alone(db_path: Path, backups: Path) -> None:
    assert recover_on_open(db_path, backups, NOW) is None
    assert not db_path.exists()
    _library(db_path, 3)
    before = _digest(db_path)
    assert recover_on_open(db_path, backups, NOW) is None
    assert _digest(db_path) == before


def test_a_database_from_a_newer_brevity_is_not_damaged(
    db_path: Path, backups: Path, with_backup: Path
) -> None:
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('brevity', 'm999_from_the_future', '2099-01-01')"
        )
    before = _digest(db_path)

    assert recover_on_open(db_path, backups, NOW) is None
    with pytest.raises(DatabaseTooNewError):
        open_database(db_path)

    assert _digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.is_file()) == [db_path.name]


def test_a_locked_database_is_not_damaged(db_path: Path, backups: Path) -> None:
    _library(db_path, 2)
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    before = _digest(db_path)
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        assert damage(db_path, busy_timeout_ms=20) is None
        assert recover_on_open(db_path, backups, NOW, busy_timeout_ms=20) is None
        with pytest.raises(DatabaseLockedError):
            open_database(db_path, busy_timeout_ms=20)
        other.execute("ROLLBACK")
    assert _digest(db_path) == before


def test_a_backup_from_a_newer_brevity_is_not_restored(db_path: Path, backups: Path) -> None:
    _library(db_path, 1)
    future = _backed_up(db_path, backups, NOW - timedelta(hours=1))
    with closing(sqlite3.connect(future)) as connection, connection:
        connection.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('brevity', 'm999_from_the_future', '2099-01-01')"
        )
    db_path.write_bytes(b"junk" * 2000)
    recovery = recover_on_open(db_path, backups, NOW)
    assert recovery is not None and recovery.restored is None


def test_restore_by_file_moves_the_current_file_aside(
    db_path: Path, backups: Path, with_backup: Path
) -> None:
    before = _digest(db_path)
    moved = restore(with_backup, db_path, NOW)
    assert moved == db_path.with_name("brevity.sqlite3.replaced-2026-11-26T13-40-05Z")
    assert _digest(moved) == before
    assert _scripts_in(db_path) == 200


# --- restoring into the open database (the menu) -------------------------------------------


def test_restoring_in_the_app_backs_up_first_so_it_can_be_undone(
    db: Database,
    repo: Repository,
    script: Script,
    revision: Revision,
    new_attempt: Callable[..., Attempt],
    backups: Path,
) -> None:
    service = Backups(db, backups, now=lambda: NOW - timedelta(days=1))
    service.back_up()  # yesterday: one script, no takes
    assert script.id is not None
    for _ in range(3):
        repo.add_attempt(new_attempt(script.id, revision.id))
    yesterday = service.available()[0]
    service = Backups(db, backups, now=lambda: NOW)

    safety = service.restore(yesterday)

    assert repo.list_attempts() == []
    assert [s.id for s in repo.list_scripts()] == [script.id]
    assert safety is not None and [b.attempts for b in service.available()] == [3, 0]
    service.restore(service.available()[0])  # and back again
    assert len(repo.list_attempts()) == 3
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restoring_an_older_schema_migrates_it(db: Database, backups: Path, db_path: Path) -> None:
    old_path = db_path.with_name("old.sqlite3")
    old = Database(old_path, execute_plugins=False)
    from app.storage.migrations import MIGRATIONS

    MIGRATIONS.apply(old, stop_before="m005_add_revision_coach_score")
    old.close()
    backups.mkdir()
    old_path.rename(backups / "brevity-2026-01-01T00-00-00Z.sqlite3")
    service = Backups(db, backups, now=lambda: NOW)

    service.restore(list_backups(backups)[-1])

    columns = {row[1] for row in db.execute("PRAGMA table_info(script_revisions)")}
    assert "coach_score" in columns
