"""release: student versions of the source notebooks (solutions and hidden tests removed, outputs cleared)."""

from collections.abc import Callable

from grading.errors import GradingError, last_line
from grading.nbgrader_setup import nbgrader_api
from grading.paths import Workspace


def release(workspace: Workspace, assignment: str) -> None:
    result = nbgrader_api(workspace).generate_assignment(assignment, force=True, create=True)
    if not result["success"]:
        raise GradingError(f"release of {assignment} failed: {last_line(result.get('error') or result.get('log'))}")


def release_assignments(
    workspace: Workspace, assignments: list[str] = (), say: Callable[[str], None] = lambda line: None
) -> None:
    for assignment in workspace.chosen_assignments(assignments):
        release(workspace, assignment)
        say(f"released {assignment} -> {workspace.release_dir(assignment)}")
