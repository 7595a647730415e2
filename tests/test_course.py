"""The course's source notebooks: the shape every notebook promises its participants, and the
grading round trip (the source version scores full marks, without a crash)."""

import re

import nbformat
import pytest

from grading.competences import graded_cells, registry
from grading.questions import questions, undeclared_names
from tests.conftest import COURSE_NOTEBOOKS, KIT_DIR

COURSE = KIT_DIR / "course"
NOTEBOOKS = COURSE_NOTEBOOKS  # KIT_NOTEBOOKS=02_parcours_patient: only the notebooks being written
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
        grade_id = nbgrader(cell)["grade_id"]
        assert "### BEGIN HIDDEN TESTS" in cell.source, grade_id
        assert "check_answer(" in HIDDEN.sub("", cell.source), f"{grade_id} has no visible check_answer"
        assert "grade_answer(" in HIDDEN.search(cell.source)[0], f"{grade_id}: its hidden test calls no grade_answer"


def test_tests_declare_every_answer_they_read_from_the_learner(notebook):
    """Graded outside the learner's kernel, a test sees the set-up cells and its declared answers only."""
    assert undeclared_names(notebook) == {}
    for question in questions(notebook):
        assert question.names or question.calls, f"{question.grade_id} reads no answer"


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


def test_the_solution_scores_every_automatic_point(course_graded):
    """Every notebook handed in as its solution ('corrige'), graded in the sandbox (see tests/conftest.py):
    every automatic point, no crash. A blank one fails every graded cell and no other: test_validate.py; each
    question's stub gets no point: test_self_checks.py."""
    for name in ("release", "autograde", "report"):
        for result in course_graded.steps[name]:
            assert result.returncode == 0, result.stderr
    rows = course_graded.grades()
    assert set(rows) == {(path.parent.name, "corrige") for path in NOTEBOOKS}
    for path in NOTEBOOKS:
        manual = sum(nbgrader(c)["points"] for c in manual_answers(nbformat.read(path, 4)))
        solution = rows[path.parent.name, "corrige"]
        assert solution["status"] == "graded", solution
        assert float(solution["score"]) == float(solution["max_score"]) - manual, solution


def text_twin(path):
    return COURSE / "text" / path.parent.name / f"{path.stem}.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.parent.name for path in NOTEBOOKS])
def test_text_twin_is_in_sync(path):
    """Each source notebook is reviewed and edited as its py:percent twin (course/jupytext.toml); `make
    notebooks` syncs them. Both must hold the same cells: the same type, source and grading metadata."""
    import jupytext

    twin = text_twin(path)
    assert twin.is_file(), f"{twin.relative_to(KIT_DIR)} is missing: run `make notebooks`"
    text = jupytext.read(twin, fmt="py:percent")
    notebook = nbformat.read(path, as_version=4)

    def cells(nb):
        return [
            (c.cell_type, c.source, c.metadata.get("nbgrader"), c.metadata.get("kit"), c.metadata.get("tags"))
            for c in nb.cells
        ]

    assert cells(text) == cells(notebook), f"{twin.name} and {path.name} differ: run `make notebooks`"
