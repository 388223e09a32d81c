"""16-bit PCM WAV files written by hand: the header, its repair, and reading samples back.

A recorder that streams samples to disk cannot know the final length when it starts, so it
writes a placeholder header first (``wav_header(0)``), appends the samples as they arrive and,
when the take ends, seeks back to offset 0 and writes ``wav_header(frames)`` with the real
count. A writer killed before that last step leaves a file whose header says "0 frames";
:func:`finalise_wav` rewrites the header from the file's size so the take is still playable.
"""

from __future__ import annotations

import array
import struct
import sys
import wave
from pathlib import Path

HEADER_BYTES = 44
_MAX_DATA_BYTES = 0xFFFF_FFFF - (HEADER_BYTES - 8)  # the RIFF size field is 32-bit


def wav_header(frames: int, sample_rate: int, channels: int = 1, sample_width: int = 2) -> bytes:
    """A canonical 44-byte RIFF/WAVE header (PCM ``fmt `` chunk, then ``data``)."""
    if frames < 0:
        raise ValueError(f"a WAV file cannot hold {frames} frames")
    if sample_rate <= 0:
        raise ValueError(f"the sample rate must be positive, not {sample_rate}")
    block_align = channels * sample_width
    data_bytes = frames * block_align
    if data_bytes > _MAX_DATA_BYTES:
        raise ValueError(f"{frames} frames do not fit in a WAV file (4 GiB at most)")
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        HEADER_BYTES - 8 + data_bytes,
        b"WAVE",
        b"fmt ",
        16,  # size of the PCM fmt chunk
        1,  # WAVE_FORMAT_PCM
        channels,
        sample_rate,
        sample_rate * block_align,  # byte rate
        block_align,
        sample_width * 8,
        b"data",
        data_bytes,
    )


def finalise_wav(path: Path, sample_rate: int, channels: int = 1, sample_width: int = 2) -> int:
    """Rewrite the header of a WAV file written by :func:`wav_header`'s recorder so that it
    matches the samples actually on disk (a trailing partial frame is cut off).

    For a recording whose writer was killed before it could write the final header. Returns
    the number of frames. Raises ``ValueError`` when the file is not a RIFF/WAVE file at all.
    """
    block_align = channels * sample_width
    with path.open("r+b") as file:
        head = file.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise ValueError(f"{path.name} is not a WAV file")
        size = file.seek(0, 2)
        frames = max(0, size - HEADER_BYTES) // block_align
        file.truncate(HEADER_BYTES + frames * block_align)
        file.seek(0)
        file.write(wav_header(frames, sample_rate, channels, sample_width))
    return frames


def read_mono16(path: Path, sample_rate: int) -> bytes:
    """The PCM bytes of a mono 16-bit WAV file at ``sample_rate``; ``ValueError`` otherwise."""
    try:
        with wave.open(str(path), "rb") as wav:
            found = (wav.getnchannels(), wav.getsampwidth() * 8, wav.getframerate())
            if found != (1, 16, sample_rate):
                channels, bits, rate = found
                raise ValueError(
                    f"{path.name} is {rate} Hz, {bits}-bit, {channels} channel(s); "
                    f"expected {sample_rate} Hz, 16-bit mono"
                )
            return wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as error:
        raise ValueError(f"{path.name} is not a readable PCM WAV file: {error}") from error


def samples_of(pcm: bytes | bytearray | memoryview) -> array.array[int]:
    """Signed 16-bit little-endian PCM as integers (a trailing odd byte is ignored)."""
    usable = len(pcm) - len(pcm) % 2
    samples = array.array("h")
    samples.frombytes(pcm[:usable])
    if sys.byteorder == "big":
        samples.byteswap()
    return samples
