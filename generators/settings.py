"""Every default of the generator, in one place: the command line's defaults and help come from here.

Changing one changes the generated data (except OUT, WORKERS and FORMAT): the committed
sample in datasets/sample/ must then be regenerated (see datasets/README.md).
"""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

PATIENTS = 100_000  # resident population of the default dataset (fits Binder's 2 GB)
SEED = 2024
YEARS = 3  # length of the simulated period
START_YEAR = 2022
DEFECTS = 0.0  # share of rows given a data-quality defect (0: clean data)
FORMAT = "parquet"
FORMATS = ("parquet", "csv")
WORKERS = 1

# Where a dataset goes, relative to the folder a command runs in; the participant loader looks there too.
DATASET_DIR = Path("datasets") / "generated"
MANIFEST = "manifest.json"
DICTIONARY = "dictionnaire.md"  # the data dictionary, beside the tables

REFERENCE_DIR = PACKAGE_DIR / "reference"  # nomenclatures and published figures
SIGNALS_FILE = REFERENCE_DIR / "signaux.yml"  # the true effects hidden in the data
MODULES_ENV = "KIT_MODULES"  # names an instructor's own folder of pathway modules


def modules_dir() -> Path:
    """The pathway modules: the folder KIT_MODULES names, else the kit's generators/modules."""
    return Path(os.environ.get(MODULES_ENV) or PACKAGE_DIR / "modules")
