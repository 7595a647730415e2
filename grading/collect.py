"""Import submissions into submitted/STUDENT/ASSIGNMENT/, as nbgrader expects them.

Source layout: SOURCE/STUDENT/*.ipynb (one folder per student). A submission
already collected is never lost: an identical one is left alone, a different
one is moved to submitted-history/ before the new one takes its place.
"""

import filecmp
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from grading.workspace import GradingError, Workspace, write_atomically

TIMESTAMP = "timestamp.txt"


@dataclass(frozen=True)
class Collected:
    student: str
    outcome: str        # "new", "unchanged" or "replaced"


def collect_folder(workspace: Workspace, source: Path, assignment: str) -> list[Collected]:
    if not source.is_dir():
        raise GradingError(f"{source} is not a folder; expected SOURCE/STUDENT/notebook.ipynb")
    collected = []
    for student_dir in sorted(p for p in source.iterdir() if p.is_dir() and not p.name.startswith(".")):
        notebooks = sorted(student_dir.glob("*.ipynb"))
        if notebooks:
            collected.append(_collect_one(workspace, student_dir.name, assignment, notebooks))
    if not collected:
        raise GradingError(f"no submission found in {source}; expected SOURCE/STUDENT/notebook.ipynb")
    return collected


def _collect_one(workspace: Workspace, student: str, assignment: str, notebooks: list[Path]) -> Collected:
    dest = workspace.submission_dir(student, assignment)
    submitted_at = max(nb.stat().st_mtime for nb in notebooks)
    timestamp = datetime.fromtimestamp(submitted_at, timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f %Z")
    outcome = "new"
    if dest.exists():
        if all((dest / nb.name).is_file() and filecmp.cmp(nb, dest / nb.name, shallow=False) for nb in notebooks):
            return Collected(student, "unchanged")
        previous = (dest / TIMESTAMP).read_text().strip() if (dest / TIMESTAMP).exists() else "unknown-time"
        history = workspace.root / "submitted-history" / student / assignment / previous.replace(" ", "_")
        history.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(dest, history)
        outcome = "replaced"
    dest.mkdir(parents=True)
    for nb in notebooks:
        shutil.copy2(nb, dest / nb.name)
    write_atomically(dest / TIMESTAMP, timestamp + "\n")
    workspace.status_file(student, assignment).unlink(missing_ok=True)   # a new submission is graded anew
    return Collected(student, outcome)
