"""tools/render_icons.py: the master SVG rendered to every hicolor size."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImage

from app import APP_ID

ROOT = Path(__file__).resolve().parents[2]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "tools" / "render_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_TOOL = _load_tool()
render_icons: Callable[[Path], list[Path]] = _TOOL.render_icons


def test_the_tool_uses_the_app_id() -> None:
    assert _TOOL.APP_ID == APP_ID


def test_every_hicolor_size_is_rendered_at_its_size(tmp_path: Path, qapp: object) -> None:
    written = render_icons(tmp_path)
    hicolor = tmp_path / "hicolor"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png in written
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        # The corners are transparent (rounded square), the middle is painted.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
    svg = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (ROOT / "resources" / "icons" / "brevity.svg").read_bytes()
