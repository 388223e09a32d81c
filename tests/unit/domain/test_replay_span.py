"""A recording's length, and where the speech is in it (the clock starts after the count-in)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.attempt import Attempt, Outcome
from app.domain.replay import recording_length_s, speech_span
from tests.helpers.wav_files import write_wav


def recorded_take(duration_s: float, speech: tuple[float, float]) -> Attempt:
    return Attempt(
        script_id=1, revision_id=1, started_at="2026-11-26T14:03:00+00:00",
        duration_s=duration_s, target_s=30.0, words=70, reached_end=True, outcome=Outcome.GOOD,
        recording="recordings/a.wav", speech_start_s=speech[0], speech_end_s=speech[1],
        spoken_s=speech[1] - speech[0],
    )  # fmt: skip


def test_the_length_of_a_wav_and_of_one_whose_header_was_never_finished(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "a.wav", 1.25)
    assert recording_length_s(path) == pytest.approx(1.25)
    data = bytearray(path.read_bytes())
    data[40:44] = (0).to_bytes(4, "little")  # the data chunk still says "0 bytes"
    path.write_bytes(bytes(data))
    assert recording_length_s(path) == pytest.approx(1.25)
    (tmp_path / "b.wav").write_bytes(b"not a wav at all")
    assert recording_length_s(tmp_path / "b.wav") is None
    assert recording_length_s(tmp_path / "missing.wav") is None


def test_the_speech_span_is_shifted_by_the_count_in_recorded_before_the_clock() -> None:
    # 3 s of count-in, then a 27 s take: the clock started 3 s into a 30 s recording.
    take = recorded_take(27.0, (0.8, 25.0))
    assert speech_span(take, 30.0) == pytest.approx((3.8, 28.0))
    assert speech_span(replace(take, speech_start_s=None), 30.0) is None
    # A recording cut shorter than the take: the span stays inside it.
    assert speech_span(take, 20.0) == pytest.approx((0.8, 20.0))
