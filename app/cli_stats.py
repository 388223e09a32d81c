"""``brevity stats [--script NAME] [--json]``: the Progress figures without a window.

It prints, from the same code as the window (``domain.stats.summarize`` and the cards' words
in ``domain.stats_cards``), what the Progress cards and the chart show: today, the streak, the
best take with its id, take number and length, on target and the trend. It reads the readable
pace from the window's preferences file, so a take too fast to follow is judged the same way.
Exit status: 0 done, 1 no library or it could not be read, 2 bad usage or no such script.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from app.domain.attempt import Attempt
from app.domain.stats import summarize
from app.domain.stats_cards import cards
from app.paths import data_dir, readable_pace, settings_file
from app.storage.database import DATABASE_FILENAME, DatabaseError, close_database, open_database
from app.storage.repository import Repository

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Failure(Exception):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def stats_main(argv: list[str], stdout: TextIO | None = None) -> int:
    """Run ``brevity stats`` with ``argv`` (the arguments after ``stats``); the exit status."""
    out = stdout or sys.stdout
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage or the help
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        figures = progress_figures(args.data_dir, args.script)
    except _Failure as failure:
        print(f"brevity stats: {failure}", file=sys.stderr)
        return failure.status
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2), file=out)
    else:
        _print_readably(figures, out)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brevity stats",
        description="Print the Progress figures the window shows: today, streak, best take, "
        "on target and trend, for one script or for all of them.",
        epilog="Exit status: 0 done, 1 no library or it could not be read, 2 bad usage or no "
        "such script.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help="where the database lives (default: the user data directory; also $BREVITY_DATA_DIR)",
    )
    parser.add_argument("--script", metavar="NAME", help="one script's takes (default: all)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def progress_figures(flag: str | None, script_name: str | None) -> dict[str, object]:
    """The figures as ``--json`` prints them."""
    readable_wpm = readable_pace(settings_file(flag))
    name, attempts = _takes(data_dir(flag), script_name)
    now = datetime.now().astimezone()
    assert now.tzinfo is not None
    summary = summarize(attempts, now.date(), now.tzinfo, readable_wpm)
    return {
        "script": name,
        "readable_wpm": readable_wpm,
        **summary.to_json(),
        "cards": {card.caption: {"value": card.value, "detail": card.detail}
                  for card in cards(summary)},
    }  # fmt: skip


def _takes(folder: Path, script_name: str | None) -> tuple[str | None, list[Attempt]]:
    database = folder / DATABASE_FILENAME
    if not database.exists():
        raise _Failure(f"there is no Brevity library in {folder}", EXIT_FAILED)
    try:
        db = open_database(database)
    except DatabaseError as error:
        raise _Failure(str(error), EXIT_FAILED) from None
    try:
        repository = Repository(db)
        if script_name is None:
            return None, repository.list_attempts()
        scripts = repository.list_scripts()
        wanted = script_name.casefold()
        script = next((s for s in scripts if s.name.casefold() == wanted), None)
        if script is None or script.id is None:
            names = ", ".join(f"“{s.name}”" for s in scripts) or "none"
            raise _Failure(f"no script named “{script_name}” (scripts: {names})", EXIT_USAGE)
        return script.name, repository.list_attempts(script.id)
    except sqlite3.Error as error:
        raise _Failure(f"could not read the library in {folder}: {error}", EXIT_FAILED) from None
    finally:
        close_database(db)


def _print_readably(figures: dict[str, object], out: TextIO) -> None:
    print(figures["script"] or "All scripts", file=out)
    shown = figures["cards"]
    assert isinstance(shown, dict)
    width = max(len(caption) for caption in shown)
    for caption, card in shown.items():
        print(f"  {caption:<{width}}  {card['value']}  {card['detail']}", file=out)
    best = figures["best"]
    if isinstance(best, dict):
        print(f"  Best take: id {best['id']}, take {best['take']} on the chart", file=out)
