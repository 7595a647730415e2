"""Grading: the session's graded workspace (tests/conftest.py) checked step by step, collecting in
workspaces of their own, and a run killed with kill -9 then resumed."""

import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile

import nbformat
import numpy as np
import pandas as pd
import pytest

from grading.nbgrader_setup import GradingSettings
from grading.paths import Workspace
from grading.sandbox import sandbox_available
from grading.status import Status
from grading.steps.autograde import autograde
from grading.steps.collect import collect
from grading.steps.release import release
from grading.steps.report import COLUMNS, write_reports
from grading.steps.samples import write_samples
from participant.checks import WrongAnswer, check
from tests.conftest import (
    ASSIGNMENT,
    EXCHANGE,
    LATE_STUDENT,
    NOTEBOOK,
    ON_TIME_STUDENT,
    SAMPLE_DATASET,
    SAMPLES,
    set_cell,
)

SANDBOX = () if sandbox_available() else ("--no-sandbox",)


def grades(workspace):
    with open(workspace.reports / "grades.csv", newline="", encoding="utf-8") as file:
        return {row["student"]: row for row in csv.DictReader(file)}


def test_release_strips_solutions_and_hidden_tests(graded):
    workspace = graded.workspace
    released = (workspace.release_dir(ASSIGNMENT) / NOTEBOOK).read_text(encoding="utf-8")
    source = (workspace.source / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" in source and "BEGIN HIDDEN TESTS" in source
    for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "len(patients)\\n", "grade_answer(", "mistakes="):
        assert secret not in released
    assert "VOTRE CODE ICI" in released and "VOTRE RÉPONSE ICI" in released
    notebook = nbformat.read(workspace.release_dir(ASSIGNMENT) / NOTEBOOK, as_version=4)
    assert all(cell.get("outputs", []) == [] for cell in notebook.cells)


def test_samples_get_their_expected_grades(graded):
    rows, verdicts = graded.grades(), graded.verdicts()
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
        assert verdicts[student]["status"] == "graded"
    assert set(expected) == set(SAMPLES)


def test_unreadable_notebook_is_named_not_scored_zero(graded):
    verdicts = graded.verdicts()
    row = graded.grades()["exemple-casse"]
    assert row["status"] == "invalid_notebook" and row["score"] == "" and row["max_score"] == "11"
    assert "is not a valid notebook" in verdicts["exemple-casse"]["reason"]
    assert set(v["status"] for v in verdicts.values()) <= set(Status)


def test_autograde_resumes_instead_of_regrading(graded):
    workspace = graded.workspace
    statuses = sorted((workspace.root / "status" / ASSIGNMENT).glob("*.json"))
    before = {path: path.stat().st_mtime_ns for path in statuses}
    settings = GradingSettings(data=workspace.data, sandbox=sandbox_available())
    verdicts = autograde(workspace, ASSIGNMENT, settings, workers=2)
    assert {path: path.stat().st_mtime_ns for path in statuses} == before
    students = {v.student for v in verdicts}
    assert students == set(workspace.submitted_students(ASSIGNMENT)) == {path.stem for path in statuses}
    assert {*SAMPLES, "exemple-casse", LATE_STUDENT, ON_TIME_STUDENT} <= students


def released_with_samples(tmp_path, graded) -> tuple[Workspace, object]:
    """A new workspace holding a copy of the graded workspace's release (nothing collected yet), and the
    sample submissions written to tmp_path/inbox."""
    workspace = Workspace(root=tmp_path / "ws")
    shutil.copytree(graded.workspace.release_dir(ASSIGNMENT), workspace.release_dir(ASSIGNMENT))
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


@pytest.mark.parametrize(
    "condition",
    [
        pd.array([99.0]) == 51.5,  # a one-element array is not a truth value
        pd.Series([True]),
        np.array([True]),
        1,
        "oui",
        None,
    ],
    ids=["pandas-array", "series", "numpy-array", "int", "text", "none"],
)
def test_check_takes_only_one_truth_value(condition):
    with pytest.raises(WrongAnswer, match="pas une seule valeur"):
        check(condition, "faux")


