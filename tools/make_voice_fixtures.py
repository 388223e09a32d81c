"""Regenerate tests/fixtures/voice/: short synthetic voicemails with known speech bounds.

    sudo apt-get install -y --no-install-recommends espeak-ng flite sox
    .venv/bin/python tools/make_voice_fixtures.py

Deterministic: fixed voices and speeds, ``sox -R`` (repeatable noise), no dither. The truth
in ``truth.json`` comes from the generation, not from the detector under test: each phrase is
synthesised alone, trimmed to its first and last sample at or above -40 dBFS (1 % of full
scale), and laid out with silences of known length, so the speech starts and ends exactly
where the layout puts it. The pauses are the silent runs (10 ms windows whose peak is below
-40 dBFS) of the clean layout, so a pause the voice itself makes at a comma counts too.
Noise is mixed at ``SNR_DB`` to the speech's own power (measured over the speech only).
"""

from __future__ import annotations

import array
import json
import math
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass, field
from pathlib import Path

RATE = 16_000
OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "voice"
SPEECH_PEAK = 328  # -40 dBFS: quieter samples at a phrase's edges are not speech
WINDOW = RATE // 100  # 10 ms
SNR_DB = 19.0
GAP_MIN_S = 0.1  # gaps this long are listed in the truth (pauses are those >= 0.3 s)
PAUSE_MIN_S = 0.3


@dataclass
class Layout:
    """A fixture: silences (float seconds) and phrases (engine, text), in order."""

    name: str
    parts: list[float | tuple[str, str]]
    noise: str | None = None  # "pinknoise" or "whitenoise"
    breath_at_s: float | None = None
    note: str = ""
    samples: array.array[int] = field(default_factory=lambda: array.array("h"))


def run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


def read(path: Path) -> array.array[int]:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
        samples = array.array("h")
        samples.frombytes(wav.readframes(wav.getnframes()))
    return samples


def write(path: Path, samples: array.array[int]) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples.tobytes())


def to_16k(source: Path, target: Path, *effects: str) -> None:
    run("sox", "-R", "-D", str(source), "-r", str(RATE), "-c", "1", "-b", "16", str(target),
        *effects)  # fmt: skip


def phrase(engine: str, text: str, work: Path) -> array.array[int]:
    """One phrase from the TTS, at 16 kHz, peak-normalised to -3 dBFS, edges trimmed."""
    raw, pcm = work / "raw.wav", work / "pcm.wav"
    if engine == "espeak":
        run("espeak-ng", "-v", "en-us", "-s", "165", "-w", str(raw), text)
    else:
        run("flite", "-voice", "slt", "-t", text, "-o", str(raw))
    to_16k(raw, pcm, "norm", "-3")
    samples = read(pcm)
    loud = [i for i, s in enumerate(samples) if abs(s) >= SPEECH_PEAK]
    return samples[loud[0] : loud[-1] + 1]


def synth(kind: str, seconds: float, work: Path, *effects: str) -> array.array[int]:
    target = work / "synth.wav"
    run("sox", "-R", "-D", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(target),
        "synth", f"{seconds}", kind, *effects)  # fmt: skip
    return read(target)


def power(samples: array.array[int] | list[int]) -> float:
    return sum(s * s for s in samples) / max(1, len(samples))


