"""Where each action appears: the menu bar and the toolbar. The actions live in actions.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QToolBar, QToolButton

from app.ui.actions import ActionId, Actions

_: None = None  # a separator
MENUS: dict[str, tuple[ActionId | None, ...]] = {
    "&File": (ActionId.IMPORT_SCRIPT, ActionId.IMPORT_LIBRARY, _, ActionId.EXPORT_MARKDOWN,
              ActionId.EXPORT_CSV, ActionId.EXPORT_LIBRARY, _, ActionId.RESTORE_BACKUP, _,
              ActionId.PROFILE, ActionId.PREFERENCES, _, ActionId.QUIT),
    "&Script": (ActionId.NEW_SCRIPT, ActionId.NEW_VOICEMAIL, ActionId.DUPLICATE_SCRIPT,
                ActionId.RENAME_SCRIPT, ActionId.DELETE_SCRIPT, _, ActionId.EDIT_SCRIPT),
    "&Take": (ActionId.START_STOP, ActionId.ABANDON, _, ActionId.RATE_NAILED,
              ActionId.RATE_GOOD, ActionId.RATE_STUMBLED, ActionId.RATE_RAMBLED,
              ActionId.ADD_NOTE, _, ActionId.PLAY_TAKE, ActionId.PLAY_BEST),
    "&View": (ActionId.REHEARSE, ActionId.EDIT_SCRIPT, ActionId.COACH_PANEL, _,
              ActionId.PACE_UP, ActionId.PACE_DOWN, ActionId.FIT_PACE, _, ActionId.FONT_LARGER,
              ActionId.FONT_SMALLER, ActionId.MIRROR, ActionId.FULL_SCREEN, _,
              ActionId.GO_TO_SCRIPTS, ActionId.GO_TO_HISTORY, ActionId.ALL_SCRIPTS),
    "&Help": (ActionId.SHORTCUTS, _, ActionId.ABOUT),
}  # fmt: skip
TOOLBAR: tuple[ActionId | None, ...] = (
    ActionId.NEW_SCRIPT, ActionId.DUPLICATE_SCRIPT, _, ActionId.START_STOP, _,
    ActionId.FONT_SMALLER, ActionId.FONT_LARGER, ActionId.MIRROR, ActionId.FULL_SCREEN, _,
    ActionId.SHORTCUTS,
)  # fmt: skip
ICON_ONLY = (ActionId.FONT_SMALLER, ActionId.FONT_LARGER, ActionId.MIRROR,
             ActionId.FULL_SCREEN, ActionId.SHORTCUTS)  # fmt: skip


def build_menus(window: QMainWindow, actions: Actions) -> None:
    for title, items in MENUS.items():
        menu = window.menuBar().addMenu(title)
        for action_id in items:
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[action_id])
    for action in actions.all():  # shortcuts work even while the menu bar is hidden
        window.addAction(action)


def build_toolbar(window: QMainWindow, actions: Actions) -> QToolBar:
    toolbar = QToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action_id in TOOLBAR:
        if action_id is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[action_id])
    for action in toolbar.actions():  # reachable with Tab, like every other control
        widget = toolbar.widgetForAction(action)
        if isinstance(widget, QToolButton):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    for action_id in ICON_ONLY:
        button = toolbar.widgetForAction(actions[action_id])
        assert isinstance(button, QToolButton)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setAccessibleName(actions[action_id].text().replace("&", ""))
    window.addToolBar(toolbar)
    return toolbar
