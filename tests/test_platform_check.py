"""A start whose Qt cannot load its X11 platform plugin says which command fixes it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.platform_check import XCB_PLUGIN, debian_package, platform_problem, xcb_plugin

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libX11.so.6", "libx11-6"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_a_library_is_named_by_its_debian_package(soname: str, package: str) -> None:
    assert debian_package(soname) == package


def test_xcb_is_checked_only_when_qt_will_use_it(tmp_path: Path) -> None:
    (tmp_path / XCB_PLUGIN).write_bytes(b"")
    here = {"QT_QPA_PLATFORM_PLUGIN_PATH": str(tmp_path)}
    assert xcb_plugin({**here, "DISPLAY": ":0"}, "linux") == tmp_path / XCB_PLUGIN
    assert xcb_plugin({**here, "QT_QPA_PLATFORM": "xcb"}, "linux") == tmp_path / XCB_PLUGIN
    assert xcb_plugin({**here, "DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert xcb_plugin({**here, "DISPLAY": ":0", **wayland}, "linux") is None
    assert xcb_plugin({**here}, "linux") is None  # no display: the app says so itself
    assert xcb_plugin({**here, "DISPLAY": ":0"}, "darwin") is None


def test_a_plugin_that_loads_is_no_problem() -> None:
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    installed = xcb_plugin({"DISPLAY": ":0"})
    if installed is None:
        pytest.skip("this PySide6 has no xcb plugin")
    assert platform_problem({"DISPLAY": ":0"}) is None  # this machine has its libraries


def _plugin_needing_a_missing_library(folder: Path) -> Path:
    """A stand-in libqxcb.so that links a library which is then removed, as a machine
    without libxcb-cursor0 has Qt's."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build a stand-in plugin")
    source = folder / "empty.c"
    source.write_text("int brevity_stand_in(void) { return 0; }\n")
    gone = folder / "libbrevity-gone.so.0"
    plugins = folder / "platforms"
    plugins.mkdir()
    build = [compiler, "-shared", "-fPIC", "-o"]
    subprocess.run([*build, str(gone), "-Wl,-soname,libbrevity-gone.so.0", str(source)],
                   check=True, timeout=60)  # fmt: skip
    link = [f"-L{folder}", "-Wl,--no-as-needed", "-l:libbrevity-gone.so.0"]  # keep the need
    subprocess.run([*build, str(plugins / XCB_PLUGIN), str(source), *link], check=True,
                   timeout=60)  # fmt: skip
    gone.unlink()
    return plugins


def test_a_start_without_the_plugins_libraries_names_the_command_that_fixes_it(
    tmp_path: Path,
) -> None:
    plugins = _plugin_needing_a_missing_library(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "BREVITY_"))}
    env.update(DISPLAY=":99", QT_QPA_PLATFORM_PLUGIN_PATH=str(plugins), HOME=str(tmp_path))
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data")], cwd=ROOT,
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "xcb" in done.stderr and "libbrevity-gone.so.0" in done.stderr
    assert "sudo apt-get install --no-install-recommends libbrevity-gone0" in done.stderr
    assert "Could not load the Qt platform plugin" not in done.stderr  # not Qt's abort
    assert not (tmp_path / "data").exists()  # it stopped before touching anything
