"""The competency registry (course/competences.yml) and the competencies each graded cell assesses.

A graded cell of a source notebook names them in its metadata:
    "kit": {"competences": ["indicateurs-activite", "visualiser"]}
Reports read the tags from the source notebooks, never from submissions, which
students could edit.
"""

from pathlib import Path

import nbformat
import yaml


def registry(course: Path) -> dict:
    """{"domaines": {id: label}, "competences": {id: {"domaine": ..., "libelle": ...}}}."""
    return yaml.safe_load((course / "competences.yml").read_text(encoding="utf-8"))


def graded_cells(notebook) -> list:
    return [cell for cell in notebook.cells if cell.metadata.get("nbgrader", {}).get("grade")]


def cell_competences(source_notebooks: list[Path]) -> dict[str, list[str]]:
    """{grade_id: [competency id, ...]} for the graded cells of the given source notebooks."""
    tags = {}
    for path in source_notebooks:
        for cell in graded_cells(nbformat.read(path, as_version=4)):
            tags[cell.metadata["nbgrader"]["grade_id"]] = list(cell.metadata.get("kit", {}).get("competences", []))
    return tags
