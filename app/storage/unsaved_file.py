"""Takes and text the database refused, written as a library file, and read back.

When Brevity must close while its database refuses writes (a full disk, another program's
lock), what it still holds in memory goes into a library JSON file (``library_format``):
the user's choice of file when they are asked, or the recovery file in the data folder when
nobody can be asked (SIGTERM at logout). Each script appears with all its revisions, so an
import finds it as the same script and adds the takes it lacks; its text is the unsaved one.
The next start imports the recovery file (``import_recovery``), puts the unsaved text back
into its script (an ordinary import keeps the library's text) and removes the file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.domain.attempt import Attempt
from app.domain.library_format import library_json, parse_library
from app.domain.library_records import Library, RevisionRecord, ScriptRecord, TakeRecord
from app.domain.wording import plural
from app.storage.atomic_file import write_atomically
from app.storage.repository import Repository
from app.storage.transfer import import_library

RECOVERY_FILENAME = "unsaved-at-exit.json"


@dataclass(frozen=True)
class Recovered:
    """What the start-up import of a recovery file brought back, for one line to the user."""

    takes: int
    texts: int

    def message(self) -> str:
        parts = [plural(self.takes, "take")] if self.takes else []
        if self.texts:
            parts.append(f"the text of {plural(self.texts, 'script')}")
        what = " and ".join(parts) or "nothing new"
        return f"Recovered {what} that could not be saved when Brevity last closed."


def unsaved_library(
    repo: Repository, takes: Sequence[Attempt], texts: Mapping[int, str]
) -> Library:
    """The unsaved ``takes`` and ``texts`` (script id -> text) as a library to write.

    Only reads the database (which still reads when it refuses writes).
    """
    scripts = []
    for script_id in sorted({a.script_id for a in takes} | set(texts)):
        try:
            script = repo.get_script(script_id)
        except KeyError:
            continue  # erased for good since: nothing to attach them to
        revisions = repo.list_revisions(script_id)
        numbers = {r.id: r.number for r in revisions}
        scripts.append(
            ScriptRecord(
                name=script.name, kind=script.kind, target_s=script.target_s,
                text=texts.get(script_id, script.text),
                words_per_minute=script.words_per_minute, created_at=script.created_at,
                updated_at=script.updated_at,
                revisions=tuple(
                    RevisionRecord(r.number, r.text, r.created_at, r.coach_score, r.coach_max)
                    for r in revisions
                ),
                attempts=tuple(
                    _take_record(a, numbers[a.revision_id])
                    for a in takes
                    if a.script_id == script_id and a.revision_id in numbers
                ),
            )
        )  # fmt: skip
    stamp = repo.now().isoformat(timespec="milliseconds")
    return Library(repo.profile(), tuple(scripts), stamp, __version__)


def _take_record(attempt: Attempt, revision_number: int) -> TakeRecord:
    return TakeRecord(
        revision=revision_number, started_at=attempt.started_at,
        duration_s=attempt.duration_s, target_s=attempt.target_s, words=attempt.words,
        reached_end=attempt.reached_end, outcome=attempt.outcome, note=attempt.note,
        speech_start_s=attempt.speech_start_s, speech_end_s=attempt.speech_end_s,
        spoken_s=attempt.spoken_s, pauses=attempt.pauses,
        longest_pause_s=attempt.longest_pause_s,
    )  # fmt: skip


def write_library_file(path: Path, library: Library) -> None:
    """Write ``library`` to ``path`` whole or not at all; OSError when that fails."""
    text = json.dumps(library_json(library), ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, text.encode("utf-8"))


def import_recovery(repo: Repository, folder: Path) -> Recovered | None:
    """Import the recovery file in ``folder``, if there is one, and remove it.

    None when there is none. A file that cannot be read or imported is left in place (the
    next start tries again) and the error propagates: LibraryFormatError, OSError or the
    database's own error.
    """
    path = folder / RECOVERY_FILENAME
    if not path.exists():
        return None
    library = parse_library(json.loads(path.read_text(encoding="utf-8")))
    summary = import_library(repo, library)
    texts = 0
    for script_id, record in zip(summary.script_ids, library.scripts, strict=True):
        if repo.get_script(script_id).text != record.text:
            repo.save_text(script_id, record.text)
            texts += 1
    path.unlink()
    return Recovered(summary.takes_added, texts)
