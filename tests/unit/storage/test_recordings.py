"""Recordings on disk: the newest N per script, the files of deleted takes, the disk use."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.attempt import Attempt, Outcome
from app.domain.script import Script, ScriptKind
from app.storage.recordings import RECORDINGS_DIRNAME, DiskUse, RecordingStore
from app.storage.repository import Repository

if TYPE_CHECKING:
    from tests.unit.storage.conftest import FakeUtcNow


def _take(repository: Repository, script: Script, data_dir: Path, name: str) -> Attempt:
    assert script.id is not None
    revision = repository.revision_for_take(script.id, script.text)
    folder = data_dir / RECORDINGS_DIRNAME
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.wav").write_bytes(bytes(1000))
    attempt = Attempt(
        script_id=script.id,
        revision_id=revision.id,
        started_at=repository.now().isoformat(),
        duration_s=20.0,
        target_s=30.0,
        words=40,
        reached_end=True,
        outcome=Outcome.UNRATED,
        recording=f"{RECORDINGS_DIRNAME}/{name}.wav",
        speech_start_s=0.5,
        speech_end_s=19.0,
        spoken_s=18.5,
    )
    return repository.add_attempt(attempt)


def _script(repository: Repository, name: str = "Voicemail") -> Script:
    script = Script(name=name, kind=ScriptKind.VOICEMAIL, target_s=30.0, text="Hi, it's Alex.")
    return repository.add_script(script)


def _names(store: RecordingStore) -> list[str]:
    return sorted(path.stem for path in store.folder.glob("*.wav"))


def test_keep_newest_forgets_the_older_recordings_of_that_script_only(
    repo: Repository, utc_now: FakeUtcNow, tmp_path: Path
) -> None:
    store = RecordingStore(repo, tmp_path)
    mine, other = _script(repo), _script(repo, "Pitch")
    takes = []
    for index in range(4):
        takes.append(_take(repo, mine, tmp_path, f"mine-{index}"))
        utc_now.advance(timedelta(minutes=1))
    _take(repo, other, tmp_path, "other")
    assert mine.id is not None
    assert store.keep_newest(mine.id, 2) == 2
    assert _names(store) == ["mine-2", "mine-3", "other"]
    first = repo.get_attempt(takes[0].id or 0)
    assert first.recording is None and first.spoken_s == 18.5  # the figures stay
    assert store.keep_newest(mine.id, 0) == 0  # 0 keeps everything
    assert store.keep_newest(mine.id, 2) == 0


def test_deleted_takes_lose_their_file_only_after_the_undo_window(
    repo: Repository, utc_now: FakeUtcNow, tmp_path: Path
) -> None:
    store = RecordingStore(repo, tmp_path)
    script = _script(repo)
    take = _take(repo, script, tmp_path, "deleted")
    _take(repo, script, tmp_path, "kept")
    assert take.id is not None
    repo.delete_attempt(take.id)
    assert store.forget_binned(timedelta(seconds=10)) == 0
    utc_now.advance(timedelta(seconds=11))
    assert store.forget_binned(timedelta(seconds=10)) == 1
    assert _names(store) == ["kept"]
    repo.restore_attempt(take.id)  # a late restore finds the take without its sound
    assert repo.get_attempt(take.id).recording is None


def test_a_deleted_script_takes_its_recordings_with_it(repo: Repository, tmp_path: Path) -> None:
    store = RecordingStore(repo, tmp_path)
    script = _script(repo)
    _take(repo, script, tmp_path, "a")
    assert script.id is not None
    repo.delete_script(script.id)
    assert store.forget_binned(timedelta(0)) == 1
    assert _names(store) == []


def test_only_files_inside_the_recordings_folder_are_ever_deleted(
    repo: Repository, tmp_path: Path
) -> None:
    store = RecordingStore(repo, tmp_path)
    script = _script(repo)
    take = _take(repo, script, tmp_path, "a")
    precious = tmp_path / "brevity-notes.wav"
    precious.write_bytes(b"mine")
    assert take.id is not None
    repo.set_recording(take.id, "brevity-notes.wav")  # a hand-edited row
    repo.delete_attempt(take.id)
    store.forget_binned(timedelta(0))
    assert precious.exists()


def test_disk_use_counts_the_wav_files(repo: Repository, tmp_path: Path) -> None:
    store = RecordingStore(repo, tmp_path)
    assert store.disk_use() == DiskUse(0, 0)
    script = _script(repo)
    for name in ("a", "b"):
        _take(repo, script, tmp_path, name)
    (store.folder / "notes.txt").write_text("not a recording")
    assert store.disk_use() == DiskUse(2, 2000)
    assert DiskUse(12, 3_420_000).describe() == "12 takes, 3.4 MB"
    assert DiskUse(1, 200_000).describe() == "1 take, 0.2 MB"


def test_attempts_carry_their_recording_through_a_save(repo: Repository, tmp_path: Path) -> None:
    script = _script(repo)
    take = _take(repo, script, tmp_path, "a")
    assert take.id is not None
    stored = repo.get_attempt(take.id)
    assert stored == replace(take, started_at=stored.started_at)
