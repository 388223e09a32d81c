"""A row of small cards with the practice figures: today, streak, best, on target, trend."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.domain.stats import Summary
from app.domain.stats_cards import DASH, cards, plural

NO_TAKES_HINT = "No takes yet. Record one and your progress will show up here."
_CARD_RADIUS = 8.0


class StatCard(QWidget):
    """A rounded card: a small caption, a big figure and a short line that explains it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.caption_label = QLabel(caption)
        self.value_label = QLabel(DASH)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)  # "2 more takes for a trend" in a narrow card
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
    """Shows a ``Summary``; before the first take it shows a hint instead of empty cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today_card = StatCard("Today")
        self.streak_card = StatCard("Streak")
        self.best_card = StatCard("Best")
        self.on_target_card = StatCard("On target")
        self.trend_card = StatCard("Trend")
        self.streak_card.setToolTip("Days in a row with at least one take")
        self.trend_card.setToolTip(
            "Average length of your last 10 finished takes against the 10 before, leaving out "
            "takes too fast to follow (the spoken length where it was measured)"
        )
        self.best_card.setToolTip(
            "Your best is the take closest to its target without going over, rated nailed or "
            "good (or not yet rated) and not too fast to follow; a tie goes to the later take "
            "(by its spoken length where it was measured)"
        )
        cards = QWidget()
        row = QHBoxLayout(cards)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        for card in self.cards():
            row.addWidget(card, 1)
        self.hint_label = QLabel(NO_TAKES_HINT)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setWordWrap(True)
        self.hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(cards)
        self._stack.addWidget(self.hint_label)
        self._stack.setCurrentWidget(self.hint_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def cards(self) -> tuple[StatCard, ...]:
        return (self.today_card, self.streak_card, self.best_card, self.on_target_card,
                self.trend_card)  # fmt: skip

    @property
    def showing_hint(self) -> bool:
        return self._stack.currentWidget() is self.hint_label

    def show_summary(self, summary: Summary) -> None:
        if summary.total == 0:
            self._stack.setCurrentWidget(self.hint_label)
            return
        for card, words in zip(self.cards(), cards(summary), strict=True):
            card.set_value(words.value, words.detail)
        if summary.considered:
            self.on_target_card.setToolTip(
                f"{summary.on_target} of your last {plural(summary.considered, 'take')} "
                "landed within 2 s of the target, either side"
            )
        self._stack.setCurrentIndex(0)
