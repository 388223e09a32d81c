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

    @property
    def verdict(self) -> TargetVerdict:
        return verdict(self.duration_s, self.target_s)

    @property
    def within_target(self) -> bool:
        """True when the take finished by the target (under or on)."""
        return self.verdict is not TargetVerdict.OVER
