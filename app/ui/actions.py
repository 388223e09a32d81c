"""Every QAction and its shortcuts, keyed by an enum, so menus, toolbars and help share them.

Single-key shortcuts (Space, digits, arrows, Esc) are window-wide so the teleprompter keeps
working after a click anywhere; text fields still get their typing first, because Qt lets a
focused text widget claim a key in its ShortcutOverride handling before any shortcut fires.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeyEvent, QKeySequence

from app.domain.attempt import Outcome
from app.ui.theme import is_dark, line_icon


class ActionId(Enum):
    START_STOP = auto()
    ABANDON = auto()
    RATE_NAILED = auto()
    RATE_GOOD = auto()
    RATE_STUMBLED = auto()
    RATE_RAMBLED = auto()
    ADD_NOTE = auto()
    PLAY_TAKE = auto()
    PLAY_BEST = auto()
    PACE_UP = auto()
    PACE_DOWN = auto()
    FIT_PACE = auto()
    FONT_LARGER = auto()
    FONT_SMALLER = auto()
    MIRROR = auto()
    FULL_SCREEN = auto()
    REHEARSE = auto()
    EDIT_SCRIPT = auto()
    COACH_PANEL = auto()
    NEW_SCRIPT = auto()
    NEW_VOICEMAIL = auto()
    PROFILE = auto()
    DUPLICATE_SCRIPT = auto()
    RENAME_SCRIPT = auto()
    DELETE_SCRIPT = auto()
    ALL_SCRIPTS = auto()
    GO_TO_SCRIPTS = auto()
    GO_TO_HISTORY = auto()
    PREFERENCES = auto()
    RESTORE_BACKUP = auto()
    SHORTCUTS = auto()
    ABOUT = auto()
    QUIT = auto()
    IMPORT_SCRIPT = auto()
    IMPORT_LIBRARY = auto()
    EXPORT_MARKDOWN = auto()
    EXPORT_CSV = auto()
    EXPORT_LIBRARY = auto()


@dataclass(frozen=True)
class _Spec:
    text: str
    keys: tuple[str, ...]
    help: str
    icon: str = ""
    checkable: bool = False


_SPECS: dict[ActionId, _Spec] = {
    ActionId.START_STOP: _Spec(
        "&Start take", ("Space",), "Start a take; press again to stop and save it", "play"
    ),
    ActionId.ABANDON: _Spec(
        "&Abandon take",
        ("Esc",),
        "Leave full screen, or abandon the take (it is saved as abandoned)",
    ),
    ActionId.RATE_NAILED: _Spec("Nailed it", ("1",), "Rate the last take: nailed"),
    ActionId.RATE_GOOD: _Spec("Good", ("2",), "Rate the last take: good"),
    ActionId.RATE_STUMBLED: _Spec("Stumbled", ("3",), "Rate the last take: stumbled"),
    ActionId.RATE_RAMBLED: _Spec("Rambled", ("4",), "Rate the last take: rambled"),
    ActionId.ADD_NOTE: _Spec("Add a &note", ("N",), "Write a note about the last take"),
    ActionId.PLAY_TAKE: _Spec(
        "&Play or pause the selected take",
        ("P",),
        "Play or pause the recording of the take selected in the history or the chart",
    ),
    ActionId.PLAY_BEST: _Spec(
        "Play my &best take",
        ("Shift+P",),
        "Play the recording of this script's best take (the shortest clean one recorded)",
    ),
    ActionId.PACE_UP: _Spec(
        "Scroll &faster", ("Up",), "Scroll 5 % faster (remembered for this script)"
    ),
    ActionId.PACE_DOWN: _Spec(
        "Scroll &slower", ("Down",), "Scroll 5 % slower (remembered for this script)"
    ),
    ActionId.FIT_PACE: _Spec(
        "Fit pace to &target", ("0",), "Forget the nudged pace: finish exactly on the target"
    ),
    ActionId.FONT_LARGER: _Spec(
        "&Larger text", ("Ctrl+=", "Ctrl++"), "Make the prompter text larger", "font-larger"
    ),
    ActionId.FONT_SMALLER: _Spec(
        "S&maller text", ("Ctrl+-",), "Make the prompter text smaller", "font-smaller"
    ),
    ActionId.MIRROR: _Spec(
        "&Mirror",
        ("Ctrl+M",),
        "Flip the prompter horizontally (for a beam-splitter)",
        "mirror",
        True,
    ),
    ActionId.FULL_SCREEN: _Spec(
        "&Full screen", ("F11",), "Show the prompter full screen", "fullscreen", True
    ),
    ActionId.REHEARSE: _Spec("&Rehearse", ("Ctrl+R",), "Show the teleprompter"),
    ActionId.EDIT_SCRIPT: _Spec(
        "&Edit script", ("Ctrl+E",), "Edit the script's text, name and target"
    ),
    ActionId.COACH_PANEL: _Spec(
        "Script &coach",
        ("Ctrl+Shift+K",),
        "Show or hide the script coach beside the editor (checklist, word budget, marks)",
        "",
        True,
    ),
    ActionId.NEW_SCRIPT: _Spec("&New script", ("Ctrl+N",), "Create a new script", "add"),
    ActionId.NEW_VOICEMAIL: _Spec(
        "New &voicemail from a guide…",
        ("Ctrl+Shift+N",),
        "Answer four questions and get a first draft that passes every check",
        "add",
    ),
    ActionId.PROFILE: _Spec(
        "Your &details…", (), "Your name, number and region, for the script coach"
    ),
    ActionId.DUPLICATE_SCRIPT: _Spec(
        "&Duplicate script", ("Ctrl+D",), "Copy the current script", "duplicate"
    ),
    ActionId.RENAME_SCRIPT: _Spec(
        "Re&name script…", ("F2",), "Rename the current script", "rename"
    ),
    ActionId.DELETE_SCRIPT: _Spec(
        "De&lete script", ("Ctrl+Del",), "Delete the current script (can be undone)", "delete"
    ),
    ActionId.GO_TO_SCRIPTS: _Spec(
        "Go to the script &list", ("Ctrl+L",), "Move the keyboard focus to the list of scripts"
    ),
    ActionId.GO_TO_HISTORY: _Spec(
        "Go to the take &history", ("Ctrl+H",), "Move the keyboard focus to the history table"
    ),
    ActionId.ALL_SCRIPTS: _Spec(
        "&All scripts in progress",
        ("Ctrl+Shift+A",),
        "Chart and history for every script, not only this one",
        "",
        True,
    ),
    ActionId.PREFERENCES: _Spec("&Preferences…", ("Ctrl+,",), "Theme, lead-in and countdown bands"),
    ActionId.RESTORE_BACKUP: _Spec(
        "Restore from &backup…", (), "Go back to a backup of your scripts and takes"
    ),
    ActionId.SHORTCUTS: _Spec("&Keyboard shortcuts", ("F1", "?"), "Show this list", "help"),
    ActionId.ABOUT: _Spec("&About Brevity", (), "Version, data folder and licences", "brevity"),
    ActionId.QUIT: _Spec("&Quit", ("Ctrl+Q",), "Quit Brevity"),
    ActionId.IMPORT_SCRIPT: _Spec(
        "&Import script…", ("Ctrl+O",), "Make a new script from a text or Markdown file"
    ),
    ActionId.IMPORT_LIBRARY: _Spec(
        "Import &library (JSON)…", (), "Merge a Brevity library export into this library"
    ),
    ActionId.EXPORT_MARKDOWN: _Spec(
        "Export script as &Markdown…", (), "Save the current script as a Markdown file"
    ),
    ActionId.EXPORT_CSV: _Spec(
        "Export takes as &CSV…", (), "Save every take as a CSV file for a spreadsheet"
    ),
    ActionId.EXPORT_LIBRARY: _Spec(
        "&Export library (JSON)…", (), "Save every script, version and take in one file"
    ),
}


RATING_ACTIONS: dict[ActionId, Outcome] = {
    ActionId.RATE_NAILED: Outcome.NAILED,
    ActionId.RATE_GOOD: Outcome.GOOD,
    ActionId.RATE_STUMBLED: Outcome.STUMBLED,
    ActionId.RATE_RAMBLED: Outcome.RAMBLED,
}


class Actions:
    """Creates every action once, parented to the main window."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in _SPECS.items():
            action = QAction(spec.text, parent)
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{spec.help} ({spec.keys[0]})" if spec.keys else spec.help)
            action.setStatusTip(spec.help)
            action.setCheckable(spec.checkable)
            self._actions[action_id] = action
        self.set_dark(is_dark(QGuiApplication.palette()))

    def set_dark(self, dark: bool) -> None:
        """Redraw the icons for a light or dark palette."""
        self._dark = dark
        for action_id, spec in _SPECS.items():
            if spec.icon:
                self._actions[action_id].setIcon(line_icon(spec.icon, dark))

    def icon(self, name: str) -> QIcon:
        return line_icon(name, self._dark)

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def update_state(
        self,
        *,
        has_script: bool,
        startable: bool,
        running: bool,
        rateable: bool,
        full_screen: bool,
    ) -> None:
        """Enable what makes sense now; the Start action turns into Stop during a take."""
        start = self[ActionId.START_STOP]
        start.setEnabled(running or startable)
        start.setText("&Stop take" if running else "&Start take")
        start.setIconText("Stop" if running else "Start")
        start.setIcon(self.icon("stop" if running else "play"))
        if running:
            start.setToolTip("Stop and save the take (Space)")
        else:
            start.setToolTip(
                "Start a take (Space)" if startable else "This script is empty — write it first"
            )
        for action_id in (*RATING_ACTIONS, ActionId.ADD_NOTE):
            self[action_id].setEnabled(rateable)
        self[ActionId.ABANDON].setEnabled(running or full_screen)
        for action_id in (
            ActionId.DUPLICATE_SCRIPT,
            ActionId.RENAME_SCRIPT,
            ActionId.DELETE_SCRIPT,
            ActionId.FIT_PACE,
            ActionId.EXPORT_MARKDOWN,
        ):
            self[action_id].setEnabled(has_script and not running)
        for action_id in (ActionId.PACE_UP, ActionId.PACE_DOWN):  # nudges work mid-take too
            self[action_id].setEnabled(has_script)
        for action_id in (ActionId.IMPORT_SCRIPT, ActionId.IMPORT_LIBRARY):
            self[action_id].setEnabled(not running)  # an import changes the current script

    def help_rows(self) -> list[tuple[str, str]]:
        """(keys, what it does) for the shortcuts dialog."""
        rows = []
        for spec in _SPECS.values():
            if not spec.keys:
                continue
            keys = " or ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in spec.keys
            )
            rows.append((keys, spec.help))
        return rows


class _Running(Protocol):
    @property
    def running(self) -> bool: ...


class ArrowKeysForLists(QObject):
    """Lets lists, tables and form fields keep Up/Down unless a take is running."""

    def __init__(self, rehearsal: _Running, parent: QObject) -> None:
        super().__init__(parent)
        self._rehearsal = rehearsal

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            arrows = (Qt.Key.Key_Up, Qt.Key.Key_Down)
            if event.key() in arrows and not self._rehearsal.running:
                event.accept()
        return False
