"""Moodle, per assignment and both ways.

In: `collect` reads the zip of an assignment's "Download all submissions"; each submission keeps the
participant id and the full name Moodle gave it (moodle.json beside timestamp.txt). That id is the
assignment's own (Moodle's get_uniqueid_for_user), so only the assignment's screens accept it:

- its offline grading worksheet, filled here (`report --moodle-worksheet`) for "Upload grading
  worksheet": every column, row and header kept as Moodle wrote them, in English or French; the grade
  and the feedback comment filled;
- its "Upload multiple feedback files in a zip", for the HTML feedback of each student.

The course gradebook's CSV import matches students on their email, ID number or username only, so
`report --moodle-gradebook PARTICIPANTS.csv` matches each student with the participants list exported
from Moodle, and lists those it cannot match rather than guess.
"""

import csv
import html
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from common.files import write_text_atomically
from grading.errors import GradingError
from grading.settings import MOODLE_MATCH_FIELDS
from grading.spreadsheet import csv_text, neutralised
from grading.status import Flag, Status

IDENTITY_FILE = "moodle.json"
# "Prénom Nom_123456_assignsubmission_file" (Moodle 4.1+; earlier versions end with "_").
SUBMISSION_FOLDER = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z]+)_?$")

# Headers of Moodle 4.x's grading worksheet, as its English and French language packs write them.
WORKSHEET_HEADERS = {
    "id": ("Identifier", "Identifiant"),
    "grade": ("Grade", "Note"),
    "max": ("Maximum grade", "Note maximale"),
    "can_change": ("Grade can be changed", "La note peut être modifiée"),
    "comments": ("Feedback comments", "Feedback par commentaires", "Commentaires de feedback"),
    "modified": ("Last modified (grade)", "Dernière modification (note)"),
}
NO = ("No", "Non")
# Headers of the participants list (Participants > Download table data as CSV, or a gradebook export).
PARTICIPANT_HEADERS = {
    "first": ("First name", "Prénom"),
    "last": ("Last name", "Surname", "Nom", "Nom de famille"),
    "full": ("Full name", "Nom complet"),
    "email": ("Email address", "Adresse de courriel", "Adresse courriel", "Email", "Courriel"),
    "idnumber": ("ID number", "Numéro d'identification", "Numéro d’identification"),
    "username": ("Username", "Nom d'utilisateur", "Nom d’utilisateur"),
}

NOT_GRADED = {  # why a submission has no grade, for the student (the feedback comment is theirs)
    Status.INVALID_NOTEBOOK: "le fichier remis n'est pas un carnet Jupyter lisible",
    Status.TIMEOUT: "le carnet a dépassé le temps d'exécution autorisé",
    Status.KERNEL_DIED: "le noyau Python s'est arrêté pendant l'exécution du carnet",
    Status.MEMORY_EXCEEDED: "le carnet a utilisé plus de mémoire que permis",
    Status.ERROR: "la correction automatique a échoué",
}
FLAG_NOTES = {
    Flag.LATE: "Remis après la date limite.",
    Flag.NEEDS_MANUAL_GRADE: "Une partie sera corrigée à la main : cette note est provisoire.",
    Flag.LOCKED_CELL_EDITED: "Une cellule verrouillée a été modifiée : elle a été rétablie avant la correction.",
    Flag.LOCKED_CELL_DELETED: "Une cellule verrouillée a été supprimée : elle a été rétablie avant la correction.",
}


@dataclass(frozen=True)
class MoodleIdentity:
    participant: str  # the assignment's participant id, e.g. "123456"
    fullname: str  # as Moodle wrote it in the folder name
    plugin: str = field(default="file", compare=False)  # the submission plugin of the folder (file, onlinetext)

    @classmethod
    def of_folder(cls, folder_name: str) -> "MoodleIdentity | None":
        match = SUBMISSION_FOLDER.match(folder_name)
        return cls(match["id"], match["name"], match["plugin"]) if match else None


def write_identity(folder: Path, identity: MoodleIdentity) -> None:
    content = {"participant": identity.participant, "fullname": identity.fullname}
    write_text_atomically(folder / IDENTITY_FILE, json.dumps(content, ensure_ascii=False) + "\n")


def read_identity(submission: Path) -> MoodleIdentity | None:
    """The Moodle identity collect wrote for a submission that came from Moodle's zip, else None."""
    path = submission / IDENTITY_FILE
    if not path.is_file():
        return None
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        identity = MoodleIdentity(str(content["participant"]), str(content["fullname"]))
    except (ValueError, KeyError, TypeError):
        identity = None
    if identity is None or not identity.participant.isdigit():
        raise GradingError(f"{path} is damaged; collect the assignment's Moodle zip again")
    return identity


