"""Re-executes a team's notebook with papermill, inside the sandbox, and sends back its predictions:

    python -m grading.datathon.rerun_notebook carnet.ipynb DATA_FOLDER

The notebook's parameters point at the prepared data (DATA_FOLDER/entrainement.csv, test.csv) and at
predictions.csv in the working folder; what the notebook wrote there goes back through the sandbox's
result pipe, size-capped, for the scorer to validate.
"""

import os
import sys
from pathlib import Path

from papermill import execute_notebook

from grading.sandbox.result import RESULT_FD
from grading.settings import MAX_PREDICTIONS_BYTES

PREDICTIONS = "predictions.csv"


def main() -> int:
    notebook, data = sys.argv[1], Path(sys.argv[2])
    result_pipe = int(os.environ[RESULT_FD])
    os.set_inheritable(result_pipe, False)
    parameters = {
        "DONNEES_ENTRAINEMENT": str(data / "entrainement.csv"),
        "DONNEES_TEST": str(data / "test.csv"),
        "FICHIER_PREDICTIONS": PREDICTIONS,
    }
    execute_notebook(notebook, "carnet-execute.ipynb", parameters=parameters, kernel_name="python3", progress_bar=False)
    predictions = Path(PREDICTIONS)
    if predictions.is_symlink() or not predictions.is_file():
        sys.exit(f"the notebook wrote no {PREDICTIONS}")
    with predictions.open("rb") as file, os.fdopen(result_pipe, "wb") as pipe:
        pipe.write(file.read(MAX_PREDICTIONS_BYTES + 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
