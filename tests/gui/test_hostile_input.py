"""Hostile input in the real window (issue 4, "Data safety"), and where every item of the
issue's list is tested.

Index — issue item → test(s):

- Empty script (Start disabled, says why):
  ``test_rehearsal_loop.py::test_an_empty_script_cannot_be_started`` (blank);
  here ``test_a_script_without_a_word_to_speak_cannot_be_started`` (punctuation, NUL).
- 1 MB script (opens, frames): here ``test_a_megabyte_script_opens_scrolls_and_takes``;
  the figures (open ≤ 0.5 s, frames ≤ 2 ms) in ``benchmarks/bench_hostile.py``.
- One line of a million characters: here ``test_a_million_characters_on_one_line``;
  frame figures in ``benchmarks/bench_hostile.py``.
- RTL, emoji, combining marks round-trip and render:
  ``tests/unit/storage/test_repository_scripts.py::test_text_and_names_round_trip_odd_unicode_
  and_lose_nul_bytes``, ``tests/unit/storage/test_text_properties.py`` (any text, storage);
  here ``test_odd_unicode_survives_the_editor_autosave_and_a_reopen``,
  ``test_the_prompter_lays_odd_unicode_out_in_reading_order``,
  ``test_the_coach_reads_odd_unicode``.
- NUL bytes stripped: ``tests/unit/domain/test_script.py::test_clean_text_strips_nul``,
  the storage tests above, ``tests/unit/storage/test_repository_attempts.py`` (notes);
  here ``test_nul_bytes_typed_or_pasted_are_not_stored``.
- Read-only data directory, full disk: ``tests/gui/test_storage_failures.py`` (refusals
  injected into the repository); ``tests/gui/test_hostile_environment.py`` (a real
  SQLITE_FULL, a read-only connection, a read-only folder).
- Database locked by another process: ``tests/unit/storage/test_database.py::
  test_a_locked_database_says_so`` (at open); ``tests/gui/test_hostile_environment.py``
  (a second process holds the lock while Brevity writes).
- Database from a newer Brevity (refused, untouched): ``tests/unit/storage/test_database.py::
  test_newer_database_is_refused_without_a_single_write``,
  ``tests/test_cli.py::test_a_database_from_a_newer_brevity_is_refused_and_left_alone``.
- Property tests: ``tests/gui/test_take_machine.py`` (``hypothesis.stateful`` over the take
  life-cycle) and ``tests/unit/storage/test_text_properties.py`` (any text survives save
  and load).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain import coach
from app.domain.script import Script, ScriptKind, clean_text, word_count, words
from app.resources import coach_rules
from app.storage.database import close_database, open_database
from app.storage.repository import Repository
from app.ui.actions import ActionId
from app.ui.editor import ScriptEditor
from app.ui.prompter import Prompter
from app.ui.rehearse_page import EMPTY_HINT
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.gui.conftest import App
from tests.helpers.hostile_text import ODD_TEXTS, megabyte_script, one_long_line

# The offscreen platform's fonts cannot shape Devanagari: Qt says so once, harmlessly.
_NO_SHAPING = "OpenType support missing"


def _space(qtbot: QtBot, app: App) -> None:
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)


def _add_and_select(qtbot: QtBot, app: App, name: str, text: str) -> Script:
    """Store a script and click it in the library, as the user opens one."""
    script = app.repository.add_script(Script(name, ScriptKind.VOICEMAIL, 30.0, text))
    app.window.commands.library_changed.emit(app.script.id)  # list it; keep the current one
    library = app.window.library.list
    (item,) = [
        library.item(row) for row in range(library.count()) if library.item(row).text() == name
    ]
    qtbot.mouseClick(
        library.viewport(), Qt.MouseButton.LeftButton, pos=library.visualItemRect(item).center()
    )
    assert app.window.library.current_id() == script.id
    return script


def _paste(qtbot: QtBot, app: App, text: str) -> None:
    """Replace the script's text by pasting ``text`` into the editor."""
    app.window.tabs.setCurrentIndex(EDIT_TAB)
    edit = app.window.editor.text_edit
    edit.setFocus()
    edit.selectAll()
    QApplication.clipboard().setText(text)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _take(qtbot: QtBot, app: App, seconds: float) -> list[float]:
    """A take of ``seconds`` in four ticks; returns the prompter's position at each."""
    _space(qtbot, app)
    assert app.rehearsal.running
    positions = []
    for _ in range(4):
        app.clock.advance(seconds / 4)
        app.rehearsal.tick()
        app.window.prompter.grab()  # paints the frame
        positions.append(app.window.prompter.position())
    with qtbot.waitSignal(app.rehearsal.take_saved):
        _space(qtbot, app)
    return positions