@dataclass(frozen=True)
class Sheet:
    """A CSV file as Moodle (or a spreadsheet) wrote it, to write back the same way."""

    header: list[str]
    rows: list[list[str]]
    delimiter: str
    line_end: str
    bom: bool

    @classmethod
    def read(cls, path: Path, what: str) -> "Sheet":
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise GradingError(f"cannot read {path}: {error.strerror or error}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise GradingError(f"{path} is not UTF-8 text; download the {what} from Moodle again") from None
        bom = text.startswith("\ufeff")
        text = text.removeprefix("\ufeff")
        csv.field_size_limit(2**31 - 1)  # an online text cell may be long
        first_line = text.split("\n", 1)[0]
        delimiter = max((",", ";", "\t"), key=first_line.count)
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        if not table:
            raise GradingError(f"{path} is empty; download the {what} from Moodle again")
        width = len(table[0])
        rows = [row + [""] * (width - len(row)) for row in table[1:] if any(cell.strip() for cell in row)]
        return cls(table[0], rows, delimiter, "\r\n" if "\r\n" in first_line + "\n" else "\n", bom)

    def column(self, kind: str, names: dict) -> int | None:
        found = [i for i, header in enumerate(self.header) if header.strip() in names[kind]]
        return found[0] if found else None

    def text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=self.delimiter, lineterminator=self.line_end)
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return ("\ufeff" if self.bom else "") + out.getvalue()


@dataclass(frozen=True)
class Collected:
    """A collected submission of the assignment, its grades.csv row and its Moodle identity."""

    student: str
    row: dict | None  # grades.csv's row; None when autograde has not run on it yet
    identity: MoodleIdentity | None
    feedback: tuple[Path, ...]  # its HTML feedback files


@dataclass(frozen=True)
class WorksheetResult:
    text: str  # the worksheet filled, as Moodle's "Upload grading worksheet" reads it
    filled: list[str]  # students whose row was filled
    notes: list[str]  # what the instructor should know: rows left alone and why, submissions with no row


def read_worksheet(path: Path) -> Sheet:
    """A Moodle grading worksheet, with the columns its import needs (one line why it is not one)."""
    sheet = Sheet.read(path, "grading worksheet")
    if any(sheet.column(kind, WORKSHEET_HEADERS) is None for kind in ("id", "grade", "modified")):
        raise GradingError(
            f"{path} is not a Moodle grading worksheet (no Identifier, Grade and Last modified (grade) "
            "columns); download it from the assignment: View all submissions > Download grading worksheet"
        )
    if sheet.column("max", WORKSHEET_HEADERS) is None:
        raise GradingError(
            f"{path} has no Maximum grade column: the assignment is graded on a scale, or the column was "
            "removed; the kit gives points: set the assignment's grade type to Point, then download it again"
        )
    return sheet


def fill_worksheet(sheet: Sheet, submissions: list[Collected]) -> WorksheetResult:
    """The worksheet (read_worksheet) with each collected submission's grade (scaled to the worksheet's
    maximum grade) and feedback comment; rows without a submission untouched. A submission that was not
    graded never gets a grade: its comment says why."""
    columns = {kind: sheet.column(kind, WORKSHEET_HEADERS) for kind in WORKSHEET_HEADERS}
    by_participant: dict[str, list[Collected]] = {}
    for submission in submissions:
        if submission.identity:
            by_participant.setdefault(submission.identity.participant, []).append(submission)
    filled, notes, seen = [], [], set()
    for row in sheet.rows:
        participant = _participant(row[columns["id"]])
        found = by_participant.get(participant, [])
        seen.add(participant)
        if len(found) > 1:  # a name changed in Moodle between two downloads: which one is meant?
            names = ", ".join(s.student for s in found)
            notes.append(
                f"participant {participant} has {len(found)} collected submissions ({names}): left alone; "
                "delete the outdated one under submitted/, then report again"
            )
            continue
        if not found:
            continue
        submission, why = found[0], ""
        moodle_max = _number(row[columns["max"]])
        if columns["can_change"] is not None and row[columns["can_change"]].strip() in NO:
            why = "the grade is locked in Moodle (Grade can be changed: No)"
        elif submission.row is None:
            why = "collected but not graded yet; run autograde, then report"
        elif not moodle_max:
            why = f"no maximum grade in its row ({row[columns['max']]!r})"
        elif _above_maximum(submission.row):
            score, maximum = submission.row["score"], submission.row["max_score"]
            why = f"a score above the maximum ({score} / {maximum}): grade it in Moodle"
        if why:
            notes.append(f"{submission.student}: left alone: {why}")
            continue
        decimal = "," if "," in row[columns["max"]] else "."
        grade, comment = _grade_and_comment(submission.row, moodle_max, decimal, row[columns["grade"]])
        if grade is not None:
            row[columns["grade"]] = grade
        if columns["comments"] is not None:
            row[columns["comments"]] = comment
        if "needs_manual_grade" in submission.row["flags"].split():
            notes.append(f"{submission.student}: provisional grade (questions still to grade by hand)")
        filled.append(submission.student)
    if columns["comments"] is None:
        notes.append("no Feedback comments column: grades only (enable Feedback comments in the assignment)")
    notes += sorted(
        f"{s.student}: " + ("not in the worksheet" if s.identity else "not from Moodle's zip (no participant id)")
        for s in submissions
        if not s.identity or s.identity.participant not in seen
    )
    return WorksheetResult(sheet.text(), filled, notes)


