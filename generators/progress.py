"""A progress bar for long command-line steps: one line redrawn in place on a terminal, nothing otherwise."""

import sys
import time


class ProgressBar:
    def __init__(self, unit: str, enabled: bool | None = None, width: int = 30) -> None:
        self.unit, self.width, self.started = unit, width, time.perf_counter()
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    def update(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        filled = self.width * done // max(total, 1)
        elapsed = time.perf_counter() - self.started
        left = elapsed / done * (total - done) if done else 0
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done:,}/{total:,} {self.unit}"
                         f"  {elapsed:.0f} s, about {left:.0f} s left ")
        sys.stderr.flush()

    def say(self, message: str) -> None:
        """Prints a line above the bar."""
        self.clear()
        print(message, file=sys.stderr)

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * (self.width + 70) + "\r")
            sys.stderr.flush()
