"""app.resources finds shipped files in every layout: source tree, wheel, frozen bundle.

The wheel and the bundle carry ``resources/`` and ``data/`` as ``app/_shipped/``; a frozen
bundle may also put them beside the executable (``sys._MEIPASS``). Each layout is laid out
for real in a temporary folder and checked in a fresh interpreter, away from the repository.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.resources import icon_path, resource_path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
if len(sys.argv) > 1:
    sys._MEIPASS = sys.argv[1]
from app.resources import icon_path, resource_path
print(json.dumps([str(icon_path("brevity")),
                  str(resource_path("data", "starter_scripts.json"))]))
"""


def _app_without_files(site: Path) -> Path:
    """A copy of the package code alone (as a wheel installs it), without any shipped file."""
    package = site / "app"
    package.mkdir(parents=True)
    for name in ("__init__.py", "resources.py"):
        shutil.copy(ROOT / "app" / name, package / name)
    return package


def _ship_into(root: Path) -> None:
    for folder in ("resources", "data"):
        shutil.copytree(ROOT / folder, root / folder)


def _probe(site: Path, cwd: Path, *args: str) -> list[str]:
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(site)!r})\n" + PROBE,
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found: list[str] = json.loads(result.stdout)
    return found


def test_the_source_tree_layout_finds_every_shipped_file() -> None:
    for folder in ("resources", "data"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file():
                parts = path.relative_to(ROOT).parts
                assert resource_path(*parts) == path
    assert icon_path("brevity") == ROOT / "resources" / "icons" / "brevity.svg"


def test_an_installed_wheel_layout_reads_app_shipped(tmp_path: Path) -> None:
    package = _app_without_files(tmp_path / "site-packages")
    _ship_into(package / "_shipped")
    icon, starters = _probe(tmp_path / "site-packages", tmp_path)
    assert Path(icon) == package / "_shipped" / "resources" / "icons" / "brevity.svg"
    assert Path(starters) == package / "_shipped" / "data" / "starter_scripts.json"


def test_a_frozen_layout_reads_meipass(tmp_path: Path) -> None:
    _app_without_files(tmp_path / "bundle" / "lib")
    frozen = tmp_path / "bundle" / "_internal"
    _ship_into(frozen)
    icon, starters = _probe(tmp_path / "bundle" / "lib", tmp_path, str(frozen))
    assert Path(icon) == frozen / "resources" / "icons" / "brevity.svg"
    assert Path(starters) == frozen / "data" / "starter_scripts.json"


def test_a_missing_file_is_reported_by_name() -> None:
    with pytest.raises(FileNotFoundError, match=r"icons/no-such-icon\.svg"):
        icon_path("no-such-icon")
