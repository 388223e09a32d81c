"""The command line's all-or-nothing file write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.storage.atomic_file import write_atomically


def test_writes_a_new_file_and_leaves_no_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "library.json"
    write_atomically(target, b"{}\n")
    assert target.read_bytes() == b"{}\n"
    assert os.listdir(tmp_path) == ["library.json"]


def test_replaces_an_existing_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "takes.csv"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "library.json"
    target.write_bytes(b"the old export")

    def full_disk(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"half of the new one")
    assert target.read_bytes() == b"the old export"
    assert os.listdir(tmp_path) == ["library.json"]


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_atomically(tmp_path / "nope" / "library.json", b"{}")
