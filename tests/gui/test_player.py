"""The take player: loads a take's WAV, plays and pauses it, marks the speech, and says why
when it cannot play (file not kept, no multimedia backend, no sound output, a take running).

There is no sound card here: with the FFmpeg backend a QMediaPlayer still decodes the file
and its position advances in real time, so playback is checked with ``qtbot.waitUntil``.
The device check is patched to say "there is an output" for the tests that play.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QPoint, Qt, QThread
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.domain.attempt import Attempt, Outcome
from app.ui import player as player_module
from app.ui.player import (
    BLOCKED,
    NO_OUTPUT,
    NOT_KEPT,
    UNREADABLE,
    TakePlayer,
)
from tests.helpers.wav_files import write_wav

# No sound server, no VA-API: QtMultimedia says so once at start-up, as warnings.
NO_SOUND_CARD = (
    "Couldn't (load|resolve) .* (library|symbols)",
    "PulseAudioService: pa_context_connect\\(\\) failed",
    "No audio device detected",
)
pytestmark = pytest.mark.qt_log_ignore(*NO_SOUND_CARD, extend=True)

WHEN = datetime(2026, 11, 26, 14, 3, tzinfo=UTC)


def recorded_take(
    attempt_id: int = 1,
    recording: str | None = "recordings/take-1.wav",
    *,
    duration_s: float = 1.5,
    speech: tuple[float, float] | None = (0.3, 1.2),
) -> Attempt:
    start, end = speech if speech is not None else (None, None)
    return Attempt(
        script_id=1, revision_id=1, started_at=WHEN.isoformat(), duration_s=duration_s,
        target_s=30.0, words=70, reached_end=True, outcome=Outcome.GOOD, id=attempt_id,
        recording=recording, speech_start_s=start, speech_end_s=end,
        spoken_s=None if speech is None else round(speech[1] - speech[0], 3),
        pauses=None if speech is None else 2, longest_pause_s=None if speech is None else 0.4,
    )  # fmt: skip


@pytest.fixture
def with_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the system has a sound output (the decoder works without one)."""
    monkeypatch.setattr(player_module, "audio_output_available", lambda _mm: True)


@pytest.fixture
def player(qtbot: QtBot, tmp_path: Path) -> Iterator[TakePlayer]:
    widget = TakePlayer(tmp_path, tz=UTC)
    qtbot.addWidget(widget)
    widget.resize(480, 60)
    yield widget
    widget.stop()


@pytest.mark.usefixtures("with_output")
def test_it_loads_a_take_and_shows_the_span_and_the_figures(
    player: TakePlayer, tmp_path: Path
) -> None:
    write_wav(tmp_path / "recordings" / "take-1.wav", 1.5, speech=(0.3, 1.2))
    player.show_take(recorded_take())
    assert not player.isHidden()
    assert player.playable and player.reason is None
    assert player.length_s() == pytest.approx(1.5)
    assert player.bar.span() == pytest.approx((0.3, 1.2))
    assert player.caption_label.text() == (
        "Thu 26 Nov 14:03 · Spoken 0.9 s · 2 pauses · longest 0.4 s"
    )
    assert player.time_label.text() == "0:00.0 / 0:01.5"
    assert player.play_button.isEnabled()
    assert player.play_button.accessibleName() == "Play"


@pytest.mark.usefixtures("with_output")
def test_play_advances_the_position_and_pause_holds_it(
    qtbot: QtBot, player: TakePlayer, tmp_path: Path
) -> None:
    write_wav(tmp_path / "recordings" / "take-1.wav", 2.0, speech=(0.2, 1.8))
    player.show_take(recorded_take(duration_s=2.0))
    player.play_button.click()
    qtbot.waitUntil(lambda: player.position_s() > 0.15, timeout=5000)
    assert player.is_playing()
    assert player.play_button.accessibleName() == "Pause"
    player.play_button.click()
    qtbot.waitUntil(lambda: not player.is_playing())
    held = player.position_s()
    assert player.bar.position_s() == pytest.approx(held, abs=0.1)
    assert player.time_label.text().startswith("0:0")
    player.toggle()
    qtbot.waitUntil(lambda: player.position_s() > held + 0.1, timeout=5000)


@pytest.mark.usefixtures("with_output")
def test_selecting_another_take_stops_playback_and_the_same_take_keeps_playing(
    qtbot: QtBot, player: TakePlayer, tmp_path: Path
) -> None:
    write_wav(tmp_path / "recordings" / "take-1.wav", 2.0)
    write_wav(tmp_path / "recordings" / "take-2.wav", 1.0)
    first = recorded_take(duration_s=2.0)
    player.show_take(first)
    player.play()
    qtbot.waitUntil(player.is_playing)
    player.show_take(replace(first, note="a new note"))  # the same take, refreshed
    assert player.is_playing()
    player.show_take(recorded_take(2, "recordings/take-2.wav", duration_s=1.0))
    assert not player.is_playing()
    assert player.length_s() == pytest.approx(1.0)
    assert player.bar.position_s() == 0.0


