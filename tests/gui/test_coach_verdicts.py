"""The coach's issue-11 verdicts as the user sees them in the Edit tab: typed into the real
editor, analysed by the real coach, shown in the real panel and info line.

The coach analyses after a pause in typing; the tests fire that debounce timer themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.coach import Report
from app.ui.actions import ActionId
from tests.gui.conftest import App


@pytest.fixture
def coached(qtbot: QtBot, brevity: App) -> Iterator[App]:
    """The window with the Edit tab open, once the coach's dictionary has loaded."""
    brevity.window.actions_[ActionId.EDIT_SCRIPT].trigger()
    coach = brevity.window.coach
    qtbot.waitUntil(lambda: coach.ready and coach.last_report is not None)
    yield brevity


def _write(qtbot: QtBot, app: App, text: str) -> Report:
    """Replace the script as the user would (select all, paste), then the pause in typing."""
    edit = app.window.editor.text_edit
    edit.setFocus()
    edit.selectAll()
    QApplication.clipboard().setText(text)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    coach = app.window.coach
    assert coach.timer.isActive(), "typing should only have started the debounce timer"
    coach.timer.stop()
    coach.analyse_now()  # what the timer's timeout does
    assert coach.last_report is not None
    return coach.last_report


def _shown_ids(app: App) -> set[str]:
    return {row.finding.id for row in app.window.coach_panel.finding_rows}


def test_a_phone_number_counts_once_in_the_info_line(qtbot: QtBot, coached: App) -> None:
    spelled = "five five five, two oh one, seven seven eight eight"
    _write(qtbot, coached, f"Call me at (555) 201-7788 or {spelled} today.")
    assert coached.window.editor.info_label.text() == "7 words"  # call me at N or N today


def test_a_long_script_full_of_numbers_is_never_more_words_over_than_it_has(
    qtbot: QtBot, coached: App
) -> None:
    numbers = " ".join(f"Or 555-201-77{n:02d}." for n in range(10, 40))
    report = _write(qtbot, coached, f"Hi, it's Alex Rivera. {numbers} Thanks.")
    assert coached.window.editor.info_label.text() == f"{report.words} words"
    budget = coached.window.coach_panel.budget_label.text()
    over = int(budget.split()[0])
    assert budget.endswith("words over") and 0 < over < report.words == 65


def test_name_here_with_no_profile_is_saying_your_name(qtbot: QtBot, coached: App) -> None:
    _write(
        qtbot,
        coached,
        "Hi Jordan, Sam Ortiz here, 555-318-2046. We met at the Reno freight conference. "
        "I'm calling for your advice on fleet planning. Again, Sam Ortiz, 555-318-2046.",
    )
    assert coached.repository.profile().name == ""
    assert coached.window.coach_panel.finding_rows == []
    assert _shown_ids(coached) == set()


def test_the_newcomers_misses_are_shown_in_the_panel(qtbot: QtBot, coached: App) -> None:
    _write(
        qtbot,
        coached,
        "Hi Jordan, Sam Ortiz here, 555-318-2046. If you know someone at the clinic, "
        "could you put me forward for the analyst job? Call whenever suits you, truly, "
        "whenever suits. Again, Sam Ortiz, 555-318-2046.",
    )
    assert _shown_ids(coached) == {"job_ask", "repetition"}
