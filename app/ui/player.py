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
        self._line: Any = None  # its player, on a thread of its own (playback_thread)
        self._devices: Any = None
        # What the window knows of the player, from its queued news: never asked directly.
        self._source = QUrl()  # the source asked for
        self._heard_source = QUrl()  # the source the player last said it holds
        self._wants_play = False  # play asked for, and no pause or stop since
        self._heard_playing = False
        self._position_ms = 0
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
        if self.playable and self._line is not None:
            self._open_source()
            self._wants_play = True
            self._line.play()

    def pause(self) -> None:
        """Pause at once: the button and ``is_playing`` change now, the sound a moment later."""
        if self._line is not None and self._wants_play:
            self._wants_play = False
            self._line.pause()
            self._refresh()

    def toggle(self) -> None:
        """Play, or pause when playing (the button, Enter on the history, P)."""
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """Pause and go back to the start (QMediaPlayer.stop would tear the decoder down)."""
        if self._line is not None:
            self.pause()
            self._line.seek(0)
            self._show_position(0)

    def set_blocked(self, blocked: bool) -> None:
        """While a take runs nothing plays: the microphone would record it."""
        self._blocked = blocked
        if blocked:
            self.stop()
        self._refresh()

    def is_playing(self) -> bool:
        """Playing as far as the user is concerned: asked to, and the player says it does."""
        return self._wants_play and self._heard_playing and self._hears_current()

    def position_s(self) -> float:
        return self._position_ms / 1000

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
        # The file is opened when it is first played or sought, not on selection: a take
        # selected in passing costs no decoder, and retention may trim an old file meanwhile.
        self._wants_play = False
        self._show_position(0)

    def _open_source(self) -> None:
        """Hand the selected take's file to the player, unless it holds it already."""
        if self._path is not None and QUrl.fromLocalFile(str(self._path)) != self._source:
            self._set_source(self._path)

    def _ensure_media(self) -> None:
        """Load QtMultimedia once; any failure becomes the reason replay is unavailable."""
        if self._line is not None or self._unavailable is not None:
            return
        try:
            multimedia = _multimedia()
            devices = multimedia.QMediaDevices(self)
            devices.audioOutputsChanged.connect(self._on_devices_changed)
            self._has_output = audio_output_available(multimedia)
            from app.ui.playback_thread import PlaybackThread

            line = PlaybackThread(self)  # last: see its module docstring
        except Exception as error:  # a missing backend may fail in any way
            self._unavailable = UNAVAILABLE.format(reason=str(error) or type(error).__name__)
            return
        self._multimedia, self._line, self._devices = multimedia, line, devices
        line.source_changed.connect(self._on_line_source_changed)
        line.position_changed.connect(self._on_line_position_changed)
        line.state_changed.connect(self._on_line_state_changed)
        line.status_changed.connect(self._on_line_status_changed)
        line.error_occurred.connect(self._on_line_error_occurred)
        line.unavailable.connect(self._on_line_unavailable)

    def _set_source(self, path: Path | None) -> None:
        self._wants_play = False
        self._show_position(0)
        if self._line is None:
            return
        url = QUrl.fromLocalFile(str(path)) if path else QUrl()
        if url == self._source:  # _open_source hands over a new file only; None stays None
            return
        self._source = url
        self._line.load(url)

    def _hears_current(self) -> bool:
        """Whether the player's latest news is about the source asked for (not an old one)."""
        return bool(self._heard_source == self._source)

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
        if self._line is not None:
            self._open_source()
            self._line.seek(round(seconds * 1000))
        self._show_position(round(seconds * 1000))

    def _on_line_source_changed(self, url: QUrl) -> None:
        self._heard_source = url
        self._heard_playing = False

    def _on_line_position_changed(self, position_ms: int) -> None:
        if self._hears_current():
            self._show_position(position_ms)

    def _on_line_state_changed(self, state: object) -> None:
        if self._hears_current() and self._multimedia is not None:
            self._heard_playing = state == self._multimedia.QMediaPlayer.PlaybackState.PlayingState
            self._refresh()

    def _on_line_status_changed(self, status: object) -> None:
        ended = self._multimedia is not None and (
            status == self._multimedia.QMediaPlayer.MediaStatus.EndOfMedia
        )
        if ended and self._hears_current():
            self._wants_play = False
            self._show_position(0)  # the next Play starts from the beginning again

    def _on_line_error_occurred(self, _error: object, message: str) -> None:
        if self._path is not None and self._hears_current():
            self._problem = f"This recording could not be played: {message or 'unknown error'}."
            self._refresh()

    def _on_line_unavailable(self, reason: str) -> None:
        self._unavailable = UNAVAILABLE.format(reason=reason)
        self._line = None
        self._refresh()

    def _show_position(self, position_ms: int) -> None:
        self._position_ms = position_ms
        self.bar.set_position(position_ms / 1000)
        self._show_time(position_ms / 1000)

    def _on_devices_changed(self) -> None:
        multimedia = self._multimedia
        if multimedia is None:
            return
        self._has_output = audio_output_available(multimedia)
        if self._line is not None and self._has_output:
            self._line.set_device(multimedia.QMediaDevices.defaultAudioOutput())
        self._refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.pause()  # hidden (full screen, another take): never play on unseen
        super().hideEvent(event)
