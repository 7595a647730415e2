"""What students and teams hand in is data to check, never a path to follow or a formula to run."""

import csv
import io
import os
import pwd
from datetime import UTC, datetime, timedelta

import nbformat
import pandas as pd
import pytest

from common.files import read_regular_file
from grading.datathon.prepare import SECRET_FILE, check_secret, draw_secret_seed
from grading.datathon.score import find_submissions, read_predictions
from grading.errors import GradingError
from grading.paths import Workspace
from grading.settings import MAX_NOTEBOOK_BYTES
from grading.spreadsheet import csv_text, frame_csv_text, neutralised
from grading.steps.autograde import _unreadable_notebook
from grading.steps.collect import collect, student_id

ASSIGNMENT = "00_prise_en_main"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"


@pytest.mark.parametrize("cell", ["=1+1", "+33 6 12", "-2+3", "@SUM(A1)", "\tx", "\r=1", '=HYPERLINK("http://x")'])
def test_a_cell_that_a_spreadsheet_would_run_is_text(cell):
    assert neutralised(cell) == "'" + cell
    rows = list(csv.reader(io.StringIO(csv_text(["student", "flags"], [{"student": cell, "flags": cell}]))))
    assert rows[1] == ["'" + cell, "'" + cell]


@pytest.mark.parametrize("cell", ["-1.5", "9", "", "exemple-correct", "late resubmitted", "0.73"])
def test_numbers_and_plain_text_stay_as_they_are(cell):
    assert neutralised(cell) == cell


def test_a_leaderboard_table_is_neutralised_but_keeps_its_numbers():
    table = pd.DataFrame({"equipe": ["=cmd|' /C calc'!A0", "les-bleus"], "auroc_public": [0.71, -0.05]})
    rows = list(csv.reader(io.StringIO(frame_csv_text(table))))
    assert rows == [["equipe", "auroc_public"], ["'=cmd|' /C calc'!A0", "0.71"], ["les-bleus", "-0.05"]]


@pytest.mark.parametrize(
    "folder, student",
    [
        ("exemple-correct", "exemple-correct"),
        ("Zoé Lefèvre", "zoe-lefevre"),
        ("Camille Martin_123456_assignsubmission_file_", "camille-martin-123456"),
        ("..", ""),
        ("\x1b[31m", "31m"),
        ("\x1b\x07", ""),
        ("a/../../etc", "a-etc"),
    ],
)
def test_student_names_become_safe_identifiers(folder, student):
    assert student_id(folder) == student


def released_notebook(path):
    notebook = nbformat.v4.new_notebook()
    nbformat.write(notebook, path)


def test_collect_refuses_links_special_files_and_nameless_folders(tmp_path):
    workspace = Workspace(root=tmp_path / "ws")
    inbox = tmp_path / "inbox"
    (inbox / "honnete").mkdir(parents=True)
    released_notebook(inbox / "honnete" / NOTEBOOK)
    (inbox / "lien-fichier").mkdir()
    (inbox / "lien-fichier" / NOTEBOOK).symlink_to("/etc/passwd")
    (inbox / "lien-dossier").symlink_to("/etc")
    (inbox / "tube").mkdir()
    os.mkfifo(inbox / "tube" / NOTEBOOK)
    (inbox / "\x1b\x07").mkdir()
    released_notebook(inbox / "\x1b\x07" / NOTEBOOK)
    outcomes = {item.student: item for item in collect(workspace, inbox, ASSIGNMENT)}
    assert outcomes["honnete"].outcome == "new"
    refused = {student: item.reason for student, item in outcomes.items() if item.outcome == "refused"}
    assert "symbolic link" in refused["lien-fichier"] and "symbolic link" in refused["lien-dossier"]
    assert "not a regular file" in refused["tube"]
    assert "gives no student identifier" in refused["?"] and "\\x1b" in refused["?"]  # shown escaped
    assert sorted(p.name for p in (workspace.root / "submitted").iterdir()) == ["honnete"]


def test_an_exchange_folder_in_another_students_name_is_refused(tmp_path):
    """Root owns what the test writes: a folder naming 'victime' is not victime's, so it is not collected."""
    workspace = Workspace(root=tmp_path / "ws")
    inbound = tmp_path / "exchange" / "inbound"
    folder = inbound / f"victime+{ASSIGNMENT}+2099-01-01 10:00:00.000000 UTC+123"
    folder.mkdir(parents=True)
    released_notebook(folder / NOTEBOOK)
    (folder / "timestamp.txt").write_text("2099-01-01 10:00:00.000000 UTC")
    [item] = collect(workspace, tmp_path / "exchange", ASSIGNMENT)
    assert item.outcome == "refused" and "belongs to" in item.reason, item
    assert not (workspace.root / "submitted").exists()
    [item] = collect(workspace, tmp_path / "exchange", ASSIGNMENT, check_owner=False)
    assert item.outcome == "new"


