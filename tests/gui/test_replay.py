"""Replay in the wired window: the history's voice columns, the chart's "Spoken length",
playing from the history, the chart, P and "Play my best take", and a take stopping it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.ui import player as player_module
from app.ui.actions import ActionId
from app.ui.history_model import Column, SortRole
from tests.gui.conftest import App
from tests.gui.test_player import NO_SOUND_CARD
from tests.helpers.wav_files import write_wav

pytestmark = [
    pytest.mark.qt_log_ignore(*NO_SOUND_CARD, extend=True),
    pytest.mark.usefixtures("with_output"),
]


@pytest.fixture
def with_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(player_module, "audio_output_available", lambda _mm: True)


def add_take(
    app: App,
    minute: int,
    duration_s: float,
    outcome: Outcome = Outcome.GOOD,
    *,
    spoken: tuple[float, float] | None = None,
    pauses: int = 1,
    wav_s: float | None = None,
) -> Attempt:
    """A take of the fixture's script; with ``wav_s`` a recording of that length is kept."""
    script = app.script
    assert script.id is not None
    revision = app.repository.revision_for_take(script.id, script.text)
    assert revision.id is not None
    attempt = app.repository.add_attempt(Attempt(
        script_id=script.id, revision_id=revision.id,
        started_at=f"2026-11-26T14:{minute:02d}:00+00:00", duration_s=duration_s,
        target_s=30.0, words=30, reached_end=True, outcome=outcome,
    ))  # fmt: skip
    assert attempt.id is not None
    if wav_s is not None:
        name = f"recordings/take-{attempt.id}.wav"
        write_wav(app.window._data_dir / name, wav_s, speech=spoken)  # type: ignore[operator]
        app.repository.set_recording(attempt.id, name)
    if spoken is not None:
        attempt = app.repository.set_speech(
            attempt.id, start_s=spoken[0], end_s=spoken[1], pauses=pauses, longest_pause_s=0.5
        )
    return app.repository.get_attempt(attempt.id)


def reload(app: App) -> None:
    app.window.progress.load(app.repository, app.script)


def row_of(app: App, attempt_id: int) -> int:
    history = app.window.progress.history
    row = history.model.row_of(attempt_id)
    assert row is not None
    return history.proxy.mapFromSource(history.model.index(row, 0)).row()


def test_the_history_marks_recorded_takes_and_shows_their_voice(brevity: App) -> None:
    recorded = add_take(brevity, 1, 33.0, spoken=(0.5, 29.0), pauses=3, wav_s=1.0)
    plain = add_take(brevity, 2, 31.0)
    reload(brevity)
    proxy = brevity.window.progress.history.proxy

    def cell(attempt: Attempt, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return proxy.index(row_of(brevity, attempt.id or 0), column).data(role)

    assert cell(recorded, Column.SPOKEN) == "28.5 s"
    assert cell(recorded, Column.SPOKEN, Qt.ItemDataRole.DecorationRole) is not None
    tip = "Spoken 28.5 s · 3 pauses · longest 0.5 s"
    assert cell(recorded, Column.SPOKEN, Qt.ItemDataRole.ToolTipRole) == tip
    # The verdict goes by the spoken length: 28.5 s is on target, 33 s would have been over.
    assert cell(recorded, Column.VS_TARGET) == "\N{MINUS SIGN}1.5 s"
    assert cell(plain, Column.SPOKEN) == ""
    assert cell(plain, Column.SPOKEN, Qt.ItemDataRole.DecorationRole) is None
    assert cell(plain, Column.SPOKEN, Qt.ItemDataRole.ToolTipRole) == "Not recorded"


def test_the_spoken_column_takes_no_room_until_a_take_has_a_voice(brevity: App) -> None:
    table = brevity.window.progress.history.table
    add_take(brevity, 1, 31.0)
    reload(brevity)
    assert table.isColumnHidden(Column.SPOKEN)
    add_take(brevity, 2, 31.0, wav_s=1.0)  # recorded, speech not measured (yet)
    reload(brevity)
    assert not table.isColumnHidden(Column.SPOKEN)


def test_the_spoken_column_sorts_by_seconds_unmeasured_last(brevity: App) -> None:
    long = add_take(brevity, 1, 40.0, spoken=(0.0, 31.0), pauses=5)
    short = add_take(brevity, 2, 40.0, spoken=(0.0, 9.5), pauses=0)
    plain = add_take(brevity, 3, 20.0)
    reload(brevity)
    history = brevity.window.progress.history

    def order() -> list[int | None]:
        proxy = history.proxy
        return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).id for r in range(3)]

    history.table.sortByColumn(Column.SPOKEN, Qt.SortOrder.AscendingOrder)
    assert order() == [short.id, long.id, plain.id]
    assert history.proxy.index(0, Column.SPOKEN).data(SortRole) == pytest.approx(9.5)
    history.table.sortByColumn(Column.SPOKEN, Qt.SortOrder.DescendingOrder)
    assert order() == [plain.id, long.id, short.id]


