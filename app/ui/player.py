"""Replay of a take's recording: play/pause, a position bar with the speech marked, the figures.

QtMultimedia is imported when the first take with a recording is shown, never at start-up,
and every step of setting it up is guarded: without the multimedia backend, or without any
sound output, the player says why in one line and stays disabled (it enables itself when a
device appears). With the FFmpeg backend a QMediaPlayer decodes and advances through a WAV
even with no device at all, which is what the tests rely on.
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QHideEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from app.domain.attempt import Attempt
from app.domain.replay import recording_length_s, speech_span
from app.ui.formats import format_when, local_time, voice_summary
from app.ui.speech_bar import SpeechBar
from app.ui.theme import is_dark, line_icon

NOT_KEPT = "The recording of this take was not kept."
UNREADABLE = "The recording of this take cannot be read."
NO_OUTPUT = "No sound output found: connect speakers or headphones to hear your takes."
UNAVAILABLE = "Replay is not available here: {reason}."
BLOCKED = "Replay waits until the take is over."


def _multimedia() -> ModuleType:
    from PySide6 import QtMultimedia  # deferred on purpose: see the module docstring

    return QtMultimedia


def audio_output_available(multimedia: ModuleType) -> bool:
    """Whether the system offers any sound output device."""
    return bool(multimedia.QMediaDevices.audioOutputs())


def _clock(seconds: float) -> str:
    """``0:03.2``: minutes and tenths, always the same width for a voicemail."""
    seconds = max(0.0, seconds)
    minutes, rest = divmod(round(seconds, 1), 60)
    return f"{int(minutes)}:{rest:04.1f}"


class TakePlayer(QWidget):
    """Plays the recording of one take; hidden while the shown take has none."""

    playable_changed = Signal(bool)  # whether play/pause does anything now

    def __init__(
        self,
        recordings_root: Path | None = None,
        parent: QWidget | None = None,
        *,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._root = recordings_root
        self._tz = tz
        self._attempt: Attempt | None = None
        self._path: Path | None = None
        self._length_s = 0.0
        self._problem: str | None = None  # why this take cannot be played
        self._unavailable: str | None = None  # why nothing can be played (no backend)
        self._blocked = False
        self._has_output = False
        self._multimedia: ModuleType | None = None  # PySide6.QtMultimedia, once loaded
        self._media: Any = None  # its QMediaPlayer
        self._output: Any = None
        self._devices: Any = None
        self._build()
        self.hide()

    def _build(self) -> None:
        self.play_button = QToolButton()
        self.play_button.setAutoRaise(True)
        self.play_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keep the prompter's keys
        self.play_button.clicked.connect(self.toggle)
        self.bar = SpeechBar()
        self.bar.seek_requested.connect(self._on_bar_seek_requested)
        self.time_label = QLabel()
        self.time_label.setFont(QFont(self.font().family()))  # never bold, like the table
        width = self.time_label.fontMetrics().horizontalAdvance("0:00.0 / 0:00.0") + 4
        self.time_label.setMinimumWidth(width)
        self.caption_label = QLabel()
        self.caption_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.caption_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.play_button)
        row.addWidget(self.bar, 1)
        row.addWidget(self.time_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(0)
        column.addLayout(row)
        column.addWidget(self.caption_label)
        self.setAccessibleName("Replay")

    # -- what the owner calls ------------------------------------------------------------------
    def set_recordings_root(self, folder: Path | None) -> None:
        """The data folder: an Attempt's ``recording`` is a path relative to it."""
        self._root = folder

    @property
    def recordings_root(self) -> Path | None:
        return self._root

    @property
    def attempt(self) -> Attempt | None:
        return self._attempt

    @property
    def playable(self) -> bool:
        return self._reason() is None and self._attempt is not None and self._path is not None

    @property
    def reason(self) -> str | None:
        """The one-line reason replay is not possible now, or None."""
        return self._reason()

    def show_take(self, attempt: Attempt | None) -> None:
        """Load this take (None, or one without a recording, hides the player).

        The same take again (say after its note changed) keeps playing; another one stops.
        """
        key = (attempt.id, attempt.recording) if attempt else None
        if key and self._attempt and key == (self._attempt.id, self._attempt.recording):
            self._attempt = attempt
            self._refresh()
            return
        self.stop()
        self._attempt = attempt
        self._path, self._problem, self._length_s = None, None, 0.0
        if attempt is None or not attempt.recording:
            self.hide()
            self._refresh()
            return
        self._load(attempt, attempt.recording)
        self.show()
        self._refresh()

    def play(self) -> None:
        if self.playable and self._media is not None:
            self._media.play()

    def pause(self) -> None:
        if self._media is not None and self.is_playing():
            self._media.pause()

    def toggle(self) -> None:
        """Play, or pause when playing (the button, Enter on the history, P)."""
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        if self._media is not None:
            self._media.stop()

    def set_blocked(self, blocked: bool) -> None:
        """While a take runs nothing plays: the microphone would record it."""
        self._blocked = blocked
        if blocked:
            self.stop()
        self._refresh()

    def is_playing(self) -> bool:
        if self._media is None:
            return False
        return bool(self._media.playbackState() == self._media.PlaybackState.PlayingState)

    def position_s(self) -> float:
        return self._media.position() / 1000 if self._media is not None else 0.0

    def length_s(self) -> float:
        return self._length_s

    # -- loading -------------------------------------------------------------------------------
    def _load(self, attempt: Attempt, recording: str) -> None:
        path = Path(recording)
        if not path.is_absolute() and self._root is not None:
            path = self._root / path
        length_s = recording_length_s(path) if path.is_file() else None
        if length_s is None:
            self._problem = NOT_KEPT if not path.exists() else UNREADABLE
            self.bar.set_recording(0.0, None)
            self._set_source(None)
            return
        self._path, self._length_s = path, length_s
        self.bar.set_recording(length_s, speech_span(attempt, length_s))
        self._ensure_media()
        self._set_source(path)

    def _ensure_media(self) -> None:
        """Load QtMultimedia once; any failure becomes the reason replay is unavailable."""
        if self._media is not None or self._unavailable is not None:
            return
        try:
            multimedia = _multimedia()
            media = multimedia.QMediaPlayer(self)
            if not media.isAvailable():
                raise RuntimeError("no multimedia backend")
            output = multimedia.QAudioOutput(self)
            media.setAudioOutput(output)
            devices = multimedia.QMediaDevices(self)
            self._has_output = audio_output_available(multimedia)
        except Exception as error:  # a missing backend may fail in any way
            self._unavailable = UNAVAILABLE.format(reason=str(error) or type(error).__name__)
            return
        self._multimedia = multimedia
        self._media, self._output, self._devices = media, output, devices
        media.positionChanged.connect(self._on_media_position_changed)
        media.playbackStateChanged.connect(self._on_media_state_changed)
        media.mediaStatusChanged.connect(self._on_media_status_changed)
        media.errorOccurred.connect(self._on_media_error_occurred)
        devices.audioOutputsChanged.connect(self._on_devices_changed)

    def _set_source(self, path: Path | None) -> None:
        if self._media is not None:
            self._media.setSource(QUrl.fromLocalFile(str(path)) if path else QUrl())

    # -- showing -------------------------------------------------------------------------------
    def _reason(self) -> str | None:
        if self._attempt is None or not self._attempt.recording:
            return None if self._attempt is None else NOT_KEPT
        if self._problem is not None:
            return self._problem
        if self._unavailable is not None:
            return self._unavailable
        if not self._has_output:
            return NO_OUTPUT
        return BLOCKED if self._blocked else None

    def _refresh(self) -> None:
        reason, attempt = self._reason(), self._attempt
        playing = self.is_playing()
        self.play_button.setEnabled(reason is None and attempt is not None)
        self.bar.setEnabled(reason is None and attempt is not None)
        dark = is_dark(self.palette())
        self.play_button.setIcon(line_icon("pause" if playing else "play", dark))
        self.play_button.setAccessibleName("Pause" if playing else "Play")
        self.play_button.setToolTip(("Pause" if playing else "Play this take") + " (P)")
        if attempt is not None and reason in (None, BLOCKED):
            when = format_when(local_time(attempt.started_at, self._tz))
            text = f"{when} · {voice_summary(attempt)}"
            self.caption_label.setText(text if reason is None else f"{text} · {reason}")
        else:
            self.caption_label.setText(reason or "")
        self.caption_label.setToolTip(self.caption_label.text())
        self._show_time(self.bar.position_s())
        self.playable_changed.emit(self.playable)

    def _show_time(self, position_s: float) -> None:
        self.time_label.setText(f"{_clock(position_s)} / {_clock(self._length_s)}")

    # -- reactions -----------------------------------------------------------------------------
    def _on_bar_seek_requested(self, seconds: float) -> None:
        if self._media is not None:
            self._media.setPosition(round(seconds * 1000))
        self._show_time(seconds)

    def _on_media_position_changed(self, position_ms: int) -> None:
        self.bar.set_position(position_ms / 1000)
        self._show_time(position_ms / 1000)

    def _on_media_state_changed(self, _state: object) -> None:
        self._refresh()

    def _on_media_status_changed(self, status: object) -> None:
        if self._media is not None and status == self._media.MediaStatus.EndOfMedia:
            self.bar.set_position(0.0)  # the next Play starts from the beginning again
            self._show_time(0.0)

    def _on_media_error_occurred(self, _error: object, message: str) -> None:
        if self._path is not None:
            self._problem = f"This recording could not be played: {message or 'unknown error'}."
            self._refresh()

    def _on_devices_changed(self) -> None:
        multimedia = self._multimedia
        if multimedia is None:
            return
        self._has_output = audio_output_available(multimedia)
        if self._output is not None and self._has_output:
            self._output.setDevice(multimedia.QMediaDevices.defaultAudioOutput())
        self._refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.pause()  # hidden (full screen, another take): never play on unseen
        super().hideEvent(event)
