"""nbgrader settings for nbgrader's own tools run from this folder (formgrader in `make lab`).

They are the ones `python -m grading` uses, so both see the same course, release and gradebook.
"""

from pathlib import Path

from grading.nbgrader_setup import nbgrader_config
from grading.paths import Workspace

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)
c.merge(nbgrader_config(Workspace(root=Path(__file__).resolve().parent)))
