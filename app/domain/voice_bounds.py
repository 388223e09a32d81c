"""Refining where speech starts and ends with frame energy, and finding its pauses.

The voice-activity detector (``webrtcvad`` plus smoothing, in :mod:`app.domain.voice`) finds
speech *regions* reliably but places their ends late: its decision for a frame leans on the
frames before it, so it keeps saying "speech" for 0.1-0.2 s after the voice stops. Energy is
the sharper edge. Here the recording is seen as 10 ms *cells* with their RMS level in dBFS;
a cell is *loud* when it is above a threshold a few dB over the noise floor, and the region's
edges are moved to the nearest loud cells.

Noise floor: the median level of the cells well away from any speech region — in practice the
quiet lead-in before the first word (the user presses the key, breathes, then speaks), plus any
quiet after the last word. A recording with no quiet (speech from the first sample to the last)
falls back to the 5th percentile of all cells, which lands in the gaps between words.

Only real signal counts: digital silence before the first real sound (cells at or below
``DIGITAL_SILENCE_DB``, one least-significant bit) is the *absence* of sound — the padding
written for a microphone that started late, a device's first empty buffers, a pre-roll not
yet filled — not a room's noise. Counted, two seconds of it pulled the median to -96 dBFS,
the threshold to its -60 dBFS minimum and an ordinary room tone (-46 dBFS) above it: the
room became speech and the pauses vanished. Zeros *after* real sound are kept: a source that
gates its own noise (a clean synthetic voice, a noise-suppressing microphone) sends zeros
between words, and then digital silence really is its floor.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

CELL_S = 0.01  # the energy resolution: 10 ms cells
MARGIN_DB = 6.0  # live, on raw cells: a cell this far above the noise floor is loud
MIN_MARGIN_DB = 2.0  # on smoothed cells, at least this far above the floor ...
SPREAD_FACTOR = 4.0  # ... and this many times the noise's spread
FALLBACK_SPREAD_DB = 1.5  # a pink-noise-like spread, when no quiet was heard to measure it
MIN_THRESHOLD_DB = -60.0  # below this nothing is speech, however quiet the room (digital zero)
DIGITAL_SILENCE_DB = -90.0  # at or below (RMS of one LSB): zeros, not a room's noise
GUARD_CELLS = 20  # cells this close to a speech region never count towards the noise floor
MIN_NOISE_CELLS = 15  # 150 ms of quiet is enough to estimate the floor from
ONSET_LOOKBACK_CELLS = 30  # how far before the detector's first speech frame a word may start
OFFSET_LOOKAHEAD_CELLS = 10  # how far after its last speech frame a word may still ring on
SMOOTHING_CELLS = 1  # smoothed_db averages each cell with this many neighbours either side
BLIP_MAX_CELLS = 2  # a click up to 20 ms long does not break a pause in two


@dataclass(frozen=True, slots=True)
class Bounds:
    """Speech edges and pauses in cells: ``start`` inclusive, ``end`` exclusive."""

    start: int
    end: int
    pauses: tuple[tuple[int, int], ...]


def threshold_db(floor_db: float, spread_db: float | None = None) -> float:
    """The level above which a cell is loud: over the noise floor by ``MARGIN_DB``, or by
    ``SPREAD_FACTOR`` times the noise's own spread (median absolute deviation, dB) when that
    is known — a steady hiss needs little margin, a rumbling noise more."""
    margin = MARGIN_DB if spread_db is None else max(MIN_MARGIN_DB, SPREAD_FACTOR * spread_db)
    return max(floor_db + margin, MIN_THRESHOLD_DB)


def smoothed_db(cells_db: Sequence[float]) -> list[float]:
    """Each cell's level averaged (as power) with its two neighbours: 30 ms windows centred
    on the cells, which halve the noise's spread at the cost of 10 ms of edge sharpness."""
    powers = [10.0 ** (level / 10.0) for level in cells_db]
    out = []
    for cell in range(len(powers)):
        near = powers[max(0, cell - SMOOTHING_CELLS) : cell + SMOOTHING_CELLS + 1]
        out.append(10.0 * math.log10(sum(near) / len(near)))
    return out


def is_digital_silence(level_db: float) -> bool:
    """Whether a cell's (or frame's) level is digital silence: zeros or a stray LSB."""
    return level_db <= DIGITAL_SILENCE_DB


