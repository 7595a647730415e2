"""nbgrader's Validate button on every published notebook, as a participant presses it on a notebook handed
in blank (a module of its own: it runs beside the other tests)."""

import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from grading.competences import graded_cells
from tests.conftest import SAMPLE_DATASET
from tests.test_course import NOTEBOOKS, automatic_tests, manual_answers


def validate(notebook: Path) -> dict:
    """What nbgrader's Validate button says of `notebook`, run in its folder (in a process of its own), and
    of every other code cell that fails (validate_all)."""
    from nbgrader.validator import Validator

    os.chdir(notebook.parent)
    return Validator(validate_all=True).validate(str(notebook))


def test_a_blank_notebook_fails_in_its_graded_cells_only(published_kit, tmp_path, monkeypatch):
    """What a participant's Validate button says of a notebook handed in blank (as published): every graded
    cell, and nothing else (no cell reported changed, no version mismatch). The other cells run: their stubs
    do not raise, and no cell after a question reads the learner's answer (points de reprise do). Two
    notebooks at a time."""
    monkeypatch.setenv("KIT_DATASET", str(SAMPLE_DATASET))
    carnets = shutil.copytree(published_kit / "carnets", tmp_path / "carnets")
    notebooks = [carnets / path.parent.name / path.name for path in NOTEBOOKS]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(validate, notebooks))
    for path, published, result in zip(NOTEBOOKS, notebooks, results):
        source = nbformat.read(path, as_version=4)
        assert set(result) <= {"failed"}, (path.name, set(result))
        graded = {cell.source.strip() for cell in graded_cells(nbformat.read(published, as_version=4))}
        failed = [cell["source"] for cell in result["failed"]]
        assert not [cell for cell in failed if cell not in graded], (path.name, result["failed"])
        assert len(failed) == len(automatic_tests(source)) + len(manual_answers(source)), path.name
