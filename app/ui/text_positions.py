"""Python string indexes as Qt text positions.

Qt counts positions in UTF-16 units, Python in code points: a character outside the Basic
Multilingual Plane (an emoji, say) is one character here and two there. The prompter's layout
and the coach's marks both convert through these.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_offsets(text: str) -> list[int]:
    """Indexes of the characters of ``text`` outside the BMP (two UTF-16 units each in Qt)."""
    if text.isascii():
        return []
    return [match.start() for match in _ASTRAL.finditer(text)]


def to_qt_position(index: int, astral: list[int]) -> int:
    """Python string index ``index`` as a Qt position, given ``utf16_offsets`` of the text."""
    return index + bisect_left(astral, index)
