"""The microphone's part in a take: recording it, and the hands-free start and stop.

The microphone is switched on with the take when the preferences want it (to record the take,
or only to listen for hands-free). Hands-free, the take's clock waits for the first word and
the take ends after the silence that follows the last one. ``offset_s`` says where the take's
clock started in the recording (after the pre-roll and the lead-in), so that the speech it
heard can be timed on the take's clock.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from app.domain.countdown import Clock
from app.domain.take import Take
from app.ui.recorder import Recorder, Recording, recording_name
from app.ui.settings import Preferences


class TakeVoice(QObject):
    """Switches the recorder on and off with each take and listens on the take's behalf."""

    recording_note = Signal(str)  # one line about the microphone ("" when all is well)
    listening_changed = Signal(bool)  # the microphone is on for this take (show the meter)
    recording_changed = Signal(bool)  # this take is being recorded to a file ("● REC")
    clock_started = Signal()  # a waiting take's clock started: first word, or no microphone
    fell_silent = Signal()  # hands-free: silence after speech on the clock; stop the take

    def __init__(
        self,
        recorder: Recorder | None,
        clock: Clock,
        preferences: Preferences,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._recorder = recorder
        self._clock = clock
        self._preferences = preferences
        self._take: Take | None = None  # the take listened for, between `follow` and `stop`
        self._recording = False  # the recorder was started for the current take
        self._recording_started_at = 0.0  # on the clock: the recording's time zero
        self._press_s = 0.0  # where the key press falls in the recording (the pre-roll)
        self._offset_s = 0.0  # where the take's clock started, in the recording
        self._end_silence_s: float | None = None  # hands-free stop, when it is on
        if recorder is not None:
            recorder.heard.connect(self._on_recorder_heard)
            recorder.failed.connect(self._on_recorder_failed)

    @property
    def recorder(self) -> Recorder | None:
        return self._recorder

    @property
    def offset_s(self) -> float:
        """Where the take's clock started, in seconds into its recording."""
        return self._offset_s

    def start(self, now_utc: datetime) -> bool:
        """Switch the microphone on for a take (recording it unless switched off, or only
        listening for hands-free); True when it is on."""
        recorder, prefs = self._recorder_for_take(), self._preferences
        self._take = None
        self._recording = False
        self._end_silence_s = None
        self.recording_note.emit("")
        if recorder is None:
            self.listening_changed.emit(False)
            return False
        pressed_at = self._clock()
        name = recording_name(now_utc) if prefs.record_takes else None
        self._recording = recorder.start(name)  # a refusal says why through `failed`
        self._press_s = recorder.press_s if self._recording else 0.0
        self._recording_started_at = pressed_at - self._press_s
        if self._recording and prefs.end_after_silence:
            self._end_silence_s = prefs.end_silence_s
        self.listening_changed.emit(self._recording)
        self.recording_changed.emit(self._recording and recorder.writing)
        return self._recording

    def follow(self, take: Take) -> None:
        """Listen on behalf of ``take``, started right after ``start``."""
        self._take = take
        self._offset_s = self._press_s + take.countdown.lead_in_s

    def stop(self, *, keep: bool) -> Recording | None:
        """Switch the microphone off; the recording when ``keep``, else it is thrown away."""
        self._take = None
        recorder = self._recorder
        if recorder is None or not self._recording:
            return None
        self._recording = False
        self._end_silence_s = None
        self.listening_changed.emit(False)
        self.recording_changed.emit(False)
        if not keep:
            recorder.discard()
            return None
        return recorder.stop()

    def _recorder_for_take(self) -> Recorder | None:
        return self._recorder if wants_microphone(self._preferences) else None

    def _on_recorder_heard(self) -> None:
        """Hands-free: start the clock at the first word; stop after the silence at the end."""
        take, recorder = self._take, self._recorder
        if take is None or recorder is None or recorder.voice is None or not self._recording:
            return
        voice = recorder.voice
        if take.waiting:
            onset = voice.speech_started_at
            if onset is not None:
                self._begin_clock(onset)
            return
        if self._end_silence_s is None or take.in_lead_in() or voice.speech_started_at is None:
            return
        silence_s = voice.silence_since_speech_s()
        spoke_on_the_clock = voice.elapsed_s - silence_s > self._offset_s
        if spoke_on_the_clock and silence_s >= self._end_silence_s:
            self.fell_silent.emit()

    def _begin_clock(self, at_s: float) -> None:
        """Start a waiting take's clock ``at_s`` seconds into its recording (never before
        the key press: a word in the pre-roll was begun before the take)."""
        at_s = max(at_s, self._press_s)
        if self._take is not None and self._take.waiting:
            self._take.begin_at(self._recording_started_at + at_s)
            self._offset_s = at_s
            self.clock_started.emit()

    def _on_recorder_failed(self, reason: str) -> None:
        self.recording_note.emit(reason)
        if not self._recording:
            return
        self.listening_changed.emit(False)
        self.recording_changed.emit(False)
        self._end_silence_s = None
        take, recorder = self._take, self._recorder
        if take is not None and take.waiting and recorder is not None:
            # Nobody will hear the first word now: the clock starts at once.
            heard_s = recorder.voice.elapsed_s if recorder.voice is not None else 0.0
            self._begin_clock(max(heard_s, self._clock() - self._recording_started_at))


def wants_microphone(preferences: Preferences) -> bool:
    """Whether takes use the microphone: to record them, or to listen for hands-free."""
    p = preferences
    return p.record_takes or p.end_after_silence or p.start_at_first_word