def test_enter_on_a_history_row_plays_its_take(qtbot: QtBot, brevity: App) -> None:
    take = add_take(brevity, 1, 2.0, spoken=(0.2, 1.8), wav_s=2.0)
    reload(brevity)
    progress = brevity.window.progress
    table = progress.history.table
    assert progress.player.isHidden()
    progress.history.select_attempt(take.id or 0)
    assert not progress.player.isHidden()
    assert progress.player.attempt == take
    table.setFocus()
    table.setCurrentIndex(progress.history.proxy.index(row_of(brevity, take.id or 0), 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: progress.player.position_s() > 0.1, timeout=5000)
    assert progress.player.is_playing()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # again: pause
    qtbot.waitUntil(lambda: not progress.player.is_playing())


def test_a_double_click_on_the_length_plays_and_on_the_note_edits(
    qtbot: QtBot, brevity: App
) -> None:
    take = add_take(brevity, 1, 2.0, spoken=(0.2, 1.8), wav_s=2.0)
    reload(brevity)
    progress = brevity.window.progress
    table = progress.history.table
    index = progress.history.proxy.index(row_of(brevity, take.id or 0), Column.LENGTH)
    where = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(progress.player.is_playing, timeout=5000)
    progress.player.pause()
    qtbot.waitUntil(lambda: not progress.player.is_playing())
    note = progress.history.proxy.index(index.row(), Column.NOTE)
    table.scrollTo(note)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(note).center()
    )
    qtbot.mouseDClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(note).center()
    )
    assert table.state() == table.State.EditingState
    assert not progress.player.is_playing()


def test_p_plays_and_pauses_the_selected_take_and_is_listed_in_help(
    qtbot: QtBot, brevity: App
) -> None:
    take = add_take(brevity, 1, 2.0, spoken=(0.2, 1.8), wav_s=2.0)
    reload(brevity)
    actions = brevity.window.actions_
    assert not actions[ActionId.PLAY_TAKE].isEnabled()  # nothing selected yet
    brevity.window.progress.history.select_attempt(take.id or 0)
    assert actions[ActionId.PLAY_TAKE].isEnabled()
    brevity.window.prompter.setFocus()
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_P)
    qtbot.waitUntil(brevity.window.progress.player.is_playing, timeout=5000)
    qtbot.keyClick(brevity.window.prompter, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: not brevity.window.progress.player.is_playing())
    help_rows = dict(actions.help_rows())
    assert "P" in help_rows and "Shift+P" in help_rows


def test_starting_a_take_stops_playback_and_blocks_it_until_the_take_is_saved(
    qtbot: QtBot, brevity: App
) -> None:
    take = add_take(brevity, 1, 29.0, wav_s=2.0)  # a best take: Shift+P has one to play
    reload(brevity)
    player = brevity.window.progress.player
    brevity.window.progress.history.select_attempt(take.id or 0)
    player.play()
    qtbot.waitUntil(player.is_playing, timeout=5000)
    actions = brevity.window.actions_
    actions[ActionId.START_STOP].trigger()
    assert brevity.rehearsal.running
    assert not player.is_playing()
    assert not actions[ActionId.PLAY_TAKE].isEnabled()
    assert not actions[ActionId.PLAY_BEST].isEnabled()
    actions[ActionId.PLAY_TAKE].trigger()
    assert not player.is_playing()
    brevity.clock.advance(5.0)
    actions[ActionId.START_STOP].trigger()  # stop and save
    assert not brevity.rehearsal.running
    assert actions[ActionId.PLAY_BEST].isEnabled()


def test_play_my_best_take_picks_the_best_clean_recorded_take(qtbot: QtBot, brevity: App) -> None:
    # The best is the clean take closest to the 30 s target without going over (by speech).
    add_take(brevity, 1, 35.0, spoken=(1.0, 33.0), wav_s=1.0)  # 32.0 s spoken: over
    best = add_take(brevity, 2, 30.0, spoken=(1.0, 27.0), wav_s=1.0)  # 26.0 s spoken
    add_take(brevity, 3, 30.0, Outcome.STUMBLED, spoken=(1.0, 30.0), wav_s=1.0)  # not clean
    add_take(brevity, 4, 30.0, spoken=(0.5, 28.5))  # closer, but its file was not kept
    gone = add_take(brevity, 5, 31.0, spoken=(0.5, 29.5), wav_s=1.0)
    (brevity.window._data_dir / (gone.recording or "")).unlink()  # type: ignore[operator]
    reload(brevity)
    progress = brevity.window.progress
    assert progress.best_recorded_take() == best
    brevity.window.actions_[ActionId.PLAY_BEST].trigger()
    assert progress.history.selected_attempt_id() == best.id
    assert progress.player.attempt == best
    qtbot.waitUntil(progress.player.is_playing, timeout=5000)
    progress.player.stop()


