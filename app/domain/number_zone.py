"""The number zone: a phone number is read digit by digit, and slower than the words around it.

The teleprompter paces in *normal words*. A word's spoken cost is 1.0, except inside a phone
number, where a token costs one word per digit it carries, times the zone's slowdown: at half
pace ``555-201-7788`` costs 20. The zone is the run of words a number covers; the prompter marks
it and the pacing slows down through it (see ``domain.pacing``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.phone import DIGIT_WORDS, NumberMention
from app.domain.script import word_spans

DEFAULT_NUMBER_PACE = 0.5  # the zone is read at half the normal pace
MIN_NUMBER_PACE = 0.25
MAX_NUMBER_PACE = 1.0  # full pace: digits still count as words, but there is no slow zone

# A number written as words ("five five five, two oh one, ...") is one digit per word.
_DIGIT_WORDS = frozenset(DIGIT_WORDS) | {"o"}


def clamp_number_pace(number_pace: float) -> float:
    return min(MAX_NUMBER_PACE, max(MIN_NUMBER_PACE, number_pace))


def slowdown_for(number_pace: float) -> float:
    """How many times longer a digit takes in the zone than a normal word (0.5 -> 2.0)."""
    return 1.0 / clamp_number_pace(number_pace)


@dataclass(frozen=True, slots=True)
class SpokenWords:
    """The spoken cost of each word of a text, and the word ranges of its number zones."""

    weights: tuple[float, ...]
    zones: tuple[tuple[int, int], ...]  # [first, end) word indices, in text order
    numbers: tuple[tuple[int, int], ...] = ()  # [first, end) of each phone number, at any pace

    @property
    def total(self) -> float:
        """The text's length in normal words, as a reader speaks it."""
        return sum(self.weights)

    @property
    def word_count(self) -> int:
        """Words as the user counts them: a phone number, however written, is one."""
        return self._words_from(0)

    def _words_from(self, index: int) -> int:
        count = len(self.weights) - index
        for first, end in self.numbers:
            count -= max(end - max(first, index) - 1, 0)
        return count


def _spoken_cost(
    text: str, token: tuple[int, int], numbers: list[tuple[int, int]], slowdown: float
) -> float:
    """The cost of one token that overlaps the phone number spans ``numbers``."""
    start, end = token
    digits = 0
    outside_from = start
    words_around = False
    for number_start, number_end in numbers:
        inside = text[max(start, number_start) : min(end, number_end)]
        spelled = "".join(filter(str.isalpha, inside)).lower() in _DIGIT_WORDS
        digits += sum(ch.isdigit() for ch in inside) or int(spelled)
        words_around |= any(ch.isalpha() for ch in text[outside_from:number_start])
        outside_from = max(outside_from, number_end)
    # "ext." inside a number, or "call:" glued to one, is still a word of its own.
    words_around |= any(ch.isalpha() for ch in text[outside_from:end])
    if digits == 0:
        return 1.0
    return digits * slowdown + (1.0 if words_around else 0.0)


def spoken_words(text: str, numbers: Sequence[NumberMention], slowdown: float) -> SpokenWords:
    """Weights and zones for ``text`` given its phone ``numbers`` (as ``coach.find_numbers``).

    ``slowdown`` is how many times longer a digit takes than a normal word; at 1.0 or below the
    digits are still counted as words but there is no zone to mark.
    """
    if slowdown <= 0:
        raise ValueError("slowdown must be positive")
    spans = word_spans(text)
    starts = [start for start, _ in spans]
    touching: dict[int, list[tuple[int, int]]] = {}  # word index -> number spans it overlaps
    zones: list[tuple[int, int]] = []
    ranges: list[tuple[int, int]] = []  # each number's words, before zones merge them
    for number in sorted(numbers, key=lambda mention: mention.start):
        # Words overlapping [number.start, number.end): the first may begin before it.
        first = max(0, bisect.bisect_right(starts, number.start) - 1)
        if first < len(spans) and spans[first][1] <= number.start:
            first += 1
        end = bisect.bisect_left(starts, number.end)
        if first >= end:
            continue
        ranges.append((first, end))
        for index in range(first, end):
            touching.setdefault(index, []).append((number.start, number.end))
        if zones and zones[-1][1] >= first:  # numbers sharing or touching words: one zone
            zones[-1] = (zones[-1][0], max(zones[-1][1], end))
        else:
            zones.append((first, end))
    weights = [1.0] * len(spans)
    for index, overlapping in touching.items():
        weights[index] = _spoken_cost(text, spans[index], overlapping, slowdown)
    return SpokenWords(tuple(weights), tuple(zones) if slowdown > 1.0 else (), tuple(ranges))
