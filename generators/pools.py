"""Pools of French identity values, built once per run with Faker.

Faker is slow per call (tens of thousands of values a second) but its French
providers are what make the data look real, so we call it a few thousand times
to fill pools, then sample rows from the pools with numpy.
"""

from dataclasses import dataclass

import numpy as np
from faker import Faker

from generators.reference import departements
from generators.sampling import Groups

LAST_NAMES = 1500  # fr_FR has 400 surnames: 1 500 draws see nearly all
FIRST_NAMES_PER_SEX = 600  # and 88 + 131 first names
STREETS = 3000
COMMUNES_PER_DEPARTEMENT = 25


@dataclass(frozen=True)
class IdentityPools:
    nom: np.ndarray
    prenom_homme: np.ndarray
    prenom_femme: np.ndarray
    rue: np.ndarray
    # Communes of all départements, in département order; the chef-lieu first in each.
    commune: np.ndarray
    code_postal: np.ndarray
    communes_by_departement: Groups  # bigger communes drawn more often


def build_identity_pools(seed: int) -> IdentityPools:
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = np.random.default_rng([seed, 0xC0])
    communes, codes, weights, owner = [], [], [], []
    for code, chef_lieu in departements()[["code", "chef_lieu"]].itertuples(index=False):
        names = [chef_lieu] + _unique(fake.city, COMMUNES_PER_DEPARTEMENT - 1, exclude={chef_lieu})
        communes += names
        codes += _postal_codes(code, len(names), rng)
        zipf = 1.0 / np.arange(1, len(names) + 1)
        weights.append(zipf / zipf.sum())
        owner += [len(weights) - 1] * len(names)
    return IdentityPools(
        nom=np.array([fake.last_name() for _ in range(LAST_NAMES)], dtype=object),
        prenom_homme=np.array([fake.first_name_male() for _ in range(FIRST_NAMES_PER_SEX)], dtype=object),
        prenom_femme=np.array([fake.first_name_female() for _ in range(FIRST_NAMES_PER_SEX)], dtype=object),
        rue=np.array([fake.street_name() for _ in range(STREETS)], dtype=object),
        commune=np.array(communes, dtype=object),
        code_postal=np.array(codes, dtype=object),
        communes_by_departement=Groups.from_sorted(np.array(owner), np.concatenate(weights), len(weights)),
    )


def _unique(make, count, exclude):
    seen, values = set(exclude), []
    while len(values) < count:
        value = make()
        if value not in seen:
            seen.add(value)
            values.append(value)
    return values


def _postal_codes(departement: str, count: int, rng: np.random.Generator) -> list[str]:
    """Postal codes of a département's communes, the chef-lieu's first (01000, 20000, 97100).

    Like real ones, codes are round to the ten and several small communes may share one.
    """
    if len(departement) == 3:  # overseas: 97110 ... 97190
        prefix, tens, chef_lieu = departement, np.arange(1, 10), departement + "00"
    elif departement == "2A":  # Corse-du-Sud: 20010 ... 20190
        prefix, tens, chef_lieu = "20", np.arange(1, 20), "20000"
    elif departement == "2B":  # Haute-Corse: 20210 ... 20690
        prefix, tens, chef_lieu = "20", np.arange(21, 70), "20200"
    else:
        prefix, tens, chef_lieu = departement, np.arange(1, 100), departement + "000"
    drawn = rng.choice(tens, size=count - 1, replace=len(tens) < count - 1)
    return [chef_lieu] + [prefix + str(t * 10).zfill(5 - len(prefix)) for t in drawn]