def test_play_my_best_take_is_disabled_without_a_recorded_take(brevity: App) -> None:
    add_take(brevity, 1, 31.0, spoken=(0.5, 29.0))
    reload(brevity)
    assert brevity.window.progress.best_recorded_take() is None
    assert not brevity.window.actions_[ActionId.PLAY_BEST].isEnabled()


def test_the_chart_plots_the_spoken_length_and_remembers_the_choice(brevity: App) -> None:
    add_take(brevity, 1, 33.0, Outcome.NAILED, spoken=(0.5, 28.5))
    add_take(brevity, 2, 31.0, Outcome.NAILED)
    reload(brevity)
    progress = brevity.window.progress
    chart = progress.chart
    assert chart is not None
    check = progress.spoken_check
    assert check.isVisible() and check.isChecked()  # on by default once there is speech
    assert chart.series()[Outcome.NAILED] == [(1.0, 28.0), (2.0, 31.0)]
    check.click()
    assert chart.series()[Outcome.NAILED] == [(1.0, 33.0), (2.0, 31.0)]
    assert brevity.preferences.chart_spoken is False
    reload(brevity)
    assert not check.isChecked()  # the choice holds
    check.click()
    assert brevity.preferences.chart_spoken is True
    assert chart.series()[Outcome.NAILED] == [(1.0, 28.0), (2.0, 31.0)]


def test_without_any_speech_the_toggle_is_hidden(brevity: App) -> None:
    add_take(brevity, 1, 33.0)
    reload(brevity)
    assert not brevity.window.progress.spoken_check.isVisible()


def test_a_saved_take_is_added_to_the_spoken_chart_without_a_redraw(
    brevity: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_take(brevity, 1, 33.0, Outcome.NAILED, spoken=(0.5, 28.5))
    reload(brevity)
    chart = brevity.window.progress.chart
    assert chart is not None and chart.spoken and chart._plot is not None
    redraws: list[int] = []
    original = chart._plot.set_points
    monkeypatch.setattr(chart._plot, "set_points", lambda g: (redraws.append(1), original(g))[1])
    add_take(brevity, 2, 29.0, Outcome.NAILED, spoken=(0.5, 27.5))
    reload(brevity)
    assert redraws == []
    assert chart.series()[Outcome.NAILED] == [(1.0, 28.0), (2.0, 27.0)]


def test_clicking_a_point_selects_the_take_and_loads_the_player(qtbot: QtBot, brevity: App) -> None:
    add_take(brevity, 1, 33.0, spoken=(0.5, 28.5), wav_s=1.0)
    second = add_take(brevity, 2, 29.0, spoken=(0.5, 27.5), wav_s=1.0)
    reload(brevity)
    chart = brevity.window.progress.chart
    assert chart is not None
    import pyqtgraph as pg  # type: ignore[import-untyped]

    plot_widget = chart.findChild(pg.PlotWidget)
    scatter = plot_widget.getPlotItem().legend.items[0][0].item
    spot = next(p for p in scatter.points() if p.data().id == second.id)
    pos: QPoint = plot_widget.mapFromScene(scatter.mapToScene(spot.pos()))
    qtbot.mouseClick(plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    progress = brevity.window.progress
    assert progress.history.selected_attempt_id() == second.id
    assert progress.player.attempt == second
    assert not progress.player.isHidden()


def test_editing_the_note_of_the_playing_take_keeps_it_playing(qtbot: QtBot, brevity: App) -> None:
    take = add_take(brevity, 1, 2.0, spoken=(0.2, 1.8), wav_s=2.0)
    reload(brevity)
    progress = brevity.window.progress
    progress.history.select_attempt(take.id or 0)
    progress.player.play()
    qtbot.waitUntil(progress.player.is_playing, timeout=5000)
    progress.edit_requested.emit(take.id, "nailed", "good pace")
    assert progress.player.attempt == replace(take, outcome=Outcome.NAILED, note="good pace")
    assert progress.player.is_playing()
    progress.player.stop()
