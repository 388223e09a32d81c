"""Library commands: new, duplicate, rename, delete (undoable) and detail edits of scripts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from app.domain.script import Script, ScriptKind
from app.storage.repository import Repository
from app.ui.undo_bar import UndoBar


class ScriptCommands(QObject):
    """Changes the library and says which script should be current afterwards."""

    library_changed = Signal(object)  # id of the script to select, or None
    script_created = Signal(int)  # an empty script: its name is next to type
    voicemail_drafted = Signal(int)  # a script with a draft: its text is next to read

    def __init__(self, repository: Repository, undo_bar: UndoBar, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._repository = repository
        self._undo_bar = undo_bar
        self._dialog_parent = dialog_parent

    def new_script(self) -> None:
        kind = ScriptKind.VOICEMAIL
        script = self._repository.add_script(
            Script(
                name=self._unique_name("New voicemail"),
                kind=kind,
                target_s=kind.default_target_s,
                text="",
            )
        )
        assert script.id is not None
        self.library_changed.emit(script.id)
        self.script_created.emit(script.id)

    def new_voicemail(self, contact: str, text: str) -> None:
        """Store a drafted voicemail as a new script and make it current."""
        kind = ScriptKind.VOICEMAIL
        base = f"Voicemail — {contact}" if contact else "New voicemail"
        script = self._repository.add_script(
            Script(name=self._unique_name(base), kind=kind, target_s=kind.default_target_s,
                   text=text)
        )  # fmt: skip
        self.library_changed.emit(script.id)
        self.voicemail_drafted.emit(script.id)

    def duplicate(self, script: Script) -> None:
        assert script.id is not None
        copy = self._repository.duplicate_script(
            script.id, self._unique_name(f"{script.name} (copy)")
        )
        self.library_changed.emit(copy.id)

    def rename(self, script: Script) -> None:
        assert script.id is not None
        name, accepted = QInputDialog.getText(
            self._dialog_parent, "Rename script", "Name:", text=script.name
        )
        if accepted and name.strip():
            self._repository.rename_script(script.id, name.strip())
            self.library_changed.emit(script.id)

    def update_details(self, script_id: int, name: str, kind: ScriptKind, target_s: float) -> None:
        current = self._repository.get_script(script_id)
        self._repository.update_script(
            Script(
                name=name,
                kind=kind,
                target_s=target_s,
                text=current.text,
                id=script_id,
                words_per_minute=current.words_per_minute,
            )
        )
        self.library_changed.emit(script_id)

    def delete(self, script: Script) -> None:
        script_id = script.id
        assert script_id is not None
        self._repository.delete_script(script_id)
        self.library_changed.emit(None)

        def undo() -> None:
            self._repository.restore_script(script_id)
            self.library_changed.emit(script_id)

        self._undo_bar.offer(f"Deleted “{script.name}” and its takes.", undo)

    def _unique_name(self, base: str) -> str:
        names = {s.name for s in self._repository.list_scripts()}
        name, number = base, 2
        while name in names:
            name, number = f"{base} {number}", number + 1
        return name