def worksheet_assignment(sheet: Sheet, name: str, candidates: dict[str, list[Collected]]) -> str:
    """The assignment whose collected Moodle submissions the worksheet's identifiers name (an id is
    unique to one assignment in Moodle); `name`: the worksheet's file name, for the messages."""
    id_column = sheet.column("id", WORKSHEET_HEADERS)
    ids = {_participant(row[id_column]) for row in sheet.rows}
    hits = {
        assignment: sum(bool(s.identity and s.identity.participant in ids) for s in submissions)
        for assignment, submissions in candidates.items()
    }
    best = sorted((a for a, n in hits.items() if n), key=lambda a: -hits[a])
    if not best:
        raise GradingError(
            f"no collected submission has a participant id of {name}; collect the assignment's "
            "'Download all submissions' zip first (python -m grading collect ZIP --assignment A)"
        )
    if len(best) > 1 and hits[best[0]] == hits[best[1]]:
        raise GradingError(f"{name} names submissions of {', '.join(best)}: give each its own worksheet")
    return best[0]


def feedback_zip(submissions: list[Collected]) -> tuple[bytes, int]:
    """The zip for "Upload multiple feedback files in a zip": FULLNAME_ID_assignfeedback_file/FILE.html for
    each graded Moodle submission, and how many students it holds."""
    buffer = io.BytesIO()
    count = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for submission in submissions:
            graded = submission.row is not None and submission.row["status"] == Status.GRADED
            if not (submission.identity and submission.feedback and graded):
                continue
            who = submission.identity
            folder = f"{_folder_name(who.fullname)}_{who.participant}_assignfeedback_file"
            for page in submission.feedback:
                zipped.write(page, f"{folder}/{page.name}")
            count += 1
    return buffer.getvalue(), count


@dataclass(frozen=True)
class GradebookResult:
    files: dict[str, str]  # assignment -> its CSV for the gradebook's import
    matched: int  # participants with at least one grade
    unmatched: list[str]  # students (and why) left out


def gradebook(participants: Path, match: str, assignments: dict[str, list[Collected]]) -> GradebookResult:
    """One CSV per assignment: the `match` field as the participants list has it, then the assignment's
    score, for the graded submissions only (Moodle's import takes an empty cell for "no grade" and would
    clear a grade it has). Students matching no participant, or several, are listed, never guessed."""
    sheet = Sheet.read(participants, "participants list")
    key = sheet.column(match, PARTICIPANT_HEADERS)
    if key is None:
        names = " or ".join(repr(n) for n in PARTICIPANT_HEADERS[match])
        raise GradingError(
            f"{participants.name} has no {names} column to match on; export the participants with it, "
            f"or choose another --match ({', '.join(MOODLE_MATCH_FIELDS)})"
        )
    people = [_Person.of(row, sheet) for row in sheet.rows]
    files, unmatched, matched = {}, [], set()
    for assignment, submissions in sorted(assignments.items()):
        scores: dict[int, list[str]] = {}
        column = ""
        for submission in submissions:
            if submission.row is None or submission.row["status"] != Status.GRADED:
                continue
            column = f"{assignment} (sur {submission.row['max_score']})"
            found = [i for i, person in enumerate(people) if person.is_student(submission)]
            value = sheet.rows[found[0]][key].strip() if len(found) == 1 else ""
            if len(found) != 1:
                why = "no participant" if not found else f"{len(found)} participants"
                unmatched.append(f"{assignment}/{submission.student}: {why} match {_described(submission)}")
            elif not value or neutralised(value) != value:
                unmatched.append(f"{assignment}/{submission.student}: its participant's {match} is {value!r}")
            else:
                scores.setdefault(found[0], []).append(submission.row["score"])
        for person, values in sorted(scores.items()):
            if len(values) > 1:
                unmatched.append(f"{assignment}: {len(values)} submissions match {sheet.rows[person][key]!r}")
        header = sheet.header[key]
        rows = [{header: sheet.rows[p][key].strip(), column: v[0]} for p, v in sorted(scores.items()) if len(v) == 1]
        matched |= {p for p, v in scores.items() if len(v) == 1}
        if rows:
            files[assignment] = csv_text([header, column], rows)
    return GradebookResult(files, len(matched), sorted(unmatched))


