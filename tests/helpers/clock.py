"""A fake monotonic clock that tests move by hand."""

from __future__ import annotations


class FakeClock:
    """Callable like ``time.monotonic``; time only passes when a test calls ``advance``."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self.now += seconds
