"""Real places: the communes patients live in and the cities of university and cancer hospitals.

Reads only the compact committed tables (`reference/communes.csv.gz`, built by
`python -m tools.reference`, and the hand-curated `reference/villes_hospitalieres.csv`), once per
process. See reference/README.md for their sources.
"""

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa

from generators.reference import departements
from generators.sampling import Groups
from generators.settings import REFERENCE_DIR

COMMUNES_FILE = "communes.csv.gz"
VILLES_FILE = "villes_hospitalieres.csv"
_VOWELS = set("AEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŒÆ")
_ARRONDISSEMENT = re.compile(r" \d+(er|e) arrondissement$")


def de(name: str) -> str:
    """French 'de' before a place name: d'Orléans, du Mans, des Sables-d'Olonne, de La Rochelle."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    return ("d'" if name[:1] in _VOWELS else "de ") + name


def city_of(commune: str) -> str:
    """The city an arrondissement belongs to ('Paris 13e arrondissement' -> 'Paris'), else the commune."""
    return _ARRONDISSEMENT.sub("", commune)


@cache
def communes() -> pd.DataFrame:
    """The communes of the 101 départements, sorted as departements() then by INSEE code, with
    `dep` (the index of their département in departements())."""
    table = pd.read_csv(REFERENCE_DIR / COMMUNES_FILE, dtype=str, keep_default_na=False)
    table = table.astype({"population": int, "latitude": float, "longitude": float})
    index = pd.Series(np.arange(len(departements())), index=departements()["code"])
    table["dep"] = index[table["departement"]].to_numpy()
    return table.sort_values(["dep", "code_commune"], kind="stable").reset_index(drop=True)


@cache
def villes_hospitalieres() -> pd.DataFrame:
    """The real cities with a CHU (or CHR) and the cities of the cancer centres (CLCC), in order of
    priority within their département (its main site first)."""
    return pd.read_csv(REFERENCE_DIR / VILLES_FILE, dtype=str, keep_default_na=False)


@dataclass(frozen=True)
class CommunePool:
    """The communes as ready-made dictionary columns, and a draw in proportion to population."""

    by_departement: Groups  # items: rows of communes(), groups: départements, weights: population
    columns: dict  # column name -> (dictionary values as a pyarrow array, position of each commune in it)

    def column(self, name: str, commune: np.ndarray) -> pa.DictionaryArray:
        """The commune's `name` (code_commune, nom, code_postal...) of each drawn row, no string copied."""
        values, position = self.columns[name]
        return pa.DictionaryArray.from_arrays(pa.array(position[commune], type=pa.int32()), values)


@cache
def commune_pool() -> CommunePool:
    table = communes()
    columns = {}
    for name in ("code_commune", "nom", "code_postal", "code_geo_pmsi"):
        values, position = np.unique(table[name].to_numpy(object), return_inverse=True)
        columns[name] = (pa.array(values, type=pa.string()), position)
    population = np.maximum(table["population"].to_numpy(float), 1.0)  # a commune of no one may still be drawn, rarely
    return CommunePool(
        by_departement=Groups.from_sorted(table["dep"].to_numpy(), population, len(departements())),
        columns=columns,
    )
