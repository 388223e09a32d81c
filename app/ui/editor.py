"""The script editor: name, kind, target and text, saved as you type (debounced).

The editor never writes to the database itself: it emits what changed and the owner saves.
``flush()`` forces a pending save (before a take, on switching scripts, on quit).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.script import Script, ScriptKind, clean_text

AUTOSAVE_DELAY_MS = 400


class ScriptEditor(QWidget):
    """Edits one script at a time."""

    text_edited = Signal(int, str)  # script id, text (debounced)
    details_edited = Signal(int, str, object, float)  # id, name, ScriptKind, target_s

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._script_id: int | None = None
        self._dirty = False
        self._shown_details: tuple[str, ScriptKind, float] | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Script name")
        self.name_edit.setAccessibleName("Script name")
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Kind of script")
        for kind in ScriptKind:
            self.kind_combo.addItem(kind.label, kind)
        self.target_spin = QDoubleSpinBox()
        self.target_spin.setAccessibleName("Target length in seconds")
        self.target_spin.setRange(5.0, 600.0)
        self.target_spin.setDecimals(0)
        self.target_spin.setSuffix(" s")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName("Script text")
        self.text_edit.setTabChangesFocus(True)  # a spoken script has no use for tab characters
        self.text_edit.setPlaceholderText(
            "Write what you will say. Name and number early, the reason for the call in the "
            "first sentence, ask for advice rather than a job, and the number again at the end."
        )
        font = QFont(self.text_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.text_edit.setFont(font)
        self.info_label = QLabel()
        self.info_label.setObjectName("editorInfo")
        self.info_label.setWordWrap(True)  # the coach's estimate may be long: wrap, not widen
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._build_layout()
        self._connect_signals()
        self.setEnabled(False)

    def _build_layout(self) -> None:
        # Name on its own line, kind and target under it: it stays readable beside the coach.
        details = QGridLayout()
        details.addWidget(_buddy("Name", self.name_edit), 0, 0)
        details.addWidget(self.name_edit, 0, 1, 1, 3)
        details.addWidget(_buddy("Kind", self.kind_combo), 1, 0)
        details.addWidget(self.kind_combo, 1, 1)
        details.addWidget(_buddy("Target", self.target_spin), 1, 2)
        details.addWidget(self.target_spin, 1, 3)
        details.setColumnStretch(1, 3)
        details.setColumnStretch(3, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.addLayout(details)
        column.addWidget(self.text_edit, 1)
        column.addWidget(self.info_label)

    def _connect_signals(self) -> None:
        self.text_edit.textChanged.connect(self._on_text_changed)
        self._save_timer.timeout.connect(self.flush)
        self.name_edit.editingFinished.connect(self._emit_details)
        self.kind_combo.activated.connect(self._on_kind_activated)
        self.target_spin.editingFinished.connect(self._emit_details)

    # --- what others call -------------------------------------------------------------------
    def show_script(self, script: Script | None) -> None:
        """Edit ``script``. For the script already shown only its details are refreshed:
        the text being typed is newer than any stored copy and is never replaced."""
        same = script is not None and script.id == self._script_id
        if not same:
            self.flush()
        self._script_id = script.id if script else None
        self.setEnabled(script is not None)
        blockers = [
            QSignalBlocker(w)
            for w in (self.text_edit, self.name_edit, self.kind_combo, self.target_spin)
        ]
        self.name_edit.setText(script.name if script else "")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(script.kind) if script else 0)
        self.target_spin.setValue(script.target_s if script else 30.0)
        if not same:
            self.text_edit.setPlainText(script.text if script else "")
        del blockers
        self._shown_details = self._details()
        if not same:
            self.info_label.clear()

    def replace_text(self, text: str) -> None:
        """Put ``text`` in place of the shown text as one edit that Ctrl+Z takes back (the app
        changed the stored text: the user's details went into a starter)."""
        if text != self.text():
            cursor = QTextCursor(self.text_edit.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)

    def show_info(self, text: str) -> None:
        """The line under the text: word count and the coach's estimate (the coach's call)."""
        self.info_label.setText(text)

    def document_text(self) -> str:
        """The text exactly as in the document, so offsets into it are cursor positions."""
        return self._plain_text().replace("\x00", " ")

    def text(self) -> str:
        return clean_text(self._plain_text())

    def _plain_text(self) -> str:
        # Not toPlainText(): it also turns no-break spaces into plain ones, so a pasted
        # "Merci\u00a0!" or a number held together by them would not be saved as typed.
        # The document ends each paragraph with U+2029 (and Shift+Enter puts in U+2028): the
        # rest of Brevity splits lines on "\n". (replace, not translate: 100x faster on 1 MB.)
        raw = self.text_edit.document().toRawText()
        return raw.replace("\u2029", "\n").replace("\u2028", "\n")

    def has_pending_save(self) -> bool:
        return self._save_timer.isActive()

    def flush(self) -> None:
        """Save typed text now if a save is pending."""
        if self._save_timer.isActive():
            self._save_timer.stop()
        if self._script_id is not None and self._dirty:
            self._dirty = False
            self.text_edited.emit(self._script_id, self.text())

    # --- reactions --------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        # Per keystroke only a timer restart: saving (and the coach) wait for a pause.
        self._dirty = True
        self._save_timer.start()

    def _on_kind_activated(self, _index: int) -> None:
        self.target_spin.setValue(self._kind().default_target_s)
        self._emit_details()

    def _emit_details(self) -> None:
        if self._script_id is None:
            return
        if not self.name_edit.text().strip():
            self.name_edit.setText("Untitled script")
        details = self._details()
        if details == self._shown_details:  # focus left a field without a change
            return
        self._shown_details = details
        self.details_edited.emit(self._script_id, *details)

    def _details(self) -> tuple[str, ScriptKind, float]:
        return self.name_edit.text().strip(), self._kind(), self.target_spin.value()

    def _kind(self) -> ScriptKind:
        # Qt hands StrEnum item data back as a plain str: convert it back.
        return ScriptKind(self.kind_combo.currentData())


def _buddy(text: str, field: QWidget) -> QLabel:
    """A field's label, tied to it for screen readers (no mnemonic: Alt+T opens the Take
    menu)."""
    label = QLabel(text)
    label.setBuddy(field)
    return label
