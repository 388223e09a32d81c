"""``brevity self-check``: can this installation record, replay and time a take?

Prints one JSON object (stdout) describing the optional audio parts, for a user's bug report
and for the packaging smoke test, which runs it inside the frozen bundle:

- ``multimedia``: Qt Multimedia imports, its media backend (FFmpeg) loaded, it can play WAV,
  and which microphones the sound server offers (none is a fact about the machine, not a
  failure);
- ``voice_activity``: webrtcvad's extension loads and classifies a frame.

Exit status 0 when both parts work, 1 when one is missing (Brevity still runs then: a take is
timed and saved without audio), 2 for bad usage. Needs no display.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app import APP_NAME, __version__

EXIT_OK, EXIT_MISSING, EXIT_USAGE = 0, 1, 2
VAD_SAMPLE_RATE = 16_000
VAD_FRAME_BYTES = VAD_SAMPLE_RATE * 30 // 1000 * 2  # 30 ms of 16-bit mono


def self_check_main(argv: list[str]) -> int:
    """Run ``brevity self-check`` with ``argv`` (the arguments after the command)."""
    parser = argparse.ArgumentParser(
        prog="brevity self-check",
        description="Report, as JSON, whether recording, replay (Qt Multimedia) and speech "
        "timing (webrtcvad) work in this installation.",
    )
    try:
        parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    multimedia, voice_activity = multimedia_status(), voice_activity_status()
    report = {
        "name": APP_NAME,
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "multimedia": multimedia,
        "voice_activity": voice_activity,
    }
    print(json.dumps(report, indent=2))
    working = multimedia["available"] and voice_activity["available"]
    return EXIT_OK if working else EXIT_MISSING


def multimedia_status() -> dict[str, Any]:
    """Whether Qt Multimedia and its backend load, and the audio devices it sees."""
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtMultimedia import QMediaDevices, QMediaFormat
    except ImportError as error:  # PySide6-Addons or a system library (libpulse) missing
        return {"available": False, "error": f"{type(error).__name__}: {error}"}
    _app = QCoreApplication.instance() or QCoreApplication([sys.argv[0] if sys.argv else "brevity"])
    decodable = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    inputs = QMediaDevices.audioInputs()
    default_input = QMediaDevices.defaultAudioInput()
    status: dict[str, Any] = {
        "available": bool(decodable),
        "backend_loaded": bool(decodable),  # no decodable format: no media plugin was found
        "plays_wav": QMediaFormat.FileFormat.Wave in decodable,
        "audio_inputs": [device.description() for device in inputs],
        "default_input": default_input.description() if not default_input.isNull() else None,
        "audio_outputs": len(QMediaDevices.audioOutputs()),
    }
    if not decodable:
        status["error"] = "Qt Multimedia loaded, but no media backend plugin (FFmpeg) was found"
    return status


def voice_activity_status() -> dict[str, Any]:
    """Whether webrtcvad's compiled extension loads and classifies a frame of silence."""
    try:
        import webrtcvad  # type: ignore[import-untyped]

        silent = webrtcvad.Vad(2).is_speech(bytes(VAD_FRAME_BYTES), VAD_SAMPLE_RATE)
    except Exception as error:  # ImportError, or an extension that loads but fails
        return {"available": False, "error": f"{type(error).__name__}: {error}"}
    return {"available": True, "silence_is_speech": bool(silent)}
