import csv
import json
import os
import re
import shutil

import nbformat
import pytest

from grading.nbgrader_setup import GradingSettings
from grading.paths import Workspace
from grading.sandbox import sandbox_available
from grading.status import Status
from grading.steps.autograde import autograde
from grading.steps.collect import collect
from grading.steps.release import release
from grading.steps.report import COLUMNS, write_reports
from grading.steps.samples import collect_samples, write_samples
from participant.checks import WrongAnswer, check
from tests.conftest import SAMPLE_DATASET

ASSIGNMENT = "00_prise_en_main"
SETTINGS = GradingSettings(data=SAMPLE_DATASET, sandbox=sandbox_available())
NOTEBOOK = f"{ASSIGNMENT}.ipynb"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A workspace where the assignment is released, the samples and one broken notebook are graded."""
    workspace = Workspace(root=tmp_path_factory.mktemp("workspace"))
    release(workspace, ASSIGNMENT)
    collect_samples(workspace, ASSIGNMENT)
    broken = tmp_path_factory.mktemp("inbox")
    (broken / "exemple-casse").mkdir()
    (broken / "exemple-casse" / NOTEBOOK).write_text('{"cells": [', encoding="utf-8")  # truncated JSON
    collect(workspace, broken, ASSIGNMENT)
    verdicts = autograde(workspace, ASSIGNMENT, SETTINGS, workers=2)
    write_reports(workspace)
    return workspace, {v.student: v for v in verdicts}


def grades(workspace):
    with open(workspace.reports / "grades.csv", newline="", encoding="utf-8") as file:
        return {row["student"]: row for row in csv.DictReader(file)}


def test_release_strips_solutions_and_hidden_tests(graded):
    workspace, _ = graded
    released = (workspace.release_dir(ASSIGNMENT) / NOTEBOOK).read_text(encoding="utf-8")
    source = (workspace.source / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" in source and "BEGIN HIDDEN TESTS" in source
    for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "len(patients)\\n", "load_manifest(DONNEES)", "attendu"):
        assert secret not in released
    assert "VOTRE CODE ICI" in released and "VOTRE RÉPONSE ICI" in released
    notebook = nbformat.read(workspace.release_dir(ASSIGNMENT) / NOTEBOOK, as_version=4)
    assert all(cell.get("outputs", []) == [] for cell in notebook.cells)


def test_samples_get_their_expected_grades(graded):
    workspace, verdicts = graded
    rows = grades(workspace)
    assert list(next(iter(rows.values())).keys())[: len(COLUMNS)] == COLUMNS
    expected = {  # (status, flags, score, max_score)
        "exemple-correct": ("graded", "needs_manual_grade", "9", "11"),  # 9 automatic points + 2 by hand
        "exemple-partiel": ("graded", "", "5", "11"),  # questions 2 and 5 wrong
        "exemple-vide": ("graded", "", "0", "11"),
    }
    for student, (status, flags, score, max_score) in expected.items():
        row = rows[student]
        assert (row["status"], row["flags"], row["score"], row["max_score"]) == (status, flags, score, max_score)
        assert row["assignment"] == ASSIGNMENT
        assert verdicts[student].status == "graded"


def test_unreadable_notebook_is_named_not_scored_zero(graded):
    workspace, verdicts = graded
    row = grades(workspace)["exemple-casse"]
    assert row["status"] == "invalid_notebook" and row["score"] == "" and row["max_score"] == "11"
    assert "is not a valid notebook" in verdicts["exemple-casse"].reason
    assert set(v.status for v in verdicts.values()) <= set(Status)


def test_autograde_resumes_instead_of_regrading(graded):
    workspace, _ = graded
    status = workspace.status_file("exemple-vide", ASSIGNMENT)
    before = status.stat().st_mtime_ns
    verdicts = autograde(workspace, ASSIGNMENT, SETTINGS, workers=2)
    assert status.stat().st_mtime_ns == before
    assert {v.student for v in verdicts} == {"exemple-correct", "exemple-partiel", "exemple-vide", "exemple-casse"}


def released_with_samples(tmp_path, graded) -> tuple[Workspace, object]:
    """A new workspace holding the release, and the sample submissions written to tmp_path/inbox."""
    workspace = Workspace(root=tmp_path / "ws")
    release(workspace, ASSIGNMENT)
    write_samples(workspace, ASSIGNMENT, tmp_path / "inbox")
    return workspace, tmp_path / "inbox"


def test_collect_keeps_an_earlier_submission_it_replaces(tmp_path, graded):
    workspace, inbox = released_with_samples(tmp_path, graded)
    assert {c.outcome for c in collect(workspace, inbox, ASSIGNMENT)} == {"new"}
    assert {c.outcome for c in collect(workspace, inbox, ASSIGNMENT)} == {"unchanged"}

    first = (workspace.submission_dir("exemple-vide", ASSIGNMENT) / NOTEBOOK).read_text()
    notebook = nbformat.read(inbox / "exemple-vide" / NOTEBOOK, as_version=4)
    notebook.cells[0].source += "\nmodifié"
    nbformat.write(notebook, inbox / "exemple-vide" / NOTEBOOK)
    outcomes = {c.student: c.outcome for c in collect(workspace, inbox, ASSIGNMENT)}
    assert outcomes["exemple-vide"] == "replaced" and outcomes["exemple-correct"] == "unchanged"
    kept = list((workspace.root / "submitted-history" / "exemple-vide" / ASSIGNMENT).glob(f"*/{NOTEBOOK}"))
    assert [path.read_text() for path in kept] == [first]


def test_check_speaks_french_and_still_fails():
    with pytest.raises(WrongAnswer) as failure:
        check(False, "Le résultat doit être un entier.")
    assert failure.value._render_traceback_() == ["❌ Le résultat doit être un entier."]
    assert isinstance(failure.value, AssertionError)  # nbgrader counts the test as failed


def test_grading_cli_bad_input_one_line_exit_2(tmp_path, cli):
    for args, says in [
        (["release", "99_inconnu"], "no assignment '99_inconnu'"),
        (["autograde", "--data", str(tmp_path / "nowhere")], "no dataset in"),
        (["autograde", "--workers", "0"], "--workers: expected a number of at least 1, got 0"),
        (["autograde", "--memory", "beaucoup"], "--memory: expected a size such as 2G or 512M, got 'beaucoup'"),
        (["collect", str(tmp_path / "absent"), "--assignment", ASSIGNMENT], "is neither a folder nor a zip"),
        (["grade"], "invalid choice: 'grade'"),
    ]:
        result = cli("grading", "--root", str(tmp_path), *args)
        assert result.returncode == 2, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and says in result.stderr, result.stderr


def test_grading_cli_help_lists_the_steps(cli):
    result = cli("grading", "--help")
    assert result.returncode == 0
    for command in ("release", "samples", "collect", "autograde", "report"):
        assert command in result.stdout


def test_status_file_is_plain_json(graded):
    workspace, _ = graded
    verdict = json.loads(workspace.status_file("exemple-correct", ASSIGNMENT).read_text())
    assert verdict == {
        "student": "exemple-correct",
        "assignment": ASSIGNMENT,
        "status": "graded",
        "reason": "",
        "flags": [],
    }


def test_report_has_per_question_scores_and_a_moodle_sheet(graded):
    workspace, _ = graded
    rows = grades(workspace)
    correct = rows["exemple-correct"]
    assert (correct[f"{ASSIGNMENT}:q1-test"], correct[f"{ASSIGNMENT}:q2-test"], correct[f"{ASSIGNMENT}:q3-test"]) == (
        "1",
        "2",
        "2",
    )
    assert rows["exemple-partiel"][f"{ASSIGNMENT}:q2-test"] == "0"
    assert rows["exemple-casse"][f"{ASSIGNMENT}:q1-test"] == ""  # not graded: no score at all
    with open(workspace.reports / "moodle.csv", newline="", encoding="utf-8") as file:
        moodle = {row["Identifiant"]: row for row in csv.DictReader(file)}
    assert moodle["exemple-correct"][ASSIGNMENT] == "9" and moodle["exemple-casse"][ASSIGNMENT] == ""


def test_collect_reads_a_moodle_download_zip(tmp_path, graded):
    import zipfile

    workspace, inbox = released_with_samples(tmp_path, graded)
    archive = tmp_path / "moodle.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(inbox / "exemple-correct" / NOTEBOOK, f"Camille Martin_123456_assignsubmission_file_/{NOTEBOOK}")
        zipped.write(inbox / "exemple-vide" / NOTEBOOK, f"Zoé Lefèvre_98765_assignsubmission_file_/{NOTEBOOK}")
    assert {c.student for c in collect(workspace, archive, ASSIGNMENT)} == {
        "camille-martin-123456",
        "zoe-lefevre-98765",
    }
    assert (workspace.submission_dir("camille-martin-123456", ASSIGNMENT) / NOTEBOOK).read_bytes() == (
        inbox / "exemple-correct" / NOTEBOOK
    ).read_bytes()


def test_collect_refuses_a_zip_reaching_outside(tmp_path, cli):
    import zipfile

    archive = tmp_path / "malveillant.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(f"../evil/{NOTEBOOK}", "{}")
    result = cli("grading", "--root", str(tmp_path / "ws"), "collect", str(archive), "--assignment", ASSIGNMENT)
    assert result.returncode == 2 and "a path outside the archive; nothing collected" in result.stderr
    assert not (tmp_path / "evil").exists() and not (tmp_path / "ws" / "submitted").exists()


def test_feedback_hides_hidden_tests_and_shows_figures_offline(graded, cli):
    workspace, _ = graded
    result = cli("grading", "--root", str(workspace.root), "feedback", ASSIGNMENT)
    assert result.returncode == 0, result.stderr
    page = (workspace.root / "feedback" / "exemple-correct" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(
        encoding="utf-8"
    )
    source = (workspace.source / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    assert "load_manifest(DONNEES)" in source and "load_manifest(DONNEES)" not in page  # a line of a hidden test
    assert "BEGIN HIDDEN TESTS" not in page
    assert "plotly-graph-div" in page and not re.search(r"<script[^>]*src=[^>]*plot\.ly", page)  # plotly.js inline
    assert not (workspace.root / "feedback" / "exemple-casse").exists()  # not graded: no feedback


def exchange_submission(inbound, student, handed_in: str, notebook_path) -> None:
    """What `nbgrader submit` leaves in the exchange: STUDENT+ASSIGNMENT+TIMESTAMP+RANDOM/ with timestamp.txt."""
    folder = inbound / f"{student}+{ASSIGNMENT}+{handed_in}+{abs(hash(handed_in)) % 10**6}"
    folder.mkdir(parents=True)
    shutil.copy(notebook_path, folder / NOTEBOOK)
    (folder / "timestamp.txt").write_text(handed_in)


def test_collect_reads_nbgrader_exchange_keeps_every_submission_and_flags_late(tmp_path, graded, cli):
    workspace, inbox = released_with_samples(tmp_path, graded)
    inbound = tmp_path / "exchange" / "innov-health" / "inbound"
    exchange_submission(inbound, "exemple-vide", "2026-11-20 16:00:00.000000 UTC", inbox / "exemple-vide" / NOTEBOOK)
    exchange_submission(inbound, "exemple-vide", "2026-11-20 18:30:00.000000 UTC", inbox / "exemple-correct" / NOTEBOOK)
    exchange_submission(
        inbound, "exemple-partiel", "2026-11-20 15:00:00.000000 UTC", inbox / "exemple-partiel" / NOTEBOOK
    )

    root = ["grading", "--root", str(workspace.root)]
    result = cli(*root, "collect", str(tmp_path / "exchange"), "--assignment", ASSIGNMENT, "--due", "2026-11-20 18:00")
    assert result.returncode == 0, result.stderr
    lines = {line.split(":")[0].split("/")[-1]: line for line in result.stderr.splitlines() if "/" in line}
    assert (
        "LATE by 1 h 30 min" in lines["exemple-vide"] and "replaced" in lines["exemple-vide"]
    )  # 18:00 Paris = 17:00 UTC
    assert "LATE" not in lines["exemple-partiel"]
    assert (workspace.submission_dir("exemple-vide", ASSIGNMENT) / NOTEBOOK).read_bytes() == (
        inbox / "exemple-correct" / NOTEBOOK
    ).read_bytes()  # the latest is the one graded
    history = workspace.root / "submitted-history" / "exemple-vide" / ASSIGNMENT
    assert [p.name for p in history.iterdir()] == ["2026-11-20T16-00-00.000000Z"]

    # An older copy collected afterwards (say, from a Moodle zip) never replaces the newer one.
    older = tmp_path / "older" / "exemple-vide"
    older.mkdir(parents=True)
    shutil.copy(inbox / "exemple-partiel" / NOTEBOOK, older / NOTEBOOK)
    os.utime(older / NOTEBOOK, (1763600000, 1763600000))  # 2025-11-20
    result = cli(*root, "collect", str(tmp_path / "older"), "--assignment", ASSIGNMENT)
    assert result.returncode == 0 and "older than the one already collected" in result.stderr
    assert (workspace.submission_dir("exemple-vide", ASSIGNMENT) / NOTEBOOK).read_bytes() == (
        inbox / "exemple-correct" / NOTEBOOK
    ).read_bytes()
    assert len(list(history.iterdir())) == 2

    autograde(workspace, ASSIGNMENT, SETTINGS, workers=2)
    write_reports(workspace)
    rows = grades(workspace)
    assert rows["exemple-vide"]["flags"] == "late resubmitted needs_manual_grade"
    assert rows["exemple-vide"]["submitted_at"] == "2026-11-20 18:30:00"
    assert rows["exemple-partiel"]["flags"] == ""


def test_dashboard_shows_the_class_offline(graded):
    workspace, _ = graded
    page = (workspace.reports / "dashboard.html").read_text(encoding="utf-8")
    for section in ("Distribution des scores", "Réussite par question", "Statuts des copies", "Scores par compétence"):
        assert f"<h2>{section}</h2>" in page
    assert page.count("plotly-graph-div") >= 4 and not re.search(r"<script[^>]*src=[^>]*plot\.ly", page)
    assert "Charger une table de donn" in page  # a competency's label (JSON-escaped)
    assert "carnet illisible" in page  # exemple-casse's status


def test_collect_due_date_must_be_readable(tmp_path, cli):
    result = cli(
        "grading",
        "--root",
        str(tmp_path),
        "collect",
        str(tmp_path),
        "--assignment",
        ASSIGNMENT,
        "--due",
        "vendredi soir",
    )
    assert result.returncode == 2 and "cannot read the due date 'vendredi soir'" in result.stderr


def test_kill_9_then_rerun_grades_only_what_is_left(tmp_path, graded, cli):
    """kill -9 of the whole run (workers and sandboxes too) mid-way: nothing graded is lost or graded twice."""
    import signal
    import subprocess
    import sys
    import time

    workspace, inbox = released_with_samples(tmp_path, graded)
    for copy in range(3):
        for kind in ("exemple-correct", "exemple-partiel"):
            shutil.copytree(inbox / kind, tmp_path / "classe" / f"{kind}-{copy}")
    collect(workspace, tmp_path / "classe", ASSIGNMENT)
    command = [
        sys.executable,
        "-m",
        "grading",
        "--root",
        str(workspace.root),
        "autograde",
        "--data",
        str(SAMPLE_DATASET),
        "--workers",
        "1",
    ] + ([] if SETTINGS.sandbox else ["--no-sandbox"])
    run = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    status = workspace.root / "status" / ASSIGNMENT
    deadline = time.monotonic() + 300
    while not (status.is_dir() and list(status.glob("*.json"))) and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    done_before = {p.name: p.stat().st_mtime_ns for p in status.glob("*.json")}
    assert 1 <= len(done_before) < 6, "the run was killed before its end"

    result = cli(
        "grading",
        "--root",
        str(workspace.root),
        "autograde",
        "--data",
        str(SAMPLE_DATASET),
        "--workers",
        "2",
        *([] if SETTINGS.sandbox else ["--no-sandbox"]),
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("(already graded)") == len(done_before)
    assert {p.name: p.stat().st_mtime_ns for p in status.glob("*.json") if p.name in done_before} == done_before
    write_reports(workspace)
    rows = grades(workspace)
    assert {(r["status"], r["score"]) for s, r in rows.items() if s.startswith("exemple-correct")} == {("graded", "9")}
    assert {(r["status"], r["score"]) for s, r in rows.items() if s.startswith("exemple-partiel")} == {("graded", "5")}
