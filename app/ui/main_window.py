"""The main window: assembly and wiring only. Behaviour lives in the controller and the views."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.domain.attempt import Attempt, Outcome
from app.domain.countdown import Phase, Reading
from app.domain.script import Script, ScriptKind, median_pace_wpm, word_count
from app.domain.stats import encouragement
from app.domain.take import Frame
from app.storage.repository import Repository
from app.ui.actions import ActionId, Actions
from app.ui.countdown_view import CountdownView
from app.ui.dialogs import PreferencesDialog, ShortcutsDialog
from app.ui.editor import ScriptEditor
from app.ui.library import ScriptLibrary
from app.ui.outcome_panel import OutcomePanel
from app.ui.progress_panel import ProgressPanel
from app.ui.prompter import Prompter
from app.ui.rehearsal import Rehearsal
from app.ui.settings import MAX_FONT_PX, MIN_FONT_PX, Preferences
from app.ui.theme import apply_theme
from app.ui.undo_bar import UndoBar

_RATING_ACTIONS = {
    ActionId.RATE_NAILED: Outcome.NAILED,
    ActionId.RATE_GOOD: Outcome.GOOD,
    ActionId.RATE_STUMBLED: Outcome.STUMBLED,
    ActionId.RATE_RAMBLED: Outcome.RAMBLED,
}
_SINGLE_KEY_ACTIONS = (ActionId.PACE_UP, ActionId.PACE_DOWN)
REHEARSE_TAB, EDIT_TAB = 0, 1


class _ArrowKeysForLists(QObject):
    """Lets lists and tables keep Up/Down for navigation unless a take is running."""

    def __init__(self, rehearsal: Rehearsal, parent: QObject) -> None:
        super().__init__(parent)
        self._rehearsal = rehearsal

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            arrows = (Qt.Key.Key_Up, Qt.Key.Key_Down)
            if event.key() in arrows and not self._rehearsal.running:
                event.accept()
        return False


class MainWindow(QMainWindow):
    """Library on the left, rehearse/edit in the middle, progress on the right."""

    first_painted = Signal()

    def __init__(
        self, repository: Repository, rehearsal: Rehearsal, preferences: Preferences
    ) -> None:
        super().__init__()
        self._repository = repository
        self._rehearsal = rehearsal
        self._preferences = preferences
        self._painted = False
        self._script: Script | None = None
        self.setWindowTitle(f"{APP_NAME} — rehearse your voicemail")
        self.actions_ = Actions(self)
        self._build_views()
        self._build_menus()
        self._connect_signals()
        self._apply_preferences()
        self._reload_scripts(preferences.last_script_id)

    # --- assembly ---------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.library = ScriptLibrary()
        self.countdown_view = CountdownView()
        self.prompter = Prompter()
        self.outcome_panel = OutcomePanel()
        self.outcome_panel.hide()
        self.editor = ScriptEditor()
        self.progress = ProgressPanel()
        self.undo_bar = UndoBar()
        rehearse_page = QWidget()
        rehearse = QVBoxLayout(rehearse_page)
        rehearse.setContentsMargins(8, 8, 8, 8)
        rehearse.addWidget(self.countdown_view)
        rehearse.addWidget(self.prompter, 1)
        rehearse.addWidget(self.outcome_panel)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(rehearse_page, "Rehearse")
        self.tabs.addTab(self.editor, "Edit script")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.progress)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.library.setMinimumWidth(190)
        self.progress.setMinimumWidth(470)
        self.splitter.setSizes([220, 580, 520])
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.undo_bar)
        self.setCentralWidget(central)
        self.toolbar = self._build_toolbar()
        self._arrow_guard = _ArrowKeysForLists(self._rehearsal, self)
        self.library.list.installEventFilter(self._arrow_guard)
        self.progress.history.table.installEventFilter(self._arrow_guard)

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        a = self.actions_
        for action_id in (
            ActionId.NEW_SCRIPT,
            ActionId.DUPLICATE_SCRIPT,
            None,
            ActionId.START_STOP,
            None,
            ActionId.FONT_SMALLER,
            ActionId.FONT_LARGER,
            ActionId.MIRROR,
            ActionId.FULL_SCREEN,
            None,
            ActionId.SHORTCUTS,
        ):
            if action_id is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(a[action_id])
        for action_id in (
            ActionId.FONT_SMALLER,
            ActionId.FONT_LARGER,
            ActionId.MIRROR,
            ActionId.FULL_SCREEN,
            ActionId.SHORTCUTS,
        ):
            button = toolbar.widgetForAction(a[action_id])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setAccessibleName(a[action_id].text().replace("&", ""))
        self.addToolBar(toolbar)
        return toolbar

    def _build_menus(self) -> None:
        a = self.actions_
        menus = {
            "&Script": (
                ActionId.NEW_SCRIPT,
                ActionId.DUPLICATE_SCRIPT,
                ActionId.RENAME_SCRIPT,
                ActionId.DELETE_SCRIPT,
                None,
                ActionId.EDIT_SCRIPT,
                None,
                ActionId.PREFERENCES,
                None,
                ActionId.QUIT,
            ),
            "&Take": (
                ActionId.START_STOP,
                ActionId.ABANDON,
                None,
                ActionId.RATE_NAILED,
                ActionId.RATE_GOOD,
                ActionId.RATE_STUMBLED,
                ActionId.RATE_RAMBLED,
                ActionId.ADD_NOTE,
            ),
            "&View": (
                ActionId.REHEARSE,
                ActionId.EDIT_SCRIPT,
                None,
                ActionId.PACE_UP,
                ActionId.PACE_DOWN,
                ActionId.FIT_PACE,
                None,
                ActionId.FONT_LARGER,
                ActionId.FONT_SMALLER,
                ActionId.MIRROR,
                ActionId.FULL_SCREEN,
                None,
                ActionId.ALL_SCRIPTS,
            ),
            "&Help": (ActionId.SHORTCUTS,),
        }
        for title, items in menus.items():
            menu = self.menuBar().addMenu(title)
            for action_id in items:
                if action_id is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[action_id])
        for action in a.all():  # shortcuts work even for actions in no visible menu
            self.addAction(action)

    def _connect_signals(self) -> None:
        a, r = self.actions_, self._rehearsal
        a[ActionId.START_STOP].triggered.connect(self._on_start_stop_triggered)
        a[ActionId.ABANDON].triggered.connect(self._on_abandon_triggered)
        for action_id, outcome in _RATING_ACTIONS.items():
            a[action_id].triggered.connect(lambda _=False, o=outcome: r.rate(o))
        a[ActionId.ADD_NOTE].triggered.connect(self.outcome_panel.note_edit.setFocus)
        a[ActionId.PACE_UP].triggered.connect(lambda: r.nudge(True, self.editor.text()))
        a[ActionId.PACE_DOWN].triggered.connect(lambda: r.nudge(False, self.editor.text()))
        a[ActionId.FIT_PACE].triggered.connect(lambda: r.fit_pace(self.editor.text()))
        a[ActionId.FONT_LARGER].triggered.connect(lambda: self._change_font(1.1))
        a[ActionId.FONT_SMALLER].triggered.connect(lambda: self._change_font(1 / 1.1))
        a[ActionId.MIRROR].toggled.connect(self._on_mirror_toggled)
        a[ActionId.FULL_SCREEN].toggled.connect(self._on_full_screen_toggled)
        a[ActionId.REHEARSE].triggered.connect(lambda: self.tabs.setCurrentIndex(REHEARSE_TAB))
        a[ActionId.EDIT_SCRIPT].triggered.connect(lambda: self.tabs.setCurrentIndex(EDIT_TAB))
        a[ActionId.NEW_SCRIPT].triggered.connect(self._on_new_script_triggered)
        a[ActionId.DUPLICATE_SCRIPT].triggered.connect(self._on_duplicate_script_triggered)
        a[ActionId.RENAME_SCRIPT].triggered.connect(self._on_rename_script_triggered)
        a[ActionId.DELETE_SCRIPT].triggered.connect(self._on_delete_script_triggered)
        a[ActionId.ALL_SCRIPTS].toggled.connect(self.progress.all_scripts_check.setChecked)
        a[ActionId.PREFERENCES].triggered.connect(self._on_preferences_triggered)
        a[ActionId.SHORTCUTS].triggered.connect(self._on_shortcuts_triggered)
        a[ActionId.QUIT].triggered.connect(self.close)
        self.library.script_selected.connect(self._on_library_script_selected)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.editor.text_edited.connect(self._on_editor_text_edited)
        self.editor.details_edited.connect(self._on_editor_details_edited)
        self.outcome_panel.outcome_chosen.connect(r.rate)
        self.outcome_panel.note_entered.connect(r.set_note)
        self.progress.all_scripts_toggled.connect(self._on_progress_all_scripts_toggled)
        self.progress.edit_requested.connect(self._on_progress_edit_requested)
        self.progress.delete_requested.connect(self._on_progress_delete_requested)
        r.take_started.connect(self._on_rehearsal_take_started)
        r.ticked.connect(self._on_rehearsal_ticked)
        r.take_saved.connect(self._on_rehearsal_take_saved)
        r.take_cancelled.connect(self._on_rehearsal_take_cancelled)
        r.attempt_updated.connect(self._on_rehearsal_attempt_updated)
        r.pace_changed.connect(self.countdown_view.show_pace)

    def _apply_preferences(self) -> None:
        self.prompter.set_font_px(self._preferences.font_px)
        self.actions_[ActionId.MIRROR].setChecked(self._preferences.mirror)
        self.progress.all_scripts_check.setChecked(self._preferences.chart_all_scripts)
        for key, widget in (("window", self), ("splitter", self.splitter)):
            state = self._preferences.layout_state(key)
            if state is not None:
                (widget.restoreGeometry if key == "window" else widget.restoreState)(state)

    # --- scripts ----------------------------------------------------------------------------
    def _reload_scripts(self, select_id: int | None) -> None:
        scripts = self._repository.list_scripts()
        self.library.show_scripts(scripts, select_id)
        if not scripts:
            self._show_script(None)

    def _show_script(self, script: Script | None) -> None:
        self._script = script
        self._preferences.last_script_id = script.id if script else None
        self.editor.show_script(script)
        self._rehearsal.set_script(script)
        self.outcome_panel.hide()
        self._update_pace_estimate()
        self._refresh_prompter()
        self._refresh_progress()
        self._update_actions()

    def _update_pace_estimate(self) -> None:
        users = median_pace_wpm(self._repository.pace_samples())
        self.editor.set_pace(users or 150.0, users is not None)

    def _refresh_prompter(self) -> None:
        text = self.editor.text()
        self.prompter.set_text(text)
        if not self._rehearsal.running:
            self.prompter.set_position(0.0)
            self.prompter.set_overlay("")
            self.prompter.set_hint(self._idle_hint(text))
            if self._script is not None:
                self.countdown_view.show_reading(
                    _idle_reading(self._script.target_s), self._script.target_s
                )
                self.countdown_view.show_pace(*self._rehearsal.pace_for(text))

    def _idle_hint(self, text: str) -> str:
        if self._script is None:
            return "Create a script with Ctrl+N to start rehearsing"
        if word_count(text) == 0:
            return "This script is empty — write it in the Edit tab (Ctrl+E) first"
        return "Space to start · ↑/↓ pace · F1 all shortcuts"

    def _update_actions(self) -> None:
        a = self.actions_
        running = self._rehearsal.running
        can_start = self._script is not None and word_count(self.editor.text()) > 0
        start = a[ActionId.START_STOP]
        start.setEnabled(running or can_start)
        start.setText("&Stop take" if running else "&Start take")
        start.setIconText("Stop" if running else "Start")
        start.setToolTip(
            "Stop and save the take (Space)"
            if running
            else ("Start a take (Space)" if can_start else "This script is empty — write it first")
        )
        rated = self._rehearsal.last_attempt is not None and not running
        for action_id in (*_RATING_ACTIONS, ActionId.ADD_NOTE):
            a[action_id].setEnabled(rated)
        a[ActionId.ABANDON].setEnabled(running or self.isFullScreen())
        for action_id in (
            ActionId.DUPLICATE_SCRIPT,
            ActionId.RENAME_SCRIPT,
            ActionId.DELETE_SCRIPT,
            *_SINGLE_KEY_ACTIONS,
            ActionId.FIT_PACE,
        ):
            a[action_id].setEnabled(self._script is not None and not running)
        for action_id in _SINGLE_KEY_ACTIONS:
            a[action_id].setEnabled(self._script is not None)

    def _change_font(self, factor: float) -> None:
        size = round(self.prompter.font_px() * factor)
        size = max(MIN_FONT_PX, min(MAX_FONT_PX, size))
        self.prompter.set_font_px(size)
        self._preferences.font_px = size

    # --- reactions: library and editor ------------------------------------------------------
    def _on_library_script_selected(self, script_id: int) -> None:
        if self._rehearsal.running:
            self._rehearsal.abandon()
        if self._script is None or script_id != self._script.id:
            self._show_script(self._repository.get_script(script_id))

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == REHEARSE_TAB:
            self.editor.flush()
            self._refresh_prompter()
            self.prompter.setFocus()
        elif self._rehearsal.running:
            self._rehearsal.abandon()

    def _on_editor_text_edited(self, script_id: int, text: str) -> None:
        self._repository.save_text(script_id, text)
        if self._script is not None and self._script.id == script_id:
            self._script = self._repository.get_script(script_id)
            self._rehearsal.set_script(self._script)
        self._update_actions()

    def _on_editor_details_edited(
        self, script_id: int, name: str, kind: ScriptKind, target_s: float
    ) -> None:
        script = self._repository.get_script(script_id)
        updated = self._repository.update_script(
            Script(
                name=name,
                kind=kind,
                target_s=target_s,
                text=script.text,
                id=script.id,
                words_per_minute=script.words_per_minute,
            )
        )
        self._script = updated
        self._rehearsal.set_script(updated)
        self.library.show_scripts(self._repository.list_scripts(), script_id)
        self._refresh_progress()

    def _on_new_script_triggered(self) -> None:
        self.editor.flush()
        script = self._repository.add_script(
            Script(
                name=self._unique_name("New voicemail"),
                kind=ScriptKind.VOICEMAIL,
                target_s=ScriptKind.VOICEMAIL.default_target_s,
                text="",
            )
        )
        self._reload_scripts(script.id)
        self.tabs.setCurrentIndex(EDIT_TAB)
        self.editor.name_edit.setFocus()
        self.editor.name_edit.selectAll()

    def _on_duplicate_script_triggered(self) -> None:
        if self._script is None or self._script.id is None:
            return
        self.editor.flush()
        copy = self._repository.duplicate_script(
            self._script.id, self._unique_name(f"{self._script.name} (copy)")
        )
        self._reload_scripts(copy.id)

    def _on_rename_script_triggered(self) -> None:
        if self._script is None or self._script.id is None:
            return
        name, accepted = QInputDialog.getText(
            self, "Rename script", "Name:", text=self._script.name
        )
        if accepted and name.strip():
            self._repository.rename_script(self._script.id, name.strip())
            self._script = self._repository.get_script(self._script.id)
            self._reload_scripts(self._script.id)
            self.editor.name_edit.setText(self._script.name)

    def _on_delete_script_triggered(self) -> None:
        script = self._script
        if script is None or script.id is None:
            return
        self.editor.flush()
        self._repository.delete_script(script.id)
        self._reload_scripts(None)

        def undo() -> None:
            self._repository.restore_script(script.id)  # type: ignore[arg-type]
            self._reload_scripts(script.id)

        self.undo_bar.offer(f"Deleted “{script.name}” and its takes.", undo)

    def _unique_name(self, base: str) -> str:
        names = {s.name for s in self._repository.list_scripts()}
        name, number = base, 2
        while name in names:
            name, number = f"{base} {number}", number + 1
        return name

    # --- reactions: the take ----------------------------------------------------------------
    def _on_start_stop_triggered(self) -> None:
        if self._rehearsal.running:
            self._rehearsal.stop()
            return
        self.editor.flush()
        if self.tabs.currentIndex() != REHEARSE_TAB:
            self.tabs.setCurrentIndex(REHEARSE_TAB)
        self._rehearsal.start(self.editor.text())

    def _on_abandon_triggered(self) -> None:
        if self.isFullScreen():
            self.actions_[ActionId.FULL_SCREEN].setChecked(False)
        elif self._rehearsal.running:
            self._rehearsal.abandon()

    def _on_rehearsal_take_started(self) -> None:
        self.outcome_panel.hide()
        self.undo_bar.dismiss()
        self.progress.set_frozen(True)
        self.prompter.set_hint("")
        self.prompter.setFocus()
        self._update_actions()

    def _on_rehearsal_ticked(self, frame: object) -> None:
        assert isinstance(frame, Frame)
        reading = frame.reading
        self.prompter.set_position(frame.position)
        lead_in = reading.phase is Phase.LEAD_IN
        self.prompter.set_overlay(f"{int(reading.lead_in_left_s) + 1}" if lead_in else "")
        if self._script is not None:
            self.countdown_view.show_reading(reading, self._script.target_s)

    def _on_rehearsal_take_saved(self, attempt: Attempt) -> None:
        self.progress.set_frozen(False)
        attempts = self._repository.list_attempts(attempt.script_id)
        tz = datetime.now().astimezone().tzinfo
        assert tz is not None
        self.outcome_panel.show_attempt(attempt, encouragement(attempts, attempt, tz))
        self.prompter.set_hint("Rate it with 1–4 · Space to try again")
        self._update_pace_estimate()
        self._refresh_progress()
        self._update_actions()

    def _on_rehearsal_take_cancelled(self) -> None:
        self.progress.set_frozen(False)
        self._refresh_prompter()
        self._update_actions()

    def _on_rehearsal_attempt_updated(self, attempt: Attempt) -> None:
        self.outcome_panel.set_outcome(attempt.outcome)
        self._refresh_progress()

    # --- reactions: view and progress -------------------------------------------------------
    def _on_mirror_toggled(self, mirrored: bool) -> None:
        self.prompter.set_mirror(mirrored)
        self._preferences.mirror = mirrored

    def _on_full_screen_toggled(self, full: bool) -> None:
        for widget in (
            self.library,
            self.progress,
            self.toolbar,
            self.menuBar(),
            self.tabs.tabBar(),
        ):
            widget.setVisible(not full)
        if full:
            self.tabs.setCurrentIndex(REHEARSE_TAB)
            self.showFullScreen()
        else:
            self.showNormal()
        self.prompter.setFocus()
        self._update_actions()

    def _on_progress_all_scripts_toggled(self, all_scripts: bool) -> None:
        self._preferences.chart_all_scripts = all_scripts
        self.actions_[ActionId.ALL_SCRIPTS].setChecked(all_scripts)
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        all_scripts = self.progress.all_scripts_check.isChecked()
        script_id = None if all_scripts or self._script is None else self._script.id
        if script_id is None and not all_scripts:
            attempts: list[Attempt] = []
        else:
            attempts = self._repository.list_attempts(script_id)
        scripts = {s.id: s.name for s in self._repository.list_scripts() if s.id is not None}
        revisions = self._revision_numbers(attempts)
        target = None if all_scripts or self._script is None else self._script.target_s
        self.progress.show_attempts(attempts, target, scripts, revisions)

    def _revision_numbers(self, attempts: list[Attempt]) -> dict[int, int]:
        numbers: dict[int, int] = {}
        for script_id in {a.script_id for a in attempts}:
            for revision in self._repository.list_revisions(script_id):
                numbers[revision.id] = revision.number
        return numbers

    def _on_progress_edit_requested(self, attempt_id: int, outcome: str, note: str) -> None:
        updated = self._repository.update_attempt(attempt_id, outcome=Outcome(outcome), note=note)
        if self._rehearsal.last_attempt and self._rehearsal.last_attempt.id == attempt_id:
            self._rehearsal.last_attempt = updated
            self.outcome_panel.set_outcome(updated.outcome)
        self._refresh_progress()

    def _on_progress_delete_requested(self, attempt_id: int) -> None:
        self._repository.delete_attempt(attempt_id)
        self._refresh_progress()

        def undo() -> None:
            self._repository.restore_attempt(attempt_id)
            self._refresh_progress()

        self.undo_bar.offer("Deleted a take.", undo)

    def _on_preferences_triggered(self) -> None:
        dialog = PreferencesDialog(self._preferences, self)
        if dialog.exec():
            dialog.apply()
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, self._preferences.theme)
            self._refresh_prompter()

    def _on_shortcuts_triggered(self) -> None:
        ShortcutsDialog(self.actions_.help_rows(), self).exec()

    # --- window life-cycle ------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._rehearsal.running:
            self._rehearsal.abandon()
        self.editor.flush()
        self._preferences.set_layout_state("window", self.saveGeometry())
        self._preferences.set_layout_state("splitter", self.splitter.saveState())
        self._preferences.sync()
        super().closeEvent(event)


def _idle_reading(target_s: float) -> Reading:
    return Reading(Phase.IDLE, 0.0, target_s, 0.0, 0.0, False)
