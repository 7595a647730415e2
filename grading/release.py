"""Student versions of the source notebooks: solutions and hidden tests removed, outputs cleared."""

from grading.workspace import GradingError, Workspace, last_line, nbgrader_api


def release(workspace: Workspace, assignment: str) -> None:
    result = nbgrader_api(workspace).generate_assignment(assignment, force=True, create=True)
    if not result["success"]:
        raise GradingError(f"release of {assignment} failed: {last_line(result.get('error') or result.get('log'))}")
