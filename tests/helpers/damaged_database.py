"""Real Brevity databases with a table page overwritten: the header still says SQLite, so
only a check of the pages (``quick_check``, ``integrity_check``) finds the damage."""

from __future__ import annotations

import random
from pathlib import Path

from app.domain.script import Script, ScriptKind
from app.storage.database import close_database, open_database
from app.storage.repository import Repository


def scribble(path: Path, seed: int = 3) -> None:
    """Overwrite a table page in the middle of a real database file."""
    content = bytearray(path.read_bytes())
    page_size = int.from_bytes(content[16:18], "big")
    start = page_size * 3
    content[start : start + page_size] = random.Random(seed).randbytes(page_size)
    path.write_bytes(bytes(content))


def damaged_database(db_path: Path) -> bytes:
    """A library of 200 scripts at ``db_path``, then scribbled over; its damaged bytes."""
    db = open_database(db_path)
    repo = Repository(db)
    for number in range(200):
        repo.add_script(Script(f"Script {number}", ScriptKind.VOICEMAIL, 30.0, "words " * 50))
    close_database(db)
    scribble(db_path)
    return db_path.read_bytes()
