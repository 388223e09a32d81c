"""Phone numbers in a script: where they are, which digits are spoken, their E.164 form.

``phonenumberslite`` does the reading, with ``Leniency.POSSIBLE``: the default leniency
("valid") finds nothing in ``555-201-7788`` because 555 is not an assigned area code, and
scripts (and the starter persona) use 555 numbers on purpose. Numbers written as words
("five five five, two oh one, ...") are found too: people write them that way to remember
to say them slowly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_REGION = "US"

DIGIT_WORDS = {  # a digit as it is said, for numbers written as words
    "zero": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_DIGIT_WORD = "(?:" + "|".join(DIGIT_WORDS) + ")"
# Seven or more digit words in a row (a local number at least), separated by spaces, commas,
# dots or hyphens. Ordinary prose almost never strings seven digit words together.
_SPELLED_RE = re.compile(rf"\b{_DIGIT_WORD}(?:[\s,.\-]+{_DIGIT_WORD}){{6,}}\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A phone number in the text: its span, its digits and its normalised (E.164) form."""

    start: int
    end: int
    digits: str  # the digits as spoken, e.g. "5552017788"
    e164: str  # e.g. "+15552017788"


def normalise_region(region: str) -> str:
    """An upper-case ISO 3166 code; anything that is not two letters means the default."""
    region = region.strip().upper()
    return region if len(region) == 2 and region.isalpha() else DEFAULT_REGION


def find_numbers(text: str, region: str = DEFAULT_REGION) -> list[NumberMention]:
    """Phone numbers in ``text`` (phonenumberslite, Leniency.POSSIBLE), in order."""
    # Imported on first use: phonenumbers (with importlib.metadata) costs ~20 ms to import.
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

    region = normalise_region(region)
    mentions = [
        NumberMention(
            start=match.start,
            end=match.end,
            digits="".join(ch for ch in match.raw_string if ch.isdigit()),
            e164=phonenumbers.format_number(match.number, PhoneNumberFormat.E164),
        )
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE)
    ]
    mentions += _spelled_numbers(text, region)
    return sorted(mentions, key=lambda mention: mention.start)


def _spelled_numbers(text: str, region: str) -> list[NumberMention]:
    import phonenumbers

    found = []
    for match in _SPELLED_RE.finditer(text):
        digits = "".join(DIGIT_WORDS[w.lower()] for w in _WORD_RE.findall(match.group()))
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            found.append(
                NumberMention(
                    start=match.start(),
                    end=match.end(),
                    digits=digits,
                    e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                )
            )
    return found


def same_number(a: NumberMention, b: NumberMention) -> bool:
    return a.e164 == b.e164
