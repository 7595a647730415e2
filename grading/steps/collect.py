"""Import submissions into submitted/STUDENT/ASSIGNMENT/, as nbgrader expects them.

Sources: a folder SOURCE/STUDENT/*.ipynb (one folder per student), a zip of such
folders, the zip of Moodle's "Download all submissions" (folders named
"Prénom Nom_12345_assignsubmission_file", collected as "prenom-nom-12345", with
the participant id and full name Moodle gave them: see grading.steps.moodle), or
nbgrader's exchange (SOURCE/inbound/STUDENT+ASSIGNMENT+TIMESTAMP+..., or
SOURCE/COURSE/inbound/...).

Nothing is ever lost: each submission keeps its time (timestamp.txt, nbgrader's
format); an identical one is left alone; a newer one takes the place of the
collected one, which moves to submitted-history/; an older one goes straight to
submitted-history/. Each outcome is reported, with how late a submission is when
the assignment has a due date.
"""

import filecmp
import os
import pwd
import re
import shutil
import stat
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath

from common.files import read_regular_file, staged_folder, write_text_atomically
from grading.deadlines import due_dates, parse_due, set_due_date
from grading.errors import GradingError
from grading.paths import Workspace
from grading.settings import CLAIMED_TIME_SLACK, MAX_NOTEBOOK_BYTES, MAX_ZIP_BYTES
from grading.steps.moodle import MoodleIdentity, read_identity, write_identity

TIMESTAMP = "timestamp.txt"
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f UTC"  # nbgrader's, in UTC


@dataclass(frozen=True)
class Submission:
    student: str
    notebooks: tuple[Path, ...]
    submitted_at: datetime | None  # UTC, aware
    refused: str = ""  # why this submission cannot be collected (then nothing of it is copied)
    name: str = ""  # as the source names the student (folder or account)
    moodle: MoodleIdentity | None = None  # a submission of Moodle's zip: who Moodle says it is


@dataclass(frozen=True)
class Collected:
    student: str
    outcome: str  # "new", "unchanged", "replaced" (a newer one), "older" (kept in history) or "refused"
    submitted_at: datetime | None
    late_by: timedelta | None = None
    reason: str = ""

    def describe(self) -> str:
        if self.outcome == "refused":
            return f"refused: {self.reason}"
        text = f"{self.outcome}, handed in {self.submitted_at:%Y-%m-%d %H:%M} UTC"
        if self.outcome == "replaced":
            text += " (the earlier submission is kept in submitted-history/)"
        elif self.outcome == "older":
            text += " (older than the one already collected: kept in submitted-history/ only)"
        if self.late_by:
            text += f", LATE by {_duration(self.late_by)}"
        return text


def collect_submissions(
    workspace: Workspace,
    source: Path,
    assignment: str,
    due: str | None = None,
    check_owner: bool = True,
    say: Callable[[str], None] = lambda line: None,
) -> list[Collected]:
    """collect's command: `due` ('2026-11-30 18:00', Paris time) is kept in the gradebook for later
    collections and reports; without it, the due date kept earlier applies."""
    workspace.chosen_assignments([assignment])
    due_date = parse_due(due) if due else due_dates(workspace).get(assignment)
    collected = collect(workspace, source, assignment, due_date, check_owner)
    if due:
        set_due_date(workspace, assignment, due_date)
    for item in collected:
        say(f"{assignment}/{item.student}: {item.describe()}")
    late = sum(item.late_by is not None for item in collected)
    say(
        f"{assignment}: {len(collected)} submission(s) read, "
        f"{sum(item.outcome in ('new', 'replaced') for item in collected)} collected, "
        f"{sum(item.outcome == 'refused' for item in collected)} refused"
        + (f", {late} late (due {due_date:%Y-%m-%d %H:%M} UTC)" if due_date else ", no due date (see --due)")
    )
    return collected


