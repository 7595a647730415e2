"""Reports: reports/grades.csv (one row per student and assignment, with its status and per-question
scores), reports/moodle.csv (one row per student, one column per assignment, for Moodle's grade
import) and reports/dashboard.html (the class at a glance, see grading.dashboard).

Scores come from the gradebook, so grades given by hand in formgrader appear
in the next report; a submission that was not graded has an empty score.
Flags: tampering found by autograde, `needs_manual_grade`, `late` (handed in after
the due date), `resubmitted` (earlier submissions kept in submitted-history/).
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from common.files import write_text_atomically
from grading.deadlines import due_dates
from grading.errors import GradingError
from grading.paths import Workspace
from grading.spreadsheet import csv_text
from grading.status import Flag, Status, read_verdict
from grading.steps.collect import history_count, submitted_at

COLUMNS = ["student", "assignment", "status", "flags", "score", "max_score", "submitted_at"]


@dataclass(frozen=True)
class QuestionScore:
    student: str
    assignment: str
    question: str  # the grade cell's grade_id
    score: float
    max_score: float


def write_reports(workspace: Workspace, say: Callable[[str], None] = lambda line: None) -> tuple[list[Path], int]:
    from grading.steps.dashboard import dashboard_html

    rows, questions, scores = read_grades(workspace)
    write_text_atomically(workspace.reports / "grades.csv", csv_text(COLUMNS + questions, rows))
    write_text_atomically(workspace.reports / "moodle.csv", _moodle(rows))
    write_text_atomically(workspace.reports / "dashboard.html", dashboard_html(workspace, rows, scores))
    paths = [workspace.reports / name for name in ("grades.csv", "moodle.csv", "dashboard.html")]
    say(f"{len(rows)} submission(s) reported: " + ", ".join(str(path) for path in paths))
    return paths, len(rows)


def read_grades(workspace: Workspace) -> tuple[list[dict], list[str], list[QuestionScore]]:
    """Rows of grades.csv, its per-question columns, and every graded question's score."""
    from nbgrader.api import Gradebook, MissingEntry

    rows, questions, scores = [], [], []
    verdicts = [read_verdict(path) for path in sorted((workspace.root / "status").glob("*/*.json"))]
    if not verdicts:
        return rows, questions, scores
    due = due_dates(workspace)
    with Gradebook(f"sqlite:///{workspace.gradebook.resolve()}") as gradebook:
        for verdict in verdicts:
            assignment = gradebook.find_assignment(verdict.assignment)
            cells = sorted(cell.name for notebook in assignment.notebooks for cell in notebook.grade_cells)
            questions += [
                f"{verdict.assignment}:{name}" for name in cells if f"{verdict.assignment}:{name}" not in questions
            ]
            handed_in = submitted_at(workspace.submission_dir(verdict.student, verdict.assignment))
            row = {
                "student": verdict.student,
                "assignment": verdict.assignment,
                "status": verdict.status,
                "flags": list(verdict.flags),
                "score": "",
                "max_score": _number(assignment.max_score),
                "submitted_at": f"{handed_in:%Y-%m-%d %H:%M:%S}" if handed_in else "",
            }
            if handed_in and verdict.assignment in due and handed_in > due[verdict.assignment]:
                row["flags"].append(Flag.LATE)
            if history_count(workspace, verdict.student, verdict.assignment):
                row["flags"].append(Flag.RESUBMITTED)
            if verdict.status == Status.GRADED:
                try:
                    submission = gradebook.find_submission(verdict.assignment, verdict.student)
                except MissingEntry:
                    raise GradingError(
                        f"{verdict.assignment}/{verdict.student} is marked graded "
                        "but is not in the gradebook; re-run autograde with --force"
                    ) from None
                row["score"] = _number(submission.score)
                if submission.needs_manual_grade:
                    row["flags"].append(Flag.NEEDS_MANUAL_GRADE)
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.score is not None and not grade.needs_manual_grade:
                            row[f"{verdict.assignment}:{grade.name}"] = _number(grade.score)
                            scores.append(
                                QuestionScore(
                                    verdict.student, verdict.assignment, grade.name, grade.score, grade.max_score
                                )
                            )
            row["flags"] = " ".join(row["flags"])
            rows.append(row)
    rows.sort(key=lambda row: (row["assignment"], row["student"]))
    return rows, questions, scores


def _moodle(rows: list[dict]) -> str:
    """One row per student, a column per assignment: map 'Identifiant' to the user field at import."""
    assignments = sorted({row["assignment"] for row in rows})
    students: dict[str, dict] = {}
    for row in rows:
        students.setdefault(row["student"], {"Identifiant": row["student"]})[row["assignment"]] = row["score"]
    return csv_text(["Identifiant"] + assignments, [students[s] for s in sorted(students)])


def _number(value: float) -> str:
    return f"{value:g}"
