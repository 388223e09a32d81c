"""The progress chart: what it plots, when it redraws, and how a click on a point comes out."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.ui.chart import EMPTY_TEXT, ProgressChart
from app.ui.outcome_style import outcome_colour, outcome_symbol

START = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
REPO_ROOT = Path(__file__).resolve().parents[2]


def take(
    number: int, duration_s: float, outcome: Outcome = Outcome.GOOD, note: str = ""
) -> Attempt:
    return Attempt(
        script_id=1,
        revision_id=1,
        started_at=(START + timedelta(minutes=number)).isoformat(),
        duration_s=duration_s,
        target_s=30.0,
        words=70,
        reached_end=outcome is not Outcome.ABANDONED,
        outcome=outcome,
        note=note,
        id=100 + number,
    )


TAKES = [
    take(1, 41.0, Outcome.RAMBLED),
    take(2, 27.4, Outcome.NAILED, "Slow down on the number"),
    take(3, 33.0, Outcome.GOOD),
    take(4, 8.5, Outcome.ABANDONED),
    take(5, 31.5, Outcome.NAILED),
]


@pytest.fixture
def chart(qtbot: QtBot) -> Iterator[ProgressChart]:
    widget = ProgressChart(tz=UTC)
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def pyqtgraph() -> Any:
    """pyqtgraph, imported only once a test needs it (as the app does)."""
    import pyqtgraph as pg  # type: ignore[import-untyped]

    return pg


def plot_item(chart: ProgressChart) -> Any:
    pg = pyqtgraph()
    plot_widget = chart.findChild(pg.PlotWidget)
    assert plot_widget is not None
    return plot_widget.getPlotItem()


def outcome_scatters(chart: ProgressChart) -> dict[str, Any]:
    """The hoverable scatter items (one per outcome), keyed by their legend label."""
    item = plot_item(chart)
    return {label.text: sample.item for sample, label in item.legend.items}


def point_count(chart: ProgressChart) -> int:
    return sum(len(points) for points in chart.series().values())


def test_importing_the_chart_module_does_not_import_pyqtgraph() -> None:
    code = "import PySide6.QtWidgets, sys, app.ui.chart; print('pyqtgraph' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_without_takes_it_shows_a_friendly_message_and_builds_no_plot(
    chart: ProgressChart,
) -> None:
    chart.show_attempts([], 30.0, None)
    label = chart.findChild(QLabel)
    assert label is not None and label.isVisible()
    assert EMPTY_TEXT in label.text()
    assert not chart.has_plot
    assert chart.series() == {}


def test_points_are_grouped_per_outcome_by_take_number(chart: ProgressChart) -> None:
    chart.show_attempts(TAKES, 30.0, TAKES[1])
    assert chart.series() == {
        Outcome.RAMBLED: [(1.0, 41.0)],
        Outcome.NAILED: [(2.0, 27.4), (5.0, 31.5)],
        Outcome.GOOD: [(3.0, 33.0)],
        Outcome.ABANDONED: [(4.0, 8.5)],
    }


def test_each_outcome_has_one_item_with_its_own_brush_symbol_and_legend_entry(
    chart: ProgressChart,
) -> None:
    chart.show_attempts(TAKES, 30.0, TAKES[1])
    scatters = outcome_scatters(chart)
    assert list(scatters) == ["Nailed", "Good", "Rambled", "Abandoned"]  # outcome order
    nailed = scatters["Nailed"]
    assert nailed.opts["symbol"] == outcome_symbol(Outcome.NAILED)
    assert nailed.opts["brush"].color() == outcome_colour(Outcome.NAILED)
    assert len(nailed.data) == 2


def test_the_target_line_is_drawn_and_labelled(chart: ProgressChart) -> None:
    pg = pyqtgraph()
    chart.show_attempts(TAKES, 30.0, None)
    assert chart.target_line_s() == 30.0
    lines = [i for i in plot_item(chart).items if isinstance(i, pg.InfiniteLine)]
    assert [line.label.toPlainText() for line in lines if line.isVisible()] == ["Target 30 s"]
    chart.show_attempts(TAKES, None, None)
    assert chart.target_line_s() is None


def test_the_best_take_is_marked(chart: ProgressChart) -> None:
    pg = pyqtgraph()
    chart.show_attempts(TAKES, 30.0, TAKES[1])
    texts = [i for i in plot_item(chart).items if isinstance(i, pg.TextItem) and i.isVisible()]
    assert "Best 27.4 s" in [t.toPlainText() for t in texts]


def test_axes_are_labelled_and_the_y_axis_starts_at_zero(chart: ProgressChart) -> None:
    chart.show_attempts(TAKES, 30.0, None)
    item = plot_item(chart)
    assert item.getAxis("bottom").labelText == "Take"
    assert item.getAxis("left").labelText == "Seconds"
    (x_min, x_max), (y_min, y_max) = item.viewRange()
    assert y_min == 0.0 and y_max > 41.0
    assert x_min < 1 and x_max > len(TAKES)


def test_add_attempt_adds_exactly_one_point(chart: ProgressChart) -> None:
    chart.show_attempts(TAKES, 30.0, TAKES[1])
    before = chart.series()
    new = take(6, 26.0, Outcome.NAILED)
    chart.add_attempt(new, 30.0, new)
    after = chart.series()
    assert point_count(chart) == len(TAKES) + 1
    assert after[Outcome.NAILED] == [*before[Outcome.NAILED], (6.0, 26.0)]
    assert {o: p for o, p in after.items() if o is not Outcome.NAILED} == {
        o: p for o, p in before.items() if o is not Outcome.NAILED
    }


def test_saving_a_take_adds_its_point_without_redrawing_the_others(
    chart: ProgressChart, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The owner re-reads every take after a save and passes the whole list again.
    chart.show_attempts(TAKES[:4], 30.0, None)
    plot = chart._plot
    assert plot is not None
    full_redraws: list[int] = []
    original = plot.set_points
    monkeypatch.setattr(
        plot, "set_points", lambda groups: (full_redraws.append(1), original(groups))[1]
    )
    chart.show_attempts([replace(t) for t in TAKES], 30.0, None)  # equal copies, one more
    assert point_count(chart) == len(TAKES)
    assert full_redraws == []
    chart.show_attempts([replace(TAKES[0], outcome=Outcome.GOOD), *TAKES[1:]], 30.0, None)
    assert full_redraws == [1]  # an edited take redraws everything
    assert Outcome.RAMBLED not in chart.series()


def test_a_new_outcome_gets_its_own_series_and_legend_entry(chart: ProgressChart) -> None:
    chart.show_attempts(TAKES, 30.0, None)
    chart.add_attempt(take(6, 29.0, Outcome.STUMBLED), 30.0, None)
    assert chart.series()[Outcome.STUMBLED] == [(6.0, 29.0)]
    assert list(outcome_scatters(chart)) == ["Nailed", "Good", "Stumbled", "Rambled", "Abandoned"]


def test_a_frozen_chart_keeps_updates_until_it_is_unfrozen(chart: ProgressChart) -> None:
    chart.show_attempts(TAKES[:2], 30.0, None)
    shown = chart.series()
    chart.set_frozen(True)
    chart.show_attempts(TAKES[:4], 30.0, None)
    chart.add_attempt(TAKES[4], 30.0, None)
    assert chart.series() == shown
    assert point_count(chart) == 2
    chart.set_frozen(False)
    assert point_count(chart) == len(TAKES)
    assert chart.series()[Outcome.NAILED] == [(2.0, 27.4), (5.0, 31.5)]


def test_a_chart_frozen_from_the_start_builds_nothing_until_unfrozen(
    chart: ProgressChart,
) -> None:
    chart.set_frozen(True)
    chart.add_attempt(TAKES[0], 30.0, None)
    assert not chart.has_plot
    chart.set_frozen(False)
    assert chart.series() == {Outcome.RAMBLED: [(1.0, 41.0)]}


def test_clearing_the_takes_empties_the_plot(chart: ProgressChart) -> None:
    chart.show_attempts(TAKES, 30.0, TAKES[1])
    chart.show_attempts([], 30.0, None)
    assert chart.series() == {}
    chart.add_attempt(TAKES[0], 30.0, None)
    assert chart.series() == {Outcome.RAMBLED: [(1.0, 41.0)]}


def test_the_hover_tip_describes_the_take(chart: ProgressChart) -> None:
    chart.show_attempts(TAKES, 30.0, None)
    nailed = outcome_scatters(chart)["Nailed"]
    spot = nailed.points()[0]
    tip = nailed.opts["tip"](x=spot.pos().x(), y=spot.pos().y(), data=spot.data())
    assert tip == "Take 2 · Thu 26 Nov 14:02\n27.4 s · Nailed\nSlow down on the number"


def test_clicking_a_point_emits_its_attempt_id(qtbot: QtBot, chart: ProgressChart) -> None:
    chart.show_attempts(TAKES, 30.0, TAKES[1])
    plot_widget = plot_item(chart).getViewWidget()
    good = outcome_scatters(chart)["Good"]
    scene_pos = good.mapToScene(good.points()[0].pos())
    viewport_pos: QPoint = plot_widget.mapFromScene(scene_pos)
    with qtbot.waitSignal(chart.point_clicked) as blocker:
        qtbot.mouseClick(plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=viewport_pos)
    assert blocker.args == [TAKES[2].id]


def test_colours_follow_the_palette(chart: ProgressChart) -> None:
    chart.show_attempts(TAKES, 30.0, None)
    plot_widget = plot_item(chart).getViewWidget()
    window = chart.palette().color(QPalette.ColorRole.Window)
    assert plot_widget.backgroundBrush().color() == window


def test_a_palette_change_recolours_the_plot(chart: ProgressChart) -> None:
    chart.show_attempts(TAKES, 30.0, None)
    palette = QPalette(QApplication.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#123456"))
    chart.setPalette(palette)
    assert plot_item(chart).getViewWidget().backgroundBrush().color() == QColor("#123456")


def _scene_rect(item: Any) -> Any:
    return item.mapRectToScene(item.boundingRect())


def _ring_rect(chart: ProgressChart, take_number: int, seconds: float) -> Any:
    from PySide6.QtCore import QPointF, QRectF

    plot = chart._plot
    assert plot is not None
    centre = plot.item.getViewBox().mapViewToScene(QPointF(take_number, seconds))
    radius = 12.0  # half the ring's size in pixels
    return QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)


@pytest.mark.parametrize("size", [(420, 260), (800, 400), (1400, 500)])
@pytest.mark.parametrize(
    ("best_take", "best_s"), [(1, 29.6), (1, 30.4), (2, 28.5), (6, 29.9), (3, 24.0)]
)
def test_the_target_and_best_labels_never_cover_each_other_or_the_ring(
    qtbot: QtBot, chart: ProgressChart, size: tuple[int, int], best_take: int, best_s: float
) -> None:
    takes = [take(n, 36.0 + n, Outcome.GOOD) for n in range(1, 7)]
    takes[best_take - 1] = take(best_take, best_s, Outcome.NAILED)
    chart.resize(*size)
    chart.show_attempts(takes, 30.0, takes[best_take - 1])
    plot = chart._plot
    assert plot is not None
    qtbot.waitUntil(lambda: plot.widget.width() > size[0] - 20)
    QApplication.processEvents()  # pyqtgraph lays its labels out on the view's resize
    target, best = _scene_rect(plot.target_line.label), _scene_rect(plot.best_label)
    ring = _ring_rect(chart, best_take, best_s)
    assert not target.intersects(best), (target, best)
    assert not target.intersects(ring), (target, ring)
    assert not best.intersects(ring), (best, ring)
