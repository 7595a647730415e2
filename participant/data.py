"""Reading a generated dataset from a notebook.

The dataset is found, in order: in the folder passed as `dossier` (a notebook's
papermill parameter), in the folder named by the KIT_DATASET environment
variable, else in `datasets/generated/` of the nearest parent folder that has
one. Messages are in French: participants read them.
"""

import hashlib
import json
import os
from pathlib import Path

import pandas as pd

from generators.settings import DATASET_DIR as DEFAULT_LOCATION
from generators.settings import MANIFEST, REFERENCE_DIR

ENV_VAR = "KIT_DATASET"


class DatasetNotFound(FileNotFoundError):
    pass


_loaded: set[str] = set()  # the fingerprints of the datasets tables were loaded from in this kernel


def dataset_dir(dossier: str | Path | None = None) -> Path:
    if dossier is not None or ENV_VAR in os.environ:
        folder = Path(dossier if dossier is not None else os.environ[ENV_VAR])
        named_by = "paramètre DONNEES" if dossier is not None else f"variable {ENV_VAR}"
        if not (folder / MANIFEST).is_file():
            raise DatasetNotFound(
                f"Aucun jeu de données complet dans {folder} ({named_by}) : "
                f"il y manque {MANIFEST}. Vérifiez le chemin ou régénérez les données."
            )
        return folder
    for parent in [Path.cwd(), *Path.cwd().parents]:
        if (parent / DEFAULT_LOCATION / MANIFEST).is_file():
            return parent / DEFAULT_LOCATION
    raise DatasetNotFound(
        "Jeu de données introuvable. Générez-le depuis le dossier du kit avec "
        "`python -m generators` (ou `make demo`), ou demandez-le à votre formateur."
    )


def load_manifest(dossier: str | Path | None = None) -> dict:
    return json.loads((dataset_dir(dossier) / MANIFEST).read_text(encoding="utf-8"))


def fingerprint(dossier: str | Path | None = None) -> str:
    """A short identity of the dataset's content (its tables' digests): what answer keys are made for."""
    tables = load_manifest(dossier)["tables"]
    content = "\n".join(f"{name}:{tables[name].get('sha256', '')}" for name in sorted(tables))
    return hashlib.sha256(content.encode()).hexdigest()[:16]


def loaded_datasets() -> set[str]:
    return set(_loaded)


def load_table(name: str, dossier: str | Path | None = None, colonnes: list[str] | None = None) -> pd.DataFrame:
    """The table `name` of the dataset in `dossier` (default: see the module's docstring);
    only the `colonnes` listed, when given, which saves memory on large datasets."""
    tables = load_manifest(dossier)["tables"]
    if name not in tables:
        raise KeyError(f"Table inconnue : {name!r}. Tables disponibles : {', '.join(sorted(tables))}.")
    table = pd.read_parquet(dataset_dir(dossier) / tables[name]["file"], columns=colonnes)
    _loaded.add(fingerprint(dossier))
    return table


def load_reference(name: str) -> pd.DataFrame:
    """A reference table of the kit (nomenclatures, départements...): cim10, ccam, ghm, departements...

    Codes are read as text, so that "01" (Ain) or "2A" keep their form. The CIM-10 comes as ATIH's
    version in force: one row per code, with its type of use in the PMSI (`type_mco`).
    """
    folder = REFERENCE_DIR
    path = next((p for p in (folder / f"{name}.csv", folder / f"{name}.csv.gz") if p.is_file()), None)
    if path is None:
        known = ", ".join(sorted(p.name.split(".")[0] for p in folder.glob("*.csv*")))
        raise KeyError(f"Table de référence inconnue : {name!r}. Tables disponibles : {known}.")
    table = pd.read_csv(path, dtype={"code": str, "ghm": str, "racine": str, "cmd": str, "type_mco": str})
    if "annee_debut" in table and "code" in table:  # codes by run of years: the last run of each
        table = table.sort_values(["code", "annee_debut"]).drop_duplicates("code", keep="last").reset_index(drop=True)
    return table
