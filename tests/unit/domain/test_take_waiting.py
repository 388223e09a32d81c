"""Hands-free "start the clock at my first word": a take that waits, then starts in the past."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.domain.countdown import Countdown, Phase
from app.domain.take import Take
from tests.helpers.clock import FakeClock


def test_a_waiting_take_runs_but_its_clock_does_not(
    clock: FakeClock, make_take: Callable[..., Take]
) -> None:
    take = make_take(wait_for_voice=True)
    take.start()
    clock.advance(4.0)
    frame = take.frame()
    assert take.running and take.waiting and take.in_lead_in()
    assert frame.reading.phase is Phase.WAITING
    assert (frame.reading.elapsed_s, frame.reading.remaining_s, frame.position) == (0, 30, 0)
    assert Phase.WAITING.label == "Waiting for your first word…"


def test_the_clock_starts_at_the_word_not_when_it_was_recognised(
    clock: FakeClock, make_take: Callable[..., Take]
) -> None:
    take = make_take(wait_for_voice=True)
    take.start()
    clock.advance(4.0)
    take.begin_at(clock.now - 0.25)
    assert not take.waiting and not take.in_lead_in()
    assert take.frame().reading.elapsed_s == pytest.approx(0.25)
    take.begin_at(clock.now)  # only the first word counts
    clock.advance(10.0)
    assert take.finish().duration_s == pytest.approx(10.25)


def test_finishing_while_waiting_is_a_take_of_nothing(
    clock: FakeClock, make_take: Callable[..., Take]
) -> None:
    take = make_take(wait_for_voice=True)
    take.start()
    clock.advance(3.0)
    assert take.finish().duration_s == 0.0
    assert not take.running


def test_a_countdown_started_in_the_past_never_starts_in_the_future(clock: FakeClock) -> None:
    countdown = Countdown(clock, 30.0)
    countdown.start(at=clock.now + 5.0)
    assert countdown.elapsed_s() == 0.0
    countdown.start(at=clock.now - 2.0)
    assert countdown.elapsed_s() == pytest.approx(2.0)
