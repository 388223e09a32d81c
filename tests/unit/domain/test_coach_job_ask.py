"""Asking for a job, found by meaning: a request form aimed at a job, an opening, a role, a
hiring manager or a résumé hand-off, unless it is negated or only asks about the topic.

Issue 11: "Do you have anything open in your group?" and "Could you put me forward for the
analyst job?" passed; "this isn't a request for a position" must still pass.
"""

from __future__ import annotations

import pytest

from app.domain.coach import Profile, Rules, Severity, analyse
from app.resources import coach_rules as shipped_rules

JORDAN = Profile("Jordan Lee", "555-201-7788")
OPEN = "Hi Pat, this is Jordan Lee, 555-201-7788."
CLOSE = "Again, Jordan Lee, 555-201-7788."


@pytest.fixture(scope="module")
def rules() -> Rules:
    return shipped_rules()


def _asks(sentence: str, rules: Rules) -> list[str]:
    text = f"{OPEN} {sentence} {CLOSE}"
    report = analyse(text, profile=JORDAN, rules=rules)
    return [text[f.start : f.end] for f in report.findings if f.id == "job_ask"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Do you have anything open in your group?",
        "Could you put me forward for the analyst job?",
        "Can you get my resume in front of the hiring manager?",
        "Would you keep me in mind if a role opens up on your team?",
        "Is your team taking on anyone new this spring?",
        "Any chance there's a position for me at Acme?",
        "Could you refer me to the recruiter for your data team?",
        "Would you forward my CV to your HR people?",
        "I'd love to know whether Acme has any vacancies in analytics.",
        "Please consider me for the operations lead opening.",
        "I know you're not hiring, but is there a spot for someone like me?",
    ],
)
def test_a_request_for_a_job_in_other_words_is_a_job_ask(sentence: str, rules: Rules) -> None:
    assert _asks(sentence, rules), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "This isn't a request for a position; I'd value your advice.",
        "I'm not asking you for a job, only for your perspective.",
        "Rather than asking for a role, I'd love your advice on biotech.",
        "I'd value your advice on how people find roles in biotech.",
        "Could you tell me what the analyst role involves day to day?",
        "Could you introduce me to someone who works in biotech?",
        "Would you share your thoughts on my resume?",
        "Could we talk about how your team hires analysts?",
        "I spent six years in a role much like yours.",
        "Please give my best to the team in your new role.",
        "Would you have fifteen minutes to talk about your role?",
        "Can I ask how you got your job at Acme?",
        "Could you spare ten minutes, now that my position at Acme has ended?",
    ],
)
def test_advice_about_jobs_and_negated_asks_are_not_job_asks(sentence: str, rules: Rules) -> None:
    assert _asks(sentence, rules) == []


def test_the_finding_keeps_the_error_severity_and_spans_the_request(rules: Rules) -> None:
    text = f"{OPEN} Do you have anything open in your group? {CLOSE}"
    findings = analyse(text, profile=JORDAN, rules=rules).findings
    [finding] = [f for f in findings if f.id == "job_ask"]
    assert finding.severity is Severity.ERROR
    assert text[finding.start : finding.end] == "Do you have anything open"


def test_the_listed_phrases_are_negated_too(rules: Rules) -> None:
    assert _asks("Are you hiring?", rules) == ["Are you hiring"]
    assert _asks("I'm not looking for a job from you; just your advice.", rules) == []
