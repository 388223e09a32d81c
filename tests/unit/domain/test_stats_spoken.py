"""The statistics go by ``timed_s``: the spoken length where it was measured, so the best, the
on-target share, the trend and the praise agree with the verdicts in the history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC

from app.domain.attempt import Attempt, Outcome, TargetVerdict
from app.domain.stats import (
    average_duration,
    encouragement,
    on_target_of_last,
    personal_best,
    summarize,
    trend,
)
from tests.unit.domain.test_stats import TODAY, series, take


def spoken(attempt: Attempt, spoken_s: float) -> Attempt:
    """The take with its speech measured: ``spoken_s`` from 0.5 s after the clock started."""
    return replace(
        attempt, speech_start_s=0.5, speech_end_s=0.5 + spoken_s, spoken_s=spoken_s, pauses=1
    )


def test_the_personal_best_goes_by_the_spoken_length() -> None:
    slow_presses = spoken(take(34.0), 29.0)  # 34 s between the keys (over), 29 s of speech
    quick = take(26.0)  # not measured: its key-press length stands
    best = personal_best([quick, slow_presses])
    assert best is slow_presses
    assert summarize([quick, slow_presses], TODAY, UTC).personal_best_s == 29.0


def test_a_take_stopped_early_counts_by_its_speech() -> None:
    early = spoken(take(9.0, reached_end=False), 8.0)
    full = spoken(take(31.0), 29.0)
    assert personal_best([early, full]) is full  # closer to the target
    assert on_target_of_last([early, full]) == (1, 2)
    assert average_duration([early, full]) == 18.5


def test_on_target_counts_the_spoken_length() -> None:
    over_by_the_keys = spoken(take(35.0), 30.5)
    assert over_by_the_keys.verdict is TargetVerdict.ON
    assert on_target_of_last([over_by_the_keys, take(35.0)]) == (1, 2)


def test_the_trend_and_the_average_use_the_spoken_length() -> None:
    earlier = series(40.0, 40.0)
    later = [spoken(a, 30.0) for a in series(40.0, 40.0, day=TODAY.replace(day=27))]
    assert trend([*earlier, *later], n=2) == -10.0
    assert average_duration(later) == 30.0


def test_the_praise_quotes_the_spoken_length() -> None:
    first = take(33.0, outcome=Outcome.GOOD)
    latest = spoken(series(40.0, day=TODAY.replace(day=27))[0], 27.25)
    assert encouragement([first, latest], latest, UTC) == "New personal best: 27.2 s"
