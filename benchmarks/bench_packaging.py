"""Packaging figures: wheel size, bundle size (folder and .tar.gz), `--smoke` wall time.

The `--smoke` wall time (process start to exit: start-up, database, window, first paint) is
measured for the PyInstaller bundle and for the source install (`.venv/bin/brevity`, the
editable install), and for the wheel's venv when `make wheel-smoke` left one, interleaved in
the same run; median of several runs. Build them first (`make wheel-smoke bundle`); what is
missing is reported and skipped. Prints `name: value unit` lines.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
COMMANDS = {
    "bundle": ROOT / "dist" / "brevity" / "brevity",
    "source_install": ROOT / ".venv" / "bin" / "brevity",
    "wheel_install": ROOT / "build" / "wheel-venv" / "bin" / "brevity",
}


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _tar_gz_bytes(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "bundle.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(folder, arcname=folder.name)
        return archive.stat().st_size


def _smoke_s(command: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BREVITY_")}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=tmp, XDG_CONFIG_HOME=f"{tmp}/config")
        start = time.perf_counter()
        subprocess.run(
            [str(command), "--smoke", "--data-dir", f"{tmp}/data"],
            env=env,
            cwd=tmp,
            capture_output=True,
            timeout=120,
            check=True,
        )
        return time.perf_counter() - start


def main() -> None:
    wheels = sorted((ROOT / "dist").glob("brevity-*.whl"))
    if wheels:
        print(f"wheel_size: {wheels[-1].stat().st_size / 1024:.0f} KiB")
    bundle = COMMANDS["bundle"].parent
    if bundle.is_dir():
        print(f"bundle_folder_size: {_folder_bytes(bundle) / 1e6:.0f} MB")
        print(f"bundle_tar_gz_size: {_tar_gz_bytes(bundle) / 1e6:.0f} MB")
    present = {name: path for name, path in COMMANDS.items() if path.exists()}
    for name in COMMANDS.keys() - present.keys():
        print(f"# {name}: not built, skipped")
    times: dict[str, list[float]] = {name: [] for name in present}
    for path in present.values():  # warm the file cache once
        _smoke_s(path)
    for _ in range(RUNS):
        for name, path in present.items():
            times[name].append(_smoke_s(path))
    for name, samples in times.items():
        print(f"smoke_wall_{name}: {statistics.median(samples) * 1000:.0f} ms (median of {RUNS})")


if __name__ == "__main__":
    main()
    sys.exit(0)
