"""Where a take's sound comes from: a small interface, and the real microphone behind it.

``AudioInput`` is all the recorder knows: ``start()``, ``stop()``, 16 kHz mono 16-bit PCM in
``chunk`` signals, and ``failed`` with one line a user can read. Tests replay WAV files through
a fake (tests/helpers/fake_audio.py); the app uses ``QtAudioInput``.

QtMultimedia (in PySide6-Addons) is imported only when a microphone is first asked for — never
before the window's first paint — and a missing module, a missing device, a device that will
not open or one that goes away mid-take are each a reason in ``failed``, never a crash.
"""

from __future__ import annotations

import time
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.voice import CHANNELS, SAMPLE_RATE

NOT_RECORDED = "takes are timed but not recorded."
NO_MICROPHONE = f"No microphone found — {NOT_RECORDED}"
NO_MULTIMEDIA = (
    f"Recording needs Qt Multimedia (the PySide6-Addons package), which is missing — {NOT_RECORDED}"
)
OPEN_FAILED = "The microphone could not be opened ({detail}) — " + NOT_RECORDED
NO_16K_MONO = f"The microphone cannot record 16 kHz mono sound — {NOT_RECORDED}"
STOPPED_MID_TAKE = (
    "The microphone stopped mid-take; the take is saved without the rest of its audio."
)
STALL_S = 3.0  # an open microphone that sends nothing for this long has gone away
WATCHDOG_MS = 500


class AudioInput(QObject):
    """A source of 16 kHz mono signed 16-bit little-endian PCM."""

    chunk = Signal(bytes)  # PCM as it arrives, any length (whole samples)
    failed = Signal(str)  # one line for the window: why there is (no more) sound

    def available(self) -> bool:
        """Whether a microphone is there to start (cheap enough for a dialog)."""
        raise NotImplementedError

    def description(self) -> str:
        """The microphone's name, or why there is none."""
        raise NotImplementedError

    def start(self) -> bool:
        """Start capturing; False (after emitting ``failed``) when it cannot."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop capturing; harmless when not started. No ``chunk`` follows it."""
        raise NotImplementedError

    def drain(self) -> None:
        """Send now, as ``chunk``, whatever has been captured and not yet sent."""


