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
AGE_GROUP_STARTS = np.array([2, 18, 45, 65, 80])  # the age (years) each group but the first starts at


def age_group(age_years: np.ndarray) -> np.ndarray:
    """Index into AGE_GROUPS of each age."""
    return np.searchsorted(AGE_GROUP_STARTS, age_years, side="right")


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


# ATIH's nomenclatures, built by tools/reference from ATIH's files (see reference/README.md).
DP_TYPES = frozenset({"0"})  # CIM-10 FR types of use allowed as principal diagnosis (0: no restriction)
DAS_TYPES = frozenset({"0", "1", "4"})  # ...and as secondary diagnosis (3: father code, never; 2: external causes)


@cache
def cim10() -> pd.DataFrame:
    """CIM-10 FR: one row per code and run of years with the same ATIH type of use (type_mco)."""
    return _read("cim10.csv.gz", dtype={"code": str, "type_mco": str, "categorie": str, "chapitre": str})


@cache
def ghm() -> pd.DataFrame:
    """Every GHM since 2015 with root, CMD, type, the years it exists and the national mean length."""
    return _read("ghm.csv.gz", dtype={"ghm": str, "racine": str, "cmd": str, "type_ghm": str})


@cache
def ghs_tariffs() -> pd.DataFrame:
    """The GHS tariff of each GHM and year (public sector)."""
    return _read("ghs_tarifs.csv.gz", dtype={"ghm": str, "ghs": str})


@cache
def ccam() -> pd.DataFrame:
    """CCAM acts with their opening and closing dates (date_fin empty: still open)."""
    return _read("ccam.csv.gz", dtype=str)


@cache
def nomenclature_years() -> tuple[int, int]:
    """The first and last years the nomenclatures describe; later years use the last one."""
    years = ghs_tariffs()["annee"]
    return int(years.min()), int(years.max())


def nomenclature_year(year: np.ndarray | int) -> np.ndarray | int:
    """The year of the nomenclatures that applies to a stay ending in `year`."""
    first, last = nomenclature_years()
    return np.clip(year, first, last)


@cache
def cim10_codes(first_year: int, last_year: int, types: frozenset) -> frozenset:
    """Codes whose ATIH type is one of `types` in every year from first_year to last_year."""
    years = range(nomenclature_year(first_year), nomenclature_year(last_year) + 1)
    rows = cim10()[cim10()["type_mco"].isin(types)]
    start, end, code = rows["annee_debut"].to_numpy(), rows["annee_fin"].to_numpy(), rows["code"].to_numpy(object)
    return frozenset.intersection(*(frozenset(code[(start <= year) & (end >= year)]) for year in years))


@cache
def category_codes(category: str) -> tuple[str, ...]:
    """Every CIM-10 FR code of a 3-character category (I63: I63, I63.0 ... I63.9), in the file's order."""
    return tuple(_category_index().get(category, ()))


@cache
def _category_index() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for code in cim10()["code"].drop_duplicates():
        index.setdefault(code[:3], []).append(code)
    return index


@cache
def ghm_codes(first_year: int, last_year: int) -> frozenset:
    """GHMs of the classification in every year from first_year to last_year."""
    table = ghm()
    return frozenset(
        table.loc[
            (table["annee_debut"] <= nomenclature_year(first_year))
            & (table["annee_fin"] >= nomenclature_year(last_year)),
            "ghm",
        ]
    )


@cache
def tariffed_ghm_codes(first_year: int, last_year: int) -> frozenset:
    """GHMs of the classification with a GHS tariff in every year from first_year to last_year (a few,
    such as abortions, are paid otherwise)."""
    years = range(nomenclature_year(first_year), nomenclature_year(last_year) + 1)
    tariffs = ghs_tariffs()
    priced = set.intersection(*(set(tariffs.loc[tariffs["annee"] == year, "ghm"]) for year in years))
    return ghm_codes(first_year, last_year) & frozenset(priced)


@cache
def ccam_codes(first_day: str, last_day: str) -> frozenset:
    """Acts open on every day from first_day to last_day (ISO dates)."""
    table = ccam()
    open_ = (table["date_debut"] <= first_day) & (table["date_fin"].isna() | (table["date_fin"] >= last_day))
    return frozenset(table.loc[open_, "code"])


@cache
def severity_levels() -> pd.DataFrame:
    """Severity level (2-4) of secondary diagnoses by code prefix; any other code is level 1."""
    return _read("niveaux_severite.csv", dtype={"prefixe": str})


def severity_of(codes: np.ndarray) -> np.ndarray:
    """The level of each secondary diagnosis: that of its longest matching prefix, else 1."""
    levels = np.ones(len(codes), dtype=np.int64)
    text = pd.Series(np.asarray(codes, dtype=object), dtype=object)
    for width, prefixes in _severity_by_width():  # shortest first: a longer prefix overrides
        found = text.str[:width].map(prefixes)
        matched = found.notna().to_numpy()
        levels[matched] = found[matched].to_numpy(np.int64)
    return levels


@cache
def _severity_by_width() -> list[tuple[int, dict[str, int]]]:
    table = severity_levels()
    widths = table["prefixe"].str.len()
    return [
        (int(width), dict(zip(group["prefixe"], group["niveau"].astype(int))))
        for width, group in table.groupby(widths, sort=True)
    ]


@cache
def cmd_of_categories() -> pd.DataFrame:
    return _read("cmd_diagnostics.csv", dtype=str)


def cmd_of_diagnosis(code: str) -> str | None:
    """The CMD a principal diagnosis leads to (the narrowest range of cmd_diagnostics.csv holding its
    category), None when the table has none."""
    category = code[:3]
    if not (category[:1].isalpha() and category[1:].isdigit() and len(category) == 3):
        return None
    return _cmd_by_category_number().get(_category_number(category))


@cache
def _cmd_by_category_number() -> dict[int, str]:
    """Each category's CMD: ranges painted from the widest to the narrowest (the first row among equals)."""
    table = cmd_of_categories()
    first = table["premiere_categorie"].map(_category_number).to_numpy()
    last = table["derniere_categorie"].map(_category_number).to_numpy()
    cmd = {}
    for row in sorted(range(len(table)), key=lambda r: (-(last[r] - first[r]), -r)):
        cmd |= dict.fromkeys(range(first[row], last[row] + 1), table["cmd"].iloc[row])
    return cmd


def _category_number(category: str) -> int:
    return (ord(category[0]) - ord("A")) * 100 + int(category[1:3])


@cache
def common_secondary_diagnoses() -> pd.DataFrame:
    """Conditions coded as secondary diagnoses beside any reason for a stay (hypertension, dyslipidaemia,
    history, dependency...): a CIM-10 category or code, its weight, from an age, for one sex (* both)."""
    return _read("das_courants.csv", dtype={"code": str, "sexe": str})


@cache
def routine_acts() -> pd.DataFrame:
    """Examinations any stay may have: by CMD (* any) and GHM type (M, C, K; * any), from an age, with a
    chance per stay with a night."""
    return _read("actes_courants.csv", dtype={"code": str, "cmd": str, "type_ghm": str})


@cache
def births() -> pd.DataFrame:
    """Newborn stays by GHM root (weight and gestational age groups of CMD 15): share of births,
    principal diagnosis, mean nights beyond the mother's stay."""
    return _read("naissances.csv", dtype={"racine": str, "diagnostic_principal": str})


@cache
def complications() -> pd.DataFrame:
    return _read("complications.csv", dtype={"code": str})


@cache
def urgences() -> pd.DataFrame:
    return _read("urgences.csv", dtype={"groupe_age": str})
