"""The set-up scripts behind `make run` / `make test`, run for real with stand-in commands.

They decide what a new user's first minutes look like: finding a Python >= 3.12 that really
runs, and naming the exact packages when Qt's system libraries are missing.
"""

from __future__ import annotations

import os
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