def test_grading_cli_bad_input_one_line_exit_2(tmp_path, cli):
    for args, says in [
        (["release", "99_inconnu"], "no assignment '99_inconnu'"),
        (["autograde", "--data", str(tmp_path / "nowhere")], "no dataset in"),
        (["autograde", "--workers", "0"], "--workers: expected a number of at least 1, got 0"),
        (["autograde", "--memory", "beaucoup"], "--memory: expected a size such as 2G or 512M, got 'beaucoup'"),
        (["collect", str(tmp_path / "absent"), "--assignment", ASSIGNMENT], "is neither a folder nor a zip"),
        (["grade"], "invalid choice: 'grade'"),
        (
            ["autograde", "--data", str(SAMPLE_DATASET), "--scheduler", "tcp://127.0.0.1:9"],
            "cannot reach the dask scheduler at tcp://127.0.0.1:9",
        ),
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
    verdict = json.loads(graded.workspace.status_file("exemple-correct", ASSIGNMENT).read_text())
    assert verdict == {
        "student": "exemple-correct",
        "assignment": ASSIGNMENT,
        "status": "graded",
        "reason": "",
        "flags": [],
    }


def test_report_has_per_question_scores(graded):
    workspace = graded.workspace
    assert graded.steps["report"].returncode == 0, graded.steps["report"].stderr
    rows = grades(workspace)
    correct = rows["exemple-correct"]
    assert (correct[f"{ASSIGNMENT}:q1-test"], correct[f"{ASSIGNMENT}:q2-test"], correct[f"{ASSIGNMENT}:q3-test"]) == (
        "1",
        "2",
        "2",
    )
    assert rows["exemple-partiel"][f"{ASSIGNMENT}:q2-test"] == "0"
    assert rows["exemple-casse"][f"{ASSIGNMENT}:q1-test"] == ""  # not graded: no score at all
    assert rows["exemple-correct"]["score"] == "9" and rows["exemple-casse"]["score"] == ""


def test_collect_reads_a_moodle_download_zip(tmp_path, graded):
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
    archive = tmp_path / "malveillant.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(f"../evil/{NOTEBOOK}", "{}")
    result = cli("grading", "--root", str(tmp_path / "ws"), "collect", str(archive), "--assignment", ASSIGNMENT)
    assert result.returncode == 2 and "a path outside the archive; nothing collected" in result.stderr
    assert not (tmp_path / "evil").exists() and not (tmp_path / "ws" / "submitted").exists()


def test_feedback_hides_hidden_tests_and_shows_figures_offline(graded):
    workspace = graded.workspace
    result = graded.steps["feedback"]
    assert result.returncode == 0, result.stderr
    page = (workspace.root / "feedback" / "exemple-correct" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(
        encoding="utf-8"
    )
    source = (workspace.source / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    assert "grade_answer(" in source and "grade_answer(" not in page  # a line of a hidden test
    assert "BEGIN HIDDEN TESTS" not in page
    assert "plotly-graph-div" in page and not re.search(r"<script[^>]*src=[^>]*plot\.ly", page)  # plotly.js inline
    assert not (workspace.root / "feedback" / "exemple-casse").exists()  # not graded: no feedback
    graded_students = {s for s, v in graded.verdicts().items() if v["status"] == "graded"}
    assert {p.name for p in (workspace.root / "feedback").iterdir()} == graded_students


def test_collect_reads_nbgrader_exchange_keeps_every_submission_and_flags_late(graded):
    """In the graded workspace, LATE_STUDENT handed in twice through nbgrader's exchange (16:00, then 18:30
    UTC), then an older copy came (2025); ON_TIME_STUDENT once (15:00); due 18:00 Paris time (17:00 UTC)."""
    workspace = graded.workspace
    result = graded.steps["collect-exchange"]
    assert result.returncode == 0, result.stderr
    lines = {line.split(":")[0].split("/")[-1]: line for line in result.stderr.splitlines() if "/" in line}
    assert set(lines) == set(EXCHANGE)
    assert "LATE by 1 h 30 min" in lines[LATE_STUDENT] and "replaced" in lines[LATE_STUDENT]  # 18:30 UTC, due 17:00
    assert "LATE" not in lines[ON_TIME_STUDENT]
    # The latest is the one graded (the older copy below is exemple-partiel's: it did not replace it either).
    assert graded.submitted(LATE_STUDENT).read_bytes() == graded.submitted("exemple-correct").read_bytes()
    assert graded.history_after_exchange == ["2099-11-20T16-00-00.000000Z"]

    # An older copy collected afterwards (say, from a Moodle zip) never replaces the newer one.
    result = graded.steps["collect-older"]
    assert result.returncode == 0 and "older than the one already collected" in result.stderr
    history = workspace.history_dir(LATE_STUDENT, ASSIGNMENT)
    assert len(list(history.iterdir())) == 2

    rows = graded.grades()
    assert rows[LATE_STUDENT]["flags"] == "late resubmitted needs_manual_grade"
    assert rows[LATE_STUDENT]["submitted_at"] == "2099-11-20 18:30:00"
    assert (rows[LATE_STUDENT]["status"], rows[LATE_STUDENT]["score"]) == ("graded", "9")
    assert rows[ON_TIME_STUDENT]["flags"] == ""
    assert (rows[ON_TIME_STUDENT]["status"], rows[ON_TIME_STUDENT]["score"]) == ("graded", "5")
    assert not {rows[s]["flags"] for s in SAMPLES} & {"late"}  # collected today, long before the due date


def test_dashboard_shows_the_class_offline(graded):
    workspace = graded.workspace
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


def test_kill_9_then_rerun_grades_only_what_is_left(tmp_path):
    """kill -9 of the whole run (workers and sandboxes too) mid-way: nothing graded is lost or graded twice.

    One at a time: a quick submission, then one whose first answer sleeps 10 minutes, then another. The run
    is killed as soon as the first has its status: the second is then being graded, the third waiting. The
    re-run, with a cell limit of 10 s, grades exactly those two and leaves the first as it was."""
    workspace = Workspace(root=tmp_path / "ws")
    release(workspace, ASSIGNMENT, SAMPLE_DATASET)
    write_samples(workspace, ASSIGNMENT, tmp_path / "samples")
    quick, slow, last = "eleve-1-rapide", "eleve-2-lent", "eleve-3"
    correct, partial = (tmp_path / "samples" / sample / NOTEBOOK for sample in ("exemple-correct", "exemple-partiel"))
    slow_notebook = nbformat.read(correct, as_version=4)
    set_cell(slow_notebook, "q1-reponse", "import time\ntime.sleep(600)\nnombre_patients = len(patients)")
    for student, notebook in (
        (quick, nbformat.read(correct, as_version=4)),
        (slow, slow_notebook),
        (last, nbformat.read(partial, as_version=4)),
    ):
        (tmp_path / "classe" / student).mkdir(parents=True)
        nbformat.write(notebook, tmp_path / "classe" / student / NOTEBOOK)
    collect(workspace, tmp_path / "classe", ASSIGNMENT)
    grade = [sys.executable, "-m", "grading", "--root", str(workspace.root), "autograde", "--data", str(SAMPLE_DATASET)]
    with open(tmp_path / "first-run.log", "w") as log:
        run = subprocess.Popen(
            [*grade, "--workers", "1", *SANDBOX], start_new_session=True, stdout=subprocess.DEVNULL, stderr=log
        )
    first = workspace.status_file(quick, ASSIGNMENT)
    deadline = time.monotonic() + 600  # the machine's speed changes how long this takes, not the outcome
    while not first.exists() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        os.killpg(run.pid, signal.SIGKILL)
    except ProcessLookupError:  # the run ended by itself: the log below says why
        pass
    run.wait()
    assert first.exists(), (tmp_path / "first-run.log").read_text()
    status = workspace.root / "status" / ASSIGNMENT
    assert sorted(p.stem for p in status.glob("*.json")) == [quick]  # the slow one cannot have finished
    autograded = workspace.root / "autograded" / quick / ASSIGNMENT / NOTEBOOK
    before = {path: path.stat().st_mtime_ns for path in (first, autograded)}

    rerun = [*grade, "--workers", "2", "--cell-timeout", "10", *SANDBOX]
    result = subprocess.run(rerun, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert re.findall(rf"{ASSIGNMENT}/(\S+): graded \(already graded\)", result.stderr) == [quick]
    assert sorted(re.findall(rf"\[\d/2\] {ASSIGNMENT}/([^:]+):", result.stderr)) == [slow, last], result.stderr
    assert {path: path.stat().st_mtime_ns for path in before} == before
    write_reports(workspace)
    rows = grades(workspace)
    assert {s: (r["status"], r["score"]) for s, r in rows.items()} == {
        quick: ("graded", "9"),
        slow: ("graded", "8"),  # its first answer stopped at the cell limit
        last: ("graded", "5"),
    }
    assert "cell_timeout" in rows[slow]["flags"].split() and "cell_timeout" not in rows[quick]["flags"]


def test_a_dask_cluster_grades_a_batch_as_local_processes_do(tmp_path, graded):
    """autograde --scheduler on a real LocalCluster: the notebooks and their tests run on its workers,
    each in the sandbox; the gradebook is written here. Same statuses, flags and scores, question by
    question, as the session's local grading of the same submissions."""
    from distributed import LocalCluster

    students = ["exemple-correct", "exemple-partiel", "exemple-vide"] + (["egal-a-tout"] if graded.hostile else [])
    workspace = Workspace(root=tmp_path / "ws")
    shutil.copytree(graded.workspace.data, workspace.data)  # its own: test_hostile counts what runs on the session's
    release(workspace, ASSIGNMENT, workspace.data)
    for student in students:
        (tmp_path / "classe" / student).mkdir(parents=True)
        shutil.copy(graded.submitted(student), tmp_path / "classe" / student / NOTEBOOK)
    collect(workspace, tmp_path / "classe", ASSIGNMENT)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        result = subprocess.run(
            [sys.executable, "-m", "grading", "--root", str(workspace.root), "autograde", "--data"]
            + [str(workspace.data), "--workers", "4", "--scheduler", cluster.scheduler_address]
            + ["--timeout", "60", "--cell-timeout", "10", *SANDBOX],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert "grade_notebook" in cluster.scheduler.task_prefixes  # the notebooks ran on the cluster
    write_reports(workspace)
    local, remote = graded.grades(), grades(workspace)
    same = [column for column in remote[students[0]] if column not in ("submitted_at", "flags")]
    for student in students:
        assert {c: remote[student][c] for c in same} == {c: local[student][c] for c in same}, student
        assert set(remote[student]["flags"].split()) == set(local[student]["flags"].split()) - {"resubmitted"}
