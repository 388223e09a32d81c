"""Fixtures for storage tests: a real SQLite file under tmp_path, closed after each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.domain.attempt import Attempt, Outcome
from app.domain.script import Revision, Script, ScriptKind
from app.storage.database import DATABASE_FILENAME, close_database, open_database
from app.storage.repository import Repository


class FakeUtcNow:
    """Callable like ``datetime.now(UTC)``; time moves only when a test says so."""

    def __init__(self, start: datetime = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "profile" / "nested" / DATABASE_FILENAME


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    close_database(database)


@pytest.fixture
def utc_now() -> FakeUtcNow:
    return FakeUtcNow()


@pytest.fixture
def repo(db: Database, utc_now: FakeUtcNow) -> Repository:
    return Repository(db, now=utc_now)


def _new_script(name: str = "Recruiter call-back", text: str = "Hi, this is Sam.") -> Script:
    """A script that has not been stored yet."""
    return Script(name=name, kind=ScriptKind.VOICEMAIL, target_s=30.0, text=text)


def _new_attempt(
    script_id: int,
    revision_id: int,
    *,
    started_at: str = "2025-03-01T09:00:00.000+00:00",
    duration_s: float = 28.5,
    words: int = 70,
    reached_end: bool = True,
    outcome: Outcome = Outcome.GOOD,
    note: str = "",
) -> Attempt:
    return Attempt(
        script_id=script_id,
        revision_id=revision_id,
        started_at=started_at,
        duration_s=duration_s,
        target_s=30.0,
        words=words,
        reached_end=reached_end,
        outcome=outcome,
        note=note,
    )


@pytest.fixture
def script(repo: Repository) -> Script:
    """A stored voicemail script."""
    return repo.add_script(_new_script())


@pytest.fixture
def revision(repo: Repository, script: Script) -> Revision:
    """Revision 1 of ``script``: its current text."""
    assert script.id is not None
    return repo.revision_for_take(script.id, script.text)


@pytest.fixture
def new_script() -> Callable[..., Script]:
    """Factory for unsaved scripts (fixtures, not imports: conftest is not importable)."""
    return _new_script


@pytest.fixture
def new_attempt() -> Callable[..., Attempt]:
    """Factory for unsaved attempts: ``new_attempt(script_id, revision_id, **fields)``."""
    return _new_attempt
