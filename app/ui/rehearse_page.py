"""The Rehearse tab: countdown on top, teleprompter in the middle, the result panel below."""

from __future__ import annotations

import math

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.attempt import Attempt, Outcome
from app.domain.countdown import Phase, Reading
from app.domain.take import Frame
from app.domain.verdicts import DEFAULT_READABLE_WPM
from app.ui.countdown_view import CountdownView
from app.ui.outcome_panel import OutcomePanel
from app.ui.prompter import Prompter
from app.ui.voice_strip import VoiceStrip

READY_HINT = "Space to start · ↑/↓ pace · F1 all shortcuts"
RATE_HINT = "Rate it with 1–4 · Space to try again"
AGAIN_HINT = "Space to try again"
EMPTY_HINT = "This script is empty — write it in the Edit tab (Ctrl+E) first"
NO_SCRIPT_HINT = "Create a script with Ctrl+N to start rehearsing"


class RehearsePage(QWidget):
    """Shows a take's frames, or the script at rest; decides nothing itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown_view = CountdownView()
        self.voice_strip = VoiceStrip()  # the quiet level meter and the microphone note
        self.prompter = Prompter()
        self.outcome_panel = OutcomePanel()
        self.outcome_panel.hide()
        # Before Space: the pace a take would scroll at is too fast to read aloud.
        self.pace_warning_label = QLabel()
        self.pace_warning_label.setObjectName("paceWarning")
        self.pace_warning_label.setWordWrap(True)
        self.pace_warning_label.setAccessibleName("Pace warning")
        font = QFont(self.pace_warning_label.font())
        font.setBold(True)
        self.pace_warning_label.setFont(font)
        self.pace_warning_label.hide()
        self._after_take_hint = RATE_HINT
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.countdown_view)
        column.addWidget(self.voice_strip)
        column.addWidget(self.pace_warning_label)
        column.addWidget(self.prompter, 1)
        column.addWidget(self.outcome_panel)
        self.outcome_panel.note_left.connect(self.prompter.setFocus)

    def show_at_rest(
        self,
        text: str,
        target_s: float | None,
        pace: tuple[float, bool],
        startable: bool,
        number_spans: list[tuple[int, int]] | None = None,
        *,
        pace_warning: str = "",
    ) -> None:
        """The script before a take: first word on the reading line, the full target.

        ``number_spans`` are the phone numbers the take will slow down for, marked in the text.
        """
        self.prompter.set_text(text)
        self.prompter.set_number_spans(number_spans or [])
        self.prompter.set_position(0.0)
        self.prompter.set_number_zone(False)
        self.prompter.set_overlay("")
        self.show_pace_warning(pace_warning if target_s is not None else "")
        if target_s is None:
            self.prompter.set_hint(NO_SCRIPT_HINT)
            return
        self.countdown_view.show_pace(*pace)
        if not self.outcome_panel.isHidden():
            # The last take is still being rated: the header and the hint stay with it
            # rather than say "Ready" above its rating bar.
            self.prompter.set_hint(self._after_take_hint if startable else EMPTY_HINT)
            return
        self.prompter.set_hint(READY_HINT if startable else EMPTY_HINT)
        self.countdown_view.show_reading(
            Reading(Phase.IDLE, 0.0, target_s, 0.0, 0.0, False), target_s
        )

    def show_pace_warning(self, warning: str) -> None:
        """ "Too fast to read aloud: 302 wpm. Cut about 61 words…", or "" to hide it."""
        self.pace_warning_label.setText(warning)
        self.pace_warning_label.setVisible(bool(warning))

    def show_started(self) -> None:
        self.pace_warning_label.hide()  # said before Space; the take needs the room now
        self.outcome_panel.hide()
        self.prompter.set_hint("")
        self.prompter.setFocus()

    def show_frame(self, frame: Frame, target_s: float) -> None:
        reading = frame.reading
        self.prompter.set_position(frame.position)
        self.prompter.set_number_zone(frame.in_number_zone)
        lead_in = reading.phase is Phase.LEAD_IN
        self.prompter.set_overlay(f"{math.ceil(reading.lead_in_left_s)}" if lead_in else "")
        self.countdown_view.show_reading(reading, target_s)

    def show_saved(
        self, attempt: Attempt, cheer: str, readable_wpm: float = DEFAULT_READABLE_WPM
    ) -> None:
        # Where the reading line was when the take stopped: "stopped 3 lines early".
        lines_left = 0 if attempt.reached_end else self.prompter.lines_left()
        self.outcome_panel.show_attempt(
            attempt, cheer, readable_wpm=readable_wpm, lines_left=lines_left
        )
        self.prompter.set_number_zone(False)
        abandoned = attempt.outcome is Outcome.ABANDONED
        self._after_take_hint = AGAIN_HINT if abandoned else RATE_HINT
        self.prompter.set_hint(self._after_take_hint)
