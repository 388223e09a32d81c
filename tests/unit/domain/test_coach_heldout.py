"""A floor under the coach's accuracy on the held-out set, so that it cannot silently regress.

The set (``tests/fixtures/coach_heldout/scripts.toml``) is for measuring only: rules are tuned
on the examples in the other unit tests. ``benchmarks/bench_coach_accuracy.py`` prints the
figures; raise the floors here when the coach gets better, never lower them to let a change in.
"""

from __future__ import annotations

from functools import partial

import pytest

from app.domain.coach import Rules
from app.resources import coach_rules
from tests.helpers.coach_heldout import Score, fired_ids, load_heldout, overall, score

# Before issue 11's coach changes: precision 0.36, recall 0.59, 11 of 36 scripts exact.
FLOOR_PRECISION = 0.93
FLOOR_RECALL = 1.0
FLOOR_EXACT_SCRIPTS = 34
# Finding ids the coach now gets right on every script of the set: none may slip back.
PERFECT_IDS = ("filler", "job_ask", "name_missing", "no_callback_close", "repetition")


@pytest.fixture(scope="module")
def rules() -> Rules:
    return coach_rules()


@pytest.fixture(scope="module")
def scores(rules: Rules) -> dict[str, Score]:
    return score(load_heldout(), partial(fired_ids, rules=rules))


def test_the_set_has_thirty_scripts_good_and_bad_of_both_kinds() -> None:
    scripts = load_heldout()
    assert len(scripts) >= 30
    assert len({script.name for script in scripts}) == len(scripts)
    assert sum(not script.expect for script in scripts) >= 8
    assert sum(script.kind.value == "elevator_pitch" for script in scripts) >= 3


def test_overall_precision_and_recall_stay_above_their_floor(scores: dict[str, Score]) -> None:
    total = overall(scores)
    assert total.precision >= FLOOR_PRECISION
    assert total.recall >= FLOOR_RECALL


@pytest.mark.parametrize("finding_id", PERFECT_IDS)
def test_the_findings_issue_11_fixed_stay_fixed(finding_id: str, scores: dict[str, Score]) -> None:
    figures = scores.get(finding_id, Score())
    assert (figures.false_positives, figures.false_negatives) == (0, 0)


def test_as_many_scripts_as_before_get_exactly_the_expected_findings(rules: Rules) -> None:
    scripts = load_heldout()
    exact = sum(fired_ids(script, rules) == script.expect for script in scripts)
    assert exact >= FLOOR_EXACT_SCRIPTS
