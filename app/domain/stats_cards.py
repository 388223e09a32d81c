"""The Progress cards' words for a ``Summary``: caption, big figure, short explanation.

The window's cards and ``brevity stats`` both print these, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.countdown import format_seconds
from app.domain.stats import Summary
from app.domain.wording import plural, signed_seconds

DASH = "\N{EM DASH}"


@dataclass(frozen=True, slots=True)
class Card:
    caption: str
    value: str
    detail: str


def cards(summary: Summary) -> tuple[Card, ...]:
    """Today, Streak, Best, On target and Trend, in the order the window shows them."""
    return (
        Card("Today", str(summary.attempts_today), f"of {summary.total} in all"),
        Card(
            "Streak",
            plural(summary.daily_streak, "day"),
            "in a row" if summary.daily_streak else "start today",
        ),
        _best(summary),
        _on_target(summary),
        Card("Trend", *_trend(summary.trend_s, summary.takes_for_trend)),
    )


def _best(summary: Summary) -> Card:
    if summary.personal_best_s is None:
        return Card("Best", DASH, "none within target yet")
    # Which point on the chart it is; the card's tooltip says why it is the best.
    where = f"take {summary.best_take}" if summary.best_take is not None else "closest to target"
    return Card("Best", format_seconds(summary.personal_best_s), where)


def _on_target(summary: Summary) -> Card:
    if not summary.considered:
        return Card("On target", DASH, "no takes yet")
    return Card("On target", str(summary.on_target), f"of last {summary.considered}")


def _trend(trend_s: float | None, takes_needed: int) -> tuple[str, str]:
    if trend_s is None:
        return DASH, f"{plural(max(takes_needed, 1), 'more take')} for a trend"
    if round(trend_s, 1) == 0:
        return signed_seconds(trend_s), "steady"
    return signed_seconds(trend_s), "faster" if trend_s < 0 else "slower"
