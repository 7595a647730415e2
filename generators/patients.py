"""The `patients` table: a resident population, generated block by block with numpy.

Each block draws from its own random stream, seeded by (seed, table, block
number), so the data depend only on the seed and the options, never on how the
blocks are scheduled.
"""

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from generators.pools import IdentityPools
from generators.reference import age_pyramid, departements
from generators.ids import keyed_ids
from generators.columns import digit_pairs, join, timestamps

BLOCK_SIZE = 50_000
TABLE_STREAM = 1          # stream number of this table in the seed sequence

# Area code of landlines by region (mobiles are 06 or 07 everywhere).
LANDLINE_PREFIX = {
    "Île-de-France": "01",
    "Bretagne": "02", "Normandie": "02", "Pays de la Loire": "02", "Centre-Val de Loire": "02",
    "Hauts-de-France": "03", "Grand Est": "03", "Bourgogne-Franche-Comté": "03",
    "Auvergne-Rhône-Alpes": "04", "Provence-Alpes-Côte d'Azur": "04", "Corse": "04",
    "Nouvelle-Aquitaine": "05", "Occitanie": "05",
    "Guadeloupe": "0590", "Martinique": "0596", "Guyane": "0594", "La Réunion": "0262", "Mayotte": "0269",
}
MOBILE_SHARE = 0.55


@dataclass(frozen=True)
class Period:
    start_year: int
    years: int

    @property
    def start(self) -> np.datetime64:
        return np.datetime64(f"{self.start_year}-01-01", "D")

    @property
    def end(self) -> np.datetime64:
        """First day after the period."""
        return np.datetime64(f"{self.start_year + self.years}-01-01", "D")


def annual_death_probability(age: np.ndarray) -> np.ndarray:
    """Gompertz law fitted by eye to French mortality (about 0.9 % of residents die each year)."""
    return np.minimum(2e-5 * np.exp(0.095 * age), 0.5)


@dataclass(frozen=True)
class Population:
    """A block of patients: their table, and what later tables of the block draw on."""
    table: pa.Table
    age: np.ndarray          # whole years at the start of the period
    female: np.ndarray       # bool
    departement: np.ndarray  # index into departements()
    death: np.ndarray        # datetime64[D], NaT when alive at the end of the period


def patients_block(block: int, count: int, seed: int, period: Period, pools: IdentityPools) -> Population:
    rng = np.random.default_rng([seed, TABLE_STREAM, block])
    first_row = block * BLOCK_SIZE

    pyramid = age_pyramid()
    cell = rng.choice(len(pyramid.weight), size=count, p=pyramid.weight)
    sexe = pyramid.sexe[cell]
    age_years = rng.integers(pyramid.age_min[cell], pyramid.age_max[cell] + 1)
    age_days = (age_years * 365.25 + rng.uniform(0, 365, count)).astype(np.int64)
    date_naissance = period.start - age_days.astype("timedelta64[D]")

    deps = departements()
    dep_weight = deps["population"].to_numpy(float)
    dep = rng.choice(len(deps), size=count, p=dep_weight / dep_weight.sum())
    commune = pools.communes_by_departement.draw(dep, rng)
    region = deps["region"].to_numpy(object)[dep]

    dies = rng.random(count) < 1 - (1 - annual_death_probability(age_years)) ** period.years
    days_in_period = int((period.end - period.start).astype(int))
    death_day = period.start + rng.integers(0, days_in_period, count).astype("timedelta64[D]")
    date_deces = np.where(dies, death_day, np.datetime64("NaT", "D"))

    female = sexe == "F"
    prenom = np.where(female,
                      pools.prenom_femme[rng.integers(0, len(pools.prenom_femme), count)],
                      pools.prenom_homme[rng.integers(0, len(pools.prenom_homme), count)])
    numero = pa.array(rng.integers(1, 160, count)).cast(pa.string())
    adresse = join([numero, pools.rue[rng.integers(0, len(pools.rue), count)]], ", ")

    table = pa.table({
        "patient_id": keyed_ids("patients", seed, np.arange(first_row, first_row + count)),
        "sexe": sexe.astype(object),
        "date_naissance": timestamps(date_naissance),
        "code_postal": pools.code_postal[commune],
        "commune": pools.commune[commune],
        "departement": deps["code"].to_numpy(object)[dep],
        "region": region,
        "date_deces": timestamps(date_deces),
        "nom": pools.nom[rng.integers(0, len(pools.nom), count)],
        "prenom": prenom,
        "adresse": adresse,
        "telephone": _phone_numbers(deps["region"].map(LANDLINE_PREFIX).to_numpy(object)[dep], rng),
    })
    return Population(table=table, age=age_years, female=female, departement=dep, death=date_deces)


def _phone_numbers(landline_prefix: np.ndarray, rng: np.random.Generator) -> pa.Array:
    """French numbers written as usual, '01 23 45 67 89'."""
    count = len(landline_prefix)
    mobile = np.where(rng.random(count) < 0.5, "06", "07")
    prefix = np.where(rng.random(count) < MOBILE_SHARE, mobile, landline_prefix.astype(str))
    free_digits = 10 - np.char.str_len(prefix)                     # 8 after "06", 6 after "0590"
    subscriber = rng.integers(0, 10**8, count) % 10**free_digits
    return digit_pairs(prefix.astype(np.int64) * 10**free_digits + subscriber, pairs=5)
