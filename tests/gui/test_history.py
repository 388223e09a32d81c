"""The history table: model contract, formats, edit requests, sorting, selection and delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.ui.history import HistoryView
from app.ui.history_model import Column, HistoryModel, SortRole

THU = datetime(2026, 11, 26, 14, 3, tzinfo=UTC)
SCRIPTS = {1: "Voicemail to Jordan", 2: "Follow-up"}
REVISIONS = {10: 3}


def take(
    attempt_id: int,
    when: datetime,
    duration_s: float,
    outcome: Outcome = Outcome.GOOD,
    note: str = "",
    revision_id: int = 10,
) -> Attempt:
    return Attempt(
        script_id=1,
        revision_id=revision_id,
        started_at=when.isoformat(),
        duration_s=duration_s,
        target_s=30.0,
        words=70,
        reached_end=True,
        outcome=outcome,
        note=note,
        id=attempt_id,
    )


# Display order of the day names (Fri < Thu < Wed) is not time order (Thu < Fri < Wed 2 Dec).
TAKES = [
    take(1, THU, 27.4, Outcome.NAILED, "Slow down"),
    take(2, THU + timedelta(days=1), 34.1, Outcome.RAMBLED),
    take(3, THU + timedelta(days=6), 101.0, Outcome.UNRATED, revision_id=11),
]


@pytest.fixture
def model() -> HistoryModel:
    history = HistoryModel(tz=UTC)
    history.set_attempts(TAKES, SCRIPTS, REVISIONS)
    return history


@pytest.fixture
def view(qtbot: QtBot) -> HistoryView:
    widget = HistoryView(HistoryModel(tz=UTC))
    qtbot.addWidget(widget)
    widget.model.set_attempts(TAKES, SCRIPTS, REVISIONS)
    widget.resize(900, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cell(
    model: HistoryModel, row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole
) -> Any:
    return model.data(model.index(row, column), role)


def test_model_tester_passes_on_an_empty_model(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(HistoryModel(tz=UTC))


def test_model_tester_passes_with_rows_and_changes(
    qtmodeltester: ModelTester, model: HistoryModel
) -> None:
    qtmodeltester.check(model)
    model.append(take(4, THU, 30.0), script_name="New script", revision_number=1)
    assert model.remove(2)
    assert model.replace(take(1, THU, 27.4, Outcome.GOOD))


def test_rows_read_like_a_log(model: HistoryModel) -> None:
    assert [cell(model, 0, column) for column in Column] == [
        "Thu 26 Nov 14:03",
        "Voicemail to Jordan",
        "v3",
        "27.4 s",
        "",  # spoken: not recorded
        "\N{MINUS SIGN}2.6 s",
        "Nailed",
        "Slow down",
    ]
    assert cell(model, 1, Column.VS_TARGET) == "+4.1 s"
    assert cell(model, 2, Column.LENGTH) == "1:41"
    assert cell(model, 2, Column.VERSION) == "#11"  # no revision number known: the id


def test_roles_for_colour_alignment_tooltip_and_the_attempt(model: HistoryModel) -> None:
    assert isinstance(cell(model, 0, Column.OUTCOME, Qt.ItemDataRole.ForegroundRole), QBrush)
    alignment = cell(model, 0, Column.LENGTH, Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert cell(model, 0, Column.WHEN, Qt.ItemDataRole.ToolTipRole) == "Thu 26 Nov 2026, 14:03:00"
    assert cell(model, 0, Column.NOTE, Qt.ItemDataRole.UserRole) is TAKES[0]
    assert cell(model, 2, Column.LENGTH, SortRole) == 101.0


def test_only_outcome_and_note_are_editable(model: HistoryModel) -> None:
    editable = [
        column
        for column in Column
        if model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    ]
    assert editable == [Column.OUTCOME, Column.NOTE]


@pytest.mark.parametrize("value", [Outcome.STUMBLED, "stumbled"])
def test_setting_the_outcome_requests_an_edit(
    qtbot: QtBot, model: HistoryModel, value: object
) -> None:
    with qtbot.waitSignal(model.edit_requested) as blocker:
        assert model.setData(model.index(0, Column.OUTCOME), value)
    assert blocker.args == [1, "stumbled", "Slow down"]
    assert cell(model, 0, Column.OUTCOME) == "Nailed"  # unchanged until the owner replaces it


def test_setting_the_note_requests_an_edit(qtbot: QtBot, model: HistoryModel) -> None:
    with qtbot.waitSignal(model.edit_requested) as blocker:
        assert model.setData(model.index(1, Column.NOTE), "  Cut the intro ")
    assert blocker.args == [2, "rambled", "Cut the intro"]


def test_invalid_or_unchanged_values_request_nothing(qtbot: QtBot, model: HistoryModel) -> None:
    with qtbot.assertNotEmitted(model.edit_requested):
        assert not model.setData(model.index(0, Column.OUTCOME), "brilliant")
        assert not model.setData(model.index(0, Column.LENGTH), "12 s")
        assert model.setData(model.index(0, Column.NOTE), "Slow down")


def test_replace_updates_the_row_in_place(qtbot: QtBot, model: HistoryModel) -> None:
    edited = take(1, THU, 27.4, Outcome.STUMBLED, "Slow down")
    with qtbot.waitSignal(model.dataChanged):
        assert model.replace(edited)
    assert cell(model, 0, Column.OUTCOME) == "Stumbled"
    assert model.attempt_at(0) is edited


def test_append_and_remove(model: HistoryModel) -> None:
    model.append(take(9, THU, 30.0), revision_number=4)
    assert model.rowCount() == 4 and model.row_of(9) == 3
    assert not model.remove(42)
    assert model.remove(1)
    assert [model.attempt_at(row).id for row in range(model.rowCount())] == [2, 3, 9]


def shown_ids(view: HistoryView) -> list[int]:
    proxy = view.proxy
    return [
        proxy.index(row, 0).data(Qt.ItemDataRole.UserRole).id for row in range(proxy.rowCount())
    ]


def test_newest_first_by_time_not_by_text(view: HistoryView) -> None:
    assert shown_ids(view) == [3, 2, 1]
    view.table.sortByColumn(Column.WHEN, Qt.SortOrder.AscendingOrder)
    assert shown_ids(view) == [1, 2, 3]


def test_lengths_sort_by_seconds(view: HistoryView) -> None:
    view.table.sortByColumn(Column.LENGTH, Qt.SortOrder.DescendingOrder)
    assert shown_ids(view) == [3, 2, 1]  # "1:41" is the longest, though it sorts first as text


def test_select_attempt_selects_the_row_and_reports_it(qtbot: QtBot, view: HistoryView) -> None:
    with qtbot.waitSignal(view.attempt_selected) as blocker:
        assert view.select_attempt(2)
    assert blocker.args == [2]
    assert view.selected_attempt_id() == 2
    assert not view.select_attempt(42)


def test_delete_key_requests_deleting_the_selected_take(qtbot: QtBot, view: HistoryView) -> None:
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.select_attempt(1)
    view.table.setFocus()
    with qtbot.waitSignal(view.delete_requested) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert blocker.args == [1]
    assert view.delete_action in view.table.actions()  # also offered in the context menu


def test_nothing_to_delete_without_a_selection(view: HistoryView) -> None:
    assert not view.delete_action.isEnabled()


def test_the_outcome_editor_offers_rated_outcomes_and_commits_at_once(
    qtbot: QtBot, view: HistoryView
) -> None:
    index = view.proxy.mapFromSource(view.model.index(1, Column.OUTCOME))  # rambled
    view.table.edit(index)
    combo = view.table.findChild(QComboBox)
    assert combo is not None
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["Nailed", "Good", "Stumbled", "Rambled", "Abandoned"]
    assert combo.currentText() == "Rambled"
    with qtbot.waitSignal(view.edit_requested) as blocker:
        qtbot.keyClick(combo, Qt.Key.Key_Up)  # keyboard selection activates the entry
    assert blocker.args == [2, "stumbled", ""]
    assert view.table.findChild(QComboBox) is None or not combo.isVisible()


def test_editing_a_note_in_place_requests_an_edit(qtbot: QtBot, view: HistoryView) -> None:
    index = view.proxy.mapFromSource(view.model.index(0, Column.NOTE))
    view.table.edit(index)
    editor = view.table.findChild(QLineEdit)
    assert editor is not None
    editor.setText("Smile while dialling")
    with qtbot.waitSignal(view.edit_requested) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args == [1, "nailed", "Smile while dialling"]


def test_set_attempts_keeps_the_selection(view: HistoryView) -> None:
    view.select_attempt(2)
    view.set_attempts(TAKES[1:], SCRIPTS, REVISIONS)
    assert view.selected_attempt_id() == 2
    assert view.model.rowCount(QModelIndex()) == 2


def test_the_version_column_shows_the_coach_score_of_each_revision() -> None:
    history = HistoryModel(tz=UTC)
    history.set_attempts(TAKES, SCRIPTS, {10: 3, 11: 4}, {11: (9, 10)})

    assert cell(history, 0, Column.VERSION) == "v3"
    assert cell(history, 2, Column.VERSION) == "v4 · 9/10"
    tooltip = cell(history, 2, Column.VERSION, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == (
        "Version 4 of the script; the script coach scored it 9 of 10 when you rehearsed it, "
        "at your pace then (the coach beside the editor scores it at your pace now)"
    )
    assert cell(history, 0, Column.VERSION, Qt.ItemDataRole.ToolTipRole) == (
        "Version 3 of the script"
    )


def test_the_verdict_tooltip_is_the_result_line(qtbot: QtBot) -> None:
    model = HistoryModel()
    measured = Attempt(1, 1, "2026-11-26T14:00:00.000+00:00", 27.6, 30.0, 70, True, Outcome.GOOD)
    measured = replace(measured, spoken_s=25.6, speech_start_s=1.0, speech_end_s=26.6, id=1)
    rushed = replace(measured, spoken_s=None, duration_s=21.0, words=79, id=2)
    model.set_attempts([measured, rushed], {1: "Voicemail"}, {1: 1})
    tips = [
        model.data(model.index(row, Column.VS_TARGET), Qt.ItemDataRole.ToolTipRole)
        for row in range(2)
    ]
    assert tips == [
        "Target 30.0 s: 25.6 s spoken (take 27.6 s) — 4.4 s under target",
        "Target 30.0 s: 21.0 s at 226 wpm — too fast to follow; slow down",
    ]


def test_every_header_reads_in_full_however_narrow_the_table(qtbot: QtBot) -> None:
    view = HistoryView(HistoryModel(tz=UTC))
    qtbot.addWidget(view)
    view.model.set_attempts(TAKES, SCRIPTS, REVISIONS)
    view.show()
    qtbot.waitExposed(view)
    header = view.table.horizontalHeader()
    view.resize(900, 300)
    qtbot.waitUntil(lambda: header.viewport().width() == 898)
    others = sum(header.sectionSize(c) for c in Column if c is not Column.NOTE)
    room = header.sectionSizeHint(Column.NOTE) // 2  # less than the word "Note" needs
    view.resize(others + room + 2, 300)  # (+2: the frame)
    qtbot.waitUntil(lambda: header.viewport().width() == others + room)
    for column in Column:
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column.title


def test_the_context_menu_says_take_like_everything_else(view: HistoryView) -> None:
    assert view.delete_action.text() == "Delete take"
