"""The teleprompter's scroll model, in word time rather than pixels.

The reading position is a fractional word index ``p(t)``: word ``floor(p)`` is on the reading
line at elapsed time ``t``. It depends only on time and pace, never on font size or window
width, so resizing the prompter cannot change when a word is reached. By default the pace is
fitted so the last word reaches the reading line exactly at the target.

Words may carry a spoken *weight* in normal words (a phone number's digits, read slowly in the
number zone; see ``domain.number_zone``). Time then advances through cumulative weight at the
base pace: a word of weight 20 stays on the reading line as long as 20 normal words would. The
pace shown to the user, ``words_per_minute``, is always that base pace.

Nudges change the pace from the current instant on: the distance read is a piecewise-linear
function of elapsed time (one segment per nudge), so the position is continuous and still
computed from the clock, never accumulated per frame.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

MIN_WPM = 40.0
MAX_WPM = 400.0
NUDGE_FACTOR = 1.05  # Up/Down change the pace by 5 %


def fitted_wpm(word_total: float, target_s: float) -> float:
    """The pace at which the last word reaches the reading line exactly at ``target_s``.

    ``word_total`` may be a total weight in normal words (``sum(weights)``): a heavy last word
    then reaches the line early by its extra weight, so it is *finished* when a normal last
    word would be.
    """
    if target_s <= 0:
        raise ValueError("target_s must be positive")
    # Word 0 is on the line at t=0, so the last word is (word_total - 1) words away.
    gaps = max(1.0, word_total - 1)
    return clamp_wpm(gaps * 60.0 / target_s)


def clamp_wpm(words_per_minute: float) -> float:
    return min(MAX_WPM, max(MIN_WPM, words_per_minute))


@dataclass(slots=True)
class _Segment:
    start_s: float
    start_distance: float  # normal words read by start_s
    words_per_minute: float


@dataclass(slots=True)
class Pacing:
    """Where the reading line is, in words, at any elapsed time of a take."""

    word_total: int
    words_per_minute: float
    weights: Sequence[float] | None = field(default=None, repr=False)
    zones: Sequence[tuple[int, int]] = field(default=(), repr=False)  # [first, end) word ranges
    _segments: list[_Segment] = field(init=False, repr=False)
    _reach: list[float] | None = field(init=False, repr=False)  # distance at which word i arrives
    _zone_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.words_per_minute = clamp_wpm(self.words_per_minute)
        self._segments = [_Segment(0.0, 0.0, self.words_per_minute)]
        self._reach = None
        if self.weights is not None:
            if len(self.weights) != self.word_total:
                raise ValueError("one weight per word")
            if any(weight <= 0 for weight in self.weights):
                raise ValueError("weights must be positive")
            if self.word_total > 0:
                self._reach = [0.0, *accumulate(self.weights[:-1])]
        self.zones = sorted(self.zones)
        self._zone_starts = [first for first, _ in self.zones]

    @classmethod
    def fitted(
        cls,
        word_total: int,
        target_s: float,
        weights: Sequence[float] | None = None,
        zones: Sequence[tuple[int, int]] = (),
    ) -> Pacing:
        total = sum(weights) if weights is not None else word_total
        return cls(word_total, fitted_wpm(total, target_s), weights, zones)

    @property
    def last_index(self) -> int:
        return max(0, self.word_total - 1)

    @property
    def end_distance(self) -> float:
        """Normal words from the first word to the end of the text, as fitted to a target."""
        if self._reach is None or self.weights is None:
            return float(self.last_index)
        return max(self._reach[-1], sum(self.weights) - 1)

    def distance_at(self, elapsed_s: float) -> float:
        """Normal words read by ``elapsed_s`` (unclamped; grows with time at the pace)."""
        segment = self._segment_at(elapsed_s)
        travelled = (max(0.0, elapsed_s) - segment.start_s) * segment.words_per_minute / 60.0
        return segment.start_distance + travelled

    def position_of(self, distance: float) -> float:
        """The fractional word index reached after ``distance`` normal words."""
        last = float(self.last_index)
        reach = self._reach
        if reach is None or self.weights is None:
            return min(last, max(0.0, distance))
        if distance >= reach[-1]:
            return last
        word = max(0, bisect.bisect_right(reach, distance) - 1)
        return word + max(0.0, distance - reach[word]) / self.weights[word]

    def position_at(self, elapsed_s: float) -> float:
        """Fractional word index on the reading line, clamped to ``[0, last_index]``."""
        return self.position_of(self.distance_at(elapsed_s))

    def word_at(self, elapsed_s: float) -> int:
        return int(self.position_at(elapsed_s))

    def in_number_zone(self, position: float) -> bool:
        """Whether the word at ``position`` is inside a number zone."""
        word = int(position)
        zone = bisect.bisect_right(self._zone_starts, word) - 1
        return zone >= 0 and word < self.zones[zone][1]

    def in_number_zone_at(self, elapsed_s: float) -> bool:
        return bool(self.zones) and self.in_number_zone(self.position_at(elapsed_s))

    def reached_end(self, elapsed_s: float) -> bool:
        # A hair of tolerance: a fitted take reaches the end at the target despite rounding.
        return self.word_total > 0 and self.position_at(elapsed_s) >= self.last_index - 1e-9

    def seconds_to_end(self) -> float:
        """Total time for a take at the current pace, ignoring past nudges."""
        return self.end_distance * 60.0 / self.words_per_minute

    def nudge(self, elapsed_s: float, factor: float) -> float:
        """Change the pace by ``factor`` from ``elapsed_s`` on; returns the new words per minute.

        Before a take starts (``elapsed_s == 0``) the whole timeline is re-paced.
        """
        new_wpm = clamp_wpm(self.words_per_minute * factor)
        self.set_pace(elapsed_s, new_wpm)
        return new_wpm

    def set_pace(self, elapsed_s: float, words_per_minute: float) -> None:
        elapsed_s = max(0.0, elapsed_s)
        distance = self.distance_at(elapsed_s)
        self._segments = [s for s in self._segments if s.start_s < elapsed_s]
        self.words_per_minute = clamp_wpm(words_per_minute)
        self._segments.append(_Segment(elapsed_s, distance, self.words_per_minute))

    def _segment_at(self, elapsed_s: float) -> _Segment:
        current = self._segments[0]
        for segment in self._segments:
            if segment.start_s <= elapsed_s:
                current = segment
            else:
                break
        return current
