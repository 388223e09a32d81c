"""Statistics from attempt rows: best, today, streak, within-target share, trend, praise."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.attempt import Attempt, Outcome
from app.domain.stats import (
    Summary,
    attempts_today,
    daily_streak,
    encouragement,
    local_date,
    on_target_of_last,
    personal_best,
    summarize,
    trend,
)
from app.domain.verdicts import can_be_best

TODAY = date(2026, 11, 26)
# Fixed offsets keep the tests independent of the machine's time-zone database.
NEW_YORK = timezone(timedelta(hours=-5))
SYDNEY = timezone(timedelta(hours=11))


def at(day: date, hour: int = 12, minute: int = 0) -> str:
    """A UTC ISO 8601 timestamp in the format the repository stores."""
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
    return moment.isoformat(timespec="milliseconds")


def take(
    duration_s: float,
    *,
    started_at: str | None = None,
    outcome: Outcome = Outcome.GOOD,
    reached_end: bool = True,
    target_s: float = 30.0,
    script_id: int = 1,
) -> Attempt:
    return Attempt(
        script_id=script_id,
        revision_id=1,
        started_at=started_at or at(TODAY),
        duration_s=duration_s,
        target_s=target_s,
        words=70,
        reached_end=reached_end,
        outcome=outcome,
    )


def series(*durations: float, day: date = TODAY, **kwargs: Any) -> list[Attempt]:
    """Takes a minute apart, oldest first."""
    return [take(d, started_at=at(day, 9, minute), **kwargs) for minute, d in enumerate(durations)]


def days_ago(n: int, **kwargs: Any) -> Attempt:
    return take(28.0, started_at=at(TODAY - timedelta(days=n)), **kwargs)


# -- local_date -------------------------------------------------------------------------------


def test_local_date_converts_utc_to_the_users_day() -> None:
    assert local_date("2026-11-26T03:00:00.000+00:00", UTC) == date(2026, 11, 26)
    assert local_date("2026-11-26T03:00:00.000+00:00", NEW_YORK) == date(2026, 11, 25)
    assert local_date("2026-11-26T14:00:00.000+00:00", SYDNEY) == date(2026, 11, 27)


def test_local_date_accepts_z_suffix_and_treats_naive_as_utc() -> None:
    assert local_date("2026-11-26T03:00:00Z", NEW_YORK) == date(2026, 11, 25)
    assert local_date("2026-11-26T03:00:00", NEW_YORK) == date(2026, 11, 25)


# -- personal_best ----------------------------------------------------------------------------


def test_personal_best_of_nothing_is_none() -> None:
    assert personal_best([]) is None
    assert personal_best(series(20.0, 25.0, outcome=Outcome.ABANDONED)) is None


def test_personal_best_is_the_clean_take_closest_to_the_target_without_going_over() -> None:
    best = take(29.0, started_at=at(TODAY, 11), outcome=Outcome.UNRATED)
    attempts = [
        take(31.0, started_at=at(TODAY, 9)),
        take(27.4, started_at=at(TODAY, 10), outcome=Outcome.NAILED),
        best,
    ]
    assert personal_best(attempts) is best


@pytest.mark.parametrize(
    ("outcome", "reached_end"),
    [
        (Outcome.STUMBLED, True),
        (Outcome.RAMBLED, True),
        (Outcome.ABANDONED, True),
        (Outcome.STUMBLED, False),
    ],
)
def test_personal_best_ignores_unclean_takes(outcome: Outcome, reached_end: bool) -> None:
    # A take stopped before the end is finished and may be a best: see test_verdicts.py.
    clean = take(27.0, started_at=at(TODAY, 9))
    closer = take(29.8, started_at=at(TODAY, 10), outcome=outcome, reached_end=reached_end)
    assert personal_best([clean, closer]) is clean


def test_personal_best_is_never_over_target_and_ties_go_to_the_later_take() -> None:
    assert personal_best([take(30.1), take(40.0)]) is None
    first = take(28.0, started_at=at(TODAY, 9))
    second = take(28.0, started_at=at(TODAY, 10))
    assert personal_best([second, first]) is second


# -- attempts_today ---------------------------------------------------------------------------


def test_attempts_today_counts_practice_takes_on_the_local_day() -> None:
    attempts = [
        take(30.0, started_at="2026-11-26T04:00:00.000+00:00"),  # 25th in New York
        take(30.0, started_at="2026-11-26T06:00:00.000+00:00"),
        take(30.0, started_at="2026-11-27T04:59:00.000+00:00"),  # 23:59 on the 26th there
        take(30.0, started_at="2026-11-26T12:00:00.000+00:00", outcome=Outcome.ABANDONED),
    ]
    assert attempts_today(attempts, TODAY, NEW_YORK) == 2
    assert attempts_today(attempts, TODAY, UTC) == 2
    assert attempts_today([], TODAY, UTC) == 0


# -- daily_streak -----------------------------------------------------------------------------


def test_no_practice_means_no_streak() -> None:
    assert daily_streak([], TODAY, UTC) == 0
    assert daily_streak([days_ago(0, outcome=Outcome.ABANDONED)], TODAY, UTC) == 0


def test_streak_counts_consecutive_days_ending_today() -> None:
    attempts = [days_ago(5), days_ago(3), days_ago(2), days_ago(1), days_ago(0), days_ago(0)]
    assert daily_streak(attempts, TODAY, UTC) == 4


def test_streak_is_still_alive_when_nothing_yet_today() -> None:
    attempts = [days_ago(3), days_ago(2), days_ago(1)]
    assert daily_streak(attempts, TODAY, UTC) == 3


def test_streak_is_broken_by_a_missed_day() -> None:
    assert daily_streak([days_ago(4), days_ago(3), days_ago(2)], TODAY, UTC) == 0
    assert daily_streak([days_ago(3), days_ago(1), days_ago(0)], TODAY, UTC) == 2


def test_an_abandoned_take_does_not_keep_a_streak_alive() -> None:
    attempts = [days_ago(2), days_ago(1, outcome=Outcome.ABANDONED), days_ago(0)]
    assert daily_streak(attempts, TODAY, UTC) == 1


def test_streak_follows_the_users_midnight_not_utcs() -> None:
    # In Sydney (UTC+11) 13:30 UTC is 00:30 the next local day.
    attempts = [
        take(30.0, started_at="2026-11-24T12:30:00.000+00:00"),  # 24th 23:30 local
        take(30.0, started_at="2026-11-24T13:30:00.000+00:00"),  # 25th 00:30 local
        take(30.0, started_at="2026-11-25T14:00:00.000+00:00"),  # 26th 01:00 local
    ]
    assert daily_streak(attempts, TODAY, SYDNEY) == 3
    # In UTC the same takes fall on the 24th and 25th only: alive, ending yesterday.
    assert daily_streak(attempts, TODAY, UTC) == 2


def test_takes_after_today_do_not_extend_the_streak() -> None:
    attempts = [days_ago(1), days_ago(0), take(30.0, started_at=at(TODAY + timedelta(days=1)))]
    assert daily_streak(attempts, TODAY, UTC) == 2


# -- on_target_of_last ------------------------------------------------------------------------


def test_on_target_of_nothing() -> None:
    assert on_target_of_last([]) == (0, 0)
    assert on_target_of_last(series(20.0, 25.0, outcome=Outcome.ABANDONED)) == (0, 0)


def test_on_target_looks_at_the_last_n_practice_takes() -> None:
    # Target 30 s with 2 s tolerance: 32.0 is on, 32.1 is over, 10.0 is under (and too fast).
    attempts = [
        *series(50.0, 50.0, 50.0),
        take(25.0, started_at=at(TODAY, 10, 0), outcome=Outcome.ABANDONED),
        take(32.0, started_at=at(TODAY, 10, 1)),
        take(32.1, started_at=at(TODAY, 10, 2)),
        take(10.0, started_at=at(TODAY, 10, 3), outcome=Outcome.STUMBLED),
    ]
    assert on_target_of_last(attempts, n=3) == (1, 3)
    assert on_target_of_last(attempts, n=4) == (1, 4)
    assert on_target_of_last(attempts) == (1, 6)


def test_on_target_rejects_an_empty_window() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        on_target_of_last([], n=0)


# -- trend ------------------------------------------------------------------------------------


def test_trend_needs_two_takes_in_each_window() -> None:
    assert trend([]) is None
    assert trend(series(*[30.0] * 10)) is None
    assert trend(series(*[30.0] * 11)) is None
    assert trend(series(40.0, 40.0, *[30.0] * 10)) == pytest.approx(-10.0)


def test_trend_compares_the_last_n_with_the_n_before() -> None:
    attempts = series(99.0, 40.0, 36.0, 30.0, 26.0)
    assert trend(attempts, n=2) == pytest.approx(28.0 - 38.0)


def test_trend_is_positive_when_takes_get_longer_and_ignores_abandoned() -> None:
    attempts = [
        *series(30.0, 30.0),
        take(5.0, started_at=at(TODAY, 10), outcome=Outcome.ABANDONED),
        *series(33.0, 35.0, day=TODAY + timedelta(days=1)),
    ]
    assert trend(attempts, n=2) == pytest.approx(4.0)


def test_trend_rejects_a_window_too_small_to_average() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        trend([], n=1)


# -- summarize --------------------------------------------------------------------------------


def test_summary_of_nothing() -> None:
    assert summarize([], TODAY, UTC) == Summary(
        total=0,
        attempts_today=0,
        daily_streak=0,
        personal_best_s=None,
        on_target=0,
        considered=0,
        trend_s=None,
        average_s=None,
        takes_for_trend=12,
    )


def test_summary_bundles_every_figure() -> None:
    attempts = [
        days_ago(1),
        take(36.0, started_at=at(TODAY, 9)),
        take(10.0, started_at=at(TODAY, 10), outcome=Outcome.ABANDONED),
        take(26.0, started_at=at(TODAY, 11)),
        take(30.0, started_at=at(TODAY, 12), outcome=Outcome.RAMBLED),
    ]
    summary = summarize(attempts, TODAY, UTC)
    assert summary.total == 4
    assert summary.attempts_today == 3
    assert summary.daily_streak == 2
    assert summary.personal_best_s == 28.0  # 2 s under beats 4 s under
    assert (summary.on_target, summary.considered) == (2, 4)  # 28.0 and 30.0
    assert summary.trend_s is None
    assert summary.average_s == pytest.approx(30.0)


# -- encouragement ----------------------------------------------------------------------------


def test_abandoned_take_gets_a_kind_word() -> None:
    latest = take(8.0, outcome=Outcome.ABANDONED)
    assert encouragement([latest], latest, UTC) == "Take abandoned — press Space when you're ready"


def test_first_take_of_a_script() -> None:
    latest = take(45.0)
    other_script = take(20.0, started_at=at(TODAY, 8), script_id=2)
    expected = "First take logged — press Space to go again"
    assert encouragement([other_script, latest], latest, UTC) == expected


def test_new_personal_best_comes_first() -> None:
    attempts = series(31.0, 27.0, 28.0, 29.4)
    assert encouragement(attempts, attempts[-1], UTC) == "New personal best: 29.4 s"


def test_a_stumbled_take_is_never_a_personal_best() -> None:
    attempts = [*series(35.0, 29.0), take(29.5, started_at=at(TODAY, 10), outcome=Outcome.STUMBLED)]
    message = encouragement(attempts, attempts[-1], UTC)
    assert "personal best" not in message
    assert message == "On target — 2 of your last 3"


def test_equalling_the_best_is_not_a_new_best() -> None:
    attempts = series(29.0, 35.0, 29.0)
    assert encouragement(attempts, attempts[-1], UTC) == "Equals your best: 29.0 s"


def test_within_target_share_counts_the_last_ten() -> None:
    latest = take(29.0, started_at=at(TODAY, 10), outcome=Outcome.STUMBLED)
    attempts = [*series(*[40.0] * 5, 20.0, *[31.0] * 5), latest]
    assert encouragement(attempts, latest, UTC) == "On target — 6 of your last 10"


def test_under_average_when_over_target_but_shorter_than_usual() -> None:
    attempts = series(30.0, 40.0, 50.0, 37.6)
    assert encouragement(attempts, attempts[-1], UTC) == "2.4 s under your average"


def test_no_under_average_praise_for_a_tiny_or_negative_gap() -> None:
    attempts = series(30.0, 40.0, 45.0, 38.36)
    assert "average" not in encouragement(attempts, attempts[-1], UTC)


def test_daily_streak_when_nothing_about_the_time_is_better() -> None:
    latest = take(45.0, started_at=at(TODAY, 12))
    attempts = [days_ago(2), days_ago(1), take(30.0, started_at=at(TODAY, 9)), latest]
    assert encouragement(attempts, latest, UTC) == "3 days in a row"


def test_fallback_says_how_far_over_without_praise() -> None:
    attempts = series(30.0, 35.0, 34.2)
    assert encouragement(attempts, attempts[-1], UTC) == (
        "Over by 4.2 s — trim a sentence and try again"
    )


def test_an_unfinished_take_is_not_praised_for_being_short() -> None:
    attempts = [*series(31.0, 29.0), take(12.0, started_at=at(TODAY, 10), reached_end=False)]
    assert encouragement(attempts, attempts[-1], UTC) == "Take logged — press Space to go again"


def test_a_clean_take_within_target_after_only_abandoned_ones_is_a_best() -> None:
    attempts = [take(9.0, started_at=at(TODAY, 9), outcome=Outcome.ABANDONED), take(28.0)]
    assert encouragement(attempts, attempts[-1], UTC) == "New personal best: 28.0 s"


def test_a_stumbled_take_after_only_abandoned_ones_gets_a_plain_line() -> None:
    abandoned = take(9.0, started_at=at(TODAY, 9), outcome=Outcome.ABANDONED)
    latest = take(28.0, outcome=Outcome.STUMBLED)
    expected = "28.0 s, on target — press Space to go again"
    assert encouragement([abandoned, latest], latest, UTC) == expected


def test_other_scripts_do_not_count_in_comparisons() -> None:
    attempts = [*series(29.0, 29.9, script_id=2), *series(35.0, 27.0, day=TODAY + timedelta(1))]
    assert encouragement(attempts, attempts[-1], UTC) == "New personal best: 27.0 s"


def test_latest_may_be_missing_from_the_list_or_an_equal_copy() -> None:
    history = series(31.0, 29.0)
    latest = take(29.6, started_at=at(TODAY, 10))
    assert encouragement(history, latest, UTC) == "New personal best: 29.6 s"
    reloaded = replace(latest, note="")
    assert encouragement([*history, latest], reloaded, UTC) == "New personal best: 29.6 s"


def test_takes_after_latest_are_ignored() -> None:
    attempts = series(31.0, 29.0, 20.0)
    assert encouragement(attempts, attempts[1], UTC) == "New personal best: 29.0 s"


# -- properties -------------------------------------------------------------------------------

_BASE = datetime(2026, 10, 27, tzinfo=UTC)
_timestamps = st.integers(min_value=0, max_value=60 * 24 * 31).map(
    lambda minutes: (_BASE + timedelta(minutes=minutes)).isoformat(timespec="milliseconds")
)
_attempts = st.lists(
    st.builds(
        take,
        st.floats(min_value=1.0, max_value=120.0, allow_nan=False),
        started_at=_timestamps,
        outcome=st.sampled_from(Outcome),
        reached_end=st.booleans(),
        target_s=st.sampled_from([30.0, 45.0, 60.0]),
    ),
    max_size=30,
)


def _gap(attempt: Attempt) -> float:
    return round(attempt.target_s - attempt.timed_s, 1)


@settings(database=None, deadline=None)
@given(attempts=_attempts, n=st.integers(min_value=1, max_value=15))
def test_statistics_stay_consistent(attempts: list[Attempt], n: int) -> None:
    best = personal_best(attempts)
    eligible = [a for a in attempts if can_be_best(a)]
    assert (best is None) == (not eligible)
    assert all(best is not None and _gap(best) <= _gap(a) for a in eligible)

    on_target, considered = on_target_of_last(attempts, n)
    practice = [a for a in attempts if a.outcome is not Outcome.ABANDONED]
    assert 0 <= on_target <= considered <= n
    assert considered == min(n, len(practice))  # a take stopped early is finished too

    streak = daily_streak(attempts, TODAY, SYDNEY)
    assert 0 <= streak <= len({local_date(a.started_at, SYDNEY) for a in practice})

    if attempts:
        latest = attempts[-1]
        message = encouragement(attempts, latest, SYDNEY)
        assert message
        if "within target" in message.lower():
            assert latest.within_target
        if "under your average" in message:
            assert latest.reached_end
        if message.startswith("New personal best"):
            assert can_be_best(latest)
            earlier = [a for a in eligible if a.started_at < latest.started_at]
            assert all(_gap(latest) < _gap(a) for a in earlier)


def test_a_take_stopped_early_is_finished_but_not_praised_for_being_short() -> None:
    # Stopping after 3 s is a finished take (today, streak, the on-target share: "under"),
    # not a 3-second voicemail on target, and not "27 s under your average".
    full = [take(31.0, started_at=f"2026-11-2{d}T09:00:00.000+00:00") for d in range(4)]
    early = take(3.0, started_at="2026-11-25T09:00:00.000+00:00", reached_end=False)
    assert on_target_of_last([*full, early]) == (4, 5)
    assert summarize([*full, early], TODAY, SYDNEY).total == len(full) + 1
    assert "under your average" not in encouragement([*full, early], early, SYDNEY)
