"""File menu: import and export driven through the real actions, file dialogs answered."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.domain.coach import Profile
from app.domain.script_file import markdown_for
from app.ui.actions import ActionId
from app.ui.encoding_dialog import EncodingDialog
from app.ui.settings import Preferences
from app.ui.transfer_commands import FileDialogs, TransferCommands, save_file
from tests.gui.conftest import App

ODD = "مرحبا 📞👋🏽 Cafe\u0301 \u202eevil\u202c \U0001f9d1\u200d\U0001f4bb"


class CannedDialogs(FileDialogs):
    """Answers each question with the next canned answer and remembers what was asked."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.encodings: list[str | None] = []
        self.suggested: list[str] = []
        self.asked_encoding: list[str] = []
        self.warnings: list[str] = []
        self.folders: list[str] = []  # where each file dialog opened

    def open_path(self, parent: QWidget, title: str, folder: str, name_filter: str) -> str:
        self.folders.append(folder)
        return self.paths.pop(0)

    def save_path(self, parent: QWidget, title: str, suggested: str, name_filter: str) -> str:
        self.suggested.append(suggested)
        self.folders.append(str(Path(suggested).parent))
        return self.paths.pop(0)

    def choose_encoding(self, parent: QWidget, data: bytes, name: str, reason: str) -> str | None:
        self.asked_encoding.append(reason)
        return self.encodings.pop(0)

    def warn(self, parent: QWidget, title: str, text: str) -> None:
        self.warnings.append(text)


@pytest.fixture
def dialogs(brevity: App) -> CannedDialogs:
    canned = CannedDialogs()
    brevity.window.transfers.dialogs = canned
    return canned


def _trigger(brevity: App, action_id: ActionId) -> None:
    brevity.window.actions_[action_id].trigger()


def test_the_file_menu_holds_import_and_export(brevity: App) -> None:
    menu = next(a.menu() for a in brevity.main_window.menuBar().actions() if a.text() == "&File")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:5] == [
        "&Import script…",
        "Import &library (JSON)…",
        "Export script as &Markdown…",
        "Export takes as &CSV…",
        "&Export library (JSON)…",
    ]


def test_import_a_markdown_script_selects_it_and_can_be_undone(
    brevity: App, dialogs: CannedDialogs, tmp_path: Path
) -> None:
    path = tmp_path / "Call Ana.md"
    path.write_bytes(b"\xef\xbb\xbfHi Ana,\r\nit's Sam \x00" + ODD.encode())
    dialogs.paths.append(str(path))
    _trigger(brevity, ActionId.IMPORT_SCRIPT)
    [imported] = [s for s in brevity.repository.list_scripts() if s.name == "Call Ana"]
    assert imported.text == "Hi Ana,\nit's Sam " + ODD
    assert brevity.window.library.current_id() == imported.id
    assert brevity.window.editor.text() == imported.text
    assert brevity.window.undo_bar.isVisible()
    assert "Call Ana" in brevity.window.undo_bar.label.text()
    brevity.window.undo_bar.undo_button.click()
    assert "Call Ana" not in {s.name for s in brevity.repository.list_scripts()}


def test_a_windows_1252_file_is_imported_in_the_encoding_the_user_picks(
    brevity: App, dialogs: CannedDialogs, tmp_path: Path
) -> None:
    path = tmp_path / "zoe.txt"
    path.write_bytes("Grüße, this is Zoë.".encode("cp1252"))
    dialogs.paths += [str(path), str(path)]
    dialogs.encodings += [None, "cp1252"]
    count = len(brevity.repository.list_scripts())
    _trigger(brevity, ActionId.IMPORT_SCRIPT)  # cancelled: nothing imported
    assert len(brevity.repository.list_scripts()) == count
    _trigger(brevity, ActionId.IMPORT_SCRIPT)
    assert "not UTF-8" in dialogs.asked_encoding[0]
    texts = {s.text for s in brevity.repository.list_scripts()}
    assert "Grüße, this is Zoë." in texts


