"""Small pieces of wording that the window, the command line and the exports share."""

from __future__ import annotations

from app.domain.countdown import format_seconds


def plural(count: int, word: str) -> str:
    """``1 take``, ``3 takes``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def signed_seconds(delta_s: float) -> str:
    """``+4.1 s``, or a true minus sign (U+2212) below zero; ``±0.0 s`` when it rounds to 0."""
    if round(delta_s, 1) == 0:
        return "±0.0 s"
    return f"{'+' if delta_s > 0 else '\N{MINUS SIGN}'}{format_seconds(abs(delta_s))}"
