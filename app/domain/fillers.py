"""Fillers and hedges, judged in context: the same words are often ordinary words.

``Rules.fillers`` lists the phrases; a few are filler only in one use:

* "you know", "I mean", "you see" are filler when set off: followed by a comma, a stop or
  the end ("I was, you know, hoping…"); followed by an object they are verbs ("if you know
  someone at the clinic", "I mean to ask").
* "kind of", "sort of" are hedges ("I kind of wanted") except after a determiner or a
  question word, where they are nouns ("what kind of roles", "the sort of project").
"""

from __future__ import annotations

import re

from app.domain.anatomy import Hit, Text
from app.domain.prose import find_phrases

_SET_OFF_ONLY = frozenset({"you know", "i mean", "you see"})
_NOUN_AFTER = frozenset({"kind of", "sort of"})
_DETERMINERS = frozenset(
    {
        "what", "which", "whatever", "the", "this", "that", "these", "those", "a", "an",
        "any", "some", "every", "each", "one", "same", "right", "other", "no", "our", "my",
        "your", "their", "his", "her", "its",
    }
)  # fmt: skip
_SET_OFF_RE = re.compile(r"\s*(?:[,.;:!?…—–)]|$)")
_PREVIOUS_WORD_RE = re.compile(r"([\w']+)\W*$")


def filler_hits(doc: Text, fillers: tuple[str, ...]) -> list[Hit]:
    return [
        Hit(
            "filler",
            start,
            end,
            f'"{doc.text[start:end]}" is filler: it sounds unsure and costs you time.',
            "Cut it and say the rest plainly.",
        )
        for start, end in find_phrases(doc.text, fillers)
        if is_filler(doc.text, start, end)
    ]


def is_filler(text: str, start: int, end: int) -> bool:
    """Whether the listed phrase at ``text[start:end]`` is used as filler there."""
    phrase = " ".join(text[start:end].lower().split())
    if phrase in _SET_OFF_ONLY:
        return _SET_OFF_RE.match(text, end) is not None
    if phrase in _NOUN_AFTER:
        previous = _PREVIOUS_WORD_RE.search(text, max(start - 40, 0), start)
        return previous is None or previous.group(1).lower() not in _DETERMINERS
    return True
