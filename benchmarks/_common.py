"""What several benchmark scripts share: the percentile figure and a typical saved take."""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta

from app.domain.attempt import Attempt, Outcome


def percentile_ms(samples_s: list[float], percent: int) -> float:
    """The ``percent``-th percentile in milliseconds (inclusive method, as numpy's default)."""
    cut_points = statistics.quantiles(samples_s, n=100, method="inclusive")
    return cut_points[percent - 1] * 1000.0


def take(script_id: int, revision_id: int, index: int, start: datetime, note: str) -> Attempt:
    """The ``index``-th of a run of good 70-word takes, one a minute from ``start``."""
    return Attempt(
        script_id=script_id,
        revision_id=revision_id,
        started_at=(start + timedelta(minutes=index)).isoformat(),
        duration_s=27.0 + index % 7,
        target_s=30.0,
        words=70,
        reached_end=True,
        outcome=Outcome.GOOD,
        note=note,
    )
