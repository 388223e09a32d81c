"""``make_rig``: the window with a fake microphone, for the recording tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from app.storage.database import close_database
from tests.helpers.clock import FakeClock
from tests.helpers.fake_audio import FakeAudioInput
from tests.helpers.recording_rig import Rig, build_rig


@pytest.fixture
def make_rig(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> Iterator[Callable[..., Rig]]:
    """``make_rig(mic=None, **preferences)``: one window per test (its database is closed
    after the test)."""
    opened: list[Database] = []

    def make(mic: FakeAudioInput | None = None, **preferences: object) -> Rig:
        rig, db = build_rig(qtbot, tmp_path, clock, mic or FakeAudioInput(), **preferences)
        opened.append(db)
        return rig

    yield make
    for db in opened:
        close_database(db)
