"""Never fit the text to an impossible pace silently: what the Rehearse page says before Space."""

from __future__ import annotations

import pytest

from app.domain.pacing import MAX_WPM, fitted_wpm
from app.domain.readable_pace import needed_wpm, pace_warning, words_to_cut


def test_a_readable_fitted_pace_needs_no_warning() -> None:
    assert pace_warning(150.0, True, total_weight=76, target_s=30, readable_wpm=180) == ""


def test_a_draft_fitted_above_the_readable_pace_is_called_too_fast_with_a_cut() -> None:
    wpm = fitted_wpm(152, 30)  # 151 words away in 30 s
    assert wpm == pytest.approx(302)
    warning = pace_warning(wpm, True, total_weight=152, target_s=30, readable_wpm=180)
    assert warning == "Too fast to read aloud: 302 wpm. Cut about 61 words, or raise the target"
    # Cutting that many is enough, and one fewer is not.
    assert needed_wpm(152 - 61, 30) <= 180 < needed_wpm(152 - 60, 30)


def test_the_cap_is_stated_when_the_text_no_longer_fits() -> None:
    assert fitted_wpm(1050, 30) == MAX_WPM
    warning = pace_warning(MAX_WPM, True, total_weight=1050, target_s=30, readable_wpm=180)
    assert warning == (
        "Too long for 30 s: it would need 2098 wpm, and the prompter scrolls at most 400. "
        "Cut about 959 words, or raise the target"
    )


def test_a_nudged_pace_above_the_readable_pace_says_how_to_slow_down() -> None:
    warning = pace_warning(225.0, False, total_weight=76, target_s=30, readable_wpm=180)
    assert (
        warning == "Too fast to read aloud: 225 wpm. Press ↓ to slow down, or 0 to fit the target"
    )
    assert pace_warning(225.0, False, total_weight=76, target_s=30, readable_wpm=230) == ""


def test_words_to_cut_is_at_least_one() -> None:
    assert words_to_cut(91.5, 30, 180) == 1
