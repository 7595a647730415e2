"""Errors of the grading steps, and the line of a log or traceback that says what went wrong."""

import re

from common.errors import BadInput

ERROR_LINE = re.compile(r"^[\w.]*(Error|Exception|Exit)\b.*:")
WRAPPER_MESSAGES = ("see the the above traceback", "see the above traceback")  # nbgrader's "see above"


class GradingError(BadInput):
    """A step that could not be done because of its input; the message says why and what to do."""


def last_line(text: str | None) -> str:
    """The line of a log or traceback that says what went wrong: its last 'SomeError: ...' line."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    lines = [line for line in lines if not any(wrapper in line for wrapper in WRAPPER_MESSAGES)]
    errors = [line for line in lines if ERROR_LINE.match(line)]
    return (errors or lines or ["no message"])[-1]
