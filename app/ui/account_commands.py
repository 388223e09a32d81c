"""Your details: the profile dialog, the new-voicemail guide, and the coach's score kept for
each rehearsed revision."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.domain.attempt import Attempt
from app.domain.coach import Profile
from app.storage.repository import Repository
from app.ui.new_voicemail import NewVoicemailDialog
from app.ui.profile_dialog import ProfileDialog
from app.ui.rehearsal import Rehearsal
from app.ui.script_coach import ScriptCoach
from app.ui.script_commands import ScriptCommands
from app.ui.storage_errors import StorageErrorReporter


class AccountCommands(QObject):
    """Asks for the user's name and number and tells the coach and the rehearsal of them."""

    profile_changed = Signal()  # the coach and the rehearsal have read the profile again
    details_filled = Signal()  # scripts' placeholders now hold the user's name or number

    def __init__(
        self,
        repository: Repository,
        rehearsal: Rehearsal,
        coach: ScriptCoach,
        scripts: ScriptCommands,
        errors: StorageErrorReporter,
        dialog_parent: QWidget,
        *,
        flush: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository, self._rehearsal, self._coach = repository, rehearsal, coach
        self._scripts, self._errors, self._dialog_parent = scripts, errors, dialog_parent
        self._flush = flush  # the editor's pending text goes to the database first

    def edit_profile(self) -> None:
        """ "Your details…": the name and number the script coach looks for."""
        dialog = ProfileDialog(self._repository.profile(), self._dialog_parent)
        if dialog.exec():
            self._save_profile(dialog.profile())

    def welcome(self) -> ProfileDialog | None:
        """The first run of a new library asks once, skippably, for the name and number the
        starters and the coach use. The dialog opens without blocking; returns it, or None
        when there is nothing to ask."""
        if not self._repository.welcome_due():
            return None
        if self._repository.profile() != Profile():  # given already (an imported library)
            self._on_welcome_finished()
            return None
        dialog = ProfileDialog(self._repository.profile(), self._dialog_parent, welcome=True)
        dialog.accepted.connect(partial(self._on_welcome_accepted, dialog))
        dialog.finished.connect(self._on_welcome_finished)  # answered or skipped: asked
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _on_welcome_accepted(self, dialog: ProfileDialog) -> None:
        self._save_profile(dialog.profile())

    def _on_welcome_finished(self) -> None:
        # A failed write only means the question comes again at the next start.
        with contextlib.suppress(sqlite3.Error, OSError):
            self._repository.welcome_given()

    def _save_profile(self, profile: Profile) -> None:
        """Keep the details; the starters that wait for them are shown filled in."""
        self._flush()  # typed text reaches the database before the placeholders are filled
        try:
            filled = self._repository.set_profile(profile)
        except (sqlite3.Error, OSError) as error:
            self._errors.report(error, "Your details were not saved; please try again.")
            return
        if filled:
            self.details_filled.emit()
        self.reload_profile()

    def reload_profile(self) -> None:
        """The coach reads the profile again; the prompter's number zone follows its region."""
        self._coach.reload_profile()
        self._rehearsal.set_region(self._coach.profile.region)
        self.profile_changed.emit()

    def new_voicemail(self) -> None:
        """The guide: four questions, a draft that passes every check, a new script."""
        self._flush()
        known = self._repository.profile()
        dialog = NewVoicemailDialog(known, self._coach.rules, self._coach.rate, self._dialog_parent)
        if not dialog.exec() or not dialog.text():
            return
        typed = dialog.profile()
        if not known.name and not known.phone and (typed.name or typed.phone):
            self._save_profile(typed)  # a first-timer's details: asked only once
        self._scripts.new_voicemail(dialog.contact(), dialog.text())

    def record_coach_score(self, attempt: Attempt) -> None:
        """Keep the coach's score of the revision ``attempt`` used, once, so the history shows
        the script getting better. A score that cannot be written waits for the next take."""
        revision_id = attempt.revision_id
        try:
            revision = self._repository.get_revision(revision_id)
            if revision.coach_score is not None:
                return
            score = self._coach.score_of(revision.text)
            if score is not None:
                self._repository.set_revision_score(revision_id, *score)
        except (sqlite3.Error, OSError):
            return
