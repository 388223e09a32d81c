from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from app.domain.attempt import Outcome
from app.domain.countdown import Phase
from app.domain.pacing import NUDGE_FACTOR
from app.domain.starters import parse_starters
from app.domain.take import Take
from tests.helpers.clock import FakeClock


def test_a_fitted_take_reaches_the_end_at_the_target(
    clock: FakeClock, make_take: Callable[..., Take]
) -> None:
    take = make_take()
    take.start(datetime(2026, 11, 26, 12, 0, tzinfo=UTC))
    clock.advance(30.0)
    frame = take.frame()
    assert frame.position == pytest.approx(75.0)
    attempt = take.finish()
    assert attempt.reached_end
    assert attempt.duration_s == pytest.approx(30.0)
    assert attempt.revision_id == 7
    assert attempt.words == 76
    assert attempt.started_at == "2026-11-26T12:00:00.000+00:00"
    assert attempt.outcome is Outcome.UNRATED


def test_stopping_early_has_not_reached_the_end(
    clock: FakeClock, make_take: Callable[..., Take]
) -> None:
    take = make_take()
    take.start()
    clock.advance(12.0)
    assert not take.finish(Outcome.ABANDONED).reached_end


def test_nudging_never_stops_the_clock(clock: FakeClock, make_take: Callable[..., Take]) -> None:
    take = make_take()
    take.start()
    clock.advance(10.0)
    take.nudge(1 / NUDGE_FACTOR)
    clock.advance(10.0)
    frame = take.frame()
    assert frame.reading.elapsed_s == pytest.approx(20.0)
    assert frame.words_per_minute == pytest.approx(150.0 / NUDGE_FACTOR)


def test_lead_in_holds_the_prompter_at_the_first_word(
    clock: FakeClock, make_take: Callable[..., Take]
) -> None:
    take = make_take(lead_in_s=3.0)
    take.start()
    clock.advance(2.0)
    frame = take.frame()
    assert frame.reading.phase is Phase.LEAD_IN
    assert frame.position == 0.0
    assert take.in_lead_in()


def test_an_empty_take_is_refused(clock: FakeClock) -> None:
    with pytest.raises(ValueError):
        Take(clock, script_id=1, revision_id=1, word_total=0, target_s=30, words_per_minute=150)


def test_shipped_starters_parse_and_fit_their_targets() -> None:
    from app.domain.coach import analyse
    from app.resources import resource_path

    starters = parse_starters(resource_path("data", "starter_scripts.json").read_text("utf-8"))
    assert len(starters) >= 4
    for script in starters:
        # In syllables at a typical pace, the number said digit by digit and slowly.
        report = analyse(script.text, kind=script.kind, target_s=script.target_s)
        assert report.estimated_seconds <= script.target_s, script.name


def test_malformed_starters_are_reported() -> None:
    with pytest.raises(ValueError):
        parse_starters("{")
    with pytest.raises(ValueError):
        parse_starters("{}")
