"""Fillers are judged in context: "you know" set off between commas is filler, "if you know
someone" is a verb; "I kind of wanted" is a hedge, "what kind of work" is not.

Issue 11: "You know" was flagged as a filler where it was a verb ("if you know someone at
the clinic…").
"""

from __future__ import annotations

import pytest

from app.domain.coach import Rules, analyse
from app.resources import coach_rules as shipped_rules


@pytest.fixture(scope="module")
def rules() -> Rules:
    return shipped_rules()


def _fillers(text: str, rules: Rules) -> list[str]:
    return [text[f.start : f.end] for f in analyse(text, rules=rules).findings if f.id == "filler"]


@pytest.mark.parametrize(
    "text",
    [
        "Do you know anyone at Acme Health?",
        "If you know a good recruiter in Denver, I'd love the name.",
        "You know the Denver market better than anyone.",
        "I wonder whether you know the team at Northwind.",
        "I'd love to hear what you know about biotech sales.",
        "What kind of roles does your team have?",
        "That is the kind of work I love.",
        "It was this sort of project that drew me in.",
        "Any kind of pointer would help.",
        "I mean to ask about biotech.",
    ],
)
def test_the_same_words_used_as_words_are_not_filler(text: str, rules: Rules) -> None:
    assert _fillers(text, rules) == []


@pytest.mark.parametrize(
    ("text", "filler"),
    [
        ("I was, you know, hoping to ask your advice.", "you know"),
        ("You know, I've always admired your work.", "You know"),
        ("It was a great talk, you know.", "you know"),
        ("I mean, it was a great talk.", "I mean"),
        ("I kind of wanted your advice.", "kind of"),
        ("It's sort of a pivot for me.", "sort of"),
        ("It was, um, a great talk.", "um"),
    ],
)
def test_fillers_set_off_or_hedging_are_filler(text: str, filler: str, rules: Rules) -> None:
    assert _fillers(text, rules) == [filler]
