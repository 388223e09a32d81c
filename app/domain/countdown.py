"""The take clock: target, elapsed time, colour phase and overtime, read from an injected clock.

Elapsed time is always ``clock() - started_at`` on a monotonic clock, never a count of timer
ticks: a stalled GUI thread cannot make the countdown lose time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

Clock = Callable[[], float]

DEFAULT_AMBER_LAST_S = 10.0  # amber for the last 10 s: from 20 s on a 30 s target
FLASH_S = 0.6  # how long the "target reached" flash stays visible


class Phase(StrEnum):
    """Where a take is; each phase has a written label so colour is never the only signal."""

    IDLE = "idle"
    LEAD_IN = "lead_in"
    WAITING = "waiting"  # hands-free: the clock starts at the first word
    CALM = "calm"
    CLOSING = "closing"
    OVERTIME = "overtime"
    STOPPED = "stopped"

    @property
    def label(self) -> str:
        return {
            Phase.IDLE: "Ready",
            Phase.LEAD_IN: "Get ready",
            Phase.WAITING: "Waiting for your first word…",
            Phase.CALM: "On pace",
            Phase.CLOSING: "Wrap up",
            Phase.OVERTIME: "Over time",
            Phase.STOPPED: "Stopped",
        }[self]


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything a view needs to draw the countdown at one instant."""

    phase: Phase
    elapsed_s: float
    remaining_s: float
    overtime_s: float
    lead_in_left_s: float
    flashing: bool


class Countdown:
    """One take's clock: optional lead-in, then a free-running count towards the target."""

    def __init__(
        self,
        clock: Clock,
        target_s: float,
        *,
        amber_last_s: float = DEFAULT_AMBER_LAST_S,
        lead_in_s: float = 0.0,
    ) -> None:
        if target_s <= 0:
            raise ValueError("target_s must be positive")
        self._clock = clock
        self.target_s = target_s
        self.amber_last_s = max(0.0, amber_last_s)
        self.lead_in_s = max(0.0, lead_in_s)
        self._pressed_at: float | None = None
        self._stopped_at: float | None = None

    @property
    def running(self) -> bool:
        return self._pressed_at is not None and self._stopped_at is None

    @property
    def take_started_at(self) -> float | None:
        """Monotonic time the take itself began (after the lead-in), or None if not started."""
        if self._pressed_at is None:
            return None
        return self._pressed_at + self.lead_in_s

    def start(self, at: float | None = None) -> None:
        """Start now, or at ``at`` (a moment already past on the clock, such as the first
        word of a hands-free take, heard a little after it was spoken)."""
        now = self._clock()
        self._pressed_at = now if at is None else min(at, now)
        self._stopped_at = None

    def stop(self) -> float:
        """Stop the clock and return the take's duration in seconds (0 if still in lead-in)."""
        if self._pressed_at is None:
            raise RuntimeError("stop() before start()")
        if self._stopped_at is None:
            self._stopped_at = self._clock()
        return self.elapsed_s()

    def in_lead_in(self) -> bool:
        return self.running and self.elapsed_s() <= 0.0 and self.lead_in_s > 0

    def elapsed_s(self) -> float:
        """Seconds since the take began; never negative, frozen once stopped."""
        started = self.take_started_at
        if started is None:
            return 0.0
        now = self._stopped_at if self._stopped_at is not None else self._clock()
        return max(0.0, now - started)

    def read(self) -> Reading:
        elapsed = self.elapsed_s()
        remaining = self.target_s - elapsed
        overtime = max(0.0, -remaining)
        lead_left = 0.0
        if self._pressed_at is None:
            phase = Phase.IDLE
        elif self._stopped_at is not None:
            phase = Phase.STOPPED
        else:
            lead_left = max(0.0, self._pressed_at + self.lead_in_s - self._clock())
            phase = self._running_phase(remaining, lead_left)
        flashing = phase is Phase.OVERTIME and overtime < FLASH_S
        return Reading(phase, elapsed, max(0.0, remaining), overtime, lead_left, flashing)

    def _running_phase(self, remaining_s: float, lead_left_s: float) -> Phase:
        if lead_left_s > 0:
            return Phase.LEAD_IN
        if remaining_s < 0:
            return Phase.OVERTIME
        if remaining_s <= self.amber_last_s:
            return Phase.CLOSING
        return Phase.CALM


def format_seconds(seconds: float) -> str:
    """``27.4 s`` under a minute, ``1:05`` above: short and unambiguous."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
