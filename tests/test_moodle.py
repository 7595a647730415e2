"""Moodle, both ways, on files laid out as Moodle 4.x writes them: the "Download all submissions" zip in,
the assignment's grading worksheet and feedback zip, and the course gradebook CSV out."""

import csv
import io
import json
import shutil
import zipfile

import pytest

from grading.errors import GradingError
from grading.paths import Workspace
from grading.steps.collect import collect
from grading.steps.moodle import (
    IDENTITY_FILE,
    Collected,
    MoodleIdentity,
    Sheet,
    feedback_zip,
    fill_worksheet,
    gradebook,
    read_identity,
    read_worksheet,
)
from grading.steps.samples import write_samples
from tests.conftest import ASSIGNMENT, NOTEBOOK

# Moodle 4.x's worksheet: file submissions and online text, feedback comments, email shown.
HEADERS = {
    "en": [
        "Identifier",
        "Full name",
        "Email address",
        "Status",
        "Grade",
        "Maximum grade",
        "Grade can be changed",
        "Last modified (submission)",
        "Online text",
        "Last modified (grade)",
        "Feedback comments",
    ],
    "fr": [
        "Identifiant",
        "Nom complet",
        "Adresse de courriel",
        "Statut",
        "Note",
        "Note maximale",
        "La note peut être modifiée",
        "Dernière modification (travail remis)",
        "Texte en ligne",
        "Dernière modification (note)",
        "Feedback par commentaires",
    ],
}
ROW = {  # status, maximum grade, can be changed, last modified (submission), last modified (grade)
    "en": ("Submitted for grading", "100.00", "Yes", "Tuesday, 1 December 2026, 6:00 PM", "-"),
    "fr": ("Remis pour évaluation", "100,00", "Oui", "mardi 1 décembre 2026, 18:00", "-"),
}
NOTHING = {"en": ("No submission", "No"), "fr": ("Aucun travail remis", "Non")}
# Who is who: the graded workspace's students, given the names and ids Moodle would.
PEOPLE = {
    "exemple-correct": ("Camille Martin", "123456", "camille.martin@univ-exemple.fr"),
    "exemple-partiel": ("Zoé L'Hôte-Dupré", "123457", "zoe.lhote@univ-exemple.fr"),
    "exemple-casse": ("Camille Martin", "123458", "camille.martin2@univ-exemple.fr"),  # same name, not graded
}
ABSENT = ("Jean Nobody", "123459", "jean.nobody@univ-exemple.fr")  # in Moodle, no submission
LOCKED = "exemple-vide"  # a submission whose grade is locked in Moodle's gradebook
PEOPLE[LOCKED] = ("Anne Verrou", "123460", "anne.verrou@univ-exemple.fr")


