"""Reference tables shipped with the kit (see reference/README.md for sources)."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

REFERENCE_DIR = Path(__file__).parent / "reference"

REGIONS = (
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
    "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie",
    "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
    "Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte",
)


@dataclass(frozen=True)
class AgePyramid:
    age_min: np.ndarray   # lower bound of each band, years
    age_max: np.ndarray   # upper bound (inclusive)
    sexe: np.ndarray      # "M" or "F" per cell
    weight: np.ndarray    # share of the population in each (band, sex) cell, sums to 1


@cache
def departements() -> pd.DataFrame:
    return pd.read_csv(REFERENCE_DIR / "departements.csv", dtype={"code": str})


@cache
def age_pyramid() -> AgePyramid:
    bands = pd.read_csv(REFERENCE_DIR / "pyramide_ages.csv")
    counts = np.concatenate([bands["hommes"], bands["femmes"]]).astype(float)
    return AgePyramid(
        age_min=np.tile(bands["age_min"].to_numpy(), 2),
        age_max=np.tile(bands["age_max"].to_numpy(), 2),
        sexe=np.repeat(np.array(["M", "F"]), len(bands)),
        weight=counts / counts.sum(),
    )
