"""Texts that try to break Brevity: a megabyte of script, a megabyte on one line, and the
Unicode that trips up naive code (right-to-left, emoji sequences, combining marks).

Shared by ``tests/test_hostile_input.py`` and ``benchmarks/bench_hostile.py`` so the tests
and the figures describe the same inputs.
"""

from __future__ import annotations

import random

MEGABYTE = 1_000_000

# Sentences a long, rambling script might be made of; one in a few paragraphs gives a number.
_SENTENCES = (
    "Hi Jordan, it's Alex Rivera, calling for your advice on a move into supply chain planning.",
    "We worked together at Northfield Foods for five years, mostly on the warehouse floor.",
    "I have been reading about how your team rebuilt its forecasting after the merger.",
    "Could we find fifteen minutes next week, at whatever time suits you best?",
    "I know your calendar is full, so even a short call would mean a great deal to me.",
    "Since then I have led two inventory projects and cut stock-outs by a third.",
    "Priya Natarajan suggested I reach out; she speaks very highly of your work.",
    "I am not asking about openings, only for a quick outside view of the field.",
    "Thanks for listening, and I hope the quarter is treating you well.",
)
_NUMBERS = ("555-201-7788", "(555) 014-2290", "+1 555 867 5309")


def megabyte_script(size: int = MEGABYTE, seed: int = 4) -> str:
    """About ``size`` characters of realistic prose: paragraphs of 3-8 sentences, with a
    phone number in one paragraph of twenty (so a few hundred numbers in a megabyte)."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        sentences = [rng.choice(_SENTENCES) for _ in range(rng.randint(3, 8))]
        if rng.random() < 0.05:
            sentences.insert(1, f"You can reach me at {rng.choice(_NUMBERS)}.")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size].rstrip()


def one_long_line(size: int = MEGABYTE) -> str:
    """``size`` characters of words and spaces and no line break at all."""
    words = [
        "call",
        "me",
        "back",
        "about",
        "the",
        "planning",
        "role",
        "when",
        "you",
        "have",
        "a",
        "minute",
    ]
    line = " ".join(words[i % len(words)] for i in range(size // 4 + 1))
    return line[:size].rstrip()


# Each round-trips exactly through storage and the editor: no NUL, no lone surrogates.
ODD_TEXTS = {
    "arabic": "مرحبا، أنا سام. اتصل بي على ٥٥٥-٠١٠٠ من فضلك، شكراً جزيلاً.",
    "hebrew_mixed": "שלום, זה Alex מ-Northfield; call me at 555-201-7788 בבקשה.",
    "bidi_controls": (
        "Hi \u202bRTL \u05e9\u05dc\u05d5\u05dd\u202c and \u2067isolate\u2069 \u202eevil\u202c end."
    ),
    "emoji_sequences": (
        "Call me 📞👋🏽 — family 👨\u200d👩\u200d👧\u200d👦, flag 🇫🇷🇯🇵, "
        "keycap 1\ufe0f\u20e3, dev 🧑\u200d💻, heart ❤\ufe0f!"
    ),
    "combining_marks": (
        "Cafe\u0301 na\u0131\u0308ve Z\u0335\u0321\u0327a\u0336\u0320l\u0337\u0352g\u0338o "
        "e\u0301e\u0301 \u1100\u1161\u11a8 (jamo) and \u0928\u093f (Devanagari)."
    ),
    "astral_and_odd_spaces": (
        "\U0001d49c\U0001d4b7 math\u00a0nbsp\u2009thin\u3000ideographic \U00020000 "
        "line\u2028separator para\u2029graph zero\u200bwidth"
    ),
    "only_marks_and_emoji": "\u0301\u0301 🙂 \u200d \ufe0f 🏳\ufe0f\u200d🌈",
}
