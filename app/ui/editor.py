"""The script editor: name, kind, target and text, saved as you type (debounced).

The editor never writes to the database itself: it emits what changed and the owner saves.
``flush()`` forces a pending save (before a take, on switching scripts, on quit).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.script import Script, ScriptKind, clean_text, estimated_seconds, word_count

AUTOSAVE_DELAY_MS = 400


class ScriptEditor(QWidget):
    """Edits one script at a time."""

    text_edited = Signal(int, str)  # script id, text (debounced)
    details_edited = Signal(int, str, object, float)  # id, name, ScriptKind, target_s

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._script_id: int | None = None
        self._words_per_minute = 150.0
        self._pace_is_users = False
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
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._build_layout()
        self._connect_signals()
        self.setEnabled(False)

    def _build_layout(self) -> None:
        details = QHBoxLayout()
        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        details.addLayout(form, 3)
        small = QFormLayout()
        small.addRow("Kind", self.kind_combo)
        small.addRow("Target", self.target_spin)
        details.addLayout(small, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
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
        self._update_info()

    def set_pace(self, words_per_minute: float, users_own: bool) -> None:
        self._words_per_minute = words_per_minute
        self._pace_is_users = users_own
        self._update_info()

    def text(self) -> str:
        return clean_text(self.text_edit.toPlainText())

    def has_pending_save(self) -> bool:
        return self._save_timer.isActive()

    def flush(self) -> None:
        """Save typed text now if a save is pending."""
        if self._save_timer.isActive():
            self._save_timer.stop()
        if self._script_id is not None and self._dirty:
            self._dirty = False
            self._update_info()
            self.text_edited.emit(self._script_id, self.text())

    # --- reactions --------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        # Per keystroke only a timer restart: counting words waits for the pause in typing.
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
        self._update_info()

    def _details(self) -> tuple[str, ScriptKind, float]:
        return self.name_edit.text().strip(), self._kind(), self.target_spin.value()

    def _kind(self) -> ScriptKind:
        # Qt hands StrEnum item data back as a plain str: convert it back.
        return ScriptKind(self.kind_combo.currentData())

    def _update_info(self) -> None:
        count = word_count(self.text_edit.toPlainText())
        seconds = estimated_seconds(count, self._words_per_minute)
        pace = "your median pace" if self._pace_is_users else "a typical pace"
        target = self.target_spin.value()
        verdict = "over" if seconds > target else "within"
        self.info_label.setText(
            f"{count} words · about {seconds:.0f} s spoken at {self._words_per_minute:.0f} wpm "
            f"({pace}) · {verdict} the {target:.0f} s target"
        )
