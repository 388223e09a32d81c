"""``brevity self-check``: the JSON report of the audio parts (Qt Multimedia, webrtcvad).

The real report runs in a subprocess (as a user, or the bundle's smoke test, runs it); the
missing-part paths run in-process with the module hidden from the import system.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.self_check import self_check_main

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_self_check_reports_both_audio_parts_working(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BREVITY_", "PYTEST_"))}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)  # needs no display
    result = subprocess.run(
        [sys.executable, "-m", "app", "self-check"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["frozen"] is False
    multimedia, vad = report["multimedia"], report["voice_activity"]
    assert multimedia["available"] and multimedia["backend_loaded"] and multimedia["plays_wav"]
    assert isinstance(multimedia["audio_inputs"], list)  # empty without a sound server
    assert vad == {"available": True, "silence_is_speech": False}


def test_without_webrtcvad_the_report_says_so_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "webrtcvad", None)  # import fails: ImportError
    monkeypatch.setattr("app.self_check.multimedia_status", lambda: {"available": True})
    assert self_check_main([]) == 1
    vad = json.loads(capsys.readouterr().out)["voice_activity"]
    assert vad["available"] is False
    assert "webrtcvad" in vad["error"]


def test_without_qt_multimedia_the_report_says_so_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    assert self_check_main([]) == 1
    multimedia = json.loads(capsys.readouterr().out)["multimedia"]
    assert multimedia["available"] is False
    assert "QtMultimedia" in multimedia["error"]


def test_self_check_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert self_check_main(["--bogus"]) == 2
    assert "usage: brevity self-check" in capsys.readouterr().err
