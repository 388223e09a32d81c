"""The pre-roll: the last half second of sound heard before a take, kept while the microphone
waits open, so that the take's recording has the moment of the key press in it.

A device delivers sound in pieces, each some milliseconds after it was captured, so at the
key press the sound of that very moment has not arrived yet, and a word begun with the key
would lose its first syllable if the recording began with the next piece. The take's recording
therefore begins with the pre-roll; :meth:`PreRoll.cut` says where the key press falls in it
(the pre-roll's length, plus the time since its last piece arrived, which the next piece
covers), so every figure is still measured from the key press: nothing lost, nothing shifted.
"""

from __future__ import annotations

PRE_ROLL_S = 0.5  # enough for a word begun with the key, and for the room's noise floor
MAX_GAP_S = 0.25  # a key press this long after the last piece: the stream stalled, not late


class PreRoll:
    """A ring of the newest ``seconds`` of PCM (whole samples) and when it last grew."""

    def __init__(self, bytes_per_s: int, seconds: float = PRE_ROLL_S, sample_width: int = 2):
        self._bytes_per_s = bytes_per_s
        self._limit = round(seconds * bytes_per_s) // sample_width * sample_width
        self._pcm = bytearray()
        self._arrived_at: float | None = None

    @property
    def seconds(self) -> float:
        """How much sound it holds now."""
        return len(self._pcm) / self._bytes_per_s

    def clear(self) -> None:
        self._pcm.clear()
        self._arrived_at = None

    def add(self, pcm: bytes, arrived_at: float) -> None:
        """Keep ``pcm`` (whole samples), which arrived at ``arrived_at`` on the clock."""
        self._pcm += pcm
        del self._pcm[: max(0, len(self._pcm) - self._limit)]
        self._arrived_at = arrived_at

    def cut(self, pressed_at: float) -> tuple[bytes, float]:
        """The sound to begin a take pressed at ``pressed_at`` with, and where the key press
        falls in it (seconds from its start); empty and 0.0 when nothing was heard yet."""
        pcm, arrived_at = bytes(self._pcm), self._arrived_at
        self.clear()
        if not pcm or arrived_at is None:
            return b"", 0.0
        since_s = min(MAX_GAP_S, max(0.0, pressed_at - arrived_at))
        return pcm, len(pcm) / self._bytes_per_s + since_s
