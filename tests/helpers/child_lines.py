"""Reading a child process's output line by line with a timeout, without hanging.

``select`` says whether the *file descriptor* has data; a buffered ``readline`` may already
hold the next lines in its own buffer, so the two cannot be mixed. This reads the descriptor
directly and keeps its own buffer.
"""

from __future__ import annotations

import os
import select
from typing import IO

TIMEOUT_S = 60.0


class ChildLines:
    """Lines of one pipe from a child (stdout or stderr), decoded as UTF-8."""

    def __init__(self, stream: IO[bytes] | IO[str] | None, timeout_s: float = TIMEOUT_S) -> None:
        assert stream is not None, "the pipe was not opened"
        self._fd = stream.fileno()
        self._timeout_s = timeout_s
        self._buffer = b""
        self.seen: list[str] = []  # every line read so far, for failure messages

    def next(self) -> str:
        """The next line without its newline; fails (never hangs) if the child goes quiet."""
        while b"\n" not in self._buffer:
            ready, _, _ = select.select([self._fd], [], [], self._timeout_s)
            assert ready, f"the child went silent; it said: {self.tail()}"
            chunk = os.read(self._fd, 65536)
            assert chunk, f"the child ended unexpectedly; it said: {self.tail()}"
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        text = line.decode("utf-8", "replace")
        self.seen.append(text)
        return text

    def wait_for(self, prefix: str) -> str:
        """Read until a line starts with ``prefix``; that line."""
        while not (line := self.next()).startswith(prefix):
            pass
        return line

    def tail(self) -> str:
        return "\n".join(self.seen[-20:])
