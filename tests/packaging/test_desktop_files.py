"""The desktop entry and the AppStream metainfo: valid, and consistent with the app.

The validators run when they are installed; with ``BREVITY_REQUIRE_PACKAGING_TOOLS=1`` (set by
``.ci/run``) a missing validator fails the test instead of skipping it, so CI cannot pass by
silently checking nothing.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_FILE = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
TIMEOUT_S = 60


def require_tool(name: str) -> str:
    """The tool's path; skip when it is missing, or fail when CI says it must be there."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (tools/packaging-deps.sh validate installs it)"
        if os.environ.get("BREVITY_REQUIRE_PACKAGING_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def _validate(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)


def _desktop_entry(path: Path = DESKTOP_FILE) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = _validate(require_tool("desktop-file-validate"), str(DESKTOP_FILE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    result = _validate(require_tool("appstreamcli"), "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_desktop_entry_names_the_app_its_icon_and_command() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID  # the hicolor icons are installed under the app id
    assert entry["Exec"].split()[0] == "brevity"  # the wheel's gui-script
    assert entry["Terminal"] == "false"


def test_the_metainfo_matches_the_app_and_the_project() -> None:
    component = ET.parse(METAINFO).getroot()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("name") == APP_NAME
    assert component.findtext("metadata_license") == "CC0-1.0"
    assert component.findtext("project_license") == project["license"]
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert component.find("content_rating[@type='oars-1.1']") is not None
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    assert newest.get("date")


def test_the_metainfo_describes_a_screenshot_with_a_caption() -> None:
    component = ET.parse(METAINFO).getroot()
    screenshot = component.find("screenshots/screenshot[@type='default']")
    assert screenshot is not None
    assert (screenshot.findtext("caption") or "").strip()
    url = (screenshot.findtext("image") or "").strip()
    assert url.startswith("https://") and url.endswith("/docs/screenshot.png")
    assert (ROOT / "docs" / "screenshot.png").is_file()  # the file that URL serves


def test_install_desktop_puts_entry_metainfo_and_icons_under_the_prefix(
    tmp_path: Path, qapp: object
) -> None:
    from tests.packaging.test_icons import render_icons

    icons = tmp_path / "icons"
    render_icons(icons)
    datadir = tmp_path / "stage" / "share"
    bundle = tmp_path / "My Apps" / "brevity" / "brevity"  # a path with a space
    result = subprocess.run(
        ["sh", str(ROOT / "tools" / "install-desktop.sh"), str(datadir), str(bundle), str(icons)],
        capture_output=True,
        text=True,
        env={**os.environ, "BREVITY_DESTDIR": str(tmp_path / "stage")},
        timeout=TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    installed = datadir / "applications" / DESKTOP_FILE.name
    assert _desktop_entry(installed)["Exec"] == f'"{bundle}"'
    assert (datadir / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    for size in ("16x16", "48x48", "256x256", "512x512"):
        assert (datadir / "icons" / "hicolor" / size / "apps" / f"{APP_ID}.png").is_file()
    assert (datadir / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = _validate("desktop-file-validate", str(installed))
        assert check.returncode == 0, check.stdout
