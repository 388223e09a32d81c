"""Test bootstrap: headless Qt and a private data directory for every test.

QT_QPA_PLATFORM must be set before anything imports Qt, so it is set here at import time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# Never let a test read or write the real user's profile.
os.environ.pop("BREVITY_DATA_DIR", None)

pytest_plugins = ["tests.helpers.fixtures"]


@pytest.fixture(autouse=True)
def _private_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point data and settings at tmp_path so no test touches ``~``."""
    monkeypatch.setenv("BREVITY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield
