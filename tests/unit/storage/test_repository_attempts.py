"""Revisions and attempts in the repository, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from sqlite_utils import Database

from app.domain.attempt import Attempt, Outcome, TargetVerdict
from app.domain.script import Revision, Script, ScriptKind
from app.storage.repository import Repository

if TYPE_CHECKING:
    from tests.unit.storage.conftest import FakeUtcNow

NewAttempt = Callable[..., Attempt]
ODD_NOTE = (
    "تأخرت قليلاً 😅🇫🇷 — e\u0301e\u0301 \u202bRTL\u202c Z\u0335\u0321 \U0001f469\u200d\U0001f467"
)


def _ids(script: Script, revision: Revision) -> tuple[int, int]:
    assert script.id is not None
    return script.id, revision.id


def test_same_text_same_revision_changed_text_next_number(
    repo: Repository, script: Script, revision: Revision, utc_now: FakeUtcNow
) -> None:
    assert script.id is not None
    assert (revision.number, revision.text, revision.script_id) == (1, script.text, script.id)
    assert repo.revision_for_take(script.id, script.text) == revision

    utc_now.advance(timedelta(minutes=1))
    second = repo.revision_for_take(script.id, "Hi, this is Sam Lee.")
    assert (second.number, second.text) == (2, "Hi, this is Sam Lee.")
    assert second.created_at == "2025-03-01T09:01:00.000+00:00"
    # Going back to an earlier text is a new revision too: the latest is what counts.
    third = repo.revision_for_take(script.id, script.text)
    assert third.number == 3
    assert repo.list_revisions(script.id) == [revision, second, third]
    assert repo.get_revision(second.id) == second


def test_attempts_keep_pointing_at_the_revision_they_rehearsed(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    script_id, first_id = _ids(script, revision)
    early = repo.add_attempt(new_attempt(script_id, first_id))
    repo.save_text(script_id, "A tighter version.")
    second = repo.revision_for_take(script_id, "A tighter version.")
    late = repo.add_attempt(
        new_attempt(script_id, second.id, started_at="2025-03-01T09:10:00.000+00:00")
    )

    assert early.id is not None and late.id is not None
    assert repo.get_revision(repo.get_attempt(early.id).revision_id).text == script.text
    assert repo.get_revision(repo.get_attempt(late.id).revision_id).number == 2


def test_attempt_round_trips_every_field(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    attempt = new_attempt(
        *_ids(script, revision),
        started_at="2025-03-01T09:00:00.123+00:00",
        duration_s=31.25,
        words=77,
        reached_end=False,
        outcome=Outcome.STUMBLED,
        note=ODD_NOTE,
    )
    stored = repo.add_attempt(attempt)

    assert stored.id is not None
    assert stored == replace(attempt, id=stored.id)
    assert repo.get_attempt(stored.id) == stored
    assert repo.list_attempts() == [stored]


def test_started_at_is_stored_in_one_utc_format(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    ids = _ids(script, revision)
    stored = repo.add_attempt(new_attempt(*ids, started_at="2025-03-01T10:30:00.5+01:00"))
    assert stored.started_at == "2025-03-01T09:30:00.500+00:00"
    with pytest.raises(ValueError):
        repo.add_attempt(new_attempt(*ids, started_at="2025-03-01T09:30:00"))  # no zone
    with pytest.raises(ValueError):
        repo.add_attempt(new_attempt(*ids, started_at="yesterday"))


def test_an_attempt_cannot_point_at_another_scripts_revision(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    other = repo.add_script(replace(script, name="Other"))
    assert other.id is not None
    with pytest.raises(ValueError, match="belongs to script"):
        repo.add_attempt(new_attempt(other.id, revision.id))
    assert repo.list_attempts() == []


def test_nul_bytes_are_stripped_from_notes(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    stored = repo.add_attempt(new_attempt(*_ids(script, revision), note="fine\x00 take"))
    assert stored.id is not None
    assert stored.note == repo.get_attempt(stored.id).note == "fine take"
    assert repo.update_attempt(stored.id, note="\x00again").note == "again"


def test_list_attempts_oldest_first_per_script_or_all(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    script_id, revision_id = _ids(script, revision)
    other = repo.add_script(replace(script, name="Other"))
    assert other.id is not None
    other_revision = repo.revision_for_take(other.id, other.text)
    late = repo.add_attempt(new_attempt(script_id, revision_id, started_at="2025-03-02T08:00Z"))
    early = repo.add_attempt(new_attempt(script_id, revision_id, started_at="2025-03-01T08:00Z"))
    middle = repo.add_attempt(
        new_attempt(other.id, other_revision.id, started_at="2025-03-01T20:00Z")
    )

    assert repo.list_attempts() == [early, middle, late]
    assert repo.list_attempts(script_id) == [early, late]


def test_update_attempt_changes_only_what_is_given(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    stored = repo.add_attempt(new_attempt(*_ids(script, revision), outcome=Outcome.UNRATED))
    assert stored.id is not None

    rated = repo.update_attempt(stored.id, outcome=Outcome.NAILED)
    assert rated == replace(stored, outcome=Outcome.NAILED)
    noted = repo.update_attempt(stored.id, note=ODD_NOTE)
    assert noted == replace(stored, outcome=Outcome.NAILED, note=ODD_NOTE)
    assert repo.update_attempt(stored.id) == noted
    assert repo.get_attempt(stored.id) == noted
    with pytest.raises(KeyError):
        repo.update_attempt(404, note="nobody")


def test_soft_delete_and_restore_an_attempt(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    stored = repo.add_attempt(new_attempt(*_ids(script, revision)))
    assert stored.id is not None
    repo.delete_attempt(stored.id)

    assert repo.list_attempts() == []
    with pytest.raises(KeyError):
        repo.get_attempt(stored.id)
    with pytest.raises(KeyError):
        repo.delete_attempt(stored.id)

    repo.restore_attempt(stored.id)
    assert repo.list_attempts() == [stored]


def test_a_binned_script_hides_its_attempts_until_restored(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    script_id, revision_id = _ids(script, revision)
    stored = repo.add_attempt(new_attempt(script_id, revision_id))
    repo.delete_script(script_id)
    assert repo.list_attempts() == [] and repo.speech_samples() == []
    repo.restore_script(script_id)
    assert repo.list_attempts() == [stored]


def test_speech_samples_count_only_completed_takes(
    repo: Repository, script: Script, revision: Revision, new_attempt: NewAttempt
) -> None:
    ids = _ids(script, revision)
    repo.add_attempt(new_attempt(*ids, words=70, duration_s=28.0))
    repo.add_attempt(new_attempt(*ids, words=71, duration_s=29.0, outcome=Outcome.UNRATED))
    # Takes the user marked as a failure do not teach the pace: a ramble is not their pace.
    repo.add_attempt(new_attempt(*ids, words=70, duration_s=48.0, outcome=Outcome.RAMBLED))
    repo.add_attempt(new_attempt(*ids, words=70, duration_s=41.0, outcome=Outcome.STUMBLED))
    repo.add_attempt(new_attempt(*ids, words=40, duration_s=15.0, reached_end=False))
    repo.add_attempt(new_attempt(*ids, words=72, duration_s=30.0, outcome=Outcome.ABANDONED))
    deleted = repo.add_attempt(new_attempt(*ids, words=73, duration_s=31.0))
    assert deleted.id is not None
    repo.delete_attempt(deleted.id)
    pitch = repo.add_script(replace(script, name="Pitch", kind=ScriptKind.ELEVATOR_PITCH))
    assert pitch.id is not None
    pitch_revision = repo.revision_for_take(pitch.id, pitch.text)
    repo.add_attempt(new_attempt(pitch.id, pitch_revision.id, words=110, duration_s=44.0))

    text = revision.text
    assert repo.speech_samples(ScriptKind.VOICEMAIL) == [(text, 28.0), (text, 29.0)]
    assert sorted(repo.speech_samples()) == [(text, 28.0), (text, 29.0), (pitch.text, 44.0)]
    assert repo.speech_samples(ScriptKind.CONVERSATION) == []


def test_purge_cascades_to_revisions_and_attempts(
    repo: Repository,
    db: Database,
    script: Script,
    revision: Revision,
    new_attempt: NewAttempt,
    utc_now: FakeUtcNow,
) -> None:
    script_id, revision_id = _ids(script, revision)
    repo.add_attempt(new_attempt(script_id, revision_id))
    survivor = repo.add_script(replace(script, name="Survivor"))
    assert survivor.id is not None
    survivor_revision = repo.revision_for_take(survivor.id, survivor.text)
    binned = repo.add_attempt(new_attempt(survivor.id, survivor_revision.id))
    kept = repo.add_attempt(new_attempt(survivor.id, survivor_revision.id))
    assert binned.id is not None
    repo.delete_script(script_id)
    repo.delete_attempt(binned.id)
    utc_now.advance(timedelta(days=31))

    repo.purge_deleted(older_than=timedelta(days=30))

    assert [row["id"] for row in db["scripts"].rows] == [survivor.id]
    assert [row["id"] for row in db["script_revisions"].rows] == [survivor_revision.id]
    assert [row["id"] for row in db["attempts"].rows] == [kept.id]
    with pytest.raises(KeyError):
        repo.restore_attempt(binned.id)


def test_a_take_keeps_its_recording_and_the_speech_measured_in_it(
    repo: Repository, script: Script, revision: Revision, new_attempt: Callable[..., Attempt]
) -> None:
    assert script.id is not None
    stored = repo.add_attempt(new_attempt(script.id, revision.id, duration_s=31.0))
    assert stored.id is not None
    assert (stored.recording, stored.spoken_s) == (None, None)
    assert stored.timed_s == 31.0

    repo.set_recording(stored.id, "recordings/1.wav")
    measured = repo.set_speech(stored.id, start_s=1.25, end_s=30.0, pauses=3, longest_pause_s=0.8)

    assert measured == repo.get_attempt(stored.id)
    assert measured.recording == "recordings/1.wav"
    assert (measured.speech_start_s, measured.speech_end_s) == (1.25, 30.0)
    assert measured.spoken_s == 28.75
    assert (measured.pauses, measured.longest_pause_s) == (3, 0.8)
    # The listener hears 28.75 s, not the 31 s between the key presses: on target.
    assert measured.timed_s == 28.75
    assert measured.verdict is TargetVerdict.ON


def test_a_recording_without_speech_keeps_the_key_press_length(
    repo: Repository, script: Script, revision: Revision, new_attempt: Callable[..., Attempt]
) -> None:
    assert script.id is not None
    stored = repo.add_attempt(new_attempt(script.id, revision.id, duration_s=35.0))
    assert stored.id is not None
    silent = repo.set_speech(stored.id, start_s=None, end_s=None, pauses=None, longest_pause_s=None)
    assert silent.spoken_s is None
    assert silent.timed_s == 35.0
    with pytest.raises(KeyError):
        repo.set_recording(stored.id + 99, "recordings/x.wav")
