"""SandboxedExecute: replaces nbgrader's Execute. The notebook runs in grading.sandbox, in a working
folder of its own; how it ended is written as an outcome file (grading.sandbox.result) for the
autograde step, which reads it instead of nbgrader's log. A notebook that could not run to its
end stops nbgrader's pipeline for that submission (nothing is graded, no score is stored)."""

import shutil
from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer, List, Unicode

from grading import settings
from grading.sandbox import Limits, Sandbox
from grading.sandbox.result import write_outcome


class NotebookDidNotRun(Exception):
    """Stops nbgrader's pipeline for this submission; the outcome file says why."""


class SandboxedExecute(NbGraderPreprocessor):
    data_directory = Unicode("", help="the public dataset the notebooks read").tag(config=True)
    hidden_paths = List(Unicode(), help="what the notebook must not see").tag(config=True)
    use_sandbox = Bool(True, help="run in bubblewrap (False: --no-sandbox, trusted notebooks only)").tag(config=True)
    notebook_timeout = Integer(settings.NOTEBOOK_TIMEOUT, help="seconds for the whole notebook").tag(config=True)
    cell_timeout = Integer(settings.CELL_TIMEOUT, help="seconds per cell").tag(config=True)
    memory_gb = Float(settings.MEMORY_GB, help="memory per process, in GB").tag(config=True)
    work_directory = Unicode("", help="where working copies are made").tag(config=True)

    def preprocess(self, nb, resources):
        sandbox = Sandbox(
            data=Path(self.data_directory),
            hidden=tuple(map(Path, self.hidden_paths)),
            limits=Limits(
                notebook_seconds=self.notebook_timeout,
                cell_seconds=self.cell_timeout,
                memory_bytes=int(self.memory_gb * 2**30),
            ),
            enabled=self.use_sandbox,
        )
        student, notebook_name = resources["nbgrader"]["student"], resources["nbgrader"]["notebook"]
        workdir = Path(self.work_directory) / "runs" / f"{student}-{notebook_name}"
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
        notebook, executed = workdir / "notebook.ipynb", workdir / "executed.ipynb"
        nbformat.write(nb, notebook)
        try:
            outcome = sandbox.run_notebook(notebook, executed)
            write_outcome(outcome_file(Path(self.work_directory), student, notebook_name), outcome)
            if not outcome.ran:
                raise NotebookDidNotRun(f"{outcome.failure}: {outcome.reason}")
            return nbformat.read(executed, as_version=4), resources
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


def outcome_file(work_directory: Path, student: str, notebook: str) -> Path:
    """Where SandboxedExecute leaves the outcome of a student's notebook, outside every sandbox."""
    return work_directory / "outcomes" / student / f"{notebook}.json"
