"""The demo's path through the command lines: generate, release, collect samples, autograde, report.

The session's graded workspace (tests/conftest.py) is made by those very commands; the other
submissions graded beside the samples do not change the samples' rows.
"""

from tests.conftest import ASSIGNMENT, SAMPLES


def test_generate_release_grade_report(graded):
    for step in ("generate", "release", "samples", "autograde", "report"):
        result = graded.steps[step]
        assert result.returncode == 0, f"{' '.join(result.args[1:])} failed:\n{result.stderr}"

    rows = [row for row in graded.grades().values() if row["student"] in SAMPLES]
    assert [(r["student"], r["assignment"], r["status"], r["score"], r["max_score"]) for r in rows] == [
        ("exemple-correct", ASSIGNMENT, "graded", "9", "11"),
        ("exemple-partiel", ASSIGNMENT, "graded", "5", "11"),
        ("exemple-vide", ASSIGNMENT, "graded", "0", "11"),
    ]
    for artefact in ("release", "submitted", "autograded", "gradebook.db", "status", "datasets/generated"):
        assert (graded.root / artefact).exists(), artefact
