"""Screenshots of the real window under Xvfb, for looking at UI work as a user would.

    .venv/bin/python tools/screenshots.py OUT_DIR [--sizes 1024x640,1920x1080] [--themes light,dark]

For every screen size and theme it starts an X server of that size (Xvfb), seeds a data folder
with the starters and a dozen takes of the voicemail starter, starts Brevity on it, maximises
the window and saves, as PNG: the Rehearse page, a finished and rated take, and the Edit page
with the coach. Needs Xvfb, xdotool and ImageMagick's ``import``
(``apt-get install xvfb xdotool imagemagick x11-utils``). Nothing here is used by the app.
"""

from __future__ import annotations

import argparse
import configparser
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def seed(data_dir: Path) -> int:
    """Starters (as a first start makes them) plus takes of the voicemail, over a week."""
    from app.domain.attempt import Attempt, Outcome
    from app.domain.coach import Profile
    from app.domain.script import ScriptKind
    from app.storage.database import close_database, open_database
    from app.storage.repository import Repository

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--smoke"],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    db = open_database(data_dir / "brevity.sqlite3")
    repository = Repository(db)
    # The user's details, as the first run's welcome would keep them.
    repository.set_profile(Profile(name="Sam Ortiz", phone="555-201-7788", region="US"))
    repository.welcome_given()
    scripts = repository.list_scripts()
    script = next((s for s in scripts if s.kind is ScriptKind.VOICEMAIL), scripts[0])
    script = repository.get_script(script.id or 0)
    revision = repository.revision_for_take(script.id or 0, script.text)
    start = datetime.now(UTC) - timedelta(days=6)
    lengths = [41.2, 38.5, 36.0, 34.9, 33.1, 31.8, 30.6, 29.4, 31.2, 28.8, 29.9, 28.1]
    outcomes = [Outcome.RAMBLED, Outcome.STUMBLED, Outcome.GOOD, Outcome.STUMBLED]
    for index, length_s in enumerate(lengths):
        started = start + timedelta(hours=12 * index)
        repository.add_attempt(
            Attempt(
                script_id=script.id or 0,
                revision_id=revision.id,
                started_at=started.isoformat(timespec="milliseconds"),
                duration_s=length_s,
                target_s=script.target_s,
                words=len(script.text.split()),
                reached_end=True,
                outcome=outcomes[index] if index < len(outcomes) else Outcome.GOOD,
                note="breathe before the number" if index == 3 else "",
            )
        )
    close_database(db)
    return script.id or 0


def set_preferences(data_dir: Path, theme: str, script_id: int) -> None:
    """The theme, and the seeded script as the one to open (QSettings' INI format)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    settings = data_dir / "settings.ini"
    parser.read(settings)
    for section, key, value in (("ui", "theme", theme), ("library", "last_script_id", script_id)):
        if not parser.has_section(section):
            parser.add_section(section)
        parser.set(section, key, str(value))
    with settings.open("w") as file:
        parser.write(file)


def shoot(out: Path, size: str, theme: str, display: str) -> None:
    width, height = size.split("x")
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"]
    )
    env = {**os.environ, "DISPLAY": display}
    env.pop("QT_QPA_PLATFORM", None)
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp)
            set_preferences(data_dir, theme, seed(data_dir))
            app = subprocess.Popen(
                [sys.executable, "-m", "app", "--data-dir", str(data_dir)], env=env, cwd=ROOT
            )
            try:
                _pictures(out / f"{size}-{theme}", env)
            finally:
                app.terminate()
                app.wait(20)
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def _x(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def _pictures(prefix: Path, env: dict[str, str]) -> None:
    window = ""
    for _ in range(60):
        window = _x(env, "xdotool", "search", "--onlyvisible", "--name", "Brevity").split("\n")[-1]
        if window:
            break
        time.sleep(0.5)
    geometry = _x(env, "xdpyinfo")
    dims = next(line.split()[1] for line in geometry.splitlines() if "dimensions:" in line)
    width, height = dims.split("x")
    _x(env, "xdotool", "windowmove", window, "0", "0")
    _x(env, "xdotool", "windowsize", window, width, height)
    time.sleep(2.0)
    _x(env, "xdotool", "windowfocus", "--sync", window)
    _snap(env, prefix, "1-rehearse")
    _x(env, "xdotool", "key", "space")
    time.sleep(6.0)
    _snap(env, prefix, "2-running")
    _x(env, "xdotool", "key", "space")
    time.sleep(1.0)
    _x(env, "xdotool", "key", "2")
    time.sleep(1.0)
    _snap(env, prefix, "3-rated")
    _x(env, "xdotool", "key", "ctrl+e")
    time.sleep(2.0)
    _snap(env, prefix, "4-edit")


def _snap(env: dict[str, str], prefix: Path, name: str) -> None:
    subprocess.run(["import", "-window", "root", f"{prefix}-{name}.png"], env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default="1024x640,1920x1080")
    parser.add_argument("--themes", default="light,dark")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for number, (size, theme) in enumerate(
        (s, t) for s in args.sizes.split(",") for t in args.themes.split(",")
    ):
        shoot(args.out, size, theme, f":{90 + number}")
        print(f"{args.out}/{size}-{theme}-*.png")


if __name__ == "__main__":
    main()
