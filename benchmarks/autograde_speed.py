"""make bench, grading: 40 submissions graded by `python -m grading autograde --workers 2` (sandboxed)
against stock `nbgrader autograde` run serially on the same submissions, in the same run.

Writes benchmarks/results/grading.json; the figure that counts is the ratio.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from grading.paths import KIT_DIR, Workspace
from grading.settings import CELL_TIMEOUT
from grading.steps.release import release
from grading.steps.samples import write_samples

RESULTS = Path(__file__).parent / "results"
ASSIGNMENT = "00_prise_en_main"
SAMPLE_DATA = KIT_DIR / "datasets" / "sample"
TARGET = 1.6

STOCK_CONFIG = """c = get_config()
c.CourseDirectory.root = {root!r}
c.CourseDirectory.course_id = "bench"
c.Execute.timeout = {cell_timeout}
"""


def submissions(count: int, folder: Path) -> Path:
    """`count` students handing in the kit's sample submissions in turn."""
    workspace = Workspace(root=folder / "samples")
    release(workspace, ASSIGNMENT, SAMPLE_DATA)
    samples = folder / "samples-inbox"
    write_samples(workspace, ASSIGNMENT, samples)
    kinds = sorted(p.name for p in samples.iterdir())
    inbox = folder / "inbox"
    for k in range(count):
        shutil.copytree(samples / kinds[k % len(kinds)], inbox / f"etudiant-{k:03d}")
    return inbox


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        inbox = submissions(args.submissions, folder)

        ours = folder / "kit"
        subprocess.run(
            [python, "-m", "grading", "--root", str(ours), "release", ASSIGNMENT, "--data", str(SAMPLE_DATA)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [python, "-m", "grading", "--root", str(ours), "collect", str(inbox), "--assignment", ASSIGNMENT],
            check=True,
            capture_output=True,
        )
        kit_seconds = timed(
            [
                python,
                "-m",
                "grading",
                "--root",
                str(ours),
                "autograde",
                ASSIGNMENT,
                "--data",
                str(SAMPLE_DATA),
                "--workers",
                str(args.workers),
            ],
            ours,
        )

        stock = folder / "stock"
        shutil.copytree(KIT_DIR / "course" / "source", stock / "source")
        (stock / "nbgrader_config.py").write_text(STOCK_CONFIG.format(root=str(stock), cell_timeout=CELL_TIMEOUT))
        nbgrader = str(Path(python).parent / "nbgrader")
        subprocess.run(
            [nbgrader, "generate_assignment", ASSIGNMENT, "--force"], cwd=stock, check=True, capture_output=True
        )
        for student in inbox.iterdir():
            shutil.copytree(student, stock / "submitted" / student.name / ASSIGNMENT)
        env = {"PATH": f"{Path(python).parent}:/usr/bin:/bin", "KIT_DATASET": str(SAMPLE_DATA), "HOME": str(stock)}
        stock_seconds = timed([nbgrader, "autograde", ASSIGNMENT], stock, env=env)

    ratio = stock_seconds / kit_seconds
    result = {
        "submissions": args.submissions,
        "workers": args.workers,
        "kit_sandboxed_seconds": kit_seconds,
        "stock_nbgrader_serial_seconds": stock_seconds,
        "speedup": ratio,
        "target": TARGET,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "grading.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"autograde {args.submissions} submissions: kit, {args.workers} workers, sandboxed {kit_seconds:.0f} s; "
        f"stock nbgrader autograde, serial {stock_seconds:.0f} s; speed-up {ratio:.2f}x (target {TARGET}x)"
    )


if __name__ == "__main__":
    main()
