"""The layering rule: domain <- storage <- ui <- __main__, enforced on the real imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
FORBIDDEN = {
    "domain": ("PySide6", "pyqtgraph", "sqlite_utils", "sqlite3", "app.storage", "app.ui"),
    "storage": ("PySide6", "pyqtgraph", "app.ui"),
}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_does_not_import_what_sits_above_it(layer: str) -> None:
    files = sorted((APP / layer).rglob("*.py"))
    assert files, f"app/{layer} has no modules"
    offending = [
        f"{path.relative_to(APP)} imports {name}"
        for path in files
        for name in _imports(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert offending == []


def test_the_checker_sees_imports() -> None:
    # Guard against a checker that silently finds nothing.
    assert "PySide6.QtCore" in _imports(APP / "ui" / "rehearsal.py")


def test_pyqtgraph_is_not_imported_before_the_first_paint() -> None:
    eager = [
        str(path.relative_to(APP))
        for path in APP.rglob("*.py")
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(n.startswith("pyqtgraph") for n in _imports_of(node))
    ]
    assert eager == [], "pyqtgraph must be imported lazily, after the window's first paint"


def _imports_of(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return [node.module or ""]
