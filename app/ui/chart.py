"""The progress chart: one point per take (length against take number), coloured by outcome.

The length is the key-press length, or with ``set_spoken(True)`` the take's ``timed_s``: the
spoken length where the recording was measured (what the verdict and the best go by).

pyqtgraph is imported only when the plot is first built: the first time there is a take to
draw. Importing it costs a noticeable fraction of a second, so the
app creates this widget only after its first window has painted.

Each outcome has its own ScatterPlotItem with a single brush and symbol; pyqtgraph 0.14
rejects per-point brushes once downsampling or clip-to-view is involved, and one item per
outcome also gives the legend one entry per outcome for free.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from types import ModuleType
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from app.domain.attempt import Attempt, Outcome
from app.domain.countdown import format_seconds
from app.ui.history_model import format_when, local_time
from app.ui.outcome_style import outcome_style

EMPTY_TEXT = "Your takes will appear here"
_EMPTY_HTML = (
    f"<p style='font-size: large; font-weight: 600'>{EMPTY_TEXT}</p>"
    "<p>One point per take: how long it ran, and how it went.</p>"
)
_POINT_SIZE = 11
_RING_SIZE = 24
_HEADROOM = 1.6  # the y axis reaches 60 % above the longest take: room for the 2-row legend

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


class _Plot:
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
        if target_s is not None:
            self.target_line.setPos(target_s)
            self.target_line.label.setFormat(f"Target {target_s:g} s")

    def set_best(self, take: int | None, best_s: float | None) -> None:
        if take is None or best_s is None:
            self.ring.setData(x=[], y=[])
            self.best_label.setVisible(False)
            return
        self.ring.setData(x=[take], y=[best_s])
        self.best_label.setText(f"Best {format_seconds(best_s)}")
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

    def apply_colours(self, background: QColor, foreground: QColor) -> None:
        pg = self._pg
        muted = QColor(foreground)
        muted.setAlphaF(0.55)
        self.widget.setBackground(background)
        for name in ("left", "bottom"):
            self.item.getAxis(name).setPen(muted)
            self.item.getAxis(name).setTextPen(foreground)
        self.legend.setLabelTextColor(foreground)
        self.target_line.setPen(pg.mkPen(muted, width=1.5, style=Qt.PenStyle.DashLine))
        self.target_line.label.setColor(foreground)
        veil = QColor(background)
        veil.setAlphaF(0.75)  # readable over a point, without hiding it
        self.target_line.label.fill = pg.mkBrush(veil)
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


class ProgressChart(QWidget):
    """Attempt lengths by take number, with the target line and the personal best marked."""

    point_clicked = Signal(int)  # attempt id

    def __init__(self, parent: QWidget | None = None, *, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._attempts: list[Attempt] = []
        self._target_s: float | None = None
        self._best: Attempt | None = None
        self._drawn_count = 0  # how many of _attempts are plotted (always a prefix)
        self._redraw_all = True  # False while only appends are pending
        self._dirty = False
        self._frozen = False
        self._spoken = False  # plot timed_s (spoken where measured) rather than duration_s
        self._plot: _Plot | None = None
        self._empty_label = QLabel(_EMPTY_HTML, self)
        self._empty_label.setTextFormat(Qt.TextFormat.RichText)
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._empty_label)
        self.setAccessibleName("Progress chart")
        self.setAccessibleDescription("The length of each take, by take number")

    @property
    def has_plot(self) -> bool:
        """True once pyqtgraph has been imported and the plot built."""
        return self._plot is not None

    def show_attempts(
        self, attempts: Sequence[Attempt], target_s: float | None, best: Attempt | None
    ) -> None:
        """Show these takes, oldest first: take ``n`` is ``attempts[n - 1]``.

        When the list only adds takes after the ones already drawn (the usual case after a
        take is saved), just the new points are added; anything else redraws them all.
        """
        attempts = list(attempts)
        drawn = self._attempts[: self._drawn_count]
        appended = attempts[: len(drawn)] == drawn
        self._attempts = attempts
        self._target_s, self._best = target_s, best
        self._redraw_all = self._redraw_all or not appended
        self._refresh()

    def add_attempt(self, attempt: Attempt, target_s: float | None, best: Attempt | None) -> None:
        """Append one take as the next take number."""
        self.show_attempts([*self._attempts, attempt], target_s, best)

    def set_spoken(self, spoken: bool) -> None:
        """Plot the spoken length where it was measured (True) or the key-press length."""
        if spoken != self._spoken:
            self._spoken = spoken
            self._redraw_all = True
            if self._attempts:
                self._refresh()

    @property
    def spoken(self) -> bool:
        return self._spoken

    def length_of(self, attempt: Attempt) -> float:
        """The seconds plotted for ``attempt``."""
        return attempt.timed_s if self._spoken else attempt.duration_s

    def set_frozen(self, frozen: bool) -> None:
        """While frozen (a take is running) nothing is redrawn; updates apply on unfreezing."""
        self._frozen = frozen
        if not frozen and self._dirty:
            self._refresh()

    def series(self) -> Series:
        """What is plotted, per outcome: (take number, seconds) pairs."""
        return self._plot.series() if self._plot is not None else {}

    def target_line_s(self) -> float | None:
        """Where the target line is drawn, or None when it is hidden."""
        if self._plot is None or not self._plot.target_line.isVisible():
            return None
        return float(self._plot.target_line.value())

    def _refresh(self) -> None:
        self._dirty = True
        if self._frozen:
            return
        if not self._attempts:
            if self._plot is not None:
                self._plot.clear()
            self._stack.setCurrentWidget(self._empty_label)
            self._drawn_count, self._redraw_all, self._dirty = 0, True, False
            return
        if self._plot is None:
            self._build_plot()
        self._draw()

    def _build_plot(self) -> None:
        self._plot = _Plot(self._tip_text, self._on_plot_point_clicked)
        self._stack.addWidget(self._plot.widget)
        self._apply_colours()
        self._redraw_all = True

    def _draw(self) -> None:
        plot = self._plot
        assert plot is not None
        if self._redraw_all:
            plot.set_points(self._groups())
        else:
            for take, attempt in enumerate(self._attempts[self._drawn_count :], self._drawn_count):
                plot.add_point(attempt.outcome, take + 1, self.length_of(attempt), attempt)
        self._drawn_count, self._redraw_all, self._dirty = len(self._attempts), False, False
        plot.set_target(self._target_s)
        best_s = self.length_of(self._best) if self._best is not None else None
        plot.set_best(self._take_of(self._best), best_s)
        longest = max(self.length_of(a) for a in self._attempts)
        top_s = max(longest, self._target_s or 0.0, 5.0) * _HEADROOM
        plot.set_view(len(self._attempts), top_s)
        self._stack.setCurrentWidget(plot.widget)

    def _groups(self) -> dict[Outcome, tuple[list[float], list[float], list[Attempt]]]:
        groups: dict[Outcome, tuple[list[float], list[float], list[Attempt]]] = {}
        for take, attempt in enumerate(self._attempts, 1):
            xs, ys, data = groups.setdefault(attempt.outcome, ([], [], []))
            xs.append(take)
            ys.append(self.length_of(attempt))
            data.append(attempt)
        return groups

    def _take_of(self, attempt: Attempt | None) -> int | None:
        if attempt is None:
            return None
        # Newest first: the best is usually recent, and this runs on every added take.
        for index in range(len(self._attempts) - 1, -1, -1):
            candidate = self._attempts[index]
            same_id = attempt.id is not None and candidate.id == attempt.id
            if candidate is attempt or same_id:
                return index + 1
        return None

    def _tip_text(self, x: float, y: float, data: Any) -> str:
        """Hover text for one point; pyqtgraph calls it as ``tip(x=, y=, data=)``."""
        if not isinstance(data, Attempt):
            return ""
        when = format_when(local_time(data.started_at, self._tz))
        length = format_seconds(y)
        if data.spoken_s is not None:  # both lengths, whichever is plotted
            spoken, in_all = format_seconds(data.spoken_s), format_seconds(data.duration_s)
            length = f"{spoken} spoken · {in_all} in all"
        lines = [f"Take {round(x)} · {when}", f"{length} · {data.outcome.label}"]
        if data.recording:
            lines.append("Recorded: click to select it, then P to play")
        if data.note:
            lines.append(data.note)
        return "\n".join(lines)

    def _apply_colours(self) -> None:
        """The chart wears the window's colours, light or dark."""
        if self._plot is not None:
            palette = self.palette()
            self._plot.apply_colours(
                palette.color(QPalette.ColorRole.Window),
                palette.color(QPalette.ColorRole.WindowText),
            )

    def _on_plot_point_clicked(self, attempt: Attempt) -> None:
        if attempt.id is not None:
            self.point_clicked.emit(attempt.id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()
        super().changeEvent(event)
