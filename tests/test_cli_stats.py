"""``brevity stats``: the Progress figures on the command line, from the same code."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli_stats import EXIT_FAILED, EXIT_OK, EXIT_USAGE, stats_main
from app.domain.attempt import Attempt, Outcome
from app.domain.script import Script, ScriptKind
from app.storage.database import DATABASE_FILENAME, close_database, open_database
from app.storage.repository import Repository

REPO_ROOT = Path(__file__).resolve().parents[1]
TEXT = " ".join(["word"] * 79)  # 79 words: 21 s is 226 wpm, too fast to follow


def _library(data: Path, lengths: list[tuple[float, Outcome, bool]]) -> list[int]:
    """One 30 s voicemail with takes a minute apart, ending now; and an empty pitch."""
    db = open_database(data / DATABASE_FILENAME)
    try:
        repo = Repository(db)
        script = repo.add_script(Script("Voicemail to Jordan", ScriptKind.VOICEMAIL, 30.0, TEXT))
        repo.add_script(Script("Pitch", ScriptKind.ELEVATOR_PITCH, 30.0, "Hello"))
        assert script.id is not None
        revision = repo.revision_for_take(script.id, TEXT)
        start = datetime.now(UTC) - timedelta(minutes=len(lengths))
        ids = []
        for minute, (length_s, outcome, reached_end) in enumerate(lengths):
            take = repo.add_attempt(
                Attempt(script.id, revision.id, (start + timedelta(minutes=minute)).isoformat(),
                        length_s, 30.0, 79, reached_end, outcome)
            )  # fmt: skip
            assert take.id is not None
            ids.append(take.id)
        return ids
    finally:
        close_database(db)


def _stats(data: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    return stats_main(["--data-dir", str(data), *args], out), out.getvalue()


def test_the_figures_follow_the_one_rule(tmp_path: Path) -> None:
    ids = _library(tmp_path, [
        (27.9, Outcome.GOOD, False),  # stopped before the end: still the best
        (31.1, Outcome.UNRATED, True),  # on target, but over: not a best
        (21.0, Outcome.GOOD, True),  # too fast to follow
        (8.0, Outcome.ABANDONED, False),
    ])  # fmt: skip
    status, text = _stats(tmp_path, "--script", "voicemail to jordan", "--json")
    assert status == EXIT_OK
    figures = json.loads(text)
    assert figures["script"] == "Voicemail to Jordan"
    assert figures["best"] == {"id": ids[0], "take": 1, "length_s": 27.9}
    assert figures["on_target"] == {"count": 1, "of_last": 3}
    assert (figures["takes"], figures["today"], figures["streak_days"]) == (3, 3, 1)
    assert (figures["trend_s"], figures["takes_for_trend"]) == (None, 10)
    assert figures["cards"]["Trend"] == {
        "value": "\N{EM DASH}",
        "detail": "10 more takes for a trend",
    }
    assert figures["cards"]["Best"] == {"value": "27.9 s", "detail": "take 1"}


def test_the_readable_pace_comes_from_the_preferences(tmp_path: Path) -> None:
    ids = _library(tmp_path, [(27.0, Outcome.GOOD, True), (21.0, Outcome.GOOD, True)])
    assert json.loads(_stats(tmp_path, "--json")[1])["best"]["id"] == ids[0]
    (tmp_path / "settings.ini").write_text("[take]\nreadable_wpm=240\n", encoding="utf-8")
    figures = json.loads(_stats(tmp_path, "--json")[1])
    assert figures["readable_wpm"] == 240.0
    assert figures["best"]["id"] == ids[0]  # 27.0 s is still closer than 21.0 s
    assert figures["on_target"] == {"count": 0, "of_last": 2}


def test_it_prints_the_cards_readably(tmp_path: Path) -> None:
    _library(tmp_path, [(29.5, Outcome.NAILED, True)])
    status, text = _stats(tmp_path)
    assert status == EXIT_OK
    lines = text.splitlines()
    assert lines[0] == "All scripts"
    assert "  Best       29.5 s  take 1" in lines
    assert "  On target  1  of last 1" in lines


def test_an_unknown_script_or_a_missing_library_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _stats(tmp_path / "nothing")[0] == EXIT_FAILED
    assert "no Brevity library" in capsys.readouterr().err
    _library(tmp_path, [])
    assert _stats(tmp_path, "--script", "Nope")[0] == EXIT_USAGE
    assert "(scripts: “Pitch”, “Voicemail to Jordan”)" in capsys.readouterr().err


def test_brevity_stats_runs_without_a_display(tmp_path: Path) -> None:
    _library(tmp_path, [(29.5, Outcome.NAILED, True)])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BREVITY_", "PYTEST_"))}
    env.update(DISPLAY="", WAYLAND_DISPLAY="", QT_QPA_PLATFORM="", HOME=str(tmp_path / "home"))
    run = subprocess.run(
        [sys.executable, "-m", "app", "stats", "--json", "--data-dir", str(tmp_path)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["on_target"] == {"count": 1, "of_last": 1}
    helped = subprocess.run(
        [sys.executable, "-m", "app", "--help"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert "brevity stats [--script NAME] [--json]" in " ".join(helped.stdout.split())
