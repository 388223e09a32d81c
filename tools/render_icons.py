"""Render the master SVG icon to the freedesktop hicolor sizes.

    python tools/render_icons.py [OUT_DIR]          (default: build/icons)

writes ``OUT_DIR/hicolor/NxN/apps/io.github.brevity.Brevity.png`` for every size in
``SIZES`` and copies the SVG to ``OUT_DIR/hicolor/scalable/apps/``. The PNGs are build
output (``make install-desktop`` and ``make bundle`` generate them); only the SVG is kept in
git. Rendering uses QtSvg from PySide6-Essentials, so no other tool is needed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MASTER_SVG = ROOT / "resources" / "icons" / "brevity.svg"
APP_ID = "io.github.brevity.Brevity"  # the same as app.APP_ID (a test checks)
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_icons(
    out_dir: Path, svg: Path = MASTER_SVG, sizes: tuple[int, ...] = SIZES
) -> list[Path]:
    """Write the hicolor tree under ``out_dir``; return the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # keep it alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise OSError(f"could not write {target}")
        written.append(target)
    scalable = out_dir / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else ROOT / "build" / "icons"
    files = render_icons(out_dir)
    print(f"render_icons: {len(files)} icons in {out_dir / 'hicolor'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
