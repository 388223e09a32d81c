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

from app.domain.attempt import Attempt
from app.domain.library_format import library_text, parse_library
from app.domain.library_records import Library
from app.domain.wording import plural
from app.storage.atomic_file import write_atomically
from app.storage.repository import Repository
from app.storage.transfer import import_library, library_of, script_record

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
        mine = [a for a in takes if a.script_id == script_id]
        scripts.append(script_record(repo, script, mine, text=texts.get(script_id)))
    return library_of(repo, scripts)


def write_library_file(path: Path, library: Library) -> None:
    """Write ``library`` to ``path`` whole or not at all; OSError when that fails."""
    write_atomically(path, library_text(library).encode("utf-8"))


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
