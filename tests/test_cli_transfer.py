"""``brevity export`` / ``brevity import`` end to end: a real interpreter, a private data dir."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.domain.attempt import Attempt, Outcome
from app.domain.script import Script, ScriptKind
from app.storage.database import DATABASE_FILENAME, close_database, open_database
from app.storage.repository import Repository

REPO_ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60
ODD = "مرحبا 📞👋🏽 Cafe\u0301 \u202eevil\u202c \U0001f9d1\u200d\U0001f4bb"


def _brevity(
    tmp_path: Path,
    *args: str,
    env_data_dir: Path | None = None,
    stdin: bytes = b"",
    python_flags: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BREVITY_", "PYTEST_"))}
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONDONTWRITEBYTECODE="1",
        DISPLAY="",
        WAYLAND_DISPLAY="",
        QT_QPA_PLATFORM="",
    )
    if env_data_dir is not None:
        env["BREVITY_DATA_DIR"] = str(env_data_dir)
    result = subprocess.run(
        [sys.executable, *python_flags, "-m", "app", *args],
        cwd=REPO_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def _library(data: Path) -> None:
    """Two scripts, one with three takes (one noted with a formula, one in the bin)."""
    db = open_database(data / DATABASE_FILENAME)
    try:
        repo = Repository(db)
        script = repo.add_script(Script(ODD, ScriptKind.VOICEMAIL, 30.0, "Hi, it's " + ODD))
        repo.add_script(Script("Pitch", ScriptKind.ELEVATOR_PITCH, 45.0, "I'm Sam."))
        assert script.id is not None
        revision = repo.revision_for_take(script.id, script.text)
        for second, note in enumerate(['=HYPERLINK("http://x")', ODD, "binned"]):
            take = repo.add_attempt(Attempt(
                script_id=script.id, revision_id=revision.id, target_s=30.0, words=5,
                started_at=f"2025-03-01T09:00:0{second}.000+00:00", duration_s=26.8 + second,
                reached_end=True, outcome=Outcome.GOOD, note=note))  # fmt: skip
        repo.delete_attempt(take.id or 0)
    finally:
        close_database(db)


def _without_moment(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    data.pop("exported_at")
    return data


def test_export_writes_json_and_csv_with_a_one_line_summary(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    _library(data)
    out_json, out_csv = tmp_path / "lib.json", tmp_path / "takes.csv"
    result = _brevity(tmp_path, "export", "--data-dir", str(data), "--json", str(out_json),
                      "--csv", str(out_csv))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Exported 2 scripts, 1 revision and 2 takes to {out_json}",
        f"Exported 2 takes to {out_csv}",
    ]
    library = json.loads(out_json.read_text(encoding="utf-8"))
    assert library["format"] == "brevity-library"
    assert {s["name"] for s in library["scripts"]} == {ODD, "Pitch"}
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets then read it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 3
    assert rows[1][0] == ODD and rows[1][-1] == '\'=HYPERLINK("http://x")'
    assert rows[1][5] == "-3.2"  # over target: a plain number
    assert sorted(os.listdir(tmp_path)) == ["lib.json", "profile", "takes.csv"]


def test_export_then_import_into_an_empty_folder_round_trips(tmp_path: Path) -> None:
    source, copy = tmp_path / "source", tmp_path / "copy"
    _library(source)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert _brevity(tmp_path, "export", "--json", str(first), env_data_dir=source).returncode == 0
    result = _brevity(tmp_path, "import", str(first), env_data_dir=copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Imported 2 new scripts, 1 revision and 2 takes from {first}."
    assert (copy / DATABASE_FILENAME).is_file()
    result = _brevity(tmp_path, "export", "--data-dir", str(copy), "--json", str(second))
    assert result.returncode == 0, result.stderr
    assert _without_moment(second) == _without_moment(first)
    again = _brevity(tmp_path, "import", "--data-dir", str(copy), str(first))
    assert "0 new scripts" in again.stdout and "2 scripts already in the library" in again.stdout


def test_the_data_dir_flag_wins_over_the_environment(tmp_path: Path) -> None:
    flagged, from_env = tmp_path / "flagged", tmp_path / "env"
    _library(flagged)
    out = tmp_path / "lib.json"
    result = _brevity(tmp_path, "export", "--data-dir", str(flagged), "--json", str(out),
                      env_data_dir=from_env)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert not from_env.exists()


def test_export_to_stdout_keeps_the_summary_out_of_the_data(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    _library(data)
    result = _brevity(tmp_path, "export", "--data-dir", str(data), "--json", "-")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["version"] == 1
    assert result.stderr.startswith("Exported 2 scripts")


def test_export_without_a_library_or_a_target_fails_cleanly(tmp_path: Path) -> None:
    missing = _brevity(tmp_path, "export", "--data-dir", str(tmp_path / "none"), "--json",
                       str(tmp_path / "lib.json"))  # fmt: skip
    assert missing.returncode == 1
    assert "no Brevity library" in missing.stderr
    assert not (tmp_path / "none").exists() and not (tmp_path / "lib.json").exists()
    usage = _brevity(tmp_path, "export", "--data-dir", str(tmp_path / "none"))
    assert usage.returncode == 2
    assert "--json FILE and/or --csv FILE" in usage.stderr


def test_export_into_a_folder_that_cannot_be_written_fails_with_exit_1(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    _library(data)
    result = _brevity(tmp_path, "export", "--data-dir", str(data), "--json",
                      str(tmp_path / "no-such-folder" / "lib.json"))  # fmt: skip
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_import_a_text_file_that_is_not_utf8_asks_for_its_encoding(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    script = tmp_path / "Call Zoë.txt"
    script.write_bytes("Grüße, this is Zoë — call me.\r\n".encode("cp1252"))
    refused = _brevity(tmp_path, "import", "--data-dir", str(data), str(script))
    assert refused.returncode == 2
    assert "not UTF-8" in refused.stderr and "--encoding" in refused.stderr
    assert "Traceback" not in refused.stderr
    done = _brevity(tmp_path, "import", "--data-dir", str(data), "--encoding", "cp1252",
                    str(script))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Imported “Call Zoë” (6 words) from {script}"
    db = open_database(data / DATABASE_FILENAME)
    try:
        [stored] = Repository(db).list_scripts()
        assert stored.text == "Grüße, this is Zoë — call me.\n"
    finally:
        close_database(db)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "brevity-library", "version": 9}', "newer Brevity"),
        (
            b'{"format": "brevity-library", "version": 1, "scripts": [{"name": 3}]}',
            r"scripts[0].name: expected text",
        ),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[" * 100_000, "not valid JSON"),
        (
            b'{"format": "brevity-library", "version": 1, "profile": {"name": "\\ud800"}}',
            "profile.name: expected valid Unicode text",
        ),
    ],
)
def test_import_of_a_bad_library_changes_nothing_and_exits_2(
    tmp_path: Path, content: bytes, message: str
) -> None:
    data = tmp_path / "profile"
    _library(data)
    before = (data / DATABASE_FILENAME).read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = _brevity(tmp_path, "import", "--data-dir", str(data), str(bad))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert (data / DATABASE_FILENAME).read_bytes() == before


def test_import_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = _brevity(tmp_path, "import", "--data-dir", str(tmp_path / "p"),
                      str(tmp_path / "nope.json"))  # fmt: skip
    assert result.returncode == 2
    assert "cannot read" in result.stderr


def test_import_works_while_the_app_has_the_library_open(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    _library(data)
    exported = tmp_path / "lib.json"
    assert _brevity(tmp_path, "export", "--data-dir", str(data), "--json",
                    str(exported)).returncode == 0  # fmt: skip
    library = json.loads(exported.read_text(encoding="utf-8"))
    library["scripts"][0]["name"] = "From the laptop"
    exported.write_text(json.dumps(library), encoding="utf-8")
    db = open_database(data / DATABASE_FILENAME)  # the "running app"
    try:
        repo = Repository(db)
        assert len(repo.list_scripts()) == 2
        result = _brevity(tmp_path, "import", "--data-dir", str(data), str(exported))
        assert result.returncode == 0, result.stderr
        assert "From the laptop" in {s.name for s in repo.list_scripts()}
    finally:
        close_database(db)


def test_export_and_import_help(tmp_path: Path) -> None:
    for command, options in (("export", ("--json", "--csv", "--data-dir")),
                             ("import", ("FILE", "--encoding", "--data-dir"))):  # fmt: skip
        result = _brevity(tmp_path, command, "--help")
        assert result.returncode == 0
        assert all(option in result.stdout for option in options)


def test_export_and_import_run_without_importing_qt(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    _library(data)
    out = tmp_path / "lib.json"
    flags = ("-X", "importtime")
    exported = _brevity(tmp_path, "export", "--data-dir", str(data), "--json", str(out),
                        python_flags=flags)  # fmt: skip
    imported = _brevity(tmp_path, "import", "--data-dir", str(tmp_path / "b"), str(out),
                        python_flags=flags)  # fmt: skip
    for result in (exported, imported):
        assert result.returncode == 0, result.stderr[-2000:]
        modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
        assert "app.storage.transfer" in modules
        assert not {name for name in modules if name.startswith(("PySide6", "pyqtgraph"))}
