"""Where the user's data and preferences live.

Order: the ``--data-dir`` flag, then ``BREVITY_DATA_DIR``, then the platform's user-data
directory. With an explicit data directory the preferences live beside the data, so tests and
power users with several profiles never touch ``~``.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_NAME

ENV_DATA_DIR = "BREVITY_DATA_DIR"


def data_dir(flag: str | None) -> Path:
    chosen = flag or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_file(flag: str | None) -> Path:
    if flag or os.environ.get(ENV_DATA_DIR):
        return data_dir(flag) / "settings.ini"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.ini"
