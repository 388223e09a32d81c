"""One rehearsal take: the countdown and the pacing of one revision, started and stopped together.

The take is pure state driven by an injected monotonic clock; the UI asks it where things are
on every frame and turns the result into an Attempt when it ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from app.domain.attempt import Attempt, Outcome
from app.domain.countdown import Clock, Countdown, Phase, Reading
from app.domain.pacing import Pacing


@dataclass(frozen=True, slots=True)
class Frame:
    """What to draw at one instant of a take."""

    reading: Reading
    position: float  # fractional word index on the reading line
    words_per_minute: float
    in_number_zone: bool = False  # the reading line is on a phone number: slow and clear


class Take:
    """A take of one revision: lead-in, free-running clock, word-time pacing."""

    def __init__(
        self,
        clock: Clock,
        *,
        script_id: int,
        revision_id: int,
        word_total: int,
        target_s: float,
        words_per_minute: float,
        lead_in_s: float = 0.0,
        amber_last_s: float = 10.0,
        weights: Sequence[float] | None = None,
        zones: Sequence[tuple[int, int]] = (),
        wait_for_voice: bool = False,
        word_count: int | None = None,  # as the user counts: a phone number once
    ) -> None:
        if word_total <= 0:
            raise ValueError("a take needs at least one word")
        self.script_id = script_id
        self.revision_id = revision_id
        self.word_total = word_total
        self.word_count = word_total if word_count is None else word_count
        self.countdown = Countdown(clock, target_s, amber_last_s=amber_last_s, lead_in_s=lead_in_s)
        self.pacing = Pacing(word_total, words_per_minute, weights, zones)
        self.started_at_utc = ""
        self._wait_for_voice = wait_for_voice
        self.waiting = False  # hands-free: started, the clock waiting for the first word

    @property
    def running(self) -> bool:
        return self.waiting or self.countdown.running

    def start(self, now_utc: datetime | None = None) -> None:
        self.started_at_utc = (now_utc or datetime.now(UTC)).isoformat(timespec="milliseconds")
        if self._wait_for_voice:
            self.waiting = True
        else:
            self.countdown.start()

    def begin_at(self, at: float) -> None:
        """The first word was heard at ``at`` (on the take's clock): the clock starts there."""
        if self.waiting:
            self.waiting = False
            self.countdown.start(at)

    def frame(self) -> Frame:
        if self.waiting:
            target = self.countdown.target_s
            return Frame(
                Reading(Phase.WAITING, 0.0, target, 0.0, 0.0, False),
                0.0,
                self.pacing.words_per_minute,
            )
        reading = self.countdown.read()
        position = self.pacing.position_at(reading.elapsed_s)
        return Frame(
            reading,
            position,
            self.pacing.words_per_minute,
            bool(self.pacing.zones) and self.pacing.in_number_zone(position),
        )

    def nudge(self, factor: float) -> float:
        """Speed the scroll up or down from now on; the clock keeps running."""
        return self.pacing.nudge(self.countdown.elapsed_s(), factor)

    def in_lead_in(self) -> bool:
        """Before the clock runs (counting in, or waiting for the first word)."""
        return self.waiting or self.countdown.in_lead_in()

    def finish(self, outcome: Outcome = Outcome.UNRATED) -> Attempt:
        """Stop the clock and describe the take as an Attempt ready to be saved."""
        duration_s = 0.0 if self.waiting else self.countdown.stop()
        self.waiting = False
        return Attempt(
            script_id=self.script_id,
            revision_id=self.revision_id,
            started_at=self.started_at_utc,
            duration_s=round(duration_s, 3),
            target_s=self.countdown.target_s,
            words=self.word_count,
            reached_end=self.pacing.reached_end(duration_s),
            outcome=outcome,
        )
