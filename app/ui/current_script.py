"""The current script: the one the library has selected and every view shows.

Its text goes to the database through the text saver; the prompter at rest, the progress
panel and the enabled actions all follow it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from app.domain.script import Script, has_words
from app.domain.starters import opening_script_id
from app.storage.repository import Repository
from app.ui.actions import Actions
from app.ui.editor import ScriptEditor
from app.ui.library import ScriptLibrary
from app.ui.progress_panel import ProgressPanel
from app.ui.rehearsal import Rehearsal
from app.ui.rehearse_page import RehearsePage
from app.ui.script_coach import ScriptCoach
from app.ui.settings import Preferences
from app.ui.text_saver import TextSaver


class CurrentScript(QObject):
    """Keeps the views on the selected script and refreshes them when it changes."""

    def __init__(
        self,
        repository: Repository,
        rehearsal: Rehearsal,
        preferences: Preferences,
        text_saver: TextSaver,
        *,
        library: ScriptLibrary,
        editor: ScriptEditor,
        rehearse_page: RehearsePage,
        progress: ProgressPanel,
        coach: ScriptCoach,
        actions: Actions,
        window: QMainWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository, self._rehearsal = repository, rehearsal
        self._preferences, self._text_saver = preferences, text_saver
        self._library, self._editor, self._rehearse_page = library, editor, rehearse_page
        self._progress, self._coach = progress, coach
        self._actions, self._window = actions, window
        self._script: Script | None = None

    @property
    def script(self) -> Script | None:
        return self._script

    def reload(self, select_id: int | None) -> None:
        """List the scripts again (names, kinds, targets may have changed) and show one."""
        self._library.show_scripts(self._repository.list_scripts(), select_id)
        current = self._library.current_id()
        self._show(self._repository.get_script(current) if current is not None else None)

    def open_at_start(self, remembered_id: int | None) -> None:
        """Show the script used last; on a first run, the voicemail starter."""
        self.reload(opening_script_id(self._repository.list_scripts(), remembered_id))

    def show_filled_in(self) -> None:
        """The current script's stored text changed under the editor (the user's details
        filled in its placeholders): the editor shows it, as an edit that can be undone."""
        if self._script is not None and self._script.id is not None:
            self._script = self._repository.get_script(self._script.id)
            self._editor.replace_text(self._script.text)

    def select(self, script_id: int) -> None:
        """The library's choice: a running take is abandoned, another script shown."""
        if self._rehearsal.running:
            self._rehearsal.abandon()
        if self._script is None or script_id != self._script.id:
            self._show(self._repository.get_script(script_id))

    def forget(self) -> None:
        """The data was replaced: the next script shown is a switch, even with the same id."""
        self._script = None

    def _show(self, script: Script | None) -> None:
        """Make ``script`` current, or refresh it when it already is."""
        switching = script is None or self._script is None or script.id != self._script.id
        self._script = script
        self._preferences.last_script_id = script.id if script else None
        self._editor.show_script(script)
        self._rehearsal.set_script(script)
        if switching:
            self._rehearse_page.outcome_panel.hide()
        self._coach.set_script(script)
        self.refresh_prompter()
        self.refresh_progress()
        self.update_actions()

    # --- the text ---------------------------------------------------------------------------
    def typed(self) -> None:
        # Every keystroke reaches the journal at once; the database after the autosave pause.
        if self._script is not None and self._script.id is not None:
            self._text_saver.typed(self._script.id, self._editor.text())

    def save_text(self, script_id: int, text: str) -> None:
        self._text_saver.save(script_id, text)
        self._update_actions(text)  # an empty script may just have become startable

    def flush_then(self, command: Callable[[], None]) -> None:
        """Write the editor's pending text, then run ``command`` (it changes the library)."""
        self._editor.flush()
        command()

    def with_script(self, command: Callable[[Script], None]) -> None:
        """Write the editor's pending text, then run ``command`` on the current script."""
        self._editor.flush()
        if self._script is not None:
            command(self._script)

    def settle(self) -> None:
        """Abandon a running take and write the pending text: the data is about to be
        replaced, or the window to close."""
        if self._rehearsal.running:
            self._rehearsal.abandon()
        self._editor.flush()
        self._text_saver.save_pending()

    # --- the views that follow it -----------------------------------------------------------
    def refresh_prompter(self) -> None:
        if not self._rehearsal.running:
            text = self._editor.text()
            target = self._script.target_s if self._script else None
            self._rehearse_page.show_at_rest(
                text,
                target,
                self._rehearsal.pace_for(text),
                has_words(text),
                self._rehearsal.number_spans(text),
                pace_warning=self._rehearsal.pace_warning(text),
            )

    def show_pace_warning(self) -> None:
        """The pace changed (a nudge, a fit, a new region): say again whether it is readable."""
        if not self._rehearsal.running:
            self._rehearse_page.show_pace_warning(self._rehearsal.pace_warning(self._editor.text()))

    def refresh_progress(self) -> None:
        self._progress.load(self._repository, self._script)

    def update_actions(self) -> None:
        self._update_actions(self._editor.text())

    def _update_actions(self, text: str) -> None:
        """``text`` is the editor's: a caller that has it in hand saves copying it again
        (a whole document's worth, after every pause in typing)."""
        self._actions.update_state(
            has_script=self._script is not None,
            startable=self._script is not None and has_words(text),
            running=self._rehearsal.running,
            rateable=self._rehearsal.last_attempt is not None and not self._rehearsal.running,
            full_screen=self._window.isFullScreen(),
        )
