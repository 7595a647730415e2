"""make bench, notebooks: every course notebook run top to bottom with papermill, as a participant
would, on the default dataset (100 000 patients: under 2 minutes and 2 GB each, Binder's limit)
and on 1 000 000 patients; time and peak memory of each.

Writes benchmarks/results/notebooks.json.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KIT_DIR = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "results"
LIMIT_SECONDS, LIMIT_MIB = 120, 2048

# Runs one notebook in a fresh process, then reports the largest resident memory of its children:
# the kernel (papermill waits for it to end).
RUN_ONE = """
import resource, sys, papermill
papermill.execute_notebook(sys.argv[1], sys.argv[2], parameters={"DONNEES": sys.argv[3]}, progress_bar=False,
                           kernel_name="python3", cwd=sys.argv[4])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
"""


def run(notebook: Path, data: Path, folder: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUN_ONE, str(notebook), str(folder / notebook.name), str(data), str(notebook.parent)],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        return {"notebook": notebook.parent.name, "error": done.stderr.strip().splitlines()[-1]}
    peak = int(done.stdout.split()[-1])
    return {
        "notebook": notebook.parent.name,
        "seconds": round(seconds, 1),
        "peak_mib": peak,
        "within_limits": seconds < LIMIT_SECONDS and peak < LIMIT_MIB,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--only", default="*", metavar="GLOB", help="notebooks to run (default: all)")
    args = parser.parse_args()
    notebooks = sorted((KIT_DIR / "course" / "source").glob(f"{args.only}/*.ipynb"))
    results = {}
    with tempfile.TemporaryDirectory() as temporary:
        for patients in args.patients:
            data = Path(temporary) / f"data-{patients}"
            subprocess.run(
                [sys.executable, "-m", "generators", "--patients", str(patients), "--out", str(data), "--quiet"],
                check=True,
            )
            rows = [run(notebook, data, Path(temporary)) for notebook in notebooks]
            results[str(patients)] = rows
            for row in rows:
                figure = (
                    f"{row['seconds']:6.1f} s  {row['peak_mib']:5d} MiB"
                    + ("" if row["within_limits"] else f"  OVER {LIMIT_SECONDS} s or {LIMIT_MIB} MiB")
                    if "error" not in row
                    else f"FAILED: {row['error']}"
                )
                print(f"notebook {row['notebook']:<30} {patients:>9,} patients: {figure}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "notebooks.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
