"""The script coach: what makes a networking voicemail work, checked while the user writes.

CONTRACT (shared by the people building the coach, the editor panel and the prompter).
The names and fields below are fixed; the bodies are being written.

Pure domain code: no Qt, no SQLite. Word lists come in as a ``Rules`` value parsed from the
text files in ``data/coach/`` by ``parse_rules`` (the caller reads the files).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.phone import NumberMention, find_numbers
from app.domain.script import ScriptKind

__all__ = ["NumberMention", "find_numbers"]  # completed below

DEFAULT_NUMBER_SLOWDOWN = 2.0  # the number zone is read at half pace


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
    """One line of the checklist ("Your name early"); it passes when none of its findings fire."""

    id: str
    title: str
    passed: bool
    finding_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Profile:
    """Who is calling: used to find the caller's own name and number in the script."""

    name: str = ""
    phone: str = ""
    region: str = "US"  # ISO 3166 two-letter code, for reading phone numbers


@dataclass(frozen=True, slots=True)
class SpeakingRate:
    """The user's pace in syllables per second, and where it came from."""

    syllables_per_second: float
    takes: int  # how many completed takes it was learned from; 0 = the default

    @property
    def description(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Rules:
    """Word lists from ``data/coach/`` (fillers, job asks, objective cues, ...)."""

    fillers: tuple[str, ...] = ()
    job_asks: tuple[str, ...] = ()
    objective_cues: tuple[str, ...] = ()
    long_sentence_words: int = 25


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


def parse_rules(files: dict[str, str]) -> Rules:
    """Rules from the text of the files in ``data/coach/``, keyed by file stem."""
    raise NotImplementedError


def learn_rate(samples: Iterable[tuple[str, float]]) -> SpeakingRate:
    """The median syllables per second over (revision text, duration_s) of completed takes."""
    raise NotImplementedError


def analyse(
    text: str,
    *,
    kind: ScriptKind = ScriptKind.VOICEMAIL,
    target_s: float = 30.0,
    profile: Profile | None = None,
    rules: Rules | None = None,
    rate: SpeakingRate | None = None,
    number_slowdown: float = DEFAULT_NUMBER_SLOWDOWN,
) -> Report:
    """Check ``text`` and estimate its spoken length."""
    raise NotImplementedError
