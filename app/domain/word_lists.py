"""The coach's word lists and limits, parsed from the text files in ``data/coach/``.

Pure domain code: the caller reads the files (``app.resources.coach_rules``) and passes their
text in, keyed by file stem. ``app.domain.coach`` re-exports ``Rules`` and ``parse_rules``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.prose import normalise

# A breath group — what a speaker says comfortably on one breath — lasts up to about 10 s;
# at 150 wpm that is 25 words. Longer sentences get rushed or broken in odd places.
DEFAULT_LONG_SENTENCE_WORDS = 25


@dataclass(frozen=True, slots=True)
class Rules:
    """Word lists from ``data/coach/`` (fillers, job asks, objective cues, ...)."""

    fillers: tuple[str, ...] = ()
    job_asks: tuple[str, ...] = ()
    objective_cues: tuple[str, ...] = ()
    connection_cues: tuple[str, ...] = ()  # how they know the listener: not fluff before an ask
    job_requests: tuple[str, ...] = ()  # "could you", "do you have": see domain.job_ask
    job_nouns: tuple[str, ...] = ()  # "job", "anything open", "hiring manager"
    long_sentence_words: int = DEFAULT_LONG_SENTENCE_WORDS


def parse_rules(files: dict[str, str]) -> Rules:
    """Rules from the text of the files in ``data/coach/``, keyed by file stem.

    Phrase lists (``fillers``, ``job_asks``, ``objective_cues``, ``connection_cues``,
    ``job_requests``, ``job_nouns``) hold one phrase a line; ``limits`` holds ``name = number``
    lines (``long_sentence_words``). ``#`` starts a comment. Unknown stems are ignored, so a
    newer data folder does not break an older app.
    """
    limits = dict(_limits(files.get("limits", "")))
    return Rules(
        fillers=_phrases(files.get("fillers", "")),
        job_asks=_phrases(files.get("job_asks", "")),
        objective_cues=_phrases(files.get("objective_cues", "")),
        connection_cues=_phrases(files.get("connection_cues", "")),
        job_requests=_phrases(files.get("job_requests", "")),
        job_nouns=_phrases(files.get("job_nouns", "")),
        long_sentence_words=int(limits.get("long_sentence_words", DEFAULT_LONG_SENTENCE_WORDS)),
    )


def _lines(text: str) -> list[str]:
    lines = (line.partition("#")[0] for line in normalise(text).splitlines())
    return [" ".join(line.split()) for line in lines if line.strip()]


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.lower() for line in _lines(text)))


def _limits(text: str) -> Iterable[tuple[str, float]]:
    for line in _lines(text):
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"limits: expected 'name = number', got {line!r}")
        yield key.strip(), float(value)
