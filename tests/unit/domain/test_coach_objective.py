"""Why you are calling: judged by how soon it comes at the caller's pace and what precedes it.

Issue 11: the common good pattern (greeting with name and number, one sentence of how you
know them, then the objective) was flagged as late because the objective was in sentence
three. Pleasantries, backstory and apologies before it are fluff; a connection line is not.
"""

from __future__ import annotations

import pytest

from app.domain.coach import Profile, Rules, SpeakingRate, analyse
from app.resources import coach_rules as shipped_rules

JORDAN = Profile("Jordan Lee", "555-201-7788")
OPEN = "Hi Pat, this is Jordan Lee, 555-201-7788."
ASK = "I'm calling to ask your advice on moving into health data."
CLOSE = "Again, Jordan Lee, 555-201-7788."


@pytest.fixture(scope="module")
def rules() -> Rules:
    return shipped_rules()


def _objective(text: str, rules: Rules, rate: SpeakingRate | None = None) -> list[str]:
    report = analyse(text, profile=JORDAN, rules=rules, rate=rate)
    return [text[f.start : f.end] for f in report.findings if f.id == "objective_late"]


@pytest.mark.parametrize(
    "connection",
    [
        "We met at the Boston analytics meetup last fall.",
        "Chris Wong from Meridian gave me your name.",
        "You spoke on the health data panel at MIT in April.",
        "Dr. Alvarez suggested I get in touch with you.",
        "We were on the same rowing team at Tufts.",
    ],
)
def test_a_connection_line_before_the_ask_is_not_fluff(connection: str, rules: Rules) -> None:
    assert _objective(f"{OPEN} {connection} {ASK} {CLOSE}", rules) == []


@pytest.mark.parametrize(
    "fluff",
    [
        "I worked in retail banking for twelve years until my branch closed.",  # backstory
        "After my layoff in March, I went back to school for statistics.",  # backstory
        "I'm so sorry for the cold call out of nowhere.",  # apology
        "Apologies for calling out of the blue like this.",  # apology
        "Hope your spring is off to a good start.",  # pleasantry
        "How have you been?",  # pleasantry
    ],
)
def test_fluff_before_the_ask_makes_it_late(fluff: str, rules: Rules) -> None:
    assert _objective(f"{OPEN} {fluff} {ASK} {CLOSE}", rules) == ["calling to ask"]


def test_the_ask_is_late_when_it_comes_late_at_the_callers_pace(rules: Rules) -> None:
    text = f"{OPEN} We met at the Boston analytics meetup last fall. {ASK} {CLOSE}"
    assert _objective(text, rules, SpeakingRate(4.5, takes=5)) == []
    assert _objective(text, rules, SpeakingRate(2.0, takes=5)) == ["calling to ask"]


def test_a_long_first_sentence_can_make_the_ask_late(rules: Rules) -> None:
    text = (
        "Hi Pat, this is Jordan Lee, 555-201-7788, and I hope the quarter is treating you and "
        "the whole analytics group at Meridian well after the big merger this spring, and I'm "
        "calling to ask your advice. "
        f"{CLOSE}"
    )
    assert _objective(text, rules) == ["calling to ask"]


def test_the_message_says_when_the_ask_comes_and_what_stands_before_it(rules: Rules) -> None:
    text = f"{OPEN} Hope your spring is off to a good start. {ASK} {CLOSE}"
    report = analyse(text, profile=JORDAN, rules=rules)
    [finding] = [f for f in report.findings if f.id == "objective_late"]
    assert "s in" in finding.message and "Hope your spring" in finding.message


def test_no_ask_at_all_is_still_reported(rules: Rules) -> None:
    text = f"{OPEN} We met at the Boston analytics meetup last fall. {CLOSE}"
    report = analyse(text, profile=JORDAN, rules=rules)
    [finding] = [f for f in report.findings if f.id == "objective_late"]
    assert "don't say why you are calling" in finding.message
