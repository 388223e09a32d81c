"""The shipped starters: written for whoever uses them, filled in with the user's details."""

from __future__ import annotations

import pytest

from app.domain.coach import Profile, Rules, analyse, find_numbers
from app.domain.script import Script, ScriptKind
from app.domain.starters import (
    NAME_PLACEHOLDER,
    NUMBER_PLACEHOLDER,
    fill_in_details,
    has_placeholders,
    opening_script_id,
    parse_starters,
)
from app.resources import coach_rules as shipped_rules
from app.resources import resource_path

# Names and numbers of several shapes and regions; the last is the longest a starter is
# asked to carry (four names, a 13-digit international number).
PROFILES = (
    Profile("Priya Natarajan", "+44 20 7946 0958", "GB"),
    Profile("Christopher Montgomery-Smith", "+1 (555) 201-7788", "US"),
    Profile("Wei", "0412 345 678", "AU"),
    Profile("Zoë Ødegård", "412 34 567", "NO"),
    Profile("Maria José García-López", "+49 151 23456789", "DE"),
)
NAME_AND_NUMBER_CHECKS = {"name", "number_early", "number_twice", "close"}


@pytest.fixture(scope="module")
def starters() -> list[Script]:
    return parse_starters(resource_path("data", "starter_scripts.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def rules() -> Rules:
    return shipped_rules()


def test_no_starter_is_written_for_someone_else(starters: list[Script]) -> None:
    for starter in starters:
        assert "Alex Rivera" not in starter.text, starter.name
        assert starter.text.count(NAME_PLACEHOLDER) >= 1, starter.name
        assert find_numbers(starter.text, "US") == [], starter.name  # no one's phone number
        if starter.kind is ScriptKind.VOICEMAIL:  # said early and again at the close
            assert starter.text.count(NAME_PLACEHOLDER) == 2, starter.name
            assert starter.text.count(NUMBER_PLACEHOLDER) == 2, starter.name


def test_until_the_details_are_given_the_coach_points_at_the_placeholders(
    starters: list[Script], rules: Rules
) -> None:
    voicemail = next(s for s in starters if s.kind is ScriptKind.VOICEMAIL)
    report = analyse(voicemail.text, kind=voicemail.kind, target_s=voicemail.target_s, rules=rules)
    failed = {check.id for check in report.checks if not check.passed}
    assert {"name", "number_early", "number_twice", "close"} <= failed
    missing = [f for f in report.findings if f.id in {"name_missing", "number_missing"}]
    assert missing and all(NAME_PLACEHOLDER in voicemail.text[f.start : f.end] for f in missing)


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.region)
def test_filled_in_every_starter_passes_the_name_and_number_checks(
    starters: list[Script], rules: Rules, profile: Profile
) -> None:
    for starter in starters:
        text = fill_in_details(starter.text, profile)
        assert not has_placeholders(text)
        report = analyse(
            text, kind=starter.kind, target_s=starter.target_s, profile=profile, rules=rules
        )
        failed = {check.id for check in report.checks if not check.passed}
        assert failed.isdisjoint(NAME_AND_NUMBER_CHECKS), (starter.name, report.findings)


@pytest.mark.parametrize("profile", PROFILES[:-1], ids=lambda p: p.region)
def test_filled_in_with_usual_details_every_starter_gets_a_full_score(
    starters: list[Script], rules: Rules, profile: Profile
) -> None:
    for starter in starters:
        text = fill_in_details(starter.text, profile)
        report = analyse(
            text, kind=starter.kind, target_s=starter.target_s, profile=profile, rules=rules
        )
        assert report.findings == (), (starter.name, report.findings)


def test_a_detail_not_given_keeps_its_placeholder() -> None:
    text = f"It's {NAME_PLACEHOLDER} at {NUMBER_PLACEHOLDER}. Again, {NAME_PLACEHOLDER}."
    assert fill_in_details(text, Profile(name="  Sam   Lee ")) == (
        f"It's Sam Lee at {NUMBER_PLACEHOLDER}. Again, Sam Lee."
    )
    assert fill_in_details(text, Profile(phone="555-0100")) == (
        f"It's {NAME_PLACEHOLDER} at 555-0100. Again, {NAME_PLACEHOLDER}."
    )
    assert fill_in_details(text, Profile()) == text


def test_the_first_run_opens_on_the_first_voicemail_starter(starters: list[Script]) -> None:
    stored = [Script(s.name, s.kind, s.target_s, s.text, id=n) for n, s in enumerate(starters, 1)]
    listed = sorted(stored, key=lambda s: s.name)  # the library lists them by name
    assert listed[0].kind is ScriptKind.ELEVATOR_PITCH
    opening = opening_script_id(listed, None)
    assert opening == stored[0].id and stored[0].kind is ScriptKind.VOICEMAIL
    assert opening_script_id(listed, stored[2].id) == stored[2].id  # the last one used
    assert opening_script_id(listed, 99) == stored[0].id  # ... unless it is gone
    pitch = [s for s in stored if s.kind is not ScriptKind.VOICEMAIL]
    assert opening_script_id(pitch, None) == pitch[0].id
    assert opening_script_id([], None) is None