def test_a_take_without_a_recording_hides_the_player(player: TakePlayer) -> None:
    player.show()
    player.show_take(recorded_take(recording=None, speech=None))
    assert player.isHidden()
    assert not player.playable


def test_a_recording_that_was_not_kept_says_so(player: TakePlayer, tmp_path: Path) -> None:
    player.show_take(recorded_take(recording="recordings/deleted.wav"))
    assert not player.isHidden()
    assert player.caption_label.text() == NOT_KEPT
    assert not player.play_button.isEnabled() and not player.playable
    player.toggle()  # nothing to play: nothing happens
    assert not player.is_playing()


def test_a_damaged_recording_says_it_cannot_be_read(player: TakePlayer, tmp_path: Path) -> None:
    (tmp_path / "recordings").mkdir()
    (tmp_path / "recordings" / "take-1.wav").write_bytes(b"RIFF....garbage")
    player.show_take(recorded_take())
    assert player.caption_label.text() == UNREADABLE
    assert not player.play_button.isEnabled()


def test_without_the_multimedia_backend_it_says_why_and_stays_disabled(
    player: TakePlayer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> ModuleType:
        raise ImportError("libQt6Multimedia.so.6: cannot open shared object file")

    monkeypatch.setattr(player_module, "_multimedia", missing)
    write_wav(tmp_path / "recordings" / "take-1.wav", 1.0)
    player.show_take(recorded_take(duration_s=1.0))
    assert player.caption_label.text().startswith("Replay is not available here: libQt6")
    assert not player.play_button.isEnabled() and not player.playable
    player.toggle()
    assert not player.is_playing()
    assert player.bar.span() == pytest.approx((0.3, 1.0))  # the span is still drawn


def test_without_a_sound_output_it_says_so_and_stays_disabled(
    player: TakePlayer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(player_module, "audio_output_available", lambda _mm: False)
    write_wav(tmp_path / "recordings" / "take-1.wav", 1.0)
    player.show_take(recorded_take(duration_s=1.0))
    assert player.caption_label.text() == NO_OUTPUT
    assert not player.play_button.isEnabled()
    player.play()
    assert not player.is_playing()
    # A headset is plugged in: the player notices.
    monkeypatch.setattr(player_module, "audio_output_available", lambda _mm: True)
    player._on_devices_changed()
    assert player.playable


@pytest.mark.usefixtures("with_output")
def test_a_running_take_stops_playback_and_blocks_it(
    qtbot: QtBot, player: TakePlayer, tmp_path: Path
) -> None:
    write_wav(tmp_path / "recordings" / "take-1.wav", 2.0)
    player.show_take(recorded_take(duration_s=2.0))
    player.play()
    qtbot.waitUntil(player.is_playing)
    with qtbot.waitSignal(player.playable_changed) as blocker:
        player.set_blocked(True)
    assert blocker.args == [False]
    assert not player.is_playing()
    assert player.caption_label.text().endswith(BLOCKED)
    player.play()
    assert not player.is_playing()
    player.set_blocked(False)
    assert player.playable


@pytest.mark.usefixtures("with_output")
def test_clicking_the_bar_seeks(qtbot: QtBot, player: TakePlayer, tmp_path: Path) -> None:
    player.show()
    qtbot.waitExposed(player)
    write_wav(tmp_path / "recordings" / "take-1.wav", 2.0)
    player.show_take(recorded_take(duration_s=2.0))
    bar = player.bar
    x = round(bar.x_of(1.0))
    with qtbot.waitSignal(bar.seek_requested) as blocker:
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, bar.height() // 2))
    assert blocker.args[0] == pytest.approx(1.0, abs=0.05)
    assert player.time_label.text().startswith("0:01.0")


@pytest.mark.usefixtures("with_output")
def test_the_media_backend_never_runs_on_the_gui_thread(
    qtbot: QtBot, player: TakePlayer, tmp_path: Path
) -> None:
    # Its stop() and setSource() can wait for ever on a thread that needs the GIL: a call
    # from the GUI thread froze the window (and the suite, at a teardown, without a server).
    from PySide6.QtMultimedia import QMediaPlayer

    write_wav(tmp_path / "recordings" / "take-1.wav", 2.0)
    player.show_take(recorded_take(duration_s=2.0))
    player.play()
    qtbot.waitUntil(player.is_playing, timeout=5000)
    backends = [o for o in gc.get_objects() if isinstance(o, QMediaPlayer) and isValid(o)]
    assert backends, "no media player found"
    gui_thread = QThread.currentThread()
    assert all(backend.thread() is not gui_thread for backend in backends)
    player.stop()  # at once, without waiting for the backend to say so
    assert not player.is_playing()
    assert player.position_s() == 0.0 and player.bar.position_s() == 0.0
