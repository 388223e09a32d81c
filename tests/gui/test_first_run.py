"""The first run: the app opens on the voicemail starter and asks once for name and number,
which the starters then say and the coach then finds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidget
from pytestqt.qtbot import QtBot

from app.domain.coach import Profile
from app.domain.starters import NAME_PLACEHOLDER, NUMBER_PLACEHOLDER, parse_starters
from app.resources import resource_path
from app.storage.database import close_database, open_database
from app.storage.repository import Repository
from app.ui.actions import ActionId
from app.ui.main_window import MainWindow
from app.ui.profile_dialog import ProfileDialog
from app.ui.rehearsal import Rehearsal
from app.ui.settings import Preferences
from app.ui.workspace import REHEARSE_TAB, Workspace
from tests.helpers.clock import FakeClock
from tests.helpers.windows import show_active

NAME, PHONE = "Priya Natarajan", "+44 20 7946 0958"


@pytest.fixture
def first_run(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> Iterator[Workspace]:
    """The window as a first start builds it: a new database seeded with the shipped
    starters, no preferences yet."""
    db = open_database(tmp_path / "brevity.sqlite3")
    repository = Repository(db)
    starters = resource_path("data", "starter_scripts.json").read_text(encoding="utf-8")
    assert repository.seed_if_first_run(parse_starters(starters))
    preferences = Preferences(tmp_path / "settings.ini")
    main_window = MainWindow(preferences)
    qtbot.addWidget(main_window)
    workspace = Workspace(main_window, repository, Rehearsal(repository, clock, preferences),
                          preferences, data_dir=tmp_path)  # fmt: skip
    main_window.resize(1280, 800)
    show_active(qtbot, main_window)
    yield workspace
    main_window.close()
    close_database(db)


def _click_row(qtbot: QtBot, listing: QListWidget, row: int) -> None:
    item = listing.item(row)
    assert item is not None
    center = listing.visualItemRect(item).center()
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=center)


def _button(dialog: ProfileDialog, which: QDialogButtonBox.StandardButton) -> object:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(which)


def test_a_new_library_opens_on_the_voicemail_starter(first_run: Workspace) -> None:
    script = first_run.current.script
    assert script is not None
    assert script.name == "Voicemail — former co-worker"
    assert first_run.library.current_id() == script.id
    assert first_run.tabs.currentIndex() == REHEARSE_TAB
    assert first_run.prompter.text().startswith(f"Hi Jordan, it's {NAME_PLACEHOLDER}")


def test_the_first_run_asks_once_and_the_starters_then_pass_the_coach(
    qtbot: QtBot, first_run: Workspace
) -> None:
    dialog = first_run.account.welcome()
    assert isinstance(dialog, ProfileDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Welcome to Brevity"
    dialog.name_edit.setText(NAME)
    dialog.phone_edit.setText(PHONE)
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("GB"))
    save = _button(dialog, QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert first_run.account.welcome() is None  # asked once, ever
    shown = first_run.editor.text()
    assert shown.startswith(f"Hi Jordan, it's {NAME} at {PHONE},") and shown.count(PHONE) == 2
    assert first_run.prompter.text() == shown
    coach = first_run.coach
    qtbot.waitUntil(lambda: coach.ready)
    listing = first_run.library.list
    for row in range(listing.count()):
        _click_row(qtbot, listing, row)
        script = first_run.current.script
        assert script is not None and script.id == first_run.library.current_id()
        assert NAME in first_run.editor.text()
        report = coach.last_report
        assert report is not None and coach.last_text == first_run.editor.text()
        failed = {check.id for check in report.checks if not check.passed}
        assert failed.isdisjoint({"name", "number_early", "number_twice", "close"}), (
            script.name,
            report.findings,
        )


def test_the_filled_in_details_are_one_edit_that_can_be_undone(
    qtbot: QtBot, first_run: Workspace
) -> None:
    dialog = first_run.account.welcome()
    assert dialog is not None
    dialog.name_edit.setText(NAME)
    dialog.accept()

    assert first_run.editor.text().count(NAME) == 2
    assert NUMBER_PLACEHOLDER in first_run.editor.text()  # no number given: it still waits
    first_run.editor.text_edit.setFocus()
    qtbot.keyClick(first_run.editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert first_run.editor.text().count(NAME_PLACEHOLDER) == 2


def test_the_welcome_can_be_skipped_and_is_not_asked_again(
    qtbot: QtBot, first_run: Workspace
) -> None:
    dialog = first_run.account.welcome()
    assert dialog is not None
    skip = _button(dialog, QDialogButtonBox.StandardButton.Cancel)
    assert skip.text() == "Skip for now"  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(skip, Qt.MouseButton.LeftButton)

    assert first_run.account.welcome() is None
    assert first_run.coach.profile == Profile()
    assert first_run.editor.text().count(NAME_PLACEHOLDER) == 2


def test_a_library_that_was_not_just_seeded_is_not_welcomed(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    from tests.gui.conftest import wired_app

    with wired_app(qtbot, tmp_path, clock) as app:  # an existing library
        assert app.window.account.welcome() is None


class _OpenOnly:
    """File dialogs that answer one "open" with ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def open_path(self, parent: object, title: str, folder: str, name_filter: str) -> str:
        return str(self.path)


def test_details_imported_with_a_library_fill_in_the_starter_on_screen(
    qtbot: QtBot, first_run: Workspace, tmp_path: Path
) -> None:
    listing = first_run.library.list
    _click_row(qtbot, listing, 0)  # the elevator pitch, the first in the list
    assert first_run.editor.text().startswith(f"I'm {NAME_PLACEHOLDER},")
    library = tmp_path / "from-another-computer.json"
    profile = {"name": NAME, "phone": PHONE, "region": "GB"}
    library.write_text(json.dumps({"format": "brevity-library", "version": 1,
                                   "profile": profile, "scripts": []}))  # fmt: skip
    first_run.transfers.dialogs = _OpenOnly(library)  # type: ignore[assignment]

    first_run.actions_[ActionId.IMPORT_LIBRARY].trigger()

    assert first_run.coach.profile.name == NAME
    assert first_run.editor.text().startswith(f"I'm {NAME},")  # not the stale placeholder