class QtAudioInput(AudioInput):
    """The system's default microphone through ``QAudioSource``, in pull mode.

    Pull mode: ``QAudioSource.start()`` hands back a ``QIODevice`` whose ``readyRead`` says
    that captured sound is waiting; every byte is read on the GUI thread and passed on as it
    is (nothing is dropped, unlike ``QMediaRecorder``, which began writing ~2 s late). Only
    16 kHz mono Int16 is accepted: every backend Qt ships (PulseAudio/PipeWire, FFmpeg,
    CoreAudio, WASAPI) resamples to it, and converting in Python on the GUI thread is not
    worth the risk, so a device that refuses it is reported like a missing one.

    A microphone that goes away is noticed three ways: the source's own error
    (``stateChanged``), the device leaving ``QMediaDevices.audioInputs()``, and a watchdog
    for sound that stops arriving (``STALL_S``). PulseAudio moves a stream whose microphone
    is unplugged to the next one, so the take goes on recording from it; with no microphone
    left the watchdog reports it within ``STALL_S`` (checked through a virtual PulseAudio
    microphone: Qt 6.12 does not always signal ``audioInputsChanged`` there).
    """

    def __init__(self, parent: QObject | None = None, *, stall_s: float = STALL_S) -> None:
        super().__init__(parent)
        self._module: ModuleType | None = None
        self._import_error = ""
        self._source: Any = None  # QAudioSource while capturing
        self._io: Any = None  # its QIODevice
        self._device_id = b""
        self._devices: Any = None  # QMediaDevices, for audioInputsChanged
        self._stall_s = stall_s
        self._last_sound_at = 0.0
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(WATCHDOG_MS)
        self._watchdog.timeout.connect(self._on_watchdog_timeout)

    # --- finding the microphone ---------------------------------------------------------------
    def _multimedia(self) -> ModuleType | None:
        if self._module is None and not self._import_error:
            try:
                import PySide6.QtMultimedia as multimedia
            except ImportError as error:  # PySide6-Addons missing, or its libraries
                self._import_error = str(error) or "ImportError"
            else:
                self._module = multimedia
        return self._module

    def _default_device(self) -> Any:
        multimedia = self._multimedia()
        if multimedia is None:
            return None
        device = multimedia.QMediaDevices.defaultAudioInput()
        return None if device.isNull() else device

    def available(self) -> bool:
        return self._default_device() is not None

    def description(self) -> str:
        device = self._default_device()
        if device is not None:
            return str(device.description())
        return NO_MULTIMEDIA if self._module is None else NO_MICROPHONE

    # --- capturing ----------------------------------------------------------------------------
    def start(self) -> bool:
        if self._source is not None:
            return True
        multimedia = self._multimedia()
        if multimedia is None:
            return self._refuse(NO_MULTIMEDIA)
        device = self._default_device()
        if device is None:
            return self._refuse(NO_MICROPHONE)
        audio_format = multimedia.QAudioFormat()
        audio_format.setSampleRate(SAMPLE_RATE)
        audio_format.setChannelCount(CHANNELS)
        audio_format.setSampleFormat(multimedia.QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(audio_format):
            return self._refuse(NO_16K_MONO)
        source = multimedia.QAudioSource(device, audio_format, self)
        io = source.start()
        no_error = multimedia.QtAudio.Error.NoError
        if io is None or source.error() != no_error:
            detail = source.error().name
            source.deleteLater()
            return self._refuse(OPEN_FAILED.format(detail=detail))
        self._source, self._io, self._device_id = source, io, bytes(device.id().data())
        io.readyRead.connect(self._on_io_ready_read)
        source.stateChanged.connect(self._on_source_state_changed)
        if self._devices is None:
            self._devices = multimedia.QMediaDevices(self)
            self._devices.audioInputsChanged.connect(self._on_devices_audio_inputs_changed)
        self._last_sound_at = time.monotonic()
        self._watchdog.start()
        return True

    def stop(self) -> None:
        if self._source is None:
            return
        self._on_io_ready_read()  # what is already captured belongs to the take
        self._release()

    def drain(self) -> None:
        self._on_io_ready_read()

    def _refuse(self, reason: str) -> bool:
        self.failed.emit(reason)
        return False

    def _release(self) -> None:
        source, self._source, self._io = self._source, None, None
        self._watchdog.stop()
        if source is not None:
            source.stateChanged.disconnect(self._on_source_state_changed)
            source.stop()
            source.deleteLater()

    def _fail(self, reason: str) -> None:
        if self._source is not None:
            self._release()
            self.failed.emit(reason)

    # --- reactions ----------------------------------------------------------------------------
    def _on_io_ready_read(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if data:
            self._last_sound_at = time.monotonic()
            self.chunk.emit(data)

    def _on_source_state_changed(self) -> None:
        # Connected without the state argument: PySide6 6.12 cannot convert QAudio::State
        # ("Cannot call meta function ... cannot be converted"), so the source is asked.
        source = self._source
        multimedia = self._module
        if source is None or multimedia is None:
            return
        error = source.error()
        if error not in (multimedia.QtAudio.Error.NoError, multimedia.QtAudio.Error.UnderrunError):
            self._fail(STOPPED_MID_TAKE)

    def _on_devices_audio_inputs_changed(self) -> None:
        multimedia = self._module
        if self._source is None or multimedia is None:
            return
        present = {bytes(d.id().data()) for d in multimedia.QMediaDevices.audioInputs()}
        if self._device_id not in present:  # unplugged
            self._fail(STOPPED_MID_TAKE)

    def _on_watchdog_timeout(self) -> None:
        if time.monotonic() - self._last_sound_at > self._stall_s:
            self._fail(STOPPED_MID_TAKE)
