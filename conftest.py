"""Pytest set-up shared by tests/ and the nbval run on course/source/.

Notebooks read the committed sample dataset, so that the outputs stored in the
source notebooks (which nbval compares) do not depend on a generated dataset.
"""

import os
from pathlib import Path

KIT_DIR = Path(__file__).parent
SAMPLE_DATASET = KIT_DIR / "datasets" / "sample"

os.environ["KIT_DATASET"] = str(SAMPLE_DATASET)
# Two test workers on two cores: one OpenMP thread each (scikit-learn's, in the tests and in the kernels
# they start), or their threads spin against each other and a 10 s model fit takes a minute.
os.environ.setdefault("OMP_NUM_THREADS", "1")
