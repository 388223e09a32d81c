"""The take life-cycle as a ``hypothesis.stateful`` machine (issue 4, property tests).

The real ``Rehearsal`` controller (with its ``Take``, ``Countdown`` and ``Pacing``) runs on a
real database file and a fake clock; a real ``Prompter`` shows its frames. Hypothesis starts,
stops and abandons takes, nudges and refits the pace, changes the prompter's font, jumps the
clock (by nothing, a little, or days) and saves new text between takes, and after every step
checks what must always hold:

- at most one take runs, and the controller agrees with the model about whether one does;
- the reading position stays within [0, last word] and never moves back during a take; a
  font change does not move it at all;
- the countdown's elapsed time is the clock's advance since Start minus the lead-in;
- every stopped take is saved exactly once, with its duration as stored (rounded to ms), an
  abandoned one as abandoned; a stop during the lead-in saves nothing;
- the number of saved attempts is the number of stops and abandons that saved;
- the pace stays within [MIN_WPM, MAX_WPM].
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.domain.attempt import Outcome
from app.domain.pacing import MAX_WPM, MIN_WPM
from app.domain.script import Script, ScriptKind, clean_text
from app.storage.database import close_database, open_database
from app.storage.repository import Repository
from app.ui.prompter import Prompter
from app.ui.rehearsal import Rehearsal
from app.ui.settings import MAX_FONT_PX, MIN_FONT_PX, Preferences
from tests.helpers.clock import FakeClock
from tests.helpers.hostile_text import ODD_TEXTS

TEXTS = [
    "Hi Jordan, it's Alex Rivera at 555-201-7788, calling for your advice. Again, 555-201-7788.",
    "One.",
    "Hi\x00 there — call me back 📞 when you can.",
    ODD_TEXTS["arabic"],
    ODD_TEXTS["emoji_sequences"],
    " ".join(["word"] * 400),
]
CLOCK_JUMPS = st.one_of(
    st.just(0.0),
    st.integers(min_value=1, max_value=3000).map(lambda ms: ms / 997),  # not round numbers
    st.floats(min_value=2.0, max_value=120.0),
    st.floats(min_value=1e3, max_value=1e7),  # a laptop asleep over a weekend, and more
)


class TakeLifeCycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self._folder = tempfile.TemporaryDirectory()
        folder = Path(self._folder.name)
        self.db = open_database(folder / "brevity.sqlite3")
        self.db.execute("PRAGMA synchronous = OFF")  # no fsync per step: the file is scratch
        self.repository = Repository(self.db)
        self.clock = FakeClock()
        self.preferences = Preferences(folder / "settings.ini")
        self.rehearsal = Rehearsal(self.repository, self.clock, self.preferences)
        self.rehearsal.ticked.connect(self._on_rehearsal_ticked)
        self.prompter = Prompter()
        self.prompter.resize(480, 320)
        self.image = QImage(480, 320, QImage.Format.Format_ARGB32_Premultiplied)
        # The model: what the controller should be doing.
        self.script_id = 0
        self.text = TEXTS[0]
        self.pressed_at: float | None = None  # clock time of Start, while a take runs
        self.lead_in_s = 0.0
        self.saved = 0  # takes that stopped or were abandoned after the lead-in
        self.last_position = 0.0

    def _on_rehearsal_ticked(self, frame: object) -> None:
        position = getattr(frame, "position")  # noqa: B009 - a Frame, sent as object
        self.prompter.set_position(position)

    @initialize(text=st.sampled_from(TEXTS), lead_in_s=st.sampled_from([0, 3]))
    def open_a_script(self, text: str, lead_in_s: int) -> None:
        self.preferences.lead_in_s = lead_in_s
        self.lead_in_s = float(self.preferences.lead_in_s)
        script = self.repository.add_script(Script("Take", ScriptKind.VOICEMAIL, 30.0, text))
        assert script.id is not None
        self.script_id, self.text = script.id, text
        self.rehearsal.set_script(script)
        self.prompter.set_text(clean_text(text))

    # --- rules ------------------------------------------------------------------------------
    @precondition(lambda self: self.pressed_at is None)
    @rule()
    def start(self) -> None:
        self.rehearsal.start(self.text)
        self.pressed_at = self.clock.now
        self.last_position = 0.0

    @rule(seconds=CLOCK_JUMPS, abandon=st.booleans())
    def stop(self, seconds: float, abandon: bool) -> None:
        """Read for ``seconds`` more, then press Space (or Esc); with no take, nothing."""
        self.time_passes(seconds)
        before = len(self.repository.list_attempts(self.script_id))
        attempt = self.rehearsal.abandon() if abandon else self.rehearsal.stop()
        if self.pressed_at is None:
            assert attempt is None
            return
        elapsed_s = self.clock.now - (self.pressed_at + self.lead_in_s)
        self.pressed_at = None
        stored = self.repository.list_attempts(self.script_id)
        if self.lead_in_s > 0 and elapsed_s <= 0:  # still counting in: nothing happened
            assert attempt is None
            assert len(stored) == before
            return
        self.saved += 1
        assert attempt is not None and len(stored) == before + 1
        assert stored[-1] == attempt  # saved once, as returned
        assert attempt.duration_s == pytest.approx(round(max(0.0, elapsed_s), 3), abs=1e-9)
        assert attempt.outcome is (Outcome.ABANDONED if abandon else Outcome.UNRATED)
        revision = self.repository.get_revision(attempt.revision_id)
        assert revision.text == clean_text(self.text)

    @precondition(lambda self: self.pressed_at is not None)
    @rule(seconds=CLOCK_JUMPS, faster=st.booleans())
    def nudge_during_a_take(self, seconds: float, faster: bool) -> None:
        self.time_passes(seconds)
        before = self.rehearsal.current_frame()
        assert before is not None
        wpm = self.rehearsal.nudge(faster, self.text)
        assert wpm is not None and MIN_WPM <= wpm <= MAX_WPM
        after = self.rehearsal.current_frame()
        assert after is not None
        assert after.position == pytest.approx(before.position)  # continuous at the nudge
        assert after.reading.elapsed_s == before.reading.elapsed_s  # the clock runs on

    @precondition(lambda self: self.pressed_at is None)
    @rule(faster=st.booleans())
    def nudge_between_takes(self, faster: bool) -> None:
        wpm = self.rehearsal.nudge(faster, self.text)
        assert wpm is not None and MIN_WPM <= wpm <= MAX_WPM
        assert self.repository.get_script(self.script_id).words_per_minute == wpm

    @rule()
    def fit_pace(self) -> None:
        self.rehearsal.fit_pace(self.text)
        assert self.repository.get_script(self.script_id).words_per_minute is None

    @rule(pixels=st.integers(min_value=MIN_FONT_PX, max_value=MAX_FONT_PX))
    def change_font(self, pixels: int) -> None:
        before = self.prompter.position()
        frame_before = self.rehearsal.current_frame()
        self.prompter.set_font_px(pixels)
        self.prompter.render(self.image)  # lays the text out again at the new size
        assert self.prompter.position() == before
        frame_after = self.rehearsal.current_frame()
        if frame_before is not None and frame_after is not None:
            assert frame_after.position == frame_before.position

    @rule(seconds=CLOCK_JUMPS)
    def time_passes(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.rehearsal.tick()
        if self.pressed_at is not None:
            self.prompter.render(self.image)

    @precondition(lambda self: self.pressed_at is None)
    @rule(text=st.sampled_from(TEXTS))
    def save_new_text(self, text: str) -> None:
        self.repository.save_text(self.script_id, text)
        self.text = text
        self.prompter.set_text(clean_text(text))

    # --- invariants -------------------------------------------------------------------------
    @invariant()
    def at_most_one_take_runs(self) -> None:
        assert self.rehearsal.running == (self.pressed_at is not None)

    @invariant()
    def the_reading_position_is_on_the_text_and_never_goes_back(self) -> None:
        frame = self.rehearsal.current_frame()
        if frame is None or self.pressed_at is None:
            return
        last_word = max(0, len(self.rehearsal.spoken_words(self.text).weights) - 1)
        assert 0.0 <= frame.position <= last_word
        assert frame.position >= self.last_position
        self.last_position = frame.position

    @invariant()
    def the_countdown_reads_the_clock(self) -> None:
        frame = self.rehearsal.current_frame()
        if frame is None or self.pressed_at is None:
            return
        expected = max(0.0, self.clock.now - (self.pressed_at + self.lead_in_s))
        assert frame.reading.elapsed_s == pytest.approx(expected, rel=1e-12, abs=1e-9)

    @invariant()
    def every_finished_take_is_saved_once(self) -> None:
        assert len(self.repository.list_attempts(self.script_id)) == self.saved
        assert self.rehearsal.unsaved_count == 0

    @invariant()
    def the_pace_stays_in_bounds(self) -> None:
        wpm, _fitted = self.rehearsal.pace_for(self.text)
        assert MIN_WPM <= wpm <= MAX_WPM
        frame = self.rehearsal.current_frame()
        if frame is not None:
            assert MIN_WPM <= frame.words_per_minute <= MAX_WPM

    def teardown(self) -> None:
        if self.rehearsal.running:
            self.rehearsal.abandon()
        self.prompter.deleteLater()
        self.rehearsal.deleteLater()
        close_database(self.db)
        self._folder.cleanup()


def test_the_take_life_cycle_keeps_its_invariants(qapp: QApplication) -> None:
    run_state_machine_as_test(
        TakeLifeCycle,
        settings=settings(
            max_examples=100,
            stateful_step_count=30,
            deadline=None,
            database=None,
            derandomize=True,  # the same runs everywhere: CI never meets a new failure
        ),
    )