def collect(
    workspace: Workspace, source: Path, assignment: str, due: datetime | None = None, check_owner: bool = True
) -> list[Collected]:
    """From a folder, a zip (plain or Moodle's) or nbgrader's exchange; `due` (UTC) flags late submissions.

    A submission is refused, with its reason, when its folder name gives no student identifier, when
    it holds a symbolic link or a special file where a notebook should be, or (in the exchange, unless
    `check_owner` is False) when it is not owned by the account of the student it names."""
    if source.is_file() and zipfile.is_zipfile(source):
        with tempfile.TemporaryDirectory() as folder:
            found = submissions_in_folder(_unzip(source, Path(folder)))
            if not found:
                raise GradingError(
                    f"no student folder with a notebook in {source}; from Moodle, download all submissions "
                    "with 'Download submissions in folders' ticked"
                )
            return store(workspace, found, assignment, due)
    if not source.is_dir():
        raise GradingError(f"{source} is neither a folder nor a zip; expected SOURCE/STUDENT/notebook.ipynb")
    inbound = exchange_inbound(source)
    found = submissions_in_exchange(inbound, assignment, check_owner) if inbound else submissions_in_folder(source)
    if not found:
        where = f"nbgrader's exchange {inbound} for {assignment}" if inbound else source
        raise GradingError(f"no submission found in {where}; expected SOURCE/STUDENT/notebook.ipynb")
    return store(workspace, found, assignment, due)


def student_id(folder_name: str) -> str:
    """A safe identifier (lower-case ASCII letters, digits and '-'; '' when none is left):
    Moodle's 'Camille Martin_123456_assignsubmission_file' -> 'camille-martin-123456',
    'Zoé Lefèvre' -> 'zoe-lefevre'; '..' or a name of control characters -> ''."""
    moodle = MoodleIdentity.of_folder(folder_name)
    name, number = (moodle.fullname, [moodle.participant]) if moodle else (folder_name, [])
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()) + number)


def _refusal(student: str, folder_name: str, notebooks: list[Path]) -> str:
    """Why a student's folder cannot be collected, or ''."""
    if not student:
        return f"the folder name {folder_name!r} gives no student identifier (letters or digits); rename it"
    for path in notebooks:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode) or not stat.S_ISREG(mode):
            kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
            return f"{path.name!r} in {folder_name!r} is {kind}; only notebook files are collected"
        too_large = notebook_too_large(path)
        if too_large:
            return f"{path.name!r} in {folder_name!r}: {too_large}"
    return ""


def notebook_too_large(path: Path) -> str:
    """Why a handed-in notebook is too large to be read, or ''."""
    size = path.lstat().st_size
    if size <= MAX_NOTEBOOK_BYTES:
        return ""
    return (
        f"{size / 2**20:.0f} MB, over the {MAX_NOTEBOOK_BYTES // 2**20} MB a notebook may weigh; "
        "the student clears its outputs (Noyau > Redémarrer le noyau et effacer les sorties) and hands it in again"
    )


def _notebooks_in(folder: Path) -> list[Path]:
    """The *.ipynb entries below `folder`, without following symbolic links to folders; of two with the
    same name (a draft in a subfolder), the one nearest the top."""
    found = {}
    for parent, folders, files in os.walk(folder):
        for name in sorted(files + folders):
            if name.endswith(".ipynb"):
                path = Path(parent) / name
                kept = found.get(name)
                if kept is None or (len(path.parts), str(path)) < (len(kept.parts), str(kept)):
                    found[name] = path
    return sorted(found.values())


def submissions_in_folder(source: Path) -> list[Submission]:
    """SOURCE/STUDENT/**.ipynb; a submission's time is that of its newest notebook file."""
    found = []
    for entry in sorted(p for p in source.iterdir() if not p.name.startswith(".")):
        student = student_id(entry.name)
        if entry.is_symlink():
            found.append(
                Submission(
                    student, (), None, f"{entry.name!r} is a symbolic link; only folders are collected", entry.name
                )
            )
            continue
        moodle = MoodleIdentity.of_folder(entry.name)
        if not entry.is_dir() or (moodle and moodle.plugin != "file"):  # Moodle's online text: no notebook
            continue
        notebooks = _notebooks_in(entry)
        refused = _refusal(student, entry.name, notebooks)
        if refused or notebooks:
            newest = None if refused else datetime.fromtimestamp(max(nb.stat().st_mtime for nb in notebooks), UTC)
            found.append(Submission(student, tuple(notebooks), newest, refused, entry.name, moodle))
    return refuse_shared_ids(found)


