"""Script text typed but not yet in the database, kept in a small file on every keystroke.

The editor saves to SQLite after a 400 ms pause in typing. What is typed in those last
400 ms would die with the process (a crash, ``kill -9``, a frozen desktop killed by the
user), so every change is also written here first: the whole pending text of each script, as
JSON, replaced atomically (write a temporary file, ``os.replace``). There is no fsync per
keystroke: the data survives the *process* dying, which is the case this file is for; after a
power cut, what was typed since the last pause may be lost (the database copy, written with
``synchronous=FULL``, survives it).

An entry is removed once the database holds that exact text; the file is deleted when
nothing is pending. At start-up, whatever is left is written to the database (``recover``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

JOURNAL_FILENAME = "unsaved-typing.json"


class TypingJournal:
    """Pending script texts by script id, mirrored to ``path`` on every change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[int, str] = {}

    def record(self, script_id: int, text: str) -> bool:
        """Remember ``text`` as the newest text of ``script_id``; False if the file could
        not be written (the database save that follows will report the disk problem)."""
        if self._entries.get(script_id) == text:
            return True
        self._entries[script_id] = text
        return self._write()

    def saved(self, script_id: int, text: str) -> None:
        """The database now holds ``text`` for ``script_id``: forget it, unless newer text
        has been typed since."""
        if script_id in self._entries and self._entries[script_id] == text:
            del self._entries[script_id]
            self._write()

    def leftovers(self) -> dict[int, str]:
        """What an earlier run typed and never saved (an empty dict for a damaged file)."""
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(stored, dict):
            return {}
        found: dict[int, str] = {}
        for key, text in stored.items():
            if isinstance(text, str) and key.isdigit():
                found[int(key)] = text
        self._entries.update(found)  # kept until saved, like anything typed now
        return found

    def _write(self) -> bool:
        try:
            if not self._entries:
                self.path.unlink(missing_ok=True)
                return True
            temporary = self.path.with_name(self.path.name + ".tmp")
            data = json.dumps({str(k): v for k, v in self._entries.items()}, ensure_ascii=False)
            temporary.write_text(data, encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            return False
        return True
