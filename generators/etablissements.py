"""The `etablissements` table: fictitious MCO hospitals, enough for the simulated population.

Built once per run (not per block): every block sends its patients to the same
hospitals. Each département has at least one public hospital with an emergency
department at its chef-lieu; the most populous département of each region, and
any of over a million inhabitants, has a CHU instead.
"""

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from generators.pools import IdentityPools
from generators.reference import departements
from generators.sampling import Groups

STREAM = 4
RESIDENTS_PER_ETABLISSEMENT = 40_000  # France: about 1 700 MCO sites for 68 million people
MINIMUM_PER_DEPARTEMENT = 3  # so that even a small population sees public and private hospitals
OTHER_CATEGORIES = ("CH", "clinique privée", "ESPIC")
OTHER_CATEGORY_SHARE = (0.40, 0.42, 0.18)
MEDIAN_BEDS = {"CHU": 1200, "CH": 250, "clinique privée": 120, "ESPIC": 200}
EMERGENCY_SHARE = {"CHU": 1.0, "CH": 1.0, "clinique privée": 0.25, "ESPIC": 0.4}
PUBLIC_PER_GHT = 4
FINESS_DEPARTEMENT = {"971": "9A", "972": "9B", "973": "9C", "974": "9D", "976": "9F"}


@dataclass(frozen=True)
class Etablissements:
    table: pa.Table
    departement: np.ndarray  # index into departements(), per établissement (sorted)
    by_departement: Groups  # weighted by beds
    emergency_by_departement: Groups  # only those with an emergency department, weighted by beds
    emergency_index: np.ndarray  # établissement index of each item of emergency_by_departement
    regional_chu: np.ndarray  # per département: the CHU its région refers patients to
    region_of_departement: np.ndarray  # per département: its région's index (alphabetical)
    by_region: Groups  # per région, weighted by beds; items are positions in region_order
    region_order: np.ndarray  # établissement indices sorted by région, weighted by beds in by_region


def build_etablissements(patients: int, seed: int, pools: IdentityPools) -> Etablissements:
    rng = np.random.default_rng([seed, STREAM])
    deps = departements()
    residents = patients * deps["population"].to_numpy(float) / deps["population"].sum()
    per_departement = np.maximum(MINIMUM_PER_DEPARTEMENT, np.round(residents / RESIDENTS_PER_ETABLISSEMENT)).astype(int)
    dep = np.repeat(np.arange(len(deps)), per_departement)
    first = np.r_[True, dep[1:] != dep[:-1]]
    count = len(dep)

    hosts_chu = deps.groupby("region")["population"].transform("max").eq(deps["population"]) | (
        deps["population"] > 1e6
    )
    category = np.where(
        first,
        np.where(hosts_chu.to_numpy()[dep], "CHU", "CH"),
        rng.choice(OTHER_CATEGORIES, size=count, p=OTHER_CATEGORY_SHARE),
    ).astype(object)
    commune_index = np.where(
        first, pools.communes_by_departement.starts[dep], pools.communes_by_departement.draw(dep, rng)
    )
    commune = pools.commune[commune_index]
    beds = np.round(np.array([MEDIAN_BEDS[c] for c in category]) * rng.lognormal(0, 0.4, count)).astype(np.int32)
    emergency = rng.random(count) < np.array([EMERGENCY_SHARE[c] for c in category])

    public = np.isin(category, ("CHU", "CH"))
    public_rank = _rank_within(dep, public)
    codes = deps["code"].to_numpy(object)[dep]
    ght = np.where(public, "GHT " + codes + "-" + (1 + public_rank // PUBLIC_PER_GHT).astype(str), None)

    region_of_departement = region_index(deps)
    region = region_of_departement[dep]
    order = np.argsort(region, kind="stable")
    return Etablissements(
        table=pa.table(
            {
                "finess": _finess(codes, rng),
                "nom": _names(category, commune, pools, rng),
                "categorie": category,
                "departement": codes,
                "region": deps["region"].to_numpy(object)[dep],
                "commune": commune,
                "latitude": np.round(
                    deps["latitude"].to_numpy()[dep] + np.where(first, 0, rng.uniform(-0.15, 0.15, count)), 4
                ),
                "longitude": np.round(
                    deps["longitude"].to_numpy()[dep] + np.where(first, 0, rng.uniform(-0.2, 0.2, count)), 4
                ),
                "ght": pa.array(ght, type=pa.string()),
                "lits": beds,
                "urgences": emergency,
            }
        ),
        departement=dep,
        by_departement=Groups.from_sorted(dep, beds, len(deps)),
        emergency_by_departement=Groups.from_sorted(dep[emergency], beds[emergency], len(deps)),
        emergency_index=np.flatnonzero(emergency),
        regional_chu=_regional_chu(deps, np.searchsorted(dep, np.arange(len(deps)))),
        region_of_departement=region_of_departement,
        by_region=Groups.from_sorted(region[order], beds[order], region.max() + 1),
        region_order=order,
    )


def region_index(deps) -> np.ndarray:
    """Per département: the index of its région in alphabetical order."""
    return np.unique(deps["region"].to_numpy(str), return_inverse=True)[1]


def _regional_chu(deps, first_of_departement: np.ndarray) -> np.ndarray:
    """The CHU of each région's most populous département, for every département of the région."""
    capital = deps.groupby("region")["population"].transform("idxmax").to_numpy()
    return first_of_departement[capital]


def _rank_within(group: np.ndarray, selected: np.ndarray) -> np.ndarray:
    """For each item, how many selected items of its (sorted) group come before it."""
    running = np.cumsum(selected) - selected
    return running - running[np.searchsorted(group, group, side="left")]


def _finess(codes: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """9 characters: département (2), a serial (6), a Luhn check digit, as real FINESS numbers."""
    prefix = np.array([FINESS_DEPARTEMENT.get(c, c) for c in codes], dtype=object)
    serial = rng.choice(1_000_000, size=len(codes), replace=False)
    body = [p + str(s).zfill(6) for p, s in zip(prefix, serial)]
    return np.array([b + _luhn_digit(b) for b in body], dtype=object)


def _luhn_digit(body: str) -> str:
    digits = [int(c) if c.isdigit() else ord(c) - ord("A") + 1 for c in body]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return str((10 - total % 10) % 10)


def _names(category, commune, pools: IdentityPools, rng) -> np.ndarray:
    surname = pools.nom[rng.integers(0, len(pools.nom), len(category))]
    saint = pools.prenom_homme[rng.integers(0, len(pools.prenom_homme), len(category))]
    style = rng.integers(0, 2, len(category))
    names = []
    for cat, town, name, patron, s in zip(category, commune, surname, saint, style):
        if cat == "CHU":
            names.append(f"CHU de {town}")
        elif cat == "CH":
            names.append(f"Centre hospitalier de {town}")
        elif cat == "clinique privée":
            names.append(f"Clinique Saint-{patron}" if s else f"Polyclinique {name} de {town}")
        else:
            names.append(f"Hôpital privé {name}" if s else f"Groupe hospitalier mutualiste de {town}")
    return np.array(names, dtype=object)
