"""How a notebook's execution ended, as data rather than as log text: `Outcome`, and its small JSON file.

The runner sends its outcome through the sandbox's result pipe (RESULT_FD), read as untrusted data
(`outcome_from`: known fields, and only a failure the runner can report). The grading worker writes
one file per notebook, outside any sandbox, for the autograde step (`write_outcome`, `read_outcome`).
"""

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from common.files import read_regular_file
from grading.status import Status

RESULT_FD = "KIT_RESULT_FD"  # the environment variable naming a sandboxed run's result pipe
MAX_BYTES = 16_384
RUNNER_FAILURES = (Status.KERNEL_DIED, Status.MEMORY_EXCEEDED)  # what the runner itself can tell


@dataclass(frozen=True)
class Outcome:
    failure: Status | None = None  # None: ran to its end (errors in cells are part of the result)
    reason: str = ""
    cell_timeouts: int = 0  # cells stopped at their time limit (the notebook went on)
    refused: str = ""  # answers that were not plain data, and why (their questions scored 0)
    memory_per_process: bool = False  # no control group on this machine: memory bounded per process

    @property
    def ran(self) -> bool:
        return self.failure is None


def write_outcome(path: Path, outcome: Outcome) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(outcome)), encoding="utf-8")


def read_outcome(path: Path, failures: tuple[Status, ...] = tuple(Status)) -> Outcome | None:
    """The outcome in `path`, or None when there is none or it is not one that could have been written
    (a failure outside `failures` included)."""
    try:
        content = json.loads(read_regular_file(path, MAX_BYTES))
    except (OSError, ValueError):
        return None
    return outcome_from(content, failures)


def outcome_from(content, failures: tuple[Status, ...] = tuple(Status)) -> Outcome | None:
    """The outcome these decoded JSON fields describe, or None when they could not have been written."""
    try:
        failure = None if content["failure"] is None else Status(content["failure"])
        outcome = Outcome(
            failure,
            str(content["reason"])[:300],
            int(content["cell_timeouts"]),
            str(content.get("refused", ""))[:600],
            content.get("memory_per_process", False) is True,
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if failure is not None and failure not in failures or outcome.cell_timeouts < 0:
        return None
    return outcome
