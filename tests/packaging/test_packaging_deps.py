"""tools/packaging-deps.sh: names the packages that the packaging tools come from."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "packaging-deps.sh"


def _run(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", str(SCRIPT), *args],
        env={"PATH": f"{path}:/nonexistent", "BREVITY_NO_APT": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _bin_with(folder: Path, *names: str) -> Path:
    """A PATH folder holding only the shell tools the script uses, plus stand-ins."""
    folder.mkdir()
    for tool in ("id", "sed", "cat"):
        (folder / tool).symlink_to(
            Path("/usr/bin", tool) if Path("/usr/bin", tool).exists() else Path("/bin", tool)
        )
    for name in names:
        stub = folder / name
        stub.write_text("#!/bin/sh\nexit 0\n")
        stub.chmod(stub.stat().st_mode | stat.S_IEXEC)
    return folder


def test_missing_validators_and_objdump_are_named_with_their_packages(tmp_path: Path) -> None:
    result = _run(_bin_with(tmp_path / "bin"))
    assert result.returncode == 1
    assert (
        "sudo apt-get install --no-install-recommends desktop-file-utils appstream binutils"
        in result.stderr
    )


def test_nothing_to_do_when_the_tools_are_there(tmp_path: Path) -> None:
    folder = _bin_with(tmp_path / "bin", "desktop-file-validate", "appstreamcli", "objdump")
    result = _run(folder, "validate", "bundle")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_only_the_requested_check_is_made(tmp_path: Path) -> None:
    result = _run(_bin_with(tmp_path / "bin", "desktop-file-validate", "appstreamcli"), "validate")
    assert result.returncode == 0, result.stderr
