"""The coach against a corpus of short scripts, each with the exact set of findings expected.

The corpus (``coach_corpus.json``) holds good scripts and each kind of bad one, with the
tricky cases the issue names: the number written as words, with dots, with +1, two different
numbers, the name only at the end, an objective phrased as a question.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.domain.coach import Profile, Report, Rules, analyse
from app.domain.script import ScriptKind
from app.resources import coach_rules as shipped_rules

CORPUS = json.loads((Path(__file__).parent / "coach_corpus.json").read_text(encoding="utf-8"))
ALEX = {"name": "Alex Rivera", "phone": "555-201-7788", "region": "US"}
KNOWN_IDS = {
    "too_long", "name_missing", "name_late", "objective_late", "number_missing", "number_once",
    "number_not_early", "number_not_at_end", "job_ask", "filler", "long_sentence", "repetition",
    "no_callback_close",
}  # fmt: skip


@pytest.fixture(scope="module")
def coach_rules() -> Rules:
    return shipped_rules()  # the shipped word lists in data/coach/


def _analyse(case: dict[str, Any], rules: Rules) -> Report:
    profile = case.get("profile", ALEX)
    return analyse(
        case["text"],
        kind=ScriptKind(case.get("kind", "voicemail")),
        target_s=case.get("target_s", 30.0),
        profile=Profile(**profile) if profile else None,
        rules=rules,
    )


def test_the_corpus_is_big_enough_and_names_each_kind_of_finding() -> None:
    cases = CORPUS["cases"]
    assert len(cases) >= 30
    assert len({case["name"] for case in cases}) == len(cases)
    assert {id_ for case in cases for id_ in case["expect"]} == KNOWN_IDS
    assert sum(not case["expect"] for case in cases) >= 8  # plenty of good scripts too


@pytest.mark.parametrize("case", CORPUS["cases"], ids=lambda case: case["name"])
def test_each_script_gets_exactly_the_expected_findings(
    case: dict[str, Any], coach_rules: Rules
) -> None:
    report = _analyse(case, coach_rules)
    assert sorted({finding.id for finding in report.findings}) == case["expect"]
    assert (report.score == report.max_score) == (not case["expect"])


@pytest.mark.parametrize("case", CORPUS["cases"], ids=lambda case: case["name"])
def test_every_finding_points_into_the_text(case: dict[str, Any], coach_rules: Rules) -> None:
    text = case["text"]
    for finding in _analyse(case, coach_rules).findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.message.endswith(".") and finding.fix
        if text:
            assert text[finding.start : finding.end].strip(), finding.id
