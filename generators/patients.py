"""The `patients` table: a resident population, generated block by block with numpy.

Each block draws from its own random stream, seeded by (seed, table, block
number), so the data depend only on the seed and the options, never on how the
blocks are scheduled.
"""

import hashlib
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from generators.pools import IdentityPools
from generators.reference import age_pyramid, departements
from generators.text import digit_pairs, hex16, join

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


def patient_ids(first: int, count: int, seed: int) -> pa.Array:
    """Pseudonymous ids: a keyed hash of the row number, as SNDS pseudonymises the NIR.

    16 hexadecimal characters: never a valid NIR (15 digits), and not traceable to the row
    without the key, which is derived from the seed. The hash is a bijection, so ids are unique.
    """
    key = np.frombuffer(hashlib.sha256(f"innov-health/patients/{seed}".encode()).digest()[:16], dtype=np.uint64)
    rows = np.arange(first, first + count, dtype=np.uint64)
    return hex16(_mix64(_mix64(rows ^ key[0]) ^ key[1]))


def _mix64(x: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: a bijection that scatters every input bit."""
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xC4CEB9FE1A85EC53)
    return x ^ (x >> np.uint64(33))


def annual_death_probability(age: np.ndarray) -> np.ndarray:
    """Gompertz law fitted by eye to French mortality (about 0.9 % of residents die each year)."""
    return np.minimum(2e-5 * np.exp(0.095 * age), 0.5)


def patients_block(block: int, count: int, seed: int, period: Period, pools: IdentityPools) -> pa.Table:
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
    commune = _draw_commune(dep, pools, rng)
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

    return pa.table({
        "patient_id": patient_ids(first_row, count, seed),
        "sexe": sexe.astype(object),
        "date_naissance": _timestamps(date_naissance),
        "code_postal": pools.code_postal[commune],
        "commune": pools.commune[commune],
        "departement": deps["code"].to_numpy(object)[dep],
        "region": region,
        "date_deces": _timestamps(date_deces),
        "nom": pools.nom[rng.integers(0, len(pools.nom), count)],
        "prenom": prenom,
        "adresse": adresse,
        "telephone": _phone_numbers(deps["region"].map(LANDLINE_PREFIX).to_numpy(object)[dep], rng),
    })


def _timestamps(days: np.ndarray) -> pa.Array:
    """Dates stored as timestamps, so that pandas reads them as datetime64 (NaT stays null)."""
    return pa.array(days.astype("datetime64[ms]"), type=pa.timestamp("ms"))


def _draw_commune(dep: np.ndarray, pools: IdentityPools, rng: np.random.Generator) -> np.ndarray:
    """Index into the commune pool: within its département, bigger communes more often."""
    starts, ends = pools.commune_start[dep], pools.commune_start[dep + 1]
    cumulative = np.cumsum(pools.commune_weight)
    before = np.where(starts > 0, cumulative[starts - 1], 0.0)
    target = before + rng.random(len(dep)) * (cumulative[ends - 1] - before)
    return np.minimum(np.searchsorted(cumulative, target, side="right"), ends - 1)


def _phone_numbers(landline_prefix: np.ndarray, rng: np.random.Generator) -> pa.Array:
    """French numbers written as usual, '01 23 45 67 89'."""
    count = len(landline_prefix)
    mobile = np.where(rng.random(count) < 0.5, "06", "07")
    prefix = np.where(rng.random(count) < MOBILE_SHARE, mobile, landline_prefix.astype(str))
    free_digits = 10 - np.char.str_len(prefix)                     # 8 after "06", 6 after "0590"
    subscriber = rng.integers(0, 10**8, count) % 10**free_digits
    return digit_pairs(prefix.astype(np.int64) * 10**free_digits + subscriber, pairs=5)