# --- empty --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["", "— … !! ?", "\x00\x00 \x00", " \n\n . \n"],
    ids=["nothing", "punctuation", "nul", "blank-lines"],
)
def test_a_script_without_a_word_to_speak_cannot_be_started(
    qtbot: QtBot, brevity: App, text: str
) -> None:
    if text:
        _paste(qtbot, brevity, text)
    else:
        brevity.window.tabs.setCurrentIndex(EDIT_TAB)
        brevity.window.editor.text_edit.clear()
    brevity.window.tabs.setCurrentIndex(REHEARSE_TAB)  # saves the text
    start = brevity.window.actions_[ActionId.START_STOP]
    assert not start.isEnabled()
    assert "empty" in start.toolTip()
    assert brevity.window.prompter.hint() == EMPTY_HINT  # says why, where the user looks
    _space(qtbot, brevity)
    brevity.rehearsal.start(brevity.window.editor.text())  # even asked directly
    assert not brevity.rehearsal.running
    assert brevity.repository.list_revisions(brevity.script.id) == []


# --- a megabyte ---------------------------------------------------------------------------
def test_a_megabyte_script_opens_scrolls_and_takes(qtbot: QtBot, brevity: App) -> None:
    text = megabyte_script()
    script = _add_and_select(qtbot, brevity, "A megabyte", text)
    window = brevity.window
    assert window.editor.text() == text
    assert window.actions_[ActionId.START_STOP].isEnabled()
    # The number zones are ready (one number in each "reach me at" sentence) and marked.
    assert len(window.prompter.number_spans()) == text.count("reach me at") > 10
    window.prompter.grab()
    # The coach says the text is too long to check while typing, instead of freezing.
    qtbot.waitUntil(lambda: "Far longer" in window.coach_panel.estimate_label.text())
    assert window.coach.last_report is None

    positions = _take(qtbot, brevity, 600.0)
    assert positions == sorted(positions) and positions[0] > 0  # it scrolls
    (attempt,) = brevity.repository.list_attempts(script.id)
    assert attempt.duration_s == pytest.approx(600.0)
    # Each phone number is one word: "(555) 014-2290" is two tokens, "+1 555 867 5309" four.
    extra_tokens = text.count("(555) 014-2290") + 3 * text.count("+1 555 867 5309")
    assert attempt.words == word_count(text) - extra_tokens
    assert brevity.repository.get_revision(attempt.revision_id).text == text


def test_a_million_characters_on_one_line(qtbot: QtBot, brevity: App) -> None:
    line = one_long_line()
    script = _add_and_select(qtbot, brevity, "One line", line)
    prompter = brevity.window.prompter
    prompter.grab()
    layout = prompter._layout
    assert layout is not None and len(layout.lines) > 3  # wrapped, not one endless line
    for laid_out in layout.lines:
        assert laid_out.static.size().width() <= prompter.width()
    positions = _take(qtbot, brevity, 120.0)
    assert positions == sorted(positions) and positions[-1] > positions[0]
    (attempt,) = brevity.repository.list_attempts(script.id)
    assert attempt.words == len(line.split())

    brevity.window.tabs.setCurrentIndex(EDIT_TAB)
    editor = brevity.window.editor
    editor.grab()  # the editor lays the line out and paints it
    assert editor.text_edit.document().blockCount() == 1
    assert editor.text() == line


# --- Unicode ------------------------------------------------------------------------------
def _as_typed(text: str) -> str:
    """What the editor keeps of ``text``: line and paragraph separators are line breaks."""
    return text.translate({0x2028: "\n", 0x2029: "\n"})


_ODD_TEXTS = [*ODD_TEXTS.values(), "Merci\u00a0! 555\u00a0201\u00a07788"]
_ODD = pytest.mark.parametrize("text", _ODD_TEXTS, ids=[*ODD_TEXTS, "nbsp"])


@_ODD
@pytest.mark.qt_log_ignore(_NO_SHAPING)
def test_odd_unicode_survives_the_editor_autosave_and_a_reopen(
    qtbot: QtBot, brevity: App, tmp_path: Path, text: str
) -> None:
    _paste(qtbot, brevity, text)
    assert brevity.window.editor.text() == _as_typed(text)
    brevity.window.tabs.setCurrentIndex(REHEARSE_TAB)  # flushes the autosave
    _space(qtbot, brevity)  # a take keeps it as a revision too
    brevity.clock.advance(5.0)
    _space(qtbot, brevity)

    reopened = open_database(tmp_path / "brevity.sqlite3")  # a fresh connection
    try:
        repository = Repository(reopened)
        stored = repository.get_script(brevity.script.id)
        assert stored.text == _as_typed(text)
        (revision,) = repository.list_revisions(brevity.script.id)
        assert revision.text == _as_typed(text)
        editor = ScriptEditor()  # and shown again, it is still the same text
        qtbot.addWidget(editor)
        editor.show_script(stored)
        assert editor.text() == _as_typed(text)
    finally:
        close_database(reopened)


