"""Tab goes everywhere the screen shows, in the order it shows it, and never gets stuck."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui.menus import TOOLBAR
from tests.gui.conftest import App


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _tab_round(
    qtbot: QtBot, start: QWidget, *, back: bool = False, limit: int = 80
) -> list[QWidget]:
    """The widgets Tab (or Shift+Tab) visits from ``start`` until it comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    for _ in range(limit):
        qtbot.keyClick(_focus(), Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, modifier)
        if _focus() is start:
            return visited
        visited.append(_focus())
    raise AssertionError(
        f"Tab never came back: stuck in {[type(w).__name__ for w in visited[-5:]]}"
    )


def _take(qtbot: QtBot, app: App) -> None:
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)
    app.clock.advance(24.0)
    with qtbot.waitSignal(app.rehearsal.take_saved):
        qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)


def test_tab_leaves_the_history_table_and_keeps_the_selected_take(
    qtbot: QtBot, brevity: App
) -> None:
    for _ in range(3):
        _take(qtbot, brevity)
    history = brevity.window.progress.history
    selected = history.selected_attempt_id()
    assert not history.table.tabKeyNavigation()

    history.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(history.table, Qt.Key.Key_Tab)

    assert _focus() is not history.table
    assert history.selected_attempt_id() == selected
    history.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(history.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is not history.table


def test_tab_reaches_every_control_of_the_rehearse_page_both_ways(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.window
    _take(qtbot, brevity)
    panel = window.outcome_panel
    toolbar_buttons = [
        window.toolbar.widgetForAction(window.actions_[action_id])
        for action_id in TOOLBAR
        if action_id is not None and window.actions_[action_id].isEnabled()
    ]
    assert all(isinstance(button, QToolButton) for button in toolbar_buttons)
    wanted: list[QWidget] = [
        *toolbar_buttons,
        window.library.list,
        window.tabs.tabBar(),
        *panel.buttons.values(),
        panel.note_edit,
        window.progress.all_scripts_check,
        window.progress.history.table,
    ]
    chart = window.progress.chart
    assert chart is not None

    forward = _tab_round(qtbot, window.prompter)
    backward = _tab_round(qtbot, window.prompter, back=True)

    for widget in wanted:
        assert widget in forward, widget.accessibleName() or type(widget).__name__
        assert widget in backward, widget.accessibleName() or type(widget).__name__
    # The order follows the screen: toolbar, scripts, the page, progress (then round again).
    first = forward.index(toolbar_buttons[0])
    round_from_toolbar = [*forward[first:], window.prompter, *forward[:first]]
    landmarks = (window.library.list, window.tabs.tabBar(), window.prompter, panel.note_edit,
                 chart, window.progress.history.table)  # fmt: skip
    order = [
        next(i for i, w in enumerate(round_from_toolbar) if w is mark or mark.isAncestorOf(w))
        for mark in landmarks
    ]
    assert order == sorted(order)


def test_tab_reaches_every_control_of_the_edit_page(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    qtbot.keyClick(window.prompter, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = window.editor

    forward = _tab_round(qtbot, editor.text_edit)

    for widget in (editor.name_edit, editor.kind_combo, editor.target_spin, window.library.list):
        assert widget in forward, widget.accessibleName() or type(widget).__name__
    assert any(window.coach_panel.isAncestorOf(widget) for widget in forward)
