"""Whether a script can be read aloud at the pace the teleprompter will scroll it.

Fitting a text to its target can ask for any pace: 133 words in 30 s is about 264 wpm, and a
1,050-word script would need over 2,000. Above the readable pace (``verdicts``'
``DEFAULT_READABLE_WPM``, a preference) nobody can follow, so the Rehearse page says so before
Space, with what to do; when the scroll is capped at ``pacing.MAX_WPM`` it says that too,
because the take can then no longer end on time.
"""

from __future__ import annotations

import math

from app.domain.pacing import MAX_WPM


def needed_wpm(total_weight: float, target_s: float) -> float:
    """The pace that fits ``total_weight`` normal words into ``target_s``, without the cap
    (``pacing.fitted_wpm`` is this, clamped)."""
    return max(1.0, total_weight - 1) * 60.0 / target_s


def words_to_cut(total_weight: float, target_s: float, readable_wpm: float) -> int:
    """About how many words fewer would fit in ``target_s`` at ``readable_wpm``."""
    fits = readable_wpm * target_s / 60.0 + 1
    return max(1, math.ceil(total_weight - fits))


def pace_warning(
    words_per_minute: float,
    fitted: bool,
    *,
    total_weight: float,
    target_s: float,
    readable_wpm: float,
) -> str:
    """One line for the Rehearse page, or "" when the pace is readable.

    ``words_per_minute`` and ``fitted`` are the pace a take would use (``Rehearsal.pace_for``);
    ``total_weight`` is the text's spoken weight in normal words.
    """
    if not fitted:
        if words_per_minute <= readable_wpm:
            return ""
        return (
            f"Too fast to read aloud: {words_per_minute:.0f} wpm. Press ↓ to slow down, or 0 "
            "to fit the target"
        )
    needed = needed_wpm(total_weight, target_s)
    if needed <= readable_wpm:
        return ""
    cut = words_to_cut(total_weight, target_s, readable_wpm)
    if needed > MAX_WPM:
        return (
            f"Too long for {target_s:g} s: it would need {needed:.0f} wpm, and the prompter "
            f"scrolls at most {MAX_WPM:.0f}. Cut about {cut} words, or raise the target"
        )
    return f"Too fast to read aloud: {needed:.0f} wpm. Cut about {cut} words, or raise the target"
