"""Pacing with per-word weights: the number zone scrolls slower, the fit accounts for it."""

from __future__ import annotations

import time
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.pacing import NUDGE_FACTOR, Pacing, fitted_wpm
from app.domain.take import Take
from tests.helpers.clock import FakeClock

# Ten words, the fifth a phone number read at half pace (10 digits x 2).
WEIGHTS = [1.0, 1.0, 1.0, 1.0, 20.0, 1.0, 1.0, 1.0, 1.0, 1.0]
ZONES = [(4, 5)]


def test_a_zone_word_takes_its_weight_in_normal_words() -> None:
    pacing = Pacing(10, 60.0, WEIGHTS, ZONES)  # one normal word a second
    assert pacing.position_at(4.0) == pytest.approx(4.0)
    # The number stays on the line for 20 s: 10 digits, twice as slow as a word each.
    assert pacing.position_at(14.0) == pytest.approx(4.5)
    assert pacing.word_at(23.9) == 4
    assert pacing.position_at(24.0) == pytest.approx(5.0)
    assert pacing.position_at(25.5) == pytest.approx(6.5)
    assert pacing.words_per_minute == 60.0  # the base pace, as shown to the user


def test_the_zone_is_reported_while_the_number_is_on_the_line() -> None:
    pacing = Pacing(10, 60.0, WEIGHTS, ZONES)
    assert not pacing.in_number_zone_at(3.99)
    assert pacing.in_number_zone_at(4.0)
    assert pacing.in_number_zone_at(23.99)
    assert not pacing.in_number_zone_at(24.0)
    assert not Pacing(10, 60.0).in_number_zone_at(5.0)


def test_a_fitted_take_with_a_zone_ends_exactly_at_the_target() -> None:
    pacing = Pacing.fitted(10, 30.0, WEIGHTS, ZONES)
    assert pacing.words_per_minute == pytest.approx(28 * 60 / 30)  # 29 normal words
    assert not pacing.reached_end(29.99)
    assert pacing.reached_end(30.0)
    assert pacing.position_at(30.0) == pytest.approx(9.0)
    assert pacing.seconds_to_end() == pytest.approx(30.0)


def test_a_number_at_the_end_is_reached_early_enough_to_say_it() -> None:
    # "... Again, Alex Rivera, 555-201-7788." - the last word is the number.
    weights = [1.0] * 9 + [20.0]
    pacing = Pacing.fitted(10, 30.0, weights, [(9, 10)])
    seconds_per_word = 60 / pacing.words_per_minute
    # 9 words to reach it, and 19 more than a normal last word to say it: 28 gaps.
    assert pacing.words_per_minute == pytest.approx(28 * 60 / 30)
    assert pacing.reached_end(9 * seconds_per_word)
    assert pacing.in_number_zone_at(9 * seconds_per_word)
    assert pacing.seconds_to_end() == pytest.approx(30.0)


def test_fitted_pace_counts_total_weight() -> None:
    assert fitted_wpm(sum(WEIGHTS), 30.0) == pytest.approx(fitted_wpm(29, 30.0))


def test_nudges_inside_and_around_the_zone_keep_the_position_continuous() -> None:
    pacing = Pacing(10, 60.0, WEIGHTS, ZONES)
    for at in (3.5, 10.0, 23.999, 24.0):
        before = pacing.position_at(at)
        pacing.nudge(at, NUDGE_FACTOR)
        assert pacing.position_at(at) == pytest.approx(before)
    # After the last nudge the pace is 60 * 1.05^4 normal words per minute.
    wpm = 60 * NUDGE_FACTOR**4
    assert pacing.words_per_minute == pytest.approx(wpm)
    assert pacing.distance_at(26.0) == pytest.approx(pacing.distance_at(24.0) + 2 * wpm / 60)


def test_slowing_down_inside_the_zone_stretches_the_rest_of_it() -> None:
    pacing = Pacing(10, 120.0, WEIGHTS, ZONES)  # the number is on the line from 2 s to 12 s
    pacing.nudge(7.0, 0.5)  # half-way through the number, half the pace
    assert pacing.position_at(7.0) == pytest.approx(4.5)
    assert pacing.in_number_zone_at(16.9)
    assert pacing.position_at(17.0) == pytest.approx(5.0)


def test_weights_must_match_the_words() -> None:
    with pytest.raises(ValueError):
        Pacing(3, 60.0, [1.0, 1.0])
    with pytest.raises(ValueError):
        Pacing(2, 60.0, [1.0, 0.0])


def test_all_ones_weights_behave_like_no_weights() -> None:
    plain, weighted = Pacing(50, 130.0), Pacing(50, 130.0, [1.0] * 50)
    for pacing in (plain, weighted):
        pacing.nudge(4.0, NUDGE_FACTOR)
    for t in (0.0, 1.3, 4.0, 9.7, 22.2, 100.0):
        assert weighted.position_at(t) == pytest.approx(plain.position_at(t))


@given(
    weights=st.lists(st.floats(0.25, 40.0), min_size=1, max_size=60),
    nudges=st.lists(
        st.tuples(st.floats(0.0, 60.0), st.sampled_from([NUDGE_FACTOR, 1 / NUDGE_FACTOR])),
        max_size=6,
    ),
    times=st.lists(st.floats(0.0, 120.0), min_size=2, max_size=30),
)
def test_position_is_monotone_and_continuous_in_time(
    weights: list[float], nudges: list[tuple[float, float]], times: list[float]
) -> None:
    pacing = Pacing(len(weights), 150.0, weights)
    for at, factor in sorted(nudges):
        pacing.nudge(at, factor)
    positions = [pacing.position_at(t) for t in sorted(times)]
    assert all(a <= b + 1e-9 for a, b in pairwise(positions))
    # Continuous: a millisecond moves the line by at most a millisecond of the fastest pace.
    step = 0.001 * 400 / 60 / min(weights)
    for t in times:
        assert pacing.position_at(t + 0.001) - pacing.position_at(t) <= step + 1e-9


def test_a_long_script_is_cheap_to_ask_every_frame() -> None:
    weights = [1.0] * 200_000
    for start in range(100, 200_000, 1_000):
        weights[start] = 20.0
    pacing = Pacing.fitted(
        200_000, 600.0, weights, [(i, i + 1) for i in range(100, 200_000, 1_000)]
    )
    began = time.perf_counter()
    for frame in range(1_000):
        pacing.position_at(frame * 0.6)
        pacing.in_number_zone_at(frame * 0.6)
    assert time.perf_counter() - began < 0.2  # a bisect, not a walk over 200k words


def test_a_take_frame_says_when_the_line_is_in_the_zone(clock: FakeClock) -> None:
    take = Take(
        clock,
        script_id=1,
        revision_id=1,
        word_total=10,
        target_s=30.0,
        words_per_minute=60.0,
        weights=WEIGHTS,
        zones=ZONES,
    )
    take.start()
    clock.advance(3.0)
    assert not take.frame().in_number_zone
    clock.advance(2.0)
    frame = take.frame()
    assert frame.in_number_zone
    assert frame.position == pytest.approx(4.05)
    assert frame.words_per_minute == 60.0
    clock.advance(20.0)
    assert not take.frame().in_number_zone
