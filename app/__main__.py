"""``python -m app`` / ``brevity``: parse the command line, build the object graph, run Qt."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_ID, APP_NAME, __version__
from app.paths import data_dir, settings_file

if TYPE_CHECKING:  # only for annotations: the real imports wait (see _Startup)
    from PySide6.QtWidgets import QApplication
    from sqlite_utils import Database

    from app.ui.main_window import MainWindow
    from app.ui.settings import Preferences


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="brevity",
        description="Rehearse the 30-second voicemail and the elevator pitch.",
        epilog="Without a window: brevity check FILE (see brevity check --help).",
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
            print(
                "brevity: no graphical display found (DISPLAY and WAYLAND_DISPLAY are unset). "
                "Run it from a desktop session.",
                file=sys.stderr,
            )
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a smoke check needs no screen
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
    from app.ui.main_window import MainWindow
    from app.ui.settings import Preferences
    from app.ui.theme import apply_theme

    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(icon_path("brevity"))))
    preferences = Preferences(settings_file(args.data_dir))
    apply_theme(app, preferences.theme)
    window = MainWindow(preferences)
    if os.environ.get("BREVITY_TIMING"):  # for benchmarks/bench_startup.py
        window.first_painted.connect(
            lambda: print(f"first_paint_epoch: {time.time():.6f}", file=sys.stderr)
        )
    startup = _Startup(app, window, preferences, args)
    window.first_painted.connect(startup.load)
    window.show()
    try:
        return app.exec()  # 1 when the data could not be opened (load() exits with it)
    finally:
        startup.close()


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

    def load(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        from app.domain.starters import parse_starters
        from app.resources import resource_path
        from app.storage.database import DATABASE_FILENAME, DatabaseError, open_database
        from app.storage.repository import Repository
        from app.ui.rehearsal import Rehearsal
        from app.ui.workspace import Workspace

        folder = data_dir(self.args.data_dir)
        try:
            db = self._db = open_database(folder / DATABASE_FILENAME)
        except DatabaseError as error:
            print(f"brevity: {error}", file=sys.stderr)
            if not self.args.smoke:
                QMessageBox.critical(self.window, f"{APP_NAME} cannot open its data", str(error))
            self.app.exit(1)
            return
        repository = Repository(db)
        starters = resource_path("data", "starter_scripts.json").read_text(encoding="utf-8")
        repository.seed_if_first_run(parse_starters(starters))
        rehearsal = Rehearsal(repository, time.monotonic, self.preferences)
        workspace = Workspace(
            self.window, repository, rehearsal, self.preferences, data_dir=folder
        )
        QTimer.singleShot(0, workspace.progress.build_chart)
        if self.args.smoke:
            shot = Path(self.args.screenshot) if self.args.screenshot else None
            QTimer.singleShot(0, lambda: _finish_smoke(self.app, self.window, shot))

    def close(self) -> None:
        from app.storage.database import close_database

        if self._db is not None:
            close_database(self._db)


def _finish_smoke(app: QApplication, window: MainWindow, screenshot: Path | None) -> None:
    if screenshot is not None:
        app.processEvents()  # let freshly added widgets (the chart) get their layout
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(screenshot)):
            print(f"brevity: could not save the screenshot to {screenshot}", file=sys.stderr)
            app.exit(1)
            return
    window.close()
    app.exit(0)


if __name__ == "__main__":
    sys.exit(main())
