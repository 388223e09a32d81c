"""The script coach in the window: one pause in typing, from the text to the painted panel.

Times what runs on the GUI thread when typing pauses on a 1,000-word script — the analysis,
the panel, the marks in the editor and the info line — through the real ScriptCoach and
EditPage, with the dictionary warm (it loads on a worker thread at start-up). Also a
keystroke with its repaint in that script, one paragraph with all its marks; a keystroke in
a 1 MB script (it must only restart a timer); and the "too long" path there.
Prints `name: value unit` lines; exits 1 when a 1,000-word pause takes over 20 ms (p95).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QApplication

from app.domain import coach
from app.domain.script import Script, ScriptKind
from app.resources import coach_rules
from app.storage.database import close_database, open_database
from app.storage.repository import Repository
from app.ui.edit_page import EditPage
from app.ui.script_coach import ScriptCoach
from benchmarks._common import percentile_ms

RUNS = 60
PARAGRAPH = (
    "Hi Jordan, um, it's Alex Rivera at 555-201-7788, calling for your advice on supply chain "
    "planning. We worked together at Northfield Foods for five years, and I basically ran the "
    "warehouse floor and I think I was looking for a job like yours. Could we find 15 minutes "
    "next week? Again, Alex Rivera, 555-201-7788. Thanks, Jordan. "
)


def script_of(words: int) -> str:
    paragraph_words = PARAGRAPH.split()
    return " ".join((paragraph_words * (words // len(paragraph_words) + 1))[:words])


def _pause_times(
    app: QApplication, scripted: ScriptCoach, page: EditPage, edit: bool, paints: list[float]
) -> list[float]:
    """Seconds per pause; ``edit`` alternates a word so the checklist changes each time."""
    text_edit = page.editor.text_edit
    times: list[float] = []
    for run in range(RUNS):
        if edit:
            cursor = QTextCursor(text_edit.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(" um" if run % 2 == 0 else "")
            if run % 2:
                cursor.movePosition(QTextCursor.MoveOperation.End)
                cursor.movePosition(
                    QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 3
                )
                cursor.removeSelectedText()
        start = time.perf_counter()
        scripted.analyse_now()
        analysed = time.perf_counter()
        app.processEvents()  # layout and paint of the new panel and marks
        times.append(analysed - start)
        paints.append(time.perf_counter() - analysed)
    return times


def main() -> int:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    coach.warm_up()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite3")
        repository = Repository(db)
        script = repository.add_script(Script("Bench", ScriptKind.VOICEMAIL, 30.0, script_of(1000)))
        page = EditPage()
        page.resize(900, 800)
        page.show()
        scripted = ScriptCoach(repository, page.editor.document_text, coach_rules())
        scripted.reported.connect(page.show_report)
        scripted.too_long.connect(page.show_too_long)
        scripted.ready = True  # warmed above
        page.editor.show_script(script)
        scripted.set_script(script)
        app.processEvents()
        paints: list[float] = []
        same = _pause_times(app, scripted, page, False, [])
        changed = _pause_times(app, scripted, page, True, paints)
        viewport = page.editor.text_edit.viewport()
        image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
        marked_keys = []
        for _ in range(RUNS):  # one 1,000-word paragraph with its marks: type and repaint
            start = time.perf_counter()
            page.editor.text_edit.insertPlainText("x")
            viewport.render(image)
            marked_keys.append(time.perf_counter() - start)
        page.editor.text_edit.textChanged.connect(scripted.schedule)
        # About 1 MB in sentences of their own lines. (One 1 MB line is slow in any
        # QPlainTextEdit, coach or not: Qt lays the whole paragraph out again per key.)
        page.editor.text_edit.setPlainText(script_of(200_000).replace(". ", ".\n"))
        keys = []
        for _ in range(RUNS):
            start = time.perf_counter()
            page.editor.text_edit.insertPlainText("x")
            keys.append(time.perf_counter() - start)
        start = time.perf_counter()
        scripted.analyse_now()
        too_long_s = time.perf_counter() - start
        close_database(db)
    print(f"coach_pause_1000_words_median: {statistics.median(same) * 1000:.2f} ms")
    print(f"coach_pause_1000_words_p95: {percentile_ms(same, 95):.2f} ms")
    print(
        f"coach_pause_1000_words_new_checklist_median: {statistics.median(changed) * 1000:.2f} ms"
    )
    print(f"coach_pause_1000_words_new_checklist_p95: {percentile_ms(changed, 95):.2f} ms")
    print(f"coach_repaint_after_new_checklist_median: {statistics.median(paints) * 1000:.2f} ms")
    marked = statistics.median(marked_keys) * 1000
    print(f"coach_keystroke_and_repaint_1000_words_marked_median: {marked:.2f} ms")
    print(f"coach_keystroke_1mb_median: {statistics.median(keys) * 1000:.3f} ms")
    print(f"coach_too_long_1mb: {too_long_s * 1000:.1f} ms")
    return 0 if max(percentile_ms(same, 95), percentile_ms(changed, 95)) <= 20.0 else 1


if __name__ == "__main__":
    sys.exit(main())
