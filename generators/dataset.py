"""Reading a generated dataset from a notebook.

The dataset is found, in order: in the folder named by the KIT_DATASET
environment variable, else in `datasets/generated/` of the nearest parent
folder that has one. Messages are in French: participants read them.
"""

import json
import os
from pathlib import Path

import pandas as pd

ENV_VAR = "KIT_DATASET"
DEFAULT_LOCATION = Path("datasets") / "generated"
MANIFEST = "manifest.json"


class DatasetNotFound(FileNotFoundError):
    pass


def dataset_dir() -> Path:
    if ENV_VAR in os.environ:
        folder = Path(os.environ[ENV_VAR])
        if not (folder / MANIFEST).is_file():
            raise DatasetNotFound(
                f"Aucun jeu de données complet dans {folder} (variable {ENV_VAR}) : "
                f"il y manque {MANIFEST}. Vérifiez le chemin ou régénérez les données.")
        return folder
    for parent in [Path.cwd(), *Path.cwd().parents]:
        if (parent / DEFAULT_LOCATION / MANIFEST).is_file():
            return parent / DEFAULT_LOCATION
    raise DatasetNotFound(
        "Jeu de données introuvable. Générez-le depuis le dossier du kit avec "
        "`python -m generators` (ou `make demo`), ou demandez-le à votre formateur.")


def load_manifest() -> dict:
    return json.loads((dataset_dir() / MANIFEST).read_text(encoding="utf-8"))


def load_table(name: str) -> pd.DataFrame:
    tables = load_manifest()["tables"]
    if name not in tables:
        raise KeyError(f"Table inconnue : {name!r}. Tables disponibles : {', '.join(sorted(tables))}.")
    return pd.read_parquet(dataset_dir() / tables[name]["file"])
