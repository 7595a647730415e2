"""reports/grades.csv: one row per student and assignment, with its status.

Scores come from the gradebook, so grades given by hand in formgrader appear
in the next report; a submission that was not graded has an empty score.
"""

import csv
import io
from pathlib import Path

from grading.autograde import read_verdict
from grading.workspace import Workspace, write_atomically

COLUMNS = ["student", "assignment", "status", "flags", "score", "max_score"]


def write_grades(workspace: Workspace) -> tuple[Path, int]:
    from nbgrader.api import Gradebook, MissingEntry

    rows = []
    verdicts = [read_verdict(path) for path in sorted((workspace.root / "status").glob("*/*.json"))]
    if verdicts:
        with Gradebook(f"sqlite:///{workspace.gradebook.resolve()}") as gradebook:
            for verdict in verdicts:
                flags = list(verdict.flags)
                score = ""
                max_score = gradebook.find_assignment(verdict.assignment).max_score
                if verdict.status == "graded":
                    try:
                        submission = gradebook.find_submission(verdict.assignment, verdict.student)
                    except MissingEntry:
                        raise LookupError(f"{verdict.assignment}/{verdict.student} is marked graded "
                                          "but is not in the gradebook; re-run autograde with --force") from None
                    score = _number(submission.score)
                    if submission.needs_manual_grade:
                        flags.append("needs_manual_grade")
                rows.append({"student": verdict.student, "assignment": verdict.assignment,
                             "status": verdict.status, "flags": " ".join(flags),
                             "score": score, "max_score": _number(max_score)})
    rows.sort(key=lambda row: (row["assignment"], row["student"]))
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path = workspace.reports / "grades.csv"
    write_atomically(path, text.getvalue())
    return path, len(rows)


def _number(value: float) -> str:
    return f"{value:g}"
