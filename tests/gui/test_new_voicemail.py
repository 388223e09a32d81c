"""'New voicemail from a guide…': the questions, the live draft and what it creates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.coach import Profile, analyse
from app.domain.draft import Ask
from app.domain.script import ScriptKind
from app.resources import coach_rules
from app.ui.actions import ActionId
from app.ui.history_model import Column
from app.ui.new_voicemail import CONNECTIONS, NewVoicemailDialog, connection_clause
from app.ui.workspace import EDIT_TAB
from tests.gui.conftest import App

ALEX = Profile("Alex Rivera", "555-201-7788", "US")


@pytest.fixture
def dialog(qtbot: QtBot) -> NewVoicemailDialog:
    widget = NewVoicemailDialog(ALEX, coach_rules(), None)
    # Closing a dialog with typed answers asks first (and would wait for an answer): done()
    # leaves without the question.
    qtbot.addWidget(widget, before_close_func=lambda w: w.done(QDialog.DialogCode.Rejected))
    return widget


def test_the_draft_waits_for_the_answers_it_needs(qtbot: QtBot, dialog: NewVoicemailDialog) -> None:
    assert dialog.text() == ""
    assert not dialog.create_button.isEnabled()
    assert dialog.verdict.text() == (
        "To write the draft, add who you are calling and what it is about."
    )

    qtbot.keyClicks(dialog.contact_edit, "Sam")
    qtbot.keyClicks(dialog.topic_edit, "a move into hospital supply chain")

    assert dialog.create_button.isEnabled()
    assert dialog.text().startswith("Hi Sam, this is Alex Rivera at 555-201-7788")
    assert dialog.verdict.text().startswith("Passes all 10 checks")


@pytest.mark.parametrize("connection", range(len(CONNECTIONS)))
@pytest.mark.parametrize("ask", list(Ask))
def test_every_answer_gives_a_draft_with_a_full_score(
    qtbot: QtBot, dialog: NewVoicemailDialog, connection: int, ask: Ask
) -> None:
    dialog.contact_edit.setText("Priya")
    dialog.topic_edit.setText("product analytics roles in fintech")
    dialog.connection_combo.setCurrentIndex(connection)
    dialog.detail_edit.setText("Jordan Brooks" if connection == 0 else "Northfield Foods")
    dialog.ask_combo.setCurrentIndex(dialog.ask_combo.findData(ask))

    report = analyse(
        dialog.text(), kind=ScriptKind.VOICEMAIL, target_s=30.0, profile=ALEX, rules=coach_rules()
    )
    assert report.score == report.max_score, [f.id for f in report.findings]
    clause = connection_clause(connection, dialog.detail_edit.text())
    assert clause == "" or clause[1:] in dialog.text()


def test_the_detail_field_follows_how_you_know_them(dialog: NewVoicemailDialog) -> None:
    dialog.connection_combo.setCurrentIndex(1)
    assert "Where?" in dialog.detail_edit.placeholderText()
    assert dialog.detail_edit.isEnabled()

    dialog.connection_combo.setCurrentIndex(len(CONNECTIONS) - 1)

    assert not dialog.detail_edit.isEnabled()


def test_a_first_timer_types_their_details_here(qtbot: QtBot) -> None:
    dialog = NewVoicemailDialog(Profile(region="GB"), coach_rules(), None)
    qtbot.addWidget(dialog)
    assert "your name, your number" in dialog.verdict.text()

    qtbot.keyClicks(dialog.name_edit, "Sam Lee")
    qtbot.keyClicks(dialog.phone_edit, "020 7946 0018")

    assert dialog.profile() == Profile("Sam Lee", "020 7946 0018", "GB")


# --- wired into the window -------------------------------------------------------------------
def _answer_the_guide(qtbot: QtBot, *, name: str = "", phone: str = "") -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewVoicemailDialog)
        if name:
            dialog.name_edit.setText(name)
            dialog.phone_edit.setText(phone)
        qtbot.keyClicks(dialog.contact_edit, "Priya")
        qtbot.keyClicks(dialog.topic_edit, "product analytics in fintech")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_the_guide_creates_a_voicemail_that_the_coach_scores_full(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.window
    _answer_the_guide(qtbot, name="Alex Rivera", phone="555-201-7788")
    window.actions_[ActionId.NEW_VOICEMAIL].trigger()

    script = next(s for s in brevity.repository.list_scripts() if s.name == "Voicemail — Priya")
    assert window.library.current_id() == script.id
    assert window.tabs.currentIndex() == EDIT_TAB
    assert window.editor.text() == script.text
    assert script.text.startswith("Hi Priya, this is Alex Rivera at 555-201-7788")
    # A first-timer's details are kept, so the coach (and the next draft) know them.
    assert brevity.repository.profile() == Profile("Alex Rivera", "555-201-7788", "US")
    qtbot.waitUntil(lambda: window.coach.ready)
    window.coach.analyse_now()
    report = window.coach.last_report
    assert report is not None
    assert report.score == report.max_score == 10


def test_the_guide_keeps_existing_details_and_cancelling_creates_nothing(
    qtbot: QtBot, brevity: App
) -> None:
    brevity.repository.set_profile(ALEX)
    before = brevity.repository.list_scripts()

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewVoicemailDialog)
        assert dialog.name_edit.text() == "Alex Rivera"
        dialog.reject()

    QTimer.singleShot(0, cancel)
    brevity.window.actions_[ActionId.NEW_VOICEMAIL].trigger()
    assert brevity.repository.list_scripts() == before

    _answer_the_guide(qtbot, name="Someone Else", phone="555-000-1111")
    brevity.window.actions_[ActionId.NEW_VOICEMAIL].trigger()
    assert brevity.repository.profile() == ALEX  # the guide never overwrites your details


def test_a_take_records_the_coach_score_of_its_version(qtbot: QtBot, brevity: App) -> None:
    window = brevity.window
    brevity.repository.set_profile(ALEX)
    qtbot.waitUntil(lambda: window.coach.ready)
    window.coach.reload_profile()
    qtbot.keyClick(window.prompter, Qt.Key.Key_Space)
    brevity.clock.advance(28.0)
    with qtbot.waitSignal(brevity.rehearsal.take_saved):
        qtbot.keyClick(window.prompter, Qt.Key.Key_Space)

    (attempt,) = brevity.repository.list_attempts(brevity.script.id)
    revision = brevity.repository.get_revision(attempt.revision_id)
    report = window.coach.last_report
    assert report is not None
    assert (revision.coach_score, revision.coach_max) == (report.score, report.max_score)
    model = window.progress.history.model
    version = model.data(model.index(0, Column.VERSION))
    assert version == f"v1 · {report.score}/{report.max_score}"


def test_the_first_question_still_open_has_the_focus(qtbot: QtBot) -> None:
    known = NewVoicemailDialog(ALEX, coach_rules(), None)
    first_timer = NewVoicemailDialog(Profile(), coach_rules(), None)
    for dialog in (known, first_timer):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)

    assert known.focusWidget() is known.contact_edit
    assert first_timer.focusWidget() is first_timer.name_edit


# --- keys: Enter creates, nothing typed is discarded without asking ----------------------------
def _answer(qtbot: QtBot, dialog: NewVoicemailDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.contact_edit, "Priya")
    qtbot.keyClicks(dialog.topic_edit, "product analytics in fintech")


def test_enter_in_the_last_answer_creates_the_script(
    qtbot: QtBot, dialog: NewVoicemailDialog
) -> None:
    _answer(qtbot, dialog)

    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.topic_edit, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.text().startswith("Hi Priya")


def test_enter_before_the_answers_are_complete_moves_to_the_next_one_open(
    qtbot: QtBot, dialog: NewVoicemailDialog
) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.contact_edit, "Priya")

    with qtbot.assertNotEmitted(dialog.finished):
        qtbot.keyClick(dialog.contact_edit, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.topic_edit
    assert dialog.contact_edit.text() == "Priya"


def _answer_question(qtbot: QtBot, button: QMessageBox.StandardButton, asked: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("how", ["escape", "cancel"])
def test_leaving_with_typed_answers_asks_first_and_can_keep_them(
    qtbot: QtBot, dialog: NewVoicemailDialog, how: str
) -> None:
    _answer(qtbot, dialog)
    asked: list[str] = []
    _answer_question(qtbot, QMessageBox.StandardButton.Cancel, asked)

    with qtbot.assertNotEmitted(dialog.finished):
        if how == "escape":
            qtbot.keyClick(dialog.topic_edit, Qt.Key.Key_Escape)
        else:
            cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    assert asked == ["Discard your answers?"]
    assert dialog.isVisible()
    assert dialog.topic_edit.text() == "product analytics in fintech"

    _answer_question(qtbot, QMessageBox.StandardButton.Discard, asked)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.topic_edit, Qt.Key.Key_Escape)


def test_escape_with_nothing_typed_closes_without_asking(
    qtbot: QtBot, dialog: NewVoicemailDialog
) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)

    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.contact_edit, Qt.Key.Key_Escape)
