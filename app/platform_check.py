"""Before the first window on X11: can Qt's xcb platform plugin load? If not, say what fixes it.

Without the system libraries the plugin links (libxcb-cursor, libxkbcommon-x11, ...) Qt
prints "Could not load the Qt platform plugin "xcb"" and aborts, which tells a user neither
what is missing nor what to run. So the plugin is loaded here first, the way Qt will load it;
when that fails, the message names the missing libraries and the command that installs them.
Qt-free and cheap: Qt loads the same library a moment later anyway.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

XCB_PLUGIN = "libqxcb.so"
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)
_CANNOT_OPEN = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")
# Debian names a library's package after its soname (libfoo.so.1 -> libfoo1, libfoo2.so.0 ->
# libfoo2-0); these few are named otherwise.
_PACKAGE_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
}


def platform_problem(environ: Mapping[str, str]) -> str | None:
    """What stops Qt from opening a window here, with the fix; None when nothing does (or
    Qt will not use xcb: Wayland, offscreen, not Linux)."""
    plugin = xcb_plugin(environ)
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(debian_package(lib) for lib in missing))
    return (
        "brevity: Qt cannot open a window: its X11 (xcb) platform plugin needs "
        f"{', '.join(missing)}, which this system lacks. Install them with:\n\n"
        f"    sudo apt-get install --no-install-recommends {packages}\n\n"
        "(from a source checkout, `make install` does this; on other distributions install "
        "the equivalent packages), then start Brevity again."
    )


def xcb_plugin(environ: Mapping[str, str], platform: str = sys.platform) -> Path | None:
    """The xcb plugin Qt is about to load, or None when it will not load one."""
    requested = environ.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux") or (requested and not requested.startswith("xcb")):
        return None
    wayland = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    if not requested and (wayland or not environ.get("DISPLAY")):
        return None
    folders = [Path(p) for p in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(":") if p]
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        folders.append(Path(spec.origin).parent / "Qt" / "plugins" / "platforms")
    return next((f / XCB_PLUGIN for f in folders if (f / XCB_PLUGIN).is_file()), None)


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that cannot be found; empty if it loads."""
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LOCAL)  # as Qt's plugin loader opens it
    except OSError as error:
        return _ldd_not_found(plugin) or _CANNOT_OPEN.findall(str(error)) or [plugin.name]
    return []


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that holds the library ``soname`` (libxcb-icccm.so.4 ->
    libxcb-icccm4)."""
    if soname in _PACKAGE_EXCEPTIONS:
        return _PACKAGE_EXCEPTIONS[soname]
    name, _, version = soname.partition(".so.")
    name = name.lower().replace("_", "-")
    if not version:
        return name
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def _ldd_not_found(plugin: Path) -> list[str]:
    """Every library ldd cannot find for ``plugin`` (the loader names only the first)."""
    qt_lib = plugin.resolve().parents[2] / "lib"
    environment = {**os.environ, "LD_LIBRARY_PATH": str(qt_lib)}
    try:
        listing = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, env=environment,
            timeout=10, check=False,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(listing)))
