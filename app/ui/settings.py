"""UI preferences (font size, theme, lead-in, bands, layout) kept in an INI file via QSettings.

User data never goes here: scripts and attempts live in SQLite.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.domain.countdown import DEFAULT_AMBER_LAST_S
from app.domain.number_zone import DEFAULT_NUMBER_PACE, MAX_NUMBER_PACE, MIN_NUMBER_PACE

DEFAULT_FONT_PX = 48
MIN_FONT_PX = 20
MAX_FONT_PX = 160
DEFAULT_KEEP_RECORDINGS = 20  # per script


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Preferences:
    """Typed access to the settings file; every setter writes through at once."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._settings.sync()

    def _number(self, key: str, default: float, low: float, high: float) -> float:
        try:
            value = float(self._settings.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default
        return min(high, max(low, value))

    def _flag(self, key: str) -> bool:
        return str(self._settings.value(key, "false")).lower() == "true"

    def _set_flag(self, key: str, value: bool) -> None:
        self._settings.setValue(key, "true" if value else "false")

    @property
    def font_px(self) -> int:
        return int(self._number("prompter/font_px", DEFAULT_FONT_PX, MIN_FONT_PX, MAX_FONT_PX))

    @font_px.setter
    def font_px(self, value: int) -> None:
        self._settings.setValue("prompter/font_px", int(value))

    @property
    def mirror(self) -> bool:
        return self._flag("prompter/mirror")

    @mirror.setter
    def mirror(self, value: bool) -> None:
        self._set_flag("prompter/mirror", value)

    @property
    def lead_in_s(self) -> int:
        return int(self._number("take/lead_in_s", 0, 0, 10))

    @lead_in_s.setter
    def lead_in_s(self, value: int) -> None:
        self._settings.setValue("take/lead_in_s", int(value))

    @property
    def amber_last_s(self) -> float:
        return self._number("take/amber_last_s", DEFAULT_AMBER_LAST_S, 0, 600)

    @amber_last_s.setter
    def amber_last_s(self, value: float) -> None:
        self._settings.setValue("take/amber_last_s", float(value))

    @property
    def number_pace(self) -> float:
        """The number zone's pace as a fraction of the normal pace (1.0: no slow zone)."""
        return self._number(
            "prompter/number_pace", DEFAULT_NUMBER_PACE, MIN_NUMBER_PACE, MAX_NUMBER_PACE
        )

    @number_pace.setter
    def number_pace(self, value: float) -> None:
        self._settings.setValue("prompter/number_pace", float(value))

    # Recording (see app/ui/recorder.py): on unless switched off; hands-free off by default.
    @property
    def record_takes(self) -> bool:
        return str(self._settings.value("recording/enabled", "true")).lower() == "true"

    @record_takes.setter
    def record_takes(self, value: bool) -> None:
        self._set_flag("recording/enabled", value)

    @property
    def keep_recordings(self) -> int:
        """The newest N recordings kept per script; 0 keeps them all."""
        return int(self._number("recording/keep_per_script", DEFAULT_KEEP_RECORDINGS, 0, 9999))

    @keep_recordings.setter
    def keep_recordings(self, value: int) -> None:
        self._settings.setValue("recording/keep_per_script", int(value))

    @property
    def end_after_silence(self) -> bool:
        return self._flag("recording/end_after_silence")

    @end_after_silence.setter
    def end_after_silence(self, value: bool) -> None:
        self._set_flag("recording/end_after_silence", value)

    @property
    def end_silence_s(self) -> float:
        from app.domain.voice import DEFAULT_END_SILENCE_S  # the VAD loads after the paint

        return self._number("recording/end_silence_s", DEFAULT_END_SILENCE_S, 1, 15)

    @end_silence_s.setter
    def end_silence_s(self, value: float) -> None:
        self._settings.setValue("recording/end_silence_s", float(value))

    @property
    def start_at_first_word(self) -> bool:
        return self._flag("recording/start_at_first_word")

    @start_at_first_word.setter
    def start_at_first_word(self, value: bool) -> None:
        self._set_flag("recording/start_at_first_word", value)

    @property
    def theme(self) -> Theme:
        try:
            return Theme(str(self._settings.value("ui/theme", Theme.SYSTEM.value)))
        except ValueError:
            return Theme.SYSTEM

    @theme.setter
    def theme(self, value: Theme) -> None:
        self._settings.setValue("ui/theme", value.value)

    @property
    def coach_panel(self) -> bool:
        """Whether the script coach shows beside the editor (on unless switched off)."""
        return str(self._settings.value("ui/coach_panel", "true")).lower() == "true"

    @coach_panel.setter
    def coach_panel(self, value: bool) -> None:
        self._set_flag("ui/coach_panel", value)

    @property
    def chart_all_scripts(self) -> bool:
        return self._flag("progress/all_scripts")

    @chart_all_scripts.setter
    def chart_all_scripts(self, value: bool) -> None:
        self._set_flag("progress/all_scripts", value)

    @property
    def chart_spoken(self) -> bool | None:
        """Whether the chart shows the spoken length; None until the user chooses."""
        value = str(self._settings.value("progress/spoken_length", "")).lower()
        return {"true": True, "false": False}.get(value)

    @chart_spoken.setter
    def chart_spoken(self, value: bool) -> None:
        self._set_flag("progress/spoken_length", value)

    @property
    def last_script_id(self) -> int | None:
        value = self._settings.value("library/last_script_id")
        try:
            return int(str(value)) if value is not None else None
        except (TypeError, ValueError):
            return None

    @last_script_id.setter
    def last_script_id(self, value: int | None) -> None:
        self._settings.setValue("library/last_script_id", value if value is not None else "")

    def layout_state(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_layout_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"layout/{key}", value)
