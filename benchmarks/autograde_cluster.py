"""make bench, grading at scale: a batch of submissions (default 200) graded with
`autograde --scheduler` on a 2-worker dask LocalCluster, against the same batch's first 20 graded by
local processes (2 workers) in the same run; and the per-submission cost of the trusted step (the
tests run on the captured answers, outside the student's kernel).

Writes benchmarks/results/grading_cluster.json.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from autograde_speed import ASSIGNMENT, RESULTS, SAMPLE_DATA, submissions

from grading.execution import Job, grade_notebook
from grading.paths import KIT_DIR
from grading.sandbox import Limits, sandbox_available

SANDBOX = [] if sandbox_available() else ["--no-sandbox"]


def graded_in(root: Path, inbox: Path, extra: list[str]) -> float:
    python = [sys.executable, "-m", "grading", "--root", str(root)]
    subprocess.run([*python, "release", ASSIGNMENT, "--data", str(SAMPLE_DATA)], check=True, capture_output=True)
    subprocess.run([*python, "collect", str(inbox), "--assignment", ASSIGNMENT], check=True, capture_output=True)
    started = time.perf_counter()
    grade = [*python, "autograde", ASSIGNMENT, "--data", str(SAMPLE_DATA), *SANDBOX, *extra]
    subprocess.run(grade, check=True, capture_output=True)
    return time.perf_counter() - started


def trusted_step_seconds(repeat: int = 5) -> tuple[float, float]:
    """Seconds of one submission's run in the sandbox, and of its tests run on the captured answers."""
    source = KIT_DIR / "course" / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    notebook = nbformat.read(source, as_version=4)
    job = Job.of(notebook, notebook, str(SAMPLE_DATA), Limits(), sandbox=not SANDBOX)
    timings = [grade_notebook(job)["seconds"] for _ in range(repeat)]
    return sum(t["run"] for t in timings) / repeat, sum(t["tests"] for t in timings) / repeat


def main() -> None:
    from distributed import LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--baseline", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        inbox = submissions(args.submissions, folder / "batch")
        baseline = submissions(args.baseline, folder / "baseline")
        local = graded_in(folder / "local", baseline, ["--workers", "2"])
        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
            scheduler = cluster.scheduler_address
            on_cluster = graded_in(folder / "cluster", inbox, ["--workers", "4", "--scheduler", scheduler])
    run, tests = trusted_step_seconds()
    result = {
        "submissions": args.submissions,
        "cluster_seconds": on_cluster,
        "cluster_seconds_per_submission": on_cluster / args.submissions,
        "local_2_workers_seconds_per_submission": local / args.baseline,
        "run_seconds_per_submission": run,
        "trusted_step_seconds_per_submission": tests,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "grading_cluster.json").write_text(json.dumps(result, indent=2) + "\n")
    each, local_each = on_cluster / args.submissions, local / args.baseline
    print(
        f"autograde --scheduler, 2-worker LocalCluster: {args.submissions} submissions in {on_cluster:.0f} s "
        f"({each:.2f} s each; local processes, 2 workers: {local_each:.2f} s each); per submission, the run "
        f"takes {run:.2f} s and the trusted step (tests on the captured answers) {tests:.2f} s"
    )


if __name__ == "__main__":
    main()
