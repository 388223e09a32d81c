"""Time saving attempts one by one, as the app does after each take, on a real file.

Run from anywhere: ``python benchmarks/bench_storage.py``. Uses the real pragmas (WAL,
synchronous=FULL), so the figures include the fsync of each commit on this disk.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.script import Script, ScriptKind
from app.storage.database import DATABASE_FILENAME, close_database, open_database
from app.storage.repository import Repository
from benchmarks._common import percentile_ms, take

ATTEMPTS = 500


def measure(directory: Path) -> list[float]:
    """Seconds taken by each of ``ATTEMPTS`` calls to ``Repository.add_attempt``."""
    db = open_database(directory / DATABASE_FILENAME)
    try:
        repo = Repository(db)
        script = repo.add_script(
            Script("Bench", ScriptKind.VOICEMAIL, 30.0, "Hi, this is Sam. " * 10)
        )
        assert script.id is not None
        revision = repo.revision_for_take(script.id, script.text)
        start = datetime(2025, 1, 1, tzinfo=UTC)
        timings: list[float] = []
        for index in range(ATTEMPTS):
            attempt = take(script.id, revision.id, index, start, "take note")
            before = time.perf_counter()
            repo.add_attempt(attempt)
            timings.append(time.perf_counter() - before)
        return timings
    finally:
        close_database(db)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="brevity-bench-") as directory:
        timings = measure(Path(directory))
    print(f"attempt_save_p50: {percentile_ms(timings, 50):.2f} ms")
    print(f"attempt_save_p99: {percentile_ms(timings, 99):.2f} ms")


if __name__ == "__main__":
    main()
