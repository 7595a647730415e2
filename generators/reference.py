"""Reference tables shipped with the kit (see reference/README.md for what and where from).

Read-only files of the package, not the instructor's configuration: each is read once per process (cached).
"""

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from generators.settings import REFERENCE_DIR

REGIONS = (
    "Auvergne-Rhône-Alpes",
    "Bourgogne-Franche-Comté",
    "Bretagne",
    "Centre-Val de Loire",
    "Corse",
    "Grand Est",
    "Hauts-de-France",
    "Île-de-France",
    "Normandie",
    "Nouvelle-Aquitaine",
    "Occitanie",
    "Pays de la Loire",
    "Provence-Alpes-Côte d'Azur",
    "Guadeloupe",
    "Martinique",
    "Guyane",
    "La Réunion",
    "Mayotte",
)

# Age groups of the rate tables: columns taux_0_1, ..., taux_80_plus (and prevalence_..., probabilite_...).
AGE_GROUPS = ("0_1", "2_17", "18_44", "45_64", "65_79", "80_plus")
_AGE_GROUP_STARTS = np.array([2, 18, 45, 65, 80])


def age_group(age_years: np.ndarray) -> np.ndarray:
    """Index into AGE_GROUPS of each age."""
    return np.searchsorted(_AGE_GROUP_STARTS, age_years, side="right")


def by_age_group(frame: pd.DataFrame, prefix: str) -> np.ndarray:
    """The columns PREFIX_0_1 ... PREFIX_80_plus as a (rows, 6) array."""
    return frame[[f"{prefix}_{group}" for group in AGE_GROUPS]].to_numpy(float)


@dataclass(frozen=True)
class AgePyramid:
    age_min: np.ndarray  # lower bound of each band, years
    age_max: np.ndarray  # upper bound (inclusive)
    sexe: np.ndarray  # "M" or "F" per cell
    weight: np.ndarray  # share of the population in each (band, sex) cell, sums to 1


def _read(name: str, **options) -> pd.DataFrame:
    return pd.read_csv(REFERENCE_DIR / name, keep_default_na=False, na_values=[""], **options)


@cache
def departements() -> pd.DataFrame:
    return _read("departements.csv", dtype={"code": str})


@cache
def age_pyramid() -> AgePyramid:
    bands = _read("pyramide_ages.csv")
    counts = np.concatenate([bands["hommes"], bands["femmes"]]).astype(float)
    return AgePyramid(
        age_min=np.tile(bands["age_min"].to_numpy(), 2),
        age_max=np.tile(bands["age_max"].to_numpy(), 2),
        sexe=np.repeat(np.array(["M", "F"]), len(bands)),
        weight=counts / counts.sum(),
    )


@cache
def cim10() -> pd.DataFrame:
    return _read("cim10.csv", dtype={"code": str, "chapitre": str})


@cache
def ccam() -> pd.DataFrame:
    return _read("ccam.csv", dtype=str)


@cache
def ghm() -> pd.DataFrame:
    return _read("ghm.csv", dtype={"ghm": str, "racine": str})


@cache
def complications() -> pd.DataFrame:
    return _read("complications.csv", dtype={"code": str})


@cache
def urgences() -> pd.DataFrame:
    return _read("urgences.csv", dtype={"groupe_age": str})