def worksheet(path, language: str, bom: bool = True):
    """A worksheet as Moodle downloads it: UTF-8 with a byte order mark, commas, every cell quoted."""
    status, maximum, changeable, submitted, graded = ROW[language]
    rows = [HEADERS[language]]
    for student, (name, participant, email) in PEOPLE.items():
        can = NOTHING[language][1] if student == LOCKED else changeable
        rows.append([f"Participant {participant}", name, email, status, "", maximum, can, submitted, "", graded, ""])
    name, participant, email = ABSENT
    absent = NOTHING[language][0]
    rows.append([f"Participant {participant}", name, email, absent, "", maximum, changeable, "-", "", "-", ""])
    text = io.StringIO()
    csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    path.write_text(("\ufeff" if bom else "") + text.getvalue(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def moodle_workspace(graded, tmp_path_factory):
    """A copy of the session's graded workspace whose students came from Moodle's zip (their identity
    written as collect writes it), and the locked student's submission too."""
    root = tmp_path_factory.mktemp("moodle") / "workspace"
    shutil.copytree(graded.root, root, symlinks=True)
    workspace = Workspace(root=root)
    for student, (name, participant, _) in PEOPLE.items():
        folder = workspace.submission_dir(student, ASSIGNMENT)
        (folder / IDENTITY_FILE).write_text(json.dumps({"participant": participant, "fullname": name}))
    return workspace


def report(cli, workspace, *options):
    result = cli("grading", "--root", str(workspace.root), "report", *options)
    assert result.returncode == 0, result.stderr
    return result


def grades(workspace) -> dict[str, dict]:
    with open(workspace.reports / "grades.csv", newline="", encoding="utf-8") as file:
        return {row["student"]: row for row in csv.DictReader(file) if row["assignment"] == ASSIGNMENT}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_worksheet_comes_back_filled_with_every_other_cell_as_moodle_wrote_it(
    cli, moodle_workspace, tmp_path, language
):
    sheet_in = worksheet(tmp_path / f"Grades-{language}.csv", language)
    result = report(cli, moodle_workspace, "--moodle-worksheet", str(sheet_in))
    out = moodle_workspace.reports / f"moodle-worksheet-{ASSIGNMENT}.csv"
    before, after = Sheet.read(sheet_in, "worksheet"), Sheet.read(out, "worksheet")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and after.delimiter == "," and after.header == before.header
    assert len(after.rows) == len(before.rows)
    rows = grades(moodle_workspace)
    decimal = "," if language == "fr" else "."
    grade_col, comment_col = 4, 10
    for old, new in zip(before.rows, after.rows):
        untouched = [i for i in range(len(old)) if i not in (grade_col, comment_col)]
        assert [new[i] for i in untouched] == [old[i] for i in untouched]  # Moodle's cells as they were
        student = next((s for s, person in PEOPLE.items() if f"Participant {person[1]}" == old[0]), None)
        if student in (None, LOCKED):  # no submission, or a grade locked in Moodle: the row is left alone
            assert new == old
            continue
        row = rows[student]
        if row["status"] == "graded":
            expected = float(row["score"]) / float(row["max_score"]) * 100
            assert float(new[grade_col].replace(",", ".")) == pytest.approx(expected, abs=0.01)
            assert decimal in new[grade_col] or new[grade_col].isdigit()
            assert new[comment_col].startswith("Note de la correction automatique : ")
            assert f"/ {row['max_score']}." in new[comment_col] and "dans Moodle" in new[comment_col]
        else:  # never a 0: an empty grade, and the reason
            assert new[grade_col] == "" and new[comment_col].startswith("Non noté : ")
    assert "exemple-casse" in PEOPLE and rows["exemple-casse"]["status"] != "graded"
    assert f"{LOCKED}: left alone: the grade is locked in Moodle" in result.stderr
    assert "Moodle grading worksheet filled for 3 student(s)" in result.stderr
    # Collected submissions the worksheet has no row for are listed.
    assert "echange-en-retard: not from Moodle's zip" in result.stderr


def test_the_feedback_zip_holds_each_students_feedback_in_the_folder_moodle_expects(cli, moodle_workspace, tmp_path):
    report(cli, moodle_workspace, "--moodle-worksheet", str(worksheet(tmp_path / "w.csv", "en", bom=False)))
    with zipfile.ZipFile(moodle_workspace.reports / f"moodle-feedback-{ASSIGNMENT}.zip") as zipped:
        names = sorted(zipped.namelist())
        for name in names:
            assert (
                zipped.read(name)
                == (moodle_workspace.feedback_dir(_student_of(name), ASSIGNMENT) / name.split("/")[1]).read_bytes()
            )
    graded_people = [s for s, row in grades(moodle_workspace).items() if row["status"] == "graded" and s in PEOPLE]
    assert len(graded_people) >= 2
    assert names == sorted(
        f"{PEOPLE[s][0]}_{PEOPLE[s][1]}_assignfeedback_file/{ASSIGNMENT}.html" for s in graded_people
    )
    assert not (moodle_workspace.reports / f"moodle-worksheet-{ASSIGNMENT}.csv").read_bytes().startswith(b"\xef")


def _student_of(name: str) -> str:
    participant = name.split("_")[1]
    return next(s for s, person in PEOPLE.items() if person[1] == participant)


def test_the_gradebook_csv_matches_on_the_chosen_field_and_lists_whom_it_cannot(cli, moodle_workspace, tmp_path):
    participants = tmp_path / "courseid_42_participants.csv"
    people = [("Camille", "Martin", "camille.martin@univ-exemple.fr", "E001", "cmartin")]
    people += [("Zoé", "L'Hôte-Dupré", "zoe.lhote@univ-exemple.fr", "E002", "zlhote")]
    people += [("Camille", "Martin", "camille.martin2@univ-exemple.fr", "E003", "cmartin2")]
    people += [("", "", "echange-a-l-heure@univ-exemple.fr", "E004", "echange-a-l-heure")]  # a JupyterHub account
    people += [("", "", "echange-en-retard@univ-exemple.fr", "", "echange-en-retard")]  # no ID number
    with open(participants, "w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file)
        writer.writerow(["Prénom", "Nom", "Adresse de courriel", "Numéro d'identification", "Nom d'utilisateur"])
        writer.writerows(people)
    result = report(cli, moodle_workspace, "--moodle-gradebook", str(participants), "--match", "idnumber")
    with open(moodle_workspace.reports / f"moodle-gradebook-{ASSIGNMENT}.csv", newline="", encoding="utf-8") as file:
        table = list(csv.reader(file))
    rows = grades(moodle_workspace)
    column = f"{ASSIGNMENT} (sur {rows['exemple-partiel']['max_score']})"
    assert table[0] == ["Numéro d'identification", column]
    # The two Camille Martin cannot be told apart by name: listed, not guessed; the others are matched.
    assert {r[0]: r[1] for r in table[1:]} == {
        "E002": rows["exemple-partiel"]["score"],
        "E004": rows["echange-a-l-heure"]["score"],
    }
    assert "exemple-correct: 2 participants match the name 'Camille Martin'" in result.stderr
    assert "exemple-vide: no participant match the name 'Anne Verrou'" in result.stderr
    assert "echange-en-retard: its participant's idnumber is ''" in result.stderr
    assert all(cell.strip() for row in table for cell in row)  # an empty cell would clear a grade in Moodle


def test_a_worksheet_or_participants_file_of_another_kind_is_refused_in_one_line(cli, moodle_workspace, tmp_path):
    other = tmp_path / "notes.csv"
    other.write_text("Nom,Note\nMartin,12\n", encoding="utf-8")
    result = cli("grading", "--root", str(moodle_workspace.root), "report", "--moodle-worksheet", str(other))
    assert result.returncode == 2 and "is not a Moodle grading worksheet" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    scale = tmp_path / "scale.csv"  # a worksheet of an assignment graded on a scale: no maximum grade
    scale.write_text("Identifier,Full name,Grade,Scale,Last modified (grade)\nParticipant 123456,A,,x,-\n")
    before = (moodle_workspace.reports / "grades.csv").read_bytes()
    result = cli("grading", "--root", str(moodle_workspace.root), "report", "--moodle-worksheet", str(scale))
    assert result.returncode == 2 and "grade type to Point" in result.stderr
    assert (moodle_workspace.reports / "grades.csv").read_bytes() == before  # nothing written on bad input
    result = cli("grading", "--root", str(moodle_workspace.root), "report", "--moodle-gradebook", str(other))
    assert result.returncode == 2 and "no 'Email address'" in result.stderr and "--match" in result.stderr
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("Identifiant,Note\nParticipant 1,é\n".encode("latin-1"))
    result = cli("grading", "--root", str(moodle_workspace.root), "report", "--moodle-worksheet", str(latin1))
    assert result.returncode == 2 and "is not UTF-8" in result.stderr


def test_collect_keeps_each_moodle_submission_s_participant_id_and_full_name(tmp_path, graded):
    """A realistic "Download all submissions" zip: several files per student, online text folders, accents,
    spaces and apostrophes, and two students with the same name."""
    workspace = Workspace(root=tmp_path / "ws")
    shutil.copytree(graded.workspace.release_dir(ASSIGNMENT), workspace.release_dir(ASSIGNMENT))
    write_samples(workspace, ASSIGNMENT, tmp_path / "inbox")
    notebook = (tmp_path / "inbox" / "exemple-correct" / NOTEBOOK).read_bytes()
    archive = tmp_path / "Cours-00_prise_en_main-123.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name, participant in (("Camille Martin", 501), ("Camille Martin", 502), ("Zoé L'Hôte-Dupré", 503)):
            folder = f"{name}_{participant}_assignsubmission_file"
            zipped.writestr(f"{folder}/{NOTEBOOK}", notebook)
            zipped.writestr(f"{folder}/rapport.pdf", b"%PDF-1.4")
            zipped.writestr(f"{name}_{participant}_assignsubmission_onlinetext/onlinetext.html", "<p>Bonjour</p>")
    collected = collect(workspace, archive, ASSIGNMENT)
    assert sorted((c.student, c.outcome) for c in collected) == [
        ("camille-martin-501", "new"),
        ("camille-martin-502", "new"),
        ("zoe-l-hote-dupre-503", "new"),
    ]
    folder = workspace.submission_dir("zoe-l-hote-dupre-503", ASSIGNMENT)
    assert json.loads((folder / IDENTITY_FILE).read_text(encoding="utf-8")) == {
        "participant": "503",
        "fullname": "Zoé L'Hôte-Dupré",
    }
    assert sorted(p.name for p in folder.iterdir()) == [NOTEBOOK, IDENTITY_FILE, "timestamp.txt"]


def collected(student, participant, status="graded", score="7", feedback=(), name="Camille Martin"):
    row = {"student": student, "assignment": ASSIGNMENT, "status": status, "flags": "", "score": score}
    return Collected(student, row | {"max_score": "10"}, MoodleIdentity(participant, name), tuple(feedback))


def test_a_participant_with_two_submissions_or_no_maximum_is_left_alone_and_listed(tmp_path):
    sheet = worksheet(tmp_path / "w.csv", "en")
    two = [collected("camille-martin-123456", "123456"), collected("camille-dupont-123456", "123456", score="2")]
    result = fill_worksheet(read_worksheet(sheet), two)
    assert result.filled == [] and "participant 123456 has 2 collected submissions" in result.notes[0]
    text = sheet.read_text(encoding="utf-8").replace('"100.00"', '"-"', 1)
    (tmp_path / "no-max.csv").write_text(text, encoding="utf-8")
    result = fill_worksheet(read_worksheet(tmp_path / "no-max.csv"), two[:1])
    assert result.filled == [] and "no maximum grade in its row ('-')" in result.notes[0]
    result = fill_worksheet(
        read_worksheet(sheet), [collected("camille-martin-123456", "123456", score="11")]
    )  # extra credit
    assert result.filled == [] and "a score above the maximum (11 / 10)" in result.notes[0]


def test_a_failed_resubmission_says_the_grade_shown_is_an_earlier_ones(tmp_path):
    text = worksheet(tmp_path / "w.csv", "fr").read_text(encoding="utf-8")
    (tmp_path / "graded-before.csv").write_text(text.replace(',"","100,00"', ',"80,00","100,00"', 1))
    result = fill_worksheet(
        read_worksheet(tmp_path / "graded-before.csv"), [collected("s", "123456", status="timeout", score="")]
    )
    row = Sheet.read(tmp_path / "graded-before.csv", "worksheet").rows[0]
    filled = list(csv.reader(io.StringIO(result.text.removeprefix("\ufeff"))))[1]
    assert filled[4] == row[4] == "80,00"  # never replaced, never a 0
    assert filled[10].startswith("Non noté : le carnet a dépassé") and "dépôt précédent" in filled[10]


def test_the_feedback_zip_and_the_gradebook_hold_only_graded_submissions(tmp_path):
    page = tmp_path / f"{ASSIGNMENT}.html"
    page.write_text("<p>9/10</p>")
    stale = collected("old", "123457", status="timeout", score="", feedback=[page], name="Zoé L'Hôte")
    fresh = collected("new", "123456", feedback=[page], name="Ann_Lee/../x")
    archive, count = feedback_zip([stale, fresh])
    assert count == 1
    assert zipfile.ZipFile(io.BytesIO(archive)).namelist() == [
        f"Ann Lee .. x_123456_assignfeedback_file/{ASSIGNMENT}.html"
    ]
    participants = tmp_path / "participants.csv"
    participants.write_text("First name,Last name,Email address\nAnn,Lee,+ann@x\nZoé,L'Hôte,zoe@x\nCamille,Martin,\n")
    people = {ASSIGNMENT: [collected("a", "1", name="Ann Lee"), stale, collected("c", "3")]}
    book = gradebook(participants, "email", people)
    assert book.files == {} and book.matched == 0  # nothing importable, nothing written
    assert book.unmatched == [
        f"{ASSIGNMENT}/a: its participant's email is '+ann@x'",
        f"{ASSIGNMENT}/c: its participant's email is ''",
    ]


def test_collect_takes_moodle_zips_as_moodle_writes_them(tmp_path, graded):
    """Online text folders are not submissions; a draft in a subfolder never replaces the notebook; a
    zip downloaded without folders is refused in one line; collecting again keeps the identity."""
    workspace = Workspace(root=tmp_path / "ws")
    shutil.copytree(graded.workspace.release_dir(ASSIGNMENT), workspace.release_dir(ASSIGNMENT))
    notebook = (graded.workspace.release_dir(ASSIGNMENT) / NOTEBOOK).read_bytes()
    archive = tmp_path / "moodle.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(f"Ann Lee_7_assignsubmission_file/{NOTEBOOK}", notebook)
        zipped.writestr(f"Ann Lee_7_assignsubmission_file/brouillon/{NOTEBOOK}", b"{}")
        zipped.writestr(f"Ann Lee_7_assignsubmission_onlinetext/{NOTEBOOK}", b"{}")
    assert [(c.student, c.outcome) for c in collect(workspace, archive, ASSIGNMENT)] == [("ann-lee-7", "new")]
    folder = workspace.submission_dir("ann-lee-7", ASSIGNMENT)
    assert (folder / NOTEBOOK).read_bytes() == notebook
    (folder / IDENTITY_FILE).unlink()  # collected by an earlier version
    assert [c.outcome for c in collect(workspace, archive, ASSIGNMENT)] == ["unchanged"]
    assert read_identity(folder) == MoodleIdentity("7", "Ann Lee")
    alone = tmp_path / "one-student.zip"  # one student, the notebook in a subfolder: not a wrapper folder
    with zipfile.ZipFile(alone, "w") as zipped:
        zipped.writestr(f"Bea Roy_8_assignsubmission_file/tp/{NOTEBOOK}", notebook)
    assert [c.student for c in collect(workspace, alone, ASSIGNMENT)] == ["bea-roy-8"]
    flat = tmp_path / "flat.zip"
    with zipfile.ZipFile(flat, "w") as zipped:
        zipped.writestr(f"Ann Lee_7_assignsubmission_file_{NOTEBOOK}", notebook)
    with pytest.raises(GradingError, match="'Download submissions in folders' ticked"):
        collect(workspace, flat, ASSIGNMENT)
