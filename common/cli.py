"""Pieces of the kit's command lines: bad input in one line with exit status 2, number options, a progress bar."""

import argparse
import sys
import time
from collections.abc import Callable

from common.errors import BadInput


class Parser(argparse.ArgumentParser):
    """Bad input: one line naming what is wrong, exit status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def run(parser: Parser, action: Callable[[], object]) -> int:
    """Runs `action`; the kit's BadInput becomes the parser's one-line error (exit 2), anything else is a bug
    and keeps its traceback."""
    try:
        action()
    except BadInput as error:
        parser.error(str(error))
    return 0


def bounded_int(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high` (no upper bound when None)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < low or high is not None and value > high:
            expected = f"from {low:,} to {high:,}" if high is not None else f"of at least {low:,}"
            raise argparse.ArgumentTypeError(f"expected a number {expected}, got {value:,}")
        return value

    return parse


def share(high: float) -> Callable[[str], float]:
    """An argparse type: a number from 0 to `high`."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number such as 0.02, got {text!r}") from None
        if not 0 <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a share from 0 to {high}, got {value}")
        return value

    return parse


class ProgressBar:
    """One line redrawn in place on a terminal; nothing when stderr is not a terminal."""

    def __init__(self, unit: str, enabled: bool | None = None, width: int = 30) -> None:
        self.unit, self.width, self.started = unit, width, time.perf_counter()
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    def update(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        filled = self.width * done // max(total, 1)
        elapsed = time.perf_counter() - self.started
        left = elapsed / done * (total - done) if done else 0
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done:,}/{total:,} {self.unit}"
            f"  {elapsed:.0f} s, about {left:.0f} s left "
        )
        sys.stderr.flush()

    def say(self, message: str) -> None:
        """Prints a line above the bar."""
        self.clear()
        print(message, file=sys.stderr)

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * (self.width + 70) + "\r")
            sys.stderr.flush()
