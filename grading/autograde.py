"""Grade collected submissions with nbgrader, in parallel, each in the sandbox; one verdict each.

nbgrader's own pipeline runs in the worker processes (its API, not one CLI call per
submission); only the notebook's execution is sandboxed (see preprocessors.py), so
nothing a submission does can reach the gradebook. Every submission ends with
exactly one status; tampering is a flag, not a status. A submission that could not
be graded says why; it never shows up as a plain 0. A submission that already has
a verdict is skipped unless `force`: an interrupted run (even by kill -9) resumes
where it stopped, the gradebook being written in transactions.
"""

import json
import multiprocessing
import re
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from grading.workspace import GradingSettings, Workspace, last_line, nbgrader_api, write_atomically

SANDBOX_FAILURE = re.compile(r"SandboxFailure\[(?P<status>\w+)\]: (?P<reason>[^\n]*)")
CELL_TIMEOUT = ('"ename": "CellTimeoutError"', '"ename": "KeyboardInterrupt"')   # a cell stopped at its limit

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


def autograde(workspace: Workspace, assignment: str, settings: GradingSettings, workers: int = 1,
              force: bool = False, progress: Callable[[str], None] = lambda message: None,
              advance: Callable[[int, int], None] = lambda done, total: None) -> list[Verdict]:
    """Grades every collected submission of `assignment`, `workers` at a time, each in the sandbox.

    `progress(line)` reports each verdict, `advance(done, total)` drives a progress bar.
    """
    students = workspace.submitted_students(assignment)
    todo = [s for s in students if force or not workspace.status_file(s, assignment).exists()]
    verdicts = {s: read_verdict(workspace.status_file(s, assignment)) for s in students if s not in todo}
    for student in verdicts:
        progress(f"{assignment}/{student}: {verdicts[student].status} (already graded)")
    if todo:
        api_for(workspace, settings)          # creates the gradebook once, before the workers share it
        with ProcessPoolExecutor(max(1, min(workers, len(todo))), mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_start_worker, initargs=(workspace, settings)) as pool:
            futures = {pool.submit(_grade_in_worker, assignment, student): student for student in todo}
            advance(0, len(todo))
            for number, future in enumerate(as_completed(futures), 1):
                verdict = future.result()
                write_atomically(workspace.status_file(verdict.student, assignment),
                                 json.dumps(asdict(verdict), indent=2, ensure_ascii=False) + "\n")
                verdicts[verdict.student] = verdict
                progress(f"[{number}/{len(todo)}] {assignment}/{verdict.student}: {verdict.status}"
                         + (f" ({verdict.reason})" if verdict.reason else "")
                         + (f" [{' '.join(verdict.flags)}]" if verdict.flags else ""))
                advance(number, len(todo))
    return [verdicts[s] for s in students]


def api_for(workspace: Workspace, settings: GradingSettings):
    warnings.filterwarnings("ignore", message=".*not in session.*")   # nbgrader's own SQLAlchemy noise
    return nbgrader_api(workspace, settings)


_worker: tuple | None = None


def _start_worker(workspace: Workspace, settings: GradingSettings) -> None:
    global _worker
    _worker = (workspace, api_for(workspace, settings))


def _grade_in_worker(assignment: str, student: str) -> Verdict:
    workspace, api = _worker
    return grade_one(api, workspace, assignment, student)


def grade_one(api, workspace: Workspace, assignment: str, student: str) -> Verdict:
    submission = workspace.submission_dir(student, assignment)
    problem = _unreadable_notebook(submission)
    if problem:
        return Verdict(student, assignment, "invalid_notebook", problem)
    flags = tampering(workspace, assignment, submission)
    result = api.autograde(assignment, student, force=True, create=True)
    text = (result.get("error") or "") + "\n" + (result.get("log") or "")
    failure = SANDBOX_FAILURE.search(text)
    if failure:
        return Verdict(student, assignment, failure["status"], failure["reason"].strip(), flags)
    if not result["success"]:
        return Verdict(student, assignment, "error", last_line(text), flags)
    graded = workspace.root / "autograded" / student / assignment
    if any(mark in path.read_text(encoding="utf-8") for path in graded.glob("*.ipynb") for mark in CELL_TIMEOUT):
        flags.append("cell_timeout")
    return Verdict(student, assignment, "graded", "", flags)


def tampering(workspace: Workspace, assignment: str, submission: Path) -> list[str]:
    """Flags for locked cells (set-up, tests) the student deleted or edited: they are restored for grading."""
    flags = set()
    for released_path in sorted(workspace.release_dir(assignment).glob("*.ipynb")):
        submitted_path = submission / released_path.name
        if not submitted_path.is_file():
            continue
        released = nbformat.read(released_path, as_version=4)
        submitted = nbformat.read(submitted_path, as_version=4)
        submitted_locked = {c.metadata["nbgrader"]["grade_id"]: c.source for c in submitted.cells
                            if c.metadata.get("nbgrader", {}).get("grade_id")}
        for cell in released.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if not cell.metadata.get("nbgrader", {}).get("locked"):
                continue
            if grade_id not in submitted_locked:
                flags.add("locked_cell_deleted")
            elif submitted_locked[grade_id].strip() != cell.source.strip():
                flags.add("locked_cell_edited")
    return sorted(flags)


def _unreadable_notebook(folder: Path) -> str:
    """Why a submitted notebook cannot be graded, or '' when all can be read."""
    for path in sorted(folder.glob("*.ipynb")):
        try:
            nbformat.validate(nbformat.read(path, as_version=4))
        except Exception as problem:   # JSON, encoding or schema: all mean "not a notebook"
            return f"{path.name} is not a valid notebook: {last_line(str(problem))[:200]}"
    return ""
