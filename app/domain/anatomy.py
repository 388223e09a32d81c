"""The anatomy of a networking voicemail, checked one part at a time.

Each ``*_hits`` function looks at one part (the name, the objective, the number, ...) and
returns ``Hit``s: a finding id, the span it refers to, a friendly sentence and a fix. The
coach (``app.domain.coach``) gives them their severity and groups them into the checklist.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from app.domain.phone import NumberMention, find_numbers
from app.domain.prose import find_name, self_introduced_name, sentence_index

OPENING_SENTENCES = 2  # "in the first two sentences": name, objective
CLOSING_SENTENCES = 2  # "in the last two sentences": the number again, the call-back close


class Hit(NamedTuple):
    id: str
    start: int
    end: int
    message: str
    fix: str


@dataclass(frozen=True, slots=True)
class Text:
    """A script prepared for checking: normalised text, its sentences, numbers and name."""

    text: str
    sentences: list[tuple[int, int]]
    numbers: tuple[NumberMention, ...]
    name: str  # the caller's name: from the profile, else a "this is <Name>"; "" if unknown
    name_spans: list[tuple[int, int]]
    word_starts: list[int]  # where each word (as the editor counts them) starts

    @property
    def opening(self) -> tuple[int, int]:
        return self._span(self.sentences[:OPENING_SENTENCES])

    @property
    def closing(self) -> tuple[int, int]:
        return self._span(self.sentences[-CLOSING_SENTENCES:])

    def _span(self, sentences: list[tuple[int, int]]) -> tuple[int, int]:
        return (sentences[0][0], sentences[-1][1]) if sentences else (0, len(self.text))

    def sentence_of(self, offset: int) -> int:
        return sentence_index(self.sentences, offset)

    def in_closing(self, offset: int) -> bool:
        return self.closing[0] <= offset < self.closing[1]

    @property
    def name_or_placeholder(self) -> str:
        return self.name or "your name"


def caller_name(text: str, profile_name: str) -> tuple[str, list[tuple[int, int]]]:
    """The caller's name and where it is said: the profile's, else the self-introduced one.

    A self-introduction that shares a name with the profile ("Sam Ortiz here" for Samuel
    Ortiz, "this is Sam") is the caller's name said in short.
    """
    name = " ".join(profile_name.split())
    said = self_introduced_name(text)
    if not name:
        return said, find_name(text, said)
    spans = find_name(text, name)
    if not spans and said and _short_for(said, name):
        return said, find_name(text, said)
    return name, spans


def _short_for(said: str, full: str) -> bool:
    """Whether ``said`` names the same person as ``full``: a shared name, or a first name
    that is the start of the other ("Sam" for "Samuel")."""
    said_words, full_words = said.lower().split(), full.lower().split()
    if set(said_words) & set(full_words):
        return True
    first, other = said_words[0], full_words[0]
    return (
        len(first) >= 3 and len(other) >= 3 and (first.startswith(other) or other.startswith(first))
    )


def name_hits(doc: Text) -> list[Hit]:
    who = doc.name_or_placeholder
    if not doc.name_spans:
        start, end = doc.sentences[0] if doc.sentences else (0, 0)
        return [
            Hit(
                "name_missing",
                start,
                end,
                "You never say your name, so they won't know who is calling.",
                f'Open with "Hi, this is {who}" in your first sentence.',
            )
        ]
    start, end = doc.name_spans[0]
    sentence = doc.sentence_of(start)
    if sentence < OPENING_SENTENCES:
        return []
    return [
        Hit(
            "name_late",
            start,
            end,
            f"Your name first comes in sentence {sentence + 1}; they decide in the first "
            "seconds whether to keep listening.",
            f'Say it in your first sentence: "Hi, this is {who}…".',
        )
    ]


def callback_numbers(doc: Text, profile_phone: str, region: str) -> list[NumberMention]:
    """The mentions of the number to call back: the profile's, else the most repeated one."""
    own = find_numbers(profile_phone, region) if profile_phone.strip() else []
    if own:
        return [m for m in doc.numbers if m.e164 == own[0].e164]
    if not doc.numbers:
        return []
    counts = Counter(m.e164 for m in doc.numbers)
    best = max(counts.values())
    chosen = next(m.e164 for m in doc.numbers if counts[m.e164] == best)  # ties: the first
    return [m for m in doc.numbers if m.e164 == chosen]


