"""``python -m app`` / ``brevity``: parse the command line, build the object graph, run Qt."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_ID, APP_NAME, __version__
from app.paths import data_dir, settings_file

if TYPE_CHECKING:  # only for annotations: the real imports wait (see _Startup)
    from PySide6.QtWidgets import QApplication
    from sqlite_utils import Database

    from app.storage.recovery import Recovery
    from app.ui.backup_scheduler import BackupScheduler
    from app.ui.crash_log import ExceptionLog
    from app.ui.main_window import MainWindow
    from app.ui.quit_signals import QuitSignals
    from app.ui.settings import Preferences
    from app.ui.single_instance import SingleInstance


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="brevity",
        description="Rehearse the 30-second voicemail and the elevator pitch.",
        epilog="Without a window: brevity check FILE, brevity export --json FILE / --csv FILE, "
        "brevity import FILE, brevity stats [--script NAME] [--json], brevity self-check "
        "(see brevity COMMAND --help).",
    )
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help="where the database lives (default: the user data directory; also $BREVITY_DATA_DIR)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start, open the database, show the window and quit after the "
        "first paint (exit 0 when all is well)",
    )
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="with --smoke: save a picture of the window"
    )
    args = parser.parse_args(argv)
    if args.screenshot and not args.smoke:
        parser.error("--screenshot needs --smoke")
    return args


# Subcommands that run without Qt: name -> (module, function taking the remaining arguments).
_SUBCOMMANDS = {
    "check": ("app.cli", "check_main"),
    "export": ("app.cli_transfer", "export_main"),
    "import": ("app.cli_transfer", "import_main"),
    "stats": ("app.cli_stats", "stats_main"),  # the Progress figures, as the window shows them
    "self-check": ("app.self_check", "self_check_main"),  # audio parts present? (JSON)
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in _SUBCOMMANDS:  # before any Qt import: a subcommand needs no display
        module_name, function_name = _SUBCOMMANDS[argv[0]]
        command: Callable[[list[str]], int] = getattr(
            importlib.import_module(module_name), function_name
        )
        return command(argv[1:])
    args = parse_args(argv)
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    if not _has_display():
        if not args.smoke:
            _say(
                "brevity: no graphical display found (DISPLAY and WAYLAND_DISPLAY are unset). "
                "Run it from a desktop session."
            )
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a smoke check needs no screen
    from app.platform_check import platform_problem

    problem = platform_problem(os.environ)  # Qt would only say "could not load" and abort
    if problem is not None:
        _say(problem)
        return 1
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    return run(app, args)


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(app: QApplication, args: argparse.Namespace) -> int:
    """Show the window at once, then open the data and build the workspace behind it."""
    from PySide6.QtGui import QIcon

    from app.resources import icon_path
    from app.ui.crash_log import start_crash_log
    from app.ui.main_window import MainWindow
    from app.ui.settings import Preferences
    from app.ui.single_instance import SingleInstance, hand_over
    from app.ui.theme import apply_theme

    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(icon_path("brevity"))))
    folder = data_dir(args.data_dir)
    instance = SingleInstance(folder, app)
    if not instance.acquire() and not args.smoke:  # a smoke check never defers: see README
        status, message = hand_over(instance)
        _say(message)
        return status
    exceptions = start_crash_log(folder)
    preferences = Preferences(settings_file(args.data_dir))
    apply_theme(app, preferences.theme)
    window = MainWindow(preferences)
    if os.environ.get("BREVITY_TIMING"):  # for benchmarks/bench_startup.py
        window.first_painted.connect(lambda: _say(f"first_paint_epoch: {time.time():.6f}"))
    _connect_safety(window, instance, exceptions, smoke=args.smoke)
    startup = _Startup(app, window, preferences, args)
    window.first_painted.connect(startup.load)
    signals = _quit_on_signals(window)
    window.show()
    try:
        return app.exec()  # 1 when the data could not be opened (load() exits with it)
    finally:
        startup.close()
        instance.release()
        signals.uninstall()


def _quit_on_signals(window: MainWindow) -> QuitSignals:
    """SIGINT closes the window as Ctrl+Q does; SIGTERM too, without asking anyone (what
    could not be written goes to the recovery file). Either way the close backup runs and
    the lock goes, and Brevity exits with 0."""
    from app.ui.quit_signals import QuitSignals

    signals = QuitSignals(window)
    signals.terminated.connect(window.close_unattended)
    signals.interrupted.connect(window.close)
    return signals


def _connect_safety(
    window: MainWindow, instance: SingleInstance, errors: ExceptionLog, *, smoke: bool
) -> None:
    """A second launch brings this window forward, and an unexpected error shows in a dialog
    (in a smoke check it fails the check instead). Both wait for the first paint to load
    their Qt modules (QtNetwork, the dialog)."""
    from app.ui.single_instance import bring_to_front

    def show_errors() -> None:
        from app.ui.crash_reporter import CrashReporter

        CrashReporter(errors, window)  # a child of the window: lives as long as it

    instance.activation_requested.connect(lambda: bring_to_front(window))
    window.first_painted.connect(instance.listen)
    if smoke:
        errors.listener = _fail_smoke
    else:
        window.first_painted.connect(show_errors)


def _fail_smoke(details: str, _signature: str) -> None:
    """An unexpected error in a smoke check: say it and exit 1 rather than run on."""
    from PySide6.QtWidgets import QApplication

    _say(details)
    QApplication.exit(1)


class _Startup:
    """The second stage: database, workspace, chart — each after the previous paint.

    Its imports wait inside ``load`` so that sqlite-utils (and everything it pulls in) is
    not loaded before the window has painted once.
    """

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        preferences: Preferences,
        args: argparse.Namespace,
    ) -> None:
        self.app, self.window, self.preferences, self.args = app, window, preferences, args
        self._db: Database | None = None
        self._backup_scheduler: BackupScheduler | None = None
        self._told_backup_failed = False

    def load(self) -> None:
        from PySide6.QtCore import QTimer

        from app.domain.starters import parse_starters
        from app.resources import resource_path
        from app.storage.backup import BACKUPS_DIRNAME
        from app.storage.recovery import Backups
        from app.storage.repository import Repository
        from app.ui.audio_input import QtAudioInput
        from app.ui.backup_scheduler import BackupScheduler
        from app.ui.recorder import Recorder
        from app.ui.rehearsal import Rehearsal
        from app.ui.workspace import Workspace

        folder = data_dir(self.args.data_dir)
        db = self._db = self._open_data(folder)
        if db is None:
            return
        repository = Repository(db)
        starters = resource_path("data", "starter_scripts.json").read_text(encoding="utf-8")
        repository.seed_if_first_run(parse_starters(starters))
        # The microphone: QtMultimedia itself loads at the first take (or in Preferences).
        recorder = Recorder(QtAudioInput(), folder)
        rehearsal = Rehearsal(repository, time.monotonic, self.preferences, recorder=recorder)
        backups = Backups(db, folder / BACKUPS_DIRNAME)
        workspace = Workspace(
            self.window, repository, rehearsal, self.preferences, data_dir=folder, backups=backups
        )
        scheduler = BackupScheduler(backups.back_up, lambda: rehearsal.running, parent=self.window)
        scheduler.failed.connect(self._on_backup_scheduler_failed)
        self._backup_scheduler = scheduler
        QTimer.singleShot(0, workspace.progress.build_chart)
        QTimer.singleShot(0, scheduler.start)  # the start backup, once the workspace shows
        if not self.args.smoke and self.window.isVisible():  # a new library asks, once
            QTimer.singleShot(0, workspace.account.welcome)
        if self.args.smoke:
            shot = Path(self.args.screenshot) if self.args.screenshot else None
            QTimer.singleShot(0, lambda: _finish_smoke(self.app, self.window, shot))

    def _open_data(self, folder: Path) -> Database | None:
        """Open the database, first replacing a damaged file by its newest sound backup;
        None (and the app exits with 1) when it must be refused."""
        from datetime import UTC

        from PySide6.QtWidgets import QMessageBox

        from app.storage.backup import BACKUPS_DIRNAME
        from app.storage.database import (
            DATABASE_FILENAME,
            INTERACTIVE_BUSY_TIMEOUT_MS,
            DatabaseError,
            open_database,
            set_busy_timeout,
        )
        from app.storage.recovery import recover_on_open

        path = folder / DATABASE_FILENAME
        try:
            recovery = recover_on_open(path, folder / BACKUPS_DIRNAME, datetime.now(UTC))
            db = open_database(path)
        except DatabaseError as error:
            print(f"brevity: {error}", file=sys.stderr)
            if not self.args.smoke:
                QMessageBox.critical(self.window, f"{APP_NAME} cannot open its data", str(error))
            self.app.exit(1)
            return None
        if recovery is not None:
            self._report_recovery(recovery, datetime.now(UTC))
        set_busy_timeout(db, INTERACTIVE_BUSY_TIMEOUT_MS)  # never freeze on another's lock
        return db

    def _report_recovery(self, recovery: Recovery, now: datetime) -> None:
        """Say what happened to a damaged file: stderr always, a message beside the window."""
        from app.ui.restore_dialog import show_notice

        print(f"brevity: {recovery.message(now)} (It was: {recovery.problem})", file=sys.stderr)
        if not self.args.smoke:
            title = "your data was restored" if recovery.restored else "a fresh library"
            show_notice(self.window, f"{APP_NAME}: {title}", recovery.message(now), warning=True)

    def _on_backup_scheduler_failed(self, message: str) -> None:
        from app.ui.restore_dialog import show_notice

        if not self.args.smoke and not self._told_backup_failed:
            self._told_backup_failed = True  # once per session: the scheduler keeps trying
            show_notice(self.window, f"{APP_NAME}: no backup", message, warning=True)

    def close(self) -> None:
        from app.storage.database import close_database

        if self._backup_scheduler is not None:
            # app.exec() has returned, so the window's closing handlers have written pending
            # text and takes: the close backup holds everything.
            self._backup_scheduler.finish()
        if self._db is not None:
            close_database(self._db)


def _finish_smoke(app: QApplication, window: MainWindow, screenshot: Path | None) -> None:
    if screenshot is not None:
        app.processEvents()  # let freshly added widgets (the chart) get their layout
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(screenshot)):
            _say(f"brevity: could not save the screenshot to {screenshot}")
            app.exit(1)
            return
    window.close()
    app.exit(0)


def _say(message: str) -> None:
    """One line for a terminal; a windowed build has no stderr (``sys.stderr`` is None)."""
    if sys.stderr is not None:
        print(message, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
