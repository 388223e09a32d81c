"""The "new voicemail" helper writes a first draft that passes every check."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.coach import Profile, Rules, analyse
from app.domain.draft import Ask, draft_voicemail
from app.resources import coach_rules

RULES: Rules = coach_rules()
ALEX = Profile("Alex Rivera", "555-201-7788", "US")

_first_names = st.sampled_from(["Jordan", "Sam", "Priya", "Dr. Patel", "Mei", "Jean-Luc", ""])
_people = st.sampled_from(
    ["Alex Rivera", "Sam Okafor", "Maria del Carmen Ruiz", "Li Wei", "Chris", "Anne-Marie Dubois"]
)
_phones = st.sampled_from(
    ["555-201-7788", "(212) 555-0100", "+1 415 555 2671", "555.867.5309", "646 555 0199"]
)
_topics = st.sampled_from(
    [
        "supply chain planning",
        "hospital logistics",
        "moving into product management",
        "data engineering roles in healthcare",
        "UX research",
        "nursing informatics",
        "the move from teaching to instructional design",
    ]
)
_connections = st.sampled_from(
    [
        "",
        "Jordan Brooks suggested I call you",
        "we worked together at Northfield Foods",
        "we met at the Chicago logistics meetup last month",
        "I'm a fellow Michigan State graduate",
        "your colleague Priya Shah gave me your number",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    name=_people, phone=_phones, contact=_first_names, connection=_connections,
    ask=st.sampled_from(Ask), topic=_topics,
)  # fmt: skip
def test_every_draft_passes_every_check(
    name: str, phone: str, contact: str, connection: str, ask: Ask, topic: str
) -> None:
    profile = Profile(name, phone, "US")
    text = draft_voicemail(profile, contact, connection, ask, topic, rules=RULES)
    report = analyse(text, profile=profile, rules=RULES)
    assert report.findings == (), text
    assert report.score == report.max_score
    without_profile = analyse(text, rules=RULES)  # "this is <Name>" is found in the text too
    assert without_profile.findings == (), text


def test_a_draft_reads_naturally() -> None:
    text = draft_voicemail(
        ALEX, "Jordan", "we worked together at Northfield Foods", Ask.ADVICE,
        "supply chain planning", rules=RULES,
    )  # fmt: skip
    assert text == (
        "Hi Jordan, this is Alex Rivera at 555-201-7788, calling for your advice on supply "
        "chain planning. We worked together at Northfield Foods. Could we find 15 minutes next "
        "week? Again, Alex Rivera, 555-201-7788. Thanks, Jordan."
    )


def test_a_draft_drops_optional_lines_to_fit_a_short_target() -> None:
    text = draft_voicemail(
        ALEX, "Jordan", "we worked together at Northfield Foods", Ask.INTRODUCTION,
        "hospital logistics", target_s=24.0, rules=RULES,
    )  # fmt: skip
    assert analyse(text, target_s=24.0, profile=ALEX, rules=RULES).findings == ()
    assert "Northfield" not in text


def test_a_draft_needs_a_name_and_a_number() -> None:
    with pytest.raises(ValueError, match="name and phone"):
        draft_voicemail(Profile("Alex Rivera"), "Jordan", "", Ask.ADVICE, "logistics")
