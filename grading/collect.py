"""Import submissions into submitted/STUDENT/ASSIGNMENT/, as nbgrader expects them.

Sources: a folder SOURCE/STUDENT/*.ipynb (one folder per student), a zip of such
folders, or the zip of Moodle's "Download all submissions" (folders named
"Prénom Nom_12345_assignsubmission_file_", collected as "prenom-nom-12345"). A
submission already collected is never lost: an identical one is left alone, a
different one is moved to submitted-history/ before the new one takes its place.
"""

import filecmp
import os
import re
import shutil
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from grading.workspace import GradingError, Workspace, write_atomically

TIMESTAMP = "timestamp.txt"


@dataclass(frozen=True)
class Collected:
    student: str
    outcome: str        # "new", "unchanged" or "replaced"


MOODLE_FOLDER = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assignsubmission_\w+?_?$")
MAX_ZIP_BYTES = 2 * 2**30


def collect(workspace: Workspace, source: Path, assignment: str) -> list[Collected]:
    """From a folder or a zip (plain or Moodle's)."""
    if source.is_file() and zipfile.is_zipfile(source):
        with tempfile.TemporaryDirectory() as folder:
            return collect_folder(workspace, _unzip(source, Path(folder)), assignment)
    return collect_folder(workspace, source, assignment)


def student_id(folder_name: str) -> str:
    """Moodle's 'Camille Martin_123456_assignsubmission_file_' -> 'camille-martin-123456'; others unchanged."""
    moodle = MOODLE_FOLDER.match(folder_name)
    if not moodle:
        return folder_name
    ascii_name = unicodedata.normalize("NFKD", moodle["name"]).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()) + [moodle["id"]])


def _unzip(archive: Path, folder: Path) -> Path:
    """Extracts safely (no path outside, bounded size), keeping each file's date; returns the folder of students."""
    with zipfile.ZipFile(archive) as zipped:
        entries = [e for e in zipped.infolist() if not e.is_dir()]
        if sum(e.file_size for e in entries) > MAX_ZIP_BYTES:
            raise GradingError(f"{archive} would unpack to more than {MAX_ZIP_BYTES // 2**30} GB; is it the right file?")
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
    if len(children) == 1 and children[0].is_dir() and not list(children[0].glob("*.ipynb")):
        return children[0]                       # the zip of one folder holding the students' folders
    return folder


def collect_folder(workspace: Workspace, source: Path, assignment: str) -> list[Collected]:
    if not source.is_dir():
        raise GradingError(f"{source} is neither a folder nor a zip; expected SOURCE/STUDENT/notebook.ipynb")
    collected = []
    for student_dir in sorted(p for p in source.iterdir() if p.is_dir() and not p.name.startswith(".")):
        notebooks = sorted(student_dir.rglob("*.ipynb"))
        if notebooks:
            collected.append(_collect_one(workspace, student_id(student_dir.name), assignment, notebooks))
    if not collected:
        raise GradingError(f"no submission found in {source}; expected SOURCE/STUDENT/notebook.ipynb")
    return collected


def _collect_one(workspace: Workspace, student: str, assignment: str, notebooks: list[Path]) -> Collected:
    dest = workspace.submission_dir(student, assignment)
    submitted_at = max(nb.stat().st_mtime for nb in notebooks)
    timestamp = datetime.fromtimestamp(submitted_at, timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f %Z")
    outcome = "new"
    if dest.exists():
        if all((dest / nb.name).is_file() and filecmp.cmp(nb, dest / nb.name, shallow=False) for nb in notebooks):
            return Collected(student, "unchanged")
        previous = (dest / TIMESTAMP).read_text().strip() if (dest / TIMESTAMP).exists() else "unknown-time"
        history = workspace.root / "submitted-history" / student / assignment / previous.replace(" ", "_")
        history.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(dest, history)
        outcome = "replaced"
    dest.mkdir(parents=True)
    for nb in notebooks:
        shutil.copy2(nb, dest / nb.name)
    write_atomically(dest / TIMESTAMP, timestamp + "\n")
    workspace.status_file(student, assignment).unlink(missing_ok=True)   # a new submission is graded anew
    return Collected(student, outcome)
