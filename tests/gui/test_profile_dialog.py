"""'Your details…': the caller's name, number and region, kept in the database."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.coach import Profile
from app.ui.actions import ActionId
from app.ui.profile_dialog import ProfileDialog, describe_phone, regions
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.gui.conftest import App, save_profile_in_dialog


def test_the_dialog_reads_the_number_back_as_it_is_typed(qtbot: QtBot) -> None:
    dialog = ProfileDialog(Profile(name="Alex Rivera", phone="", region="US"))
    qtbot.addWidget(dialog)
    assert "Optional" in dialog.phone_status.text()

    qtbot.keyClicks(dialog.phone_edit, "555-201-7788")

    assert dialog.phone_status.text() == "Brevity reads this as +1 555-201-7788."
    assert dialog.profile() == Profile(name="Alex Rivera", phone="555-201-7788", region="US")


def test_a_number_it_cannot_read_is_flagged_but_kept(qtbot: QtBot) -> None:
    dialog = ProfileDialog(Profile(name="Sam"))
    qtbot.addWidget(dialog)

    qtbot.keyClicks(dialog.phone_edit, "call me")

    assert dialog.phone_status.text().startswith("⚠ Brevity cannot read this")
    assert dialog.profile().phone == "call me"


def test_the_region_changes_how_the_number_is_read(qtbot: QtBot) -> None:
    dialog = ProfileDialog(Profile(name="Sam", phone="020 7946 0018", region="GB"))
    qtbot.addWidget(dialog)
    assert dialog.region_combo.currentData() == "GB"
    assert dialog.phone_status.text() == "Brevity reads this as +44 20 7946 0018."

    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("US"))

    assert dialog.phone_status.text().startswith("⚠")


def test_regions_are_named_and_sorted_by_name() -> None:
    labels = [label for _code, label in regions()]
    assert labels == sorted(labels, key=str.casefold)
    assert "United States (US)" in labels
    assert describe_phone("", "US")[1] is True


def test_your_details_saves_the_profile_for_next_time(qtbot: QtBot, brevity: App) -> None:
    assert brevity.repository.profile() == Profile()

    QTimer.singleShot(0, lambda: save_profile_in_dialog(qtbot, "Alex Rivera", "555-201-7788"))
    brevity.window.actions_[ActionId.PROFILE].trigger()

    assert brevity.repository.profile() == Profile("Alex Rivera", "555-201-7788", "US")
    assert QApplication.activeModalWidget() is None


def test_cancelling_your_details_changes_nothing(qtbot: QtBot, brevity: App) -> None:
    brevity.repository.set_profile(Profile("Alex Rivera", "555-201-7788", "US"))

    def change_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProfileDialog)
        assert dialog.name_edit.text() == "Alex Rivera"
        dialog.name_edit.setText("Someone else")
        dialog.reject()

    QTimer.singleShot(0, change_and_cancel)
    brevity.window.actions_[ActionId.PROFILE].trigger()

    assert brevity.repository.profile().name == "Alex Rivera"


def test_the_region_in_your_details_decides_where_the_number_zone_is(
    qtbot: QtBot, brevity: App
) -> None:
    window = brevity.window
    text = "Hi Sam, this is Priya on 020 7946 0018, calling for your advice."
    window.tabs.setCurrentIndex(EDIT_TAB)
    window.editor.text_edit.setPlainText(text)
    window.tabs.setCurrentIndex(REHEARSE_TAB)  # the prompter at rest shows the new text
    assert window.prompter.number_spans() == []

    def choose_britain() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProfileDialog)
        dialog.name_edit.setText("Priya")
        dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("GB"))
        dialog.accept()

    QTimer.singleShot(0, choose_britain)
    window.actions_[ActionId.PROFILE].trigger()

    start = text.index("020")
    assert window.prompter.number_spans() == [(start, start + len("020 7946 0018"))]
