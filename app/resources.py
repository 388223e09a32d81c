"""One place that finds shipped files (icons, styles, starter scripts).

In the source tree they live in top-level ``resources/`` and ``data/``; an installed wheel
or a frozen bundle carries them as ``app/_shipped/resources`` and ``app/_shipped/data``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the coach is imported when its rules are first needed, not at start-up
    from app.domain.coach import Rules

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _roots() -> tuple[Path, ...]:
    candidates = [_PACKAGE_DIR / "_shipped", _PACKAGE_DIR.parent]
    frozen_dir = getattr(sys, "_MEIPASS", None)
    if frozen_dir:
        candidates.insert(0, Path(frozen_dir))
    return tuple(root for root in candidates if (root / "resources").is_dir())


def resource_path(*parts: str) -> Path:
    """Path of a shipped file such as ``resource_path("resources", "icons", "play.svg")``."""
    for root in _roots():
        path = root.joinpath(*parts)
        if path.exists():
            return path
    raise FileNotFoundError("/".join(parts))


def icon_path(name: str) -> Path:
    return resource_path("resources", "icons", f"{name}.svg")


def coach_rules() -> Rules:
    """The script coach's word lists, from every ``data/coach/*.txt`` (keyed by file stem)."""
    from app.domain.coach import parse_rules

    folder = resource_path("data", "coach")
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
    return parse_rules(texts)
