"""RestoreLockedCells: puts back the locked cells (set-up, tests) a student deleted, from the release
version, before nbgrader's OverwriteCells restores the content of those that remain."""

from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode


class RestoreLockedCells(NbGraderPreprocessor):
    release_directory = Unicode("", help="the release folder of the course (ROOT/release)").tag(config=True)

    def preprocess(self, nb, resources):
        released_path = (
            Path(self.release_directory)
            / resources["nbgrader"]["assignment"]
            / f"{resources['nbgrader']['notebook']}.ipynb"
        )
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
