"""Light and dark, on every page: text reads at WCAG AA, and a live switch reaches every widget.

The pages are the real ones, rendered the way the user sees them (Rehearse after a rated
take, Edit with the coach's checklist, Progress with its cards, chart and history, the
dialogs); the contrast is measured by ``tests.helpers.contrast``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QGraphicsTextItem, QWidget
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.domain.coach import Check, Report, SpeakingRate
from app.ui.actions import ActionId
from app.ui.chart import ProgressChart
from app.ui.coach_panel import CoachPanel
from app.ui.dialogs import PreferencesDialog
from app.ui.settings import Theme
from app.ui.theme import apply_theme, coach_colour
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.gui.conftest import App, wired_app
from tests.helpers.clock import FakeClock
from tests.helpers.contrast import AA_BODY, Screen, contrast_ratio, failures

# The roles a widget takes from the application's palette unless it sets its own.
FOLLOWED_ROLES = (
    QPalette.ColorRole.Window, QPalette.ColorRole.WindowText, QPalette.ColorRole.Base,
    QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Text, QPalette.ColorRole.Button,
    QPalette.ColorRole.ButtonText, QPalette.ColorRole.PlaceholderText,
    QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText,
)  # fmt: skip
PAST_TAKES = (  # seconds and outcome: one of each, so every outcome colour is on screen
    (41.0, Outcome.RAMBLED), (36.5, Outcome.STUMBLED), (31.2, Outcome.GOOD),
    (12.0, Outcome.ABANDONED), (33.0, Outcome.UNRATED), (29.4, Outcome.NAILED),
)  # fmt: skip


def _fill_history(qtbot: QtBot, app: App) -> None:
    """Past takes in the history and chart, one real take rated 1, the coach's report in."""
    revision = app.repository.revision_for_take(app.script.id or 0, app.script.text)
    for day, (seconds, outcome) in enumerate(PAST_TAKES, 1):
        when, note = f"2026-12-0{day}T09:00:00.000Z", "slower on the number" if day == 2 else ""
        reached_end = outcome is not Outcome.ABANDONED
        take = Attempt(app.script.id or 0, revision.id or 0, when, seconds, 30.0, 40,
                       reached_end, outcome, note=note)  # fmt: skip
        app.repository.add_attempt(take)
    app.window.current.refresh_progress()
    prompter = app.window.prompter
    qtbot.keyClick(prompter, Qt.Key.Key_Space)
    app.clock.advance(28.0)
    app.rehearsal.tick()
    with qtbot.waitSignal(app.rehearsal.take_saved):
        qtbot.keyClick(prompter, Qt.Key.Key_Space)
    qtbot.keyClick(prompter, Qt.Key.Key_1)
    coach = app.window.coach
    qtbot.waitUntil(lambda: coach.ready and coach.last_report is not None)


def _chart_failures(chart: ProgressChart) -> list[str]:
    """The chart's texts (legend, axes, target and best labels) against its background."""
    plot = chart._plot
    assert plot is not None
    background = plot.widget.backgroundBrush().color()
    texts: dict[str, QColor] = {}
    for _sample, label in plot.legend.items:
        texts[f"legend {label.text}"] = _document_colour(label.item)
    for name in ("left", "bottom"):
        axis = plot.item.getAxis(name)
        texts[f"{name} axis ticks"] = axis.textPen().color()
        texts[f"{name} axis title"] = _document_colour(axis.label)
    texts["target label"] = _document_colour(plot.target_line.label.textItem)
    texts["best label"] = _document_colour(plot.best_label.textItem)
    return [
        f"{where}: {colour.name()} on {background.name()} = {ratio:.2f}:1"
        for where, colour in texts.items()
        if (ratio := contrast_ratio(colour, background)) < AA_BODY
    ]


def _document_colour(item: QGraphicsTextItem) -> QColor:
    """The colour a text item's first character is really drawn in (HTML colours included)."""
    cursor = QTextCursor(item.document())
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
    brush = cursor.charFormat().foreground()
    return brush.color() if brush.style() != Qt.BrushStyle.NoBrush else item.defaultTextColor()


def _page_failures(app: App, tab: int) -> list[str]:
    app.window.tabs.setCurrentIndex(tab)
    chart = app.window.progress.chart
    assert chart is not None and chart.has_plot
    return failures(app.main_window) + _chart_failures(chart)


def _choose_theme(qtbot: QtBot, app: App, theme: Theme) -> list[str]:
    """Preferences → Theme → OK, as the user does it; returns the dialog's own failures."""
    seen: list[str] = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        try:
            seen.extend(failures(dialog))
        finally:  # a failing check must not leave the test waiting on a modal dialog
            dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(theme))
            dialog.accept()

    QTimer.singleShot(0, choose)
    app.window.actions_[ActionId.PREFERENCES].trigger()
    window, role = app.main_window, QPalette.ColorRole.Window  # Qt posts the palette's news
    qtbot.waitUntil(lambda: window.palette().color(role) == QApplication.palette().color(role))
    return seen


