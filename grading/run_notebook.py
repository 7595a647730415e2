"""Executes one notebook with nbclient: what grading.sandbox runs inside the sandbox.

    python -m grading.run_notebook IN.ipynb OUT.ipynb --cell-timeout 120

Exit status: 0 executed (errors in cells are part of the result), 3 the kernel
died, 4 the notebook ran out of memory, 1 anything else.
"""

import argparse
import sys
from pathlib import Path

# jsonschema builds a grammar for IRI checks (rfc3987_syntax) on import: over a second per notebook
# graded, for a format nbformat never uses. Without the module, jsonschema simply skips that check.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellTimeoutError, DeadKernelError  # noqa: E402

OUT_OF_MEMORY = ("MemoryError",)
MAX_CELL_OUTPUT = 100_000
TRUNCATED = "\n… (sortie tronquée : trop longue pour être conservée)\n"
CELL_TIMEOUT = {"ename": "CellTimeoutError", "evalue": "",        # recorded in the cell; the notebook goes on
                "traceback": ["CellTimeoutError: cette cellule a dépassé la durée autorisée et a été interrompue."]}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m grading.run_notebook")
    parser.add_argument("notebook")
    parser.add_argument("executed")
    parser.add_argument("--cell-timeout", type=int, default=120)
    args = parser.parse_args()
    notebook = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(notebook, timeout=args.cell_timeout, allow_errors=True, interrupt_on_timeout=True,
                            error_on_timeout=CELL_TIMEOUT, kernel_name="python3", shutdown_kernel="immediate", extra_arguments=["--HistoryManager.hist_file=:memory:"],
                            resources={"metadata": {"path": str(Path(args.notebook).parent)}})
    try:
        client.execute()
    except DeadKernelError as error:
        print(f"the kernel died: {error}", file=sys.stderr)
        return 4 if _ran_out_of_memory(notebook) else 3
    except CellTimeoutError as error:
        print(f"a cell ran past its time limit: {error}", file=sys.stderr)
    except MemoryError:
        print("the notebook ran out of memory", file=sys.stderr)
        return 4
    if _ran_out_of_memory(notebook):
        print("a cell ran out of memory (MemoryError)", file=sys.stderr)
        return 4
    _limit_outputs(notebook)
    nbformat.write(notebook, args.executed)
    return 0


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


def _ran_out_of_memory(notebook) -> bool:
    return any(output.get("output_type") == "error" and output.get("ename") in OUT_OF_MEMORY
               for cell in notebook.cells for output in cell.get("outputs", []))


if __name__ == "__main__":
    sys.exit(main())
