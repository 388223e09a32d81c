"""Practice statistics — personal best, streaks, share within target, trend — from attempt rows.

Everything is derived from the logged attempts (never from stored counters), so the figures are
always consistent with the history. "Today" and the user's time zone are parameters, so the
results are deterministic and testable.

Two kinds of takes matter here:

* a *practice* take is any take that was not abandoned — it counts towards totals, streaks,
  averages, the within-target share and the trend;
* a *clean* take is a practice take that reached the end of the script and that the user did not
  rate as stumbled or rambled (nailed, good or still unrated) — only these can be a personal best.

A take's length is ``Attempt.timed_s``: the spoken length when the recording was measured,
otherwise the time between the key presses — the same length the target verdict uses, so the
best, the on-target share and the trend never disagree with the history's verdicts. A take
stopped early still never counts as a length, however it was measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from statistics import fmean

from app.domain.attempt import Attempt, Outcome

DEFAULT_WINDOW = 10

# Outcomes a completed take may have and still be a "best": a take that stumbled or rambled is not.
_CLEAN_OUTCOMES = frozenset({Outcome.NAILED, Outcome.GOOD, Outcome.UNRATED})


def local_date(started_at: str, tz: tzinfo) -> date:
    """The user's calendar date for a UTC ISO 8601 timestamp (a naive one is taken as UTC)."""
    return _moment(started_at).astimezone(tz).date()


def is_practice(attempt: Attempt) -> bool:
    """True for every take except an abandoned one."""
    return attempt.outcome is not Outcome.ABANDONED


def is_timed(attempt: Attempt) -> bool:
    """A practice take that ran to the end, so its length is the message's length.

    A take stopped early (say after 3 s) is practice, but calling it "within target" or
    letting it pull the average down would be praise the user did not earn.
    """
    return is_practice(attempt) and attempt.reached_end


def is_clean(attempt: Attempt) -> bool:
    """True for a completed take (reached the end, not abandoned) rated nailed, good or unrated."""
    return attempt.reached_end and attempt.outcome in _CLEAN_OUTCOMES


def _moment(started_at: str) -> datetime:
    moment = datetime.fromisoformat(started_at)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _instant(attempt: Attempt) -> datetime:
    return _moment(attempt.started_at)


def _timed(attempts: Sequence[Attempt]) -> list[Attempt]:
    """Takes that ran to the end, oldest first (a stable sort keeps equal timestamps in order)."""
    return sorted((a for a in attempts if is_timed(a)), key=_instant)


def personal_best(attempts: Sequence[Attempt]) -> Attempt | None:
    """The shortest *clean* take (by ``timed_s``), or None if there is none.

    Clean means it reached the end, was not abandoned and was rated nailed, good or not yet
    rated: a take that stumbled or rambled is not a "best", however short. The target is not
    considered, so a best may still be over target. On a tie the earlier take wins.
    """
    clean = [a for a in sorted(attempts, key=_instant) if is_clean(a)]
    return min(clean, key=lambda a: a.timed_s, default=None)


def attempts_today(attempts: Sequence[Attempt], today: date, tz: tzinfo) -> int:
    """How many practice (non-abandoned) takes started on ``today`` in the user's time zone."""
    return sum(1 for a in attempts if is_practice(a) and local_date(a.started_at, tz) == today)


def daily_streak(attempts: Sequence[Attempt], today: date, tz: tzinfo) -> int:
    """Consecutive local days with at least one practice take, ending today.

    If there is nothing yet today, the streak ending yesterday is still alive (the day is not
    over), so it is returned unchanged; it drops to 0 only once a whole day is missed.
    """
    days = {local_date(a.started_at, tz) for a in attempts if is_practice(a)}
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def on_target_of_last(attempts: Sequence[Attempt], n: int = DEFAULT_WINDOW) -> tuple[int, int]:
    """(within target, considered) over the last ``n`` timed takes; considered ≤ n.

    "Within target" is ``Attempt.within_target``: finished by target + tolerance (under counts).
    """
    if n < 1:
        raise ValueError(f"window must be at least 1 take, got {n}")
    window = _timed(attempts)[-n:]
    return sum(1 for a in window if a.within_target), len(window)


