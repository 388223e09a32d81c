"""A row of small cards with the practice figures: today, streak, best, on target, trend."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.stats import Summary
from app.domain.stats_cards import DASH, cards
from app.domain.wording import plural

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
        # As narrow as its words allow (never cut: the layout keeps the labels' widths), and
        # never narrower than a short figure, so the cards of a row look alike.
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


class CardFlow(QWidget):
    """The cards in one row when they fit, else in as many rows as it takes: a card is
    never squeezed until its words are cut."""

    SPACING_PX = 10
    MIN_COLUMNS = 2  # at its narrowest, two cards a row (five in one column is too tall)

    def __init__(self, cards: tuple[StatCard, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards = cards
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(self.SPACING_PX)
        # The grid's own minimum is that of its current rows: the flow decides, not the grid.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._arrange(len(cards))

    def columns(self) -> int:
        return self._columns

    def columns_for(self, width: int) -> int:
        card = self._card_width()
        fit = (width + self.SPACING_PX) // (card + self.SPACING_PX)
        return max(1, min(len(self._cards), fit))

    def minimumSizeHint(self) -> QSize:
        """Two cards a row at the narrowest; as tall as the rows at the width it has."""
        columns = min(self.MIN_COLUMNS, len(self._cards))
        width = columns * self._card_width() + (columns - 1) * self.SPACING_PX
        return QSize(width, self.heightForWidth(max(width, self.width())))

    def sizeHint(self) -> QSize:
        count = len(self._cards)
        width = count * self._card_width() + (count - 1) * self.SPACING_PX
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = -(-len(self._cards) // self.columns_for(width))
        card = max(c.minimumSizeHint().height() for c in self._cards)
        return rows * card + (rows - 1) * self.SPACING_PX

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self.columns_for(event.size().width()))
        super().resizeEvent(event)

    def refit(self) -> None:
        """Rearrange for new figures (a wider one may need another row)."""
        self._arrange(self.columns_for(self.width()))
        self.updateGeometry()

    def _card_width(self) -> int:
        return max(max(c.minimumSizeHint().width(), c.minimumWidth()) for c in self._cards)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for column in range(len(self._cards)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, card in enumerate(self._cards):
            self._grid.addWidget(card, index // columns, index % columns)
        self.updateGeometry()


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
            "Average length of your last 10 finished takes against the 10 before, leaving out "
            "takes too fast to follow (the spoken length where it was measured)"
        )
        self.best_card.setToolTip(
            "Your best is the take closest to its target without going over, rated nailed or "
            "good (or not yet rated) and not too fast to follow; a tie goes to the later take "
            "(by its spoken length where it was measured)"
        )
        self.flow = CardFlow(self.cards())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.flow)
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
        for card, words in zip(self.cards(), cards(summary), strict=True):
            card.set_value(words.value, words.detail)
        if summary.considered:
            self.on_target_card.setToolTip(
                f"{summary.on_target} of your last {plural(summary.considered, 'take')} "
                "landed within 2 s of the target, either side"
            )
        self.flow.refit()
