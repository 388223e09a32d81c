"""The progress chart: one point per take (length against take number), coloured by outcome.

The length is the key-press length, or with ``set_spoken(True)`` the take's ``timed_s``: the
spoken length where the recording was measured (what the verdict and the best go by).

pyqtgraph is imported only when the plot (``ui.plot``: one scatter item per outcome, the target
line, the best-take ring) is first built: the first time there is a take to draw. Importing it
costs a noticeable fraction of a second, so the app creates this widget only after its first
window has painted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from app.domain.attempt import Attempt, Outcome
from app.domain.countdown import format_seconds
from app.ui.formats import format_when, local_time
from app.ui.plot import Plot, Series

EMPTY_TEXT = "No takes yet"  # the Progress page's one empty message (the cards hide)
_EMPTY_HTML = (
    f"<p style='font-size: large; font-weight: 600'>{EMPTY_TEXT}</p>"
    "<p>Press Space to record one: each take becomes a point here, "
    "how long it ran and how it went.</p>"
)
_HEADROOM = 1.6  # the y axis reaches 60 % above the longest take: room for the 2-row legend


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
        self._plot: Plot | None = None
        self._empty_label = QLabel(_EMPTY_HTML, self)
        self._empty_label.setTextFormat(Qt.TextFormat.RichText)
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty_label.setWordWrap(True)  # a narrow panel wraps it rather than widening
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

    def best_marker(self) -> tuple[int, str] | None:
        """The take number the Best ring is on and its label, or None when there is none."""
        if self._plot is None or not self._plot.best_label.isVisible():
            return None
        xs, _ys = self._plot.ring.getData()
        return round(float(xs[0])), self._plot.best_label.toPlainText()

    def on_target_band_s(self) -> tuple[float, float] | None:
        """The seconds the on-target band spans, or None when it is hidden."""
        if self._plot is None or not self._plot.band.isVisible():
            return None
        low, high = self._plot.band.getRegion()
        return float(low), float(high)

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
        self._plot = Plot(self._tip_text, self._on_plot_point_clicked)
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
        best = self._best
        best_s = self.length_of(best) if best is not None else None
        # The label gives the length the best was chosen by, as the Best card does.
        label = format_seconds(best.timed_s) if best is not None else ""
        plot.set_best(self._take_of(best), best_s, label)
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
