"""feedback: each graded student's HTML feedback in feedback/STUDENT/ASSIGNMENT/, hidden tests removed,
plotly figures offline (see nbgrader_setup's GenerateFeedback pipeline)."""

from collections.abc import Callable

from grading.errors import last_line
from grading.nbgrader_setup import nbgrader_api
from grading.paths import Workspace
from grading.status import Status, read_verdict


def write_feedback(
    workspace: Workspace, assignments: list[str] = (), say: Callable[[str], None] = lambda line: None
) -> None:
    api = nbgrader_api(workspace)
    failed = []
    for assignment in workspace.chosen_assignments(assignments):
        for student in workspace.submitted_students(assignment):
            status = workspace.status_file(student, assignment)
            if not status.exists() or read_verdict(status).status != Status.GRADED:
                continue
            result = api.generate_feedback(assignment, student)
            if result["success"]:
                say(f"{assignment}/{student}: {workspace.feedback_dir(student, assignment)}")
            else:  # named, and the other students still get theirs
                failed.append(f"{assignment}/{student}")
                say(f"{assignment}/{student}: no feedback: {last_line(result.get('error') or result.get('log'))}")
    if failed:
        say(f"{len(failed)} feedback(s) could not be written: {', '.join(failed)}")
