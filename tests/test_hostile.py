"""Hostile submissions graded in one sandboxed, parallel batch beside valid ones that keep their exact scores."""

import csv
import os
import subprocess

import nbformat
import pytest

from grading.nbgrader_setup import GradingSettings
from grading.paths import Workspace
from grading.sandbox import sandbox_available
from grading.settings import SANDBOX_UIDS
from grading.steps.autograde import autograde
from grading.steps.collect import collect
from grading.steps.release import release
from grading.steps.report import write_reports
from grading.steps.samples import write_samples
from tests.conftest import SAMPLE_DATASET

ASSIGNMENT = "00_prise_en_main"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"

if not sandbox_available():
    if os.environ.get("CI") == "true":
        raise RuntimeError("bubblewrap cannot run on this CI machine: .ci/run must install the package bubblewrap")
    pytest.skip("bubblewrap cannot run here (install the Debian package bubblewrap)", allow_module_level=True)

CORRECT = {
    "q1-reponse": "nombre_patients = len(patients)",
    "q2-reponse": 'pourcentage_femmes = 100 * (patients["sexe"] == "F").mean()',
    "q3-reponse": 'patients_par_region = patients["region"].value_counts()',
}


def hostile_cases(workspace: Workspace) -> dict[str, tuple[dict, object]]:
    """student -> (answers written into cells, or None; an edit of the whole notebook, or None)."""
    root = workspace.root.resolve()
    source = workspace.source.resolve() / ASSIGNMENT / NOTEBOOK
    return {
        "boucle-infinie": ({"q1-reponse": "while True:\n    pass"}, None),
        "boucle-qui-ignore-interruption": (
            {
                "q1-reponse": "import time\nwhile True:\n    try:\n        time.sleep(0.5)\n"
                "    except KeyboardInterrupt:\n        pass"
            },
            None,
        ),
        "bombe-memoire": ({"q1-reponse": "x = bytearray(6 * 2**30)"}, None),
        "sortie-brutale": ({"q1-reponse": "import os\nos._exit(1)"}, None),
        "bombe-fork": (
            {
                "q1-reponse": "import os, time\nfor _ in range(1000):\n    try:\n        pid = os.fork()\n"
                "    except OSError:\n        break\n    if pid == 0:\n        time.sleep(3600)\n"
                "        os._exit(0)\n" + CORRECT["q1-reponse"]
            },
            None,
        ),
        "lit-les-sources": ({**CORRECT, "q1-reponse": attempt(f"open({str(source)!r}).read()[:200]")}, None),
        "lit-le-carnet-de-notes": (
            {**CORRECT, "q1-reponse": attempt(f"len(open({str(root / 'gradebook.db')!r}, 'rb').read())")},
            None,
        ),
        "reseau": (
            {**CORRECT, "q1-reponse": attempt("__import__('socket').create_connection(('1.1.1.1', 80), timeout=3)")},
            None,
        ),
        "sortie-enorme": ({**CORRECT, "q1-reponse": "print('x' * 5_000_000)\n" + CORRECT["q1-reponse"]}, None),
        "test-modifie": (CORRECT, lambda nb: _set(nb, "q2-test", "pass")),
        "cellules-supprimees": (CORRECT, lambda nb: _delete(nb, ("mise-en-place", "q1-test", "q3-test"))),
    }


def attempt(expression: str) -> str:
    """A correct answer to question 1, after trying something forbidden and printing what happened."""
    return (
        f"try:\n    print({expression})\nexcept OSError as error:\n    print(type(error).__name__, error)\n"
        + CORRECT["q1-reponse"]
    )


def _set(notebook, grade_id, source):
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = source


