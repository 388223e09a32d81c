"""Repetition: a phrase said again, a near repeat, a doubled word. Each costs time.

* A phrase of three or more words said again anywhere.
* A near repeat: two words (not both small words like "of the") said again within a few
  words, in the same stretch ("whenever suits you, truly, whenever suits").
* A doubled word: the same word twice in a row ("the the", a stumbled "Sam Sam Ortiz"),
  names included; "that that" and "had had" are grammar.

The call-back is meant to be said twice, so the phone numbers and the caller's name are not
part of any phrase, and a phrase that only leads into them ("this is", "call me at") is not
reported either.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from app.domain.anatomy import Hit, Text
from app.domain.speech import tokens

NEAR_WORDS = 6  # a two-word repeat this close to the first is a stumble, not style
_GRAMMATICAL_DOUBLES = frozenset({"that", "had"})
# A word, then the same word (any case) after spaces only: a line break or a comma between
# them is a new sentence or a deliberate "no, no".
_DOUBLED_RE = re.compile(r"(?<![\w'])([^\W\d_]+(?:'[^\W\d_]+)*)[ \t]+\1(?![\w'])", re.IGNORECASE)
_SMALL_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with",
        "from", "by", "about", "as", "is", "are", "was", "were", "be", "been", "am", "i",
        "i'm", "i'd", "i've", "you", "you're", "your", "we", "our", "us", "me", "my", "it",
        "it's", "this", "that", "these", "those", "there", "here", "so", "if", "then", "than",
        "do", "did", "does", "have", "has", "had", "can", "could", "would", "will", "should",
        "may", "might", "not", "no", "hi", "again", "up", "out", "into", "over",
    }
)  # fmt: skip


def repetition_hits(doc: Text) -> list[Hit]:
    """Repeated phrases, near repeats and doubled words; the number and the name are meant
    to be said again."""
    skip = sorted([(m.start, m.end) for m in doc.numbers] + doc.name_spans)
    words = _words(doc, skip)
    skip_starts = [start for start, _ in skip]
    hits = _phrase_hits(doc, words, skip_starts)
    taken = sorted((hit.start, hit.end) for hit in hits)
    for hit in _near_hits(doc, words, skip_starts) + _doubled_hits(doc):
        index = bisect_left(taken, (hit.start, hit.end))
        neighbours = taken[max(index - 1, 0) : index + 1]
        if not any(hit.start < end and start < hit.end for start, end in neighbours):
            hits.append(hit)
    return hits


def _phrase_hits(doc: Text, words: list[_Word], skip_starts: list[int]) -> list[Hit]:
    """A phrase of three or more words said again."""
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
        hits.append(_said_twice(doc, start, end))
    return hits


def _said_twice(doc: Text, start: int, end: int) -> Hit:
    return Hit(
        "repetition",
        start,
        end,
        f'"{doc.text[start:end]}" comes up twice; the repeat costs time and adds nothing.',
        "Keep the stronger one and cut or reword the other.",
    )


def _near_hits(doc: Text, words: list[_Word], skip_starts: list[int]) -> list[Hit]:
    """Two words said again within ``NEAR_WORDS`` words, in the same stretch."""
    hits: list[Hit] = []
    taken = -1  # the last word index already part of a reported repeat
    for i in range(len(words) - 1):
        pair = (words[i].word, words[i + 1].word)
        if i <= taken or words[i].run != words[i + 1].run or _SMALL_WORDS.issuperset(pair):
            continue
        for j in range(i + 2, min(i + 2 + NEAR_WORDS, len(words) - 1)):
            again = (words[j].word, words[j + 1].word)
            if again == pair and words[j].run == words[j + 1].run == words[i].run:
                start, end = words[j].start, words[j + 1].end
                if not _leads_into(doc.text, end, skip_starts):
                    hits.append(_said_twice(doc, start, end))
                    taken = j + 1
                break
    return hits


def _doubled_hits(doc: Text) -> list[Hit]:
    """The same word twice in a row ("the the", "Sam Sam"), names included."""
    number_starts = [m.start for m in doc.numbers]
    hits = []
    for match in _DOUBLED_RE.finditer(doc.text):
        at = bisect_right(number_starts, match.start()) - 1
        if at >= 0 and match.start() < doc.numbers[at].end:
            continue  # "five five five, …": a number written as words
        if match.group(1).lower() not in _GRAMMATICAL_DOUBLES:
            hits.append(_doubled(doc, *match.span()))
    return hits


def _doubled(doc: Text, start: int, end: int) -> Hit:
    return Hit(
        "repetition",
        start,
        end,
        f'"{doc.text[start:end]}" says the same word twice in a row.',
        "Say it once.",
    )


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
