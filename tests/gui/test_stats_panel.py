"""The stats cards: the words and figures they show, hidden before a take, palette colours."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.domain.stats import Summary
from app.ui.stats_panel import StatsPanel
from tests.gui.conftest import App

SUMMARY = Summary(
    total=24,
    attempts_today=3,
    daily_streak=3,
    personal_best_s=27.4,
    on_target=7,
    considered=10,
    trend_s=-1.24,
    average_s=31.0,
    best_id=31,
    best_take=7,
)


@pytest.fixture
def panel(qtbot: QtBot) -> StatsPanel:
    widget = StatsPanel()
    qtbot.addWidget(widget)
    widget.resize(800, 110)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(panel: StatsPanel) -> list[tuple[str, str, str]]:
    return [
        (card.caption, card.value_label.text(), card.detail_label.text()) for card in panel.cards()
    ]


def with_fields(**changes: object) -> Summary:
    return replace(SUMMARY, **changes)  # type: ignore[arg-type]


def test_before_any_take_the_cards_wait_hidden(panel: StatsPanel) -> None:
    panel.show_summary(with_fields(total=0, attempts_today=0, daily_streak=0, considered=0))
    assert not panel.isVisible()  # the chart's empty page says there are no takes yet


def test_the_cards_show_the_summary(qtbot: QtBot, panel: StatsPanel) -> None:
    panel.show_summary(SUMMARY)
    assert panel.isVisible()
    assert shown(panel) == [
        ("Today", "3", "of 24 in all"),
        ("Streak", "3 days", "in a row"),
        ("Best", "27.4 s", "take 7"),
        ("On target", "7", "of last 10"),
        ("Trend", "\N{MINUS SIGN}1.2 s", "faster"),
    ]
    assert panel.trend_card.accessibleName() == "Trend: \N{MINUS SIGN}1.2 s, faster"


def test_missing_figures_read_as_dashes_with_a_reason(panel: StatsPanel) -> None:
    panel.show_summary(
        with_fields(
            daily_streak=1,
            personal_best_s=None,
            considered=1,
            on_target=0,
            trend_s=None,
            takes_for_trend=11,
        )
    )
    values = {caption: (value, detail) for caption, value, detail in shown(panel)}
    assert values["Streak"] == ("1 day", "in a row")
    assert values["Best"] == ("\N{EM DASH}", "none within target yet")
    assert values["On target"] == ("0", "of last 1")
    assert values["Trend"] == ("\N{EM DASH}", "11 more takes for a trend")
    panel.show_summary(with_fields(trend_s=None, takes_for_trend=1))
    assert panel.trend_card.detail_label.text() == "1 more take for a trend"


@pytest.mark.parametrize(
    ("trend_s", "value", "word"),
    [(0.8, "+0.8 s", "slower"), (0.01, "±0.0 s", "steady")],
)
def test_trend_words(panel: StatsPanel, trend_s: float, value: str, word: str) -> None:
    panel.show_summary(with_fields(trend_s=trend_s))
    assert (panel.trend_card.value_label.text(), panel.trend_card.detail_label.text()) == (
        value,
        word,
    )


def test_no_practice_takes_hides_the_cards_again(panel: StatsPanel) -> None:
    panel.show_summary(SUMMARY)
    panel.show_summary(with_fields(total=0, attempts_today=0, daily_streak=0, considered=0))
    assert not panel.isVisible()


@pytest.mark.parametrize("base", ["#ffffff", "#16191d"])
def test_cards_are_painted_with_the_palette(panel: StatsPanel, base: str) -> None:
    palette = QPalette(panel.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    panel.setPalette(palette)
    panel.show_summary(SUMMARY)
    card = panel.today_card
    image = card.grab().toImage()
    inside = image.pixelColor(image.width() // 2, image.height() - 4)
    assert inside.name() == base


def _says_no_takes(widget: QWidget) -> list[str]:
    """The visible texts in ``widget`` that tell the user there are no takes yet."""
    texts = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    return [text for text in texts if "no takes" in text.lower() or "will appear" in text.lower()]


def test_progress_without_takes_says_so_once_and_the_cards_wait(qtbot: QtBot, brevity: App) -> None:
    progress = brevity.window.progress
    qtbot.waitUntil(lambda: progress.chart is not None and progress.chart.isVisible())
    assert len(_says_no_takes(progress)) == 1
    assert not progress.stats.isVisible()

    brevity.repository.add_attempt(take_of(brevity))
    brevity.window.current.refresh_progress()

    assert _says_no_takes(progress) == []
    qtbot.waitUntil(progress.stats.isVisible)


def take_of(app: App) -> Attempt:
    script_id = app.script.id or 0
    revision = app.repository.revision_for_take(script_id, app.script.text)
    return Attempt(script_id, revision.id or 0, "2026-12-01T09:00:00.000Z", 29.0, 30.0, 40,
                   True, Outcome.GOOD)  # fmt: skip
