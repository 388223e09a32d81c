"""Fixtures for domain tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.domain.pacing import fitted_wpm
from app.domain.take import Take
from tests.helpers.clock import FakeClock

TAKE_WORDS = 76
TAKE_TARGET_S = 30.0


@pytest.fixture
def make_take(clock: FakeClock) -> Callable[..., Take]:
    """A take of a 76-word revision (script 1, revision 7) paced to end at its 30 s target;
    keyword arguments override ``Take``'s own (``lead_in_s``, ``wait_for_voice``, ...)."""

    def make(**overrides: Any) -> Take:
        return Take(
            clock,
            script_id=1,
            revision_id=7,
            word_total=TAKE_WORDS,
            target_s=TAKE_TARGET_S,
            words_per_minute=fitted_wpm(TAKE_WORDS, TAKE_TARGET_S),
            **overrides,
        )

    return make
