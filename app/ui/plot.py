"""The progress chart's pyqtgraph plot: points per outcome, the target line with its on-target
band, the best ring.

pyqtgraph is imported when a ``Plot`` is built, never when this module is imported: the chart
(``ui.chart``) builds one only once there is a take to draw, after the window's first paint.

Each outcome has its own ScatterPlotItem with a single brush and symbol; pyqtgraph 0.14
rejects per-point brushes once downsampling or clip-to-view is involved, and one item per
outcome also gives the legend one entry per outcome for free.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.domain.attempt import ON_TARGET_TOLERANCE_S, Attempt, Outcome
from app.domain.countdown import format_seconds
from app.ui.outcome_style import outcome_style

_POINT_SIZE = 11
_RING_SIZE = 24

Series = dict[Outcome, list[tuple[float, float]]]


def _pyqtgraph() -> ModuleType:
    import pyqtgraph  # type: ignore[import-untyped]  # deferred on purpose: see the docstring

    module: ModuleType = pyqtgraph
    return module


def _round_step(span: float, max_ticks: int) -> int:
    """A round tick spacing (1, 2, 5, 10, 20, ...) giving at most ``max_ticks`` over ``span``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if span <= max_ticks * factor * magnitude:
                return factor * magnitude
        magnitude *= 10


