"""The preferences the views show: restored at start, changed in the Preferences dialog or
by a toggle, and the layout remembered when the window closes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from app.domain.number_zone import slowdown_for
from app.ui.actions import ActionId, Actions
from app.ui.dialogs import PreferencesDialog
from app.ui.edit_page import EditPage
from app.ui.progress_panel import ProgressPanel
from app.ui.prompter import Prompter
from app.ui.recording_keeper import RecordingKeeper
from app.ui.recording_prefs import RecordingSection
from app.ui.rehearsal import Rehearsal
from app.ui.script_coach import ScriptCoach
from app.ui.settings import MAX_FONT_PX, MIN_FONT_PX, Preferences, Theme
from app.ui.theme import apply_theme


class ViewPreferences(QObject):
    """Puts ``Preferences`` into the views and keeps what the user changes there."""

    applied = Signal()  # the Preferences dialog was accepted: theme and pace may be new

    def __init__(
        self,
        preferences: Preferences,
        actions: Actions,
        rehearsal: Rehearsal,
        recordings: RecordingKeeper | None,
        *,
        prompter: Prompter,
        progress: ProgressPanel,
        edit_page: EditPage,
        splitter: QSplitter,
        coach: ScriptCoach,
        dialog_parent: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._preferences, self._actions = preferences, actions
        self._rehearsal, self._recordings = rehearsal, recordings
        self._prompter, self._progress, self._edit_page = prompter, progress, edit_page
        self._splitter, self._coach, self._dialog_parent = splitter, coach, dialog_parent
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)

    def restore(self) -> None:
        """Show the views as they were left."""
        self._prompter.set_font_px(self._preferences.font_px)
        self._actions[ActionId.MIRROR].setChecked(self._preferences.mirror)
        all_scripts = self._preferences.chart_all_scripts
        with QSignalBlocker(self._progress.all_scripts_check):  # the takes load once, after
            self._progress.all_scripts_check.setChecked(all_scripts)
        self._actions[ActionId.ALL_SCRIPTS].setChecked(all_scripts)
        self._progress.set_spoken_choice(self._preferences.chart_spoken)
        state = self._preferences.layout_state("splitter")
        if state is not None:
            self._splitter.restoreState(state)
        self._edit_page.restore_state(self._preferences.layout_state("edit_splitter"))
        progress_state = self._preferences.layout_state("progress_splitter")  # chart | history
        if progress_state is not None:
            self._progress.splitter.restoreState(progress_state)
        coach_visible = self._preferences.coach_panel
        self._actions[ActionId.COACH_PANEL].setChecked(coach_visible)
        self._edit_page.set_coach_visible(coach_visible)
        self._coach.set_number_slowdown(slowdown_for(self._preferences.number_pace))
        self._progress.set_readable_wpm(self._preferences.readable_wpm)

    def save_layout(self) -> None:
        self._preferences.set_layout_state("splitter", self._splitter.saveState())
        self._preferences.set_layout_state("progress_splitter", self._progress.splitter.saveState())
        if self._edit_page.coach_visible():  # a hidden panel would be saved as collapsed
            self._preferences.set_layout_state("edit_splitter", self._edit_page.save_state())

    def edit(self) -> None:
        """The Preferences dialog; on OK the theme, the prompter and the coach follow."""
        dialog = PreferencesDialog(self._preferences, self._dialog_parent, self.recording_section())
        if dialog.exec():
            theme = self._preferences.theme
            dialog.apply()
            if self._preferences.theme is not theme:  # re-styling every widget is not free
                self._apply_theme(self._preferences.theme)
            self._progress.set_readable_wpm(self._preferences.readable_wpm)
            self.applied.emit()
            self._coach.set_number_slowdown(slowdown_for(self._preferences.number_pace))
            self._coach.analyse_now()  # new slowdown, and marks in the new theme's colours

    def _apply_theme(self, theme: Theme) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self._actions.set_dark(apply_theme(app, theme))

    def _on_style_hints_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop went light or dark: "Follow the system" follows it at once."""
        if self._preferences.theme is Theme.SYSTEM and scheme is not Qt.ColorScheme.Unknown:
            self._apply_theme(Theme.DARK if scheme is Qt.ColorScheme.Dark else Theme.LIGHT)
            self._coach.analyse_now()  # the marks in the new colours

    def recording_section(self) -> RecordingSection:
        recorder = self._rehearsal.recorder
        if recorder is None:
            problem = "Recording is not set up in this window."
        else:
            problem = "" if recorder.available() else recorder.audio_input.description()
        usage = self._recordings.describe() if self._recordings is not None else ""
        return RecordingSection(self._preferences, microphone_problem=problem, disk_use=usage)

    # --- toggles ----------------------------------------------------------------------------
    def change_font(self, factor: float) -> None:
        size = round(self._prompter.font_px() * factor)
        size = max(MIN_FONT_PX, min(MAX_FONT_PX, size))
        self._prompter.set_font_px(size)
        self._preferences.font_px = size

    def set_mirror(self, mirrored: bool) -> None:
        self._prompter.set_mirror(mirrored)
        self._preferences.mirror = mirrored

    def set_coach_visible(self, visible: bool) -> None:
        self._edit_page.set_coach_visible(visible)
        self._preferences.coach_panel = visible

    def set_all_scripts(self, all_scripts: bool) -> None:
        """The chart's "All scripts" box: kept, and mirrored in the View menu."""
        self._preferences.chart_all_scripts = all_scripts
        self._actions[ActionId.ALL_SCRIPTS].setChecked(all_scripts)

    def set_spoken_choice(self, spoken: bool) -> None:
        self._preferences.chart_spoken = spoken
