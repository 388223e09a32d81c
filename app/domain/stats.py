"""Practice statistics — best take, today, streak, on target, trend — from attempt rows.

Everything is derived from the logged attempts (never from stored counters), so the figures are
always consistent with the history. "Today" and the user's time zone are parameters, so the
results are deterministic and testable. What counts as finished, on target, too fast or best
is decided in one place, ``app.domain.verdicts`` (its docstring is the rule); this module only
counts with it, for the Progress cards, the chart, the praise after a take and ``brevity
stats``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from statistics import fmean

from app.domain.attempt import Attempt, Outcome
from app.domain.verdicts import (
    DEFAULT_READABLE_WPM,
    Judgement,
    best_take,
    counts_for_trend,
    is_finished,
    is_on_target,
    judge,
)

DEFAULT_WINDOW = 10
TREND_TAKES = DEFAULT_WINDOW + 2  # the last 10 against at least 2 before them


def local_date(started_at: str, tz: tzinfo) -> date:
    """The user's calendar date for a UTC ISO 8601 timestamp (a naive one is taken as UTC)."""
    return _moment(started_at).astimezone(tz).date()


def _moment(started_at: str) -> datetime:
    moment = datetime.fromisoformat(started_at)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _instant(attempt: Attempt) -> datetime:
    return _moment(attempt.started_at)


def _finished(attempts: Sequence[Attempt]) -> list[Attempt]:
    """Finished takes, oldest first (a stable sort keeps equal timestamps in order)."""
    return sorted((a for a in attempts if is_finished(a)), key=_instant)


def personal_best(
    attempts: Sequence[Attempt], readable_wpm: float = DEFAULT_READABLE_WPM
) -> Attempt | None:
    """The best take (``verdicts.best_take``: closest to its target without going over, rated
    well or not yet, not too fast; the later one on a tie), or None if there is none."""
    return best_take(sorted(attempts, key=_instant), readable_wpm)


def attempts_today(attempts: Sequence[Attempt], today: date, tz: tzinfo) -> int:
    """How many practice (non-abandoned) takes started on ``today`` in the user's time zone."""
    return sum(1 for a in attempts if is_finished(a) and local_date(a.started_at, tz) == today)


def daily_streak(attempts: Sequence[Attempt], today: date, tz: tzinfo) -> int:
    """Consecutive local days with at least one practice take, ending today.

    If there is nothing yet today, the streak ending yesterday is still alive (the day is not
    over), so it is returned unchanged; it drops to 0 only once a whole day is missed.
    """
    days = {local_date(a.started_at, tz) for a in attempts if is_finished(a)}
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def on_target_of_last(
    attempts: Sequence[Attempt], n: int = DEFAULT_WINDOW, readable_wpm: float = DEFAULT_READABLE_WPM
) -> tuple[int, int]:
    """(on target, considered) over the last ``n`` finished takes; considered ≤ n.

    On target is the verdict ``on``: within the tolerance either side, not rushed.
    """
    if n < 1:
        raise ValueError(f"window must be at least 1 take, got {n}")
    window = _finished(attempts)[-n:]
    return sum(1 for a in window if is_on_target(a, readable_wpm)), len(window)


def _trend_lengths(attempts: Sequence[Attempt], readable_wpm: float) -> list[float]:
    return [a.timed_s for a in _finished(attempts) if counts_for_trend(a, readable_wpm)]


def trend(
    attempts: Sequence[Attempt], n: int = DEFAULT_WINDOW, readable_wpm: float = DEFAULT_READABLE_WPM
) -> float | None:
    """Mean length (``timed_s``) of the last ``n`` finished takes at a readable pace minus that
    of the ``n`` before.

    Negative means getting shorter. None unless each window holds at least 2 takes (the older
    window may be partly filled: with 13 takes and n=10 it compares the last 10 with the first 3).
    """
    if n < 2:
        raise ValueError(f"window must be at least 2 takes, got {n}")
    durations = _trend_lengths(attempts, readable_wpm)
    recent, earlier = durations[-n:], durations[-2 * n : -n]
    if len(recent) < 2 or len(earlier) < 2:
        return None
    return fmean(recent) - fmean(earlier)


def takes_for_trend(attempts: Sequence[Attempt], readable_wpm: float = DEFAULT_READABLE_WPM) -> int:
    """How many more finished takes at a readable pace the default trend needs (0: it has one)."""
    return max(0, TREND_TAKES - len(_trend_lengths(attempts, readable_wpm)))


