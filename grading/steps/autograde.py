"""autograde: grade collected submissions with nbgrader, in parallel, each in the sandbox; one verdict each.

nbgrader's own pipeline runs in the worker processes (its API, not one CLI call per
submission); only the notebook's execution is sandboxed (see grading.preprocessors), so
nothing a submission does can reach the gradebook. Every submission ends with
exactly one status (grading.status); tampering is a flag, not a status. A submission
that could not be graded says why; it never shows up as a plain 0. A submission that
already has a verdict is skipped unless `force`: an interrupted run (even by kill -9)
resumes where it stopped, the gradebook being written in transactions.
"""

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import nbformat

from common.cli import ProgressBar
from common.cluster import connect
from grading import settings
from grading.errors import GradingError, last_line
from grading.nbgrader_setup import GradingSettings, nbgrader_api
from grading.paths import Workspace
from grading.preprocessors.sandboxed_execute import outcome_file
from grading.sandbox import sandbox_available
from grading.sandbox.result import read_outcome
from grading.status import Flag, Status, Verdict, read_verdict, write_verdict
from grading.steps.collect import notebook_too_large


def autograde_assignments(
    workspace: Workspace,
    assignments: list[str] = (),
    data: Path | None = None,
    workers: int = settings.WORKERS,
    timeout: int = settings.NOTEBOOK_TIMEOUT,
    cell_timeout: int = settings.CELL_TIMEOUT,
    memory_gb: float = settings.MEMORY_GB,
    sandbox: bool = True,
    scheduler: str | None = None,
    force: bool = False,
    say: Callable[[str], None] = lambda line: None,
) -> list[Verdict]:
    """autograde's command: `assignments` (default: the released ones that have submissions). With a
    `scheduler`, the notebooks run on that dask cluster's workers; grading processes here wait for them."""
    data = data or workspace.data
    if not (data / "manifest.json").is_file():
        raise GradingError(
            f"no dataset in {data}; generate it with `python -m generators --out {data}` or name one with --data"
        )
    if scheduler:
        connect(scheduler).close()  # before any work: a wrong address is one line, exit 2
    chosen = workspace.chosen_assignments(assignments)
    if not assignments:
        chosen = [a for a in chosen if workspace.release_dir(a).is_dir() and workspace.submitted_students(a)]
        if not chosen:
            say("nothing to grade yet: collect submissions first (python -m grading collect, or samples)")
    for assignment in chosen:
        if not workspace.release_dir(assignment).is_dir():
            raise GradingError(f"{assignment} has not been released; run `python -m grading release {assignment}`")
    if not scheduler and sandbox and not sandbox_available():
        raise GradingError(
            "bubblewrap cannot run here (install the Debian package bubblewrap); "
            "pass --no-sandbox to grade trusted notebooks without a sandbox"
        )
    grading = GradingSettings(
        data=data.resolve(),
        sandbox=sandbox,
        notebook_timeout=timeout,
        cell_timeout=cell_timeout,
        memory_gb=memory_gb,
        scheduler=scheduler,
    )
    verdicts = []
    for assignment in chosen:
        bar = ProgressBar("submissions")
        done = autograde(
            workspace, assignment, grading, workers=workers, force=force, progress=bar.say, advance=bar.update
        )
        bar.clear()
        say(f"{assignment}: {len(done)} submission(s), {sum(v.status == Status.GRADED for v in done)} graded")
        verdicts += done
    return verdicts


def autograde(
    workspace: Workspace,
    assignment: str,
    grading: GradingSettings,
    workers: int = 1,
    force: bool = False,
    progress: Callable[[str], None] = lambda message: None,
    advance: Callable[[int, int], None] = lambda done, total: None,
) -> list[Verdict]:
    """Grades every collected submission of `assignment`, `workers` at a time, each in the sandbox.

    `progress(line)` reports each verdict, `advance(done, total)` drives a progress bar.
    """
    students = workspace.submitted_students(assignment)
    todo = [s for s in students if force or not workspace.status_file(s, assignment).exists()]
    verdicts = {s: read_verdict(workspace.status_file(s, assignment)) for s in students if s not in todo}
    for student in verdicts:
        progress(f"{assignment}/{student}: {verdicts[student].status} (already graded)")
    if todo:
        nbgrader_api(workspace, grading)  # creates the gradebook once, before the workers share it
        with ProcessPoolExecutor(
            max(1, min(workers, len(todo))),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(workspace, grading),
        ) as pool:
            futures = {pool.submit(_grade_in_worker, assignment, student): student for student in todo}
            advance(0, len(todo))
            for number, future in enumerate(as_completed(futures), 1):
                verdict = future.result()
                write_verdict(workspace.status_file(verdict.student, assignment), verdict)
                verdicts[verdict.student] = verdict
                progress(
                    f"[{number}/{len(todo)}] {assignment}/{verdict.student}: {verdict.status}"
                    + (f" ({verdict.reason})" if verdict.reason else "")
                    + (f" [{' '.join(verdict.flags)}]" if verdict.flags else "")
                )
                advance(number, len(todo))
    return [verdicts[s] for s in students]


