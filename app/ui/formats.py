"""The formats a take is shown in: when it started, its length against the target, its voice.

Shared by the history table, the chart's tooltips and the player, so a take reads the same
wherever it shows, whatever the system locale.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from app.domain.attempt import Attempt
from app.domain.countdown import format_seconds

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def local_time(started_at: str, tz: tzinfo | None = None) -> datetime:
    """A stored UTC ISO 8601 timestamp in ``tz`` (the system's zone when None)."""
    moment = datetime.fromisoformat(started_at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz)


def format_when(moment: datetime) -> str:
    """``Thu 26 Nov 14:03`` — short, and the same whatever the system locale."""
    return f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment:%H:%M}"


def format_when_long(moment: datetime) -> str:
    day = f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    return f"{day}, {moment:%H:%M:%S}"


def voice_summary(attempt: Attempt) -> str:
    """``Spoken 27.4 s · 3 pauses · longest 0.8 s`` (what the recording says about a take)."""
    if attempt.spoken_s is None:
        return "Recorded; no speech measured" if attempt.recording else "Not recorded"
    parts = [f"Spoken {format_seconds(attempt.spoken_s)}"]
    if attempt.pauses is not None:
        parts.append("1 pause" if attempt.pauses == 1 else f"{attempt.pauses} pauses")
        if attempt.pauses and attempt.longest_pause_s is not None:
            parts.append(f"longest {format_seconds(attempt.longest_pause_s)}")
    return " · ".join(parts)
