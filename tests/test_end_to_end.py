"""The demo's path through the command lines: generate, release, collect samples, autograde, report."""

import csv

from grading.sandbox import sandbox_available


def test_generate_release_grade_report(tmp_path, cli):
    steps = [
        ("generators", "--patients", "3000", "--seed", "5", "--out", "datasets/generated", "--quiet"),
        ("grading", "release"),
        ("grading", "samples"),
        ("grading", "autograde") + (() if sandbox_available() else ("--no-sandbox",)),
        ("grading", "report"),
    ]
    for step in steps:
        result = cli(*step, cwd=tmp_path)
        assert result.returncode == 0, f"{' '.join(step)} failed:\n{result.stderr}"

    with open(tmp_path / "reports" / "grades.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [(r["student"], r["status"], r["score"], r["max_score"]) for r in rows] == [
        ("exemple-correct", "graded", "9", "11"),
        ("exemple-partiel", "graded", "5", "11"),
        ("exemple-vide", "graded", "0", "11"),
    ]
    for artefact in ("release", "submitted", "autograded", "gradebook.db", "status"):
        assert (tmp_path / artefact).exists(), artefact
