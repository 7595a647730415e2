"""Grade collected submissions with nbgrader, in-process, and record one verdict per submission.

Every submission ends with exactly one status. A submission that could not be
graded says why; it never shows up as a plain 0. A submission that already has
a verdict is skipped unless `force`: an interrupted run resumes where it stopped.
"""

import json
import os
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from generators.dataset import ENV_VAR as DATASET_ENV_VAR
from grading.workspace import Workspace, last_line, nbgrader_api, write_atomically

STATUSES = {
    "graded": "graded; the score is in the gradebook",
    "invalid_notebook": "a submitted file is not a readable notebook",
    "timeout": "the notebook ran past its time limit",
    "kernel_died": "the kernel stopped while running the notebook",
    "memory_exceeded": "the notebook used more memory than allowed",
    "error": "grading failed for another reason, given in `reason`",
}


@dataclass
class Verdict:
    student: str
    assignment: str
    status: str
    reason: str = ""
    flags: list[str] = field(default_factory=list)


def read_verdict(path: Path) -> Verdict:
    return Verdict(**json.loads(path.read_text(encoding="utf-8")))


def autograde(workspace: Workspace, assignment: str, data_dir: Path, force: bool = False,
              progress: Callable[[str], None] = lambda message: None) -> list[Verdict]:
    students = workspace.submitted_students(assignment)
    warnings.filterwarnings("ignore", message=".*not in session.*")   # nbgrader's own SQLAlchemy noise
    os.environ[DATASET_ENV_VAR] = str(data_dir.resolve())   # what the graded notebooks read
    api = nbgrader_api(workspace)
    verdicts = []
    for number, student in enumerate(students, 1):
        status_file = workspace.status_file(student, assignment)
        if status_file.exists() and not force:
            verdict = read_verdict(status_file)
            progress(f"[{number}/{len(students)}] {assignment}/{student}: {verdict.status} (already graded)")
        else:
            verdict = _grade_one(api, workspace, assignment, student)
            write_atomically(status_file, json.dumps(asdict(verdict), indent=2, ensure_ascii=False) + "\n")
            progress(f"[{number}/{len(students)}] {assignment}/{student}: {verdict.status}"
                     + (f" ({verdict.reason})" if verdict.reason else ""))
        verdicts.append(verdict)
    return verdicts


def _grade_one(api, workspace: Workspace, assignment: str, student: str) -> Verdict:
    problem = _unreadable_notebook(workspace.submission_dir(student, assignment))
    if problem:
        return Verdict(student, assignment, "invalid_notebook", problem)
    result = api.autograde(assignment, student, force=True, create=True)
    if not result["success"]:
        return Verdict(student, assignment, "error", last_line(result.get("error") or result.get("log")))
    return Verdict(student, assignment, "graded")


def _unreadable_notebook(folder: Path) -> str:
    """Why a submitted notebook cannot be graded, or '' when all can be read."""
    for path in sorted(folder.glob("*.ipynb")):
        try:
            nbformat.validate(nbformat.read(path, as_version=4))
        except Exception as problem:   # JSON, encoding or schema: all mean "not a notebook"
            return f"{path.name} is not a valid notebook: {last_line(str(problem))[:200]}"
    return ""
