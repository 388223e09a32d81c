"""Any text survives save and load (issue 4, property tests).

The domain is every Python ``str`` of Unicode scalar values — all of Unicode except lone
surrogates, which UTF-8 (and so SQLite) cannot hold and which no keyboard, file or clipboard
hands to a ``str`` here. NUL is part of the input and is the one character not kept: it is
stripped on the way in (``clean_text``). Each example is read back through a *fresh*
connection, so nothing can come from a cache.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from app.domain.attempt import Attempt, Outcome
from app.domain.script import Script, ScriptKind, clean_text
from app.storage.database import close_database, open_database
from app.storage.repository import Repository
from tests.helpers.hostile_text import ODD_TEXTS

PROPERTY = settings(
    max_examples=200,
    deadline=None,
    database=None,
    derandomize=True,  # the same examples on every run and every machine
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # one file, many examples
)
_TRICKY = "\x00\r\n\t \u00a0\u200b\u200d\u202b\u202e\u2028\u2029\u0301\ufe0f\ufeff\ufffd𝒜🇫🇷👩"
ANY_TEXT = st.one_of(
    st.text(),  # all of Unicode but lone surrogates (Hypothesis leaves category Cs out)
    st.text(alphabet=st.sampled_from(_TRICKY)),
    st.sampled_from(list(ODD_TEXTS.values())),
    st.text(min_size=1, max_size=40).map(lambda text: text * 400),  # overflow pages
)


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[Repository, Path, int]]:
    """A repository on a real file, its path and a script in it."""
    path = tmp_path / "brevity.sqlite3"
    db = open_database(path)
    repository = Repository(db)
    script = repository.add_script(Script("Any", ScriptKind.VOICEMAIL, 30.0, "Hi"))
    assert script.id is not None
    yield repository, path, script.id
    close_database(db)


def _fresh(path: Path) -> tuple[Database, Repository]:
    """A new connection to ``path``, nothing shared with the one that wrote."""
    db = Database(path)
    return db, Repository(db)


@PROPERTY
@given(text=ANY_TEXT, name=ANY_TEXT)
def test_any_text_and_name_survive_save_and_load(
    stored: tuple[Repository, Path, int], text: str, name: str
) -> None:
    repository, path, script_id = stored
    repository.save_text(script_id, text)
    repository.rename_script(script_id, name)
    db, fresh = _fresh(path)
    try:
        loaded = fresh.get_script(script_id)
    finally:
        close_database(db)
    assert loaded.text == clean_text(text)
    assert loaded.name == clean_text(name)


@PROPERTY
@given(text=ANY_TEXT, note=ANY_TEXT)
def test_any_text_survives_as_a_revision_and_any_note_with_its_take(
    stored: tuple[Repository, Path, int], text: str, note: str
) -> None:
    repository, path, script_id = stored
    revision = repository.revision_for_take(script_id, text)
    assert repository.revision_for_take(script_id, text) == revision  # the same text: reused
    attempt = repository.add_attempt(
        Attempt(
            script_id,
            revision.id,
            "2025-03-01T09:00:00.000+00:00",
            20.0,
            30.0,
            5,
            True,
            Outcome.GOOD,
        )
    )
    assert attempt.id is not None
    repository.update_attempt(attempt.id, note=note)
    db, fresh = _fresh(path)
    try:
        assert fresh.get_revision(revision.id).text == clean_text(text)
        assert fresh.get_attempt(attempt.id).note == clean_text(note)
    finally:
        close_database(db)
