"""The log file in the data directory: errors, notable events and fatal-error dumps, and the
exception hooks that write to it.

``<data dir>/logs/brevity.log`` (rotated at 1 MB, three old files kept) receives the records
of every ``app.*`` logger and, through ``faulthandler``, the Python stacks of a hard crash
(a segmentation fault in Qt, an abort). A windowed build has no stderr (``sys.stderr`` is
None), so this file is the only place such a crash leaves a trace.

PySide6 hands an exception raised in a slot or an overridden Qt method (``paintEvent``) to
``sys.excepthook`` and carries on with the event loop; an exception in another thread goes to
``threading.excepthook``. Both hooks log the traceback and pass the text to a listener: the
error dialog (``crash_reporter``), which attaches once the window has painted.

All this runs before the window paints, so it is pure Python and keeps to what is already
loaded: the rotation is a few lines here rather than ``logging.handlers`` (which pulls in
socket, pickle and queue).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from app import __version__

LOG_DIRNAME = "logs"
LOG_FILENAME = "brevity.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
LOGGER_NAME = "app"  # the package: every module's getLogger(__name__) is below it
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
ThreadHook = Callable[[threading.ExceptHookArgs], object]
Listener = Callable[[str, str], object]  # details, signature


class RotatingLog(logging.FileHandler):
    """brevity.log, moved to brevity.log.1 (.1 to .2, ...) once it passes ``max_bytes``.

    faulthandler writes to the same open file; after a rollover it is pointed at the new one.
    """

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES) -> None:
        super().__init__(path, encoding="utf-8")
        self.path, self.max_bytes = path, max_bytes

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self.roll_over()
        except OSError:
            pass  # a log that cannot rotate still takes the record
        super().emit(record)

    def roll_over(self) -> None:
        self.close()  # sets self.stream to None; the next emit opens a fresh file
        for number in range(BACKUP_COUNT - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{number}")
            if older.exists():
                os.replace(older, self.path.with_name(f"{self.path.name}.{number + 1}"))
        os.replace(self.path, self.path.with_name(f"{self.path.name}.1"))
        self.stream = self._open()
        if faulthandler.is_enabled():
            faulthandler.enable(file=self.stream, all_threads=True)


@dataclass
class CrashLog:
    """An open log file; ``close`` undoes ``open_log`` (tests; the app keeps it to the end)."""

    path: Path
    handler: RotatingLog

    def close(self) -> None:
        faulthandler.disable()
        logging.getLogger(LOGGER_NAME).removeHandler(self.handler)
        self.handler.close()


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIRNAME / LOG_FILENAME


def open_log(data_dir: Path) -> CrashLog | None:
    """Start logging to ``<data_dir>/logs/brevity.log``; None when the file cannot be opened
    (a read-only folder must not stop Brevity: the database reports that problem itself)."""
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingLog(path)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    if handler.stream is not None:
        # The file object stays open as long as the handler: faulthandler keeps its fd.
        faulthandler.enable(file=handler.stream, all_threads=True)
    logger.info("Brevity %s started (Python %s)", __version__, sys.version.split()[0])
    return CrashLog(path, handler)


class ExceptionLog:
    """``sys.excepthook`` and ``threading.excepthook``: log, then tell the listener."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self.listener: Listener | None = None
        self._previous: tuple[ExceptHook, ThreadHook] | None = None

    def install(self) -> None:
        self._previous = sys.excepthook, threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        thread_name: str | None = None,
    ) -> None:
        import traceback  # on the first error, not at start-up

        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in a terminal: quit as usual
            sys.__excepthook__(exc_type, exc, tb)
            return
        where = f" in thread {thread_name}" if thread_name else ""
        log.error("Unexpected error%s", where, exc_info=(exc_type, exc, tb))
        details = (
            f"Brevity {__version__}, Python {sys.version.split()[0]}, {sys.platform}{where}\n"
            + "".join(traceback.format_exception(exc_type, exc, tb))
        )
        if self.listener is not None:
            self.listener(details, _signature(exc_type, tb))
        elif sys.stderr is not None:  # before the window can show it: a terminal at least
            print(details, file=sys.stderr)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback, thread_name=name)


def start_crash_log(data_dir: Path) -> ExceptionLog:
    """The log file (with faulthandler) and the exception hooks: first thing at start-up."""
    crash_log = open_log(data_dir)
    exceptions = ExceptionLog(crash_log.path if crash_log else None)
    exceptions.install()
    return exceptions


def _signature(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The same error raised from the same line twice has the same signature."""
    import traceback

    frames = traceback.extract_tb(tb)
    last = frames[-1] if frames else None
    place = f"{last.filename}:{last.lineno}" if last else "?"
    return f"{exc_type.__qualname__}@{place}"
