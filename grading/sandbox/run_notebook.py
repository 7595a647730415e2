"""Executes one notebook with nbclient: what grading.sandbox runs inside the sandbox.

    python -m grading.sandbox.run_notebook NOTEBOOK.ipynb --cell-timeout 120

Sends back, through the sandbox's result pipe, one JSON document: how the execution ended (see
result.py), the executed notebook when it ran to its end, and the answers its test cells captured
(grading.answers), as the text the student's kernel wrote. Errors in cells are part of the result.
Nothing of it is trusted: it all comes from where the student's code ran.
"""

import argparse
import json
import os
import signal
import sys
from dataclasses import asdict
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from grading.answers import ANSWERS_FOLDER
from grading.sandbox.result import RESULT_FD, Outcome
from grading.settings import CELL_TIMEOUT, MAX_ANSWER_BYTES, MAX_CELL_OUTPUT
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
    parser.add_argument("--cell-timeout", type=int, default=CELL_TIMEOUT)
    args = parser.parse_args()
    result_pipe = int(os.environ[RESULT_FD])
    os.set_inheritable(result_pipe, False)  # for this runner only, not for the kernel it starts
    notebook = nbformat.read(args.notebook, as_version=4)
    result = execute(notebook, args.notebook.parent, args.cell_timeout)
    if result.failure is None:
        _limit_outputs(notebook)
    bundle = {
        "outcome": asdict(result),
        "notebook": notebook if result.failure is None else None,
        "answers": _answers(args.notebook.parent / ANSWERS_FOLDER),
    }
    with os.fdopen(result_pipe, "w", encoding="utf-8") as pipe:
        json.dump(bundle, pipe)
    return 0


def _answers(folder: Path) -> dict[str, str]:
    """The answers files the test cells wrote, as text (a file that is not one is left out)."""
    answers = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_ANSWER_BYTES:
            answers[path.stem] = path.read_text(encoding="utf-8", errors="replace")
    return answers


class KernelCopiesStopped(AsyncKernelManager):
    """jupyter_client interrupts a cell past its time limit by signalling the kernel's whole process group,
    so that a shell command it waits for stops too. The copies of the kernel a fork bomb leaves asleep
    would wake up and run on, 255 copies of its memory (the run then ends out of memory instead of going
    on): the forked copies that never ran another program are killed first, and again once the
    interrupt is sent (a copy forked meanwhile)."""

    async def _async_signal_kernel(self, signum: int) -> None:
        process = getattr(self.provisioner, "process", None)
        if signum != signal.SIGINT or process is None:
            return await super()._async_signal_kernel(signum)
        _kill_copies_of(process.pid)
        await super()._async_signal_kernel(signum)
        _kill_copies_of(process.pid)


def _kill_copies_of(kernel: int) -> None:
    """Kills the processes of the kernel's group that run the kernel's own command line (forked, never
    exec'd); a command the notebook started has a command line of its own."""
    try:
        group, command = os.getpgid(kernel), Path(f"/proc/{kernel}/cmdline").read_bytes()
        others = [int(name) for name in os.listdir("/proc") if name.isdigit() and int(name) != kernel]
    except OSError:
        return
    for pid in others:
        try:
            if os.getpgid(pid) == group and Path(f"/proc/{pid}/cmdline").read_bytes() == command:
                os.kill(pid, signal.SIGKILL)
        except OSError:
            continue


def execute(notebook, folder: Path, cell_timeout: int) -> Outcome:
    client = NotebookClient(
        notebook,
        kernel_manager_class=KernelCopiesStopped,
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
