"""Time backups of a database with 2,000 takes, as the timer and the close make them.

Run from anywhere: ``python benchmarks/bench_backup.py``. On a real file with the app's pragmas;
a "changed" backup includes the quick check, the content digests, the backup API copy, the
integrity check of the copy and its fsync; an "unchanged" one stops after the digests.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlite_utils import Database

from app.domain.script import Script, ScriptKind
from app.storage.backup import content_digest, make_backup
from app.storage.database import DATABASE_FILENAME, close_database, open_database
from app.storage.repository import Repository
from benchmarks._common import take

ATTEMPTS = 2000
ROUNDS = 15
START = datetime(2026, 1, 1, tzinfo=UTC)


def _fill(db: Database) -> Repository:
    repo = Repository(db)
    scripts = [
        repo.add_script(Script(f"Script {n}", ScriptKind.VOICEMAIL, 30.0, "Hi, this is Sam. " * 9))
        for n in range(20)
    ]
    with db.atomic():  # one transaction: the fill is set-up, not what is measured
        for index in range(ATTEMPTS):
            script = scripts[index % len(scripts)]
            assert script.id is not None
            revision = repo.revision_for_take(script.id, script.text)
            repo.add_attempt(take(script.id, revision.id, index, START, "a note about the take"))
    return repo


def _ms(samples_s: list[float]) -> str:
    return f"{statistics.median(samples_s) * 1000:.1f} ms (max {max(samples_s) * 1000:.1f})"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="brevity-bench-") as directory:
        folder = Path(directory)
        db = open_database(folder / DATABASE_FILENAME)
        try:
            repo = _fill(db)
            backups = folder / "backups"
            changed, unchanged, digests = [], [], []
            for round_number in range(ROUNDS):
                repo.rename_script(1, f"Script renamed {round_number}")
                now = START + timedelta(days=round_number)
                before = time.perf_counter()
                assert make_backup(db.conn, backups, now) is not None
                changed.append(time.perf_counter() - before)
                before = time.perf_counter()
                assert make_backup(db.conn, backups, now) is None
                unchanged.append(time.perf_counter() - before)
                before = time.perf_counter()
                content_digest(db.conn)
                digests.append(time.perf_counter() - before)
            pages, page_size = (
                db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "page_size")
            )
            size_kb = pages * page_size / 1024
        finally:
            close_database(db)
    print(f"backup_db_size_{ATTEMPTS}_takes: {size_kb:.0f} KB")
    print(f"backup_changed_{ATTEMPTS}_takes: {_ms(changed)}")
    print(f"backup_unchanged_{ATTEMPTS}_takes: {_ms(unchanged)}")
    print(f"content_digest_{ATTEMPTS}_takes: {_ms(digests)}")


if __name__ == "__main__":
    main()
