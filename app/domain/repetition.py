"""Repeated phrases: three or more words said again, which cost time and add nothing.

The call-back is meant to be said twice, so the phone numbers and the caller's name are not
part of any phrase, and a phrase that only leads into them ("this is", "call me at") is not
reported either.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from app.domain.anatomy import Hit, Text
from app.domain.speech import tokens


def repetition_hits(doc: Text) -> list[Hit]:
    """A phrase of three or more words said again; the number and the name are meant to be."""
    skip = sorted([(m.start, m.end) for m in doc.numbers] + doc.name_spans)
    words = _words(doc, skip)
    skip_starts = [start for start, _ in skip]
    first_at: dict[tuple[str, str, str], int] = {}
    hits: list[Hit] = []
    i = 0
    while i + 2 < len(words):
        if words[i].run != words[i + 2].run:
            i += 1
            continue
        earlier = first_at.setdefault((words[i].word, words[i + 1].word, words[i + 2].word), i)
        if earlier + 3 > i:  # the first time, or overlapping itself ("very very very very")
            i += 1
            continue
        length = 3
        while (
            i + length < len(words)
            and earlier + length < i
            and words[i + length].run == words[i].run
            and words[earlier + length].run == words[earlier].run
            and words[earlier + length].word == words[i + length].word
        ):
            length += 1
        start, end = words[i].start, words[i + length - 1].end
        i += length
        if _leads_into(doc.text, end, skip_starts):
            continue  # "this is <name>", "call me at <number>": the call-back is said twice
        hits.append(
            Hit(
                "repetition",
                start,
                end,
                f'"{doc.text[start:end]}" comes up twice; the repeat costs time and adds nothing.',
                "Keep the stronger one and cut or reword the other.",
            )
        )
    return hits


def _leads_into(text: str, end: int, skip_starts: list[int]) -> bool:
    """Whether only spaces and punctuation lie between ``end`` and the next name or number."""
    index = bisect_left(skip_starts, end)
    if index == len(skip_starts):
        return False
    return not any(ch.isalnum() for ch in text[end : skip_starts[index]])


class _Word(NamedTuple):
    word: str  # lower-cased
    start: int
    end: int
    run: int  # words in the same run are said in one stretch (same sentence, no skip between)


def _words(doc: Text, skipped: list[tuple[int, int]]) -> list[_Word]:
    """The words of each sentence, with a new run after each sentence end or skipped span."""
    found: list[_Word] = []
    next_skip = 0
    run = 0
    for start, end in doc.sentences:
        run += 1
        for match in tokens(doc.text, start, end):
            at = match.start()
            while next_skip < len(skipped) and skipped[next_skip][1] <= at:
                next_skip += 1
            if next_skip < len(skipped) and skipped[next_skip][0] <= at:
                run += 1  # inside a number or the name: the run breaks here
                continue
            found.append(_Word(match.group().lower(), at, match.end(), run))
    return found
