""" "Your details": the caller's name, phone number and region, for the script coach."""

from __future__ import annotations

from functools import cache

import phonenumbers
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.coach import Profile, find_numbers
from app.domain.starters import NAME_PLACEHOLDER, NUMBER_PLACEHOLDER

FALLBACK_REGION = "US"


@cache
def regions() -> tuple[tuple[str, str], ...]:
    """(code, "Country name (CC)") for every region phone numbers can be read for, by name."""
    named = []
    for code in phonenumbers.SUPPORTED_REGIONS:
        territory = QLocale.codeToTerritory(code)
        name = QLocale.territoryToString(territory) if territory.value else code
        named.append((code, f"{name} ({code})"))
    return tuple(sorted(named, key=lambda item: item[1].casefold()))


def system_region() -> str:
    """The system locale's country when phone numbers can be read for it, else the US."""
    code = QLocale.territoryToCode(QLocale.system().territory())
    return code if code in phonenumbers.SUPPORTED_REGIONS else FALLBACK_REGION


def describe_phone(phone: str, region: str) -> tuple[str, bool]:
    """A one-line reading of ``phone`` for the dialog, and whether it was understood."""
    if not phone.strip():
        return "Optional, but the coach can then check that the number is said twice.", True
    found = find_numbers(phone, region)
    if len(found) != 1:
        return "Brevity cannot read this as one phone number: check the digits and region.", False
    number = phonenumbers.parse(found[0].e164)
    readable = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return f"Brevity reads this as {readable}.", True


INTRO = (
    "The script coach checks that each voicemail says your name early and your "
    f"number twice, slowly. Saving puts them where a script still says {NAME_PLACEHOLDER} or "
    f"{NUMBER_PLACEHOLDER}. These details stay on this computer."
)
WELCOME_INTRO = (
    "<p><b>Welcome to Brevity.</b> Rehearse a 30-second voicemail until it is brief, direct "
    f"and easy to call back.</p><p>The starter scripts say <i>{NAME_PLACEHOLDER}</i> and "
    f"<i>{NUMBER_PLACEHOLDER}</i>: give them here and they are filled in, and the script coach "
    "checks that each voicemail says them clearly. These details stay on this computer; "
    "you can change them any time under File → Your details…</p>"
)


class ProfileDialog(QDialog):
    """Edits a Profile; ``profile()`` gives the edited value once accepted.

    With ``welcome`` it is the first run's question: a greeting, and "Skip for now" instead
    of Cancel."""

    def __init__(
        self, profile: Profile, parent: QWidget | None = None, *, welcome: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Brevity" if welcome else "Your details — Brevity")
        intro = QLabel(WELCOME_INTRO if welcome else INTRO)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(profile.name)
        self.name_edit.setPlaceholderText("e.g. Alex Rivera")
        self.name_edit.setAccessibleName("Your name")
        self.phone_edit = QLineEdit(profile.phone)
        self.phone_edit.setPlaceholderText("e.g. 555-201-7788")
        self.phone_edit.setAccessibleName("Your phone number")
        self.region_combo = QComboBox()
        self.region_combo.setAccessibleName("Region for phone numbers")
        for code, label in regions():
            self.region_combo.addItem(label, code)
        region = profile.region if profile.name or profile.phone else system_region()
        index = self.region_combo.findData(region)
        self.region_combo.setCurrentIndex(max(0, index))
        self.phone_status = QLabel()
        self.phone_status.setWordWrap(True)
        self.phone_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("&Phone number", self.phone_edit)
        form.addRow("", self.phone_status)
        form.addRow("&Region", self.region_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        if welcome:
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText("Skip for now")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.phone_edit.textChanged.connect(self._update_phone_status)
        self.region_combo.currentIndexChanged.connect(self._update_phone_status)
        self._update_phone_status()
        self.setMinimumWidth(460)

    def profile(self) -> Profile:
        return Profile(
            name=self.name_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            region=str(self.region_combo.currentData() or FALLBACK_REGION),
        )

    def _update_phone_status(self) -> None:
        text, understood = describe_phone(self.phone_edit.text(), self.profile().region)
        self.phone_status.setText(text if understood else f"⚠ {text}")
