"""A row of small cards with the practice figures: today, streak, best, on target, trend."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.countdown import format_seconds
from app.domain.stats import Summary

DASH = "\N{EM DASH}"
_STEADY_S = 0.05  # a trend smaller than this rounds to ±0.0 s: call it steady, not faster
_CARD_RADIUS = 8.0


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _signed(delta_s: float) -> str:
    sign = "+" if delta_s > 0 else "\N{MINUS SIGN}"
    return f"{sign}{format_seconds(abs(delta_s))}"


class StatCard(QWidget):
    """A rounded card: a small caption, a big figure and a short line that explains it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.caption_label = QLabel(caption)
        self.value_label = QLabel(DASH)
        self.detail_label = QLabel()
        self._style_labels()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        for label in (self.caption_label, self.value_label, self.detail_label):
            layout.addWidget(label)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 7)

    def _style_labels(self) -> None:
        caption_font = QFont(self.font())
        caption_font.setWeight(QFont.Weight.DemiBold)
        self.caption_label.setFont(caption_font)
        value_font = QFont(self.font())
        value_font.setPointSizeF(max(value_font.pointSizeF(), 9.0) * 1.4)
        value_font.setWeight(QFont.Weight.DemiBold)
        self.value_label.setFont(value_font)
        detail_font = QFont(self.font())
        detail_font.setPointSizeF(max(detail_font.pointSizeF(), 9.0) * 0.9)
        self.detail_label.setFont(detail_font)
        for muted in (self.caption_label, self.detail_label):
            muted.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def set_value(self, value: str, detail: str) -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.setAccessibleName(f"{self.caption}: {value}, {detail}")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1.0))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), _CARD_RADIUS, _CARD_RADIUS
        )
        painter.end()


class StatsPanel(QWidget):
    """Shows a ``Summary`` as a row of cards; hidden until there is a take to sum up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today_card = StatCard("Today")
        self.streak_card = StatCard("Streak")
        self.best_card = StatCard("Best")
        self.on_target_card = StatCard("On target")
        self.trend_card = StatCard("Trend")
        self.streak_card.setToolTip("Days in a row with at least one take")
        self.trend_card.setToolTip(
            "Average length of your last 10 takes against the 10 before "
            "(the spoken length where it was measured)"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        for card in self.cards():
            row.addWidget(card, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def cards(self) -> tuple[StatCard, ...]:
        return (self.today_card, self.streak_card, self.best_card, self.on_target_card,
                self.trend_card)  # fmt: skip

    def show_summary(self, summary: Summary) -> None:
        """The figures; with no takes at all the panel hides, and the chart's empty page
        alone says so (one message, not two)."""
        self.setVisible(summary.total > 0)
        if summary.total == 0:
            return
        self.today_card.set_value(str(summary.attempts_today), f"of {summary.total} in all")
        self.streak_card.set_value(
            _plural(summary.daily_streak, "day"),
            "in a row" if summary.daily_streak else "start today",
        )
        if summary.personal_best_s is None:
            self.best_card.set_value(DASH, "none yet")
            self.best_card.setToolTip(
                "Your best is the shortest take that reached the end and went well (nailed or good)"
            )
        else:
            self.best_card.set_value(format_seconds(summary.personal_best_s), "fastest")
            self.best_card.setToolTip(
                "Your shortest take that reached the end and went well "
                "(by its spoken length where it was measured)"
            )
        if summary.considered:
            self.on_target_card.set_value(str(summary.on_target), f"of last {summary.considered}")
            self.on_target_card.setToolTip(
                f"{summary.on_target} of your last {_plural(summary.considered, 'take')} "
                "finished within the target"
            )
        else:
            self.on_target_card.set_value(DASH, "no takes yet")
        self.trend_card.set_value(*self._trend_text(summary.trend_s))

    @staticmethod
    def _trend_text(trend_s: float | None) -> tuple[str, str]:
        if trend_s is None:
            return DASH, "needs more takes"
        if abs(trend_s) < _STEADY_S:
            return "±0.0 s", "steady"
        word = "faster" if trend_s < 0 else "slower"
        return _signed(trend_s), word