def _strays(window: QWidget) -> list[str]:
    """Widgets whose colours are not the application palette's, though they set none."""
    expected = QApplication.palette()
    strays = []
    for widget in [window, *window.findChildren(QWidget)]:
        palette = widget.palette()
        for role in FOLLOWED_ROLES:
            own = palette.resolveMask() & (1 << role.value)  # the Active group's bits
            active = QPalette.ColorGroup.Active  # a disabled widget shows its Disabled group
            seen, wanted = palette.color(active, role), expected.color(active, role)
            if not own and seen != wanted:
                name = widget.objectName() or widget.accessibleName()
                strays.append(f"{type(widget).__name__}({name!r}) {role.name}: "
                              f"{seen.name()} not {wanted.name()}")  # fmt: skip
    return strays


def _row_colours(palette: QPalette) -> tuple[QColor, QColor]:
    return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.AlternateBase)


def _table_background(app: App) -> QColor:
    table = app.window.progress.history.table
    # A row that is not selected (the take just made is): its colour is the table's own.
    row = next(
        r for r in range(table.model().rowCount()) if not table.selectionModel().isRowSelected(r)
    )
    rect = table.visualRect(table.model().index(row, 0))
    return Screen(app.main_window).background(table.viewport(), rect)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_every_page_reads_at_wcag_aa(
    qtbot: QtBot, theme: Theme, tmp_path: Path, clock: FakeClock, restore_theme: QApplication
) -> None:
    apply_theme(restore_theme, theme)
    with wired_app(qtbot, tmp_path, clock) as app:
        app.preferences.theme = theme
        _fill_history(qtbot, app)
        rehearse = _page_failures(app, REHEARSE_TAB)
        assert app.window.outcome_panel.isVisible()  # the rated take's buttons were checked
        edit = _page_failures(app, EDIT_TAB)
        dialog = _choose_theme(qtbot, app, theme)
        assert rehearse == []
        assert edit == []
        assert dialog == []


def test_dark_to_the_system_theme_and_back_reaches_every_widget_live(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, restore_theme: QApplication
) -> None:
    apply_theme(restore_theme, Theme.DARK)
    with wired_app(qtbot, tmp_path, clock) as app:
        app.preferences.theme = Theme.DARK
        _fill_history(qtbot, app)
        for tab in (EDIT_TAB, REHEARSE_TAB):  # both pages polished in the dark first
            app.window.tabs.setCurrentIndex(tab)
            app.main_window.grab()
        dark_base = QApplication.palette().color(QPalette.ColorRole.Base)

        _choose_theme(qtbot, app, Theme.SYSTEM)  # offscreen, the system is light
        light = QApplication.palette()
        assert light.color(QPalette.ColorRole.Base) != dark_base
        assert _strays(app.main_window) == []
        assert _table_background(app) in _row_colours(light)
        assert _page_failures(app, EDIT_TAB) == []
        assert _page_failures(app, REHEARSE_TAB) == []

        _choose_theme(qtbot, app, Theme.DARK)
        dark = QApplication.palette()
        assert _strays(app.main_window) == []
        assert _table_background(app) in _row_colours(dark)
        assert _page_failures(app, EDIT_TAB) == []
        assert _page_failures(app, REHEARSE_TAB) == []


def test_a_dialog_opened_after_a_switch_wears_the_new_theme(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, restore_theme: QApplication
) -> None:
    apply_theme(restore_theme, Theme.LIGHT)
    with wired_app(qtbot, tmp_path, clock) as app:
        _choose_theme(qtbot, app, Theme.DARK)
        dialog = PreferencesDialog(app.preferences, app.main_window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _strays(dialog) == []
        assert failures(dialog) == []
        dialog.done(QDialog.DialogCode.Rejected)


def _over_budget() -> Report:
    check = Check("length", "Fits in 30 s", False, ("too_long",))
    rate = SpeakingRate(4.2, takes=6)
    return Report(words=90, syllables=130, estimated_seconds=36.0, target_s=30.0, rate=rate,
                  words_left=-9, findings=(), checks=(check,))  # fmt: skip


def test_the_coach_budget_keeps_its_warning_colour_through_live_switches(
    qtbot: QtBot, restore_theme: QApplication
) -> None:
    apply_theme(restore_theme, Theme.LIGHT)
    panel = CoachPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_report(_over_budget(), profile_missing=False)
    text, window = QPalette.ColorRole.WindowText, QPalette.ColorRole.Window
    for theme, dark in ((Theme.DARK, True), (Theme.LIGHT, False), (Theme.DARK, True)):
        apply_theme(restore_theme, theme)
        qtbot.waitUntil(
            lambda: panel.palette().color(window) == QApplication.palette().color(window)
        )
        assert panel.budget_label.text() == "9 words over"
        assert panel.budget_label.palette().color(text) == coach_colour("warning", dark), theme


@pytest.mark.parametrize(("chosen", "follows"), [(Theme.SYSTEM, True), (Theme.LIGHT, False)])
def test_follow_the_system_follows_the_desktop_going_dark_live(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, chosen: Theme, follows: bool
) -> None:
    with wired_app(qtbot, tmp_path, clock) as app:
        app.preferences.theme = chosen
        hints = QApplication.styleHints()
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what the desktop says
        dark_window = QColor("#1e2227")
        window = QPalette.ColorRole.Window
        assert (QApplication.palette().color(window) == dark_window) is follows
        if follows:
            qtbot.waitUntil(lambda: app.main_window.palette().color(window) == dark_window)
            assert _strays(app.main_window) == []
            assert failures(app.main_window) == []
