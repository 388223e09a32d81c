"""Where the user's data and preferences live.

Order: the ``--data-dir`` flag, then ``BREVITY_DATA_DIR``, then the platform's user-data
directory. With an explicit data directory the preferences live beside the data, so tests and
power users with several profiles never touch ``~``.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

import platformdirs

from app import APP_NAME
from app.domain.verdicts import DEFAULT_READABLE_WPM, MAX_READABLE_WPM, MIN_READABLE_WPM

ENV_DATA_DIR = "BREVITY_DATA_DIR"
# The window's readable pace preference (QSettings: "group/key"); the command line reads it too.
READABLE_WPM_KEY = "take/readable_wpm"


def data_dir(flag: str | None) -> Path:
    chosen = flag or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_file(flag: str | None) -> Path:
    if flag or os.environ.get(ENV_DATA_DIR):
        return data_dir(flag) / "settings.ini"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.ini"


def readable_pace(settings: Path) -> float:
    """The readable pace in the window's preferences file (read without Qt), or the default."""
    section, _, key = READABLE_WPM_KEY.partition("/")
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings, encoding="utf-8")
        value = float(parser.get(section, key))
    except (configparser.Error, OSError, ValueError):
        return DEFAULT_READABLE_WPM
    return min(MAX_READABLE_WPM, max(MIN_READABLE_WPM, value))
