"""The set-up scripts behind `make run` / `make test`, run for real with stand-in commands.

They decide what a new user's first minutes look like: finding a Python >= 3.12 that really
runs, and naming the exact packages when Qt's system libraries are missing.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIND_PYTHON = ROOT / "tools" / "find-python.sh"
SYSTEM_DEPS = ROOT / "tools" / "system-deps.sh"
SYSTEM_PATH = "/usr/bin:/bin"  # sh, awk, ldconfig, id - but no python3.12/3.13 of ours


def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def _run(script: Path, *args: str, path: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": path, "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run(
        ["/bin/sh", str(script), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_a_failing_shim_is_skipped_for_a_python_that_runs(tmp_path: Path) -> None:
    # Like pyenv's shim for an inactive version: the name exists but running it fails.
    _stub(tmp_path, "python3.13", 'echo "pyenv: python3.13: command not found" >&2; exit 127')
    _stub(tmp_path, "python3.12", f'exec "{sys.executable}" "$@"')
    done = _run(FIND_PYTHON, path=f"{tmp_path}:{SYSTEM_PATH}", BREVITY_PYTHON="")
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).resolve() == Path(sys.executable).resolve()


def test_an_old_python3_is_not_accepted(tmp_path: Path) -> None:
    _stub(tmp_path, "python3", 'exec "$REAL" -c "import sys; sys.exit(1)"')  # like 3.11
    _stub(tmp_path, "pyenv", "exit 1")  # no pyenv versions to fall back on
    for tool in ("cat", "sort", "ls"):  # the script's helpers, without any other python
        (tmp_path / tool).symlink_to(f"/bin/{tool}")
    done = _run(FIND_PYTHON, path=str(tmp_path), REAL=sys.executable)
    if done.returncode == 0:  # a 3.12+ in /usr/bin or /usr/local/bin was found by full path
        assert Path(done.stdout.strip()).is_absolute()
        pytest.skip("this machine has a system Python >= 3.12 at a standard path")
    assert done.returncode == 1
    assert "Brevity needs Python 3.12 or newer" in done.stderr
    assert "apt-get install python3.12" in done.stderr


def test_brevity_python_must_really_work(tmp_path: Path) -> None:
    done = _run(FIND_PYTHON, path=SYSTEM_PATH, BREVITY_PYTHON=str(tmp_path / "missing"))
    assert done.returncode == 1
    assert "BREVITY_PYTHON" in done.stderr


def _system_deps_with_ldd_in(folder: Path) -> subprocess.CompletedProcess[str]:
    """system-deps.sh with the stand-in ``ldd`` in ``folder`` first on PATH, never installing."""
    return _run(
        SYSTEM_DEPS,
        sys.executable,
        "offscreen",
        path=f"{folder}:{os.environ['PATH']}",
        BREVITY_NO_APT="1",
    )


def test_missing_qt_libraries_are_named_with_their_packages(tmp_path: Path) -> None:
    _stub(
        tmp_path,
        "ldd",
        'echo "\tlibxkbcommon.so.0 => not found"; '
        'echo "\tlibEGL.so.1 => not found"; '
        'echo "\tlibc.so.6 => /lib/libc.so.6"',
    )
    done = _system_deps_with_ldd_in(tmp_path)
    assert done.returncode == 1
    assert "apt-get install --no-install-recommends" in done.stderr
    assert "libxkbcommon0" in done.stderr and "libegl1" in done.stderr
    assert "libc6" not in done.stderr


def test_nothing_missing_means_nothing_to_do(tmp_path: Path) -> None:
    _stub(tmp_path, "ldd", 'echo "\tlibc.so.6 => /lib/libc.so.6"')
    done = _system_deps_with_ldd_in(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_missing_audio_libraries_are_named_with_their_packages(tmp_path: Path) -> None:
    # What QtMultimedia, its FFmpeg plugin and QtNetwork need that a minimal Debian lacks
    # (found with ldd in a debootstrap --variant=minbase chroot).
    _stub(
        tmp_path,
        "ldd",
        'echo "\tlibpulse.so.0 => not found"; '
        'echo "\tlibXrandr.so.2 => not found"; '
        'echo "\tlibdrm.so.2 => not found"; '
        'echo "\tlibbrotlidec.so.1 => not found"; '
        'echo "\tlibgssapi_krb5.so.2 => not found"',
    )
    done = _system_deps_with_ldd_in(tmp_path)
    assert done.returncode == 1
    assert "don't know" not in done.stderr
    for package in ("libpulse0", "libxrandr2", "libdrm2", "libbrotli1", "libgssapi-krb5-2"):
        assert f" {package}" in done.stderr


# What libqxcb.so needs that a minimal Debian lacks until its desktop libraries are in.
XCB_LDD = (
    'case "$1" in *libqxcb.so) '
    'echo "\tlibxcb-cursor.so.0 => not found"; echo "\tlibxcb-icccm.so.4 => not found"; '
    'echo "\tlibxkbcommon-x11.so.0 => not found";; '
    '*) echo "\tlibc.so.6 => /lib/libc.so.6";; esac'
)


@pytest.mark.parametrize("display", ["", ":0"], ids=["no-display", "display"])
def test_the_desktop_set_up_names_the_xcb_libraries_with_or_without_a_display(
    tmp_path: Path, display: str
) -> None:
    _stub(tmp_path, "ldd", XCB_LDD)
    done = _run(
        SYSTEM_DEPS, sys.executable, "desktop", path=f"{tmp_path}:{os.environ['PATH']}",
        BREVITY_NO_APT="1", DISPLAY=display,
    )  # fmt: skip
    assert done.returncode == 1
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"):
        assert f" {package}" in done.stderr


def test_the_test_set_up_needs_no_xcb_libraries(tmp_path: Path) -> None:
    _stub(tmp_path, "ldd", XCB_LDD)
    done = _system_deps_with_ldd_in(tmp_path)  # offscreen: no window, no xcb
    assert done.returncode == 0, done.stderr


AUDIO_STACK = ROOT / "tools" / "audio-stack.sh"


def test_audio_stack_names_the_packages_when_pulseaudio_is_missing(tmp_path: Path) -> None:
    for tool in ("id",):  # no pulseaudio, pactl or paplay on this PATH
        (tmp_path / tool).symlink_to(f"/usr/bin/{tool}")
    done = _run(AUDIO_STACK, "start", path=str(tmp_path), BREVITY_NO_APT="1")
    assert done.returncode == 1
    assert done.stdout == ""  # nothing for `eval` to export
    assert "apt-get install --no-install-recommends pulseaudio pulseaudio-utils" in done.stderr


def test_audio_stack_stop_needs_the_runtime_dir_it_printed() -> None:
    done = _run(AUDIO_STACK, "stop", path=SYSTEM_PATH)
    assert done.returncode == 2
    assert "XDG_RUNTIME_DIR" in done.stderr


def test_audio_stack_starts_a_private_server_and_stops_it(tmp_path: Path) -> None:
    if not (shutil.which("pulseaudio") and shutil.which("pactl")):
        if os.environ.get("BREVITY_REQUIRE_AUDIO_STACK"):
            pytest.fail("BREVITY_REQUIRE_AUDIO_STACK is set, but PulseAudio is not installed")
        pytest.skip("PulseAudio is not installed (sh tools/audio-stack.sh start installs it)")
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "TMPDIR": str(tmp_path)}
    started = subprocess.run(
        ["/bin/sh", str(AUDIO_STACK), "start"], capture_output=True, text=True, env=env,
        timeout=60, check=False,
    )  # fmt: skip
    assert started.returncode == 0, started.stderr
    exports = dict(
        item.split("=", 1) for item in started.stdout.removeprefix("export ").strip().split(" ")
    )
    server_env = {**env, **{key: value.strip("'") for key, value in exports.items()}}
    runtime = Path(server_env["XDG_RUNTIME_DIR"])
    try:
        info = subprocess.run(
            ["pactl", "info"], capture_output=True, text=True, env=server_env, timeout=10,
            check=False,
        )  # fmt: skip
        assert "Default Source: brevity_mic" in info.stdout, info.stdout + info.stderr
        assert "Default Sink: brevity_sink" in info.stdout
    finally:
        stopped = subprocess.run(
            ["/bin/sh", str(AUDIO_STACK), "stop"], capture_output=True, text=True,
            env=server_env, timeout=30, check=False,
        )  # fmt: skip
    assert stopped.returncode == 0, stopped.stderr
    assert not runtime.exists()
