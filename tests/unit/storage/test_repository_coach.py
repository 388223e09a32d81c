"""What the script coach keeps: the caller's profile, scores per revision, speech samples."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.domain.attempt import Attempt, Outcome
from app.domain.coach import Profile
from app.domain.script import Revision, Script, ScriptKind
from app.storage.database import close_database, open_database
from app.storage.repository import Repository

NewAttempt = Callable[..., Attempt]


def test_profile_is_empty_until_set_and_survives_reopening(repo: Repository, db_path: Path) -> None:
    assert repo.profile() == Profile()

    repo.set_profile(Profile(name="  Zoë Ødegård ", phone="+47 412 34 567", region="no"))

    reopened = open_database(db_path)
    try:
        stored = Repository(reopened).profile()
    finally:
        close_database(reopened)
    assert stored == Profile(name="Zoë Ødegård", phone="+47 412 34 567", region="NO")


def test_setting_the_profile_again_replaces_it(repo: Repository) -> None:
    repo.set_profile(Profile(name="Sam", phone="555-0100"))
    repo.set_profile(Profile(name="Sam Lee", phone="", region="GB"))

    assert repo.profile() == Profile(name="Sam Lee", phone="", region="GB")


@pytest.mark.parametrize("stored", ["not json", "[1, 2]", '{"name": 7}'])
def test_a_damaged_profile_reads_as_something_usable(
    repo: Repository, db: Database, stored: str
) -> None:
    db.execute("INSERT INTO meta (key, value) VALUES ('profile', ?)", [stored])

    profile = repo.profile()

    assert isinstance(profile.name, str)
    assert profile.region == "US"


def test_a_revision_has_no_score_until_one_is_set(repo: Repository, revision: Revision) -> None:
    assert (revision.coach_score, revision.coach_max) == (None, None)

    repo.set_revision_score(revision.id, 8, 10)

    stored = repo.get_revision(revision.id)
    assert (stored.coach_score, stored.coach_max) == (8, 10)
    assert repo.list_revisions(revision.script_id) == [stored]


def test_a_score_out_of_range_or_for_a_missing_revision_is_refused(
    repo: Repository, revision: Revision
) -> None:
    with pytest.raises(ValueError):
        repo.set_revision_score(revision.id, 11, 10)
    with pytest.raises(KeyError):
        repo.set_revision_score(revision.id + 99, 1, 10)
    assert repo.get_revision(revision.id).coach_score is None


def test_speech_samples_pair_each_completed_take_with_its_exact_text(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    assert script.id is not None
    repo.add_attempt(new_attempt(script.id, revision.id, duration_s=20.0))
    repo.add_attempt(new_attempt(script.id, revision.id, duration_s=3.0, reached_end=False))
    repo.add_attempt(new_attempt(script.id, revision.id, outcome=Outcome.ABANDONED))
    second = repo.revision_for_take(script.id, "Hi, this is Sam Lee, again.")
    repo.add_attempt(new_attempt(script.id, second.id, duration_s=25.0))

    assert repo.speech_samples(ScriptKind.VOICEMAIL) == [
        (revision.text, 20.0),
        ("Hi, this is Sam Lee, again.", 25.0),
    ]
    assert repo.speech_samples(ScriptKind.ELEVATOR_PITCH) == []


def test_saving_the_details_fills_them_into_the_starters(repo: Repository) -> None:
    text = "Hi, it's [your name] at [your number]. Again, [your name], [your number]."
    starter = repo.add_script(Script("Starter", ScriptKind.VOICEMAIL, 30.0, text))
    own = repo.add_script(Script("Mine", ScriptKind.VOICEMAIL, 30.0, "Hi, it's Sam."))
    assert starter.id is not None and own.id is not None

    assert repo.set_profile(Profile(name="Sam Lee", phone="", region="US")) == [starter.id]
    assert repo.get_script(starter.id).text == (
        "Hi, it's Sam Lee at [your number]. Again, Sam Lee, [your number]."
    )  # the number still waits for the user

    assert repo.set_profile(Profile(name="Sam Lee", phone=" 555-201-7788 ")) == [starter.id]
    assert repo.get_script(starter.id).text == (
        "Hi, it's Sam Lee at 555-201-7788. Again, Sam Lee, 555-201-7788."
    )
    assert repo.get_script(own.id).text == "Hi, it's Sam."
    assert repo.set_profile(Profile(name="Sam", phone="555-0100")) == []  # nothing left to fill


def test_the_seeded_library_owes_one_welcome(repo: Repository) -> None:
    assert not repo.welcome_due()  # a library that was never seeded (an old one) is not new
    assert repo.seed_if_first_run([Script("Starter", ScriptKind.VOICEMAIL, 30.0, "Hi.")])
    assert repo.welcome_due()

    repo.welcome_given()

    assert not repo.welcome_due()
    assert not repo.seed_if_first_run([])
    assert not repo.welcome_due()


def test_a_library_seeded_without_starters_is_not_new(repo: Repository) -> None:
    assert repo.seed_if_first_run([])  # what an import into a fresh database does
    assert not repo.welcome_due()
