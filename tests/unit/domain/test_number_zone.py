from __future__ import annotations

import pytest

from app.domain.coach import NumberMention, find_numbers
from app.domain.number_zone import slowdown_for, spoken_words
from app.domain.script import words


def _mention(text: str, written: str) -> NumberMention:
    start = text.index(written)
    digits = "".join(ch for ch in written if ch.isdigit())
    return NumberMention(start, start + len(written), digits, "+1" + digits[-10:])


def word_weights(text: str, numbers: list[NumberMention], slowdown: float) -> list[float]:
    return list(spoken_words(text, numbers, slowdown).weights)


def _weights_by_word(text: str, written: str, slowdown: float = 2.0) -> dict[str, float]:
    weights = word_weights(text, [_mention(text, written)], slowdown)
    return dict(zip(words(text), weights, strict=True))


def test_a_ten_digit_number_at_half_pace_costs_twenty_words() -> None:
    text = "Call me at 555-201-7788, thanks."
    assert _weights_by_word(text, "555-201-7788") == {
        "Call": 1.0,
        "me": 1.0,
        "at": 1.0,
        "555-201-7788,": 20.0,
        "thanks.": 1.0,
    }


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("(555) 201-7788", [6.0, 14.0]),
        ("555.201.7788", [20.0]),
        ("+1 555 201 7788", [2.0, 6.0, 6.0, 8.0]),  # "plus one" is spoken too
        ("5552017788", [20.0]),
    ],
)
def test_each_token_costs_the_digits_it_carries(written: str, expected: list[float]) -> None:
    text = f"Reach me on {written} today"
    weights = word_weights(text, [_mention(text, written)], 2.0)
    assert weights == [1.0, 1.0, 1.0, *expected, 1.0]


def test_the_zone_covers_the_number_words_only() -> None:
    text = "Hi, it's Alex at (555) 201-7788, calling about a move."
    spoken = spoken_words(text, [_mention(text, "(555) 201-7788")], 2.0)
    assert spoken.zones == ((4, 6),)
    assert spoken.total == pytest.approx(len(words(text)) - 2 + 20)


def test_a_word_glued_to_a_number_is_still_spoken() -> None:
    text = "Number:555-201-7788 ext. 12 please"
    start = text.index("555")
    mention = NumberMention(start, text.index(" please"), "555201778812", "+15552017788")
    assert word_weights(text, [mention], 2.0) == [21.0, 1.0, 4.0, 1.0]


def test_digits_written_as_words_cost_one_digit_each() -> None:
    text = "Call five five five, two oh one, seven seven eight eight."
    mention = NumberMention(5, len(text) - 1, "5552017788", "+15552017788")
    weights = word_weights(text, [mention], 1.5)
    assert weights == [1.0] + [1.5] * 10


def test_full_pace_counts_digits_but_has_no_zone() -> None:
    text = "At 555-201-7788 now"
    spoken = spoken_words(text, [_mention(text, "555-201-7788")], slowdown_for(1.0))
    assert spoken.weights == (1.0, 10.0, 1.0)
    assert spoken.zones == ()


def test_number_pace_is_turned_into_a_slowdown_within_its_range() -> None:
    assert slowdown_for(0.5) == 2.0
    assert slowdown_for(0.1) == 4.0  # 25 % at the slowest
    assert slowdown_for(3.0) == 1.0


def test_text_without_numbers_costs_one_per_word() -> None:
    spoken = spoken_words("one two  three\nfour —", [], 2.0)
    assert spoken.weights == (1.0, 1.0, 1.0, 1.0)
    assert spoken.zones == ()
    with pytest.raises(ValueError):
        spoken_words("x", [], 0.0)


def test_the_real_reader_finds_the_numbers_of_a_voicemail() -> None:
    text = "Alex Rivera, 555-201-7788. Again: (555) 201-7788."
    spoken = spoken_words(text, find_numbers(text, "US"), 2.0)
    assert spoken.weights == (1.0, 1.0, 20.0, 1.0, 6.0, 14.0)
    assert spoken.zones == ((2, 3), (4, 6))


def test_two_numbers_in_one_token_count_every_digit() -> None:
    text = "Call 555-201-7788/555-201-7799 now"
    first = text.index("555")
    second = text.index("/") + 1
    mentions = [
        NumberMention(second, second + 12, "5552017799", "+15552017799"),
        NumberMention(first, first + 12, "5552017788", "+15552017788"),
    ]
    spoken = spoken_words(text, mentions, 2.0)
    assert spoken.weights == (1.0, 40.0, 1.0)
    assert spoken.zones == ((1, 2),)
