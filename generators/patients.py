"""The `patients` table: a resident population, generated block by block with numpy.

Each block draws from its own random stream, seeded by (seed, table, block
number), so the data depend only on the seed and the options, never on how the
blocks are scheduled.
"""

from dataclasses import dataclass
from functools import cache

import numpy as np
import pyarrow as pa

from generators.columns import fixed_width_strings, join, pick, timestamps
from generators.geography import commune_pool
from generators.ids import keyed_ids
from generators.modules import Modules
from generators.pools import IdentityPools
from generators.reference import AGE_GROUP_STARTS, age_group, age_pyramid, by_age_group, departements
from generators.sampling import cumulative, draw_from

BLOCK_SIZE = 50_000
TABLE_STREAM = 1  # stream number of this table in the seed sequence

# Area code of landlines by region (mobiles are 06 or 07 everywhere).
LANDLINE_PREFIX = {
    "Île-de-France": "01",
    "Bretagne": "02",
    "Normandie": "02",
    "Pays de la Loire": "02",
    "Centre-Val de Loire": "02",
    "Hauts-de-France": "03",
    "Grand Est": "03",
    "Bourgogne-Franche-Comté": "03",
    "Auvergne-Rhône-Alpes": "04",
    "Provence-Alpes-Côte d'Azur": "04",
    "Corse": "04",
    "Nouvelle-Aquitaine": "05",
    "Occitanie": "05",
    "Guadeloupe": "0590",
    "Martinique": "0596",
    "Guyane": "0594",
    "La Réunion": "0262",
    "Mayotte": "0269",
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

    def day_numbers(self) -> tuple[int, int]:
        """(start, end) as days since 1970-01-01, the unit of the per-row date arithmetic."""
        return int(self.start.astype(np.int64)), int(self.end.astype(np.int64))


def annual_death_probability(age: np.ndarray) -> np.ndarray:
    """Gompertz law for a person without chronic condition; the modules' surmortalite multiply it.
    Fitted by eye to French mortality (INSEE: about 0.93 % of residents die each year)."""
    return np.minimum(1.35e-5 * np.exp(0.095 * age), 0.5)


@dataclass(frozen=True)
class Population:
    """A block of patients: their table, and what later tables of the block draw on."""

    table: pa.Table
    age: np.ndarray  # whole years at the start of the period
    female: np.ndarray  # bool
    departement: np.ndarray  # index into departements()
    death: np.ndarray  # datetime64[D], NaT when alive at the end of the period
    chronic: np.ndarray  # (patients, chronic conditions of the modules): the same on every stay
    birth: np.ndarray  # day numbers (days since 1970-01-01)
    # Children born in the block's deliveries: the day they come home from the maternity, from which
    # their care runs. None for residents: the start of the period.
    first_day: np.ndarray | None = None

    def age_segments(self, first: np.ndarray | int, until: np.ndarray) -> "AgeSegments":
        """Each person's days from `first` to `until` (excluded) in their age group, cut on the day an
        infant turns 2: its care follows the rates of infants until then, of children after. Older people
        keep the group of their age at the start: the rates are national yearly figures, and in a few years
        as many people enter an age group as leave it. Infants are the exception, as the children born in
        the period (Activity.born) are the infants of its later years."""
        first = np.broadcast_to(first, self.birth.shape)
        group = age_group(self.age)
        infant = group == 0
        turns_2 = np.where(infant, self.birth + int(AGE_GROUP_STARTS[0] * 365.25), until)
        lower = np.c_[first, np.maximum(first, turns_2)]
        upper = np.c_[np.minimum(until, turns_2), until]
        person, part = np.nonzero(upper > lower)
        return AgeSegments(
            person=person,
            group=group[person] + part,
            first=lower[person, part],
            until=upper[person, part],
            age=np.where(part == 1, AGE_GROUP_STARTS[0], self.age[person]),
        )


@dataclass(frozen=True)
class AgeSegments:
    """Spans of people's time, each within one age group (reference.AGE_GROUPS), sorted by person and time."""

    person: np.ndarray  # row of the person in the Population
    group: np.ndarray  # index into AGE_GROUPS
    first: np.ndarray  # first day of the span
    until: np.ndarray  # first day after it
    age: np.ndarray  # whole years at the start of the span

    def years(self) -> np.ndarray:
        return (self.until - self.first) / 365.25


def patients_block(
    block: int, count: int, seed: int, period: Period, pools: IdentityPools, modules: Modules
) -> Population:
    """`modules`: the run's pathway modules, whose chronic conditions the patients carry."""
    rng = np.random.default_rng([seed, TABLE_STREAM, block])
    first_row = block * BLOCK_SIZE

    pyramid = age_pyramid()
    cell = draw_from(cumulative(pyramid.weight), count, rng)
    sexe = pyramid.sexe[cell]
    age_years = rng.integers(pyramid.age_min[cell], pyramid.age_max[cell] + 1)
    age_days = (age_years * 365.25 + rng.uniform(0, 365, count)).astype(np.int64)
    date_naissance = period.start - age_days.astype("timedelta64[D]")

    deps = departements()
    dep = draw_from(cumulative(deps["population"].to_numpy(float)), count, rng)
    places = commune_pool()
    commune = places.by_departement.draw(dep, rng)  # real communes, in proportion to their population

    chronic_table = modules.chronic
    group = age_group(age_years)
    chronic = rng.random((count, len(chronic_table))) < by_age_group(chronic_table, "prevalence")[:, group].T
    excess = np.prod(np.where(chronic, chronic_table["surmortalite"].to_numpy()[None, :], 1.0), axis=1)
    yearly = np.minimum(annual_death_probability(age_years) * excess, 0.9)
    dies = rng.random(count) < 1 - (1 - yearly) ** period.years
    days_in_period = int((period.end - period.start).astype(int))
    death_day = period.start + rng.integers(0, days_in_period, count).astype("timedelta64[D]")
    date_deces = np.where(dies, death_day, np.datetime64("NaT", "D"))

    female = sexe == "F"
    first_names = np.concatenate([pools.prenom_homme, pools.prenom_femme])
    prenom = np.where(
        female,
        len(pools.prenom_homme) + rng.integers(0, len(pools.prenom_femme), count),
        rng.integers(0, len(pools.prenom_homme), count),
    )
    numero = pa.array(rng.integers(1, 160, count)).cast(pa.string())
    adresse = join([numero, pools.rue[rng.integers(0, len(pools.rue), count)]], ", ")

    table = pa.table(
        {
            "patient_id": keyed_ids("patients", seed, np.arange(first_row, first_row + count)),
            "sexe": pick(["M", "F"], female.astype(np.int8)),
            "date_naissance": timestamps(date_naissance),
            "code_postal": places.column("code_postal", commune),
            "commune": places.column("nom", commune),
            "code_commune": places.column("code_commune", commune),
            "departement": pick(deps["code"], dep),
            "region": pick(deps["region"], dep),
            "date_deces": timestamps(date_deces),
            "nom": pick(pools.nom, rng.integers(0, len(pools.nom), count)),
            "prenom": pick(first_names, prenom),
            "adresse": adresse,
            "telephone": _phone_numbers(dep, rng),
        }
    )
    return Population(
        table=table,
        age=age_years,
        female=female,
        departement=dep,
        death=date_deces,
        chronic=chronic,
        birth=date_naissance.astype(np.int64),
    )


def _phone_numbers(departement: np.ndarray, rng: np.random.Generator) -> pa.Array:
    """French numbers written as usual, '01 23 45 67 89': ten random digits, the first 2 or 4 set
    to the region's area code (landlines) or to 06 / 07 (mobiles)."""
    count = len(departement)
    digits = rng.integers(0, 10, (count, 10), dtype=np.uint8)
    mobile = rng.random(count) < MOBILE_SHARE
    prefix = np.where(
        mobile,
        np.where(rng.random(count) < 0.5, _PREFIXES.index("06"), _PREFIXES.index("07")),
        landline_prefix_by_departement()[departement],
    )
    digits[:, :4] = np.where(np.arange(4) < _PREFIX_WIDTH[prefix][:, None], _PREFIX_DIGITS[prefix], digits[:, :4])
    characters = np.full((count, 14), ord(" "), dtype=np.uint8)
    characters[:, [0, 1, 3, 4, 6, 7, 9, 10, 12, 13]] = digits + ord("0")
    return fixed_width_strings(characters)


_PREFIXES = sorted(set(LANDLINE_PREFIX.values()) | {"06", "07"})
_PREFIX_WIDTH = np.array([len(p) for p in _PREFIXES])
_PREFIX_DIGITS = np.array([[int(c) for c in p.ljust(4, "0")] for p in _PREFIXES], dtype=np.uint8)


@cache
def landline_prefix_by_departement() -> np.ndarray:
    return np.array([_PREFIXES.index(LANDLINE_PREFIX[r]) for r in departements()["region"]])
