"""The coach's report on one text: findings, the checklist and the spoken-length estimate.

Value types only, shared by the coach (``domain.coach``, which builds them and re-exports
them, so ``from app.domain.coach import Report`` stays the way to reach them), the editor panel
and the command line. Severities and the meaning of each finding id: see ``domain.coach``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.phone import NumberMention


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    TIP = "tip"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to fix, with the character span ``[start, end)`` it refers to."""

    id: str  # stable: too_long, name_missing, name_late, objective_late, number_missing, ...
    severity: Severity
    message: str  # one friendly sentence
    fix: str  # one concrete suggestion
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the checklist ("Your name early"); it passes when none of its findings fire.

    ``finding_ids`` are the ids this line covers (fired or not): the UI shows the report's
    findings with those ids under it.
    """

    id: str
    title: str
    passed: bool
    finding_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SpeakingRate:
    """The user's pace in syllables per second, and where it came from."""

    syllables_per_second: float
    takes: int  # how many completed takes it was learned from; 0 = the default

    @property
    def description(self) -> str:
        """Which pace an estimate used, for the line under it."""
        pace = f"{self.syllables_per_second:.3g} syllables a second"
        if self.takes == 0:
            return f"a typical pace ({pace}) until you've finished a few takes"
        return f"your pace over {self.takes} take{'s' * (self.takes != 1)} ({pace})"


@dataclass(frozen=True, slots=True)
class Report:
    """The coach's verdict on one text."""

    words: int
    syllables: int
    estimated_seconds: float
    target_s: float
    rate: SpeakingRate
    words_left: int  # negative when over the target: "9 words over"
    findings: tuple[Finding, ...]
    checks: tuple[Check, ...]
    numbers: tuple[NumberMention, ...] = field(default=())

    @property
    def score(self) -> int:
        return sum(check.passed for check in self.checks)

    @property
    def max_score(self) -> int:
        return len(self.checks)

    def to_json(self) -> dict[str, object]:
        return {
            "words": self.words,
            "estimated_seconds": round(self.estimated_seconds, 1),
            "score": self.score,
            "max_score": self.max_score,
            "findings": [finding.to_json() for finding in self.findings],
        }


def word_budget(words_left: int) -> str:
    """The live word budget: "14 words left" / "9 words over" (see ``Report.words_left``)."""
    count = abs(words_left)
    words = f"{count} word{'s' * (count != 1)}"
    return f"{words} left" if words_left >= 0 else f"{words} over"
