from __future__ import annotations

import pytest

from app.domain.countdown import FLASH_S, Countdown, Phase, format_seconds
from tests.helpers.clock import FakeClock


def test_idle_until_started(clock: FakeClock) -> None:
    countdown = Countdown(clock, 30.0)
    reading = countdown.read()
    assert reading.phase is Phase.IDLE
    assert reading.remaining_s == 30.0
    assert not countdown.running


def test_remaining_follows_the_clock_not_ticks(clock: FakeClock) -> None:
    countdown = Countdown(clock, 30.0)
    countdown.start()
    clock.advance(12.5)
    reading = countdown.read()
    assert reading.elapsed_s == pytest.approx(12.5)
    assert reading.remaining_s == pytest.approx(17.5)
    assert reading.phase is Phase.CALM


@pytest.mark.parametrize(
    ("elapsed", "phase"),
    [
        (0.0, Phase.CALM),
        (19.9, Phase.CALM),
        (20.0, Phase.CLOSING),
        (29.99, Phase.CLOSING),
        (30.0, Phase.CLOSING),
        (30.01, Phase.OVERTIME),
        (95.0, Phase.OVERTIME),
    ],
)
def test_bands(clock: FakeClock, elapsed: float, phase: Phase) -> None:
    countdown = Countdown(clock, 30.0, amber_last_s=10.0)
    countdown.start()
    clock.advance(elapsed)
    assert countdown.read().phase is phase


def test_amber_band_is_configurable(clock: FakeClock) -> None:
    countdown = Countdown(clock, 30.0, amber_last_s=5.0)
    countdown.start()
    clock.advance(22.0)
    assert countdown.read().phase is Phase.CALM
    clock.advance(3.5)
    assert countdown.read().phase is Phase.CLOSING


def test_overtime_counts_up(clock: FakeClock) -> None:
    countdown = Countdown(clock, 30.0)
    countdown.start()
    clock.advance(34.2)
    reading = countdown.read()
    assert reading.remaining_s == 0.0
    assert reading.overtime_s == pytest.approx(4.2)


def test_flash_shows_once_just_after_the_target(clock: FakeClock) -> None:
    countdown = Countdown(clock, 30.0)
    countdown.start()
    seen = []
    for _ in range(400):  # 40 s in 100 ms steps
        clock.advance(0.1)
        seen.append(countdown.read().flashing)
    flashes = [i for i, f in enumerate(seen) if f]
    assert flashes, "the target flash never showed"
    assert flashes == list(range(flashes[0], flashes[0] + len(flashes))), "flashed twice"
    assert len(flashes) * 0.1 == pytest.approx(FLASH_S, abs=0.11)
    assert 300 <= flashes[0] <= 301


def test_lead_in_delays_the_take(clock: FakeClock) -> None:
    countdown = Countdown(clock, 30.0, lead_in_s=3.0)
    countdown.start()
    clock.advance(1.2)
    reading = countdown.read()
    assert reading.phase is Phase.LEAD_IN
    assert reading.lead_in_left_s == pytest.approx(1.8)
    assert reading.elapsed_s == 0.0
    assert countdown.in_lead_in()
    clock.advance(2.0)
    assert countdown.read().phase is Phase.CALM
    assert countdown.elapsed_s() == pytest.approx(0.2)


def test_stop_freezes_the_duration(clock: FakeClock) -> None:
    countdown = Countdown(clock, 30.0)
    countdown.start()
    clock.advance(27.3)
    assert countdown.stop() == pytest.approx(27.3)
    clock.advance(100)
    reading = countdown.read()
    assert reading.phase is Phase.STOPPED
    assert reading.elapsed_s == pytest.approx(27.3)
    assert countdown.stop() == pytest.approx(27.3)


def test_stop_during_lead_in_is_zero(clock: FakeClock) -> None:
    countdown = Countdown(clock, 30.0, lead_in_s=3.0)
    countdown.start()
    clock.advance(1.0)
    assert countdown.stop() == 0.0


def test_stop_before_start_is_an_error(clock: FakeClock) -> None:
    with pytest.raises(RuntimeError):
        Countdown(clock, 30.0).stop()


def test_target_must_be_positive(clock: FakeClock) -> None:
    with pytest.raises(ValueError):
        Countdown(clock, 0)


def test_format_seconds() -> None:
    assert format_seconds(27.44) == "27.4 s"
    assert format_seconds(65.2) == "1:05"
