"""The stats cards: the words and figures they show, the empty hint, and palette colours."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from app.domain.stats import Summary
from app.ui.stats_panel import NO_TAKES_HINT, StatsPanel

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


def test_before_any_take_a_hint_is_shown(panel: StatsPanel) -> None:
    assert panel.showing_hint
    assert panel.hint_label.text() == NO_TAKES_HINT
    assert panel.hint_label.isVisible()


def test_the_cards_show_the_summary(panel: StatsPanel) -> None:
    panel.show_summary(SUMMARY)
    assert not panel.showing_hint
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


def test_no_practice_takes_brings_the_hint_back(panel: StatsPanel) -> None:
    panel.show_summary(SUMMARY)
    panel.show_summary(with_fields(total=0, attempts_today=0, daily_streak=0, considered=0))
    assert panel.showing_hint


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
