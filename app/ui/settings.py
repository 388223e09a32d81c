"""UI preferences (font size, theme, lead-in, bands, layout) kept in an INI file via QSettings.

User data never goes here: scripts and attempts live in SQLite.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.domain.countdown import DEFAULT_AMBER_LAST_S
from app.domain.number_zone import DEFAULT_NUMBER_PACE, MAX_NUMBER_PACE, MIN_NUMBER_PACE
from app.domain.verdicts import DEFAULT_READABLE_WPM, MAX_READABLE_WPM, MIN_READABLE_WPM
from app.paths import READABLE_WPM_KEY

DEFAULT_FONT_PX = 48
MIN_FONT_PX = 20
MAX_FONT_PX = 160
DEFAULT_KEEP_RECORDINGS = 20  # per script


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class _Flag:
    """A yes/no preference stored as "true"/"false": missing, it reads as ``default``;
    anything else reads as false."""

    def __init__(self, key: str, *, default: bool = False) -> None:
        self.key, self.default = key, default

    def __get__(self, preferences: Preferences, _owner: object = None) -> bool:
        stored = preferences._settings.value(self.key, _flag_text(self.default))
        return str(stored).lower() == "true"

    def __set__(self, preferences: Preferences, value: bool) -> None:
        preferences._settings.setValue(self.key, _flag_text(value))


class _Number[N: (int, float)]:
    """A number of ``kind`` kept within [low, high]; the default when missing or unreadable
    (an int preference read back with a fraction is cut off)."""

    def __init__(self, kind: type[N], key: str, default: N, low: N, high: N) -> None:
        self.kind: type[N] = kind
        self.key = key
        self.default: N = default
        self.low: N = low
        self.high: N = high

    def __get__(self, preferences: Preferences, _owner: object = None) -> N:
        return self.kind(preferences._number(self.key, self.default, self.low, self.high))

    def __set__(self, preferences: Preferences, value: N) -> None:
        preferences._settings.setValue(self.key, self.kind(value))


def _flag_text(value: bool) -> str:
    return "true" if value else "false"


class Preferences:
    """Typed access to the settings file; every setter writes through at once."""

    font_px = _Number(int, "prompter/font_px", DEFAULT_FONT_PX, MIN_FONT_PX, MAX_FONT_PX)
    mirror = _Flag("prompter/mirror")
    # The number zone's pace as a fraction of the normal pace (1.0: no slow zone).
    number_pace = _Number(
        float, "prompter/number_pace", DEFAULT_NUMBER_PACE, MIN_NUMBER_PACE, MAX_NUMBER_PACE
    )
    lead_in_s = _Number(int, "take/lead_in_s", 0, 0, 10)
    # Above this pace a take is too fast to follow (app/domain/verdicts.py), and the Rehearse
    # page says so before Space. ``brevity stats`` reads the same key.
    readable_wpm = _Number(
        float, READABLE_WPM_KEY, DEFAULT_READABLE_WPM, MIN_READABLE_WPM, MAX_READABLE_WPM
    )
    amber_last_s = _Number(float, "take/amber_last_s", DEFAULT_AMBER_LAST_S, 0, 600)
    # Recording (see app/ui/recorder.py): on unless switched off; hands-free off by default.
    record_takes = _Flag("recording/enabled", default=True)
    # The newest N recordings kept per script; 0 keeps them all.
    keep_recordings = _Number(int, "recording/keep_per_script", DEFAULT_KEEP_RECORDINGS, 0, 9999)
    end_after_silence = _Flag("recording/end_after_silence")
    start_at_first_word = _Flag("recording/start_at_first_word")
    # Whether the script coach shows beside the editor (on unless switched off).
    coach_panel = _Flag("ui/coach_panel", default=True)
    chart_all_scripts = _Flag("progress/all_scripts")

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

    @property
    def end_silence_s(self) -> float:
        from app.domain.voice import DEFAULT_END_SILENCE_S  # the VAD loads after the paint

        return self._number("recording/end_silence_s", DEFAULT_END_SILENCE_S, 1, 15)

    @end_silence_s.setter
    def end_silence_s(self, value: float) -> None:
        self._settings.setValue("recording/end_silence_s", float(value))

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
    def chart_spoken(self) -> bool | None:
        """Whether the chart shows the spoken length; None until the user chooses."""
        value = str(self._settings.value("progress/spoken_length", "")).lower()
        return {"true": True, "false": False}.get(value)

    @chart_spoken.setter
    def chart_spoken(self, value: bool) -> None:
        self._settings.setValue("progress/spoken_length", _flag_text(value))

    @property
    def file_folder(self) -> str:
        """The folder the last import or export used ("" until there is one)."""
        return str(self._settings.value("files/last_folder", ""))

    @file_folder.setter
    def file_folder(self, value: str) -> None:
        self._settings.setValue("files/last_folder", value)

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
