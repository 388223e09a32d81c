"""Write a file so that it is either the old one or the complete new one, never half of it.

For the command line (the window uses ``QSaveFile``): the bytes go to a temporary file in the
same folder, which is flushed to the disk and then renamed over the target. The fsync helpers
are shared with backups and restores, which rename files into place the same way.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``; OSError (and ``path`` untouched) when that fails."""
    folder = path.parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_directory(folder)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new one gets the usual 0666 minus the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def fsync_file(path: Path) -> None:
    """Flush a closed file's bytes to the disk."""
    with open(path, "r+b") as handle:
        os.fsync(handle.fileno())


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:  # some file systems refuse to sync a directory; the data is synced
        pass
    finally:
        os.close(descriptor)
