"""Near repeats and doubled words are repetition; the close's name and number are not.

Issue 11: "whenever suits you, truly, whenever suits" and a doubled word (a stumbled name,
"the the") passed "Nothing said twice".
"""

from __future__ import annotations

import pytest

from app.domain.coach import Profile, Rules, analyse
from app.resources import coach_rules as shipped_rules

JORDAN = Profile("Jordan Lee", "555-201-7788")


@pytest.fixture(scope="module")
def rules() -> Rules:
    return shipped_rules()


def _repeats(text: str, rules: Rules, profile: Profile | None = JORDAN) -> list[str]:
    report = analyse(text, profile=profile, rules=rules)
    return [text[f.start : f.end] for f in report.findings if f.id == "repetition"]


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("Call whenever suits you, truly, whenever suits.", "whenever suits"),
        ("Could we meet next week, or next week at the latest?", "next week"),
        ("I design data pipelines, data pipelines for clinics.", "data pipelines"),
        ("We met at the the career fair.", "the the"),
        ("I'd value your your advice.", "your your"),
        ("Hi Pat, this is Jordan Jordan Lee.", "Jordan Jordan"),
        ("Hi Pat, this is Jordan Lee Lee.", "Lee Lee"),
    ],
)
def test_near_repeats_and_doubled_words_are_found(text: str, repeat: str, rules: Rules) -> None:
    assert _repeats(text, rules) == [repeat]


@pytest.mark.parametrize(
    "text",
    [
        "Hi Pat, this is Jordan Lee, 555-201-7788. I'd value your advice on data roles. "
        "Again, this is Jordan Lee, 555-201-7788.",
        "Call me at five five five, two oh one, seven seven eight eight. Thanks.",
        "I know that that team is growing.",
        "It was one of the best of the talks at the fair.",
        "I led supply chain planning at Acme, where we rebuilt the whole network of "
        "warehouses, carriers and stores from scratch, and supply chain work is what I love.",
        "My number is 555-201-7788; again, my number is 555-201-7788.",
    ],
)
def test_ordinary_prose_and_the_call_back_are_not_repetition(text: str, rules: Rules) -> None:
    assert _repeats(text, rules) == []


def test_without_a_profile_a_stumbled_self_introduction_is_found(rules: Rules) -> None:
    text = "Hi Pat, Jordan Jordan Lee here. Again, Jordan Lee."
    assert _repeats(text, rules, profile=None) == ["Jordan Jordan"]
