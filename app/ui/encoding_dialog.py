"""Asks which encoding a text file uses when it is not UTF-8, with a preview of the result.

Guessing would store mojibake without a word; here the user sees the decoded text before
anything is imported, and picks another encoding until it reads right.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.script_file import FALLBACK_ENCODINGS, ScriptFileError, decode_with_encoding

PREVIEW_CHARS = 4000


class EncodingDialog(QDialog):
    """Pick an encoding for ``data``; ``encoding()`` is the choice once accepted."""

    def __init__(self, data: bytes, file_name: str, reason: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which encoding does this file use?")
        self._data = data
        explanation = QLabel(
            f"“{file_name}” is not UTF-8 text. {reason}\n\nChoose the encoding it was saved "
            "in and check the preview: accented letters and symbols should read right."
        )
        explanation.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setAccessibleName("Encoding")
        for code, label in FALLBACK_ENCODINGS:
            self.combo.addItem(label, code)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Preview of the decoded text")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.combo)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._on_combo_current_index_changed()

    def encoding(self) -> str:
        return str(self.combo.currentData())

    def _on_combo_current_index_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            text = decode_with_encoding(self._data, self.encoding())
        except ScriptFileError as error:
            self.preview.setPlainText(str(error))
            ok.setEnabled(False)
            return
        shown = text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "")
        self.preview.setPlainText(shown)
        ok.setEnabled(True)
