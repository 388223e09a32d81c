"""Word counts and the word budget count a phone number once, however it is written.

Issue 11: a 1,050-word script was "1408 words over" and a 29-word one "58 words over": the
budget turned the seconds over into ordinary words, and a phone number's slow digits made
every number worth a dozen words. What is over is now the words in the highlighted overflow.
"""

from __future__ import annotations

import pytest

from app.domain.coach import Profile, Rules, analyse
from app.domain.script import word_spans
from app.resources import coach_rules as shipped_rules

ALEX = Profile("Alex Rivera", "555-201-7788", "US")
PARAGRAPH = (
    "Hi Jordan, it's Alex Rivera at 555-201-7788, calling for your advice on supply chain "
    "planning. We worked together at Northfield Foods for five years. Could we find 15 "
    "minutes next week? Again, Alex Rivera, 555-201-7788. Thanks, Jordan. "
)


@pytest.fixture(scope="module")
def rules() -> Rules:
    return shipped_rules()


def _script_of(words: int) -> str:
    paragraph = PARAGRAPH.split()
    return " ".join((paragraph * (words // len(paragraph) + 1))[:words])


def _words_after(text: str, offset: int) -> int:
    """Editor words from the one holding ``offset`` to the end (no phone number in there
    written with spaces, so each editor word is one word)."""
    return sum(end > offset for _, end in word_spans(text))


def test_a_long_script_is_never_more_words_over_than_it_has(rules: Rules) -> None:
    text = _script_of(1050)
    report = analyse(text, profile=ALEX, rules=rules)
    [too_long] = [f for f in report.findings if f.id == "too_long"]
    assert report.words == 1050
    assert -report.words_left == _words_after(text, too_long.start)
    assert -report.words_left < 1050
    assert f"Cut about {-report.words_left} words" in too_long.fix


def test_a_short_script_full_of_numbers_is_over_by_its_overflowing_words(rules: Rules) -> None:
    numbers = " ".join(f"Or 555-201-77{n:02d}." for n in range(10, 24))  # 14 numbers
    text = f"Hi, it's Alex Rivera. {numbers} Thanks."  # 4 + 28 + 1 = 33 words
    report = analyse(text, target_s=30.0, profile=ALEX, rules=rules)
    [too_long] = [f for f in report.findings if f.id == "too_long"]
    assert report.words == 33
    assert -report.words_left == _words_after(text, too_long.start) <= 33


@pytest.mark.parametrize(
    "written",
    [
        "555-201-7788",
        "(555) 201-7788",
        "+1 555 201 7788",
        "five five five, two oh one, seven seven eight eight",
    ],
)
def test_a_phone_number_counts_as_one_word(written: str, rules: Rules) -> None:
    report = analyse(f"Call me at {written} today.", profile=ALEX, rules=rules)
    assert report.words == 5


def test_a_phone_number_in_the_overflow_counts_once(rules: Rules) -> None:
    text = (
        "Hi, it's Alex Rivera. "
        + "Thanks for your time today. " * 12
        + ("Call me at five five five, two oh one, seven seven eight eight.")
    )
    report = analyse(text, target_s=10.0, profile=ALEX, rules=rules)
    [too_long] = [f for f in report.findings if f.id == "too_long"]
    spelled = 10  # digit words in the number
    assert -report.words_left == _words_after(text, too_long.start) - spelled + 1