@dataclass(frozen=True)
class _Person:
    names: frozenset  # normalised "first last" and "last first" (or the full name)
    keys: frozenset  # normalised username, ID number, email

    @classmethod
    def of(cls, row: list[str], sheet: Sheet) -> "_Person":
        cells = {kind: _cell(row, sheet.column(kind, PARTICIPANT_HEADERS)) for kind in PARTICIPANT_HEADERS}
        first, last = cells["first"], cells["last"]
        names = {_normalised(f"{first} {last}"), _normalised(f"{last} {first}")} if first and last else set()
        names.add(_normalised(cells["full"]))
        keys = {cells[kind].casefold() for kind in MOODLE_MATCH_FIELDS}
        return cls(frozenset(names - {""}), frozenset(keys - {""}))

    def is_student(self, submission: Collected) -> bool:
        """By the full name Moodle gave the submission; else by the student's identifier being this
        participant's username, ID number or email (a JupyterHub account, a named folder)."""
        if submission.identity:
            return _normalised(submission.identity.fullname) in self.names
        return submission.student.casefold() in self.keys


def _cell(row: list[str], column: int | None) -> str:
    return row[column].strip() if column is not None else ""


def _described(submission: Collected) -> str:
    if submission.identity:
        return f"the name {submission.identity.fullname!r}"
    return f"the identifier {submission.student!r} (as username, ID number or email)"


def _normalised(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _participant(cell: str) -> str:
    """'Participant 123456' (or 'Participant123456') -> '123456'."""
    match = re.search(r"(\d+)\s*$", cell)
    return match[1] if match else ""


def _number(cell: str) -> float | None:
    try:
        return float(cell.strip().replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def _above_maximum(row: dict) -> bool:
    """Extra credit: Moodle refuses a grade above the assignment's maximum."""
    return row["status"] == Status.GRADED and float(row["score"]) > float(row["max_score"])


def _grade_and_comment(row: dict, moodle_max: float, decimal: str, grade_in_moodle: str) -> tuple[str | None, str]:
    """The worksheet's grade (None: leave the cell as it is) and the feedback comment (HTML text)."""
    flags = row["flags"].split()
    notes = " ".join(FLAG_NOTES[flag] for flag in FLAG_NOTES if flag in flags)
    if row["status"] != Status.GRADED:
        reason = NOT_GRADED.get(row["status"], "la correction automatique a échoué")
        comment = f"Non noté : {reason}. Voyez votre formateur ou votre formatrice."
        if grade_in_moodle.strip() not in ("", "-"):
            comment += " La note affichée est celle d'un dépôt précédent."
        return None, html.escape(f"{comment} {notes}".strip())
    score, kit_max = float(row["score"]), float(row["max_score"])
    grade = score / kit_max * moodle_max if kit_max else score
    shown = lambda value: f"{round(value, 2):g}".replace(".", decimal)  # noqa: E731
    comment = f"Note de la correction automatique : {shown(score)} / {shown(kit_max)}."
    if moodle_max != kit_max:
        comment += f" Soit {shown(grade)} / {shown(moodle_max)} dans Moodle."
    return shown(grade), html.escape(f"{comment} {notes}".strip())


def _folder_name(fullname: str) -> str:
    """A full name as Moodle's zip folders write it: no '_' (the separator), '/' or control character."""
    kept = "".join(c if c.isprintable() and c not in "_/\\" else " " for c in fullname)
    return " ".join(kept.split()) or "Participant"
