"""Backups on real files: made with the backup API, checked, skipped when unchanged, thinned."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.domain.attempt import Attempt, Outcome
from app.domain.script import Revision, Script
from app.storage import backup as backup_module
from app.storage.backup import (
    BackupError,
    backup_time,
    content_digest,
    list_backups,
    make_backup,
    newest_backup,
    thin,
)
from app.storage.database import close_database, open_database
from app.storage.migrations import MIGRATIONS
from app.storage.repository import Repository
from tests.helpers.damaged_database import damaged_database

NOW = datetime(2026, 11, 26, 13, 40, 5, tzinfo=UTC)


def _backups(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir()) if directory.exists() else []


def _counts(path: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(path)) as connection:
        scripts = connection.execute("SELECT count(*) FROM scripts").fetchone()[0]
        attempts = connection.execute("SELECT count(*) FROM attempts").fetchone()[0]
    return int(scripts), int(attempts)


def _add_takes(
    repo: Repository,
    script: Script,
    revision: Revision,
    new_attempt: Callable[..., Attempt],
    count: int,
) -> None:
    assert script.id is not None
    for _ in range(count):
        repo.add_attempt(new_attempt(script.id, revision.id))


def test_a_backup_is_a_sound_copy_with_the_same_rows(
    db: Database,
    repo: Repository,
    script: Script,
    revision: Revision,
    new_attempt: Callable[..., Attempt],
    tmp_path: Path,
) -> None:
    _add_takes(repo, script, revision, new_attempt, 41)
    backups = tmp_path / "backups"

    made = make_backup(db.conn, backups, NOW)

    assert made == backups / "brevity-2026-11-26T13-40-05Z.sqlite3"
    assert _backups(backups) == [made.name]  # no temporary file beside it
    assert _counts(made) == (1, 41)
    with closing(sqlite3.connect(made)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # stand-alone
        assert content_digest(copy) == content_digest(db.conn)
    assert backup_time(made) == NOW


def test_a_backup_can_be_made_from_a_closed_file(
    db_path: Path, tmp_path: Path, repo: Repository, script: Script
) -> None:
    made = make_backup(db_path, tmp_path / "backups", NOW)
    assert made is not None and _counts(made) == (1, 0)


def test_nothing_new_is_written_while_nothing_changed(
    db: Database,
    repo: Repository,
    script: Script,
    revision: Revision,
    new_attempt: Callable[..., Attempt],
    tmp_path: Path,
) -> None:
    backups = tmp_path / "backups"
    _add_takes(repo, script, revision, new_attempt, 3)
    first = make_backup(db.conn, backups, NOW)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file changes, the data does not

    assert make_backup(db.conn, backups, NOW + timedelta(minutes=30)) is None
    assert make_backup(db.conn, backups, NOW + timedelta(minutes=60)) is None

    # Re-rating a take touches no timestamp and no row count: it still counts as a change.
    attempt = repo.list_attempts()[0]
    assert attempt.id is not None
    repo.update_attempt(attempt.id, outcome=Outcome.NAILED)
    second = make_backup(db.conn, backups, NOW + timedelta(minutes=90))
    assert second is not None and first is not None
    assert _backups(backups) == [first.name, second.name]


def test_two_backups_in_one_second_get_names_that_sort_newest_last(
    db: Database, repo: Repository, script: Script, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    first = make_backup(db.conn, backups, NOW)
    assert script.id is not None
    repo.rename_script(script.id, "Renamed")
    second = make_backup(db.conn, backups, NOW)
    assert first is not None and second is not None
    assert second.name == "brevity-2026-11-26T13-40-05Z-2.sqlite3"
    assert newest_backup(backups) == second
    assert [info.path for info in list_backups(backups)] == [second, first]


def test_a_damaged_database_is_never_backed_up(db_path: Path, tmp_path: Path) -> None:
    content = damaged_database(db_path)
    backups = tmp_path / "backups"

    with pytest.raises(BackupError, match="damaged"):
        make_backup(db_path, backups, NOW)

    assert _backups(backups) == []
    assert db_path.read_bytes() == content


def test_a_copy_that_fails_its_integrity_check_leaves_nothing_behind(
    db: Database, script: Script, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups = tmp_path / "backups"
    good = make_backup(db.conn, backups, NOW)
    assert good is not None
    db.execute("UPDATE scripts SET name = 'changed'")
    monkeypatch.setattr(backup_module, "integrity_problems", lambda _connection: ["page 7: bad"])

    with pytest.raises(BackupError, match="page 7"):
        make_backup(db.conn, backups, NOW + timedelta(hours=1))

    assert _backups(backups) == [good.name]  # the good backup stays, no .tmp is left


def test_leftovers_of_an_interrupted_backup_are_cleared(
    db: Database, script: Script, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    for leftover in ("brevity-2026-11-26T10-00-00Z.sqlite3.tmp", "brevity-x.tmp-journal"):
        (backups / leftover).write_bytes(b"half a backup")
    (backups / "my-notes.txt").write_text("not ours")

    made = make_backup(db.conn, backups, NOW)

    assert made is not None
    assert _backups(backups) == [made.name, "my-notes.txt"]


def test_list_backups_counts_visible_takes_and_scripts_newest_first(
    db: Database,
    repo: Repository,
    script: Script,
    revision: Revision,
    new_attempt: Callable[..., Attempt],
    tmp_path: Path,
) -> None:
    backups = tmp_path / "backups"
    make_backup(db.conn, backups, NOW)
    _add_takes(repo, script, revision, new_attempt, 5)
    hidden = repo.list_attempts()[0].id
    assert hidden is not None
    repo.delete_attempt(hidden)  # in the bin: not counted
    make_backup(db.conn, backups, NOW + timedelta(days=1))
    (backups / "brevity-2026-11-28T00-00-00Z.sqlite3").write_bytes(b"rubbish" * 100)
    (backups / "something-else.sqlite3").write_bytes(b"")

    infos = list_backups(backups)

    assert [(i.taken_at, i.attempts, i.scripts) for i in infos] == [
        (datetime(2026, 11, 28, tzinfo=UTC), None, None),
        (NOW + timedelta(days=1), 4, 1),
        (NOW, 0, 1),
    ]
    assert [info.readable for info in infos] == [False, True, True]


def test_a_migration_is_preceded_by_a_backup(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    old = Database(db_path, execute_plugins=False)
    MIGRATIONS.apply(old, stop_before="m005_add_revision_coach_score")
    old.execute(
        "INSERT INTO scripts (name, kind, target_s, created_at, updated_at)"
        " VALUES ('Old', 'voicemail', 30, 't', 't')"
    )
    old.conn.commit()
    old.close()

    close_database(open_database(db_path))

    backups = list_backups(db_path.parent / "backups")
    assert len(backups) == 1 and backups[0].scripts == 1
    with closing(sqlite3.connect(backups[0].path)) as copy:
        columns = {row[1] for row in copy.execute("PRAGMA table_info(script_revisions)")}
    assert "coach_score" not in columns  # taken before the migration ran


def test_a_new_or_current_database_is_not_backed_up_on_open(db_path: Path) -> None:
    close_database(open_database(db_path))  # fresh: nothing to lose
    close_database(open_database(db_path))  # current: no migration pending
    assert not (db_path.parent / "backups").exists()


# --- thinning ------------------------------------------------------------------------------

THIN_NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # a Thursday


def _at(*moments: datetime) -> list[tuple[Path, datetime]]:
    return [(Path(f"b{index}"), moment) for index, moment in enumerate(moments)]


def _kept(pairs: list[tuple[Path, datetime]], now: datetime = THIN_NOW) -> list[datetime]:
    deleted = set(thin(pairs, now))
    return sorted((moment for path, moment in pairs if path not in deleted), reverse=True)


def test_every_backup_of_today_and_yesterday_is_kept() -> None:
    moments = [THIN_NOW - timedelta(minutes=30 * n) for n in range(86)]  # to Tue 20:00
    kept = _kept(_at(*moments))
    assert kept == [m for m in moments if m.date() >= THIN_NOW.date() - timedelta(days=1)] + [
        datetime(2026, 11, 24, 23, 30, tzinfo=UTC)  # the newest of Tuesday: a daily one
    ]


def test_twelve_earlier_days_keep_their_newest_backup() -> None:
    day = THIN_NOW.replace(hour=0)
    moments = [day - timedelta(days=d) + timedelta(hours=h) for d in range(2, 20) for h in (9, 18)]
    kept = _kept(_at(*moments))
    daily = [day - timedelta(days=d) + timedelta(hours=18) for d in range(2, 14)]
    assert kept[:12] == daily
    assert all(moment.hour == 18 for moment in kept)  # the newest of each day, never the 9:00


def test_after_the_daily_ones_one_a_week_for_ten_weeks() -> None:
    moments = [THIN_NOW - timedelta(days=d) for d in range(2, 130)]  # one backup a day
    kept = _kept(_at(*moments))
    daily, weekly = kept[:12], kept[12:22]
    assert daily == [THIN_NOW - timedelta(days=d) for d in range(2, 14)]
    oldest_daily = daily[-1]  # Fri 13 Nov: its ISO week (Mon 9 - Sun 15) is already covered
    assert weekly[0] == datetime(2026, 11, 8, 15, 0, tzinfo=UTC)  # Sunday of the week before
    assert all(moment.isoweekday() == 7 for moment in weekly)  # the newest day of each week
    weeks = [moment.isocalendar()[:2] for moment in weekly]
    assert len(set(weeks)) == 10 and max(weeks) < oldest_daily.isocalendar()[:2]


def test_after_the_weekly_ones_one_a_month_for_nine_months() -> None:
    moments = [THIN_NOW - timedelta(days=d) for d in range(2, 800)]
    kept = _kept(_at(*moments))
    assert len(kept) == 12 + 10 + 9
    oldest_weekly = kept[21]
    monthly = kept[22:]
    assert monthly[0] == datetime(2026, 8, 31, 15, 0, tzinfo=UTC)  # end of the month before
    assert all((m + timedelta(days=1)).day == 1 for m in monthly)  # last day of each month
    months = [(m.year, m.month) for m in monthly]
    assert len(set(months)) == 9 and max(months) < (oldest_weekly.year, oldest_weekly.month)
    assert months[-1] == (2025, 12)


def test_sparse_backups_use_the_slots_for_whatever_periods_have_one() -> None:
    # Someone who practises now and then: each old backup is the newest of its own day.
    moments = [THIN_NOW - timedelta(days=d) for d in (3, 40, 100, 400, 1000)]
    assert _kept(_at(*moments)) == moments


def test_thinning_follows_the_calendar_of_nows_time_zone() -> None:
    tokyo = timezone(timedelta(hours=9))
    now = datetime(2026, 11, 26, 8, 0, tzinfo=tokyo)  # 23:00 UTC on the 25th
    two_days_ago_in_tokyo = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)  # 01:00 on the 24th there
    also_that_day = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)  # 00:30 on the 24th there
    pairs = _at(two_days_ago_in_tokyo, also_that_day)
    assert thin(pairs, now) == [Path("b1")]


def test_a_backup_from_the_future_is_kept_and_nothing_is_thinned_without_backups() -> None:
    assert thin([], THIN_NOW) == []
    assert thin(_at(THIN_NOW + timedelta(days=3)), THIN_NOW) == []


def test_making_a_backup_thins_the_folder(
    db: Database, repo: Repository, script: Script, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    for hours in (60, 61):  # two from the same day, three days ago
        moment = NOW - timedelta(hours=hours)
        shutil_copy = backups / f"brevity-{moment:%Y-%m-%dT%H-%M-%S}Z.sqlite3"
        shutil_copy.write_bytes(b"")
    made = make_backup(db.conn, backups, NOW)
    assert made is not None
    older = NOW - timedelta(hours=61)
    assert not (backups / f"brevity-{older:%Y-%m-%dT%H-%M-%S}Z.sqlite3").exists()
    assert len(_backups(backups)) == 2
