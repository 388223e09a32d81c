"""The line under the prompter after a take: its length, and how it stands to the target."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.ui.outcome_panel import OutcomePanel

TAKE = Attempt(1, 1, "2026-11-26T14:33:00.000+00:00", 31.5, 30.0, 60, True, Outcome.UNRATED)


@pytest.mark.parametrize(
    ("attempt", "expected"),
    [
        (TAKE, "31.5 s — on target"),
        (replace(TAKE, duration_s=35.0), "35.0 s — 5.0 s over"),
        # The speech itself counts when it was measured: the breath before it does not.
        # Both lengths are named when both exist: the countdown's big number is the take's.
        (replace(TAKE, duration_s=35.0, spoken_s=29.2), "29.2 s spoken (take 35.0 s) — on target"),
        (
            replace(TAKE, duration_s=6.9, spoken_s=4.4, reached_end=False),
            "4.4 s spoken (take 6.9 s) — 25.6 s under target · stopped before the end",
        ),
        (replace(TAKE, duration_s=16.0), "16.0 s at 225 wpm — too fast to follow; slow down"),
        (replace(TAKE, outcome=Outcome.ABANDONED, spoken_s=3.0), "Abandoned at 31.5 s"),
    ],
)
def test_the_result_line_uses_the_spoken_length_when_there_is_one(
    qtbot: QtBot, attempt: Attempt, expected: str
) -> None:
    panel = OutcomePanel()
    qtbot.addWidget(panel)

    panel.show_attempt(attempt, "")

    assert panel.result_label.text() == expected
