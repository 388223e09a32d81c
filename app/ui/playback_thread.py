"""QtMultimedia's media player on a thread of its own: the window never waits on it.

Why a thread: QMediaPlayer's FFmpeg backend tears its decoding threads down inside ``stop()``
and ``setSource()``. One of them, as it is destroyed, calls a PySide virtual on the player's
QAudioOutput and so needs Python's GIL, while it holds a Qt lock that ``stop()`` is waiting
for. Called from Python on the GUI thread, ``stop()`` holds the GIL: both wait for ever and
the window freezes (seen with no sound server). Here the QMediaPlayer and its QAudioOutput
live in a QThread running Qt's own event loop; requests reach the player's C++ slots through
queued connections, so no call into the backend is made from Python or on the GUI thread,
and what the player reports comes back through queued signals.

This module imports QtMultimedia: import it only when replay is first needed.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QThread, QUrl, Signal, Slot
from PySide6.QtMultimedia import QAudioDevice, QAudioOutput, QMediaDevices, QMediaPlayer
from shiboken6 import isValid

THREAD_NAME = "Brevity replay"
FINISH_TIMEOUT_MS = 3000


def finish_all(timeout_ms: int = FINISH_TIMEOUT_MS) -> bool:
    """End every media thread (their players are destroyed in them); True once all have.

    Runs as the program exits, before Qt goes (a QThread destroyed while it runs aborts the
    program): the one place that waits for the media backend, and not for ever.
    """
    app = QCoreApplication.instance()
    threads = app.findChildren(QThread, THREAD_NAME) if app is not None else []
    for thread in threads:
        thread.quit()
    return all(thread.wait(timeout_ms) for thread in threads)


class PlaybackThread(QObject):
    """Asks a QMediaPlayer on another thread to load, play, pause and seek; hears its news.

    Signals (the player's own, relayed to the GUI thread in the order it sent them; Qt
    drops them once this object is gone):
        source_changed(QUrl): the player now holds this source; what follows is about it
        state_changed(QMediaPlayer.PlaybackState), position_changed(int, milliseconds),
        status_changed(QMediaPlayer.MediaStatus), error_occurred(QMediaPlayer.Error, str)
        unavailable(str): no media backend here: nothing will ever play
    """

    source_changed = Signal(QUrl)
    state_changed = Signal(QMediaPlayer.PlaybackState)
    position_changed = Signal("qlonglong")  # type: ignore[arg-type]  # as positionChanged
    status_changed = Signal(QMediaPlayer.MediaStatus)
    error_occurred = Signal(QMediaPlayer.Error, str)
    unavailable = Signal(str)
    _built = Signal()

    # Requests, wired to the player's own slots in the media thread.
    _source_requested = Signal(QUrl)
    _play_requested = Signal()
    _pause_requested = Signal()
    _position_requested = Signal("qint64")  # type: ignore[arg-type]  # as setPosition takes
    _device_requested = Signal(QAudioDevice)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # QtMultimedia sets itself up (under a lock, logging as it goes) on first use: here,
        # on the GUI thread, before the media thread runs any Python that could meet it.
        QMediaDevices.audioOutputs()
        # Owned by the application, not by Python or this object: it must outlive the
        # window long enough to finish (a QThread destroyed while it runs aborts).
        self._thread = QThread(QCoreApplication.instance())
        self._thread.setObjectName(THREAD_NAME)
        self._engine = _Engine(self)
        self._engine.moveToThread(self._thread)
        self._thread.started.connect(self._engine.build)
        self._thread.finished.connect(self._engine.deleteLater)  # in its own thread
        self._thread.finished.connect(self._thread.deleteLater)
        self._thread.engine = self._engine  # type: ignore[attr-defined]  # kept alive by it
        self.destroyed.connect(self._thread.quit)
        # Requests made before the player exists there wait here, in order.
        self._backlog: list[Callable[[], None]] | None = []
        self._built.connect(self._on_engine_built)
        self._thread.start()
        atexit.unregister(finish_all)  # once, however many players there were
        atexit.register(finish_all)

    def load(self, url: QUrl) -> None:
        self._request(partial(self._source_requested.emit, url))

    def play(self) -> None:
        self._request(self._play_requested.emit)

    def pause(self) -> None:
        self._request(self._pause_requested.emit)

    def seek(self, position_ms: int) -> None:
        self._request(partial(self._position_requested.emit, position_ms))

    def set_device(self, device: QAudioDevice) -> None:
        self._request(partial(self._device_requested.emit, device))

    def _request(self, send: Callable[[], None]) -> None:
        if self._backlog is None:
            send()
        else:
            self._backlog.append(send)

    def _on_engine_built(self) -> None:
        backlog, self._backlog = self._backlog or [], None
        for send in backlog:
            send()


class _Engine(QObject):
    """Lives in the media thread: builds the player there and wires it both ways."""

    def __init__(self, line: PlaybackThread) -> None:
        super().__init__()
        self._line = line

    @Slot()
    def build(self) -> None:
        """Runs once, in the media thread, as it starts."""
        media = QMediaPlayer(self)
        try:
            self._wire(media)
        except RuntimeError:
            if isValid(self._line):
                raise
            # else the window's side went (closed at once): nothing to wire to

    def _wire(self, media: QMediaPlayer) -> None:
        line = self._line
        if not isValid(line):
            return
        if not media.isAvailable():
            line.unavailable.emit("no multimedia backend")  # queued to the GUI thread
            return
        output = QAudioOutput(self)
        media.setAudioOutput(output)
        line._source_requested.connect(media.setSource)
        line._play_requested.connect(media.play)
        line._pause_requested.connect(media.pause)
        line._position_requested.connect(media.setPosition)
        line._device_requested.connect(output.setDevice)
        # Signal to signal: Qt's own queued relay, no Python on the way.
        media.sourceChanged.connect(line.source_changed)
        media.playbackStateChanged.connect(line.state_changed)
        media.positionChanged.connect(line.position_changed)
        media.mediaStatusChanged.connect(line.status_changed)
        media.errorOccurred.connect(line.error_occurred)
        line._built.emit()
