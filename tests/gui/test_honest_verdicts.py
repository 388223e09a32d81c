"""Honest verdicts in the real window, without a microphone: every finished take counts, a
rushed take is not praised, the pace is called too fast before Space, and the Progress cards
and the chart say what ``brevity stats`` says."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.cli_stats import stats_main
from app.domain.attempt import Outcome
from app.domain.script import Script, ScriptKind
from app.ui.actions import ActionId
from app.ui.dialogs import PreferencesDialog
from tests.gui.conftest import App

LONG = " ".join(f"word{i}" for i in range(79))  # 78 words away: 20.8 s at 225 wpm
DRAFT = " ".join(f"word{i}" for i in range(152))  # fitted to 30 s: 302 wpm


def _key(qtbot: QtBot, app: App, key: Qt.Key) -> None:
    qtbot.keyClick(app.window.prompter, key)


def _take(qtbot: QtBot, app: App, length_s: float, rating: Qt.Key | None = None) -> None:
    """Space, ``length_s`` on the fake clock, Space; then a rating key."""
    _key(qtbot, app, Qt.Key.Key_Space)
    app.clock.advance(length_s)
    app.rehearsal.tick()
    with qtbot.waitSignal(app.rehearsal.take_saved):
        _key(qtbot, app, Qt.Key.Key_Space)
    if rating is not None:
        _key(qtbot, app, rating)


def _cards(app: App) -> dict[str, tuple[str, str]]:
    return {
        card.caption: (card.value_label.text(), card.detail_label.text())
        for card in app.window.progress.stats.cards()
    }


def _switch_to(app: App, name: str, text: str, *, wpm: float | None = None) -> Script:
    script = app.repository.add_script(
        Script(name, ScriptKind.VOICEMAIL, 30.0, text, words_per_minute=wpm)
    )
    app.window.current.reload(script.id)
    return script


def test_a_take_stopped_before_the_end_is_the_best_and_a_later_over_take_is_not(
    qtbot: QtBot, brevity: App
) -> None:
    _switch_to(brevity, "Long", LONG)  # fitted to 30 s: at 27.9 s a few words are left
    _take(qtbot, brevity, 27.9, Qt.Key.Key_2)
    result = brevity.window.outcome_panel.result_label.text()
    assert result.startswith("27.9 s — 2.1 s under target · stopped ")
    assert result.endswith(" early")
    assert _cards(brevity)["Best"] == ("27.9 s", "take 1")
    assert _cards(brevity)["On target"] == ("0", "of last 1")

    _take(qtbot, brevity, 31.1)
    assert "personal best" not in brevity.window.outcome_panel.cheer_label.text()
    assert _cards(brevity)["Best"] == ("27.9 s", "take 1")
    assert _cards(brevity)["On target"] == ("1", "of last 2")
    chart = brevity.window.progress.chart
    assert chart is not None
    assert chart.best_marker() == (1, "Best 27.9 s")
    assert chart.on_target_band_s() == (28.0, 32.0)


def test_a_rushed_take_is_called_too_fast_and_is_not_best(qtbot: QtBot, brevity: App) -> None:
    _switch_to(brevity, "Rushed", LONG, wpm=225.0)
    _take(qtbot, brevity, 27.0, Qt.Key.Key_2)  # stopped early at 225 wpm: 27 s, not rushed
    _take(qtbot, brevity, 21.0, Qt.Key.Key_2)
    panel = brevity.window.outcome_panel
    assert panel.result_label.text() == "21.0 s at 226 wpm — too fast to follow; slow down"
    assert "best" not in panel.cheer_label.text().lower()
    assert _cards(brevity)["Best"] == ("27.0 s", "take 1")


def test_the_rehearse_page_says_too_fast_before_space(qtbot: QtBot, brevity: App) -> None:
    warning = brevity.window.rehearse_page.pace_warning_label
    assert warning.isHidden()
    _switch_to(brevity, "Draft", DRAFT)
    assert warning.isVisible()
    assert warning.text() == (
        "Too fast to read aloud: 302 wpm. Cut about 61 words, or raise the target"
    )
    _key(qtbot, brevity, Qt.Key.Key_Space)
    assert warning.isHidden()  # the take needs the room


def test_a_nudge_above_the_readable_pace_is_called_out_at_once(qtbot: QtBot, brevity: App) -> None:
    warning = brevity.window.rehearse_page.pace_warning_label
    _switch_to(brevity, "Nudged", LONG, wpm=176.0)
    assert warning.isHidden()
    _key(qtbot, brevity, Qt.Key.Key_Up)  # 176 → 184.8 wpm
    assert warning.text().startswith("Too fast to read aloud: 185 wpm.")
    _key(qtbot, brevity, Qt.Key.Key_Down)
    assert warning.isHidden()


def test_the_cap_is_stated_on_the_pace_line(brevity: App) -> None:
    _switch_to(brevity, "Speech", " ".join(["word"] * 1050))
    pace = brevity.window.countdown_view.pace_label.text()
    assert pace == "400 wpm · capped at 400, too long to fit"
    assert "prompter scrolls at most 400" in brevity.window.rehearse_page.pace_warning_label.text()


def test_the_window_and_brevity_stats_show_the_same_figures(
    qtbot: QtBot, brevity: App, tmp_path: Path
) -> None:
    lengths = [33.0, 29.6, 27.9, 31.0, 8.0, 30.4, 25.0, 29.6, 34.0, 28.8]
    for length_s in lengths:
        _take(qtbot, brevity, length_s, Qt.Key.Key_2)
    _key(qtbot, brevity, Qt.Key.Key_Space)
    brevity.clock.advance(3.0)
    _key(qtbot, brevity, Qt.Key.Key_Escape)  # an abandoned take counts for nothing

    out = io.StringIO()
    argv = ["--data-dir", str(tmp_path), "--script", brevity.script.name, "--json"]
    assert stats_main(argv, out) == 0
    figures = json.loads(out.getvalue())

    cards = _cards(brevity)
    assert {caption: tuple(card.values()) for caption, card in figures["cards"].items()} == cards
    assert cards["Best"] == ("29.6 s", "take 8")  # the later of two 29.6
    assert cards["On target"] == ("5", "of last 10")
    assert cards["Trend"] == ("\N{EM DASH}", "2 more takes for a trend")
    chart = brevity.window.progress.chart
    assert chart is not None
    best = figures["best"]
    assert chart.best_marker() == (best["take"], f"Best {best['length_s']:.1f} s")
    (attempt,) = [a for a in brevity.window.progress.attempts() if a.id == best["id"]]
    assert attempt.duration_s == pytest.approx(best["length_s"])
    plotted = sorted(point for points in chart.series().values() for point in points)
    assert len(plotted) == len(lengths) + 1
    low, high = chart.on_target_band_s() or (0.0, 0.0)
    finished = [y for x, y in plotted if x <= len(lengths)]
    assert sum(1 for y in finished if low <= y <= high) == figures["on_target"]["count"]
    assert brevity.repository.list_attempts()[-1].outcome is Outcome.ABANDONED


def test_the_learned_pace_leaves_out_a_take_rated_as_rambled(qtbot: QtBot, brevity: App) -> None:
    for _ in range(3):
        _take(qtbot, brevity, 30.0, Qt.Key.Key_2)
    rate = brevity.window.coach.rate
    assert rate is not None and rate.takes == 3
    _take(qtbot, brevity, 55.0)
    assert brevity.window.coach.rate is not None and brevity.window.coach.rate.takes == 4
    _key(qtbot, brevity, Qt.Key.Key_4)  # rambled: not the user's pace
    assert brevity.window.coach.rate == rate


def test_the_readable_pace_preference_moves_the_warning_and_the_verdicts(
    qtbot: QtBot, brevity: App
) -> None:
    _switch_to(brevity, "Brisk", LONG, wpm=225.0)
    _take(qtbot, brevity, 21.0, Qt.Key.Key_2)  # 226 wpm: too fast at 180
    assert _cards(brevity)["Best"][0] == "\N{EM DASH}"
    warning = brevity.window.rehearse_page.pace_warning_label
    assert warning.text().startswith("Too fast to read aloud: 225 wpm.")

    def read_faster() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.readable_spin.value() == 180
        dialog.readable_spin.setValue(240)
        dialog.accept()

    QTimer.singleShot(0, read_faster)
    brevity.window.actions_[ActionId.PREFERENCES].trigger()
    assert brevity.preferences.readable_wpm == 240.0
    assert warning.isHidden()
    assert _cards(brevity)["Best"] == ("21.0 s", "take 1")
