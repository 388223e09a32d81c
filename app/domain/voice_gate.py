"""Smoothing 30 ms voice decisions into speech regions: a hysteresis over the last 300 ms.

A frame counts as *active* when webrtcvad called it speech and its level is above the energy
threshold. The threshold is applied when the decision is made, to every frame in the window,
not when the frame arrived: live, the noise floor is still being learnt, and a take that
starts mid-word only learns how quiet the room is at the first gap between syllables — the
frames before it then count as speech at once, so the first word is not missed.
"""

from __future__ import annotations

import math
from collections import deque

WINDOW_FRAMES = 10  # 300 ms of 30 ms frames
ONSET_ACTIVE_FRAMES = 6  # 180 ms of speech in the window: a word, not a breath
OFFSET_QUIET_FRAMES = 8  # 240 ms without: the speech has stopped
FAINT_DB = 15.0  # a region this far below the speech's level is a breath, not a word


class SpeechGate:
    """Speech begins when ``ONSET_ACTIVE_FRAMES`` of the window are active and ends when
    ``OFFSET_QUIET_FRAMES`` are not; regions are in frames, ``[first active, last active]``."""

    def __init__(self) -> None:
        self._window: deque[tuple[bool, float]] = deque(maxlen=WINDOW_FRAMES)
        self._index = -1
        self._open: int | None = None  # first frame of the region being spoken
        self._last_active = -1
        self.regions: list[tuple[int, int]] = []  # closed regions, frames [start, end)

    @property
    def in_speech(self) -> bool:
        return self._open is not None

    def push(
        self, voiced: bool, level_db: float, threshold_db: float, onset_min_db: float = -math.inf
    ) -> bool:
        """Take the next frame; True when it opened or closed a region. A region only opens
        when its loudest active frame reaches ``onset_min_db``: once the speech's level is
        known, a breath or a chair far below it is not speech."""
        self._index += 1
        self._window.append((voiced, level_db))
        active = [is_voiced and level > threshold_db for is_voiced, level in self._window]
        first_in_window = self._index - len(active) + 1
        if True in active:
            last = first_in_window + len(active) - 1 - active[::-1].index(True)
            self._last_active = max(self._last_active, last)
        if self._open is None:
            if sum(active) < ONSET_ACTIVE_FRAMES:
                return False
            loudest = max(level for (_, level), on in zip(self._window, active, strict=True) if on)
            if loudest < onset_min_db:
                return False
            self._open = first_in_window + active.index(True)
            return True
        if len(active) - sum(active) < OFFSET_QUIET_FRAMES:
            return False
        self.regions.append((self._open, self._last_active + 1))
        self._open = None
        self._window.clear()
        return True

    def all_regions(self) -> list[tuple[int, int]]:
        """The closed regions and the one still being spoken."""
        if self._open is None:
            return list(self.regions)
        return [*self.regions, (self._open, self._last_active + 1)]


def speech_level_db(frames_db: list[float], regions: list[tuple[int, int]]) -> float:
    """The level of the speech: the 90th percentile of the frames in its loudest region."""
    levels = [sorted(frames_db[start:end])[(end - start) * 9 // 10] for start, end in regions]
    return max(levels, default=-math.inf)