def test_two_students_with_one_identifier_are_never_taken_for_one(tmp_path):
    workspace = Workspace(root=tmp_path / "ws")
    for name in ("José Martin", "Jose Martin", "Zoé Lefèvre"):
        (tmp_path / "classe" / name).mkdir(parents=True)
        released_notebook(tmp_path / "classe" / name / NOTEBOOK)
    collected = [
        (item.student, item.outcome, item.reason) for item in collect(workspace, tmp_path / "classe", ASSIGNMENT)
    ]
    assert ("zoe-lefevre", "new", "") in collected
    refused = [reason for student, outcome, reason in collected if student == "jose-martin" and outcome == "refused"]
    assert len(refused) == 2 and all("same identifier 'jose-martin'" in reason for reason in refused), collected
    assert not (workspace.root / "submitted" / "jose-martin").exists()


def test_an_exchange_submission_cannot_be_dated_back(tmp_path):
    """The account running the test submits in its own name, its timestamp.txt set a month back: the folder's
    change time, which its owner cannot set back, makes it late all the same. A malformed timestamp is not
    a crash of collect either."""
    account = pwd.getpwuid(os.getuid()).pw_name
    workspace = Workspace(root=tmp_path / "ws")
    inbound = tmp_path / "exchange" / "inbound"
    for name, stamp in (("retard", "2026-11-01 10:00:00 UTC"), ("illisible", "hier soir")):
        folder = inbound / f"{account}+{ASSIGNMENT}+2026-11-01 10:00:00.000000 UTC+{name}"
        folder.mkdir(parents=True)
        released_notebook(folder / NOTEBOOK)
        (folder / "timestamp.txt").write_text(stamp)
        os.utime(folder / "timestamp.txt", (1761991200, 1761991200))  # its file date set back too
    due = datetime.now(UTC) - timedelta(days=1)
    collected = collect(workspace, tmp_path / "exchange", ASSIGNMENT, due)
    assert "refused" not in {item.outcome for item in collected}
    assert all(item.late_by and item.late_by > timedelta(hours=23) for item in collected), collected


def test_a_notebook_too_large_to_read_safely_is_refused_at_collect_and_at_autograde(tmp_path):
    """Read outside the sandbox, 28 MB of tiny lists in a cell's metadata took 5 GB: over the limit, a notebook
    is refused by its size alone, before any of it is parsed."""
    inbox = tmp_path / "inbox"
    (inbox / "enorme").mkdir(parents=True)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("recap")])
    notebook.cells[0].metadata["x"] = [[]] * (MAX_NOTEBOOK_BYTES // 3)
    nbformat.write(notebook, inbox / "enorme" / NOTEBOOK)
    [item] = collect(Workspace(root=tmp_path / "ws"), inbox, ASSIGNMENT)
    assert item.outcome == "refused" and "MB a notebook may weigh" in item.reason, item
    assert "MB a notebook may weigh" in _unreadable_notebook(inbox / "enorme")


def test_a_notebook_with_malformed_nbgrader_metadata_is_invalid_not_a_crash(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    notebook.cells[0].metadata["nbgrader"] = "pas un dictionnaire"
    nbformat.write(notebook, tmp_path / NOTEBOOK)
    assert "malformed nbgrader metadata" in _unreadable_notebook(tmp_path)


def test_reading_a_file_a_student_made_never_follows_a_link(tmp_path):
    (tmp_path / "ok.csv").write_text("id,probabilite\n")
    (tmp_path / "lien.csv").symlink_to(tmp_path / "ok.csv")
    assert read_regular_file(tmp_path / "ok.csv", 100) == b"id,probabilite\n"
    with pytest.raises(OSError):
        read_regular_file(tmp_path / "lien.csv", 100)
    with pytest.raises(OSError):
        read_regular_file(tmp_path / "ok.csv", 5)  # over the size cap


def test_team_files_that_are_links_are_named_not_read(tmp_path):
    team = tmp_path / "soumissions" / "equipe-rusee"
    team.mkdir(parents=True)
    (team / "essai.csv").symlink_to("/etc/shadow")
    [submission] = find_submissions(tmp_path / "soumissions")
    assert submission.status == "invalid" and "pas un fichier ordinaire" in submission.reason
    with pytest.raises(ValueError, match="fichier refusé"):
        read_predictions(team / "essai.csv", pd.Index(["a"]))


def test_the_datathon_secret_is_drawn_long_and_a_short_one_refused():
    seeds = {draw_secret_seed() for _ in range(20)}
    assert len(seeds) == 20 and all(seed.bit_length() > 128 for seed in seeds)
    for seed in seeds:
        check_secret(seed)
    with pytest.raises(GradingError, match="too short"):
        check_secret(48213377719)
    assert SECRET_FILE == "graine_secrete.txt"
