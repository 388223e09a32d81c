"""The microphone waits open while the Rehearse page shows, so that a take never waits for it.

A freshly opened microphone delivers its first sound late (1.0-2.1 s measured through
PulseAudio): opened with the key press, the start of the first take was silence and a word
was lost. So the microphone is opened (``Recorder.arm``) while the Rehearse page is visible in
a window that is neither hidden nor minimised and the preferences use the microphone, and a
take begins with the half second heard before its key press (the pre-roll).

It is released when the page or the window goes, when the preferences stop using it, and after
``IDLE_RELEASE_S`` without a take: the system's "microphone in use" light should not stay on
for an app left open and forgotten. A take, the page shown again, the window activated or the
pointer coming over the page opens it again. Idle time is measured on the injected monotonic
clock; a QTimer only asks. Opening waits for the event loop, so nothing of QtMultimedia is
loaded while views are built.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.domain.countdown import Clock
from app.ui.recorder import Recorder
from app.ui.rehearsal import Rehearsal
from app.ui.settings import Preferences
from app.ui.take_voice import wants_microphone

IDLE_RELEASE_S = 180.0  # no take for three minutes: let the microphone go
IDLE_CHECK_MS = 10_000  # how often the idle time is looked at
# The page or the window coming back, or the pointer coming over the page: someone is here.
_COMING_BACK = (
    QEvent.Type.Show,
    QEvent.Type.WindowActivate,
    QEvent.Type.WindowStateChange,
    QEvent.Type.Enter,
)
_WATCHED = (*_COMING_BACK, QEvent.Type.Hide)


class MicrophoneStandby(QObject):
    """Arms and disarms the recorder with the Rehearse page, the window and idleness."""

    def __init__(
        self,
        rehearsal: Rehearsal,
        recorder: Recorder,
        page: QWidget,
        preferences: Preferences,
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rehearsal, self._recorder, self._page = rehearsal, recorder, page
        self._preferences, self._clock = preferences, clock
        self._active_at = clock()  # the last take, or the page or window coming back
        self._idle = False
        self._arm_soon = QTimer(self)
        self._arm_soon.setSingleShot(True)
        self._arm_soon.setInterval(0)
        self._arm_soon.timeout.connect(self._on_arm_soon_timeout)
        self._idle_check = QTimer(self)
        self._idle_check.setInterval(IDLE_CHECK_MS)
        self._idle_check.timeout.connect(self._on_idle_check_timeout)
        page.installEventFilter(self)
        page.window().installEventFilter(self)
        for started_or_ended in (rehearsal.take_started, rehearsal.take_saved):
            started_or_ended.connect(self._on_rehearsal_activity)
        rehearsal.take_cancelled.connect(self._on_rehearsal_activity)
        self.update()

    @property
    def wanted(self) -> bool:
        """Whether the microphone should be open now."""
        window = self._page.window()
        return (
            wants_microphone(self._preferences)
            and self._page.isVisible()
            and not window.isMinimized()
            and not self._idle
        )

    def update(self) -> None:
        """Open or release the microphone for what is showing now (and the preferences)."""
        if self.wanted:
            if not self._recorder.armed:
                self._arm_soon.start()
            return
        self._arm_soon.stop()
        self._idle_check.stop()
        self._recorder.disarm()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _WATCHED:
            if kind in _COMING_BACK:
                self._touch()
            self.update()
        return False

    def _touch(self) -> None:
        self._active_at = self._clock()
        self._idle = False

    def _on_rehearsal_activity(self) -> None:
        self._touch()
        self.update()

    def _on_arm_soon_timeout(self) -> None:
        if self.wanted and self._recorder.arm():
            self._idle_check.start()

    def _on_idle_check_timeout(self) -> None:
        if self._rehearsal.running:
            self._touch()
        elif self._clock() - self._active_at >= IDLE_RELEASE_S:
            self._idle = True
            self.update()


def standby_for(
    rehearsal: Rehearsal, page: QWidget, preferences: Preferences, parent: QObject
) -> MicrophoneStandby | None:
    """The standby for ``rehearsal``'s microphone on ``page``; None without a recorder."""
    recorder = rehearsal.recorder
    if recorder is None:
        return None
    return MicrophoneStandby(rehearsal, recorder, page, preferences, rehearsal.clock, parent)
