"""open_database on real files: schema, pragmas, and refusing files it must not touch."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.domain.attempt import Outcome
from app.domain.script import Script, ScriptKind
from app.storage.database import (
    DatabaseCorruptError,
    DatabaseError,
    DatabaseLockedError,
    DatabaseTooNewError,
    close_database,
    is_locked_error,
    open_database,
    set_busy_timeout,
)
from app.storage.migrations import known_migration_names
from app.storage.repository import Repository
from tests.helpers.damaged_database import damaged_database

TABLES = {"scripts", "script_revisions", "attempts", "meta"}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _migration_names(db: Database) -> list[str]:
    sql = "SELECT name FROM _sqlite_migrations WHERE migration_set = 'brevity' ORDER BY id"
    return [row[0] for row in db.execute(sql).fetchall()]


def _raw_execute(path: Path, *statements: str) -> None:
    """Change a file behind Brevity's back, as another program (or a newer Brevity) would."""
    with closing(sqlite3.connect(path)) as conn, conn:
        for statement in statements:
            conn.execute(statement)


def test_fresh_database_has_the_schema(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert db_path.is_file()  # the missing parent folders were created
        assert set(db.table_names()) == TABLES | {"_sqlite_migrations"}
        assert set(_migration_names(db)) == known_migration_names()
        attempts = db.table("attempts")
        references = {(fk.column, fk.other_table) for fk in attempts.foreign_keys}
        assert references == {("script_id", "scripts"), ("revision_id", "script_revisions")}
        index_columns = {tuple(index.columns) for index in attempts.indexes}
        assert {("script_id", "started_at"), ("started_at",)} <= index_columns
    finally:
        close_database(db)


def test_reopening_applies_nothing_twice_and_keeps_data(db_path: Path) -> None:
    db = open_database(db_path)
    stored = Repository(db).add_script(Script("Follow-up", ScriptKind.VOICEMAIL, 30.0, "Hello"))
    before = _migration_names(db)
    close_database(db)

    db = open_database(db_path)
    try:
        assert _migration_names(db) == before
        assert len(before) == len(set(before))
        assert Repository(db).list_scripts() == [stored]
    finally:
        close_database(db)


def test_pragmas_are_set(db: Database) -> None:
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_newer_database_is_refused_without_a_single_write(db_path: Path) -> None:
    close_database(open_database(db_path))
    # A newer Brevity may well use another journal mode; going back to WAL would write.
    _raw_execute(
        db_path,
        "PRAGMA journal_mode = DELETE",
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('brevity', 'm999_from_the_future', '2030-01-01 00:00:00+00:00')",
    )
    digest = _digest(db_path)

    with pytest.raises(DatabaseTooNewError) as caught:
        open_database(db_path)

    assert _digest(db_path) == digest
    assert caught.value.unknown_migrations == ["m999_from_the_future"]
    assert str(db_path) in str(caught.value)
    assert "newer version" in str(caught.value)


def test_migrations_of_another_set_are_not_mistaken_for_newer(db_path: Path) -> None:
    close_database(open_database(db_path))
    _raw_execute(
        db_path,
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('some_plugin', 'm001_plugin', '2030-01-01 00:00:00+00:00')",
    )
    close_database(open_database(db_path))


@pytest.mark.parametrize(
    "content",
    [
        random.Random(7).randbytes(8192),
        b"This is my CV, not a database.\n" * 200,
        b"SQLite format 3\x00" + b"\xff" * 4080,  # right magic, nonsense header
    ],
    ids=["random-bytes", "text", "bad-header"],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(
    db_path: Path, content: bytes
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)

    with pytest.raises(DatabaseCorruptError) as caught:
        open_database(db_path)

    assert db_path.read_bytes() == content
    assert str(db_path) in str(caught.value)
    assert "not changed or deleted" in str(caught.value)


def test_a_damaged_database_is_refused_and_left_alone(db_path: Path) -> None:
    damaged = damaged_database(db_path)

    with pytest.raises(DatabaseCorruptError):
        open_database(db_path)

    assert db_path.read_bytes() == bytes(damaged)


def test_a_locked_database_says_so(db_path: Path) -> None:
    close_database(open_database(db_path))
    _raw_execute(db_path, "PRAGMA journal_mode = DELETE")
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseLockedError) as caught:
            open_database(db_path, busy_timeout_ms=20)
        other.execute("ROLLBACK")
    assert "in use by another program" in str(caught.value)


def test_a_path_that_cannot_be_opened_is_a_plain_database_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database(tmp_path)  # a folder, not a file
    assert type(caught.value) is DatabaseError
    assert str(tmp_path) in str(caught.value)


def test_outcome_check_constraint_holds_at_the_sql_level(db: Database) -> None:
    db.execute(
        "INSERT INTO scripts (id, name, kind, target_s, text, created_at, updated_at)"
        " VALUES (1, 'S', 'voicemail', 30, '', 't', 't')"
    )
    db.execute(
        "INSERT INTO script_revisions (id, script_id, number, text, created_at)"
        " VALUES (1, 1, 1, '', 't')"
    )
    insert = (
        "INSERT INTO attempts (script_id, revision_id, started_at, duration_s, target_s, words,"
        " reached_end, outcome) VALUES (1, 1, 't', 20, 30, 50, 1, ?)"
    )
    for outcome in Outcome:  # every value the domain can produce is accepted ...
        db.execute(insert, [outcome.value])
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):  # ... and nothing else
        db.execute(insert, ["bogus"])
    assert db.execute("SELECT count(*) FROM attempts").fetchone()[0] == len(Outcome)


def test_a_lock_is_told_apart_from_other_write_errors(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        set_busy_timeout(db, 250)
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 250
    finally:
        close_database(db)
    holder = sqlite3.connect(db_path, isolation_level=None)
    waiter = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(sqlite3.OperationalError) as raised:
            waiter.execute("CREATE TABLE t (x)")
    finally:
        holder.close()
        waiter.close()
    assert is_locked_error(raised.value)
    assert is_locked_error("database is locked")  # as the controllers pass it on, as text
    assert not is_locked_error(sqlite3.OperationalError("database or disk is full"))