@pytest.mark.qt_log_ignore(_NO_SHAPING)
def test_the_prompter_lays_odd_unicode_out_in_reading_order(qtbot: QtBot) -> None:
    text = "\n".join(_as_typed(odd) for odd in ODD_TEXTS.values()) * 3
    prompter = Prompter()
    qtbot.addWidget(prompter)
    prompter.resize(420, 300)  # narrow: many wrapped lines
    prompter.set_font_px(40)
    prompter.set_text(text)
    prompter.grab()
    layout = prompter._layout
    assert layout is not None
    layout.finish()
    for laid_out in layout.lines:  # each line shows exactly its own characters
        shown = laid_out.static.text()
        assert text[laid_out.first_char : laid_out.first_char + len(shown)] == shown
    shown_chars = "".join(line.static.text() for line in layout.lines)
    assert "".join(shown_chars.split()) == "".join(text.split())  # nothing lost or doubled
    assert len(layout.line_of_word) == len(words(text))
    assert layout.line_of_word == sorted(layout.line_of_word)
    content_ys = []
    for step in range(4 * len(words(text))):
        prompter.set_position(step / 4)
        content_ys.append(prompter._content_y(layout)[0])
        if step % 40 == 0:
            prompter.grab()
    assert content_ys == sorted(content_ys)  # the reading line never moves back


@pytest.mark.qt_log_ignore(_NO_SHAPING)
def test_the_coach_reads_odd_unicode(qtbot: QtBot, brevity: App) -> None:
    coach_ = brevity.window.coach
    qtbot.waitUntil(lambda: coach_.ready)
    profile = coach.Profile(name="سام ✨", phone="555-201-7788")
    for text in _ODD_TEXTS:
        _paste(qtbot, brevity, text)
        with qtbot.waitSignal(coach_.reported) as reported:
            coach_.analyse_now()
        assert reported.args[1] == brevity.window.editor.document_text()
        brevity.window.edit_page.grab()  # the checklist and the marks in the text are painted
        report = coach.analyse(
            text, kind=ScriptKind.VOICEMAIL, target_s=30.0, profile=profile, rules=coach_rules()
        )
        assert report.max_score > 0


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # one editor, many texts
)
@given(text=st.text(alphabet=st.characters(exclude_characters="\ufdd0\ufdd1")))
def test_any_text_survives_the_editor(qtbot: QtBot, text: str) -> None:
    """Shown and read back, a text is unchanged but for line breaks, which become "\n", and
    NUL, which is dropped. (U+FDD0 and U+FDD1, non-characters Qt uses to mark frames in a
    document, are outside the domain.)"""
    editor = ScriptEditor()
    qtbot.addWidget(editor)
    editor.show_script(Script("Any", ScriptKind.VOICEMAIL, 30.0, text, id=1))
    expected = _as_typed(text.replace("\r\n", "\n").replace("\r", "\n"))
    assert editor.text() == clean_text(expected)
    assert len(editor.document_text()) == len(expected)  # offsets stay cursor positions


# --- NUL ----------------------------------------------------------------------------------
def test_nul_bytes_typed_or_pasted_are_not_stored(qtbot: QtBot, brevity: App) -> None:
    _paste(qtbot, brevity, "Hi\x00 Jordan, it's Alex\x00 at 555-201-7788.")
    edit = brevity.window.editor.text_edit
    qtbot.keyClicks(edit, " Bye")
    edit.insertPlainText("\x00!")  # as an input method or a drop would put it in
    brevity.window.tabs.setCurrentIndex(REHEARSE_TAB)
    assert brevity.repository.get_script(brevity.script.id).text == (
        "Hi Jordan, it's Alex at 555-201-7788. Bye!"
    )

    name = brevity.window.editor.name_edit
    name.setFocus()
    name.selectAll()
    QApplication.clipboard().setText("Jordan\x00 at Acme")
    qtbot.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert brevity.repository.get_script(brevity.script.id).name == "Jordan at Acme"

    brevity.main_window.activateWindow()
    _take(qtbot, brevity, 20.0)
    note = brevity.window.outcome_panel.note_edit
    note.setFocus()
    QApplication.clipboard().setText("too\x00 fast")
    qtbot.keyClick(note, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(note, Qt.Key.Key_Return)
    (attempt,) = brevity.repository.list_attempts(brevity.script.id)
    assert attempt.note == "too fast"
