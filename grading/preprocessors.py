"""nbgrader preprocessors of the kit, in nbgrader's own pipeline (see workspace.nbgrader_config).

- RestoreLockedCells: puts back the locked cells (set-up, tests) a student deleted, from the
  release version, before nbgrader restores the content of those that remain.
- SandboxedExecute: replaces nbgrader's Execute: the notebook runs in grading.sandbox, and a
  notebook that cannot finish raises SandboxFailure naming the status.
"""

import shutil
from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer, List, Unicode

from grading.sandbox import Limits, Sandbox


class SandboxFailure(Exception):
    """The notebook could not be executed to the end; str() is 'SandboxFailure[status]: reason'."""

    def __init__(self, status: str, reason: str) -> None:
        super().__init__(f"SandboxFailure[{status}]: {reason}")


class RestoreLockedCells(NbGraderPreprocessor):
    release_directory = Unicode("", help="the release folder of the course (ROOT/release)").tag(config=True)

    def preprocess(self, nb, resources):
        released_path = Path(self.release_directory) / resources["nbgrader"]["assignment"] / \
            f"{resources['nbgrader']['notebook']}.ipynb"
        released = nbformat.read(released_path, as_version=4)
        present = {cell.metadata.get("nbgrader", {}).get("grade_id") for cell in nb.cells}
        for position, cell in enumerate(released.cells):
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if cell.metadata.get("nbgrader", {}).get("locked") and grade_id not in present:
                nb.cells.insert(self._place(nb, released, position), nbformat.from_dict(cell))
                present.add(grade_id)
        return nb, resources

    @staticmethod
    def _place(nb, released, position) -> int:
        """After the submitted cell that comes last before it in the release, else first."""
        ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
        for earlier in reversed(released.cells[:position]):
            grade_id = earlier.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in ids:
                return ids.index(grade_id) + 1
        return 0


class SandboxedExecute(NbGraderPreprocessor):
    data_directory = Unicode("", help="the public dataset the notebooks read").tag(config=True)
    hidden_paths = List(Unicode(), help="what the notebook must not see").tag(config=True)
    use_sandbox = Bool(True).tag(config=True)
    notebook_timeout = Integer(600).tag(config=True)
    cell_timeout = Integer(120).tag(config=True)
    memory_gb = Float(2.0).tag(config=True)
    work_directory = Unicode("", help="where working copies are made").tag(config=True)

    def preprocess(self, nb, resources):
        sandbox = Sandbox(data=Path(self.data_directory), hidden=tuple(map(Path, self.hidden_paths)),
                          limits=Limits(notebook_seconds=self.notebook_timeout, cell_seconds=self.cell_timeout,
                                        memory_bytes=int(self.memory_gb * 2**30)),
                          enabled=self.use_sandbox)
        base = Path(self.work_directory)
        base.mkdir(parents=True, exist_ok=True)
        name = f"{resources['nbgrader']['student']}-{resources['nbgrader']['notebook']}"
        workdir = base / name
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir()
        notebook, executed = workdir / "notebook.ipynb", workdir / "executed.ipynb"
        nbformat.write(nb, notebook)
        try:
            outcome = sandbox.run_notebook(notebook, executed)
            if outcome.status != "executed":
                raise SandboxFailure(outcome.status, outcome.reason)
            return nbformat.read(executed, as_version=4), resources
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


class PlotlyOffline(NbGraderPreprocessor):
    """Gives plotly figures an HTML rendering that works offline: plotly.js is written once, in the
    first figure of the page, so that feedback opens anywhere, without the Internet."""

    def preprocess(self, nb, resources):
        import plotly.io as pio

        first = True
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                figure = output.get("data", {}).get("application/vnd.plotly.v1+json")
                if figure is not None:
                    output.data["text/html"] = pio.to_html(figure, include_plotlyjs=first, full_html=False)
                    first = False
        return nb, resources
