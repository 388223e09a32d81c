"""The teleprompter's scroll model, in word time rather than pixels.

The reading position is a fractional word index ``p(t)``: word ``floor(p)`` is on the reading
line at elapsed time ``t``. It depends only on time and pace, never on font size or window
width, so resizing the prompter cannot change when a word is reached. By default the pace is
fitted so the last word reaches the reading line exactly at the target.

Nudges change the pace from the current instant on: the position is a piecewise-linear
function of elapsed time (one segment per nudge), so it is continuous and still computed from
the clock, never accumulated per frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_WPM = 40.0
MAX_WPM = 400.0
NUDGE_FACTOR = 1.05  # Up/Down change the pace by 5 %


def fitted_wpm(word_total: int, target_s: float) -> float:
    """The pace at which the last word reaches the reading line exactly at ``target_s``."""
    if target_s <= 0:
        raise ValueError("target_s must be positive")
    # Word 0 is on the line at t=0, so the last word is (word_total - 1) words away.
    gaps = max(1, word_total - 1)
    return clamp_wpm(gaps * 60.0 / target_s)


def clamp_wpm(words_per_minute: float) -> float:
    return min(MAX_WPM, max(MIN_WPM, words_per_minute))


@dataclass(slots=True)
class _Segment:
    start_s: float
    start_position: float
    words_per_minute: float


@dataclass(slots=True)
class Pacing:
    """Where the reading line is, in words, at any elapsed time of a take."""

    word_total: int
    words_per_minute: float
    _segments: list[_Segment] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.words_per_minute = clamp_wpm(self.words_per_minute)
        self._segments = [_Segment(0.0, 0.0, self.words_per_minute)]

    @classmethod
    def fitted(cls, word_total: int, target_s: float) -> Pacing:
        return cls(word_total, fitted_wpm(word_total, target_s))

    @property
    def last_index(self) -> int:
        return max(0, self.word_total - 1)

    def position_at(self, elapsed_s: float) -> float:
        """Fractional word index on the reading line, clamped to ``[0, last_index]``."""
        segment = self._segment_at(elapsed_s)
        travelled = (max(0.0, elapsed_s) - segment.start_s) * segment.words_per_minute / 60.0
        return min(float(self.last_index), segment.start_position + travelled)

    def word_at(self, elapsed_s: float) -> int:
        return int(self.position_at(elapsed_s))

    def reached_end(self, elapsed_s: float) -> bool:
        return self.word_total > 0 and self.position_at(elapsed_s) >= self.last_index

    def seconds_to_end(self) -> float:
        """Total time for a take at the current pace, ignoring past nudges."""
        return self.last_index * 60.0 / self.words_per_minute

    def nudge(self, elapsed_s: float, factor: float) -> float:
        """Change the pace by ``factor`` from ``elapsed_s`` on; returns the new words per minute.

        Before a take starts (``elapsed_s == 0``) the whole timeline is re-paced.
        """
        new_wpm = clamp_wpm(self.words_per_minute * factor)
        self.set_pace(elapsed_s, new_wpm)
        return new_wpm

    def set_pace(self, elapsed_s: float, words_per_minute: float) -> None:
        elapsed_s = max(0.0, elapsed_s)
        position = self.position_at(elapsed_s)
        self._segments = [s for s in self._segments if s.start_s < elapsed_s]
        self.words_per_minute = clamp_wpm(words_per_minute)
        self._segments.append(_Segment(elapsed_s, position, self.words_per_minute))

    def _segment_at(self, elapsed_s: float) -> _Segment:
        current = self._segments[0]
        for segment in self._segments:
            if segment.start_s <= elapsed_s:
                current = segment
            else:
                break
        return current