def _delete(notebook, grade_ids):
    notebook.cells = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in grade_ids]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    workspace = Workspace(root=tmp_path_factory.mktemp("hostile"))
    release(workspace, ASSIGNMENT)
    inbox = tmp_path_factory.mktemp("inbox")
    write_samples(workspace, ASSIGNMENT, inbox)  # the three valid samples
    released = workspace.release_dir(ASSIGNMENT) / NOTEBOOK
    for student, (answers, edit) in hostile_cases(workspace).items():
        notebook = nbformat.read(released, as_version=4)
        for grade_id, code in answers.items():
            _set(notebook, grade_id, code)
        if edit:
            edit(notebook)
        (inbox / student).mkdir()
        nbformat.write(notebook, inbox / student / NOTEBOOK)
    (inbox / "json-invalide").mkdir()
    (inbox / "json-invalide" / NOTEBOOK).write_text('{"cells": [', encoding="utf-8")
    (inbox / "fichier-tronque").mkdir()
    (inbox / "fichier-tronque" / NOTEBOOK).write_bytes(released.read_bytes()[:500])
    collect(workspace, inbox, ASSIGNMENT)
    settings = GradingSettings(data=SAMPLE_DATASET, notebook_timeout=60, cell_timeout=10)
    verdicts = {v.student: v for v in autograde(workspace, ASSIGNMENT, settings, workers=2)}
    write_reports(workspace)
    with open(workspace.reports / "grades.csv", newline="", encoding="utf-8") as file:
        rows = {row["student"]: row for row in csv.DictReader(file)}
    return workspace, verdicts, rows


EXPECTED = {  # student: (status, flags that must be there, score; None: no score)
    "exemple-correct": ("graded", {"needs_manual_grade"}, "9"),
    "exemple-partiel": ("graded", set(), "5"),
    "exemple-vide": ("graded", set(), "0"),
    "boucle-infinie": ("graded", {"cell_timeout"}, "0"),
    "boucle-qui-ignore-interruption": ("timeout", set(), None),
    "bombe-memoire": ("memory_exceeded", set(), None),
    "sortie-brutale": ("kernel_died", set(), None),
    "bombe-fork": ("graded", set(), "1"),
    "lit-les-sources": ("graded", set(), "5"),
    "lit-le-carnet-de-notes": ("graded", set(), "5"),
    "reseau": ("graded", set(), "5"),
    "sortie-enorme": ("graded", set(), "5"),
    "test-modifie": ("graded", {"locked_cell_edited"}, "5"),
    "cellules-supprimees": ("graded", {"locked_cell_deleted"}, "5"),
    "json-invalide": ("invalid_notebook", set(), None),
    "fichier-tronque": ("invalid_notebook", set(), None),
}


@pytest.mark.parametrize("student", EXPECTED)
def test_each_submission_gets_its_status_flags_and_score(batch, student):
    _, verdicts, rows = batch
    status, flags, score = EXPECTED[student]
    row = rows[student]
    assert row["status"] == status, (student, verdicts[student])
    assert flags <= set(row["flags"].split()), (student, row["flags"])
    assert row["score"] == (score or ""), (student, row)


def autograded_text(workspace, student) -> str:
    return (workspace.root / "autograded" / student / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")


def test_nothing_secret_is_readable_from_a_submission(batch):
    workspace = batch[0]
    assert "FileNotFoundError" in autograded_text(workspace, "lit-les-sources")
    assert "BEGIN SOLUTION" not in autograded_text(workspace, "lit-les-sources")
    graded = nbformat.read(
        workspace.root / "autograded" / "lit-le-carnet-de-notes" / ASSIGNMENT / NOTEBOOK, as_version=4
    )
    printed = [o.get("text", "") for c in graded.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert "0\n" in printed or any("PermissionError" in text for text in printed)  # nothing of the gradebook
    assert "OSError" in autograded_text(workspace, "reseau") or "Network is unreachable" in autograded_text(
        workspace, "reseau"
    )


def test_no_process_is_left_behind(batch):
    users = subprocess.run(["ps", "-eo", "uid="], capture_output=True, text=True).stdout.split()
    assert not [u for u in users if int(u) in SANDBOX_UIDS]


def test_huge_output_is_cut(batch):
    assert len(autograded_text(batch[0], "sortie-enorme")) < 1_000_000
