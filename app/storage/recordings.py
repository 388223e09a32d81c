"""The takes' WAV files under ``recordings/`` in the data folder: retention, clean-up, disk use.

An attempt row points at its file (``attempts.recording``, relative to the data folder). A
file is deleted only when nothing can bring its take back: when the take falls out of the
newest N of its script, or when the take (or its script) has been in the bin longer than the
undo bar offers it back. The row is updated first, then the file removed, so a row never
points at a file that was deleted on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, timedelta
from pathlib import Path

from app.storage.repository import Repository

RECORDINGS_DIRNAME = "recordings"


@dataclass(frozen=True, slots=True)
class DiskUse:
    files: int
    bytes: int

    def describe(self) -> str:
        """ "12 takes, 3.4 MB" """
        takes = "1 take" if self.files == 1 else f"{self.files} takes"
        return f"{takes}, {self.bytes / 1_000_000:.1f} MB"


class RecordingStore:
    """Deletes and measures the recordings; the recorder writes them."""

    def __init__(self, repository: Repository, data_dir: Path) -> None:
        self._repository = repository
        self.data_dir = data_dir
        self.folder = data_dir / RECORDINGS_DIRNAME

    def path_of(self, recording: str) -> Path:
        """The file of an attempt's ``recording`` value."""
        return self.data_dir / recording

    def keep_newest(self, script_id: int, keep: int) -> int:
        """Forget all but the ``keep`` newest recordings of the script's visible takes
        (``keep`` 0: keep them all); returns how many files were deleted."""
        if keep <= 0:
            return 0
        rows = self._repository.database.execute(
            "SELECT id, recording FROM attempts WHERE script_id = ? AND deleted_at IS NULL"
            " AND recording IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?",
            [script_id, keep],
        ).fetchall()
        return self._forget(rows)

    def forget_binned(self, older_than: timedelta) -> int:
        """Delete the recordings of takes in the bin (or whose script is) for longer than
        ``older_than`` — past their undo — and return how many there were."""
        cutoff = (self._repository.now() - older_than).astimezone(UTC)
        stamp = cutoff.isoformat(timespec="milliseconds")
        rows = self._repository.database.execute(
            "SELECT a.id, a.recording FROM attempts a JOIN scripts s ON s.id = a.script_id"
            " WHERE a.recording IS NOT NULL"
            " AND (a.deleted_at <= ? OR s.deleted_at <= ?)",
            [stamp, stamp],
        ).fetchall()
        return self._forget(rows)

    def disk_use(self) -> DiskUse:
        """The WAV files in the folder and their size (every file, referenced or not)."""
        files = sizes = 0
        try:
            for path in self.folder.glob("*.wav"):
                try:
                    sizes += path.stat().st_size
                except OSError:
                    continue
                files += 1
        except OSError:
            pass
        return DiskUse(files, sizes)

    def _forget(self, rows: list[tuple[int, str]]) -> int:
        if not rows:
            return 0
        with self._repository.database.atomic():
            for attempt_id, _recording in rows:
                self._repository.database.execute(
                    "UPDATE attempts SET recording = NULL WHERE id = ?", [attempt_id]
                )
        for _attempt_id, recording in rows:
            path = self.path_of(recording)
            if path.parent != self.folder:  # only ever our own files
                continue
            try:
                path.unlink(missing_ok=True)
            except OSError:
                continue  # counted in the disk use, removed by hand
        return len(rows)