def refuse_shared_ids(found: list[Submission]) -> list[Submission]:
    """Two students whose names give the same identifier ('José Martin', 'Jose Martin') are never taken
    for one: both are refused until one is renamed."""
    names: dict[str, set[str]] = {}
    for submission in found:
        names.setdefault(submission.student, set()).add(submission.name)
    return [
        Submission(
            s.student,
            (),
            None,
            f"{' and '.join(map(repr, sorted(names[s.student])))} give the same identifier {s.student!r}: "
            "rename one of them (for instance with a number), then collect again",
            s.name,
            s.moodle,
        )
        if len(names[s.student]) > 1 and s.student
        else s
        for s in found
    ]


def exchange_inbound(source: Path) -> Path | None:
    """The inbound folder when `source` is nbgrader's exchange (or one course of it), else None."""
    if (source / "inbound").is_dir():
        return source / "inbound"
    courses = sorted(p for p in source.glob("*/inbound") if p.is_dir())
    if len(courses) > 1:
        raise GradingError(
            f"{source} is an nbgrader exchange with several courses "
            f"({', '.join(p.parent.name for p in courses)}); name one, e.g. {courses[0].parent}"
        )
    return courses[0] if courses else None


def submissions_in_exchange(inbound: Path, assignment: str, check_owner: bool = True) -> list[Submission]:
    """nbgrader submit writes inbound/STUDENT+ASSIGNMENT+TIMESTAMP+RANDOM/ with timestamp.txt inside,
    owned by the student's account: like nbgrader's own collect, a folder owned by anyone else is refused."""
    found = []
    for folder in sorted(inbound.iterdir()):
        parts = folder.name.split("+")
        if len(parts) < 3 or parts[1] != assignment or folder.is_symlink() or not folder.is_dir():
            continue
        student = student_id(parts[0])
        notebooks = sorted(folder.glob("*.ipynb"))
        refused = _refusal(student, parts[0], notebooks) or (check_owner and not_owned_by(folder, parts[0]))
        if refused:
            found.append(Submission(student, (), None, refused, parts[0]))
            continue
        claimed = _claimed_time(folder, parts[2])
        if check_owner:  # the folder's change time is the system's, and cannot be set back by its owner
            written = datetime.fromtimestamp(folder.lstat().st_ctime, UTC) - CLAIMED_TIME_SLACK
            claimed = written if claimed is None or claimed < written else claimed
        if notebooks and claimed is not None:
            found.append(Submission(student, tuple(notebooks), claimed, "", parts[0]))
        elif notebooks:
            found.append(Submission(student, (), None, f"{folder.name!r} has no readable submission time", parts[0]))
    return refuse_shared_ids(found)


def _claimed_time(folder: Path, in_name: str) -> datetime | None:
    """The time the submission says it was handed in (its timestamp.txt, else its folder's name), or None.
    Written on the student's side: a lower bound the exchange's own clock may correct."""
    try:
        text = read_regular_file(folder / TIMESTAMP, 200).decode().strip()
    except FileNotFoundError:
        text = in_name
    except (OSError, UnicodeDecodeError):
        return None
    try:
        return parse_timestamp(text)
    except GradingError:
        return None


def not_owned_by(folder: Path, account: str) -> str:
    """Why `folder` is not the submission of `account`, or '' when `account` owns it."""
    owner = folder.lstat().st_uid
    try:
        name = pwd.getpwuid(owner).pw_name
    except KeyError:
        name = f"uid {owner}"
    if name == account:
        return ""
    return (
        f"{folder.name!r} names {account!r} but belongs to {name!r}: not collected (a submission in another "
        "student's name); pass --no-owner-check only for an exchange copied from elsewhere"
    )


def parse_timestamp(text: str) -> datetime:
    """nbgrader's '2026-11-20 17:58:03.123456 UTC' (or any ISO date, UTC when no offset is given)."""
    try:
        moment = datetime.fromisoformat(text.removesuffix(" UTC").strip())
    except ValueError:
        raise GradingError(f"cannot read the submission time {text!r}; expected e.g. 2026-11-20 17:58:03 UTC") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def submitted_at(folder: Path) -> datetime | None:
    stamp = folder / TIMESTAMP
    return parse_timestamp(stamp.read_text().strip()) if stamp.is_file() else None


