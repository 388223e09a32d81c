"""Takes and text the database refused: written as a library file, imported back whole."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.domain.attempt import Attempt
from app.domain.library_format import parse_library
from app.domain.script import Revision, Script
from app.storage.repository import Repository
from app.storage.unsaved_file import (
    RECOVERY_FILENAME,
    import_recovery,
    unsaved_library,
    write_library_file,
)


def test_unsaved_takes_and_text_come_back_from_the_recovery_file(
    repo: Repository,
    script: Script,
    revision: Revision,
    new_attempt: Callable[..., Attempt],
    tmp_path: Path,
) -> None:
    assert script.id is not None
    kept = repo.add_attempt(new_attempt(script.id, revision.id, duration_s=30.0))
    unsaved = [
        new_attempt(script.id, revision.id, started_at="2025-03-01T09:05:00.000+00:00"),
        new_attempt(script.id, revision.id, started_at="2025-03-01T09:06:00.000+00:00"),
    ]
    library = unsaved_library(repo, unsaved, {script.id: "Hi, this is Sam. Call me."})
    write_library_file(tmp_path / RECOVERY_FILENAME, library)
    stored = parse_library(json.loads((tmp_path / RECOVERY_FILENAME).read_text("utf-8")))
    assert [len(s.attempts) for s in stored.scripts] == [2]  # only what was not saved

    recovered = import_recovery(repo, tmp_path)

    assert recovered is not None
    assert (recovered.takes, recovered.texts) == (2, 1)
    assert recovered.message() == (
        "Recovered 2 takes and the text of 1 script that could not be saved when Brevity "
        "last closed."
    )
    starts = [a.started_at for a in repo.list_attempts(script.id)]
    assert starts == [kept.started_at, *(a.started_at for a in unsaved)]
    assert repo.get_script(script.id).text == "Hi, this is Sam. Call me."
    assert len(repo.list_scripts()) == 1  # merged into the same script, not a copy
    assert not (tmp_path / RECOVERY_FILENAME).exists()
    assert import_recovery(repo, tmp_path) is None  # once only
