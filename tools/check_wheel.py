"""Check a built wheel: every file of resources/ and data/ is inside it as app/_shipped/...

    python tools/check_wheel.py dist/brevity-X.Y.Z-py3-none-any.whl

Also checks the ``brevity`` command and that no tests or build tools leaked in, then prints
the wheel's size. ``make wheel`` runs it after every build.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_FOLDERS = ("resources", "data")


def expected_files() -> set[str]:
    """The same selection as setup.py: whole folders, minus hidden files and caches."""
    names = set()
    for folder in SHIPPED_FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            relative = path.relative_to(ROOT)
            hidden = any(p.startswith(".") or p == "__pycache__" for p in relative.parts)
            if path.is_file() and not hidden and path.suffix != ".pyc":
                names.add(f"app/_shipped/{relative.as_posix()}")
    return names


def problems(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next((n for n in names if n.endswith(".dist-info/entry_points.txt")), "")
        scripts = archive.read(entry_points).decode() if entry_points else ""
    found = [f"missing from the wheel: {name}" for name in sorted(expected_files() - names)]
    if "brevity = app.__main__:main" not in scripts:
        found.append("the wheel declares no `brevity` command")
    found += [f"should not ship: {n}" for n in sorted(names) if n.startswith(("tests/", "tools/"))]
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    wheel = Path(argv[0])
    found = problems(wheel)
    for problem in found:
        print(f"check_wheel: {problem}", file=sys.stderr)
    if found:
        return 1
    print(f"check_wheel: OK: {wheel.name}, {wheel.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