def test_export_the_script_as_markdown(
    brevity: App, dialogs: CannedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    dialogs.paths.append(str(target))
    _trigger(brevity, ActionId.EXPORT_MARKDOWN)
    assert Path(dialogs.suggested[0]).name == "Voicemail to Jordan.md"
    assert target.read_text(encoding="utf-8") == markdown_for(brevity.script)
    assert str(target) in brevity.window.undo_bar.label.text()
    assert not brevity.window.undo_bar.undo_button.isVisible()


def test_export_the_takes_as_csv(brevity: App, dialogs: CannedDialogs, tmp_path: Path) -> None:
    script = brevity.script
    assert script.id is not None
    revision = brevity.repository.revision_for_take(script.id, script.text)
    brevity.repository.add_attempt(Attempt(
        script_id=script.id, revision_id=revision.id, started_at="2025-03-01T09:00:00+00:00",
        duration_s=26.8, target_s=30.0, words=30, reached_end=True, outcome=Outcome.NAILED,
        note="@SUM(A1:A9) great"))  # fmt: skip
    target = tmp_path / "takes.csv"
    dialogs.paths.append(str(target))
    _trigger(brevity, ActionId.EXPORT_CSV)
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[1][0] == "Voicemail to Jordan"
    assert rows[1][-1] == "'@SUM(A1:A9) great"
    assert rows[1][5] == "-3.2"
    assert "1 take" in brevity.window.undo_bar.label.text()


def test_export_then_import_the_library_renames_a_changed_script(
    brevity: App, dialogs: CannedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "library.json"
    dialogs.paths.append(str(target))
    _trigger(brevity, ActionId.EXPORT_LIBRARY)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["scripts"]] == ["Voicemail to Jordan"]
    data["scripts"][0]["text"] = ODD  # never rehearsed, other text: a different script
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dialogs.paths.append(str(target))
    _trigger(brevity, ActionId.IMPORT_LIBRARY)
    [copy] = [s for s in brevity.repository.list_scripts() if s.name.endswith("(imported)")]
    assert copy.text == ODD
    assert brevity.window.library.current_id() == copy.id
    assert "1 new script" in brevity.window.undo_bar.label.text()


def test_a_bad_library_file_is_refused_with_a_message(
    brevity: App, dialogs: CannedDialogs, tmp_path: Path
) -> None:
    bad = tmp_path / "other.json"
    bad.write_text('{"format": "brevity-library", "version": 3}', encoding="utf-8")
    dialogs.paths.append(str(bad))
    _trigger(brevity, ActionId.IMPORT_LIBRARY)
    assert "newer Brevity" in dialogs.warnings[0]
    assert [s.name for s in brevity.repository.list_scripts()] == ["Voicemail to Jordan"]


def test_an_export_that_cannot_be_written_says_so(
    brevity: App, dialogs: CannedDialogs, tmp_path: Path
) -> None:
    dialogs.paths.append(str(tmp_path / "missing-folder" / "library.json"))
    _trigger(brevity, ActionId.EXPORT_LIBRARY)
    assert "was not written" in dialogs.warnings[0]
    assert not (tmp_path / "missing-folder").exists()


def test_a_cancelled_dialog_does_nothing(brevity: App, dialogs: CannedDialogs) -> None:
    dialogs.paths += ["", ""]
    _trigger(brevity, ActionId.EXPORT_CSV)
    _trigger(brevity, ActionId.IMPORT_LIBRARY)
    assert dialogs.warnings == []
    assert not brevity.window.undo_bar.isVisible()


def test_save_file_replaces_a_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    save_file(target, b"new")
    assert target.read_bytes() == b"new"
    with pytest.raises(OSError):
        save_file(tmp_path / "nope" / "a.json", b"x")


def test_the_encoding_dialog_previews_each_choice(qtbot: QtBot) -> None:
    data = "Grüße, Zoë!".encode("cp1252")
    dialog = EncodingDialog(data, "zoe.txt", "The file is not UTF-8 text.", None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.encoding() == "cp1252"
    assert dialog.preview.toPlainText() == "Grüße, Zoë!"
    assert ok.isEnabled()
    dialog.combo.setCurrentIndex(dialog.combo.findData("utf-16"))
    assert not ok.isEnabled()  # 11 bytes are no UTF-16: nothing to import
    dialog.combo.setCurrentIndex(dialog.combo.findData("cp1251"))
    assert dialog.preview.toPlainText() != "Grüße, Zoë!"
    assert ok.isEnabled()


def test_export_markdown_is_off_without_a_script(brevity: App) -> None:
    assert brevity.window.actions_[ActionId.EXPORT_MARKDOWN].isEnabled()
    _trigger(brevity, ActionId.DELETE_SCRIPT)
    assert not brevity.window.actions_[ActionId.EXPORT_MARKDOWN].isEnabled()


def test_a_script_named_like_a_path_gets_a_safe_file_name(
    brevity: App, dialogs: CannedDialogs, tmp_path: Path
) -> None:
    script = brevity.script
    assert script.id is not None
    brevity.repository.rename_script(script.id, "../../etc/pass: wd?")
    brevity.window.commands.library_changed.emit(script.id)
    dialogs.paths.append(str(tmp_path / "x.md"))
    _trigger(brevity, ActionId.EXPORT_MARKDOWN)
    assert Path(dialogs.suggested[0]).name == "-..-etc-pass- wd-.md"


def test_imports_wait_until_the_take_is_over(brevity: App) -> None:
    actions = brevity.window.actions_
    _trigger(brevity, ActionId.START_STOP)
    assert brevity.rehearsal.running
    assert not actions[ActionId.IMPORT_SCRIPT].isEnabled()
    assert not actions[ActionId.IMPORT_LIBRARY].isEnabled()
    assert actions[ActionId.EXPORT_CSV].isEnabled()
    _trigger(brevity, ActionId.START_STOP)
    assert actions[ActionId.IMPORT_SCRIPT].isEnabled()


def test_details_imported_with_a_library_reach_the_coach_and_the_number_zone(
    brevity: App, dialogs: CannedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "library.json"
    dialogs.paths.append(str(target))
    _trigger(brevity, ActionId.EXPORT_LIBRARY)
    data = json.loads(target.read_text(encoding="utf-8"))
    data["profile"] = {"name": "Priya Shah", "phone": "020 7946 0018", "region": "GB"}
    target.write_text(json.dumps(data), encoding="utf-8")
    assert brevity.window.coach.profile == Profile()

    dialogs.paths.append(str(target))
    _trigger(brevity, ActionId.IMPORT_LIBRARY)

    assert brevity.window.coach.profile == Profile("Priya Shah", "020 7946 0018", "GB")
    text = "Hi Sam, this is Priya on 020 7946 0018, calling for your advice."
    start = text.index("020")
    assert brevity.rehearsal.number_spans(text) == [(start, start + len("020 7946 0018"))]


def _cancel_an_import(brevity: App, dialogs: CannedDialogs) -> str:
    """Open File → Import script, cancel it; where did the dialog open?"""
    dialogs.paths.append("")
    _trigger(brevity, ActionId.IMPORT_SCRIPT)
    return dialogs.folders[-1]


def test_file_dialogs_open_in_the_documents_folder_not_where_brevity_started(
    brevity: App, dialogs: CannedDialogs
) -> None:
    documents = Path(QDir.homePath()) / "Documents"
    documents.mkdir(parents=True)
    assert Path(_cancel_an_import(brevity, dialogs)) == documents
    assert Path(dialogs.folders[-1]) != Path.cwd()


def test_without_a_documents_folder_they_open_at_home(brevity: App, dialogs: CannedDialogs) -> None:
    Path(QDir.homePath()).mkdir(parents=True, exist_ok=True)
    assert Path(_cancel_an_import(brevity, dialogs)) == Path(QDir.homePath())


def test_the_last_folder_used_is_remembered_across_restarts(
    brevity: App, dialogs: CannedDialogs, tmp_path: Path
) -> None:
    folder = tmp_path / "job hunt"
    folder.mkdir()
    (folder / "pitch.md").write_text("Hi, it's Alex.", encoding="utf-8")
    dialogs.paths.append(str(folder / "pitch.md"))
    _trigger(brevity, ActionId.IMPORT_SCRIPT)
    assert Path(_cancel_an_import(brevity, dialogs)) == folder

    restarted = TransferCommands(brevity.repository, brevity.window.undo_bar, brevity.main_window,
                                 flush=lambda: None, dialogs=dialogs,
                                 preferences=Preferences(tmp_path / "settings.ini"))  # fmt: skip
    dialogs.paths.append("")
    restarted.import_script()
    assert Path(dialogs.folders[-1]) == folder
