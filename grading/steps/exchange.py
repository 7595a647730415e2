"""nbgrader's exchange, the folder a JupyterHub's users share: `release --exchange` puts each released
assignment in EXCHANGE/COURSE/outbound/, where students fetch it from JupyterLab's Assignments tab (and
submit into EXCHANGE/COURSE/inbound/, which `collect EXCHANGE` reads); `feedback --exchange` puts each
student's HTML feedback in EXCHANGE/COURSE/feedback/, where the same tab fetches it.

Both are nbgrader's own exchange classes (nbgrader release_assignment, release_feedback), run on the
workspace. nbgrader finds a student's feedback by a secret its submit wrote next to the notebook in the
inbound folder; `collect` keeps only notebooks, so the secret is read here, from the student's inbound
folder whose notebooks are the ones collected, owned by the account it names."""

from collections.abc import Callable
from pathlib import Path

from common.files import read_regular_file, write_text_atomically
from grading import settings
from grading.errors import GradingError, last_line
from grading.paths import Workspace
from grading.steps.collect import TIMESTAMP, not_owned_by, student_id, submitted_at

SECRET = "submission_secret.txt"  # nbgrader submit's, in each inbound folder
MAX_SECRET_BYTES = 4096  # nbgrader's is 128 hexadecimal digits


def exchange_api(workspace: Workspace, exchange: Path, course_id: str = settings.COURSE_ID):
    """nbgrader's API on the workspace, with `exchange` as its exchange root and `course_id` as the course."""
    from nbgrader.apps import NbGraderAPI  # slow to import: only when a step needs it
    from nbgrader.coursedir import CourseDirectory

    from grading.nbgrader_setup import nbgrader_config

    if not exchange.is_dir():
        raise GradingError(
            f"no exchange folder {exchange}: create it once, writable by every account, as nbgrader asks "
            f"(mkdir -p {exchange} && chmod 1777 {exchange})"
        )
    config = nbgrader_config(workspace)
    config.Exchange.root = str(exchange.resolve())
    config.CourseDirectory.course_id = course_id
    config.ExchangeReleaseAssignment.force = True  # a release made again replaces the one students fetch
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def release_to_exchange(
    workspace: Workspace,
    assignments: list[str],
    exchange: Path,
    course_id: str = settings.COURSE_ID,
    say: Callable[[str], None] = lambda line: None,
) -> None:
    """Copies release/ASSIGNMENT/ (made by `release`) into EXCHANGE/COURSE/outbound/ASSIGNMENT/."""
    chosen = workspace.chosen_assignments(assignments)
    api = exchange_api(workspace, exchange, course_id)
    for assignment in chosen:
        if not workspace.release_dir(assignment).is_dir():
            raise GradingError(f"{assignment} is not released yet: run `python -m grading release {assignment}`")
        result = api.release_assignment(assignment)
        if not result["success"]:
            raise GradingError(
                f"release of {assignment} into {exchange} failed: {last_line(result.get('error') or result.get('log'))}"
            )
        say(f"released {assignment} -> {exchange / course_id / 'outbound' / assignment} (course {course_id})")


def release_feedback_to_exchange(
    workspace: Workspace,
    assignments: list[str],
    exchange: Path,
    course_id: str = settings.COURSE_ID,
    say: Callable[[str], None] = lambda line: None,
) -> None:
    """Copies each student's feedback/STUDENT/ASSIGNMENT/*.html into EXCHANGE/COURSE/feedback/, under the
    name nbgrader's fetch_feedback looks for. A student whose graded notebook did not come through this
    exchange (a zip, Moodle) is named, and the others still get theirs."""
    api = exchange_api(workspace, exchange, course_id)
    inbound = exchange / course_id / "inbound"
    released, missing = 0, []
    for assignment in workspace.chosen_assignments(assignments):
        for student in workspace.submitted_students(assignment):
            feedback = workspace.feedback_dir(student, assignment)
            if not list(feedback.glob("*.html")):
                continue
            secret = submission_secret(inbound, workspace.submission_dir(student, assignment), student, assignment)
            if secret is None:
                missing.append(f"{assignment}/{student}")
                continue
            write_text_atomically(feedback / SECRET, secret)
            if not (feedback / TIMESTAMP).is_file():  # nbgrader's release_feedback reads it
                when = submitted_at(workspace.submission_dir(student, assignment))
                write_text_atomically(feedback / TIMESTAMP, f"{when:%Y-%m-%d %H:%M:%S.%f} UTC\n" if when else "\n")
            result = api.release_feedback(assignment, student)
            if not result["success"]:
                raise GradingError(
                    f"feedback of {assignment}/{student} could not be released into {exchange}: "
                    f"{last_line(result.get('error') or result.get('log'))}"
                )
            released += 1
            say(f"{assignment}/{student}: feedback released to {exchange / course_id / 'feedback'}")
    say(f"{released} feedback(s) released to the exchange {exchange} (course {course_id})")
    if missing:
        say(f"{len(missing)} feedback(s) not released (not handed in through this exchange): {', '.join(missing)}")


def submission_secret(inbound: Path, collected: Path, student: str, assignment: str) -> str | None:
    """The secret of the latest inbound folder ACCOUNT+ASSIGNMENT+TIMESTAMP+... of `student` that holds
    the notebooks collected in `collected` and belongs to the account it names; None when there is none."""
    if not inbound.is_dir():
        return None
    notebooks = {path.name: path.read_bytes() for path in collected.glob("*.ipynb")}
    candidates = []
    for folder in inbound.iterdir():
        parts = folder.name.split("+")
        if len(parts) < 3 or parts[1] != assignment or student_id(parts[0]) != student or folder.is_symlink():
            continue
        if not notebooks or not_owned_by(folder, parts[0]) or not folder.is_dir():
            continue
        try:
            same = all(read_regular_file(folder / name, len(content)) == content for name, content in notebooks.items())
            secret = read_regular_file(folder / SECRET, MAX_SECRET_BYTES).decode().strip()
        except (OSError, UnicodeDecodeError):
            continue
        if same and secret:
            candidates.append((parts[2], secret))
    return max(candidates)[1] if candidates else None
