"""SandboxedExecute: replaces nbgrader's Execute. Student code only produces data; trusted code grades.

The notebook nbgrader prepared (locked cells and tests restored from the gradebook) is graded by
grading.execution.grade_notebook, here or, with `--scheduler`, on a dask.distributed worker; the
notebook nbgrader goes on with is its own, given the outputs that grading returned: what the run
printed for the learner's cells, what the test said for each test cell. How it ended is written as
an outcome file (grading.sandbox.result) for the autograde step. A notebook that could not run to
its end stops nbgrader's pipeline for that submission."""

import json
from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer, Unicode

from common.cluster import connect
from grading import settings
from grading.execution import Job, grade_notebook
from grading.sandbox import Limits
from grading.sandbox.result import Outcome, outcome_from, write_outcome
from grading.status import Status


class NotebookDidNotRun(Exception):
    """Stops nbgrader's pipeline for this submission; the outcome file says why."""


class SandboxedExecute(NbGraderPreprocessor):
    data_directory = Unicode("", help="the public dataset the notebooks read").tag(config=True)
    release_directory = Unicode("", help="the release folder: the notebooks' questions and set-up").tag(config=True)
    use_sandbox = Bool(True, help="run in bubblewrap (False: --no-sandbox, trusted notebooks only)").tag(config=True)
    notebook_timeout = Integer(settings.NOTEBOOK_TIMEOUT, help="seconds for the whole notebook").tag(config=True)
    cell_timeout = Integer(settings.CELL_TIMEOUT, help="seconds per cell").tag(config=True)
    memory_gb = Float(settings.MEMORY_GB, help="memory of a notebook, in GB").tag(config=True)
    work_directory = Unicode("", help="where outcome files are kept").tag(config=True)
    scheduler = Unicode("", help="a dask.distributed scheduler that runs the notebooks ('' : here)").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        released = nbformat.read(
            Path(self.release_directory) / info["assignment"] / f"{info['notebook']}.ipynb", as_version=4
        )
        limits = Limits(
            notebook_seconds=self.notebook_timeout,
            cell_seconds=self.cell_timeout,
            memory_bytes=int(self.memory_gb * 2**30),
        )
        job = Job.of(nb, released, self.data_directory, limits, self.use_sandbox)
        graded = _on_cluster(self.scheduler, job) if self.scheduler else grade_notebook(job)
        outcome = outcome_from(graded["outcome"]) or Outcome(Status.ERROR, "grading returned no outcome")
        write_outcome(outcome_file(Path(self.work_directory), info["student"], info["notebook"]), outcome)
        if not outcome.ran:
            raise NotebookDidNotRun(f"{outcome.failure}: {outcome.reason}")
        for cell, given in zip(nb.cells, graded["cells"], strict=True):
            if given is not None:
                cell.outputs = [nbformat.from_dict(output) for output in given["outputs"]]
                cell.execution_count = given["execution_count"]
        return nb, resources


_clients: dict = {}


def _on_cluster(address: str, job: Job) -> dict:
    """grade_notebook on a worker of the dask cluster at `address` (one client per grading process)."""
    if address not in _clients:
        _clients[address] = connect(address)
    return json.loads(json.dumps(_clients[address].submit(grade_notebook, job, pure=False).result()))


def outcome_file(work_directory: Path, student: str, notebook: str) -> Path:
    """Where SandboxedExecute leaves the outcome of a student's notebook, outside every sandbox."""
    return work_directory / "outcomes" / student / f"{notebook}.json"