_worker: tuple | None = None


def _start_worker(workspace: Workspace, grading: GradingSettings) -> None:
    global _worker
    _worker = (workspace, nbgrader_api(workspace, grading))


def _grade_in_worker(assignment: str, student: str) -> Verdict:
    """One submission's verdict, whatever happens: a failure of its grading never stops the batch."""
    workspace, api = _worker
    try:
        return grade_one(api, workspace, assignment, student)
    except Exception as failure:  # named in the verdict, which the instructor sees; the others go on
        reason = f"grading stopped on this submission: {type(failure).__name__}: {failure}"
        return Verdict(student, assignment, Status.ERROR, reason[:300])


def grade_one(api, workspace: Workspace, assignment: str, student: str) -> Verdict:
    submission = workspace.submission_dir(student, assignment)
    problem = _unreadable_notebook(submission)
    if problem:
        return Verdict(student, assignment, Status.INVALID_NOTEBOOK, problem)
    flags = tampering(workspace, assignment, submission)
    notebooks = [path.stem for path in sorted(workspace.release_dir(assignment).glob("*.ipynb"))]
    outcomes = [outcome_file(workspace.work, student, notebook) for notebook in notebooks]
    for path in outcomes:  # from an earlier run of this submission
        path.unlink(missing_ok=True)
    result = api.autograde(assignment, student, force=True, create=True)
    ran = [outcome for outcome in map(read_outcome, outcomes) if outcome is not None]
    failed = next((outcome for outcome in ran if not outcome.ran), None)
    if failed:
        return Verdict(student, assignment, failed.failure, failed.reason, flags)
    if not result["success"]:
        return Verdict(student, assignment, Status.ERROR, last_line(result.get("error") or result.get("log")), flags)
    if any(outcome.cell_timeouts for outcome in ran):
        flags.append(Flag.CELL_TIMEOUT)
    refused = " ; ".join(outcome.refused for outcome in ran if outcome.refused)
    if refused:
        flags.append(Flag.ANSWER_REFUSED)
    if any(outcome.memory_per_process for outcome in ran):
        flags.append(Flag.MEMORY_PER_PROCESS)
    return Verdict(student, assignment, Status.GRADED, refused[:300], flags)


def tampering(workspace: Workspace, assignment: str, submission: Path) -> list[Flag]:
    """Flags for locked cells (set-up, tests) the student deleted or edited: they are restored for grading."""
    flags = set()
    for released_path in sorted(workspace.release_dir(assignment).glob("*.ipynb")):
        submitted_path = submission / released_path.name
        if not submitted_path.is_file():
            continue
        released = nbformat.read(released_path, as_version=4)
        submitted = nbformat.read(submitted_path, as_version=4)
        submitted_locked = {
            c.metadata["nbgrader"]["grade_id"]: c.source
            for c in submitted.cells
            if c.metadata.get("nbgrader", {}).get("grade_id")
        }
        for cell in released.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if not cell.metadata.get("nbgrader", {}).get("locked"):
                continue
            if grade_id not in submitted_locked:
                flags.add(Flag.LOCKED_CELL_DELETED)
            elif submitted_locked[grade_id].strip() != cell.source.strip():
                flags.add(Flag.LOCKED_CELL_EDITED)
    return sorted(flags)


def _unreadable_notebook(folder: Path) -> str:
    """Why a submitted notebook cannot be graded, or '' when all can be read."""
    for path in sorted(folder.glob("*.ipynb")):
        too_large = notebook_too_large(path)  # collected before the limit, or put there by other means
        if too_large:
            return f"{path.name}: {too_large}"
        try:
            notebook = nbformat.read(path, as_version=4)
            nbformat.validate(notebook)
        except Exception as problem:  # JSON, encoding or schema: all mean "not a notebook"
            return f"{path.name} is not a valid notebook: {last_line(str(problem))[:200]}"
        for number, cell in enumerate(notebook.cells, 1):
            if not isinstance(cell.metadata.get("nbgrader", {}), dict):
                return f"{path.name}: cell {number} has malformed nbgrader metadata (not a mapping)"
    return ""
