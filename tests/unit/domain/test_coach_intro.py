"""How callers say who they are: "X here", "X calling", "my name's X", "it's X from …".

Issue 11: "Sam Ortiz here, 555-…" was not taken as saying the name, so the coach said "You
never say your name" and that the close lacked the call-back. The profile's name, when set,
is the name to look for; without one the coach reads it from the way the caller introduces
themselves.
"""

from __future__ import annotations

import pytest

from app.domain.coach import Profile, Rules, analyse
from app.domain.prose import self_introduced_name
from app.resources import coach_rules as shipped_rules

NAME_IDS = {"name_missing", "name_late", "no_callback_close"}


@pytest.fixture(scope="module")
def rules() -> Rules:
    return shipped_rules()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi Pat, Jordan Lee here, 555-201-7788.", "Jordan Lee"),
        ("Jordan Lee here. Quick question for you.", "Jordan Lee"),
        ("Good morning, Jordan Lee calling from Acme.", "Jordan Lee"),
        ("Hello Pat, Jordan calling about the meetup.", "Jordan"),
        ("Hi, my name's Jordan Lee.", "Jordan Lee"),
        ("Hi, my name is Jordan.", "Jordan"),
        ("Hey Pat, it's Jordan Lee from the Acme meetup.", "Jordan Lee"),
        ("Good afternoon, Jordan Lee speaking.", "Jordan Lee"),
        ("Hi Pat, this is Jordan.", "Jordan"),
        ("Hello, I'm Jordan Lee, a data analyst.", "Jordan Lee"),
        ("Hi Pat. Jordan Lee, here with a quick question.", ""),  # "here with": not an intro
        ("Thanks for calling me back last week.", ""),
        ("Hi Pat, hope you're well.", ""),
    ],
)
def test_the_ways_people_say_who_they_are(text: str, name: str) -> None:
    assert self_introduced_name(text) == name


def test_a_greeting_is_not_part_of_the_name() -> None:
    assert self_introduced_name("Hello Jordan Lee here.") == "Jordan Lee"
    assert self_introduced_name("Just calling to say thanks.") == ""
    assert self_introduced_name("I'm calling about the meetup.") == ""


@pytest.mark.parametrize("profile", [None, Profile("Jordan Lee", "555-201-7788")])
def test_name_here_says_the_name_and_the_close_repeats_it(
    profile: Profile | None, rules: Rules
) -> None:
    text = (
        "Hi Pat, Jordan Lee here, 555-201-7788. I'd value your advice on data roles in "
        "health care. Could we talk for ten minutes? Again, Jordan Lee, 555-201-7788."
    )
    fired = {f.id for f in analyse(text, profile=profile, rules=rules).findings}
    assert not fired & NAME_IDS


def test_the_profiles_name_is_found_by_its_first_and_last_names(rules: Rules) -> None:
    profile = Profile("Jordan Q. Lee", "555-201-7788")
    text = (
        "Hi Pat, Jordan Lee calling, 555-201-7788. I'd value your advice on data roles. "
        "Again, Jordan Lee, 555-201-7788."
    )
    fired = {f.id for f in analyse(text, profile=profile, rules=rules).findings}
    assert not fired & NAME_IDS


def test_with_a_profile_another_persons_name_is_not_the_callers(rules: Rules) -> None:
    profile = Profile("Sam Ortiz", "555-201-7788")
    text = (
        "Hi Pat, Jordan Lee here, 555-201-7788. I'd value your advice on data roles. "
        "Again, Jordan Lee, 555-201-7788."
    )
    fired = {f.id for f in analyse(text, profile=profile, rules=rules).findings}
    assert "name_missing" in fired


@pytest.mark.parametrize("said", ["Sam Ortiz here", "this is Sam", "Ortiz calling"])
def test_a_short_form_of_the_profiles_name_is_the_callers_name(said: str, rules: Rules) -> None:
    profile = Profile("Samuel Ortiz", "555-201-7788")
    text = (
        f"Hi Pat, {said}, 555-201-7788. I'd value your advice on data roles. "
        f"Again, {said}, 555-201-7788."
    )
    fired = {f.id for f in analyse(text, profile=profile, rules=rules).findings}
    assert not fired & NAME_IDS
