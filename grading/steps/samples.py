"""The sample submissions shipped with the kit, made from the release and course/samples/ASSIGNMENT.yml.

Each sample student's answers are written into the released notebook's
solution cells, so the samples always match the current release.
"""

import tempfile
from collections.abc import Callable
from pathlib import Path

import nbformat
import yaml

from grading.errors import GradingError
from grading.paths import Workspace
from grading.steps.collect import Collected, collect


def sample_file(workspace: Workspace, assignment: str) -> Path:
    return workspace.course / "samples" / f"{assignment}.yml"


def sample_spec(workspace: Workspace, assignment: str) -> dict:
    path = sample_file(workspace, assignment)
    if not path.is_file():
        raise GradingError(f"no sample submissions for {assignment}: {path} is missing")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_samples(workspace: Workspace, assignment: str, out: Path) -> list[str]:
    """Writes out/STUDENT/NOTEBOOK.ipynb for each sample student; returns the students."""
    spec = sample_spec(workspace, assignment)
    released = workspace.release_dir(assignment) / spec["notebook"]
    if not released.is_file():
        raise GradingError(f"{released} is missing; run `python -m grading release {assignment}` first")
    for student, answers in spec["students"].items():
        notebook = nbformat.read(released, as_version=4)
        answers = dict(answers or {})
        for cell in notebook.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in answers:
                cell.source = answers.pop(grade_id).rstrip("\n")
        if answers:
            raise GradingError(f"sample {student} of {assignment} answers unknown cells: {', '.join(answers)}")
        (out / student).mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, out / student / spec["notebook"])
    return list(spec["students"])


def collect_samples(workspace: Workspace, assignment: str) -> list[Collected]:
    with tempfile.TemporaryDirectory() as folder:
        write_samples(workspace, assignment, Path(folder))
        return collect(workspace, Path(folder), assignment)


def collect_all_samples(
    workspace: Workspace, assignments: list[str] = (), say: Callable[[str], None] = lambda line: None
) -> None:
    """The samples of `assignments` (default: every assignment that has some)."""
    names = assignments or [a for a in workspace.assignments() if sample_file(workspace, a).is_file()]
    for assignment in workspace.chosen_assignments(names):
        for item in collect_samples(workspace, assignment):
            say(f"{assignment}/{item.student}: {item.describe()}")
