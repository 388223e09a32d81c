"""The coach's held-out set and its scoring: precision and recall per finding id.

Shared by ``benchmarks/bench_coach_accuracy.py`` (which prints the figures) and
``tests/unit/domain/test_coach_heldout.py`` (which pins a floor under them). The scripts live
in ``tests/fixtures/coach_heldout/scripts.toml``; see its header for the rules of the set.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.coach import Profile, Rules, analyse
from app.domain.script import ScriptKind

HELDOUT = Path(__file__).resolve().parent.parent / "fixtures" / "coach_heldout" / "scripts.toml"


@dataclass(frozen=True, slots=True)
class HeldOutScript:
    name: str
    text: str
    kind: ScriptKind
    target_s: float
    profile: Profile | None
    expect: frozenset[str]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one finding id over the set: scripts where it fired rightly or wrongly."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        fired = self.true_positives + self.false_positives
        return self.true_positives / fired if fired else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def load_heldout(path: Path = HELDOUT) -> list[HeldOutScript]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    profiles: dict[str, dict[str, Any]] = data["profiles"]
    return [_script(entry, profiles) for entry in data["script"]]


def _script(entry: dict[str, Any], profiles: dict[str, dict[str, Any]]) -> HeldOutScript:
    profile = profiles[entry["profile"]] if "profile" in entry else None
    return HeldOutScript(
        name=entry["name"],
        text=entry["text"],
        kind=ScriptKind(entry.get("kind", "voicemail")),
        target_s=float(entry.get("target_s", 30.0)),
        profile=Profile(**profile) if profile is not None else None,
        expect=frozenset(entry["expect"]),
    )


def fired_ids(script: HeldOutScript, rules: Rules) -> frozenset[str]:
    report = analyse(
        script.text,
        kind=script.kind,
        target_s=script.target_s,
        profile=script.profile,
        rules=rules,
    )
    return frozenset(finding.id for finding in report.findings)


def score(
    scripts: Iterable[HeldOutScript], fired: Callable[[HeldOutScript], frozenset[str]]
) -> dict[str, Score]:
    """Per finding id: true/false positives and false negatives, counted per script."""
    counts: dict[str, list[int]] = {}
    for script in scripts:
        got = fired(script)
        for id_ in got | script.expect:
            tally = counts.setdefault(id_, [0, 0, 0])
            if id_ in got and id_ in script.expect:
                tally[0] += 1
            elif id_ in got:
                tally[1] += 1
            else:
                tally[2] += 1
    return {id_: Score(*tally) for id_, tally in sorted(counts.items())}


def overall(scores: dict[str, Score]) -> Score:
    """The micro-averaged figures: every (script, finding id) decision counted once."""
    return Score(
        sum(s.true_positives for s in scores.values()),
        sum(s.false_positives for s in scores.values()),
        sum(s.false_negatives for s in scores.values()),
    )
