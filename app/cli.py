"""``brevity check FILE``: the script coach on the command line, without Qt.

Exit status: 0 when no finding is an ``error``, 1 when one is, 2 for bad usage or a file that
cannot be read as UTF-8 text.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from app.domain.coach import (
    Profile,
    Report,
    Severity,
    analyse,
    word_budget,
)
from app.domain.phone import DEFAULT_REGION
from app.domain.script import ScriptKind
from app.resources import coach_rules

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    """Something the user can fix: print one line, exit 2."""


def check_main(argv: list[str], stdout: TextIO | None = None) -> int:
    """Run ``brevity check`` with ``argv`` (the arguments after ``check``); the exit status."""
    out = stdout or sys.stdout
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage or the help
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        text = _read(args.file)
        region = _region(args.region)
    except _UsageError as error:
        print(f"brevity check: {error}", file=sys.stderr)
        return EXIT_USAGE
    kind = ScriptKind(args.kind)
    report = analyse(
        text,
        kind=kind,
        target_s=args.target if args.target is not None else kind.default_target_s,
        profile=Profile(name=args.name or "", phone=args.phone or "", region=region),
        rules=coach_rules(),
    )
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2), file=out)
    else:
        _print_readably(report, text, "<stdin>" if args.file == "-" else args.file, out)
    has_error = any(f.severity is Severity.ERROR for f in report.findings)
    return EXIT_ERRORS if has_error else EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brevity check",
        description="Check a networking voicemail or pitch: name and number early, the ask "
        "up front, no job ask, short enough to say in the target time.",
        epilog="Exit status: 0 no errors, 1 at least one error, 2 bad usage or unreadable file.",
    )
    parser.add_argument("file", metavar="FILE", help="the script as UTF-8 text; - reads stdin")
    parser.add_argument(
        "--target",
        type=_seconds,
        metavar="SECONDS",
        help="the length to fit in (default: 30 for a voicemail)",
    )
    parser.add_argument("--name", help="your name as you say it (default: found in the text)")
    parser.add_argument("--phone", metavar="NUMBER", help="your call-back number")
    parser.add_argument(
        "--region",
        metavar="CC",
        help="two-letter country code for reading phone numbers (default: from the locale, "
        f"else {DEFAULT_REGION})",
    )
    parser.add_argument(
        "--kind",
        choices=[k.value for k in ScriptKind],
        default=ScriptKind.VOICEMAIL.value,
        help="what the script is for (default: voicemail)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"must be between 0 and 3600 seconds: {value!r}")
    return seconds


def _read(file: str) -> str:
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as error:
        raise _UsageError(f"cannot read {file}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _UsageError(f"{file} is not UTF-8 text") from None


def _region(flag: str | None) -> str:
    if flag is not None:
        if len(flag) != 2 or not flag.isalpha():
            raise _UsageError(f"--region wants a two-letter country code, not {flag!r}")
        return flag.upper()
    return locale_region() or DEFAULT_REGION


def locale_region(environ: dict[str, str] | None = None) -> str:
    """The country of the user's locale ("en_GB.UTF-8" → "GB"), or "" when it names none."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_TELEPHONE", "LANG"):  # the first one set wins (POSIX)
        value = env.get(variable, "")
        if value:
            country = value.partition(".")[0].partition("@")[0].partition("_")[2]
            return country.upper() if len(country) == 2 and country.isalpha() else ""
    return ""


def _print_readably(report: Report, text: str, file: str, out: TextIO) -> None:
    for finding in report.findings:
        line, column = _position(text, finding.start)
        print(
            f"{file}:{line}:{column}: {finding.severity.value} [{finding.id}] "
            f"{finding.message} Fix: {finding.fix}",
            file=out,
        )
    budget = word_budget(report.words_left)
    print(
        f"Score {report.score} of {report.max_score} · {report.words} words · "
        f"about {report.estimated_seconds:.1f} s of {report.target_s:g} s at "
        f"{report.rate.description} · {budget}",
        file=out,
    )


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
