"""The rehearsal loop's controller: starts, ticks, stops and saves takes.

A QTimer is only a tick source: each tick asks the Take where things are (computed from the
injected monotonic clock) and hands the Frame to the views. Stopping saves the attempt at once,
in one transaction, before anything else happens. The microphone's part (recording, the
hands-free start and stop) is the TakeVoice's.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.domain.attempt import Attempt, Outcome
from app.domain.coach import find_numbers
from app.domain.countdown import Clock
from app.domain.number_zone import SpokenWords, slowdown_for, spoken_words
from app.domain.pacing import NUDGE_FACTOR, clamp_wpm, fitted_wpm
from app.domain.readable_pace import pace_warning
from app.domain.script import Script
from app.domain.take import Frame, Take
from app.storage.repository import Repository
from app.ui.recorder import Recorder, with_voice
from app.ui.settings import Preferences
from app.ui.take_voice import TakeVoice

FRAME_INTERVAL_MS = 16


class Rehearsal(QObject):
    """Owns the current take; the views only listen."""

    take_started = Signal()
    ticked = Signal(object)  # Frame
    take_saved = Signal(object)  # Attempt, as stored
    take_cancelled = Signal()  # stopped during the lead-in: nothing happened, nothing saved
    attempt_updated = Signal(object)  # Attempt, after a rating or a note
    pace_changed = Signal(float, bool)  # words per minute, fitted to the target?
    save_failed = Signal(str, str)  # the database's complaint, what happens now
    recording_note = Signal(str)  # one line about the microphone ("" when all is well)
    listening_changed = Signal(bool)  # the microphone is on for this take (show the meter)
    recording_changed = Signal(bool)  # this take is being recorded ("● REC")
    level_changed = Signal(float)  # the voice's level in dBFS, for a quiet meter

    def __init__(
        self,
        repository: Repository,
        clock: Clock,
        preferences: Preferences,
        parent: QObject | None = None,
        *,
        recorder: Recorder | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._clock = clock
        self._preferences = preferences
        self._script: Script | None = None
        self._take: Take | None = None
        self.last_attempt: Attempt | None = None
        self._unsaved: list[Attempt] = []  # takes the database refused, oldest first
        self._region = "US"  # for reading phone numbers
        # The last text's phone numbers: pace_for runs on every refresh, start right after.
        self._numbers: tuple[tuple[str, str, float], SpokenWords, list[tuple[int, int]]] | None
        self._numbers = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        self._voice = TakeVoice(recorder, clock, preferences, self)
        if recorder is not None:
            recorder.level_changed.connect(self.level_changed)
        self._voice.recording_note.connect(self.recording_note)
        self._voice.listening_changed.connect(self.listening_changed)
        self._voice.recording_changed.connect(self.recording_changed)
        self._voice.clock_started.connect(self.tick)
        self._voice.fell_silent.connect(self._on_voice_fell_silent)

    # --- state ------------------------------------------------------------------------------
    @property
    def recorder(self) -> Recorder | None:
        return self._voice.recorder

    @property
    def clock(self) -> Clock:
        """The monotonic clock takes are timed with."""
        return self._clock

    @property
    def running(self) -> bool:
        return self._take is not None and self._take.running

    @property
    def script(self) -> Script | None:
        return self._script

    def set_script(self, script: Script | None) -> None:
        """Rehearse ``script`` from now on; new details of the same script keep its last take."""
        same = script is not None and self._script is not None and script.id == self._script.id
        if self.running and not same:
            self.abandon()
        self._script = script
        if not same:
            self.last_attempt = None
        self.pace_changed.emit(*self.pace_for(script.text if script else ""))

    def set_region(self, code: str) -> None:
        """Read phone numbers as written in region ``code`` (ISO 3166, e.g. "US", "GB")."""
        if code != self._region:
            self._region = code
            if self._script is not None:
                self.pace_changed.emit(*self.pace_for(self._script.text))

    def spoken_words(self, text: str) -> SpokenWords:
        """Each word's spoken weight in ``text`` and its number zones, at the preferred pace."""
        return self._read_numbers(text)[0]

    def number_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the phone numbers the prompter slows down for (none at 100 %)."""
        spoken, spans = self._read_numbers(text)
        return spans if spoken.zones else []

    def _read_numbers(self, text: str) -> tuple[SpokenWords, list[tuple[int, int]]]:
        key = (text, self._region, slowdown_for(self._preferences.number_pace))
        if self._numbers is None or self._numbers[0] != key:
            numbers = find_numbers(text, self._region)
            spans = [(number.start, number.end) for number in numbers]
            self._numbers = key, spoken_words(text, numbers, key[2]), spans
        return self._numbers[1], self._numbers[2]

    def pace_for(self, text: str) -> tuple[float, bool]:
        """The pace a take of ``text`` would use, and whether it is fitted to the target.

        The fitted pace counts a phone number digit by digit, slowed down in its zone.
        """
        script = self._script
        if script is None:
            return 150.0, True
        if script.words_per_minute:
            return clamp_wpm(script.words_per_minute), False
        return fitted_wpm(self.spoken_words(text).total, script.target_s), True

    def pace_warning(self, text: str) -> str:
        """What to say before Space when a take of ``text`` would scroll too fast to read
        aloud (above the readable pace preference), or ""."""
        script = self._script
        if script is None:
            return ""
        words_per_minute, fitted = self.pace_for(text)
        return pace_warning(
            words_per_minute,
            fitted,
            total_weight=self.spoken_words(text).total,
            target_s=script.target_s,
            readable_wpm=self._preferences.readable_wpm,
        )

    # --- the loop ---------------------------------------------------------------------------
    def start(self, text: str) -> None:
        """Start a take of ``text`` (the editor's current text) as the script's revision."""
        script = self._script
        if script is None or script.id is None or self.running:
            return
        spoken = self.spoken_words(text)
        words = len(spoken.weights)
        if words == 0:
            return
        try:
            revision = self._repository.revision_for_take(script.id, text)
        except (sqlite3.Error, OSError) as error:  # a take that cannot be logged is not started
            self.save_failed.emit(str(error), "The take was not started.")
            return
        now_utc = datetime.now(UTC)
        waiting = self._voice.start(now_utc) and self._preferences.start_at_first_word
        self._take = Take(
            self._clock,
            script_id=script.id,
            revision_id=revision.id,
            word_total=words,
            target_s=script.target_s,
            words_per_minute=self.pace_for(text)[0],
            lead_in_s=0 if waiting else self._preferences.lead_in_s,
            amber_last_s=self._preferences.amber_last_s,
            weights=spoken.weights,
            zones=spoken.zones,
            wait_for_voice=waiting,
            word_count=spoken.word_count,
        )
        self._take.start(now_utc)
        self._voice.follow(self._take)
        self.last_attempt = None
        self._timer.start()
        self.take_started.emit()
        self.tick()

    def tick(self) -> None:
        if self._take is not None:
            self.ticked.emit(self._take.frame())

    def current_frame(self) -> Frame | None:
        return self._take.frame() if self._take else None

    def stop(self) -> Attempt | None:
        """Stop and save the take at once; a stop during the lead-in cancels it."""
        return self._finish(Outcome.UNRATED)

    def abandon(self) -> Attempt | None:
        """Stop and save the take as abandoned."""
        return self._finish(Outcome.ABANDONED)

    def _finish(self, outcome: Outcome) -> Attempt | None:
        take = self._take
        if take is None or not take.running:
            return None
        self._timer.stop()
        if take.in_lead_in():
            take.finish()
            self._take = None
            self._voice.stop(keep=False)
            self.take_cancelled.emit()
            return None
        finished = with_voice(
            take.finish(outcome), self._voice.stop(keep=True), self._voice.offset_s
        )
        self.ticked.emit(take.frame())  # the stopped clock: "Stopped", the take's length
        self._take = None
        self._unsaved.append(finished)
        saved = self._save_unsaved()
        self.last_attempt = saved
        if saved is not None:
            self.take_saved.emit(saved)
        return saved

    def _save_unsaved(self) -> Attempt | None:
        """Save every pending take, oldest first; returns the newest one saved."""
        saved: Attempt | None = None
        while self._unsaved:
            try:
                saved = self._repository.add_attempt(self._unsaved[0])
            except (sqlite3.Error, OSError) as error:
                self.save_failed.emit(str(error), "The take is kept and saved with your next one.")
                return None
            self._unsaved.pop(0)
        return saved

    def retry_unsaved(self) -> None:
        """Try again to save takes the database refused (on quit, for instance)."""
        self._save_unsaved()

    @property
    def unsaved_count(self) -> int:
        return len(self._unsaved)

    @property
    def unsaved_takes(self) -> tuple[Attempt, ...]:
        """The takes the database refused, oldest first (still kept, still retried)."""
        return tuple(self._unsaved)

    def discard_unsaved(self) -> None:
        """Let the refused takes go (the user chose to, or they went to a file)."""
        self._unsaved.clear()

    def _on_voice_fell_silent(self) -> None:
        """Hands-free: the speaker finished, so the take stops as if Space were pressed."""
        self.stop()

    # --- after a take -----------------------------------------------------------------------
    def rate(self, outcome: Outcome) -> None:
        attempt = self.last_attempt
        if attempt is None or attempt.id is None or attempt.outcome is Outcome.ABANDONED:
            return
        self.last_attempt = self._repository.update_attempt(attempt.id, outcome=outcome)
        self.attempt_updated.emit(self.last_attempt)

    def set_note(self, note: str) -> None:
        attempt = self.last_attempt
        if attempt is None or attempt.id is None or note == attempt.note:
            return
        self.last_attempt = self._repository.update_attempt(attempt.id, note=note)
        self.attempt_updated.emit(self.last_attempt)

    # --- pace -------------------------------------------------------------------------------
    def nudge(self, faster: bool, text: str) -> float | None:
        """Scroll 5 % faster or slower, now and for this script's future takes."""
        script = self._script
        if script is None or script.id is None:
            return None
        factor = NUDGE_FACTOR if faster else 1 / NUDGE_FACTOR
        if self._take is not None and self._take.running:
            wpm = self._take.nudge(factor)
        else:
            wpm = clamp_wpm(self.pace_for(text)[0] * factor)
        self._repository.set_pace(script.id, wpm)
        self._script = self._repository.get_script(script.id)
        self.pace_changed.emit(wpm, False)
        return wpm

    def fit_pace(self, text: str) -> None:
        """Forget the nudged pace: fit the scroll to the target again."""
        script = self._script
        if script is None or script.id is None:
            return
        self._repository.set_pace(script.id, None)
        self._script = self._repository.get_script(script.id)
        self.pace_changed.emit(*self.pace_for(text))
