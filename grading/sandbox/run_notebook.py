"""Executes one notebook with nbclient: what grading.sandbox runs inside the sandbox.

    python -m grading.sandbox.run_notebook IN.ipynb OUT.ipynb --cell-timeout 120

Writes OUT (the executed notebook, when it ran to its end) and result.json beside IN
(see result.py): how the execution ended, as data. Errors in cells are part of the result.
"""

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from grading.sandbox.result import RESULT_FILE, Outcome, write_outcome
from grading.settings import CELL_TIMEOUT, MAX_CELL_OUTPUT
from grading.status import Status

OUT_OF_MEMORY = ("MemoryError",)
TIMED_OUT = ("CellTimeoutError", "KeyboardInterrupt")  # a cell stopped at its limit
TRUNCATED = "\n… (sortie tronquée : trop longue pour être conservée)\n"
CELL_TIMEOUT_ERROR = {
    "ename": "CellTimeoutError",
    "evalue": "",  # recorded in the cell; the notebook goes on
    "traceback": ["CellTimeoutError: cette cellule a dépassé la durée autorisée et a été interrompue."],
}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m grading.sandbox.run_notebook")
    parser.add_argument("notebook", type=Path)
    parser.add_argument("executed", type=Path)
    parser.add_argument("--cell-timeout", type=int, default=CELL_TIMEOUT)
    args = parser.parse_args()
    notebook = nbformat.read(args.notebook, as_version=4)
    result = execute(notebook, args.notebook.parent, args.cell_timeout)
    if result.failure is None:
        _limit_outputs(notebook)
        nbformat.write(notebook, args.executed)
    write_outcome(args.notebook.parent / RESULT_FILE, result)
    return 0


def execute(notebook, folder: Path, cell_timeout: int) -> Outcome:
    client = NotebookClient(
        notebook,
        timeout=cell_timeout,
        allow_errors=True,
        interrupt_on_timeout=True,
        error_on_timeout=CELL_TIMEOUT_ERROR,
        kernel_name="python3",
        shutdown_kernel="immediate",
        extra_arguments=["--HistoryManager.hist_file=:memory:"],
        resources={"metadata": {"path": str(folder)}},
    )
    try:
        client.execute()
    except DeadKernelError as error:
        failure = Status.MEMORY_EXCEEDED if _errors_named(notebook, OUT_OF_MEMORY) else Status.KERNEL_DIED
        return Outcome(failure, f"the kernel died: {error}"[:300])
    except CellTimeoutError:  # the cell was stopped; what ran before it is the result
        return Outcome(cell_timeouts=max(1, _errors_named(notebook, TIMED_OUT)))
    except MemoryError:
        return Outcome(Status.MEMORY_EXCEEDED, "the notebook ran out of memory")
    if _errors_named(notebook, OUT_OF_MEMORY):
        return Outcome(Status.MEMORY_EXCEEDED, "a cell ran out of memory (MemoryError)")
    return Outcome(cell_timeouts=_errors_named(notebook, TIMED_OUT))


def _limit_outputs(notebook, characters: int = MAX_CELL_OUTPUT) -> None:
    """Keeps the first `characters` of each cell's printed text (a print in a loop makes many chunks)."""
    for cell in notebook.cells:
        budget, kept = characters, []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                if budget <= 0:
                    continue
                if len(output.text) > budget:
                    output.text = output.text[:budget] + TRUNCATED
                budget -= len(output.text)
            kept.append(output)
        if "outputs" in cell:
            cell.outputs = kept


def _errors_named(notebook, names: tuple[str, ...]) -> int:
    """How many cells of the executed notebook ended in an error of one of these names."""
    return sum(
        any(output.get("output_type") == "error" and output.get("ename") in names for output in cell.get("outputs", []))
        for cell in notebook.cells
    )


if __name__ == "__main__":
    sys.exit(main())
