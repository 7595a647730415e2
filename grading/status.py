"""What became of a submission: one status each (an enum), kept as a small JSON verdict in status/."""

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from common.files import write_json_atomically


class Status(StrEnum):
    """Exactly one per submission; a submission that could not be graded says why, never a plain 0."""

    GRADED = "graded"  # the score is in the gradebook
    INVALID_NOTEBOOK = "invalid_notebook"  # a submitted file is not a readable notebook
    TIMEOUT = "timeout"  # the notebook ran past its time limit
    KERNEL_DIED = "kernel_died"  # the kernel stopped while running the notebook
    MEMORY_EXCEEDED = "memory_exceeded"  # the notebook used more memory than allowed
    ERROR = "error"  # grading failed for another reason, given in the verdict's reason


class Flag(StrEnum):
    """Facts about a submission that do not stop it being graded."""

    LOCKED_CELL_DELETED = "locked_cell_deleted"
    LOCKED_CELL_EDITED = "locked_cell_edited"
    CELL_TIMEOUT = "cell_timeout"
    ANSWER_REFUSED = "answer_refused"  # an answer was not plain data: its question scored 0 (reason given)
    MEMORY_PER_PROCESS = "memory_per_process"  # no control group here: memory was bounded per process only
    NEEDS_MANUAL_GRADE = "needs_manual_grade"
    LATE = "late"
    RESUBMITTED = "resubmitted"


@dataclass
class Verdict:
    student: str
    assignment: str
    status: Status
    reason: str = ""
    flags: list[Flag] = field(default_factory=list)


def read_verdict(path: Path) -> Verdict:
    content = json.loads(path.read_text(encoding="utf-8"))
    return Verdict(
        content["student"],
        content["assignment"],
        Status(content["status"]),
        content.get("reason", ""),
        [Flag(flag) for flag in content.get("flags", [])],
    )


def write_verdict(path: Path, verdict: Verdict) -> None:
    write_json_atomically(path, asdict(verdict))
