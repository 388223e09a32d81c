"""The workspace inside the main window: assembly and wiring only.

Library on the left, rehearse/edit in the middle, progress on the right. Behaviour lives in
the rehearsal controller, the views and the small collaborators built here (the current
script, the pages, the take, the commands); this class connects them (one `_connect_signals`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.resources import coach_rules
from app.storage.backup import BackupInfo
from app.storage.recordings import RecordingStore
from app.storage.recovery import Backups
from app.storage.repository import Repository
from app.storage.typing_journal import JOURNAL_FILENAME, TypingJournal
from app.ui.about import AboutDialog
from app.ui.account_commands import AccountCommands
from app.ui.actions import RATING_ACTIONS, ActionId, Actions, ArrowKeysForLists
from app.ui.backup_commands import BackupCommands
from app.ui.current_script import CurrentScript
from app.ui.dialogs import ShortcutsDialog
from app.ui.edit_page import EditPage
from app.ui.history_commands import HistoryCommands
from app.ui.library import ScriptLibrary
from app.ui.main_window import MainWindow
from app.ui.menus import build_menus, build_toolbar
from app.ui.mic_standby import standby_for
from app.ui.pages import EDIT_TAB, REHEARSE_TAB, Pages
from app.ui.progress_panel import ProgressPanel
from app.ui.recording_keeper import RecordingKeeper
from app.ui.recording_prefs import RecordingSection
from app.ui.rehearsal import Rehearsal
from app.ui.rehearse_page import RehearsePage
from app.ui.script_coach import ScriptCoach
from app.ui.script_commands import ScriptCommands
from app.ui.settings import Preferences
from app.ui.storage_errors import StorageErrorReporter
from app.ui.take_presenter import TakePresenter
from app.ui.text_saver import TextSaver
from app.ui.transfer_commands import TransferCommands
from app.ui.undo_bar import UndoBar
from app.ui.unsaved_work import UnsavedWork
from app.ui.view_preferences import ViewPreferences

__all__ = ["EDIT_TAB", "REHEARSE_TAB", "Workspace"]  # the tab indexes, for tests and tools
LIBRARY_MIN_WIDTH_PX = 150  # room for a short name; 1024 px holds the three panels


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
        self._build_views()
        build_menus(window, self.actions_)
        self._build_collaborators()
        self._connect_signals()
        self.view_preferences.restore()
        self._rehearsal.set_region(self.coach.profile.region)  # the coach read the profile
        self.coach.start_warm_up()  # the first analysis waits for it rather than stalling
        self.unsaved = UnsavedWork(
            repository, rehearsal, self._text_saver, self.storage_errors,
            settle=self.current.settle, data_dir=data_dir, undo_bar=self.undo_bar,
            window=window, parent=self,
        )  # fmt: skip
        window.close_check = self.unsaved.allow_close  # Ctrl+Q, the close button, signals
        self.unsaved.recover()  # what the last close could not save, before it is listed
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
            self._repository, self.undo_bar, self.main_window, flush=self.editor.flush,
            preferences=self._preferences,
        )  # fmt: skip
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
        self.library.setMinimumWidth(LIBRARY_MIN_WIDTH_PX)  # the rest: what their words need
        # Shares of the first window: the history needs ~600 px for its columns with a voice.
        self.splitter.setSizes([200, 560, 600])
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.undo_bar)
        self.toolbar = build_toolbar(self.main_window, self.actions_)  # first in Tab order
        self.main_window.install(central)
        self._arrow_guard = ArrowKeysForLists(self._rehearsal, self)
        for widget in (
            self.library.list,
            self.progress.history.table,
            self.editor.name_edit,
            self.editor.kind_combo,
            self.editor.target_spin,
        ):
            widget.installEventFilter(self._arrow_guard)

    def _build_collaborators(self) -> None:
        """The reactions, each given the views and the data it acts on (after the menus:
        full screen hides the menu bar)."""
        repository, rehearsal, window = self._repository, self._rehearsal, self.main_window
        self.current = CurrentScript(
            repository, rehearsal, self._preferences, self._text_saver,
            library=self.library, editor=self.editor, rehearse_page=self.rehearse_page,
            progress=self.progress, coach=self.coach, actions=self.actions_, window=window,
            parent=self,
        )  # fmt: skip
        chrome = (self.library, self.progress, self.toolbar, window.menuBar(), self.tabs.tabBar())
        self.pages = Pages(
            self.tabs, self.current, rehearsal, editor=self.editor, prompter=self.prompter,
            window=window, chrome=chrome, parent=self,
        )  # fmt: skip
        self.storage_errors = StorageErrorReporter(window, self)
        self.take_presenter = TakePresenter(
            rehearsal, self.current, self.pages, self.storage_errors,
            rehearse_page=self.rehearse_page, editor=self.editor, progress=self.progress,
            undo_bar=self.undo_bar, coach=self.coach, recordings=self.recordings,
            full_screen_action=self.actions_[ActionId.FULL_SCREEN], window=window, parent=self,
        )  # fmt: skip
        self.history_commands = HistoryCommands(
            repository, rehearsal, outcome_panel=self.outcome_panel, undo_bar=self.undo_bar,
            recordings=self.recordings, refresh=self.current.refresh_progress, parent=self,
        )  # fmt: skip
        self.account = AccountCommands(
            repository, rehearsal, self.coach, self.commands, self.storage_errors, window,
            flush=self.editor.flush, parent=self,
        )  # fmt: skip
        self.backup_commands = BackupCommands(
            self._backups, rehearsal, self.undo_bar, window, settle=self.current.settle,
            parent=self,
        )  # fmt: skip
        self.view_preferences = ViewPreferences(
            self._preferences, self.actions_, rehearsal, self.recordings,
            prompter=self.prompter, progress=self.progress, edit_page=self.edit_page,
            splitter=self.splitter, coach=self.coach, dialog_parent=window, parent=self,
        )  # fmt: skip
        # The microphone waits open while the Rehearse page shows: no late first word.
        self.mic_standby = standby_for(rehearsal, self.rehearse_page, self._preferences, self)

    def _connect_signals(self) -> None:
        a, r, cur = self.actions_, self._rehearsal, self.current
        a[ActionId.START_STOP].triggered.connect(self.take_presenter.start_stop)
        a[ActionId.ABANDON].triggered.connect(self.take_presenter.abandon)
        for action_id, outcome in RATING_ACTIONS.items():
            a[action_id].triggered.connect(lambda _=False, o=outcome: r.rate(o))
        a[ActionId.ADD_NOTE].triggered.connect(self.outcome_panel.note_edit.setFocus)
        a[ActionId.PACE_UP].triggered.connect(lambda: r.nudge(True, self.editor.text()))
        a[ActionId.PACE_DOWN].triggered.connect(lambda: r.nudge(False, self.editor.text()))
        a[ActionId.FIT_PACE].triggered.connect(lambda: r.fit_pace(self.editor.text()))
        v = self.view_preferences
        a[ActionId.FONT_LARGER].triggered.connect(lambda: v.change_font(1.1))
        a[ActionId.FONT_SMALLER].triggered.connect(lambda: v.change_font(1 / 1.1))
        a[ActionId.MIRROR].toggled.connect(v.set_mirror)
        a[ActionId.FULL_SCREEN].toggled.connect(self.pages.set_full_screen)
        a[ActionId.REHEARSE].triggered.connect(lambda: self.tabs.setCurrentIndex(REHEARSE_TAB))
        a[ActionId.EDIT_SCRIPT].triggered.connect(self.pages.edit_text)
        c = self.commands
        a[ActionId.NEW_SCRIPT].triggered.connect(lambda: cur.flush_then(c.new_script))
        a[ActionId.DUPLICATE_SCRIPT].triggered.connect(lambda: cur.with_script(c.duplicate))
        a[ActionId.RENAME_SCRIPT].triggered.connect(lambda: cur.with_script(c.rename))
        a[ActionId.DELETE_SCRIPT].triggered.connect(lambda: cur.with_script(c.delete))
        c.library_changed.connect(cur.reload)
        c.script_created.connect(self.pages.edit_name)
        c.voicemail_drafted.connect(self.pages.edit_text)
        t = self.transfers
        a[ActionId.IMPORT_SCRIPT].triggered.connect(t.import_script)
        a[ActionId.IMPORT_LIBRARY].triggered.connect(t.import_library)
        a[ActionId.EXPORT_MARKDOWN].triggered.connect(lambda: cur.with_script(t.export_markdown))
        a[ActionId.EXPORT_CSV].triggered.connect(t.export_csv)
        a[ActionId.EXPORT_LIBRARY].triggered.connect(t.export_library)
        t.library_changed.connect(cur.reload)
        t.profile_imported.connect(self.account.reload_profile)
        t.profile_imported.connect(cur.show_filled_in)  # the import filled in the starters
        a[ActionId.ALL_SCRIPTS].toggled.connect(self.progress.all_scripts_check.setChecked)
        a[ActionId.GO_TO_SCRIPTS].triggered.connect(self.library.list.setFocus)
        a[ActionId.GO_TO_HISTORY].triggered.connect(self.progress.history.table.setFocus)
        a[ActionId.PREFERENCES].triggered.connect(v.edit)
        v.applied.connect(cur.update_actions)
        v.applied.connect(cur.refresh_prompter)
        if self.mic_standby is not None:
            v.applied.connect(self.mic_standby.update)
        a[ActionId.PROFILE].triggered.connect(self.account.edit_profile)
        a[ActionId.NEW_VOICEMAIL].triggered.connect(self.account.new_voicemail)
        self.account.profile_changed.connect(cur.refresh_prompter)
        self.account.details_filled.connect(cur.show_filled_in)
        a[ActionId.SHORTCUTS].triggered.connect(self._on_shortcuts_triggered)
        a[ActionId.ABOUT].triggered.connect(self._on_about_triggered)
        a[ActionId.QUIT].triggered.connect(self.main_window.close)
        a[ActionId.RESTORE_BACKUP].triggered.connect(self.backup_commands.choose_and_restore)
        a[ActionId.RESTORE_BACKUP].setEnabled(self._backups is not None)
        self.backup_commands.restored.connect(self._on_backup_commands_restored)
        self.main_window.closing.connect(self._on_main_window_closing)
        self.library.script_selected.connect(cur.select)
        self.tabs.currentChanged.connect(self.pages.tab_changed)
        self.editor.text_edited.connect(cur.save_text)
        self.editor.details_edited.connect(c.update_details)
        self.outcome_panel.outcome_chosen.connect(r.rate)
        self.outcome_panel.note_entered.connect(r.set_note)
        p = self.progress
        p.all_scripts_toggled.connect(v.set_all_scripts)
        p.all_scripts_toggled.connect(cur.refresh_progress)
        p.edit_requested.connect(self.history_commands.edit)
        p.delete_requested.connect(self.history_commands.delete)
        a[ActionId.PLAY_TAKE].triggered.connect(p.player.toggle)
        a[ActionId.PLAY_BEST].triggered.connect(p.play_best)
        self.outcome_panel.play_requested.connect(p.play_take)
        p.player.playable_changed.connect(a[ActionId.PLAY_TAKE].setEnabled)
        p.best_take_available.connect(a[ActionId.PLAY_BEST].setEnabled)
        p.spoken_length_clicked.connect(v.set_spoken_choice)
        r.save_failed.connect(self.take_presenter.report_save_failure)
        self._text_saver.failed.connect(self.storage_errors.report_unsaved_typing)
        r.take_started.connect(self.take_presenter.show_started)
        r.ticked.connect(self.take_presenter.show_frame)
        r.take_saved.connect(self.account.record_coach_score)  # before the history shows it
        r.take_saved.connect(self.take_presenter.show_saved)
        r.take_cancelled.connect(self.take_presenter.show_cancelled)
        r.attempt_updated.connect(self.take_presenter.show_updated)
        r.pace_changed.connect(self.countdown_view.show_pace)
        r.pace_changed.connect(cur.show_pace_warning)
        r.recording_note.connect(self.rehearse_page.voice_strip.show_note)
        r.listening_changed.connect(self.rehearse_page.voice_strip.show_listening)
        r.recording_changed.connect(self.rehearse_page.voice_strip.show_recording)
        r.level_changed.connect(self.rehearse_page.voice_strip.show_level)
        a[ActionId.COACH_PANEL].toggled.connect(v.set_coach_visible)
        self.editor.text_edit.textChanged.connect(self.coach.schedule)
        self.editor.text_edit.textChanged.connect(cur.typed)
        self.coach.reported.connect(self.edit_page.show_report)
        self.coach.too_long.connect(self.edit_page.show_too_long)
        self.coach.cleared.connect(self.edit_page.show_no_script)
        self.coach_panel.profile_requested.connect(self.account.edit_profile)

    # --- for callers outside the window -----------------------------------------------------
    def edit_profile(self) -> None:
        """ "Your details…": the name and number the script coach looks for."""
        self.account.edit_profile()

    def restore_backup(self, backup: BackupInfo) -> bool:
        """Replace the scripts and takes by ``backup``'s; False, with a message, if it failed."""
        return self.backup_commands.restore(backup)

    def _recording_section(self) -> RecordingSection:
        return self.view_preferences.recording_section()  # the recording tests look at it

    def _reload_scripts(self, select_id: int | None) -> None:
        # A separate step of start-up, so that a test can plant a bug in it.
        self.current.open_at_start(select_id)

    # --- reactions that only hand over ------------------------------------------------------
    def _on_backup_commands_restored(self) -> None:
        self.current.forget()  # the same id may now be another script, or none
        self.account.reload_profile()
        self.current.reload(self._preferences.last_script_id)

    def _on_shortcuts_triggered(self) -> None:
        ShortcutsDialog(self.actions_.help_rows(), self.main_window).exec()

    def _on_about_triggered(self) -> None:
        AboutDialog(self._data_dir, self.main_window).exec()

    # --- window life-cycle ------------------------------------------------------------------
    def _on_main_window_closing(self) -> None:
        self.current.settle()
        self._rehearsal.retry_unsaved()
        if self.recordings is not None:
            self.recordings.finish()
        self.view_preferences.save_layout()
        self.coach.finish_warm_up()
