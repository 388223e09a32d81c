"""How Brevity counts: the one rule behind the result line, the Progress cards, the chart's
Best marker and on-target band, the CSV's verdict column and ``brevity stats``.

* A take is **finished** when the user stopped it and did not abandon it. Reaching the end of
  the text is not required: a take stopped at 27.9 s counts like any other (the result line
  says how far from the end it stopped).
* Its **length** is ``Attempt.timed_s``: the spoken length when the recording was measured,
  otherwise the time between the key presses. Its **pace** is its words per minute of length;
  a take stopped before the end has no known pace (its words were not all said), so it is
  judged by its length alone.
* Its **verdict** (``Judgement``), against the take's own target:
  ``over`` more than 2 s over; ``on`` within 2 s either side; ``under`` more than 2 s under;
  ``too fast`` more than 2 s under at a pace above the readable pace (180 wpm unless the
  preference says otherwise): rushed, so never praised, never on target and never a best.
* **On target** counts the takes whose verdict is ``on``, among the last 10 finished takes.
* The **best** take is the finished one rated Nailed or Good (or not rated yet), not too fast,
  that lands closest to its target without going over it; a tie goes to the later take.
* **Today** and the **streak** count finished takes (a streak: days in a row, ending today or,
  while today is still empty, yesterday).
* The **trend** compares the mean length of the last 10 finished takes at a readable pace with
  the 10 before; it needs 12 such takes (2 in the older window).
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.attempt import Attempt, Outcome, TargetVerdict

DEFAULT_READABLE_WPM = 180.0
MIN_READABLE_WPM = 100.0
MAX_READABLE_WPM = 300.0
# Outcomes a finished take may have and still be a best: a stumbled or rambled take is not.
BEST_OUTCOMES = frozenset({Outcome.NAILED, Outcome.GOOD, Outcome.UNRATED})


class Judgement(StrEnum):
    """A take's verdict; the values are what the CSV's Verdict column says."""

    ON = "on"
    UNDER = "under"
    OVER = "over"
    TOO_FAST = "too fast"
    ABANDONED = "abandoned"


def is_finished(attempt: Attempt) -> bool:
    """Stopped by the user and not abandoned, wherever the teleprompter had got to."""
    return attempt.outcome is not Outcome.ABANDONED


def pace_wpm(attempt: Attempt) -> float:
    """Words per minute of the take's length (the script's words over ``timed_s``)."""
    return attempt.words * 60.0 / max(attempt.timed_s, 0.1)


def judge(attempt: Attempt, readable_wpm: float = DEFAULT_READABLE_WPM) -> Judgement:
    """The take's verdict by the rule in the module docstring."""
    if not is_finished(attempt):
        return Judgement.ABANDONED
    verdict = attempt.verdict
    if verdict is TargetVerdict.OVER:
        return Judgement.OVER
    if verdict is TargetVerdict.ON:
        return Judgement.ON
    rushed = attempt.reached_end and pace_wpm(attempt) > readable_wpm
    return Judgement.TOO_FAST if rushed else Judgement.UNDER


def is_on_target(attempt: Attempt, readable_wpm: float = DEFAULT_READABLE_WPM) -> bool:
    return judge(attempt, readable_wpm) is Judgement.ON


def counts_for_trend(attempt: Attempt, readable_wpm: float = DEFAULT_READABLE_WPM) -> bool:
    """Finished at a readable pace: rushing must not look like getting better."""
    return judge(attempt, readable_wpm) not in (Judgement.ABANDONED, Judgement.TOO_FAST)


def can_be_best(attempt: Attempt, readable_wpm: float = DEFAULT_READABLE_WPM) -> bool:
    """Finished, rated well (or not yet), not too fast, and not over its target."""
    return (
        attempt.outcome in BEST_OUTCOMES
        and attempt.timed_s <= attempt.target_s
        and judge(attempt, readable_wpm) is not Judgement.TOO_FAST
    )


def best_take(
    attempts_oldest_first: list[Attempt], readable_wpm: float = DEFAULT_READABLE_WPM
) -> Attempt | None:
    """The take that lands closest to its target without going over; the later one on a tie."""
    best: Attempt | None = None
    for attempt in attempts_oldest_first:
        if can_be_best(attempt, readable_wpm) and (best is None or _gap_s(attempt) <= _gap_s(best)):
            best = attempt
    return best


def _gap_s(attempt: Attempt) -> float:
    # Rounded to the tenth the user reads, so "29.5 s" and "29.5 s" are a tie, not a best.
    return round(attempt.target_s - attempt.timed_s, 1)


def length_text(attempt: Attempt) -> str:
    """ "27.6 s", or "25.6 s spoken (take 27.6 s)" when the speech was measured."""
    if attempt.spoken_s is None:
        return f"{attempt.duration_s:.1f} s"
    return f"{attempt.spoken_s:.1f} s spoken (take {attempt.duration_s:.1f} s)"


def result_line(
    attempt: Attempt, readable_wpm: float = DEFAULT_READABLE_WPM, *, lines_left: int = 0
) -> str:
    """The words after a take: its length(s), its verdict, and where it stopped if early."""
    if attempt.outcome is Outcome.ABANDONED:
        return f"Abandoned at {attempt.duration_s:.1f} s"
    delta_s = attempt.timed_s - attempt.target_s
    match judge(attempt, readable_wpm):
        case Judgement.OVER:
            line = f"{length_text(attempt)} — {delta_s:.1f} s over"
        case Judgement.TOO_FAST:
            line = (
                f"{length_text(attempt)} at {pace_wpm(attempt):.0f} wpm — too fast to follow; "
                "slow down"
            )
        case Judgement.UNDER:
            line = f"{length_text(attempt)} — {-delta_s:.1f} s under target"
        case _:
            line = f"{length_text(attempt)} — on target"
    if lines_left > 0:
        line += f" · stopped {lines_left} line{'s' if lines_left > 1 else ''} early"
    elif not attempt.reached_end:
        line += " · stopped before the end"
    return line