def silent_runs(samples: array.array[int], start: int, end: int) -> list[tuple[float, float]]:
    """Runs of 10 ms windows with a peak below -40 dBFS inside [start, end), in seconds."""
    runs: list[tuple[float, float]] = []
    run_start = None
    for w in range(start // WINDOW, end // WINDOW + 1):
        window = samples[w * WINDOW : min(end, (w + 1) * WINDOW)]
        quiet = bool(window) and max(abs(s) for s in window) < SPEECH_PEAK
        if quiet and run_start is None:
            run_start = w
        elif not quiet and run_start is not None:
            if (w - run_start) * 0.01 >= GAP_MIN_S:
                runs.append((run_start * 0.01, w * 0.01))
            run_start = None
    return runs


def build(layout: Layout, work: Path) -> dict[str, object]:
    clean = array.array("h")
    speech: list[tuple[int, int]] = []
    for part in layout.parts:
        if isinstance(part, float):
            clean.extend([0] * round(part * RATE))
        else:
            spoken = phrase(*part, work)
            speech.append((len(clean), len(clean) + len(spoken)))
            clean.extend(spoken)
    mixed = array.array("h", clean)
    if speech:
        first, last = speech[0][0], speech[-1][1]
        speech_power = power(clean[first:last])
    else:
        first = last = 0
        speech_power = 32768**2 * 10 ** (-20 / 10)  # as loud as a typical phrase
    if layout.breath_at_s is not None:
        breath = synth("pinknoise", 0.15, work, "highpass", "400", "fade", "t", "0.04", "0.15",
                       "0.07")  # fmt: skip
        scale = math.sqrt(speech_power * 10 ** (-12 / 10) / power(breath))  # 12 dB below speech
        at = round(layout.breath_at_s * RATE)
        for i, s in enumerate(breath):
            mixed[at + i] = max(-32768, min(32767, mixed[at + i] + round(s * scale)))
    if layout.noise:
        noise = synth(layout.noise, len(clean) / RATE, work)[: len(clean)]
        scale = math.sqrt(speech_power * 10 ** (-SNR_DB / 10) / power(noise))
        for i, s in enumerate(noise):
            mixed[i] = max(-32768, min(32767, mixed[i] + round(s * scale)))
    write(OUT / f"{layout.name}.wav", mixed)
    gaps = silent_runs(clean, first, last) if speech else []
    return {
        "note": layout.note,
        "duration_s": round(len(clean) / RATE, 4),
        "speech_start_s": round(first / RATE, 4) if speech else None,
        "speech_end_s": round(last / RATE, 4) if speech else None,
        "pauses": [[round(a, 3), round(b, 3)] for a, b in gaps if b - a >= PAUSE_MIN_S],
        "short_gaps": [[round(a, 3), round(b, 3)] for a, b in gaps if b - a < PAUSE_MIN_S],
        "noise": f"{layout.noise} at {SNR_DB:g} dB SNR" if layout.noise else None,
        "breath_at_s": layout.breath_at_s,
    }


VOICEMAIL = [
    ("espeak", "Hi, this is Alex Rivera."),
    0.7,
    ("espeak", "Please call me back."),
    0.15,
    ("espeak", "Thanks."),
]
LAYOUTS = [
    Layout("clean_pause", [0.6, *VOICEMAIL, 0.6],
           note="a voicemail with a 0.7 s pause and a 0.15 s gap; digital silence around it"),
    Layout("noisy_pause", [0.9, *VOICEMAIL, 0.5], noise="pinknoise", breath_at_s=0.25,
           note="clean_pause in pink noise, with a breath-like burst before the first word"),
    Layout("immediate", [("espeak", "Alex Rivera, at five five five, two oh one."), 0.5],
           note="speech from the first sample"),
    Layout("noise_only", [1.6], noise="pinknoise", note="pink noise at the noisy level, no speech"),
    Layout("short_word", [0.8, ("espeak", "Yes."), 0.8], note="a very short utterance"),
    Layout("flite_noisy", [0.9, ("flite", "This is Sam Lee. Please call me."), 0.6],
           noise="whitenoise", breath_at_s=0.4, note="another voice (flite slt) in white noise"),
]  # fmt: skip


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    truth = {}
    with tempfile.TemporaryDirectory() as tmp:
        for layout in LAYOUTS:
            truth[f"{layout.name}.wav"] = build(layout, Path(tmp))
            print(f"{layout.name}.wav: {truth[f'{layout.name}.wav']}")
    (OUT / "truth.json").write_text(json.dumps(truth, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