def number_hits(doc: Text, mentions: list[NumberMention], profile_phone: str) -> list[Hit]:
    number = doc.text[mentions[0].start : mentions[0].end] if mentions else profile_phone.strip()
    close = f'"Again, {doc.name_or_placeholder}, {number or "your number"}."'
    if not mentions:
        start, end = doc.sentences[0] if doc.sentences else (0, 0)
        whose = f"Your number ({number}) isn't" if number else "There's no phone number"
        return [
            Hit(
                "number_missing",
                start,
                end,
                f"{whose} in the script, so they can't call you back.",
                "Say your number right after your name, and again slowly at the end.",
            )
        ]
    hits = []
    first, last = mentions[0], mentions[-1]
    if len(mentions) == 1:
        hits.append(
            Hit(
                "number_once",
                first.start,
                first.end,
                "You give your number only once; if they miss it, they can't call back.",
                f"Say it again, slowly, in your last sentence: {close}",
            )
        )
    text_start, text_end = doc.opening[0], doc.closing[1]
    if first.start >= (text_start + text_end) / 2:
        hits.append(
            Hit(
                "number_not_early",
                first.start,
                first.end,
                "Your number only comes in the second half; give it early so they can "
                "reach for a pen.",
                "Say it in your first sentence, right after your name.",
            )
        )
    if not doc.in_closing(last.start):
        start, end = doc.closing
        hits.append(
            Hit(
                "number_not_at_end",
                start,
                end,
                "Your number isn't in your last two sentences, when they're ready to "
                "write it down.",
                f"Close with {close}",
            )
        )
    return hits


def close_hits(doc: Text, mentions: list[NumberMention]) -> list[Hit]:
    """The call-back close: the last two sentences say the name (the number: see above)."""
    if any(doc.in_closing(start) for start, _ in doc.name_spans):
        return []
    start, end = doc.closing
    number = doc.text[mentions[0].start : mentions[0].end] if mentions else "your number"
    return [
        Hit(
            "no_callback_close",
            start,
            end,
            "Your close doesn't repeat your name with your number for the call back.",
            f'End with "Again, {doc.name_or_placeholder}, {number}. Thanks!"',
        )
    ]


def long_sentence_hits(doc: Text, limit_words: int) -> list[Hit]:
    hits = []
    for start, end in doc.sentences:
        count = sentence_words(doc, start, end)
        if count > limit_words:
            hits.append(
                Hit(
                    "long_sentence",
                    start,
                    end,
                    f"This sentence has {count} words, more than you can say in one "
                    f"breath (over {limit_words}).",
                    "Split it in two at a natural pause.",
                )
            )
    return hits


def sentence_words(doc: Text, start: int, end: int) -> int:
    """Words as the editor counts them, a phone number (however written) counting as one."""
    words = bisect_left(doc.word_starts, end) - bisect_left(doc.word_starts, start)
    for mention in doc.numbers:
        if start <= mention.start < end:
            inside = bisect_left(doc.word_starts, mention.end) - bisect_left(
                doc.word_starts, mention.start
            )
            words -= max(inside - 1, 0)
    return words


def words_from(doc: Text, offset: int) -> int:
    """Words from the one holding ``offset`` to the end, a phone number counting as one."""
    index = bisect_right(doc.word_starts, offset) - 1
    start = doc.word_starts[index] if index >= 0 else 0
    return sentence_words(doc, start, len(doc.text))
