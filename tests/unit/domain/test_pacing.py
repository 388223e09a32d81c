from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.pacing import MAX_WPM, MIN_WPM, NUDGE_FACTOR, Pacing, fitted_wpm


def test_fitted_pace_reaches_the_last_word_exactly_at_the_target() -> None:
    pacing = Pacing.fitted(76, 30.0)
    assert pacing.words_per_minute == pytest.approx(150.0)
    assert not pacing.reached_end(29.99)
    assert pacing.reached_end(30.0)
    assert pacing.word_at(30.0) == 75


def test_word_on_the_reading_line_at_time_t() -> None:
    pacing = Pacing(100, 120.0)  # two words a second
    assert pacing.word_at(0.0) == 0
    assert pacing.word_at(0.49) == 0
    assert pacing.word_at(0.5) == 1
    assert pacing.position_at(10.25) == pytest.approx(20.5)


def test_position_is_clamped_to_the_script() -> None:
    pacing = Pacing(10, 120.0)
    assert pacing.position_at(-5) == 0.0
    assert pacing.position_at(1000) == 9.0


@given(words=st.integers(2, 3000), target=st.floats(5.0, 300.0))
def test_fit_depends_only_on_words_and_target(words: int, target: float) -> None:
    wpm = fitted_wpm(words, target)
    if MIN_WPM < wpm < MAX_WPM:
        pacing = Pacing(words, wpm)
        assert pacing.position_at(target) == pytest.approx(words - 1)
        assert pacing.seconds_to_end() == pytest.approx(target)


def test_nudge_changes_pace_from_now_without_a_jump() -> None:
    pacing = Pacing(200, 120.0)
    before = pacing.position_at(10.0)
    new_wpm = pacing.nudge(10.0, NUDGE_FACTOR)
    assert new_wpm == pytest.approx(126.0)
    assert pacing.position_at(10.0) == pytest.approx(before)
    # Past the nudge the position grows at the new pace; before it, history is unchanged.
    assert pacing.position_at(20.0) == pytest.approx(before + 10 * 126.0 / 60)
    assert pacing.position_at(5.0) == pytest.approx(10.0)


def test_nudge_down_then_up_restores_the_pace() -> None:
    pacing = Pacing(200, 150.0)
    pacing.nudge(3.0, 1 / NUDGE_FACTOR)
    pacing.nudge(6.0, NUDGE_FACTOR)
    assert pacing.words_per_minute == pytest.approx(150.0)


def test_nudge_before_the_take_repaces_everything() -> None:
    pacing = Pacing(200, 120.0)
    pacing.nudge(0.0, 1.5)
    assert pacing.position_at(10.0) == pytest.approx(30.0)


def test_pace_is_clamped() -> None:
    pacing = Pacing(10, 10_000.0)
    assert pacing.words_per_minute == MAX_WPM
    for _ in range(200):
        pacing.nudge(0.0, 1 / NUDGE_FACTOR)
    assert pacing.words_per_minute == MIN_WPM


def test_single_word_and_empty_scripts() -> None:
    assert Pacing.fitted(1, 30.0).reached_end(0.0)
    assert not Pacing.fitted(0, 30.0).reached_end(100.0)


def test_target_must_be_positive() -> None:
    with pytest.raises(ValueError):
        fitted_wpm(10, 0.0)
