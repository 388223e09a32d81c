"""Scripts and their revisions as value objects, plus word counts and spoken-length estimates."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_TARGET_S = 30.0

_TOKEN_RE = re.compile(r"\S+")
_ALNUM_RE = re.compile(r"[^\W_]")  # exactly the characters for which str.isalnum() is true


class ScriptKind(StrEnum):
    """What the script is for; it sets the default target length."""

    VOICEMAIL = "voicemail"
    ELEVATOR_PITCH = "elevator_pitch"
    CONVERSATION = "conversation"

    @property
    def label(self) -> str:
        return {
            ScriptKind.VOICEMAIL: "Voicemail",
            ScriptKind.ELEVATOR_PITCH: "Elevator pitch",
            ScriptKind.CONVERSATION: "Conversation",
        }[self]

    @property
    def default_target_s(self) -> float:
        return {
            ScriptKind.VOICEMAIL: 30.0,
            ScriptKind.ELEVATOR_PITCH: 45.0,
            ScriptKind.CONVERSATION: 60.0,
        }[self]


@dataclass(frozen=True, slots=True)
class Script:
    """A script in the library. ``id`` is None until it has been stored."""

    name: str
    kind: ScriptKind
    target_s: float
    text: str
    id: int | None = None
    words_per_minute: float | None = None  # the user's nudged pace for this script, if any
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class Revision:
    """An exact text that was rehearsed; attempts point at one."""

    id: int
    script_id: int
    number: int
    text: str
    created_at: str
    coach_score: int | None = None  # the script coach's score of this text, once checked
    coach_max: int | None = None


def _is_spoken(token: str) -> bool:
    """A token is a word if it holds a letter, a digit or a symbol such as an emoji.

    Lone punctuation ("—", "...") is not spoken, so it is not counted or paced.
    """
    # The regex answers for nearly every token at C speed; symbols are the rare rest.
    if _ALNUM_RE.search(token) is not None:
        return True
    return any(unicodedata.category(ch) == "So" for ch in token)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the spoken words in ``text``, in order."""
    return [m.span() for m in _TOKEN_RE.finditer(text) if _is_spoken(m.group())]


def words(text: str) -> list[str]:
    """The spoken words of ``text`` (whitespace-separated, punctuation attached)."""
    return [text[start:end] for start, end in word_spans(text)]


def word_count(text: str) -> int:
    return len(words(text))


def has_words(text: str) -> bool:
    """Whether ``text`` has a word to speak; stops at the first, so a megabyte costs nothing."""
    return any(_is_spoken(match.group()) for match in _TOKEN_RE.finditer(text))


def clean_text(text: str) -> str:
    """Text as it may be stored: NUL bytes removed (SQLite and Qt both mishandle them)."""
    return text.replace("\x00", "")