class Plot:
    """The pyqtgraph side of the chart; built once, then updated in place."""

    def __init__(self, tip: Callable[..., str], clicked: Callable[[Attempt], None]) -> None:
        pg = self._pg = _pyqtgraph()
        self._tip, self._clicked = tip, clicked
        self.widget = pg.PlotWidget()
        self.item = self.widget.getPlotItem()
        self.item.setMenuEnabled(False)
        self.item.hideButtons()
        self.item.setMouseEnabled(x=False, y=False)
        self.item.disableAutoRange()
        self.item.setLabel("bottom", "Take")
        self.item.setLabel("left", "Seconds")
        self.item.showGrid(y=True, alpha=0.12)
        self.item.layout.setContentsMargins(6, 10, 16, 6)
        self.legend = self.item.addLegend(offset=(6, 4), colCount=3, frame=False)
        self.target_line = pg.InfiniteLine(
            angle=0,
            movable=False,
            label="Target",
            labelOpts={"position": 0.01, "anchors": [(0, 0), (0, 0)]},
        )
        self.target_line.setVisible(False)
        self.item.addItem(self.target_line, ignoreBounds=True)
        # A point inside the band is "on target" (app/domain/verdicts.py); outside it is not.
        self.band = pg.LinearRegionItem(orientation="horizontal", movable=False)
        self.band.setZValue(-10)
        self.band.setVisible(False)
        for edge in self.band.lines:
            edge.setPen(pg.mkPen(None))
        self.item.addItem(self.band, ignoreBounds=True)
        self.ring = pg.ScatterPlotItem(size=_RING_SIZE, symbol="o", brush=None)
        self.ring.setZValue(-1)  # behind the point, so clicks and hovers reach the point
        self.best_label = pg.TextItem(anchor=(0.5, 1.0))
        self.best_label.setZValue(2)
        for marker in (self.ring, self.best_label):
            self.item.addItem(marker, ignoreBounds=True)
        self.scatters: dict[Outcome, Any] = {}

    def set_points(
        self, groups: dict[Outcome, tuple[list[float], list[float], list[Attempt]]]
    ) -> None:
        """Replace every point; an outcome missing from ``groups`` loses its item."""
        for outcome in list(self.scatters):
            if outcome not in groups:
                self.item.removeItem(self.scatters.pop(outcome))
        for outcome, (xs, ys, data) in groups.items():
            self._scatter(outcome).setData(x=xs, y=ys, data=data)
        self._sync_legend()

    def clear(self) -> None:
        self.set_points({})
        self.set_target(None)
        self.set_best(None, None)

    def add_point(self, outcome: Outcome, x: float, y: float, attempt: Attempt) -> None:
        known = outcome in self.scatters
        self._scatter(outcome).addPoints(x=[x], y=[y], data=[attempt])
        if not known:
            self._sync_legend()

    def _scatter(self, outcome: Outcome) -> Any:
        if outcome not in self.scatters:
            style = outcome_style(outcome)
            scatter = self._pg.ScatterPlotItem(
                symbol=style.symbol, size=_POINT_SIZE, brush=self._pg.mkBrush(style.colour),
                pen=self._pg.mkPen(style.colour.darker(150), width=1), hoverable=True,
                hoverSize=_POINT_SIZE + 5, tip=self._tip,
            )  # fmt: skip
            scatter.sigClicked.connect(self._on_scatter_clicked)
            self.item.addItem(scatter)
            self.scatters[outcome] = scatter
        return self.scatters[outcome]

    def _sync_legend(self) -> None:
        """Legend entries in the fixed outcome order, whatever order they first appeared in."""
        self.legend.clear()
        for outcome in Outcome:
            if outcome in self.scatters:
                self.legend.addItem(self.scatters[outcome], outcome.label)

    def set_target(self, target_s: float | None) -> None:
        self.target_line.setVisible(target_s is not None)
        self.band.setVisible(target_s is not None)
        if target_s is not None:
            self.band.setRegion(
                (target_s - ON_TARGET_TOLERANCE_S, target_s + ON_TARGET_TOLERANCE_S)
            )
            self.target_line.setPos(target_s)
            self.target_line.label.setFormat(f"Target {target_s:g} s")

    def set_best(self, take: int | None, best_s: float | None, label: str = "") -> None:
        """Ring the best take at (``take``, ``best_s``); ``label`` is its length in words."""
        if take is None or best_s is None:
            self.ring.setData(x=[], y=[])
            self.best_label.setVisible(False)
            return
        self.ring.setData(x=[take], y=[best_s])
        self.best_label.setText(f"Best {label or format_seconds(best_s)}")
        self.best_label.setPos(take, best_s)
        self.best_label.setVisible(True)

    def set_view(self, count: int, top_s: float) -> None:
        self.item.setRange(xRange=(0.5, count + 0.5), yRange=(0.0, top_s), padding=0)
        take_step, seconds_step = _round_step(count, 10), _round_step(top_s, 6)
        self.item.getAxis("bottom").setTickSpacing(take_step, take_step)
        self.item.getAxis("left").setTickSpacing(seconds_step, seconds_step)
        # Below the ring (the best is the shortest take, so there is room), inside the plot.
        x_anchor = 0.0 if count > 1 and self.best_label.pos().x() < 1.5 else 0.5
        x_anchor = 1.0 if count > 1 and self.best_label.pos().x() > count - 0.5 else x_anchor
        self.best_label.setAnchor((x_anchor, -0.7))
        self._place_target_label(count)

    def _place_target_label(self, count: int) -> None:
        """The target's label sits at the end of its line away from the best take, so it
        never covers the ring or the "Best" label (the best is often right on the target)."""
        label = self.target_line.label
        best_on_left = self.best_label.isVisible() and self.best_label.pos().x() <= (count + 1) / 2
        position, x_anchor = (0.99, 1.0) if best_on_left else (0.01, 0.0)
        label.anchors = [(x_anchor, 0.0), (x_anchor, 0.0)]
        label.setPosition(position)

    def apply_colours(self, background: QColor, foreground: QColor) -> None:
        pg = self._pg
        muted = QColor(foreground)
        muted.setAlphaF(0.55)
        self.widget.setBackground(background)
        for name in ("left", "bottom"):
            self.item.getAxis(name).setPen(muted)
            self.item.getAxis(name).setTextPen(foreground)
        self.legend.setLabelTextColor(foreground)
        for _sample, label in self.legend.items:  # pyqtgraph keeps the old colour until
            label.setText(label.text)  # a label is written again (a live theme switch)
        self.target_line.setPen(pg.mkPen(muted, width=1.5, style=Qt.PenStyle.DashLine))
        self.target_line.label.setColor(foreground)
        veil = QColor(background)
        veil.setAlphaF(0.75)  # readable over a point, without hiding it
        self.target_line.label.fill = pg.mkBrush(veil)
        band = QColor(foreground)
        band.setAlphaF(0.08)
        self.band.setBrush(pg.mkBrush(band))
        self.band.setHoverBrush(pg.mkBrush(band))
        self.ring.setPen(pg.mkPen(foreground, width=2))
        self.ring.setBrush(pg.mkBrush(None))
        self.best_label.setColor(foreground)

    def series(self) -> Series:
        return {
            outcome: [(float(x), float(y)) for x, y in zip(*scatter.getData(), strict=True)]
            for outcome, scatter in self.scatters.items()
        }

    def _on_scatter_clicked(self, _scatter: Any, points: Sequence[Any], _event: Any) -> None:
        if len(points) and isinstance(points[0].data(), Attempt):
            self._clicked(points[0].data())
