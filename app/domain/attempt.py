"""One rehearsal take as it is logged, and how it went."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Outcome(StrEnum):
    """How the user says a take went. The values are stored as they are: never rename them."""

    NAILED = "nailed"
    GOOD = "good"
    STUMBLED = "stumbled"
    RAMBLED = "rambled"
    ABANDONED = "abandoned"
    UNRATED = "unrated"  # saved at stop, before the user picked one

    @property
    def label(self) -> str:
        return self.value.capitalize()


# The keys 1-4 after a take, in this order.
RATED_OUTCOMES: tuple[Outcome, ...] = (
    Outcome.NAILED,
    Outcome.GOOD,
    Outcome.STUMBLED,
    Outcome.RAMBLED,
)


class TargetVerdict(StrEnum):
    UNDER = "under"
    ON = "on"
    OVER = "over"


# A take within this many seconds either side of the target counts as "on target".
ON_TARGET_TOLERANCE_S = 2.0


def verdict(duration_s: float, target_s: float) -> TargetVerdict:
    """Under, on or over target — derived from the duration, never asked."""
    if duration_s > target_s + ON_TARGET_TOLERANCE_S:
        return TargetVerdict.OVER
    if duration_s < target_s - ON_TARGET_TOLERANCE_S:
        return TargetVerdict.UNDER
    return TargetVerdict.ON


@dataclass(frozen=True, slots=True)
class Attempt:
    """A logged take. ``id`` is None until stored; ``started_at`` is UTC ISO 8601."""

    script_id: int
    revision_id: int
    started_at: str
    duration_s: float
    target_s: float
    words: int
    reached_end: bool
    outcome: Outcome
    note: str = ""
    id: int | None = None
    # The voice, when the take was recorded (see app/domain/voice.py). ``recording`` is the
    # WAV file's path relative to the data folder; the speech figures are None until the
    # recording has been analysed, and stay None for a take without speech.
    recording: str | None = None
    speech_start_s: float | None = None  # from the key press (lead-in excluded) to the 1st word
    speech_end_s: float | None = None
    spoken_s: float | None = None  # speech_end_s - speech_start_s: the message's real length
    pauses: int | None = None  # silences of at least PAUSE_MIN_S inside the speech
    longest_pause_s: float | None = None

    @property
    def timed_s(self) -> float:
        """The take's length as the listener hears it: the speech when it was measured,
        otherwise the time between the key presses."""
        return self.spoken_s if self.spoken_s is not None else self.duration_s

    @property
    def verdict(self) -> TargetVerdict:
        return verdict(self.timed_s, self.target_s)

    @property
    def within_target(self) -> bool:
        """True when the take finished by the target (under or on)."""
        return self.verdict is not TargetVerdict.OVER