def trend(attempts: Sequence[Attempt], n: int = DEFAULT_WINDOW) -> float | None:
    """Mean length (``timed_s``) of the last ``n`` timed takes minus that of the ``n`` before.

    Negative means getting shorter. None unless each window holds at least 2 takes (the older
    window may be partly filled: with 13 takes and n=10 it compares the last 10 with the first 3).
    """
    if n < 2:
        raise ValueError(f"window must be at least 2 takes, got {n}")
    durations = [a.timed_s for a in _timed(attempts)]
    recent, earlier = durations[-n:], durations[-2 * n : -n]
    if len(recent) < 2 or len(earlier) < 2:
        return None
    return fmean(recent) - fmean(earlier)


def average_duration(attempts: Sequence[Attempt]) -> float | None:
    """Mean length (``timed_s``) of all timed takes, or None if there are none."""
    durations = [a.timed_s for a in attempts if is_timed(a)]
    return fmean(durations) if durations else None


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures a stats panel shows; every count is of practice (non-abandoned) takes."""

    total: int
    attempts_today: int
    daily_streak: int
    personal_best_s: float | None
    on_target: int
    considered: int
    trend_s: float | None
    average_s: float | None


def summarize(attempts: Sequence[Attempt], today: date, tz: tzinfo) -> Summary:
    """All the statistics at once; pass one script's takes for a per-script view."""
    best = personal_best(attempts)
    on_target, considered = on_target_of_last(attempts)
    return Summary(
        total=sum(1 for a in attempts if is_practice(a)),
        attempts_today=attempts_today(attempts, today, tz),
        daily_streak=daily_streak(attempts, today, tz),
        personal_best_s=best.timed_s if best is not None else None,
        on_target=on_target,
        considered=considered,
        trend_s=trend(attempts),
        average_s=average_duration(attempts),
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


def encouragement(attempts: Sequence[Attempt], latest: Attempt, tz: tzinfo) -> str:
    """One short, encouraging and *true* line about ``latest``, compared with earlier takes.

    Comparisons (best, within-target share, average) use the earlier takes of the same script;
    the day streak uses every take passed in, up to ``latest``'s local day. Only takes that
    reached the end are praised for time. Priority: new personal best > within-target share >
    under average > day streak > a plain, still-true fallback.
    """
    if latest.outcome is Outcome.ABANDONED:
        return "Take abandoned — press Space when you're ready"
    history = _history_until(attempts, latest)
    same_script = [a for a in history if a.script_id == latest.script_id]
    earlier = same_script[:-1]
    if not earlier:
        return "First take logged — press Space to go again"
    return _praise(earlier, same_script, latest) or _fallback(history, latest, tz)


def _praise(earlier: list[Attempt], same_script: list[Attempt], latest: Attempt) -> str | None:
    """A time-based compliment that is true for ``latest``, or None if none is earned."""
    if not latest.reached_end:
        return None
    previous_best = personal_best(earlier)
    if is_clean(latest) and (previous_best is None or latest.timed_s < previous_best.timed_s):
        return f"New personal best: {latest.timed_s:.1f} s"
    on_target, considered = on_target_of_last(same_script)
    if latest.within_target and considered >= 2:
        return f"Within target — {on_target} of your last {considered}"
    earlier_timed = [a for a in earlier if is_timed(a)]
    if len(earlier_timed) >= 2:
        below_s = round(fmean(a.timed_s for a in earlier_timed) - latest.timed_s, 1)
        if below_s >= 0.1:
            return f"{below_s:.1f} s under your average"
    return None


def _fallback(history: list[Attempt], latest: Attempt, tz: tzinfo) -> str:
    """The day streak if there is one, else a gentle line that is still true."""
    streak = daily_streak(history, local_date(latest.started_at, tz), tz)
    if streak >= 2:
        return f"{streak} days in a row"
    if not latest.within_target:
        over_s = latest.timed_s - latest.target_s
        return f"Over by {over_s:.1f} s — trim a sentence and try again"
    if latest.reached_end:
        return f"{latest.timed_s:.1f} s, within target — press Space to go again"
    return "Take logged — press Space to go again"
