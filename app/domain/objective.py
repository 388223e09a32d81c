"""Why you are calling: said soon, and with nothing but a connection line before it.

The objective (an objective cue, or a job ask, which states one too) is late when, at the
caller's pace, it starts after ``LATEST_SHARE`` of the target, or when a sentence before it
is fluff. The sentences that may come first: the greeting, the one with the caller's name or
number, and a connection line (how they know the listener, ``Rules.connection_cues``).
Anything else before the ask (a pleasantry, backstory, an apology) is fluff: the listener
waits through it without knowing why they should.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.domain.anatomy import Hit, Text
from app.domain.phone import NumberMention
from app.domain.prose import find_phrases
from app.domain.report import SpeakingRate
from app.domain.speech import measure

# Past the middle of the message a listener who still doesn't know why you called has
# stopped listening for it. (Name and number at half pace alone take about 7 s of 30.)
LATEST_SHARE = 0.5
_GREETING_RE = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[\w\s.,!'-]{0,24}$",
    re.IGNORECASE,
)
_FIX = (
    'Say what you want right after your name and number, e.g. "calling for your advice '
    'on…", "hoping you could introduce me to…" or "could we find 15 minutes…".'
)


def objective_hits(
    doc: Text,
    spans: list[tuple[int, int]],
    seconds_at: Callable[[int], float],
    target_s: float,
    connection_cues: tuple[str, ...],
) -> list[Hit]:
    """``spans``: where the objective is stated, in order; ``seconds_at``: spoken time to an
    offset at the caller's pace."""
    if not spans:
        start, end = doc.opening
        return [Hit("objective_late", start, end, _missing_message(doc), _FIX)]
    start, end = spans[0]
    at_s = seconds_at(start)
    fluff = _fluff_before(doc, start, connection_cues)
    if fluff is None and at_s <= target_s * LATEST_SHARE:
        return []
    when = f"Why you are calling comes about {at_s:.0f} s in"
    if fluff is not None:
        words = doc.text[fluff[0] : fluff[1]].split()
        quoted = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
        message = f'{when}, after "{quoted}"; cut that, or say it after the ask.'
    else:
        message = f"{when}; say it up front so they listen with it in mind."
    return [Hit("objective_late", start, end, message, _FIX)]


def _missing_message(doc: Text) -> str:
    if len(doc.sentences) > 1:
        return "Your first two sentences don't say why you are calling."
    return "Your script doesn't say why you are calling."


def _fluff_before(
    doc: Text, offset: int, connection_cues: tuple[str, ...]
) -> tuple[int, int] | None:
    """The first sentence before the one holding ``offset`` that the ask need not wait for."""
    for start, end in doc.sentences[: doc.sentence_of(offset)]:
        if not _may_come_first(doc, start, end, connection_cues):
            return start, end
    return None


def _may_come_first(doc: Text, start: int, end: int, connection_cues: tuple[str, ...]) -> bool:
    if any(start <= name_start < end for name_start, _ in doc.name_spans):
        return True
    if any(start <= mention.start < end for mention in doc.numbers):
        return True
    sentence = doc.text[start:end]
    return bool(_GREETING_RE.match(sentence)) or bool(find_phrases(sentence, connection_cues))


def spoken_seconds_at(
    text: str,
    numbers: tuple[NumberMention, ...],
    number_slowdown: float,
    rate: SpeakingRate,
    offset: int,
) -> float:
    """The spoken time from the start of ``text`` to ``offset``, at the caller's pace."""
    before = [mention for mention in numbers if mention.start < offset]
    timing = measure(text[:offset], before, number_slowdown)
    return timing.paced_syllables / rate.syllables_per_second
