"""papermill's command line, as the datathon's scorer runs a team's notebook in the sandbox:

    python -m grading.datathon.rerun_notebook IN.ipynb OUT.ipynb -p NAME VALUE ...

Through the grading package, which spares each run jsonschema's slow optional import (see grading/__init__.py).
"""

from papermill.cli import papermill

if __name__ == "__main__":
    papermill()
