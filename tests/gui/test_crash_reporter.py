"""An unexpected exception in a slot: logged, shown with Copy details, and the app goes on.

pytest-qt normally swaps ``sys.excepthook`` for its own during each test and fails the test
on any exception raised inside Qt. These tests are about Brevity's own hook, so they carry
``qt_no_exception_capture``: pytest-qt leaves the hook alone and the one installed here is
the one PySide6 calls.
"""

from __future__ import annotations

import faulthandler
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.ui.crash_log import ExceptionLog, RotatingLog, open_log
from app.ui.crash_reporter import REPEAT_QUIET_S, CrashReporter
from tests.helpers.clock import FakeClock

pytestmark = [
    pytest.mark.qt_no_exception_capture,
    pytest.mark.qt_log_ignore("This plugin does not support raise"),  # offscreen: no stacking
]


class _Emitter(QObject):
    fired = Signal()


def _broken_slot() -> None:
    raise ValueError("the chart had no data")


def _other_broken_slot() -> None:
    raise KeyError("no script 42")


@dataclass
class Reporting:
    log_file: Path
    exceptions: ExceptionLog
    reporter: CrashReporter
    window: QMainWindow
    clock: FakeClock

    def log_text(self) -> str:
        return self.log_file.read_text(encoding="utf-8")


@pytest.fixture
def reporting(tmp_path: Path, qtbot: QtBot, clock: FakeClock) -> Iterator[Reporting]:
    faulthandler_was_on = faulthandler.is_enabled()
    crash_log = open_log(tmp_path)
    assert crash_log is not None
    exceptions = ExceptionLog(crash_log.path)
    exceptions.install()
    window = QMainWindow()
    qtbot.addWidget(window)
    reporter = CrashReporter(exceptions, window, clock=clock)
    try:
        yield Reporting(crash_log.path, exceptions, reporter, window, clock)
    finally:
        reporter.detach()
        exceptions.uninstall()
        crash_log.close()
        if faulthandler_was_on:  # give pytest's own fatal-error dumps their stderr back
            faulthandler.enable(file=sys.__stderr__)


def test_an_exception_in_a_slot_is_logged_shown_and_the_app_keeps_running(
    reporting: Reporting, qtbot: QtBot
) -> None:
    emitter = _Emitter()
    emitter.fired.connect(_broken_slot)
    emitter.fired.emit()  # returns normally: PySide6 passes the exception to sys.excepthook
    log_text = reporting.log_text()
    assert "Unexpected error" in log_text
    assert "Traceback (most recent call last)" in log_text
    assert "_broken_slot" in log_text and "ValueError: the chart had no data" in log_text
    dialog = reporting.reporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.isModal()
    assert "Something went wrong" in dialog.message_label.text()
    assert str(reporting.log_file) in dialog.message_label.text()
    assert "ValueError: the chart had no data" in dialog.details()
    assert dialog.details_edit.isHidden()  # folded away until asked for
    qtbot.mouseClick(dialog.show_details_button, Qt.MouseButton.LeftButton)
    assert dialog.details_edit.isVisible()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.details()
    assert "Brevity " in QGuiApplication.clipboard().text()  # the version travels with it
    # The event loop still runs: a timer fires and its slot is served.
    timer = QTimer()
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout, timeout=2000):
        timer.start(0)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_an_exception_raised_by_the_event_loop_is_reported_too(
    reporting: Reporting, qtbot: QtBot
) -> None:
    QTimer.singleShot(0, _broken_slot)
    qtbot.waitUntil(lambda: reporting.reporter.dialog is not None)
    assert "ValueError" in reporting.log_text()


def test_errors_while_the_dialog_is_open_join_it_instead_of_stacking(
    reporting: Reporting,
) -> None:
    emitter = _Emitter()
    emitter.fired.connect(_broken_slot)
    emitter.fired.emit()
    first = reporting.reporter.dialog
    emitter.fired.disconnect(_broken_slot)
    emitter.fired.connect(_other_broken_slot)
    emitter.fired.emit()
    assert reporting.reporter.dialog is first
    assert first is not None
    assert "KeyError: 'no script 42'" in first.details()
    assert reporting.log_text().count("Unexpected error") == 2


def test_the_same_error_again_soon_after_is_only_logged(reporting: Reporting) -> None:
    emitter = _Emitter()
    emitter.fired.connect(_broken_slot)
    emitter.fired.emit()
    first = reporting.reporter.dialog
    assert first is not None
    first.close()
    reporting.clock.advance(REPEAT_QUIET_S / 2)
    emitter.fired.emit()
    assert reporting.reporter.dialog is first and not first.isVisible()
    reporting.clock.advance(REPEAT_QUIET_S)
    emitter.fired.emit()
    assert reporting.reporter.dialog is not first
    assert reporting.reporter.dialog is not None and reporting.reporter.dialog.isVisible()
    assert reporting.log_text().count("Unexpected error") == 3


def test_an_exception_in_a_worker_thread_is_shown_on_the_gui_thread(
    reporting: Reporting, qtbot: QtBot
) -> None:
    worker = threading.Thread(target=_broken_slot, name="chart-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporting.reporter.dialog is not None)
    dialog = reporting.reporter.dialog
    assert dialog is not None and "in thread chart-worker" in dialog.details()
    assert "in thread chart-worker" in reporting.log_text()


def test_without_stderr_or_dialog_an_error_is_still_logged(
    reporting: Reporting, monkeypatch: pytest.MonkeyPatch
) -> None:
    reporting.reporter.detach()
    monkeypatch.setattr(sys, "stderr", None)  # as in a windowed build
    emitter = _Emitter()
    emitter.fired.connect(_broken_slot)
    emitter.fired.emit()
    assert "ValueError: the chart had no data" in reporting.log_text()
    assert reporting.reporter.dialog is None


def test_the_log_rotates_at_its_size_limit_and_keeps_three_old_files(tmp_path: Path) -> None:
    import logging

    handler = RotatingLog(tmp_path / "brevity.log", max_bytes=300)
    logger = logging.getLogger("tests.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for number in range(60):
            logger.warning("record %03d with some words to fill the file", number)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["brevity.log", "brevity.log.1", "brevity.log.2", "brevity.log.3"]
    assert "record 059" in (tmp_path / "brevity.log").read_text()
    assert all(path.stat().st_size < 400 for path in tmp_path.iterdir())
