""" "New voicemail from a guide…": four questions, and a first draft that passes every check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.coach import Profile, Rules, SpeakingRate, analyse
from app.domain.draft import Ask, draft_voicemail
from app.domain.script import ScriptKind

VOICEMAIL_TARGET_S = ScriptKind.VOICEMAIL.default_target_s
# How you know them, as the start of a clause the user finishes: (menu text, clause start).
CONNECTIONS: tuple[tuple[str, str], ...] = (
    ("Someone referred me", "{detail} suggested I call you"),
    ("We worked together", "we worked together at {detail}"),
    ("We met at an event", "we met at {detail}"),
    ("We studied together", "we studied together at {detail}"),
    ("We haven't met", ""),
)
_DETAIL_PROMPTS = (
    "Who referred you? e.g. Jordan Brooks",
    "Where? e.g. Northfield Foods",
    "Which event? e.g. the Chicago logistics meetup",
    "Where? e.g. Ohio State",
    "",
)


def connection_clause(connection_index: int, detail: str) -> str:
    """The connection as a clause for the draft; empty when there is nothing to say."""
    template = CONNECTIONS[connection_index][1]
    detail = " ".join(detail.split())
    if not template or not detail:
        return ""
    return template.format(detail=detail)


class NewVoicemailDialog(QDialog):
    """Asks who, how you know them, what you want and about what; previews the draft live."""

    def __init__(
        self,
        profile: Profile,
        rules: Rules,
        rate: SpeakingRate | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New voicemail — Brevity")
        self._rules, self._rate, self._region = rules, rate, profile.region
        self._known = profile  # what was there before anything was typed
        intro = QLabel(
            "Answer a few questions and Brevity writes a first draft that passes every "
            "check. You can change anything afterwards."
        )
        intro.setWordWrap(True)
        self.name_edit = self._line(profile.name, "e.g. Alex Rivera", "Your name")
        self.phone_edit = self._line(profile.phone, "e.g. 555-201-7788", "Your phone number")
        self.contact_edit = self._line("", "First name, e.g. Sam", "Who you are calling")
        self.connection_combo = QComboBox()
        self.connection_combo.setAccessibleName("How you know them")
        for label, _template in CONNECTIONS:
            self.connection_combo.addItem(label)
        self.detail_edit = self._line("", _DETAIL_PROMPTS[0], "Who or where")
        self.ask_combo = QComboBox()
        self.ask_combo.setAccessibleName("What you would like")
        for ask in Ask:
            self.ask_combo.addItem(ask.label, ask)
        self.topic_edit = self._line(
            "", "e.g. a move into hospital supply chain", "What it is about"
        )
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The draft")
        self.preview.setMinimumHeight(120)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Your &name", self.name_edit)
        form.addRow("Your &number", self.phone_edit)
        form.addRow("&Calling", self.contact_edit)
        form.addRow("&How you know them", self.connection_combo)
        form.addRow("", self.detail_edit)
        form.addRow("&What you'd like", self.ask_combo)
        form.addRow("&About", self.topic_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = QPushButton("Create script")
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        # Enter is handled in keyPressEvent: a default button would be Cancel whenever Create
        # is still disabled, and Enter would then throw the answers away.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel("Draft"))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        for edit in (
            self.name_edit,
            self.phone_edit,
            self.contact_edit,
            self.detail_edit,
            self.topic_edit,
        ):
            edit.textChanged.connect(self._update_draft)
        self.connection_combo.currentIndexChanged.connect(self._on_connection_changed)
        self.ask_combo.currentIndexChanged.connect(self._update_draft)
        self._update_draft()
        self.resize(560, 620)
        # Someone whose details Brevity knows starts at the first question still open.
        first = self.contact_edit if profile.name and profile.phone else self.name_edit
        first.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter creates the script once it can be written, else goes to the next question
        still open; it never closes the dialog without the script."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            if self.create_button.isEnabled():
                self.accept()
            else:
                self._first_open_question().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)  # Esc comes back through reject()

    def reject(self) -> None:
        """Cancel, Esc or the close button: typed answers go only if the user says so."""
        if self.isVisible() and self._answered() and not self._discard_confirmed():
            return
        super().reject()

    def _answered(self) -> bool:
        typed = (self.contact_edit, self.detail_edit, self.topic_edit)
        return any(edit.text().strip() for edit in typed) or (
            self.profile().name != self._known.name or self.profile().phone != self._known.phone
        )

    def _discard_confirmed(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "New voicemail — Brevity", "", parent=self)
        box.setText("Discard your answers?")
        box.setInformativeText("The draft is not saved until you choose Create script.")
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Cancel).setText("Keep editing")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    def _first_open_question(self) -> QLineEdit:
        fields = (self.name_edit, self.phone_edit, self.contact_edit, self.topic_edit)
        return next((edit for edit in fields if not edit.text().strip()), self.topic_edit)

    def _line(self, text: str, placeholder: str, accessible_name: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(accessible_name)
        return edit

    def profile(self) -> Profile:
        """The caller as typed here (the dialog may be where they first give their details)."""
        return Profile(
            name=self.name_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            region=self._region,
        )

    def contact(self) -> str:
        return " ".join(self.contact_edit.text().split())

    def text(self) -> str:
        """The draft as it will be saved; empty until the questions are answered."""
        return self.preview.toPlainText()

    def _missing(self) -> list[str]:
        fields = (
            (self.name_edit, "your name"),
            (self.phone_edit, "your number"),
            (self.contact_edit, "who you are calling"),
            (self.topic_edit, "what it is about"),
        )
        return [label for edit, label in fields if not edit.text().strip()]

    def _on_connection_changed(self, index: int) -> None:
        self.detail_edit.setPlaceholderText(_DETAIL_PROMPTS[index])
        self.detail_edit.setEnabled(bool(CONNECTIONS[index][1]))
        self._update_draft()

    def _update_draft(self) -> None:
        missing = self._missing()
        if missing:
            self.preview.setPlainText("")
            self.verdict.setText(f"To write the draft, add {_join(missing)}.")
            self.create_button.setEnabled(False)
            return
        profile = self.profile()
        text = draft_voicemail(
            profile,
            self.contact(),
            connection_clause(self.connection_combo.currentIndex(), self.detail_edit.text()),
            Ask(self.ask_combo.currentData()),
            self.topic_edit.text(),
            target_s=VOICEMAIL_TARGET_S,
            rules=self._rules,
            rate=self._rate,
        )
        report = analyse(
            text,
            kind=ScriptKind.VOICEMAIL,
            target_s=VOICEMAIL_TARGET_S,
            profile=profile,
            rules=self._rules,
            rate=self._rate,
        )
        self.preview.setPlainText(text)
        seconds = f"about {report.estimated_seconds:.0f} s of {VOICEMAIL_TARGET_S:.0f} s"
        if report.score == report.max_score:
            verdict = f"Passes all {report.max_score} checks · {seconds}"
        else:
            first = report.findings[0].message if report.findings else ""
            verdict = f"{report.score} of {report.max_score} checks · {seconds}. {first}"
        self.verdict.setText(verdict)
        self.create_button.setEnabled(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
