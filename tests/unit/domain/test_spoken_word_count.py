"""The prompter's word count: a phone number is one word, however it is written and paced.

The prompter paces in weights (a number at half pace weighs 20 normal words), and that weight
must not leak into what the user is told to cut: "Cut about N words" counts words.
"""

from __future__ import annotations

import pytest

from app.domain.number_zone import spoken_words
from app.domain.phone import find_numbers


@pytest.mark.parametrize("slowdown", [1.0, 2.0, 4.0])
@pytest.mark.parametrize(
    "written",
    ["555-201-7788", "(555) 201-7788", "five five five, two oh one, seven seven eight eight"],
)
def test_a_phone_number_is_one_word(written: str, slowdown: float) -> None:
    text = f"Call me at {written} today."
    spoken = spoken_words(text, find_numbers(text), slowdown)
    assert spoken.word_count == 5
    assert spoken.total > 5  # the pace still weighs its digits
