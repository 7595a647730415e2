"""Reports: reports/grades.csv (one row per student and assignment, with its status and per-question
scores) and reports/moodle.csv (one row per student, one column per assignment, for Moodle's grade import).

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

    rows, questions = [], []
    verdicts = [read_verdict(path) for path in sorted((workspace.root / "status").glob("*/*.json"))]
    if verdicts:
        with Gradebook(f"sqlite:///{workspace.gradebook.resolve()}") as gradebook:
            for verdict in verdicts:
                assignment = gradebook.find_assignment(verdict.assignment)
                cells = sorted(cell.name for notebook in assignment.notebooks for cell in notebook.grade_cells)
                questions += [f"{verdict.assignment}:{name}" for name in cells if f"{verdict.assignment}:{name}" not in questions]
                row = {"student": verdict.student, "assignment": verdict.assignment, "status": verdict.status,
                       "flags": list(verdict.flags), "score": "", "max_score": _number(assignment.max_score)}
                if verdict.status == "graded":
                    try:
                        submission = gradebook.find_submission(verdict.assignment, verdict.student)
                    except MissingEntry:
                        raise LookupError(f"{verdict.assignment}/{verdict.student} is marked graded "
                                          "but is not in the gradebook; re-run autograde with --force") from None
                    row["score"] = _number(submission.score)
                    if submission.needs_manual_grade:
                        row["flags"].append("needs_manual_grade")
                    for notebook in submission.notebooks:
                        for grade in notebook.grades:
                            if grade.score is not None and not grade.needs_manual_grade:
                                row[f"{verdict.assignment}:{grade.name}"] = _number(grade.score)
                row["flags"] = " ".join(row["flags"])
                rows.append(row)
    rows.sort(key=lambda row: (row["assignment"], row["student"]))
    write_atomically(workspace.reports / "grades.csv", _csv(COLUMNS + questions, rows))
    write_atomically(workspace.reports / "moodle.csv", _moodle(rows))
    return workspace.reports / "grades.csv", len(rows)


def _moodle(rows: list[dict]) -> str:
    """One row per student, a column per assignment: map 'Identifiant' to the user field at import."""
    assignments = sorted({row["assignment"] for row in rows})
    students: dict[str, dict] = {}
    for row in rows:
        students.setdefault(row["student"], {"Identifiant": row["student"]})[row["assignment"]] = row["score"]
    return _csv(["Identifiant"] + assignments, [students[s] for s in sorted(students)])


def _csv(columns: list[str], rows: list[dict]) -> str:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


def _number(value: float) -> str:
    return f"{value:g}"
