"""nbgrader's Validate button on every published notebook, as a participant presses it on a notebook handed
in blank (a module of its own: it runs beside the other tests)."""

import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from tests.conftest import SAMPLE_DATASET
from tests.test_course import NOTEBOOKS, automatic_tests, manual_answers


def validate(notebook: Path) -> dict:
    """What nbgrader's Validate button says of `notebook`, run in its folder (in a process of its own)."""
    from nbgrader.validator import Validator

    os.chdir(notebook.parent)
    return Validator().validate(str(notebook))


def test_nbgrader_validate_on_each_release_catches_every_unanswered_question(published_kit, tmp_path, monkeypatch):
    """What a participant's Validate button says of a notebook handed in blank (as published): every graded
    cell, and nothing else (no cell reported changed, no version mismatch). Two notebooks at a time."""
    monkeypatch.setenv("KIT_DATASET", str(SAMPLE_DATASET))
    carnets = shutil.copytree(published_kit / "carnets", tmp_path / "carnets")
    notebooks = [carnets / path.parent.name / path.name for path in NOTEBOOKS]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(validate, notebooks))
    for path, result in zip(NOTEBOOKS, results):
        source = nbformat.read(path, as_version=4)
        assert set(result) <= {"failed"}, (path.name, set(result))
        assert len(result["failed"]) == len(automatic_tests(source)) + len(manual_answers(source)), path.name
