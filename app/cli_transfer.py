"""``brevity export`` and ``brevity import``: the library in and out, without Qt.

They open the same database as the window (``--data-dir``, else ``BREVITY_DATA_DIR``, else
the user data folder) and work while Brevity is running: an import is one transaction.
Exit status: 0 done, 1 the library could not be read or written (nothing changed), 2 bad
usage or an input file that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from sqlite_utils import Database

from app.domain.library_format import LibraryFormatError, library_text, parse_library
from app.domain.script import word_count
from app.domain.script_file import (
    FALLBACK_ENCODINGS,
    NotUtf8Error,
    ScriptFileError,
    decode_script_file,
    decode_with_encoding,
    draft_from_text,
)
from app.domain.wording import plural
from app.paths import data_dir, readable_pace, settings_file
from app.storage.atomic_file import write_atomically
from app.storage.database import DATABASE_FILENAME, DatabaseError, close_database, open_database
from app.storage.repository import Repository
from app.storage.transfer import import_draft, import_library, read_library, takes_csv

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MAX_LIBRARY_BYTES = 512 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})


class _Failure(Exception):
    """Print ``str()`` after the command's name and exit with ``status``."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def export_main(argv: list[str]) -> int:
    """``brevity export --json FILE`` and/or ``--csv FILE``; the exit status."""
    parser = _parser("export", "Export the library as JSON (everything, for a backup or "
                     "another computer) and/or the takes as CSV (for a spreadsheet).")  # fmt: skip
    parser.add_argument("--json", metavar="FILE", help="the whole library (- for stdout)")
    parser.add_argument("--csv", metavar="FILE", help="every take, one row each (- for stdout)")
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    if not args.json and not args.csv:
        parser.print_usage(sys.stderr)
        print("brevity export: say what to export: --json FILE and/or --csv FILE", file=sys.stderr)
        return EXIT_USAGE
    to_stdout = "-" in (args.json, args.csv)  # then the summary must not mix into the data
    return _run("export", lambda: _export(args), sys.stderr if to_stdout else sys.stdout)


def import_main(argv: list[str]) -> int:
    """``brevity import FILE``: a library export (.json) or a script (.txt / .md)."""
    parser = _parser("import", "Import a Brevity library export (.json), merging it into the "
                     "library, or a script from a text file (.txt, .md).")  # fmt: skip
    parser.add_argument("file", metavar="FILE", help="a .json library export or a .txt/.md script")
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="for a text file that is not UTF-8: its encoding, e.g. "
        + ", ".join(code for code, _ in FALLBACK_ENCODINGS[:3]),
    )
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    return _run("import", lambda: _import(args), sys.stdout)


def _parser(command: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"brevity {command}",
        description=description,
        epilog="Exit status: 0 done, 1 the library could not be read or written (nothing "
        "changed), 2 bad usage or an unreadable file.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help="where the database lives (default: the user data directory; also $BREVITY_DATA_DIR)",
    )
    return parser


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage or the help
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE


def _run(command: str, work: Callable[[], str], summary_to: TextIO) -> int:
    try:
        message = work()
    except _Failure as failure:
        print(f"brevity {command}: {failure}", file=sys.stderr)
        return failure.status
    print(message, file=summary_to)
    return EXIT_OK


def _export(args: argparse.Namespace) -> str:
    messages = []
    with _repository(args.data_dir, create=False) as repo:
        if args.json:
            library = read_library(repo)
            _write(args.json, library_text(library).encode("utf-8"))
            revisions = sum(len(s.revisions) for s in library.scripts)
            takes = sum(len(s.attempts) for s in library.scripts)
            messages.append(
                f"Exported {plural(len(library.scripts), 'script')}, "
                f"{plural(revisions, 'revision')} and {plural(takes, 'take')} to {args.json}"
            )
        if args.csv:
            text, takes = takes_csv(repo, readable_pace(settings_file(args.data_dir)))
            _write(args.csv, text.encode("utf-8-sig"))
            messages.append(f"Exported {plural(takes, 'take')} to {args.csv}")
    return "\n".join(messages)


def _import(args: argparse.Namespace) -> str:
    path = Path(args.file)
    data = _read(path)
    is_text = path.suffix.lower() in TEXT_SUFFIXES or (
        path.suffix.lower() != ".json" and not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    )
    if is_text:
        draft = draft_from_text(path.stem, _decode(data, args.file, args.encoding))
        with _repository(args.data_dir, create=True) as repo:
            script = import_draft(repo, draft)
        return f"Imported “{script.name}” ({plural(word_count(script.text), 'word')}) from {path}"
    try:
        library = parse_library(json.loads(data.decode("utf-8-sig")))
    except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeError are too
        detail = str(error) if isinstance(error, LibraryFormatError) else f"not valid JSON: {error}"
        raise _Failure(f"{path} cannot be imported. {detail}", EXIT_USAGE) from None
    with _repository(args.data_dir, create=True) as repo:
        summary = import_library(repo, library)
    return summary.describe(str(path))


def _decode(data: bytes, name: str, encoding: str | None) -> str:
    try:
        if encoding is None:
            return decode_script_file(data)
        return decode_with_encoding(data, encoding)
    except NotUtf8Error as error:
        choices = ", ".join(code for code, _ in FALLBACK_ENCODINGS[:3])
        raise _Failure(
            f"{name}: {error} Say which encoding it uses with --encoding ({choices}, ...).",
            EXIT_USAGE,
        ) from None
    except ScriptFileError as error:
        raise _Failure(f"{name}: {error}", EXIT_USAGE) from None


@contextmanager
def _repository(flag: str | None, *, create: bool) -> Iterator[Repository]:
    folder = data_dir(flag)
    database = folder / DATABASE_FILENAME
    if not create and not database.exists():
        raise _Failure(f"there is no Brevity library in {folder}: nothing to export", EXIT_FAILED)
    try:
        db: Database = open_database(database)
    except DatabaseError as error:
        raise _Failure(str(error), EXIT_FAILED) from None
    try:
        yield Repository(db)
    except sqlite3.Error as error:
        raise _Failure(
            f"could not use the library in {folder}: {error}. Nothing was changed.", EXIT_FAILED
        ) from None
    finally:
        close_database(db)


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_LIBRARY_BYTES:
            raise _Failure(f"{path} is too large to be a Brevity file", EXIT_USAGE)
        return path.read_bytes()
    except OSError as error:
        raise _Failure(f"cannot read {path}: {error.strerror or error}", EXIT_USAGE) from None


def _write(target: str, data: bytes) -> None:
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        write_atomically(Path(target), data)
    except OSError as error:
        raise _Failure(
            f"cannot write {target}: {error.strerror or error}. Nothing was written.", EXIT_FAILED
        ) from None
