"""SIGTERM and SIGINT as Qt events: a logout, ``kill`` or Ctrl+C in a terminal closes the
window the way Ctrl+Q does, instead of killing Brevity with nothing written.

A Python signal handler only runs when the interpreter gets control, which it may not while
Qt's event loop waits. So the C-level handler writes the signal's number to a socket
(``signal.set_wakeup_fd``); a QSocketNotifier on the other end wakes the loop, and the
reaction runs there, on the GUI thread, between two events like any other.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal

HANDLED = (signal.SIGTERM, signal.SIGINT)


class QuitSignals(QObject):
    """Turns SIGTERM and SIGINT into Qt signals while it is installed.

    Signals:
        terminated(): SIGTERM (nobody can be asked anything)
        interrupted(): SIGINT (Ctrl+C in the terminal that started Brevity)
    """

    terminated = Signal()
    interrupted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, _noted) for number in HANDLED}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def uninstall(self) -> None:
        """Give the signals back to what handled them before (at the end of the program)."""
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()

    def _on_notifier_activated(self) -> None:
        with contextlib.suppress(BlockingIOError, InterruptedError):
            for number in self._reader.recv(64):
                if number == signal.SIGTERM:
                    self.terminated.emit()
                elif number == signal.SIGINT:
                    self.interrupted.emit()


def _noted(_number: int, _frame: FrameType | None) -> None:
    """The Python-level handler: nothing to do, the wakeup byte carries the news."""