def store(workspace: Workspace, found: list[Submission], assignment: str, due: datetime | None) -> list[Collected]:
    """Oldest first, so that a student's latest submission is the one graded; refused ones are reported."""
    refused = [Collected(s.student or "?", "refused", None, reason=s.refused) for s in found if s.refused]
    kept = sorted((s for s in found if not s.refused), key=lambda s: (s.student, s.submitted_at))
    return refused + [_store_one(workspace, s, assignment, due) for s in kept]


def _store_one(workspace: Workspace, submission: Submission, assignment: str, due: datetime | None) -> Collected:
    dest = workspace.submission_dir(submission.student, assignment)
    late_by = submission.submitted_at - due if due and submission.submitted_at > due else None
    result = Collected(submission.student, "new", submission.submitted_at, late_by)
    if dest.exists():
        if all(
            (dest / nb.name).is_file() and filecmp.cmp(nb, dest / nb.name, shallow=False) for nb in submission.notebooks
        ):
            if submission.moodle and _kept_identity(dest) != submission.moodle:  # collected before it was kept
                write_identity(dest, submission.moodle)
            return Collected(submission.student, "unchanged", submission.submitted_at, late_by)
        current = submitted_at(dest)
        if current and submission.submitted_at < current:
            _write(_history(workspace, submission.student, assignment, submission.submitted_at), submission)
            return Collected(submission.student, "older", submission.submitted_at, late_by)
        history = _history(workspace, submission.student, assignment, current)
        history.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(dest, history)
        result = Collected(submission.student, "replaced", submission.submitted_at, late_by)
    _write(dest, submission)
    workspace.status_file(submission.student, assignment).unlink(missing_ok=True)  # graded anew
    shutil.rmtree(workspace.feedback_dir(submission.student, assignment), ignore_errors=True)  # that of the old one
    return result


def _kept_identity(dest: Path) -> MoodleIdentity | None:
    try:
        return read_identity(dest)
    except GradingError:  # damaged: written again
        return None


def _history(workspace: Workspace, student: str, assignment: str, moment: datetime | None) -> Path:
    name = moment.strftime("%Y-%m-%dT%H-%M-%S.%fZ") if moment else "unknown-time"
    folder = workspace.history_dir(student, assignment) / name
    return folder if not folder.exists() else folder.with_name(f"{name}-{time.time_ns()}")


def _write(dest: Path, submission: Submission) -> None:
    """Into a staging folder renamed into place: a crash never leaves a half-copied submission."""
    with staged_folder(dest) as staging:
        for nb in submission.notebooks:
            shutil.copy2(nb, staging / nb.name)
        write_text_atomically(staging / TIMESTAMP, submission.submitted_at.strftime(TIMESTAMP_FORMAT) + "\n")
        if submission.moodle:
            write_identity(staging, submission.moodle)


def history_count(workspace: Workspace, student: str, assignment: str) -> int:
    """How many earlier (or older) submissions of this student are kept in submitted-history/."""
    folder = workspace.history_dir(student, assignment)
    return sum(1 for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else 0


def _unzip(archive: Path, folder: Path) -> Path:
    """Extracts safely (no path outside, bounded size), keeping each file's date; returns the folder of students."""
    with zipfile.ZipFile(archive) as zipped:
        entries = [e for e in zipped.infolist() if not e.is_dir()]
        if sum(e.file_size for e in entries) > MAX_ZIP_BYTES:
            raise GradingError(
                f"{archive} would unpack to more than {MAX_ZIP_BYTES // 2**30} GB; is it the right file?"
            )
        for entry in entries:
            path = PurePosixPath(entry.filename)
            if path.is_absolute() or ".." in path.parts:
                raise GradingError(f"{archive} holds {entry.filename!r}, a path outside the archive; nothing collected")
            target = folder.joinpath(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zipped.read(entry))
            stamp = time.mktime(entry.date_time + (0, 0, -1))
            os.utime(target, (stamp, stamp))
    children = [p for p in folder.iterdir() if not p.name.startswith((".", "__MACOSX"))]
    wrapper = len(children) == 1 and children[0].is_dir() and not MoodleIdentity.of_folder(children[0].name)
    if wrapper and not list(children[0].glob("*.ipynb")):
        return children[0]  # the zip of one folder holding the students' folders
    return folder


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    return (
        " ".join(f"{n} {unit}" for n, unit in ((days, "d"), (hours, "h"), (minutes, "min")) if n) or "less than 1 min"
    )
