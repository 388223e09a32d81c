"""Brevity: rehearse the 30-second voicemail and the elevator pitch."""

__version__ = "0.1.0"
APP_NAME = "Brevity"
APP_ID = "io.github.brevity.Brevity"
