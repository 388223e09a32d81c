"""How Brevity counts (``app.domain.verdicts``): every finished take counts, the best is the
one closest to the target without going over, and rushing is never rewarded."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC

import pytest

from app.domain.attempt import Outcome
from app.domain.stats import (
    encouragement,
    on_target_of_last,
    personal_best,
    summarize,
    takes_for_trend,
    trend,
)
from app.domain.verdicts import Judgement, judge, pace_wpm, result_line
from tests.unit.domain.test_stats import TODAY, at, series, take


def test_a_take_stopped_before_the_end_counts_as_best_and_on_target() -> None:
    stopped = take(27.9, started_at=at(TODAY, 9), reached_end=False, outcome=Outcome.GOOD)
    summary = summarize([stopped], TODAY, UTC)
    assert summary.personal_best_s == 27.9
    assert (summary.on_target, summary.considered) == (0, 1)  # 2.1 s under: "under", not "on"
    nearer = take(29.5, started_at=at(TODAY, 10), reached_end=False)
    assert on_target_of_last([stopped, nearer]) == (1, 2)


def test_a_later_take_over_the_target_is_not_a_new_best() -> None:
    stopped = take(27.9, started_at=at(TODAY, 9), reached_end=False, outcome=Outcome.GOOD)
    over = take(31.1, started_at=at(TODAY, 10))
    assert personal_best([stopped, over]) is stopped
    assert "personal best" not in encouragement([stopped, over], over, UTC)


def test_the_best_is_closest_to_the_target_without_going_over() -> None:
    attempts = series(31.0, 26.0, 29.4, 27.0, 30.4)
    assert personal_best(attempts) is attempts[2]


def test_a_tie_goes_to_the_later_take_and_says_so() -> None:
    attempts = series(29.0, 35.0, 29.0)
    assert personal_best(attempts) is attempts[2]
    assert encouragement(attempts, attempts[2], UTC) == "Equals your best: 29.0 s"


@pytest.mark.parametrize("outcome", [Outcome.STUMBLED, Outcome.RAMBLED, Outcome.ABANDONED])
def test_a_take_marked_as_a_failure_is_never_best(outcome: Outcome) -> None:
    good = take(26.0, started_at=at(TODAY, 9))
    failed = take(29.8, started_at=at(TODAY, 10), outcome=outcome)
    assert personal_best([good, failed]) is good


def test_a_rushed_take_far_under_target_is_not_praised_nor_best() -> None:
    earlier = take(28.0, started_at=at(TODAY, 9))
    rushed = replace(take(21.0, started_at=at(TODAY, 10)), words=79)  # 226 wpm
    assert judge(rushed) is Judgement.TOO_FAST
    assert personal_best([earlier, rushed]) is earlier
    assert on_target_of_last([earlier, rushed]) == (1, 2)  # 28.0 s is on; 21.0 s is not
    assert "best" not in encouragement([earlier, rushed], rushed, UTC)
    assert result_line(rushed) == "21.0 s at 226 wpm — too fast to follow; slow down"


def test_the_readable_pace_is_a_parameter() -> None:
    brisk = replace(take(24.0), words=79)  # 197.5 wpm
    assert pace_wpm(brisk) == pytest.approx(197.5)
    assert judge(brisk) is Judgement.TOO_FAST
    assert judge(brisk, readable_wpm=200) is Judgement.UNDER
    assert summarize([brisk], TODAY, UTC, readable_wpm=200).personal_best_s == 24.0


def test_rushed_takes_do_not_make_the_trend_look_faster() -> None:
    steady = series(*[29.0] * 12)
    rushed = [replace(a, words=120, duration_s=20.0) for a in series(*[20.0] * 10, day=TODAY)]
    assert trend([*steady, *rushed]) == pytest.approx(0.0)


def test_the_trend_says_how_many_more_takes_it_needs() -> None:
    assert takes_for_trend([]) == 12
    attempts = series(*[30.0] * 11)
    attempts[-1] = replace(attempts[-1], outcome=Outcome.ABANDONED)  # 10 finished takes
    assert takes_for_trend(attempts) == 2
    assert summarize(attempts, TODAY, UTC).takes_for_trend == 2
    assert takes_for_trend(series(*[30.0] * 12)) == 0


def test_the_summary_names_the_best_take_by_id_and_chart_number() -> None:
    attempts = [replace(a, id=i + 40) for i, a in enumerate(series(33.0, 29.0, 31.0))]
    summary = summarize(attempts, TODAY, UTC)
    assert (summary.best_id, summary.best_take, summary.personal_best_s) == (41, 2, 29.0)
    assert summary.to_json()["best"] == {"id": 41, "take": 2, "length_s": 29.0}


def test_the_result_line_names_both_lengths_when_the_speech_was_measured() -> None:
    measured = replace(take(27.6), spoken_s=25.6, speech_start_s=1.0, speech_end_s=26.6)
    assert result_line(measured) == "25.6 s spoken (take 27.6 s) — 4.4 s under target"
    assert result_line(take(30.4)) == "30.4 s — on target"
    assert result_line(take(33.0)) == "33.0 s — 3.0 s over"


def test_the_result_line_says_where_a_take_stopped_early() -> None:
    stopped = take(27.9, reached_end=False)
    assert (
        result_line(stopped, lines_left=3) == "27.9 s — 2.1 s under target · stopped 3 lines early"
    )
    assert result_line(stopped, lines_left=1).endswith("stopped 1 line early")
    assert result_line(stopped).endswith("· stopped before the end")