def first_sound(cells_db: Sequence[float]) -> int:
    """The first cell that is not digital silence (``len(cells_db)`` when there is none)."""
    return next(
        (i for i, level in enumerate(cells_db) if not is_digital_silence(level)), len(cells_db)
    )


def noise_floor_db(
    cells_db: Sequence[float], regions: Sequence[tuple[int, int]]
) -> tuple[float, float]:
    """The noise floor of a recording and its spread (median and median absolute deviation,
    dB) from its cells away from the speech ``regions``, from its first real sound on."""
    near_speech = bytearray(len(cells_db))
    heard_from = first_sound(cells_db)
    near_speech[:heard_from] = b"\x01" * heard_from  # nothing heard yet: no room to measure
    for start, end in regions:
        lo, hi = max(0, start - GUARD_CELLS), min(len(cells_db), end + GUARD_CELLS)
        near_speech[lo:hi] = b"\x01" * (hi - lo)
    quiet = [level for level, near in zip(cells_db, near_speech, strict=True) if not near]
    if len(quiet) >= MIN_NOISE_CELLS:
        floor = statistics.median(quiet)
        return floor, statistics.median(abs(level - floor) for level in quiet)
    heard = cells_db[heard_from:]
    if not heard:
        return MIN_THRESHOLD_DB, 0.0
    ordered = sorted(heard)
    return ordered[len(ordered) // 20], FALLBACK_SPREAD_DB


def refine_start(cells_db: Sequence[float], start: int, end: int, low: int, thr: float) -> int:
    """The first cell of a word the detector placed at ``start``: back over loud cells to
    ``low`` at most (ONSET_LOOKBACK_CELLS), or forward to the first loud cell before ``end``."""
    if cells_db[start] > thr:
        floor = max(low, start - ONSET_LOOKBACK_CELLS)
        while start > floor and cells_db[start - 1] > thr:
            start -= 1
        return start
    for cell in range(start, end):
        if cells_db[cell] > thr:
            return cell
    return start


def refine_end(cells_db: Sequence[float], start: int, end: int, thr: float) -> int:
    """The cell after the last loud one of a region the detector ended at ``end``."""
    limit = min(len(cells_db), end + OFFSET_LOOKAHEAD_CELLS)
    while end < limit and cells_db[end] > thr:
        end += 1
    while end > start + 1 and cells_db[end - 1] <= thr:
        end -= 1
    return end


def speech_bounds(
    cells_db: Sequence[float], regions: Sequence[tuple[int, int]], thr: float, pause_min_cells: int
) -> Bounds:
    """Refined edges and the pauses (silences of ``pause_min_cells`` or more) of the speech
    in ``regions`` (cells, non-empty, ordered), with cells above ``thr`` dBFS loud."""
    refined: list[tuple[int, int]] = []
    low = 0
    for start, end in regions:
        first = refine_start(cells_db, start, end, low, thr)
        last = max(first + 1, refine_end(cells_db, first, end, thr))
        refined.append((first, last))
        low = last
    begin, finish = refined[0][0], refined[-1][1]
    silent = bytearray(finish - begin)
    for cell in range(begin, finish):
        silent[cell - begin] = cells_db[cell] <= thr
    for (_, gap_start), (gap_end, _) in itertools.pairwise(refined):
        silent[gap_start - begin : gap_end - begin] = b"\x01" * (gap_end - gap_start)
    return Bounds(begin, finish, _pauses(silent, begin, pause_min_cells))


def _pauses(silent: bytearray, offset: int, min_cells: int) -> tuple[tuple[int, int], ...]:
    """Runs of silent cells at least ``min_cells`` long, with short loud blips bridged over."""
    runs: list[list[int]] = []
    cell = 0
    while cell < len(silent):
        if not silent[cell]:
            cell += 1
            continue
        run_end = cell
        while run_end < len(silent) and silent[run_end]:
            run_end += 1
        if runs and cell - runs[-1][1] <= BLIP_MAX_CELLS:
            runs[-1][1] = run_end
        else:
            runs.append([cell, run_end])
        cell = run_end
    # The 30 ms smoothing lets each loud edge bleed one cell into the silence: give it back.
    widened = [(s + offset - SMOOTHING_CELLS, e + offset + SMOOTHING_CELLS) for s, e in runs]
    return tuple((s, e) for s, e in widened if e - s >= min_cells)
