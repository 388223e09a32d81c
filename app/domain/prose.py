"""Sentences, phrases and names in a script, found by character span for highlighting."""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at . ! ? (or …) followed by white space, or at a line break; the dots
# inside "555.201.7788" or "3.5" are not followed by a space, so they do not end one.
_SENTENCE_END_RE = re.compile(r"(?:[.!?…]+[\"'”’)\]]*(?=\s|$))|\n")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "e.g", "i.e", "vs", "etc"})
_LAST_WORD_RE = re.compile(r"([\w.]+)$")
# How people introduce themselves when no profile says who they are: "this is <Name>", "my
# name's <Name>", "it's <Name> from …" before the name; "<Name> here", "<Name> calling",
# "<Name> speaking" after it. A name is one or two capitalised words that are not a greeting
# or a word that starts a sentence ("Just calling…", "I'm calling…").
_NOT_A_NAME = (
    "I|I'm|I've|We|We're|You|Just|Only|Simply|Also|So|And|But|Now|Still|Again|Hi|Hello|Hey|"
    "Good|Dear|Thanks|Thank|Morning|Afternoon|Evening|Who|Someone|Everyone|Team|Monday|"
    "Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
_NAME_WORD = rf"(?!(?:{_NOT_A_NAME})\b)[A-Z][\w'\-]*"
_NAME = rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)"
_INTRO_BEFORE_RE = re.compile(
    rf"\b(?i:this is|my name is|my name's|name's|it's|it is|i'm|i am|here's)\s+{_NAME}"
)
_INTRO_AFTER_RE = re.compile(rf"(?<![\w'\-]){_NAME}[ \t]+(?i:here|calling|speaking)\b")


def normalise(text: str) -> str:
    """Curly apostrophes made straight, so word lists match; the length stays the same."""
    return text.replace("’", "'").replace("‘", "'")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, without surrounding white space, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.end()
        last_word = _LAST_WORD_RE.search(text, start, match.start())
        if match.group() == "." and last_word and last_word.group(1).lower() in _ABBREVIATIONS:
            continue
        _append_trimmed(text, start, end, spans)
        start = end
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if any(ch.isalnum() for ch in stripped):
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Which sentence holds character ``offset`` (the next one when it falls between)."""
    for index, (_, end) in enumerate(spans):
        if offset < end:
            return index
    return max(len(spans) - 1, 0)


@lru_cache(maxsize=64)
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of ``phrases`` as whole words, longest first."""
    if not phrases:
        return None
    alternatives = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in alternatives)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", re.IGNORECASE)


def find_phrases(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the listed phrases in ``text`` (already ``normalise``d), in order."""
    pattern = phrase_pattern(phrases)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def find_name(text: str, name: str) -> list[tuple[int, int]]:
    """Where the caller says their name: the full name or the first name, capitalised."""
    parts = name.split()
    if not parts:
        return []
    # The full name, the first name, and first + last without a middle name or initial.
    forms = tuple(dict.fromkeys((" ".join(parts), f"{parts[0]} {parts[-1]}", parts[0])))
    pattern = phrase_pattern(forms)
    assert pattern is not None
    return [m.span() for m in pattern.finditer(text) if m.group()[0].isupper()]


def self_introduced_name(text: str) -> str:
    """The name in the first self-introduction ("this is <Name>", "<Name> here", ...), or ""."""
    found = [m for m in (_INTRO_BEFORE_RE.search(text), _INTRO_AFTER_RE.search(text)) if m]
    return min(found, key=lambda m: m.start()).group("name") if found else ""
