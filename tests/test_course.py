"""The course's source notebooks: the shape every notebook promises its participants, and the
grading round trip (the source version scores full marks, the release version 0, without a crash)."""

import csv
import os
import re
import shutil

import nbformat
import pytest

from grading.competences import graded_cells, registry
from grading.sandbox import sandbox_available
from tests.conftest import KIT_DIR, SAMPLE_DATASET

COURSE = KIT_DIR / "course"
# KIT_NOTEBOOKS=02_parcours_patient restricts the checks to the notebooks being written.
NOTEBOOKS = sorted((COURSE / "source").glob(os.environ.get("KIT_NOTEBOOKS", "*") + "/*.ipynb"))
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", re.S)


def nbgrader(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def automatic_tests(notebook) -> list:
    return [c for c in graded_cells(notebook) if c.cell_type == "code" and not nbgrader(c).get("solution")]


def manual_answers(notebook) -> list:
    return [c for c in graded_cells(notebook) if nbgrader(c).get("solution")]


@pytest.fixture(params=NOTEBOOKS, ids=[path.parent.name for path in NOTEBOOKS])
def notebook(request):
    return nbformat.read(request.param, as_version=4)


def test_opens_with_duration_and_objectives(notebook):
    opening = notebook.cells[0].source
    minutes = re.search(r"Durée\D*(\d+)\s*min", opening)
    assert minutes and 45 <= int(minutes[1]) <= 90, "the first cell gives a duration of 45 to 90 minutes"
    assert re.search(r"vous saurez|objectifs", opening, re.I), "the first cell lists the learning objectives"


def test_ends_with_recap_and_extras(notebook):
    headings = " ".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert "À retenir" in headings and "Pour aller plus loin" in headings


def test_dataset_is_a_papermill_parameter(notebook):
    parameters = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(parameters) == 1 and re.search(r"^DONNEES\s*=", parameters[0].source, re.M)
    assert nbgrader(parameters[0]).get("locked"), "the parameters cell is locked"


def test_questions_are_checked_visibly_and_by_hidden_tests(notebook):
    tests = automatic_tests(notebook)
    assert 5 <= len(tests) <= 10, f"{len(tests)} autograded questions"
    for cell in tests:
        assert "### BEGIN HIDDEN TESTS" in cell.source, nbgrader(cell)["grade_id"]
        assert "check(" in HIDDEN.sub("", cell.source), f"{nbgrader(cell)['grade_id']} has no visible check"


def test_reflective_answers_have_a_rubric(notebook):
    answers = manual_answers(notebook)
    assert 1 <= len(answers) <= 2
    for cell in answers:
        rubric = cell.metadata.get("kit", {}).get("bareme")
        assert rubric and len(rubric) >= 2, f"{nbgrader(cell)['grade_id']}: kit.bareme lists the criteria"


def test_graded_cells_name_known_competencies(notebook):
    known = registry(COURSE)["competences"]
    for cell in graded_cells(notebook):
        tags = cell.metadata.get("kit", {}).get("competences")
        assert tags and set(tags) <= set(known), f"{nbgrader(cell)['grade_id']}: {tags}"


def test_syllabus_lists_every_notebook():
    syllabus = (COURSE / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert path.parent.name in syllabus, path.parent.name


def test_registry_domains_are_the_national_framework():
    known = registry(COURSE)
    assert len(known["domaines"]) == 5
    assert all(c["domaine"] in known["domaines"] for c in known["competences"].values())


def test_source_scores_full_marks_and_release_zero(tmp_path, cli):
    """Every notebook handed in as its solution ('corrige') and untouched ('vierge'), graded in one batch."""
    assignments = [path.parent.name for path in NOTEBOOKS]
    assert cli("grading", "--root", str(tmp_path), "release", *assignments).returncode == 0
    manual_points = {}
    for path in NOTEBOOKS:
        assignment = path.parent.name
        handed_in = tmp_path / "handed-in" / assignment
        for student, version in (("corrige", path), ("vierge", tmp_path / "release" / assignment / path.name)):
            (handed_in / student).mkdir(parents=True)
            shutil.copy(version, handed_in / student / path.name)
        result = cli("grading", "--root", str(tmp_path), "collect", str(handed_in), "--assignment", assignment)
        assert result.returncode == 0, result.stderr
        manual_points[assignment] = sum(nbgrader(c)["points"] for c in manual_answers(nbformat.read(path, 4)))
    grade = [
        "grading",
        "--root",
        str(tmp_path),
        "autograde",
        *assignments,
        "--data",
        str(SAMPLE_DATASET),
        "--workers",
        "2",
    ]
    result = cli(*grade, *(() if sandbox_available() else ("--no-sandbox",)))
    assert result.returncode == 0, result.stderr
    assert cli("grading", "--root", str(tmp_path), "report").returncode == 0

    with open(tmp_path / "reports" / "grades.csv", newline="", encoding="utf-8") as file:
        rows = {(r["assignment"], r["student"]): r for r in csv.DictReader(file)}
    for assignment, manual in manual_points.items():
        solution, blank = rows[assignment, "corrige"], rows[assignment, "vierge"]
        assert (solution["status"], blank["status"]) == ("graded", "graded"), (solution, blank)
        assert float(solution["score"]) == float(solution["max_score"]) - manual, solution
        assert float(blank["score"]) == 0, blank


def test_nbgrader_validate_on_each_release_catches_every_unanswered_question(tmp_path, cli, monkeypatch):
    """What a participant's Validate button says of a notebook handed in blank: every graded cell, and
    nothing else (no cell reported changed, no version mismatch)."""
    from nbgrader.validator import Validator

    assignments = [path.parent.name for path in NOTEBOOKS]
    assert cli("grading", "--root", str(tmp_path), "release", *assignments).returncode == 0
    monkeypatch.setenv("KIT_DATASET", str(SAMPLE_DATASET))
    for path in NOTEBOOKS:
        released = tmp_path / "release" / path.parent.name / path.name
        monkeypatch.chdir(released.parent)
        result = Validator().validate(str(released))
        source = nbformat.read(path, as_version=4)
        assert set(result) <= {"failed"}, (path.name, set(result))
        assert len(result["failed"]) == len(automatic_tests(source)) + len(manual_answers(source)), path.name
