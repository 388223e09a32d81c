"""The pre-roll: the newest half second before the key press, and where the press falls."""

from __future__ import annotations

import pytest

from app.domain.pre_roll import MAX_GAP_S, PRE_ROLL_S, PreRoll

BYTES_PER_S = 32_000


def _chunk(seconds: float, value: int = 1) -> bytes:
    return bytes([value, 0]) * round(seconds * BYTES_PER_S / 2)


def test_it_keeps_only_the_newest_half_second() -> None:
    roll = PreRoll(BYTES_PER_S)
    for i in range(10):
        roll.add(_chunk(0.1, value=i), arrived_at=1.0 + 0.1 * i)
    assert roll.seconds == pytest.approx(PRE_ROLL_S)
    pcm, press_s = roll.cut(pressed_at=1.9)
    assert pcm == b"".join(_chunk(0.1, value=i) for i in range(5, 10))
    assert press_s == pytest.approx(PRE_ROLL_S)


def test_the_key_press_falls_after_the_last_piece_by_the_time_since_it_arrived() -> None:
    roll = PreRoll(BYTES_PER_S)
    roll.add(_chunk(0.3), arrived_at=10.0)
    _, press_s = roll.cut(pressed_at=10.04)  # the next piece will hold those 40 ms
    assert press_s == pytest.approx(0.34)


def test_a_stalled_stream_shifts_the_press_by_a_bounded_gap() -> None:
    roll = PreRoll(BYTES_PER_S)
    roll.add(_chunk(0.5), arrived_at=10.0)
    _, press_s = roll.cut(pressed_at=20.0)
    assert press_s == pytest.approx(0.5 + MAX_GAP_S)


def test_nothing_heard_yet_cuts_nothing_and_a_cut_empties_it() -> None:
    roll = PreRoll(BYTES_PER_S)
    assert roll.cut(pressed_at=5.0) == (b"", 0.0)
    roll.add(_chunk(0.2), arrived_at=5.0)
    assert roll.cut(pressed_at=5.0)[0]
    assert roll.seconds == 0.0 and roll.cut(pressed_at=5.1) == (b"", 0.0)


def test_it_never_keeps_half_a_sample() -> None:
    roll = PreRoll(BYTES_PER_S, seconds=0.0001)  # 3.2 bytes: rounded down to one sample
    roll.add(_chunk(0.01), arrived_at=0.0)
    assert len(roll.cut(0.0)[0]) == 2
