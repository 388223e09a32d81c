"""Scripts in the repository: CRUD, soft delete, purge and first-run seeding on a real file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from sqlite_utils import Database

from app.domain.attempt import Attempt
from app.domain.script import Script, ScriptKind
from app.storage.repository import Repository

if TYPE_CHECKING:
    from tests.unit.storage.conftest import FakeUtcNow

NewScript = Callable[..., Script]
ODD_TEXT = (
    "مرحبا، أنا سام — call me back 📞👋🏽 at 555-0100. "
    "Cafe\u0301 na\u00efve Z\u0335\u0321algo \u202eevil\u202c \U0001f9d1\u200d\U0001f4bb"
)


def test_add_script_returns_it_stored_with_id_and_timestamps(
    repo: Repository, new_script: NewScript, utc_now: FakeUtcNow
) -> None:
    stored = repo.add_script(replace(new_script(), words_per_minute=142.5))

    assert stored.id is not None
    assert stored.created_at == stored.updated_at == "2025-03-01T09:00:00.000+00:00"
    assert replace(stored, id=None, created_at="", updated_at="") == replace(
        new_script(), words_per_minute=142.5
    )
    assert repo.get_script(stored.id) == stored


def test_text_and_names_round_trip_odd_unicode_and_lose_nul_bytes(
    repo: Repository, new_script: NewScript
) -> None:
    stored = repo.add_script(new_script(name="Sam\x00 ✨ سام", text=f"Hi\x00 {ODD_TEXT}"))
    assert stored.id is not None

    assert repo.get_script(stored.id).name == "Sam ✨ سام"
    assert repo.get_script(stored.id).text == f"Hi {ODD_TEXT}"
    repo.save_text(stored.id, f"{ODD_TEXT}\x00!")
    assert repo.get_script(stored.id).text == f"{ODD_TEXT}!"


def test_list_scripts_sorts_by_name_ignoring_case(repo: Repository, new_script: NewScript) -> None:
    for name in ["banana", "Apple", "Émile", "cherry", "apple"]:
        repo.add_script(new_script(name=name))
    names = [script.name for script in repo.list_scripts()]
    assert names == ["Apple", "apple", "banana", "cherry", "Émile"]


def test_get_script_of_unknown_id_is_a_key_error(repo: Repository) -> None:
    with pytest.raises(KeyError):
        repo.get_script(404)


def test_update_script_saves_every_editable_field(
    repo: Repository, script: Script, utc_now: FakeUtcNow
) -> None:
    utc_now.advance(timedelta(minutes=5))
    edited = replace(
        script,
        name="Pitch",
        kind=ScriptKind.ELEVATOR_PITCH,
        target_s=45.0,
        text="New\x00 text",
        words_per_minute=160.0,
    )
    stored = repo.update_script(edited)

    assert stored == replace(edited, text="New text", updated_at="2025-03-01T09:05:00.000+00:00")
    assert stored.created_at == script.created_at


def test_save_text_bumps_updated_at_only_when_the_text_changes(
    repo: Repository, script: Script, utc_now: FakeUtcNow
) -> None:
    assert script.id is not None
    utc_now.advance(timedelta(seconds=3))
    repo.save_text(script.id, script.text)
    assert repo.get_script(script.id).updated_at == script.updated_at

    repo.save_text(script.id, "Changed")
    assert repo.get_script(script.id).updated_at == "2025-03-01T09:00:03.000+00:00"
    with pytest.raises(KeyError):
        repo.save_text(404, "nobody")


def test_rename_and_set_pace(repo: Repository, script: Script) -> None:
    assert script.id is not None
    repo.rename_script(script.id, "Renamed")
    repo.set_pace(script.id, 128.0)
    assert repo.get_script(script.id).name == "Renamed"
    assert repo.get_script(script.id).words_per_minute == 128.0

    repo.set_pace(script.id, None)
    assert repo.get_script(script.id).words_per_minute is None
    with pytest.raises(ValueError):
        repo.set_pace(script.id, 0.0)


def test_duplicate_copies_the_script_but_not_its_attempts(
    repo: Repository, script: Script, new_attempt: Callable[..., Attempt]
) -> None:
    assert script.id is not None
    repo.set_pace(script.id, 150.0)
    revision = repo.revision_for_take(script.id, script.text)
    repo.add_attempt(new_attempt(script.id, revision.id))

    copy = repo.duplicate_script(script.id, "Copy")

    assert copy.id not in (None, script.id)
    assert (copy.name, copy.kind, copy.target_s, copy.text, copy.words_per_minute) == (
        "Copy",
        script.kind,
        script.target_s,
        script.text,
        150.0,
    )
    assert copy.id is not None
    assert repo.list_attempts(copy.id) == []
    assert repo.list_revisions(copy.id) == []


def test_soft_delete_hides_a_script_and_restore_brings_it_back(
    repo: Repository, script: Script
) -> None:
    assert script.id is not None
    repo.delete_script(script.id)

    assert repo.list_scripts() == []
    with pytest.raises(KeyError):
        repo.get_script(script.id)
    with pytest.raises(KeyError):
        repo.rename_script(script.id, "not while it is in the bin")
    with pytest.raises(KeyError):
        repo.delete_script(script.id)

    repo.save_text(script.id, "typed just before the delete")  # a late autosave is kept
    repo.restore_script(script.id)
    assert repo.list_scripts() == [replace(script, text="typed just before the delete")]


def test_purge_erases_only_what_was_binned_long_enough(
    repo: Repository, db: Database, new_script: NewScript, utc_now: FakeUtcNow
) -> None:
    old = repo.add_script(new_script(name="old"))
    recent = repo.add_script(new_script(name="recent"))
    kept = repo.add_script(new_script(name="kept"))
    assert old.id is not None and recent.id is not None
    repo.delete_script(old.id)
    utc_now.advance(timedelta(days=20))
    repo.delete_script(recent.id)
    utc_now.advance(timedelta(days=15))

    repo.purge_deleted(older_than=timedelta(days=30))

    assert [row["name"] for row in db["scripts"].rows] == ["recent", "kept"]
    repo.restore_script(recent.id)
    assert [s.name for s in repo.list_scripts()] == ["kept", "recent"]
    with pytest.raises(KeyError):
        repo.restore_script(old.id)
    assert kept in repo.list_scripts()


def test_seed_runs_once_even_after_everything_is_deleted(
    repo: Repository, new_script: NewScript
) -> None:
    starters = [new_script(name="Voicemail"), new_script(name="Pitch")]

    assert repo.seed_if_first_run(starters) is True
    assert [s.name for s in repo.list_scripts()] == ["Pitch", "Voicemail"]
    for stored in repo.list_scripts():
        assert stored.id is not None
        repo.delete_script(stored.id)

    assert repo.seed_if_first_run(starters) is False
    assert repo.list_scripts() == []


def test_a_failing_seed_leaves_no_trace(repo: Repository, new_script: NewScript) -> None:
    starters = [new_script(name="Fine"), replace(new_script(name="Broken"), target_s=0.0)]

    with pytest.raises(sqlite3.IntegrityError):
        repo.seed_if_first_run(starters)

    assert repo.list_scripts() == []  # the whole seed was one transaction
    assert repo.seed_if_first_run(starters[:1]) is True