def average_duration(attempts: Sequence[Attempt]) -> float | None:
    """Mean length (``timed_s``) of all finished takes, or None if there are none."""
    durations = [a.timed_s for a in attempts if is_finished(a)]
    return fmean(durations) if durations else None


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures the Progress cards and the chart show; counts are of finished takes."""

    total: int
    attempts_today: int
    daily_streak: int
    personal_best_s: float | None
    on_target: int
    considered: int
    trend_s: float | None
    average_s: float | None
    best_id: int | None = None
    best_take: int | None = None  # its take number on the chart: 1 for the first take shown
    takes_for_trend: int = 0  # finished takes still needed before there is a trend

    def to_json(self) -> dict[str, object]:
        """The figures for ``brevity stats --json``, named as the cards name them."""
        best = None
        if self.personal_best_s is not None:
            best = {"id": self.best_id, "take": self.best_take, "length_s": self.personal_best_s}
        return {
            "takes": self.total,
            "today": self.attempts_today,
            "streak_days": self.daily_streak,
            "best": best,
            "on_target": {"count": self.on_target, "of_last": self.considered},
            "trend_s": None if self.trend_s is None else round(self.trend_s, 3),
            "takes_for_trend": self.takes_for_trend,
        }


def summarize(
    attempts: Sequence[Attempt],
    today: date,
    tz: tzinfo,
    readable_wpm: float = DEFAULT_READABLE_WPM,
) -> Summary:
    """All the statistics at once; pass one script's takes for a per-script view, oldest first
    (as the chart numbers them: take ``n`` is ``attempts[n - 1]``)."""
    best = personal_best(attempts, readable_wpm)
    on_target, considered = on_target_of_last(attempts, readable_wpm=readable_wpm)
    number = next((i for i, a in enumerate(attempts, 1) if a is best), None)
    return Summary(
        total=sum(1 for a in attempts if is_finished(a)),
        attempts_today=attempts_today(attempts, today, tz),
        daily_streak=daily_streak(attempts, today, tz),
        personal_best_s=best.timed_s if best is not None else None,
        on_target=on_target,
        considered=considered,
        trend_s=trend(attempts, readable_wpm=readable_wpm),
        average_s=average_duration(attempts),
        best_id=best.id if best is not None else None,
        best_take=number,
        takes_for_trend=takes_for_trend(attempts, readable_wpm),
    )


def _history_until(attempts: Sequence[Attempt], latest: Attempt) -> list[Attempt]:
    """Takes up to and including ``latest``, oldest first; ``latest`` is added if not present."""
    ordered = sorted(attempts, key=_instant)
    if not any(a is latest for a in ordered):
        # An equal row (e.g. the same take reloaded from storage) stands for it; else append it.
        twin = next((a for a in ordered if a == latest), None)
        if twin is not None:
            latest = twin
        else:
            ordered = sorted([*ordered, latest], key=_instant)
    index = next(i for i, a in enumerate(ordered) if a is latest)
    return ordered[: index + 1]


def encouragement(
    attempts: Sequence[Attempt],
    latest: Attempt,
    tz: tzinfo,
    readable_wpm: float = DEFAULT_READABLE_WPM,
) -> str:
    """One short, encouraging and *true* line about ``latest``, compared with earlier takes.

    Comparisons (best, on-target share, average) use the earlier takes of the same script; the
    day streak uses every take passed in, up to ``latest``'s local day. A take too fast to
    follow is never praised. Priority: new best > on-target share > under average > day
    streak > a plain, still-true fallback.
    """
    if latest.outcome is Outcome.ABANDONED:
        return "Take abandoned — press Space when you're ready"
    if judge(latest, readable_wpm) is Judgement.TOO_FAST:
        return f"Slow down to about {readable_wpm:.0f} wpm: the listener has to keep up"
    history = _history_until(attempts, latest)
    same_script = [a for a in history if a.script_id == latest.script_id]
    latest, earlier = same_script[-1], same_script[:-1]  # latest: the row the history holds
    if not earlier:
        return "First take logged — press Space to go again"
    praise = _praise(earlier, same_script, latest, readable_wpm)
    return praise or _fallback(history, latest, tz, readable_wpm)


def _praise(
    earlier: list[Attempt], same_script: list[Attempt], latest: Attempt, readable_wpm: float
) -> str | None:
    """A time-based compliment that is true for ``latest``, or None if none is earned."""
    previous_best = best_take(earlier, readable_wpm)
    if best_take(same_script, readable_wpm) is latest:
        if previous_best is not None and round(previous_best.timed_s, 1) == round(
            latest.timed_s, 1
        ):
            return f"Equals your best: {latest.timed_s:.1f} s"
        return f"New personal best: {latest.timed_s:.1f} s"
    on_target, considered = on_target_of_last(same_script, readable_wpm=readable_wpm)
    if is_on_target(latest, readable_wpm) and considered >= 2:
        return f"On target — {on_target} of your last {considered}"
    earlier_finished = [a for a in earlier if counts_for_trend(a, readable_wpm)]
    # Shorter than usual is praise only for a take that said every word.
    if latest.reached_end and len(earlier_finished) >= 2:
        below_s = round(fmean(a.timed_s for a in earlier_finished) - latest.timed_s, 1)
        if below_s >= 0.1:
            return f"{below_s:.1f} s under your average"
    return None


def _fallback(history: list[Attempt], latest: Attempt, tz: tzinfo, readable_wpm: float) -> str:
    """The day streak if there is one, else a gentle line that is still true."""
    streak = daily_streak(history, local_date(latest.started_at, tz), tz)
    if streak >= 2:
        return f"{streak} days in a row"
    judgement = judge(latest, readable_wpm)
    if judgement is Judgement.OVER:
        over_s = latest.timed_s - latest.target_s
        return f"Over by {over_s:.1f} s — trim a sentence and try again"
    if judgement is Judgement.ON:
        return f"{latest.timed_s:.1f} s, on target — press Space to go again"
    return "Take logged — press Space to go again"
