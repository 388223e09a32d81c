"""Takes as CSV for a spreadsheet, with formula injection neutralised.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and
some treat a leading tab, CR or NUL the same way), so a note such as
``=HYPERLINK("http://evil", "click")`` could act when the file is opened. Such text cells get a
leading apostrophe, which spreadsheets show as "this is text". Numbers are written as numbers,
so ``-3.2`` stays a number you can sum.

"Over target" and the verdict use the take's spoken length when it was measured (as the app
does); "Spoken (s)", "Pauses" and "Longest pause (s)" are empty for a take that was not. The
verdict is the one the result line and the Progress cards give (``domain.verdicts.judge``):
on, under, over, too fast or abandoned.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import datetime

from app.domain.attempt import Attempt
from app.domain.script import Script
from app.domain.verdicts import DEFAULT_READABLE_WPM, judge

Cell = str | int | float
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")
HEADER: tuple[str, ...] = (
    "Script", "Kind", "Started (UTC)", "Duration (s)", "Target (s)", "Over target (s)",
    "Verdict", "Words", "Read to the end", "Outcome", "Version", "Spoken (s)", "Pauses",
    "Longest pause (s)", "Note",
)  # fmt: skip


def neutralise(cell: Cell) -> Cell:
    """``cell`` as it is safe to write: text that a spreadsheet would run gets a ``'``."""
    if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


def csv_rows(
    attempts: Iterable[Attempt],
    scripts: Iterable[Script],
    revision_numbers: Mapping[int, int],
    readable_wpm: float = DEFAULT_READABLE_WPM,
) -> list[list[Cell]]:
    """The header and one neutralised row per take (``revision_numbers``: id → number)."""
    by_id = {script.id: script for script in scripts}
    rows: list[list[Cell]] = [list(HEADER)]
    for attempt in attempts:
        script = by_id.get(attempt.script_id)
        started = datetime.fromisoformat(attempt.started_at)
        row: list[Cell] = [
            script.name if script else "",
            script.kind.label if script else "",
            started.strftime("%Y-%m-%d %H:%M:%S"),
            round(attempt.duration_s, 2),
            attempt.target_s,
            round(attempt.timed_s - attempt.target_s, 2),
            judge(attempt, readable_wpm).value,
            attempt.words,
            "yes" if attempt.reached_end else "no",
            attempt.outcome.value,
            revision_numbers.get(attempt.revision_id, ""),
            _rounded(attempt.spoken_s),  # the voice columns: new ones go before the note
            attempt.pauses if attempt.pauses is not None else "",
            _rounded(attempt.longest_pause_s),
            attempt.note,
        ]
        rows.append([neutralise(cell) for cell in row])
    return rows


def _rounded(seconds: float | None) -> Cell:
    """A measured figure to the hundredth, or an empty cell when it was not measured."""
    return "" if seconds is None else round(seconds, 2)


def csv_text(rows: Iterable[list[Cell]]) -> str:
    """``rows`` as CSV text (RFC 4180 quoting, CRLF line ends); encode it as ``utf-8-sig`` so
    spreadsheets recognise UTF-8."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_plain(cell) for cell in row])
    return buffer.getvalue()


def _plain(cell: Cell) -> Cell:
    """NUL cannot live in a CSV cell that spreadsheets read back; every other character can."""
    return cell.replace("\0", "") if isinstance(cell, str) else cell
