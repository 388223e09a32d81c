"""The workspace inside the main window: assembly and wiring only.

Library on the left, rehearse/edit in the middle, progress on the right. Behaviour lives in
the rehearsal controller and the views; this class connects them (one `_connect_signals`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.attempt import Attempt, Outcome
from app.domain.script import Script, has_words
from app.domain.stats import encouragement
from app.domain.take import Frame
from app.resources import coach_rules
from app.storage.backup import (
    BackupError,
    BackupInfo,
    backup_time,
    describe_takes,
    describe_time,
)
from app.storage.database import is_locked_error
from app.storage.recordings import RecordingStore
from app.storage.recovery import Backups
from app.storage.repository import Repository
from app.storage.typing_journal import JOURNAL_FILENAME, TypingJournal
from app.ui.about import AboutDialog
from app.ui.actions import RATING_ACTIONS, ActionId, Actions, ArrowKeysForLists
from app.ui.dialogs import PreferencesDialog, ShortcutsDialog
from app.ui.edit_page import EditPage
from app.ui.library import ScriptLibrary
from app.ui.main_window import MainWindow
from app.ui.menus import build_menus, build_toolbar
from app.ui.new_voicemail import NewVoicemailDialog
from app.ui.profile_dialog import ProfileDialog
from app.ui.progress_panel import ProgressPanel
from app.ui.recording_keeper import RecordingKeeper
from app.ui.recording_prefs import RecordingSection
from app.ui.rehearsal import Rehearsal
from app.ui.rehearse_page import RehearsePage
from app.ui.restore_dialog import RestoreDialog, show_notice
from app.ui.script_coach import ScriptCoach
from app.ui.script_commands import ScriptCommands
from app.ui.settings import MAX_FONT_PX, MIN_FONT_PX, Preferences
from app.ui.text_saver import TextSaver
from app.ui.theme import apply_theme
from app.ui.transfer_commands import TransferCommands
from app.ui.undo_bar import UndoBar

REHEARSE_TAB, EDIT_TAB = 0, 1


class Workspace(QObject):
    """Builds the views into ``window`` and wires them to the rehearsal loop."""

    def __init__(
        self,
        window: MainWindow,
        repository: Repository,
        rehearsal: Rehearsal,
        preferences: Preferences,
        *,
        data_dir: Path | None = None,
        backups: Backups | None = None,
    ) -> None:
        super().__init__(window)
        self.main_window = window
        self._data_dir = data_dir  # shown in Help → About
        self._backups = backups  # File → Restore from backup…
        self._repository = repository
        self._rehearsal = rehearsal
        self._preferences = preferences
        self._script: Script | None = None
        self.actions_ = Actions(window)
        journal = TypingJournal(data_dir / JOURNAL_FILENAME) if data_dir is not None else None
        self._text_saver = TextSaver(repository, self, journal=journal)
        self._text_saver.recover()  # text typed just before a crash, saved before it is shown
        self.recordings: RecordingKeeper | None = None
        if data_dir is not None:
            self.recordings = RecordingKeeper(
                RecordingStore(repository, data_dir), preferences, self
            )
            self.recordings.finish()  # files of takes deleted before a crash or a quit
        self._last_storage_error = ""
        self._build_views()
        build_menus(window, self.actions_)
        self._connect_signals()
        self._apply_preferences()
        self._rehearsal.set_region(repository.profile().region)
        self.coach.start_warm_up()  # the first analysis waits for it rather than stalling
        self._reload_scripts(preferences.last_script_id)

    # --- assembly ---------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.library = ScriptLibrary()
        self.rehearse_page = RehearsePage()
        self.countdown_view = self.rehearse_page.countdown_view
        self.prompter = self.rehearse_page.prompter
        self.outcome_panel = self.rehearse_page.outcome_panel
        self.edit_page = EditPage()
        self.editor = self.edit_page.editor
        self.coach_panel = self.edit_page.coach_panel
        self.coach = ScriptCoach(self._repository, self.editor.document_text, coach_rules(), self)
        self.progress = ProgressPanel(recordings_root=self._data_dir)
        self.undo_bar = UndoBar()
        self.commands = ScriptCommands(self._repository, self.undo_bar, self.main_window)
        self.transfers = TransferCommands(
            self._repository, self.undo_bar, self.main_window, flush=self.editor.flush
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.rehearse_page, "Rehearse")
        self.tabs.addTab(self.edit_page, "Edit script")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.progress)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.library.setMinimumWidth(190)
        self.progress.setMinimumWidth(470)
        # Shares of the first window: the history needs ~600 px for its columns with a voice.
        self.splitter.setSizes([200, 560, 600])
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.undo_bar)
        self.main_window.install(central)
        self.toolbar = build_toolbar(self.main_window, self.actions_)
        self._arrow_guard = ArrowKeysForLists(self._rehearsal, self)
        for widget in (
            self.library.list,
            self.progress.history.table,
            self.editor.name_edit,
            self.editor.kind_combo,
            self.editor.target_spin,
        ):
            widget.installEventFilter(self._arrow_guard)

    def _connect_signals(self) -> None:
        a, r = self.actions_, self._rehearsal
        a[ActionId.START_STOP].triggered.connect(self._on_start_stop_triggered)
        a[ActionId.ABANDON].triggered.connect(self._on_abandon_triggered)
        for action_id, outcome in RATING_ACTIONS.items():
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
        a[ActionId.EDIT_SCRIPT].triggered.connect(self._on_edit_script_triggered)
        c = self.commands
        a[ActionId.NEW_SCRIPT].triggered.connect(self._on_new_script_triggered)
        a[ActionId.DUPLICATE_SCRIPT].triggered.connect(
            lambda: self._with_current_script(c.duplicate)
        )
        a[ActionId.RENAME_SCRIPT].triggered.connect(lambda: self._with_current_script(c.rename))
        a[ActionId.DELETE_SCRIPT].triggered.connect(lambda: self._with_current_script(c.delete))
        c.library_changed.connect(self._on_commands_library_changed)
        c.script_created.connect(self._on_commands_script_created)
        c.voicemail_drafted.connect(self._on_edit_script_triggered)
        t = self.transfers
        a[ActionId.IMPORT_SCRIPT].triggered.connect(t.import_script)
        a[ActionId.IMPORT_LIBRARY].triggered.connect(t.import_library)
        a[ActionId.EXPORT_MARKDOWN].triggered.connect(
            lambda: self._with_current_script(t.export_markdown)
        )
        a[ActionId.EXPORT_CSV].triggered.connect(t.export_csv)
        a[ActionId.EXPORT_LIBRARY].triggered.connect(t.export_library)
        t.library_changed.connect(self._on_commands_library_changed)
        a[ActionId.ALL_SCRIPTS].toggled.connect(self.progress.all_scripts_check.setChecked)
        a[ActionId.GO_TO_SCRIPTS].triggered.connect(self.library.list.setFocus)
        a[ActionId.GO_TO_HISTORY].triggered.connect(self.progress.history.table.setFocus)
        a[ActionId.PREFERENCES].triggered.connect(self._on_preferences_triggered)
        a[ActionId.PROFILE].triggered.connect(self.edit_profile)
        a[ActionId.NEW_VOICEMAIL].triggered.connect(self._on_new_voicemail_triggered)
        a[ActionId.SHORTCUTS].triggered.connect(self._on_shortcuts_triggered)
        a[ActionId.ABOUT].triggered.connect(self._on_about_triggered)
        a[ActionId.QUIT].triggered.connect(self.main_window.close)
        a[ActionId.RESTORE_BACKUP].triggered.connect(self._on_restore_backup_triggered)
        a[ActionId.RESTORE_BACKUP].setEnabled(self._backups is not None)
        self.main_window.closing.connect(self._on_main_window_closing)
        self.library.script_selected.connect(self._on_library_script_selected)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.editor.text_edited.connect(self._on_editor_text_edited)
        self.editor.details_edited.connect(c.update_details)
        self.outcome_panel.outcome_chosen.connect(r.rate)
        self.outcome_panel.note_entered.connect(r.set_note)
        self.progress.all_scripts_toggled.connect(self._on_progress_all_scripts_toggled)
        self.progress.edit_requested.connect(self._on_progress_edit_requested)
        self.progress.delete_requested.connect(self._on_progress_delete_requested)
        p = self.progress
        a[ActionId.PLAY_TAKE].triggered.connect(p.player.toggle)
        a[ActionId.PLAY_BEST].triggered.connect(p.play_best)
        p.player.playable_changed.connect(a[ActionId.PLAY_TAKE].setEnabled)
        p.best_take_available.connect(a[ActionId.PLAY_BEST].setEnabled)
        p.spoken_length_clicked.connect(self._on_progress_spoken_length_clicked)
        r.save_failed.connect(self._on_rehearsal_save_failed)
        self._text_saver.failed.connect(self._on_text_saver_failed)
        r.take_started.connect(self._on_rehearsal_take_started)
        r.ticked.connect(self._on_rehearsal_ticked)
        r.take_saved.connect(self._on_rehearsal_take_saved)
        r.take_cancelled.connect(self._on_rehearsal_take_cancelled)
        r.attempt_updated.connect(self._on_rehearsal_attempt_updated)
        r.pace_changed.connect(self.countdown_view.show_pace)
        r.recording_note.connect(self.rehearse_page.voice_strip.show_note)
        r.listening_changed.connect(self.rehearse_page.voice_strip.show_listening)
        r.level_changed.connect(self.rehearse_page.voice_strip.show_level)
        a[ActionId.COACH_PANEL].toggled.connect(self._on_coach_panel_toggled)
        self.editor.text_edit.textChanged.connect(self.coach.schedule)
        self.editor.text_edit.textChanged.connect(self._on_editor_typed)
        self.coach.reported.connect(self.edit_page.show_report)
        self.coach.too_long.connect(self.edit_page.show_too_long)
        self.coach.cleared.connect(self.edit_page.show_no_script)
        self.coach_panel.profile_requested.connect(self.edit_profile)

    def _apply_preferences(self) -> None:
        self.prompter.set_font_px(self._preferences.font_px)
        self.actions_[ActionId.MIRROR].setChecked(self._preferences.mirror)
        self.progress.all_scripts_check.setChecked(self._preferences.chart_all_scripts)
        self.progress.set_spoken_choice(self._preferences.chart_spoken)
        state = self._preferences.layout_state("splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.edit_page.restore_state(self._preferences.layout_state("edit_splitter"))
        coach_visible = self._preferences.coach_panel
        self.actions_[ActionId.COACH_PANEL].setChecked(coach_visible)
        self.edit_page.set_coach_visible(coach_visible)
        self.coach.set_number_slowdown(1.0 / self._preferences.number_pace)

    # --- scripts ----------------------------------------------------------------------------
    def _reload_scripts(self, select_id: int | None) -> None:
        """List the scripts again (names, kinds, targets may have changed) and show one."""
        self.library.show_scripts(self._repository.list_scripts(), select_id)
        current = self.library.current_id()
        self._show_script(self._repository.get_script(current) if current is not None else None)

    def _show_script(self, script: Script | None) -> None:
        """Make ``script`` current, or refresh it when it already is."""
        switching = script is None or self._script is None or script.id != self._script.id
        self._script = script
        self._preferences.last_script_id = script.id if script else None
        self.editor.show_script(script)
        self._rehearsal.set_script(script)
        if switching:
            self.outcome_panel.hide()
        self.coach.set_script(script)
        self._refresh_prompter()
        self._refresh_progress()
        self._update_actions()

    def _refresh_prompter(self) -> None:
        if not self._rehearsal.running:
            text = self.editor.text()
            target = self._script.target_s if self._script else None
            self.rehearse_page.show_at_rest(
                text,
                target,
                self._rehearsal.pace_for(text),
                has_words(text),
                self._rehearsal.number_spans(text),
            )

    def _update_actions(self) -> None:
        self.actions_.update_state(
            has_script=self._script is not None,
            startable=self._script is not None and has_words(self.editor.text()),
            running=self._rehearsal.running,
            rateable=self._rehearsal.last_attempt is not None and not self._rehearsal.running,
            full_screen=self.main_window.isFullScreen(),
        )

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

    def _on_editor_typed(self) -> None:
        # Every keystroke reaches the journal at once; the database after the autosave pause.
        if self._script is not None and self._script.id is not None:
            self._text_saver.typed(self._script.id, self.editor.text())

    def _on_editor_text_edited(self, script_id: int, text: str) -> None:
        self._text_saver.save(script_id, text)
        self._update_actions()  # an empty script may just have become startable

    def _on_commands_library_changed(self, select_id: int | None) -> None:
        self._reload_scripts(select_id)

    def _on_commands_script_created(self, _script_id: int) -> None:
        self.tabs.setCurrentIndex(EDIT_TAB)
        self.editor.name_edit.setFocus()
        self.editor.name_edit.selectAll()

    def _on_edit_script_triggered(self) -> None:
        """Ctrl+E: straight into the text, caret at the end, ready to type."""
        self.tabs.setCurrentIndex(EDIT_TAB)
        self.editor.text_edit.setFocus()
        self.editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)

    def _on_new_script_triggered(self) -> None:
        self.editor.flush()
        self.commands.new_script()

    def _with_current_script(self, command: Callable[[Script], None]) -> None:
        self.editor.flush()
        if self._script is not None:
            command(self._script)

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
        if self.main_window.isFullScreen():
            self.actions_[ActionId.FULL_SCREEN].setChecked(False)
        elif self._rehearsal.running:
            self._rehearsal.abandon()

    def _on_rehearsal_take_started(self) -> None:
        self.rehearse_page.show_started()
        self.undo_bar.dismiss()
        self.progress.set_frozen(True)
        self._update_actions()

    def _on_rehearsal_ticked(self, frame: Frame) -> None:
        if self._script is not None:
            self.rehearse_page.show_frame(frame, self._script.target_s)

    def _on_rehearsal_take_saved(self, attempt: Attempt) -> None:
        self.progress.set_frozen(False)
        self._record_coach_score(attempt.revision_id)
        self._refresh_progress()
        tz = datetime.now().astimezone().tzinfo
        assert tz is not None
        # The progress panel has just read this script's takes (or all of them, which
        # encouragement narrows to the take's own script): no second query.
        cheer = encouragement(self.progress.attempts(), attempt, tz)
        self.rehearse_page.show_saved(attempt, cheer)
        self.coach.relearn_rate()
        if self.recordings is not None:
            self.recordings.take_saved(attempt)  # the newest N per script
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

    def _on_coach_panel_toggled(self, visible: bool) -> None:
        self.edit_page.set_coach_visible(visible)
        self._preferences.coach_panel = visible

    def _on_full_screen_toggled(self, full: bool) -> None:
        for widget in (
            self.library,
            self.progress,
            self.toolbar,
            self.main_window.menuBar(),
            self.tabs.tabBar(),
        ):
            widget.setVisible(not full)
        if full:
            self.tabs.setCurrentIndex(REHEARSE_TAB)
            self.main_window.showFullScreen()
        else:
            self.main_window.showNormal()
        self.prompter.setFocus()
        self._update_actions()

    def _on_progress_all_scripts_toggled(self, all_scripts: bool) -> None:
        self._preferences.chart_all_scripts = all_scripts
        self.actions_[ActionId.ALL_SCRIPTS].setChecked(all_scripts)
        self._refresh_progress()

    def _on_progress_spoken_length_clicked(self, spoken: bool) -> None:
        self._preferences.chart_spoken = spoken

    def _refresh_progress(self) -> None:
        self.progress.load(self._repository, self._script)

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
        if self.recordings is not None:
            self.recordings.attempt_deleted()  # its file goes when the undo has expired

    def _on_preferences_triggered(self) -> None:
        dialog = PreferencesDialog(self._preferences, self.main_window, self._recording_section())
        if dialog.exec():
            dialog.apply()
            app = QApplication.instance()
            if isinstance(app, QApplication):
                self.actions_.set_dark(apply_theme(app, self._preferences.theme))
                self._update_actions()
            self._refresh_prompter()
            self.coach.set_number_slowdown(1.0 / self._preferences.number_pace)
            self.coach.analyse_now()  # new slowdown, and marks in the new theme's colours

    def _recording_section(self) -> RecordingSection:
        recorder = self._rehearsal.recorder
        if recorder is None:
            problem = "Recording is not set up in this window."
        else:
            problem = "" if recorder.available() else recorder.audio_input.description()
        usage = self.recordings.describe() if self.recordings is not None else ""
        return RecordingSection(self._preferences, microphone_problem=problem, disk_use=usage)

    def edit_profile(self) -> None:
        """ "Your details…": the name and number the script coach looks for."""
        dialog = ProfileDialog(self._repository.profile(), self.main_window)
        if not dialog.exec():
            return
        try:
            self._repository.set_profile(dialog.profile())
        except (sqlite3.Error, OSError) as error:
            self._report_storage_error(error, "Your details were not saved; please try again.")
            return
        self._on_profile_changed()

    def _on_profile_changed(self) -> None:
        """The coach and the prompter's number zone read the profile again."""
        self._rehearsal.set_region(self._repository.profile().region)
        self.coach.reload_profile()
        self._refresh_prompter()

    def _on_new_voicemail_triggered(self) -> None:
        """The guide: four questions, a draft that passes every check, a new script."""
        self.editor.flush()
        known = self._repository.profile()
        dialog = NewVoicemailDialog(known, self.coach.rules, self.coach.rate, self.main_window)
        if not dialog.exec() or not dialog.text():
            return
        typed = dialog.profile()
        if not known.name and not known.phone and (typed.name or typed.phone):
            self._repository.set_profile(typed)  # a first-timer's details: asked only once
            self._on_profile_changed()
        self.commands.new_voicemail(dialog.contact(), dialog.text())

    def _record_coach_score(self, revision_id: int) -> None:
        """Keep the coach's score of the revision a take used, once, so the history shows
        the script getting better. A score that cannot be written waits for the next take."""
        try:
            revision = self._repository.get_revision(revision_id)
            if revision.coach_score is not None:
                return
            score = self.coach.score_of(revision.text)
            if score is not None:
                self._repository.set_revision_score(revision_id, *score)
        except (sqlite3.Error, OSError):
            return

    def _on_shortcuts_triggered(self) -> None:
        ShortcutsDialog(self.actions_.help_rows(), self.main_window).exec()

    def _on_about_triggered(self) -> None:
        AboutDialog(self._data_dir, self.main_window).exec()

    def _on_restore_backup_triggered(self) -> None:
        """Write what is pending (it is then in the safety backup), pick a backup, restore."""
        if self._backups is None:
            return
        if self._rehearsal.running:
            self._rehearsal.abandon()
        self.editor.flush()
        self._text_saver.save_pending()
        dialog = RestoreDialog(self._backups.available(), datetime.now(UTC), self.main_window)
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is not None:
            self.restore_backup(chosen)

    def restore_backup(self, backup: BackupInfo) -> bool:
        """Replace the scripts and takes by ``backup``'s (backing the current ones up first)
        and show them; False, with a message, when it could not be done."""
        if self._backups is None:
            return False
        try:
            safety = self._backups.restore(backup)
        except (BackupError, sqlite3.Error, OSError) as error:
            text = f"Brevity could not restore the backup {backup.path.name}: {error}"
            show_notice(self.main_window, "Could not restore", text, warning=True)
            return False
        self.undo_bar.dismiss()  # an undo would point at rows of the replaced data
        self._rehearsal.last_attempt = None
        self._script = None
        self._on_profile_changed()
        self._reload_scripts(self._preferences.last_script_id)
        now = datetime.now(UTC)
        takes = describe_takes(backup.attempts)
        text = f"Your backup from {describe_time(backup.taken_at, now)}{takes} was restored."
        replaced_at = backup_time(safety) if safety not in (None, backup.path) else None
        if replaced_at is not None:
            text += (
                " To go back to the data it replaced, restore the backup from "
                f"{describe_time(replaced_at, now)}."
            )
        show_notice(self.main_window, "Backup restored", text)
        return True

    def _on_text_saver_failed(self, message: str) -> None:
        self._report_storage_error(
            message, "Your typing is kept and saved again as soon as the file can be written."
        )

    def _on_rehearsal_save_failed(self, message: str, consequence: str) -> None:
        if not self._rehearsal.running:  # a stopped take that could not be saved: no
            self.progress.set_frozen(False)  # take_saved will come to thaw the progress
            self._update_actions()
        self._report_storage_error(message, consequence)

    def _report_storage_error(self, error: object, consequence: str) -> None:
        if is_locked_error(error):
            reason = f"another program is using its data file right now ({error})"
        else:
            reason = str(error)
        text = f"Brevity could not write to its database: {reason}\n\n{consequence}"
        if text != self._last_storage_error:  # say it once, not on every retry
            self._last_storage_error = text
            QMessageBox.warning(self.main_window, "Could not save", text)

    # --- window life-cycle ------------------------------------------------------------------
    def _on_main_window_closing(self) -> None:
        if self._rehearsal.running:
            self._rehearsal.abandon()
        self.editor.flush()
        self._text_saver.save_pending()
        self._rehearsal.retry_unsaved()
        if self.recordings is not None:
            self.recordings.finish()
        self._preferences.set_layout_state("splitter", self.splitter.saveState())
        if self.edit_page.coach_visible():  # a hidden panel would be saved as collapsed
            self._preferences.set_layout_state("edit_splitter", self.edit_page.save_state())
        self.coach.finish_warm_up()
