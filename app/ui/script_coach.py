"""Runs the script coach while the user writes: on a pause in typing, never per keystroke.

The controller owns what the analysis needs besides the text — the word lists, the user's
profile, their learned speaking rate, the number slowdown — and reports each result through
``reported``. Reading the rate and the profile touches the database, so it happens when the
script changes or a take is saved, not while typing.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain import coach
from app.domain.coach import Profile, Report, Rules, SpeakingRate
from app.domain.script import Script
from app.storage.repository import Repository

ANALYSIS_DELAY_MS = 300  # a pause in typing; shorter than the autosave's, so it feels live
MAX_LIVE_WORDS = 20_000  # beyond this the checklist waits: see ``analyse_now``


class _WarmUp(QObject):
    """Loads the pronouncing dictionary on a worker thread; ``finished`` arrives queued."""

    finished = Signal()

    def run(self) -> None:
        try:
            coach.warm_up()
        finally:  # even if it failed: the first analysis then loads (or fails) in plain view
            with contextlib.suppress(RuntimeError):  # the window closed while it loaded
                self.finished.emit()  # emitted off the GUI thread: Qt queues it to the receiver


class ScriptCoach(QObject):
    """Analyses the current script's text after a pause in typing and reports the result."""

    reported = Signal(object, str, bool)  # Report, the exact text it read, profile missing?
    too_long = Signal(int)  # words: too long to check while typing
    cleared = Signal()  # no script

    def __init__(
        self,
        repository: Repository,
        text_source: Callable[[], str],
        rules: Rules,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._text_source = text_source
        self._rules = rules
        self._script: Script | None = None
        self._profile = repository.profile()  # read again only when the user changes it
        self._rate: SpeakingRate | None = None
        self._number_slowdown = coach.DEFAULT_NUMBER_SLOWDOWN
        self.last_report: Report | None = None
        self.last_text = ""  # the text ``last_report`` read
        self.last_duration_ms = 0.0
        self.ready = False  # the pronouncing dictionary is loaded: analyses are quick
        self._pending = False
        self._warm_thread: threading.Thread | None = None
        self._warm_up = _WarmUp()  # no parent: it may outlive this controller in its thread
        self._warm_up.finished.connect(self._on_warm_up_finished)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ANALYSIS_DELAY_MS)
        self.timer.timeout.connect(self.analyse_now)

    # --- what others call -------------------------------------------------------------------
    def start_warm_up(self) -> None:
        """Load the dictionary in the background; analyses wait for it instead of stalling."""
        self._warm_thread = threading.Thread(
            target=self._warm_up.run, name="coach-warm-up", daemon=True
        )
        self._warm_thread.start()

    def finish_warm_up(self, timeout_s: float = 5.0) -> None:
        """Wait for the loader thread (a fraction of a second at most) before the app goes:
        a thread still running Python or signalling Qt while the interpreter and the
        QApplication shut down can crash the process on its way out."""
        if self._warm_thread is not None:
            self._warm_thread.join(timeout_s)

    def set_script(self, script: Script | None) -> None:
        """A script was shown (another one, or new details): re-read what it needs, analyse."""
        switching = script is None or self._script is None or script.id != self._script.id
        kind_changed = script is not None and (
            self._script is None or script.kind != self._script.kind
        )
        self._script = script
        if switching or kind_changed:
            self._learn_rate()
        self.analyse_now()

    def schedule(self) -> None:
        """The text changed: analyse once typing pauses (a timer restart, nothing more)."""
        if self._script is not None:
            self.timer.start()

    def relearn_rate(self) -> None:
        """A take was saved: learn the pace again and show the new estimate."""
        self._learn_rate()
        self.analyse_now()

    def reload_profile(self) -> None:
        """The user edited (or imported) their details: analyse with them, and learn the
        pace again when the region changed (it decides how numbers are read)."""
        region = self._profile.region
        self._profile = self._repository.profile()
        if self._profile.region != region:
            self._learn_rate()
        self.analyse_now()

    def set_number_slowdown(self, slowdown: float) -> None:
        """How much slower the number zone is read: the pace is learned again with it, and
        the next analysis uses it."""
        if slowdown != self._number_slowdown:
            self._number_slowdown = slowdown
            self._learn_rate()

    def profile_missing(self) -> bool:
        return not self._profile.name.strip()

    def analyse_now(self) -> None:
        """Analyse the current text at once (script switch, new target or kind, pause)."""
        self.timer.stop()
        script = self._script
        if script is None:
            self.last_report = None
            self.cleared.emit()
            return
        if not self.ready:
            self._pending = True  # done as soon as the dictionary is in
            return
        text = self._text_source()
        words = len(text.split())  # a quick upper bound, cheap even for megabytes
        if words > MAX_LIVE_WORDS:
            self.last_report = None
            self.too_long.emit(words)
            return
        started = time.perf_counter()
        report = self._analyse(text, script)
        self.last_duration_ms = (time.perf_counter() - started) * 1000.0
        self.last_report, self.last_text = report, text
        self.reported.emit(report, text, self.profile_missing())

    def score_of(self, text: str) -> tuple[int, int] | None:
        """(score, max) of ``text`` as the current script: the checklist's score when it
        read this very text, otherwise a fresh analysis. None without a script, and for a
        text too long to check while typing."""
        script = self._script
        if script is None or len(text.split()) > MAX_LIVE_WORDS:
            return None
        report = self.last_report
        if report is None or self.last_text != text:
            coach.warm_up()  # a no-op once the worker has loaded the dictionary
            report = self._analyse(text, script)
        return report.score, report.max_score

    @property
    def rules(self) -> Rules:
        return self._rules

    @property
    def profile(self) -> Profile:
        return self._profile

    @property
    def rate(self) -> SpeakingRate | None:
        """The pace learned from this kind of script's takes (None: the coach's default)."""
        return self._rate

    # --- internals --------------------------------------------------------------------------
    def _analyse(self, text: str, script: Script) -> Report:
        return coach.analyse(
            text,
            kind=script.kind,
            target_s=script.target_s,
            profile=self._profile,
            rules=self._rules,
            rate=self._rate,
            number_slowdown=self._number_slowdown,
        )

    def _learn_rate(self) -> None:
        """The pace from completed takes of this kind of script: once per script or take."""
        if self._script is not None:
            samples = self._repository.speech_samples(self._script.kind)
            self._rate = coach.learn_rate(
                samples, region=self._profile.region, number_slowdown=self._number_slowdown
            )

    def _on_warm_up_finished(self) -> None:
        self.ready = True
        if self._pending:
            self._pending = False
            self.analyse_now()
