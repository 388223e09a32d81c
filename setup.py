"""Build hook: ship ``resources/`` and ``data/`` inside the wheel as ``app/_shipped/``.

Everything else lives in pyproject.toml. In the source tree (and the editable install that
``make test`` uses) the files stay where they are; ``app.resources.resource_path`` looks in
``app/_shipped`` first and then in the repository root, so both layouts work. Whole folders
are copied, never a list of files, so a new icon or word list ships without editing this.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED_FOLDERS = ("resources", "data")
TARGET = Path("app", "_shipped")


def shipped_files() -> list[tuple[Path, Path]]:
    """(source file, path inside the package tree) for every file that ships."""
    pairs = []
    for folder in SHIPPED_FOLDERS:
        for source in sorted((ROOT / folder).rglob("*")):
            relative = source.relative_to(ROOT)
            skipped = any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
            if source.is_file() and not skipped and source.suffix != ".pyc":
                pairs.append((source, TARGET / relative))
    return pairs


class BuildPyWithShippedFiles(build_py):
    """``build_py`` that also copies the shipped folders into ``app/_shipped``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # the editable install reads them from the source tree
            return
        for source, target in shipped_files():
            destination = Path(self.build_lib) / target
            self.mkpath(str(destination.parent))
            self.copy_file(str(source), str(destination), preserve_mode=False)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not self.editable_mode:
            outputs += [str(Path(self.build_lib) / target) for _, target in shipped_files()]
        return outputs


setup(cmdclass={"build_py": BuildPyWithShippedFiles})
