"""Reports: reports/grades.csv (one row per student and assignment, with its status and per-question
scores) and reports/dashboard.html (the class at a glance, see grading.dashboard); on demand, for
Moodle (see grading.steps.moodle): an assignment's grading worksheet filled and its feedback zip, and
the course gradebook's CSV.

Scores come from the gradebook, so grades given by hand in formgrader appear
in the next report; a submission that was not graded has an empty score.
Flags: tampering found by autograde, `needs_manual_grade`, `late` (handed in after
the due date), `resubmitted` (earlier submissions kept in submitted-history/).
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from common.files import write_bytes_atomically, write_text_atomically
from grading.deadlines import due_dates
from grading.errors import GradingError
from grading.paths import Workspace
from grading.settings import MOODLE_MATCH
from grading.spreadsheet import csv_text
from grading.status import Flag, Status, read_verdict
from grading.steps import moodle
from grading.steps.collect import history_count, submitted_at

COLUMNS = ["student", "assignment", "status", "flags", "score", "max_score", "submitted_at"]


@dataclass(frozen=True)
class QuestionScore:
    student: str
    assignment: str
    question: str  # the grade cell's grade_id
    score: float
    max_score: float


def write_reports(
    workspace: Workspace,
    say: Callable[[str], None] = lambda line: None,
    worksheet: Path | None = None,
    participants: Path | None = None,
    match: str = MOODLE_MATCH,
) -> tuple[list[Path], int]:
    """`worksheet`: an assignment's Moodle grading worksheet to fill (with its feedback zip);
    `participants`: Moodle's participants list, for the gradebook CSVs matched on `match`. Every file is
    made before any is written: bad input leaves the reports as they were."""
    from grading.steps.dashboard import dashboard_html

    rows, questions, scores = read_grades(workspace)
    reports = workspace.reports
    files: dict[Path, str | bytes] = {
        reports / "grades.csv": csv_text(COLUMNS + questions, rows),
        reports / "dashboard.html": dashboard_html(workspace, rows, scores),
    }
    lines = []
    if worksheet or participants:
        collected = _collected(workspace, rows)
        if worksheet:
            sheet = moodle.read_worksheet(worksheet)
            assignment = moodle.worksheet_assignment(sheet, worksheet.name, collected)
            filled = moodle.fill_worksheet(sheet, collected[assignment])
            archive, count = moodle.feedback_zip(collected[assignment])
            files[reports / f"moodle-worksheet-{assignment}.csv"] = filled.text
            files[reports / f"moodle-feedback-{assignment}.zip"] = archive
            lines += [f"{assignment}: Moodle grading worksheet filled for {len(filled.filled)} student(s)"]
            lines += [f"  {note}" for note in filled.notes]
            lines += [f"{assignment}: feedback of {count} student(s) for 'Upload multiple feedback files in a zip'"]
        if participants:
            book = moodle.gradebook(participants, match, collected)
            files |= {reports / f"moodle-gradebook-{a}.csv": text for a, text in book.files.items()}
            lines += [f"Moodle gradebook: {book.matched} participant(s) matched on {match}, one file per assignment"]
            lines += [f"  left out: {line}" for line in book.unmatched]
    for path, content in files.items():
        (write_text_atomically if isinstance(content, str) else write_bytes_atomically)(path, content)
    for line in lines:
        say(line)
    say(f"{len(rows)} submission(s) reported: " + ", ".join(str(path) for path in files))
    return list(files), len(rows)


def _collected(workspace: Workspace, rows: list[dict]) -> dict[str, list[moodle.Collected]]:
    """Every assignment's collected submissions, with their grades.csv row and Moodle identity."""
    by_key = {(row["student"], row["assignment"]): row for row in rows}
    return {
        assignment: [
            moodle.Collected(
                student,
                by_key.get((student, assignment)),
                moodle.read_identity(workspace.submission_dir(student, assignment)),
                tuple(sorted(workspace.feedback_dir(student, assignment).glob("*.html"))),
            )
            for student in workspace.submitted_students(assignment)
        ]
        for assignment in workspace.assignments()
    }


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


def _number(value: float) -> str:
    return f"{value:g}"
