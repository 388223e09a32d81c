"""How each take outcome looks, in one place: colour and chart symbol (the label is the
domain's ``Outcome.label``).

Colours are the Okabe-Ito palette, which stays distinguishable with the common forms of colour
blindness; every outcome also has its own symbol and label, so colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor

from app.domain.attempt import Outcome

# WCAG 2 contrast for normal-size text.
_TEXT_CONTRAST = 4.5


@dataclass(frozen=True, slots=True)
class OutcomeStyle:
    """The look of one outcome. ``symbol`` is a pyqtgraph symbol name."""

    colour_hex: str
    symbol: str

    @property
    def colour(self) -> QColor:
        return QColor(self.colour_hex)


OUTCOME_STYLES: dict[Outcome, OutcomeStyle] = {
    Outcome.NAILED: OutcomeStyle("#009E73", "star"),  # bluish green
    Outcome.GOOD: OutcomeStyle("#0072B2", "o"),  # blue
    Outcome.STUMBLED: OutcomeStyle("#E69F00", "t"),  # orange
    Outcome.RAMBLED: OutcomeStyle("#D55E00", "s"),  # vermillion
    Outcome.ABANDONED: OutcomeStyle("#999999", "x"),  # grey
    Outcome.UNRATED: OutcomeStyle("#CC79A7", "d"),  # reddish purple
}


def outcome_style(outcome: Outcome) -> OutcomeStyle:
    return OUTCOME_STYLES[outcome]


def outcome_colour(outcome: Outcome) -> QColor:
    """The outcome's marker colour (a new QColor each call, so callers may change it)."""
    return QColor(OUTCOME_STYLES[outcome].colour_hex)


def outcome_symbol(outcome: Outcome) -> str:
    return OUTCOME_STYLES[outcome].symbol


def outcome_text_colour(outcome: Outcome, background: QColor, *others: QColor) -> QColor:
    """The outcome colour, darkened or lightened just enough to read as text on ``background``
    (and on ``others``, e.g. a table's alternate rows).

    Orange and grey are fine as filled markers but too faint as text on white, so table text
    gets a shade with at least 4.5:1 contrast; the hue stays recognisably the same.
    """
    backgrounds = tuple(colour.rgb() for colour in (background, *others))
    return QColor(_readable_hex(OUTCOME_STYLES[outcome].colour_hex, backgrounds))


@cache
def _readable_hex(colour_hex: str, background_rgbs: tuple[int, ...]) -> str:
    colour, backgrounds = QColor(colour_hex), [QColor(rgb) for rgb in background_rgbs]
    towards = QColor("#000000") if _luminance(backgrounds[0]) > 0.5 else QColor("#ffffff")
    for step in range(21):
        mixed = _mix(colour, towards, step / 20)
        if all(_contrast(mixed, background) >= _TEXT_CONTRAST for background in backgrounds):
            return mixed.name()
    return towards.name()


def _mix(colour: QColor, other: QColor, amount: float) -> QColor:
    keep = 1.0 - amount
    return QColor.fromRgbF(
        colour.redF() * keep + other.redF() * amount,
        colour.greenF() * keep + other.greenF() * amount,
        colour.blueF() * keep + other.blueF() * amount,
    )


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_ink(background: QColor) -> str:
    """Black or white, whichever reads better as text on ``background`` (a filled button)."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return "#000000" if _contrast(black, background) >= _contrast(white, background) else "#ffffff"
