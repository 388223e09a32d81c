"""File menu commands: import a script or a library, export a script, the takes or everything.

Files are written with ``QSaveFile``: the old file stays whole until the new one is complete,
so a full disk or an unwritable folder costs nothing but a message. The file and encoding
dialogs sit behind ``FileDialogs`` so tests can answer them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDir, QObject, QSaveFile, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.library_format import LibraryFormatError, library_text, parse_library
from app.domain.script import Script
from app.domain.script_file import (
    NotUtf8Error,
    ScriptFileError,
    decode_script_file,
    decode_with_encoding,
    draft_from_text,
    markdown_for,
)
from app.domain.verdicts import DEFAULT_READABLE_WPM
from app.storage.repository import Repository
from app.storage.transfer import import_draft, import_library, read_library, takes_csv
from app.ui.encoding_dialog import EncodingDialog
from app.ui.settings import Preferences
from app.ui.undo_bar import UndoBar

SCRIPT_FILTER = "Text and Markdown (*.txt *.md *.markdown);;All files (*)"
MAX_READ_BYTES = 512 * 1024 * 1024


class FileDialogs:
    """The questions the commands ask; a test replaces it with canned answers."""

    def open_path(self, parent: QWidget, title: str, folder: str, name_filter: str) -> str:
        return QFileDialog.getOpenFileName(parent, title, folder, name_filter)[0]

    def save_path(self, parent: QWidget, title: str, suggested: str, name_filter: str) -> str:
        return QFileDialog.getSaveFileName(parent, title, suggested, name_filter)[0]

    def choose_encoding(self, parent: QWidget, data: bytes, name: str, reason: str) -> str | None:
        dialog = EncodingDialog(data, name, reason, parent)
        return dialog.encoding() if dialog.exec() else None

    def warn(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)


class TransferCommands(QObject):
    """Moves scripts and takes in and out of files; says which script to show afterwards."""

    library_changed = Signal(object)  # id of the script to select, or None
    profile_imported = Signal()  # the library brought the user's details with it

    def __init__(
        self,
        repository: Repository,
        undo_bar: UndoBar,
        dialog_parent: QWidget,
        flush: Callable[[], None],
        dialogs: FileDialogs | None = None,
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__(dialog_parent)
        self._repository = repository
        self._undo_bar = undo_bar
        self._parent = dialog_parent
        self._flush = flush  # the editor's pending text goes to the database first
        self.dialogs = dialogs or FileDialogs()
        self._preferences = preferences  # remembers the last folder used across restarts
        self._folder: Path | None = None  # this session's, when there is no preferences file

    @property
    def folder(self) -> Path:
        """Where a file dialog opens: the last folder used, else the documents folder, else
        home, whichever exists (a missing one would leave Qt in the working directory)."""
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        last = self._preferences.file_folder if self._preferences is not None else ""
        candidates = (last, str(self._folder or ""), documents)
        return next((Path(c) for c in candidates if c and Path(c).is_dir()), Path(QDir.homePath()))

    @folder.setter
    def folder(self, value: Path) -> None:
        self._folder = value
        if self._preferences is not None:
            self._preferences.file_folder = str(value)

    # --- import ---------------------------------------------------------------------------
    def import_script(self) -> None:
        self._flush()
        path = self._ask_open("Import a script", SCRIPT_FILTER)
        data = self._read(path) if path else None
        if path is None or data is None:
            return
        text: str | None
        try:
            text = decode_script_file(data)
        except NotUtf8Error as error:
            encoding = self.dialogs.choose_encoding(self._parent, data, path.name, str(error))
            if encoding is None:
                return
            text = self._decode_as(data, encoding, path)
        except ScriptFileError as error:
            self._warn("Cannot import this file", f"{path}: {error}")
            return
        if text is None:
            return
        try:
            script = import_draft(self._repository, draft_from_text(path.stem, text))
        except (sqlite3.Error, OSError) as error:
            self._warn("Could not import", f"The script was not imported: {error}")
            return
        script_id = script.id
        assert script_id is not None
        self.library_changed.emit(script_id)

        def undo() -> None:
            self._repository.delete_script(script_id)
            self.library_changed.emit(None)

        self._undo_bar.offer(f"Imported “{script.name}” from {path.name}.", undo)

    def import_library(self) -> None:
        self._flush()
        path = self._ask_open("Import a Brevity library", "Brevity library (*.json)")
        data = self._read(path) if path else None
        if path is None or data is None:
            return
        try:
            library = parse_library(json.loads(data.decode("utf-8-sig")))
        except (ValueError, RecursionError) as error:
            detail = str(error) if isinstance(error, LibraryFormatError) else "It is not JSON."
            self._warn("Cannot import this file", f"{path} is not a library Brevity can "
                       f"import. {detail}\n\nNothing was imported.")  # fmt: skip
            return
        try:
            summary = import_library(self._repository, library)
        except (sqlite3.Error, OSError) as error:
            self._warn("Could not import", f"Nothing was imported: {error}")
            return
        if summary.profile_imported:
            self.profile_imported.emit()
        self.library_changed.emit(summary.script_ids[0] if summary.script_ids else None)
        self._undo_bar.notify(summary.describe(path.name))

    # --- export ---------------------------------------------------------------------------
    def export_markdown(self, script: Script) -> None:
        self._flush()
        if script.id is not None:
            script = self._repository.get_script(script.id)  # with the text just flushed
        name = _file_name(script.name) or "script"
        self._export("Export the script as Markdown", f"{name}.md", "Markdown (*.md)",
                     lambda: markdown_for(script).encode("utf-8"), f"“{script.name}”")  # fmt: skip

    def export_csv(self) -> None:
        self._flush()
        # The CSV's verdicts are judged with the user's readable pace, as the cards are.
        readable_wpm = self._preferences.readable_wpm if self._preferences else DEFAULT_READABLE_WPM
        content = takes_csv(self._repository, readable_wpm)
        self._export("Export the takes as CSV", f"brevity-takes-{date.today()}.csv",
                     "CSV for a spreadsheet (*.csv)", lambda: content[0].encode("utf-8-sig"),
                     f"{content[1]} take{'' if content[1] == 1 else 's'}")  # fmt: skip

    def export_library(self) -> None:
        self._flush()
        library = read_library(self._repository)
        text = library_text(library)
        count = len(library.scripts)
        self._export("Export the whole library", f"brevity-library-{date.today()}.json",
                     "Brevity library (*.json)", lambda: text.encode("utf-8"),
                     f"{count} script{'' if count == 1 else 's'} and their takes")  # fmt: skip

    # --- helpers --------------------------------------------------------------------------
    def _export(
        self, title: str, suggested: str, name_filter: str, content: Callable[[], bytes], what: str
    ) -> None:
        chosen = self.dialogs.save_path(self._parent, title, str(self.folder / suggested),
                                        name_filter)  # fmt: skip
        if not chosen:
            return
        path = Path(chosen)
        try:
            save_file(path, content())
        except OSError as error:
            self._warn("Could not export", f"{path} was not written: {error}\n\n"
                       "Nothing in your library changed; choose another folder or free some "
                       "space and try again.")  # fmt: skip
            return
        self.folder = path.parent
        self._undo_bar.notify(f"Exported {what} to {path}")

    def _ask_open(self, title: str, name_filter: str) -> Path | None:
        chosen = self.dialogs.open_path(self._parent, title, str(self.folder), name_filter)
        if not chosen:
            return None
        self.folder = Path(chosen).parent
        return Path(chosen)

    def _read(self, path: Path) -> bytes | None:
        try:
            if path.stat().st_size > MAX_READ_BYTES:
                raise OSError("the file is far too large")
            return path.read_bytes()
        except OSError as error:
            self._warn("Cannot read the file", f"{path} cannot be read: "
                       f"{error.strerror or error}")  # fmt: skip
            return None

    def _decode_as(self, data: bytes, encoding: str, path: Path) -> str | None:
        try:
            return decode_with_encoding(data, encoding)
        except ScriptFileError as error:
            self._warn("Cannot import this file", f"{path}: {error}")
            return None

    def _warn(self, title: str, text: str) -> None:
        self.dialogs.warn(self._parent, title, text)


def save_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all or nothing (QSaveFile); OSError says why it failed."""
    saver = QSaveFile(str(path))
    if not saver.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise OSError(saver.errorString())
    if saver.write(data) != len(data):
        message = saver.errorString()
        saver.cancelWriting()
        raise OSError(message)
    if not saver.commit():
        raise OSError(saver.errorString())


def _file_name(name: str) -> str:
    """A script name as a file name: no path separators or characters Windows refuses."""
    cleaned = "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)
    return " ".join(cleaned.split()).strip(". ")[:120]
