"""Pools of French identity values, built once per run with Faker.

Faker is slow per call (tens of thousands of values a second) but its French
providers are what make the data look real, so we call it a few thousand times
to fill pools, then sample rows from the pools with numpy. Places are real
communes, not Faker's: see geography.py.
"""

from dataclasses import dataclass

import numpy as np
from faker import Faker

LAST_NAMES = 1500  # fr_FR has 400 surnames: 1 500 draws see nearly all
FIRST_NAMES_PER_SEX = 600  # and 88 + 131 first names
STREETS = 3000


@dataclass(frozen=True)
class IdentityPools:
    nom: np.ndarray
    prenom_homme: np.ndarray
    prenom_femme: np.ndarray
    rue: np.ndarray


def build_identity_pools(seed: int) -> IdentityPools:
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    return IdentityPools(
        nom=np.array([fake.last_name() for _ in range(LAST_NAMES)], dtype=object),
        prenom_homme=np.array([fake.first_name_male() for _ in range(FIRST_NAMES_PER_SEX)], dtype=object),
        prenom_femme=np.array([fake.first_name_female() for _ in range(FIRST_NAMES_PER_SEX)], dtype=object),
        rue=np.array([fake.street_name() for _ in range(STREETS)], dtype=object),
    )
