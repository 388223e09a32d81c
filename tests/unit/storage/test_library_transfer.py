"""Library export/import on real SQLite files: exact round trip, merge rules, refusals."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.domain.attempt import Attempt, Outcome
from app.domain.coach import Profile
from app.domain.library_format import (
    LibraryFormatError,
    LibraryTooNewError,
    library_json,
    parse_library,
)
from app.domain.script import Script, ScriptKind
from app.domain.script_file import ScriptDraft
from app.storage.database import close_database, open_database
from app.storage.repository import Repository
from app.storage.transfer import import_draft, import_library, read_library, takes_csv

ODD = (
    "مرحبا، أنا سام — call me 📞👋🏽 at 555-0100. Cafe\u0301 na\u00efve Z\u0335\u0321algo "
    "\u202eevil\u202c \U0001f9d1\u200d\U0001f4bb 👨\u200d👩\u200d👧\u200d👦 🇫🇷"
)
LONG = ("Hi Jordan, this is Sam at 555-0100. " * 6000).strip()  # about 200 000 characters


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Repository]:
    """A second, empty library in its own file."""
    db = open_database(tmp_path / "other" / "brevity.sqlite3")
    yield Repository(db)
    close_database(db)


def _take(repo: Repository, script: Script, text: str, minute: int, **fields: Any) -> Attempt:
    assert script.id is not None
    revision = repo.revision_for_take(script.id, text)
    values: dict[str, Any] = {"duration_s": 28.25, "words": 12, "reached_end": True,
                              "outcome": Outcome.GOOD, "note": ""} | fields  # fmt: skip
    return repo.add_attempt(Attempt(script_id=script.id, revision_id=revision.id,
                                    started_at=f"2025-03-0{1 + minute % 5}T09:{minute:02d}:00"
                                    ".125+00:00", target_s=script.target_s, **values))  # fmt: skip


def _rich_library(repo: Repository) -> None:
    repo.set_profile(Profile(name="Sâm Ñúñez", phone="+44 20 7946 0018", region="GB"))
    odd = repo.add_script(Script(ODD, ScriptKind.VOICEMAIL, 30.0, ODD, words_per_minute=141.7))
    _take(repo, odd, "first draft", 1, note=ODD, outcome=Outcome.NAILED)
    take = _take(repo, odd, ODD, 2, duration_s=33.3, reached_end=False, outcome=Outcome.RAMBLED)
    _take(repo, odd, ODD, 2, note='=HYPERLINK("x")', outcome=Outcome.UNRATED)  # same moment
    repo.set_revision_score(take.revision_id, 7, 10)
    long = repo.add_script(Script("Long one", ScriptKind.CONVERSATION, 600.0, LONG))
    _take(repo, long, LONG, 3, duration_s=0.0, words=0, outcome=Outcome.ABANDONED)
    repo.add_script(Script("Never rehearsed", ScriptKind.ELEVATOR_PITCH, 45.0, ""))
    binned = repo.add_script(Script("In the bin", ScriptKind.VOICEMAIL, 30.0, "gone"))
    _take(repo, binned, "gone", 4)
    assert binned.id is not None
    repo.delete_script(binned.id)
    repo.delete_attempt(_take(repo, long, LONG, 5).id or 0)


def _exported(repo: Repository) -> dict[str, Any]:
    """What a file would hold, through real JSON text, without the export moment."""
    data = json.loads(json.dumps(library_json(read_library(repo)), ensure_ascii=False))
    assert isinstance(data, dict)
    del data["exported_at"]
    return data


def _round_trip(repo: Repository, into: Repository) -> None:
    import_library(into, parse_library(json.loads(json.dumps(library_json(read_library(repo))))))


def test_export_holds_what_the_user_sees(repo: Repository) -> None:
    _rich_library(repo)
    data = _exported(repo)
    assert (data["format"], data["version"]) == ("brevity-library", 1)
    assert data["profile"] == {"name": "Sâm Ñúñez", "phone": "+44 20 7946 0018", "region": "GB"}
    names = [s["name"] for s in data["scripts"]]
    assert names == ["Long one", "Never rehearsed", ODD]  # nothing from the bin
    odd = data["scripts"][2]
    assert [r["number"] for r in odd["revisions"]] == [1, 2]
    assert odd["revisions"][1]["coach_score"] == 7
    assert [a["revision"] for a in odd["attempts"]] == [1, 2, 2]
    assert len(data["scripts"][0]["attempts"]) == 1  # the deleted take is not there
    assert "id" not in odd and all("id" not in a for a in odd["attempts"])


def test_import_into_an_empty_library_reproduces_it_exactly(
    repo: Repository, fresh: Repository
) -> None:
    _rich_library(repo)
    _round_trip(repo, fresh)
    assert _exported(fresh) == _exported(repo)
    assert fresh.profile() == repo.profile()
    assert [s.name for s in fresh.list_scripts()] == [s.name for s in repo.list_scripts()]


def test_an_imported_library_is_not_a_first_run(repo: Repository, fresh: Repository) -> None:
    _rich_library(repo)
    _round_trip(repo, fresh)
    starter = Script("Starter", ScriptKind.VOICEMAIL, 30.0, "hello")
    assert fresh.seed_if_first_run([starter]) is False


def test_importing_the_same_file_twice_adds_nothing(repo: Repository, fresh: Repository) -> None:
    _rich_library(repo)
    library = read_library(repo)
    first = import_library(fresh, library)
    before = _exported(fresh)
    second = import_library(fresh, library)
    assert (first.scripts_added, first.revisions_added, first.takes_added) == (3, 3, 4)
    assert (second.scripts_added, second.scripts_merged, second.takes_added) == (0, 3, 0)
    assert second.takes_already_there == 4
    assert _exported(fresh) == before
    assert second.describe("lib.json") == (
        "Imported 0 new scripts, 0 revisions and 0 takes from lib.json; 3 scripts already in "
        "the library (4 takes already there)."
    )


def test_importing_into_your_own_library_changes_nothing(repo: Repository) -> None:
    _rich_library(repo)
    before = _exported(repo)
    summary = import_library(repo, read_library(repo))
    assert summary.scripts_added == summary.takes_added == 0
    assert _exported(repo) == before


def test_a_deleted_take_is_not_brought_back_by_a_reimport(
    repo: Repository, fresh: Repository
) -> None:
    _rich_library(repo)
    library = read_library(repo)
    import_library(fresh, library)
    victim = fresh.list_attempts()[0]
    fresh.delete_attempt(victim.id or 0)
    import_library(fresh, library)
    assert victim.id not in {a.id for a in fresh.list_attempts()}
    assert len(fresh.list_attempts()) == 3


def test_new_takes_and_revisions_merge_into_the_same_script(
    repo: Repository, fresh: Repository
) -> None:
    script = repo.add_script(Script("Jordan", ScriptKind.VOICEMAIL, 30.0, "v1"))
    _take(repo, script, "v1", 1)
    import_library(fresh, read_library(repo))  # the other computer has v1 and one take
    _take(repo, script, "v1", 2)
    _take(repo, script, "v2", 3, note="better")
    summary = import_library(fresh, read_library(repo))
    assert (summary.scripts_merged, summary.revisions_added, summary.takes_added) == (1, 1, 2)
    assert len(fresh.list_scripts()) == 1
    assert [a.note for a in fresh.list_attempts()] == ["", "", "better"]
    # The library's own text wins: the other computer's copy is not overwritten.
    assert fresh.list_scripts()[0].text == "v1"


def test_a_different_script_with_a_taken_name_is_imported_beside_it(
    repo: Repository, fresh: Repository
) -> None:
    theirs = repo.add_script(Script("Jordan", ScriptKind.VOICEMAIL, 30.0, "their text"))
    _take(repo, theirs, "their text", 1)
    ours = fresh.add_script(Script("Jordan", ScriptKind.VOICEMAIL, 30.0, "our text"))
    _take(fresh, ours, "our text", 1)
    summary = import_library(fresh, read_library(repo))
    assert summary.renamed == [("Jordan", "Jordan (imported)")]
    summary = import_library(fresh, replace(read_library(repo), scripts=(
        replace(read_library(repo).scripts[0], revisions=(replace(
            read_library(repo).scripts[0].revisions[0], text="third"),)),)))  # fmt: skip
    assert summary.renamed == [("Jordan", "Jordan (imported 2)")]
    names = {s.name for s in fresh.list_scripts()}
    assert names == {"Jordan", "Jordan (imported)", "Jordan (imported 2)"}


def test_unrehearsed_scripts_match_on_their_text(repo: Repository, fresh: Repository) -> None:
    repo.add_script(Script("Draft", ScriptKind.VOICEMAIL, 30.0, "same words"))
    fresh.add_script(Script("Draft", ScriptKind.VOICEMAIL, 30.0, "same words"))
    assert import_library(fresh, read_library(repo)).scripts_merged == 1
    repo.save_text(repo.list_scripts()[0].id or 0, "other words")
    assert import_library(fresh, read_library(repo)).scripts_added == 1


def test_your_details_are_imported_only_when_you_have_none(
    repo: Repository, fresh: Repository
) -> None:
    repo.set_profile(Profile(name="Sam", phone="555-0100", region="US"))
    fresh.set_profile(Profile(name="Alex", phone="", region="GB"))
    assert import_library(fresh, read_library(repo)).profile_imported is False
    assert fresh.profile().name == "Alex"


def _file(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "brevity-library", "version": 1, "profile": {},
        "scripts": [{"name": "A", "kind": "voicemail", "target_s": 30, "text": "t",
                     "words_per_minute": None, "created_at": "2025-03-01T09:00:00+01:00",
                     "updated_at": "2025-03-01T09:00:00Z",
                     "revisions": [{"number": 1, "text": "t", "created_at":
                                    "2025-03-01T08:00:00.000+00:00"}],
                     "attempts": [{"revision": 1, "started_at": "2025-03-01T08:00:00+00:00",
                                   "duration_s": 1, "target_s": 30, "words": 1,
                                   "reached_end": True, "outcome": "good", "note": "n\x00o"}]}],
    }  # fmt: skip
    data.update(changes)
    return data


def test_a_hand_written_file_is_normalised_and_nul_is_stripped() -> None:
    library = parse_library(_file())
    script = library.scripts[0]
    assert script.created_at == "2025-03-01T08:00:00.000+00:00"
    assert script.updated_at == "2025-03-01T09:00:00.000+00:00"
    assert script.attempts[0].note == "no"
    assert library.profile == Profile()


def _broken(path: str, value: object) -> dict[str, Any]:
    data = _file()
    *parents, key = path.split(".")
    target: Any = data["scripts"][0]
    for part in parents:
        target = target[part][0]
    target[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "not a Brevity library"),
        ({"format": "something-else", "version": 1}, "not a Brevity library"),
        (_file(version="1"), "unknown version"),
        (_file(scripts={}), "scripts: expected a list"),
        (_broken("kind", "podcast"), "scripts[0].kind: expected one of voicemail"),
        (_broken("target_s", 0), "target_s: expected a positive number"),
        (_broken("target_s", float("nan")), "target_s"),
        (_broken("target_s", True), "target_s: expected a number"),
        (_broken("created_at", "yesterday"), "created_at: expected a date and time"),
        (_broken("created_at", "2025-03-01T09:00:00"), "with a time zone"),
        (_broken("attempts.revision", 2), "has no revision 2"),
        (_broken("attempts.outcome", "great"), "outcome"),
        (_broken("attempts.reached_end", 1), "reached_end: expected true or false"),
        (_broken("attempts.words", -1), "words"),
        (_broken("revisions.coach_score", 11), "coach_score 11 of None"),
        (_broken("name", None), "name: expected text"),
        (_broken("name", "half \ud83d emoji"), "name: expected valid Unicode text"),
    ],
)
def test_a_broken_file_is_refused_with_a_clear_message(data: object, message: str) -> None:
    with pytest.raises(LibraryFormatError, match=re.escape(message)):
        parse_library(data)


def test_a_file_from_a_newer_brevity_is_refused() -> None:
    with pytest.raises(LibraryTooNewError, match=r"newer Brevity \(format version 2;"):
        parse_library(_file(version=2))


def test_a_failure_half_way_imports_nothing(
    repo: Repository, fresh: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rich_library(repo)
    library = read_library(repo)
    import app.storage.transfer as transfer

    calls = 0
    real: Callable[..., int] = transfer._insert

    def failing_insert(db: Database, table: str, values: dict[str, Any]) -> int:
        nonlocal calls
        calls += 1
        if calls == 6:
            raise OSError("disk full")
        return real(db, table, values)

    monkeypatch.setattr(transfer, "_insert", failing_insert)
    with pytest.raises(OSError, match="disk full"):
        import_library(fresh, library)
    assert fresh.list_scripts() == []
    assert fresh.profile() == Profile()
    assert not fresh.database.conn.in_transaction


def test_a_text_file_script_gets_a_free_name(repo: Repository) -> None:
    draft = ScriptDraft("Jordan", ScriptKind.VOICEMAIL, 30.0, "Hi\x00 Jordan " + ODD)
    first, second = import_draft(repo, draft), import_draft(repo, draft)
    assert (first.name, second.name) == ("Jordan", "Jordan (imported)")
    assert first.text == "Hi Jordan " + ODD


def test_takes_csv_counts_the_visible_takes(repo: Repository) -> None:
    _rich_library(repo)
    text, count = takes_csv(repo)
    assert count == 4
    assert text.count("\r\n") >= 5
    assert "'=HYPERLINK" in text
