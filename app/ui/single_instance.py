"""One Brevity per data directory: a second launch brings the running window to the front.

The first instance holds a ``QLockFile`` in the data directory and, once its window has
painted, listens on a ``QLocalServer`` whose name is derived from the resolved data directory.
A second launch with the same directory finds the lock taken, connects, sends ``activate``,
waits for the answer and exits. Different data directories never meet: the lock file lives
inside each one and the server name is a hash of its path (short enough for the 104-byte
Unix socket path limit on macOS).

A lock left by a process that died (``kill -9``, a crash, a power cut) is stale: its PID is
gone, so ``tryLock`` removes it and takes the lock. The stale *time* is 0 (never expire by
age) because a healthy Brevity may hold the lock for weeks.

QtNetwork is imported only after the first paint (``listen``) or in a second launch, which
never paints: the first instance pays for nothing but a lock file before its window appears.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QLockFile, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # QtNetwork itself is imported where it is used, after the first paint
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_FILENAME = "brevity.lock"
ACTIVATE = b"activate\n"
ACTIVATED = b"activated\n"
CONNECT_WAIT_MS = 5000  # the first instance may still be painting when we ask
ANSWER_WAIT_MS = 20000  # ...or still opening (or backing up) its database
RETRY_PAUSE_S = 0.05

log = logging.getLogger(__name__)


def server_name(data_dir: Path) -> str:
    """The local-server name for ``data_dir``: the same for every spelling of the path."""
    import hashlib  # here, not at the top: the first instance needs it only after its paint

    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()
    return f"brevity-{digest[:20]}"


class SingleInstance(QObject):
    """The lock and the local server of one data directory."""

    activation_requested = Signal()  # a second launch wants this window in front

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._lock = QLockFile(str(data_dir / LOCK_FILENAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock (removing a stale one); False when a live instance holds it.

        A data directory that cannot be created or written is no reason to refuse a start:
        the database will report that problem properly, so this returns True without a lock.
        """
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if self._lock.tryLock(0):
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError

    @property
    def name(self) -> str:
        return server_name(self.data_dir)

    def holder_pid(self) -> int | None:
        """The PID that holds the lock, when another process does."""
        ok, pid, _host, _app = _lock_info(self._lock)
        return pid if ok else None

    def listen(self) -> bool:
        """Answer second launches from now on (call after the first paint)."""
        from PySide6.QtNetwork import QLocalServer

        if not self._lock.isLocked():
            return False  # not ours to answer (a smoke check beside a running instance)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket left by a crash; we hold the lock
        if not server.listen(self.name):
            log.warning("cannot answer second launches (%s): %s", self.name, server.errorString())
            return False
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _on_server_new_connection(self) -> None:
        server = self._server
        assert server is not None
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            if socket.canReadLine():
                self._on_socket_ready_read(socket)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            if bytes(socket.readLine().data()) == ACTIVATE:
                log.info("a second launch asked for this window: brought it to the front")
                self.activation_requested.emit()
                socket.write(ACTIVATED)
                socket.flush()


def ask_to_activate(name: str) -> bool:
    """In a second launch: ask the instance listening on ``name`` to show its window.

    True when it answered. It keeps trying to connect for a few seconds, because the first
    instance starts listening only after its window has painted.
    """
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    clock = QElapsedTimer()
    clock.start()
    while True:
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            break
        if clock.hasExpired(CONNECT_WAIT_MS):
            return False
        socket.abort()
        time.sleep(RETRY_PAUSE_S)  # no server yet (it listens after its first paint)
    socket.write(ACTIVATE)
    socket.waitForBytesWritten(1000)
    while not socket.canReadLine():
        if not socket.waitForReadyRead(ANSWER_WAIT_MS):
            return False
    return bytes(socket.readLine().data()) == ACTIVATED


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` un-minimised, raised and focused (as far as the window system lets an
    application take focus: X11 window managers may only flash its taskbar entry)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.setWindowState(window.windowState() | Qt.WindowState.WindowActive)
    window.raise_()
    window.activateWindow()


def _lock_info(lock: QLockFile) -> tuple[bool, int, str, str]:
    info = lock.getLockInfo()
    if isinstance(info, tuple) and len(info) == 3:  # PySide6: (pid, hostname, appname)
        pid, host, app = info
        return pid > 0, int(pid), str(host), str(app)
    return False, 0, "", ""


def hand_over(instance: SingleInstance) -> tuple[int, str]:
    """A second launch: ask the running instance to come forward; the exit status and the
    line to tell the user."""
    if ask_to_activate(instance.name):
        return 0, (
            f"brevity: Brevity is already running with {instance.data_dir}; "
            "its window was brought to the front."
        )
    return 1, (
        f"brevity: another Brevity (process {instance.holder_pid() or '?'}) is using "
        f"{instance.data_dir} but does not answer. Close it and try again."
    )
