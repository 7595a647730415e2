"""Hospital activity of a block of patients: the `sejours`, `diagnostics` and `actes` tables.

The clinical content comes from the pathway modules (generators/modules/*.yml)
and the reference tables (complications.csv); this module only turns rates
into rows, for the whole block at once:

1. patients who die in hospital get a last stay that ends with their death;
2. every patient gets a Poisson number of stays, from the rates of their age
   group and sex, times a personal frailty; each stay gets a motif, a length, a
   date inside the patient's lifetime in the period, and no two stays of a
   patient overlap;
3. chronic dialysis and chemotherapy courses add séances (GHM 28Z..);
4. chronic conditions (the same on every stay of a patient) and complications
   become secondary diagnoses, whose severity sets the GHM level, then the tariff;
5. each delivery brings a child into the population, with its birth stay (CMD 15); blocks.py then runs
   this module again for those children (newborns=True): their care from the day they leave the
   maternity, at the rates of infants until they turn 2, of children after (as for residents).
"""

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from generators import reference
from generators.calendar import planned_days, seance_days
from generators.clinical import Clinical
from generators.columns import coded, pick, timestamps
from generators.etablissements import LINES, Etablissements
from generators.ids import NEWBORN_ROWS, block_numbers, keyed_ids
from generators.modules import ModuleError, Modules, principal_codes
from generators.patients import Period, Population
from generators.pools import IdentityPools
from generators.sampling import events_in_days_before, first_occurrences, inside_intervals, ragged_arange
from generators.signals import Signals, Truth, length_factor, readmission_probability

STREAM = 2
IN_HOSPITAL_DEATH_SHARE = 0.4  # of deaths, in an MCO stay
FRAILTY_SHAPE = 1.5  # gamma frailty of mean 1: some patients have many stays
LENGTH_SPREAD = 0.6  # sigma of the log-normal length of stay
CHRONIC_CODED = 0.7  # chance a chronic condition is coded on a given stay
COMMON_DAS_BY_AGE = (0.2, 0.3, 0.7, 1.5, 2.2, 2.8)  # reference/das_courants.csv in a stay of 10 nights or more
WHO_FORM = re.compile(r"[A-Z]\d\d(\.\d{1,2})?")  # a CIM-10 code without ATIH's national extensions
COMMON_DAS_SHORTEST = 0.25  # share of those coded in the shortest stays (0 to 2 nights); in proportion between
TRANSFER_IN_SHARE = 0.05  # planned stays coming from another hospital
MEDICO_SOCIAL_EXIT_80_PLUS = 0.03  # exits to a nursing home, patients of 80 and over
SECONDARY_ACT_SHARE = 0.6  # chance of each act listed after the first one
AMBULATORY_ROUTINE_FACTOR = 0.3  # routine examinations (reference/actes_courants.csv) in a stay without a night
DIALYSIS_ROOT = "28Z04"  # séances of dialysis; the other séances (chemotherapy, radiotherapy...) are cancer care
DAYS_BETWEEN_DELIVERIES = 300  # a pregnancy and a little more
BOYS_AT_BIRTH = 0.512  # INSEE: about 105 boys for 100 girls
NEWBORN_LEVEL_SHARES = (0.92, 0.05, 0.02, 0.01)  # newborn GHM levels A-D (order of magnitude)
OVERLAP_PASSES = 20
SEASON_PASSES = 30
WINTER_PEAK = np.datetime64("2000-01-15").astype(np.int64)  # respiratory stays peak in mid-January
NO_DAY = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Catalogue:
    """Stay motifs then séance kinds, as arrays indexed by motif number; built once per run from the
    modules (and the Charlson points of signaux.yml), shared by every block."""

    motif: np.ndarray
    # Codes travel as positions in these sorted dictionaries, and become dictionary-encoded columns.
    cim10: pa.Array  # every CIM-10 code the run may write
    ghm: pa.Array  # every GHM with a tariff each year of the period
    ccam: pa.Array  # every act the run may write
    diagnoses: list[np.ndarray]  # positions in cim10 of the principal diagnoses a motif draws from
    diagnosis_weights: list[np.ndarray]  # their chances: each item of the module shares one part
    root: np.ndarray  # GHM root, e.g. 05M09
    ghm_of: np.ndarray  # (motifs, nights 0/1/2+, level 1-4): position in ghm of the GHM the grouping gives
    acts: np.ndarray  # (motifs, max acts) positions in ccam, -1 for none
    # The routine examinations each motif allows: routine_index[routine_starts[m]:routine_starts[m + 1]]
    routine_starts: np.ndarray
    routine_index: np.ndarray
    routine_code: np.ndarray  # per routine act (reference/actes_courants.csv): position in ccam
    routine_age_min: np.ndarray
    routine_chance: np.ndarray
    ambulatory: np.ndarray
    mean_length: np.ndarray
    via_emergency: np.ndarray
    exit_to_rehab: np.ndarray
    death_weight: np.ndarray
    readmission_risk: np.ndarray  # added to the log-odds of readmission after a stay of this motif
    line: np.ndarray  # line of care (etablissements.LINES) of each motif; surgery done in a day: the next one
    winter_amplitude: np.ndarray  # 0: no season; a: (1 + a) times the mean in mid-January
    rate: np.ndarray  # (2 sexes: M, F; motifs; 6 age groups), stays per 1000 person-years
    ages: np.ndarray  # (motifs, 2): youngest and oldest age of each kind of stay, inside its age groups
    hospital_motifs: int  # motifs before this index are stays, after it séances
    delivery: np.ndarray  # per motif: a delivery (a child is born)
    seance_kind: np.ndarray  # "chronique" or "cure", séances only
    seance_interval: np.ndarray
    seance_count: np.ndarray
    seance_associated: list[np.ndarray]  # positions in cim10
    seance_rate: np.ndarray  # (séance kinds, 6 age groups): prevalence (chronique) or courses a year (cure)
    newborn_levels: dict[str, set[str]]  # the GHM suffixes each newborn root (reference/naissances.csv) has
    tariff: np.ndarray  # (ghm, years of the nomenclatures from the first): GHS tariff, -1 for none
    tariff_years: tuple[int, int]  # the first and last years of the nomenclatures (later: the last)
    severity: np.ndarray  # per position in cim10: severity level (1-4) as a secondary diagnosis
    chronic_code: np.ndarray  # position in cim10 of each chronic condition of the modules
    chronic_points: np.ndarray  # its points in the Charlson-like score (signaux.yml)
    complication_code: np.ndarray  # positions in cim10 of reference/complications.csv
    complication_risk: np.ndarray  # (complications, age groups): chance in a stay of 4 nights
    common_code: np.ndarray  # positions in cim10 of the codes of reference/das_courants.csv (level 1)
    common_cumulative: np.ndarray  # their cumulative weights, ending at 1
    common_age_min: np.ndarray
    common_sex: np.ndarray  # "F", "M" or "*" (both)


def build_catalogue(clinical: Clinical, period: Period) -> Catalogue:
    """`period`: every code the catalogue holds is valid in ATIH's nomenclatures of each of its years."""
    modules = clinical.modules
    first_year, last_year = period.start_year, period.start_year + period.years - 1
    _check_codes(modules, period)
    motifs, seances = modules.motifs, modules.seances
    split = lambda column: [
        np.array(str(v).split(";")) if isinstance(v, str) else np.array([], dtype=str) for v in column
    ]
    acts = split(motifs["actes"]) + split(seances["actes"])
    width = max(len(a) for a in acts)
    diagnoses, weights = [], []
    for items in split(motifs["diagnostics"]):
        expanded = [principal_codes(item, first_year, last_year) for item in items]
        diagnoses.append(np.array([code for codes in expanded for code in codes], dtype=object))
        weights.append(np.concatenate([np.full(len(codes), 1 / len(codes) / len(items)) for codes in expanded]))
    diagnoses += [np.array([c], dtype=object) for c in seances["diagnostic_principal"]]
    associated = split(seances["diagnostics_associes"])
    chronic = modules.chronic["code"].to_numpy(object)
    complications = reference.complications()["code"].to_numpy(object)
    common = _common_secondary_diagnoses(first_year, last_year)
    cim10 = np.unique(
        np.concatenate(
            [
                *diagnoses,
                *associated,
                chronic,
                complications,
                common["code"],
                reference.births()["diagnostic_principal"],
            ]
        ).astype(object)
    )
    routine = reference.routine_acts()
    ccam = np.unique(np.concatenate([*acts, routine["code"]]).astype(object))
    levels: dict[str, set[str]] = {}
    for code in reference.tariffed_ghm_codes(first_year, last_year):
        levels.setdefault(code[:5], set()).add(code[5:])
    ghm = np.array(sorted(root + suffix for root, suffixes in levels.items() for suffix in suffixes), dtype=object)
    roots = np.concatenate([motifs["racine_ghm"], seances["racine_ghm"]]).astype(object)
    ratio = motifs["ratio_femmes_hommes"].to_numpy(float)
    rates = reference.by_age_group(motifs, "taux")
    female = np.where(
        (motifs["sexe"] == "F").to_numpy()[:, None],
        rates,
        np.where((motifs["sexe"] == "M").to_numpy()[:, None], 0, rates * 2 * ratio[:, None] / (1 + ratio[:, None])),
    )
    male = np.where(
        (motifs["sexe"] == "M").to_numpy()[:, None],
        rates,
        np.where((motifs["sexe"] == "F").to_numpy()[:, None], 0, rates * 2 / (1 + ratio[:, None])),
    )
    zeros = np.zeros(len(seances))
    position = lambda dictionary, codes: np.searchsorted(dictionary, codes).astype(np.int64)
    allows_motif, allows_routine = np.nonzero([_routine_applies(routine, root) for root in roots])
    return Catalogue(
        motif=np.concatenate([motifs["motif"], seances["seance"]]).astype(object),
        cim10=pa.array(cim10, pa.string()),
        ghm=pa.array(ghm, pa.string()),
        ccam=pa.array(ccam, pa.string()),
        diagnoses=[position(cim10, codes) for codes in diagnoses],
        diagnosis_weights=weights + [np.ones(1) for _ in range(len(seances))],
        root=roots,
        ghm_of=np.array([_grouping(levels[root], ghm, root) for root in roots]),
        acts=np.array([[*position(ccam, a), *[-1] * (width - len(a))] for a in acts], dtype=np.int64),
        routine_starts=np.searchsorted(allows_motif, np.arange(len(roots) + 1)),
        routine_index=allows_routine,
        routine_code=position(ccam, routine["code"].to_numpy(object)),
        routine_age_min=routine["age_min"].to_numpy(int),
        routine_chance=routine["chance"].to_numpy(float),
        ambulatory=np.concatenate([motifs["part_ambulatoire"], zeros + 1]),
        mean_length=np.concatenate([motifs["duree_moyenne"], zeros]),
        via_emergency=np.concatenate([motifs["part_urgences"], zeros]),
        exit_to_rehab=np.concatenate([motifs["part_sortie_ssr"], zeros]),
        death_weight=motifs["poids_deces"].to_numpy(float),
        readmission_risk=np.concatenate([motifs["surrisque_readmission"], zeros]),
        line=np.array(
            [_line(root, codes) for root, codes in zip(motifs["racine_ghm"], diagnoses)]
            + [
                LINES.index("seances_dialyse" if r == DIALYSIS_ROOT else "seances_chimio")
                for r in seances["racine_ghm"]
            ]
        ),
        winter_amplitude=np.concatenate([motifs["amplitude_hivernale"], zeros]),
        rate=np.stack([male, female]),
        ages=np.concatenate([motifs[["age_min", "age_max"]].to_numpy(int), np.tile([0, 120], (len(seances), 1))]),
        hospital_motifs=len(motifs),
        delivery=np.r_[motifs["racine_ghm"].isin(_delivery_roots()).to_numpy(), np.zeros(len(seances), bool)],
        seance_kind=seances["mode"].to_numpy(object),
        seance_interval=seances["intervalle_jours"].to_numpy(float),
        seance_count=seances["nombre_seances"].fillna(0).to_numpy(int),
        seance_associated=[position(cim10, codes) for codes in associated],
        seance_rate=reference.by_age_group(seances, "taux") / 1000,
        newborn_levels={root: levels[root] for root in reference.births()["racine"]},
        tariff=_tariff_table(ghm),
        tariff_years=reference.nomenclature_years(),
        severity=reference.severity_of(cim10),
        chronic_code=position(cim10, chronic),
        chronic_points=np.array([clinical.signals.charlson_points.get(code, 0) for code in chronic]),
        complication_code=position(cim10, complications),
        complication_risk=reference.by_age_group(reference.complications(), "probabilite"),
        common_code=position(cim10, common["code"].to_numpy(object)),
        common_cumulative=np.cumsum(common["poids"].to_numpy(float)) / common["poids"].sum(),
        common_age_min=common["age_min"].to_numpy(int),
        common_sex=common["sexe"].to_numpy(object),
    )


def _common_secondary_diagnoses(first_year: int, last_year: int) -> pd.DataFrame:
    """reference/das_courants.csv, one row per code: a category stands for its codes valid as secondary
    diagnosis in every year of the period and of severity level 1 (they never change a stay's GHM), which
    share its weight. ATIH's national extensions (Z86.000, R53.+0) are left out: the common conditions keep
    the WHO form of codes that the course teaches (s1)."""
    allowed = reference.cim10_codes(first_year, last_year, reference.DAS_TYPES)
    items = reference.common_secondary_diagnoses()
    candidates = [
        [
            c
            for c in (reference.category_codes(code) if len(code) == 3 else (code,))
            if c in allowed and WHO_FORM.fullmatch(c)
        ]
        for code in items["code"]
    ]
    level_one = iter(reference.severity_of(np.array([c for codes in candidates for c in codes], dtype=object)) == 1)
    rows = []
    for item, valid in zip(items.itertuples(index=False), candidates):
        codes = [code for code in valid if next(level_one)]
        if not codes:
            raise AssertionError(f"reference/das_courants.csv: {item.code} has no code of level 1 valid as DAS")
        rows += [(code, item.poids / len(codes), item.age_min, item.sexe) for code in codes]
    return pd.DataFrame(rows, columns=["code", "poids", "age_min", "sexe"])


def _grouping(suffixes: set[str], ghm: np.ndarray, root: str) -> np.ndarray:
    """(nights 0/1/2+, level 1-4): the position in `ghm` of the GHM the grouping gives a stay of `root`."""
    nights, level = np.meshgrid(np.arange(3), np.arange(1, 5), indexing="ij")
    return np.searchsorted(ghm, root + _suffixes(suffixes, nights.ravel(), level.ravel())).reshape(3, 4)


def _routine_applies(routine, root: str) -> list[bool]:
    """Whether each routine examination (reference/actes_courants.csv) may be done in a stay of `root`."""
    pairs = zip(routine["cmd"], routine["type_ghm"])
    return [cmd in ("*", root[:2]) and ghm_type in ("*", root[2]) for cmd, ghm_type in pairs]


def _tariff_table(ghm: np.ndarray) -> np.ndarray:
    """(ghm, year of the nomenclatures from the first): the GHS tariff, -1 where there is none."""
    tariffs = reference.ghs_tariffs()
    first, last = reference.nomenclature_years()
    table = np.full((len(ghm), last - first + 1), -1, dtype=np.int32)
    known = tariffs[tariffs["ghm"].isin(ghm)]
    table[np.searchsorted(ghm, known["ghm"]), known["annee"] - first] = np.round(known["tarif_ghs"]).astype(int)
    return table


def _delivery_roots() -> set[str]:
    """GHM roots of deliveries, by their label in the classification (Accouchements..., Césariennes...)."""
    table = reference.ghm()
    return set(table.loc[table["libelle"].str.match(r"(Accouchements|Césariennes) "), "racine"])


def _line(root: str, principal: np.ndarray) -> int:
    """The line of care of a kind of stay, which sets the categories of établissement it goes to."""
    if root[:2] in ("14", "15"):
        return LINES.index("obstetrique")
    if any(code.startswith("C") for code in principal):
        return LINES.index("cancerologie")
    return LINES.index("chirurgie" if root[2] == "C" else "medecine")


def _check_codes(modules: Modules, period: Period) -> None:
    """Every code of the modules exists, in the position it takes, in each year of the period: one line
    naming the module and the code otherwise (ATIH changes its nomenclatures every year)."""
    first_year, last_year = period.start_year, period.start_year + period.years - 1
    years = f"{first_year}-{last_year}" if last_year > first_year else str(first_year)
    open_acts = reference.ccam_codes(str(period.start), str(period.end - 1))
    roots = {code[:5] for code in reference.tariffed_ghm_codes(first_year, last_year)}
    das = reference.cim10_codes(first_year, last_year, reference.DAS_TYPES)
    dp = reference.cim10_codes(first_year, last_year, reference.DP_TYPES)

    def fail(module: str, what: str) -> None:
        raise ModuleError(
            f"{modules.folder / (module + '.yml')}: {what} in {years} (ATIH's nomenclatures); "
            "choose another --start-year or another code"
        )

    for table in (modules.motifs, modules.seances):
        for row in table.itertuples(index=False):
            if row.racine_ghm not in roots:
                fail(row.module, f"GHM root {row.racine_ghm} has no GHM with a GHS tariff every year")
            for act in row.actes.split(";") if isinstance(row.actes, str) else []:
                if act not in open_acts:
                    fail(row.module, f"CCAM act {act} is not open every day")
    for row in modules.motifs.itertuples(index=False):
        for item in row.diagnostics.split(";"):
            if not principal_codes(item, first_year, last_year):
                fail(row.module, f"{item} gives no code allowed as principal diagnosis")
    for row in modules.seances.itertuples(index=False):
        if row.diagnostic_principal not in dp:
            fail(row.module, f"{row.diagnostic_principal} is not allowed as principal diagnosis")
        for code in row.diagnostics_associes.split(";"):
            if code not in das:
                fail(row.module, f"{code} is not allowed as secondary diagnosis")
    for row in modules.chronic.itertuples(index=False):
        if row.code not in das:
            fail(row.module, f"{row.code} is not allowed as secondary diagnosis")


@dataclass(frozen=True)
class Stays:
    """The block's stays, sorted by patient then entry: what the emergency visits link to."""

    patient: np.ndarray  # row of the patient in the block
    entry: np.ndarray  # day numbers (days since 1970-01-01)
    exit: np.ndarray
    finess: np.ndarray  # index into the établissements
    via_emergency: np.ndarray
    sejour_id: pa.Array
    alive_until: np.ndarray  # per patient: first day not alive in the period (its end if alive)
    emergency_hospital: np.ndarray  # per patient: the emergency department they go to
    charlson: np.ndarray  # per patient: Charlson-like score of the chronic conditions


@dataclass(frozen=True)
class Activity:
    stays: Stays  # the block's residents' stays, row for row those of `sejours`
    sejours: pa.Table
    diagnostics: pa.Table
    actes: pa.Table
    born: Population  # children born in the block's deliveries (their table: rows of the patients table)
    newborn_stays: pa.Table  # rows of the sejours table: their birth stays (CMD 15)


ORDINARY, LAST, SEANCE, READMISSION = 0, 1, 2, 3  # kinds of stay


@dataclass(frozen=True)
class _Block:
    """What every step of a block's activity draws on."""

    cat: Catalogue
    signals: Signals
    population: Population
    hospitals: Etablissements
    truth: Truth
    group: np.ndarray  # per patient: age group
    sex: np.ndarray  # per patient: 0 man, 1 woman
    charlson: np.ndarray  # per patient: Charlson-like score of the chronic conditions
    home: np.ndarray  # per patient: usual hospital
    emergency_hospital: np.ndarray  # per patient: the emergency department they go to
    middle: int  # middle day of the period: lengths of stay trend around it
    rng: np.random.Generator

    def place_effect(self, outcome: str, finess: np.ndarray, patient: np.ndarray) -> np.ndarray:
        """The true effect of the établissement and of the patient's région on `outcome`."""
        return (
            self.truth.etablissement_effects[outcome][finess]
            + self.truth.region_effect_by_departement(outcome)[self.population.departement[patient]]
        )


def hospital_activity(
    block: int,
    seed: int,
    period: Period,
    population: Population,
    hospitals: Etablissements,
    truth: Truth,
    cat: Catalogue,
    signals: Signals,
    pools: IdentityPools,
    newborns: bool = False,
) -> Activity:
    """`cat` and `signals`: the run's catalogue and true effects, the same for every block; `pools`:
    the first names newborns are given. `newborns`: `population` is the children born in the block (see
    Activity.born), whose care runs from the day after they leave the maternity (Population.first_day).
    Stays follow the rates of each person's age group on their day: a child of 1 at the start of the period
    has the care of infants, then that of children once it turns 2 (Population.age_segments)."""
    rng = np.random.default_rng([seed, STREAM, block, 1] if newborns else [seed, STREAM, block])
    numbered_from = NEWBORN_ROWS if newborns else 0
    n = len(population.age)
    group = reference.age_group(population.age)
    period_start, end = period.day_numbers()
    start = np.full(n, period_start) if population.first_day is None else population.first_day
    death = np.where(np.isnat(population.death), NO_DAY, population.death.astype("datetime64[D]").astype(np.int64))
    alive_until = np.minimum(end, death)
    chronic = population.chronic
    home = hospitals.usual(population.departement, rng)
    b = _Block(
        cat=cat,
        signals=signals,
        population=population,
        hospitals=hospitals,
        truth=truth,
        group=group,
        sex=population.female.astype(int),
        charlson=chronic.astype(np.int64) @ cat.chronic_points,
        home=home,
        emergency_hospital=np.where(
            hospitals.table["urgences"].to_numpy()[home],
            home,
            hospitals.emergency_index[hospitals.emergency_by_departement.draw(population.departement, rng)],
        ),
        middle=(period_start + end) // 2,
        rng=rng,
    )

    # 1. Last stays of those who die in hospital.
    dies_in_hospital = (death < end) & (rng.random(n) < IN_HOSPITAL_DEATH_SHARE)
    last = np.flatnonzero(dies_in_hospital)
    last_motif = rng.choice(len(cat.death_weight), size=len(last), p=cat.death_weight / cat.death_weight.sum())
    last_entry = np.maximum(start[last], death[last] - _lengths(cat, last_motif, population.age[last], rng))
    stays_until = alive_until.copy()  # other stays end before the last one starts
    stays_until[last] = last_entry

    # 2. Ordinary stays: what they are for, where they go, then how long they last and when.
    frailty = rng.gamma(FRAILTY_SHAPE, 1 / FRAILTY_SHAPE, n)
    spans = population.age_segments(start, stays_until)
    per_cell = cat.rate.sum(axis=1)  # (sex, age group)
    expected = per_cell[b.sex[spans.person], spans.group] / 1000 * spans.years() * frailty[spans.person]
    span = np.repeat(np.arange(len(spans.person)), rng.poisson(expected))
    patient = spans.person[span]
    motif = _draw_motifs(cat.rate, b.sex[patient], spans.group[span], rng)
    inside = _within_ages(cat, motif, spans.age[span])  # no delivery at 12 or at 60
    patient, motif, span = patient[inside], motif[inside], span[inside]
    ordinary = _Stays(patient=patient, motif=motif, entry=None, exit=None, kind=np.full(len(patient), ORDINARY))
    ambulatory = rng.random(len(patient)) < cat.ambulatory[motif]
    _route(ordinary, b, day_case=ambulatory)
    first, until = spans.first[span], spans.until[span]
    entry = _entry_days(cat, motif, first, until, rng)
    planned = ~ordinary.via_emergency  # on working days, fewer in August (calendar.py)
    entry[planned] = planned_days(entry[planned], rng, first[planned], until[planned])
    factor = _length_factor(ordinary, b, entry)
    length = np.where(ambulatory, 0, _lengths(cat, motif, population.age[patient], rng, factor))
    kept, entry = _without_overlaps(patient, entry, length, stays_until)
    ordinary = ordinary.take(kept)
    ordinary.entry, ordinary.exit = entry, entry + length[kept]
    ordinary = ordinary.take(_one_pregnancy_at_a_time(cat, ordinary))

    # 3. Séances, on days without a stay.
    s_patient, s_motif, s_day = _seances(cat, population, group, start, stays_until, rng)
    inside = inside_intervals(
        s_patient,
        s_day,
        np.r_[ordinary.patient, last],
        np.r_[ordinary.entry, last_entry],
        np.r_[ordinary.exit, death[last]],
    )
    others = _Stays(
        patient=np.r_[last, s_patient[~inside]],
        motif=np.r_[last_motif, s_motif[~inside]],
        entry=np.r_[last_entry, s_day[~inside]],
        exit=np.r_[death[last], s_day[~inside]],
        kind=np.r_[np.full(len(last), LAST), np.full((~inside).sum(), SEANCE)],
    )
    _route(others, b)
    stays = _Stays.combined(ordinary, others)

    # 4. Readmissions within 30 days, from the true model of signals.py.
    stays = _Stays.combined(stays, _readmissions(stays, b, stays_until))

    count = len(stays.patient)
    length = stays.exit - stays.entry
    principal = _principal_diagnoses(cat, stays.motif, rng)
    sejour_id = keyed_ids("sejours", seed, block_numbers(block, count, numbered_from))
    diagnostics, severity = _secondary_diagnoses(
        cat, population, chronic, stays.patient, stays.motif, stays.kind, length, principal, group, rng
    )
    common_rng = np.random.default_rng([seed, STREAM, block, 2, int(newborns)])
    diagnostics = _with_common_conditions(cat, population, stays, length, principal, group, diagnostics, common_rng)
    ghm = _ghm(cat, stays.motif, length, severity)

    sejours = pa.table(
        {
            "sejour_id": sejour_id,
            "patient_id": population.table["patient_id"].take(pa.array(stays.patient)),
            "finess": pick(hospitals.table["finess"], stays.finess),
            "date_entree": timestamps(stays.entry),
            "date_sortie": timestamps(stays.exit),
            "duree_sejour": length.astype(np.int32),
            # PMSI modes: entry 7 transfer, 8 home; origin 5 emergency department, 1 other MCO hospital;
            # exit 9 death, 7 transfer, 8 home; destination 2 rehabilitation (SSR), 7 nursing home.
            "mode_entree": coded(np.where(stays.transfer_in, 0, 1), ["7", "8"]),
            "provenance": coded(np.where(stays.via_emergency, 0, np.where(stays.transfer_in, 1, -1)), ["5", "1"]),
            "mode_sortie": coded(np.where(stays.kind == LAST, 0, np.where(stays.to_rehab, 1, 2)), ["9", "7", "8"]),
            "destination": coded(np.where(stays.to_rehab, 0, np.where(stays.to_nursing_home, 1, -1)), ["2", "7"]),
            "diagnostic_principal": coded(principal, cat.cim10),
            "ghm": coded(ghm, cat.ghm),
            "tarif_ghs": _tariffs(cat, ghm, stays.exit),
            "sejour_mere_id": pa.nulls(count, pa.string()),
        }
    )
    born, newborn_stays = _births(stays, b, sejour_id, block, seed, end, pools)
    return Activity(
        stays=Stays(
            patient=stays.patient,
            entry=stays.entry,
            exit=stays.exit,
            finess=stays.finess,
            via_emergency=stays.via_emergency,
            sejour_id=sejour_id,
            alive_until=alive_until,
            emergency_hospital=b.emergency_hospital,
            charlson=b.charlson,
        ),
        sejours=sejours,
        born=born,
        newborn_stays=newborn_stays,
        diagnostics=pa.table(
            {
                "sejour_id": sejour_id.take(pa.array(diagnostics[0])),
                "rang": diagnostics[1].astype(np.int32),
                "code_cim10": coded(diagnostics[2], cat.cim10),
            }
        ),
        actes=_acts(cat, stays.motif, stays.kind, stays.entry, length, population.age[stays.patient], sejour_id, rng),
    )


@dataclass
class _Stays:
    """Stays as parallel arrays."""

    FIELDS = (
        "patient",
        "motif",
        "entry",
        "exit",
        "kind",
        "via_emergency",
        "finess",
        "transfer_in",
        "to_rehab",
        "to_nursing_home",
    )
    patient: np.ndarray
    motif: np.ndarray
    entry: np.ndarray | None
    exit: np.ndarray | None
    kind: np.ndarray
    via_emergency: np.ndarray | None = None  # set by _route
    finess: np.ndarray | None = None
    transfer_in: np.ndarray | None = None
    to_rehab: np.ndarray | None = None
    to_nursing_home: np.ndarray | None = None

    def take(self, index: np.ndarray) -> "_Stays":
        return _Stays(
            **{name: None if getattr(self, name) is None else getattr(self, name)[index] for name in self.FIELDS}
        )

    @classmethod
    def combined(cls, *parts: "_Stays") -> "_Stays":
        """All the parts' stays, sorted by patient, entry and kind."""
        merged = cls(**{name: np.concatenate([getattr(p, name) for p in parts]) for name in cls.FIELDS})
        return merged.take(np.lexsort((merged.kind, merged.entry, merged.patient)))


def _route(stays: _Stays, b: _Block, day_case: np.ndarray | bool = False) -> None:
    """Where each stay comes from and goes to: emergency department or not, hospital (by line of care,
    etablissements.choose), exit mode. `day_case`: stays without a night (surgery then goes where day
    surgery is done)."""
    count, rng = len(stays.patient), b.rng
    kind, motif, patient = stays.kind, stays.motif, stays.patient
    age = b.population.age[patient]
    via = (kind != SEANCE) & (
        rng.random(count)
        < np.where(
            kind == READMISSION,
            b.signals.models["readmission_30_jours"].numbers["part_par_les_urgences"],
            b.cat.via_emergency[motif],
        )
    )
    departement = b.population.departement[patient]
    line = b.cat.line[motif]
    line = np.where(day_case & (line == LINES.index("chirurgie")), LINES.index("chirurgie_ambulatoire"), line)
    usual = b.hospitals.choose(departement, line, b.home[patient], rng)
    seance = np.flatnonzero(kind == SEANCE)
    if len(seance):  # a patient has each kind of séance in one place: the first séance's
        key = patient[seance] * len(b.cat.motif) + motif[seance]
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        usual[seance] = usual[seance][first][inverse]
    if stays.finess is not None:  # readmissions: the first stay's hospital unless they come through the ED
        usual = stays.finess
    stays.via_emergency = via
    stays.finess = np.where(via, b.emergency_hospital[patient], usual)
    stays.transfer_in = ~via & (kind == ORDINARY) & (rng.random(count) < TRANSFER_IN_SHARE)
    ordinary = (kind == ORDINARY) | (kind == READMISSION)
    stays.to_rehab = ordinary & (rng.random(count) < b.cat.exit_to_rehab[motif] * np.where(age >= 65, 1.5, 0.5))
    stays.to_nursing_home = ordinary & ~stays.to_rehab & (age >= 80) & (rng.random(count) < MEDICO_SOCIAL_EXIT_80_PLUS)


def _length_factor(stays: _Stays, b: _Block, entry: np.ndarray) -> np.ndarray:
    return length_factor(
        b.signals,
        age=b.population.age[stays.patient],
        charlson=b.charlson[stays.patient],
        to_rehab=stays.to_rehab,
        to_nursing_home=stays.to_nursing_home,
        place_effect=b.place_effect("sejour_long", stays.finess, stays.patient),
        in_programme=b.truth.programme_runs(stays.finess, entry),
        years_from_middle=(entry - b.middle) / 365.25,
    )


def _readmissions(stays: _Stays, b: _Block, until: np.ndarray) -> _Stays:
    """Unplanned stays 1 to 30 days after ordinary ones, with the probability of the true model.

    A readmission must end before the patient's next stay and within their time in the period.
    """
    model, rng = b.signals.models["readmission_30_jours"], b.rng
    index = np.flatnonzero(stays.kind == ORDINARY)
    patient = stays.patient[index]
    hospital = stays.kind != SEANCE
    probability = readmission_probability(
        b.signals,
        age=b.population.age[patient],
        charlson=b.charlson[patient],
        prior_stays=events_in_days_before(stays.patient[hospital], stays.entry[hospital], patient, stays.entry[index]),
        to_rehab=stays.to_rehab[index],
        to_nursing_home=stays.to_nursing_home[index],
        place_effect=b.place_effect("readmission_30_jours", stays.finess[index], patient),
        in_programme=b.truth.programme_runs(stays.finess[index], stays.entry[index]),
        motif_effect=b.cat.readmission_risk[stays.motif[index]],
    )
    index = index[rng.random(len(index)) < probability]
    patient = stays.patient[index]

    # An unplanned stay after discharge, never a delivery (a pregnancy lasts nine months).
    motifs = slice(0, b.cat.hospital_motifs)
    urgent = b.cat.rate * (b.cat.via_emergency[motifs] * ~b.cat.delivery[motifs])[None, :, None]
    again = _Stays(
        patient=patient,
        motif=_draw_motifs(urgent, b.sex[patient], b.group[patient], rng),
        entry=stays.exit[index] + np.minimum(30, rng.geometric(1 / model.numbers["delai_moyen_jours"], len(index))),
        exit=None,
        kind=np.full(len(index), READMISSION),
        finess=stays.finess[index],
    )
    _route(again, b)
    again.exit = again.entry + _lengths(
        b.cat, again.motif, b.population.age[patient], rng, _length_factor(again, b, again.entry)
    )
    following = np.minimum(index + 1, len(stays.patient) - 1)  # the patient's next stay, if any: stays are sorted
    next_entry = np.where(
        (index + 1 < len(stays.patient)) & (stays.patient[following] == patient), stays.entry[following], NO_DAY
    )
    again.exit = np.minimum(again.exit, np.minimum(next_entry, until[patient]) - 1)
    return again.take(
        np.flatnonzero((again.entry <= again.exit) & _within_ages(b.cat, again.motif, b.population.age[patient]))
    )


def _lengths(cat: Catalogue, motif: np.ndarray, age: np.ndarray, rng, factor: np.ndarray | float = 1.0) -> np.ndarray:
    """Nights in hospital, log-normal around the motif's mean times `factor` (the true length model
    for ordinary stays and readmissions; a little longer with age for the others)."""
    mean = cat.mean_length[motif] * (np.clip(1 + 0.01 * (age - 50), 0.7, 1.4) if np.isscalar(factor) else factor)
    drawn = rng.lognormal(np.log(np.maximum(mean, 0.5)) - LENGTH_SPREAD**2 / 2, LENGTH_SPREAD)
    return np.maximum(1, np.round(drawn)).astype(np.int64)


def _entry_days(cat: Catalogue, motif: np.ndarray, start: np.ndarray, until: np.ndarray, rng) -> np.ndarray:
    """Uniform over the patient's time in the period, except for seasonal motifs: a draw is kept with a
    chance that follows 1 + a cos(time since mid-January), and drawn again otherwise."""
    entry = start + np.floor(rng.random(len(motif)) * (until - start)).astype(np.int64)
    amplitude = cat.winter_amplitude[motif]
    pending = np.flatnonzero(amplitude > 0)
    for _ in range(SEASON_PASSES):
        a = amplitude[pending]
        season = np.cos(2 * np.pi * (entry[pending] - WINTER_PEAK) / 365.25)
        pending = pending[rng.random(len(pending)) > (1 + a * season) / (1 + a)]
        if len(pending) == 0:
            break
        span = until[pending] - start[pending]
        entry[pending] = start[pending] + np.floor(rng.random(len(pending)) * span).astype(np.int64)
    return entry


def _births(stays: _Stays, b: _Block, sejour_id: pa.Array, block: int, seed: int, end: int, pools: IdentityPools):
    """A child for each delivery, born on the day of the delivery act: a row of the patients table (the
    mother's commune, address and name, a first name of its sex) and a stay of CMD 15 in the mother's
    établissement, linked to hers (sejour_mere_id), as long as hers, longer for preterm groups."""
    rng, population = b.rng, b.population
    mother = np.flatnonzero(b.cat.delivery[stays.motif])
    count, total = len(mother), len(stays.patient)
    birth = stays.entry[mother] + np.minimum(stays.exit[mother] - stays.entry[mother], 1)
    groups = reference.births()
    group = rng.choice(len(groups), size=count, p=groups["part"] / groups["part"].sum())
    extra = groups["duree_moyenne"].to_numpy(float)[group]
    nights = np.where(extra > 0, np.round(rng.lognormal(np.log(np.maximum(extra, 0.5)), LENGTH_SPREAD)), 0)
    exit_day = np.minimum(np.maximum(stays.exit[mother], birth + nights.astype(np.int64)), end - 1)
    drawn = np.searchsorted(np.cumsum(NEWBORN_LEVEL_SHARES), rng.random(count), side="right").clip(0, 3)
    levels = np.array(["A", "B", "C", "D"], dtype=object)[np.minimum(drawn, _highest_level(exit_day - birth) - 1)]
    root = groups["racine"].to_numpy(object)[group]
    ghm = root + np.array([_newborn_level(r, lvl, b.cat) for r, lvl in zip(root, levels)], dtype=object)
    ghm = np.searchsorted(b.cat.ghm.to_numpy(zero_copy_only=False), ghm)
    principal = groups["diagnostic_principal"].to_numpy(object)
    principal = np.searchsorted(b.cat.cim10.to_numpy(zero_copy_only=False), principal)
    boy = rng.random(count) < BOYS_AT_BIRTH
    patient_id = keyed_ids("naissances", seed, block_numbers(block, count))
    names = np.concatenate([pools.prenom_homme, pools.prenom_femme])  # as in patients.py
    first_name = np.where(
        boy,
        rng.integers(0, len(pools.prenom_homme), count),
        len(pools.prenom_homme) + rng.integers(0, len(pools.prenom_femme), count),
    )
    mothers = population.table.take(pa.array(stays.patient[mother]))
    newborns = (
        mothers.set_column(mothers.schema.get_field_index("patient_id"), "patient_id", patient_id)
        .set_column(mothers.schema.get_field_index("sexe"), "sexe", pick(["M", "F"], (~boy).astype(np.int8)))
        .set_column(mothers.schema.get_field_index("date_naissance"), "date_naissance", timestamps(birth))
        .set_column(
            mothers.schema.get_field_index("date_deces"),
            "date_deces",
            pa.nulls(count, mothers.schema.field("date_deces").type),
        )
        .set_column(mothers.schema.get_field_index("prenom"), "prenom", pick(names, first_name))
    ).cast(population.table.schema)
    stay_table = pa.table(
        {
            "sejour_id": keyed_ids("sejours", seed, block_numbers(block, total + count)[total:]),
            "patient_id": patient_id,
            "finess": pick(b.hospitals.table["finess"], stays.finess[mother]),
            "date_entree": timestamps(birth),
            "date_sortie": timestamps(exit_day),
            "duree_sejour": (exit_day - birth).astype(np.int32),
            "mode_entree": pa.array(np.full(count, "8", dtype=object), pa.string()),
            "provenance": pa.nulls(count, pa.string()),
            "mode_sortie": pa.array(np.full(count, "8", dtype=object), pa.string()),
            "destination": pa.nulls(count, pa.string()),
            "diagnostic_principal": coded(principal[group], b.cat.cim10),
            "ghm": coded(ghm, b.cat.ghm),
            "tarif_ghs": _tariffs(b.cat, ghm, exit_day),
            "sejour_mere_id": sejour_id.take(pa.array(mother)),
        }
    )
    born = Population(
        table=newborns,
        age=np.zeros(count, dtype=population.age.dtype),
        female=~boy,
        departement=population.departement[stays.patient[mother]],
        death=np.full(count, np.datetime64("NaT"), dtype=population.death.dtype),
        chronic=np.zeros((count, population.chronic.shape[1]), dtype=population.chronic.dtype),
        birth=birth,
        first_day=exit_day + 1,  # home from the maternity
    )
    return born, stay_table


def _newborn_level(root: str, level: str, cat: Catalogue) -> str:
    """The level drawn, or the highest the root has below it (15M12 to 15M14 stop at B)."""
    available = sorted(cat.newborn_levels.get(root, {"A"}))
    return max((s for s in available if s <= level), default=available[0])


def _one_pregnancy_at_a_time(cat: Catalogue, stays: _Stays) -> np.ndarray:
    """Positions of the stays to keep (sorted by patient and entry): a delivery less than
    DAYS_BETWEEN_DELIVERIES after the patient's previous one is dropped."""
    delivery = np.flatnonzero(cat.delivery[stays.motif])
    same_mother = np.r_[False, stays.patient[delivery][1:] == stays.patient[delivery][:-1]]
    too_soon = same_mother & (np.diff(stays.entry[delivery], prepend=0) < DAYS_BETWEEN_DELIVERIES)
    keep = np.ones(len(stays.patient), bool)
    keep[delivery[too_soon]] = False
    return np.flatnonzero(keep)


def _within_ages(cat: Catalogue, motif: np.ndarray, age: np.ndarray) -> np.ndarray:
    """Whether each stay's patient is of an age its kind of stay allows (age_min, age_max of the modules)."""
    return (age >= cat.ages[motif, 0]) & (age <= cat.ages[motif, 1])


def _draw_motifs(rate: np.ndarray, sex: np.ndarray, group: np.ndarray, rng) -> np.ndarray:
    """A motif for each stay, in proportion to `rate` (sex, motif, age group) of its patient's cell."""
    motif = np.empty(len(sex), dtype=np.int64)
    for s in (0, 1):
        for g in range(len(reference.AGE_GROUPS)):
            members = np.flatnonzero((sex == s) & (group == g))
            weights = rate[s, :, g]
            if len(members):
                motif[members] = rng.choice(len(weights), size=len(members), p=weights / weights.sum())
    return motif


def _without_overlaps(patient, entry, length, until):
    """Moves each stay after the previous one of its patient; drops those pushed past `until`.

    Returns the positions of the stays kept, sorted by patient and entry, and their entries.
    """
    order = np.lexsort((entry, patient))
    patient, entry, length = patient[order], entry[order], length[order]
    same_patient = np.r_[False, patient[1:] == patient[:-1]]
    for _ in range(OVERLAP_PASSES):
        previous_exit = np.r_[-1, (entry + length)[:-1]]
        overlap = same_patient & (entry <= previous_exit)
        if not overlap.any():
            break
        entry = np.where(overlap, previous_exit + 1, entry)
    keep = entry + length < until[patient]
    previous_exit = np.r_[-1, (entry + length)[:-1]]
    keep &= ~(same_patient & (entry <= previous_exit))  # a rare chain longer than the passes
    return order[keep], entry[keep]


def _seances(cat: Catalogue, population: Population, group, start, until, rng):
    """Dialysis three times a week for prevalent patients; courses of chemotherapy every few weeks."""
    patients, motifs, days = [], [], []
    rates = cat.seance_rate
    n = len(population.age)
    for k in range(len(cat.seance_kind)):
        motif = cat.hospital_motifs + k
        span = np.maximum(until - start, 0)
        if cat.seance_kind[k] == "chronique":
            treated = np.flatnonzero(rng.random(n) < rates[k, group])
            count = np.floor(span[treated] / cat.seance_interval[k]).astype(int)
            first = start[treated] + rng.integers(0, 3, len(treated))
            step = np.repeat(first, count) + np.floor(ragged_arange(count) * cat.seance_interval[k]).astype(np.int64)
            owner = np.repeat(treated, count)
        else:
            courses = rng.poisson(rates[k, group] * span / 365.25)
            owner = np.repeat(np.arange(n), courses)
            course_start = start[owner] + np.floor(rng.random(len(owner)) * span[owner]).astype(np.int64)
            owner = np.repeat(owner, cat.seance_count[k])
            step = np.repeat(course_start, cat.seance_count[k]) + np.tile(
                np.arange(cat.seance_count[k]), len(course_start)
            ) * int(cat.seance_interval[k])
        step = seance_days(step, cat.seance_kind[k], start[owner], until[owner])
        keep = step < until[owner]
        patients.append(owner[keep])
        days.append(step[keep])
        motifs.append(np.full(keep.sum(), motif))
    patient, motif, day = np.concatenate(patients), np.concatenate(motifs), np.concatenate(days)
    # One séance a day at most: two courses may meet, dialysis and chemotherapy may fall on one day.
    _, first = np.unique(patient << 20 | day, return_index=True)  # sorted by patient and day
    return patient[first], motif[first], day[first]


def _principal_diagnoses(cat: Catalogue, motif: np.ndarray, rng) -> np.ndarray:
    """Positions in cat.cim10."""
    principal = np.empty(len(motif), dtype=np.int64)
    pick = rng.random(len(motif))
    order = np.argsort(motif, kind="stable")
    bounds = np.searchsorted(motif[order], np.arange(len(cat.motif) + 1))
    for m in np.flatnonzero(np.diff(bounds)):
        members = order[bounds[m] : bounds[m + 1]]
        cumulative = np.cumsum(cat.diagnosis_weights[m])
        chosen = np.searchsorted(cumulative / cumulative[-1], pick[members], side="right")
        principal[members] = cat.diagnoses[m][np.minimum(chosen, len(cumulative) - 1)]
    return principal


def _tariffs(cat: Catalogue, ghm: np.ndarray, exit_day: np.ndarray) -> np.ndarray:
    """The GHS tariff of each stay's GHM (positions in cat.ghm) in the year it ends (later years: the
    last tariffs known)."""
    year = exit_day.astype("datetime64[D]").astype("datetime64[Y]").astype(int) + 1970
    first, last = cat.tariff_years
    tariff = cat.tariff[ghm, np.clip(year, first, last) - first]
    if (tariff < 0).any():
        raise AssertionError("a GHM without a tariff: the catalogue should only hold tariffed GHMs")
    return tariff


def _secondary_diagnoses(cat, population, has_chronic, patient, motif, kind, length, principal, group, rng):
    """(stay, rank, code) of the secondary diagnoses, and each stay's highest severity level (1-4)."""
    chronic_codes, complication_codes = cat.chronic_code, cat.complication_code

    stay_count = len(patient)
    hospital = kind != SEANCE
    # A draw for each chronic condition a patient has, and for each complication a stay with nights may have.
    stay_c, code_c = np.nonzero(has_chronic[patient] & hospital[:, None])
    coded = rng.random(len(stay_c)) < CHRONIC_CODED
    stay_c, code_c = stay_c[coded], code_c[coded]
    risk = cat.complication_risk[:, group[patient]].T
    stay_k, code_k = np.nonzero((hospital & (length > 0))[:, None] & (risk > 0))
    chance = np.minimum(risk[stay_k, code_k] * length[stay_k] / 4, 0.9)
    complicated = rng.random(len(stay_k)) < chance
    stay_k, code_k = stay_k[complicated], code_k[complicated]
    stays = [stay_c, stay_k]
    codes = [chronic_codes[code_c], complication_codes[code_k]]

    seance = np.flatnonzero(kind == SEANCE)
    for k, options in enumerate(cat.seance_associated):  # the condition treated by the séance
        members = seance[motif[seance] == cat.hospital_motifs + k]
        choice = _associated_for_sex(cat, options, population.female[patient[members]], rng)
        stays.append(members)
        codes.append(choice)

    stay, code = np.concatenate(stays), np.concatenate(codes)
    keep = code != principal[stay]
    stay, code = stay[keep], code[keep]
    order = np.argsort(stay, kind="stable")
    stay, code = stay[order], code[order]
    rank = ragged_arange(np.bincount(stay, minlength=stay_count)) + 1

    severity = np.ones(stay_count, dtype=np.int64)
    np.maximum.at(severity, stay, cat.severity[code])
    return (stay, rank, code), severity


def _with_common_conditions(cat, population, stays, length, principal, group, diagnostics, rng):
    """`diagnostics` (stay, rank, code) and, after each stay's own, the common conditions coded beside it
    (reference/das_courants.csv): more with age and length of stay, none in a séance, each once a stay.
    They are of severity level 1, so the stays' levels and GHMs stay as they are."""
    stay, _, code = diagnostics
    hospital = np.flatnonzero(stays.kind != SEANCE)
    patient = stays.patient[hospital]
    nights = length[hospital]
    mean = np.asarray(COMMON_DAS_BY_AGE)[group[patient]] * np.clip(nights / 10, COMMON_DAS_SHORTEST, 1)
    slots = np.repeat(np.arange(len(hospital)), rng.poisson(mean))
    drawn = np.minimum(
        np.searchsorted(cat.common_cumulative, rng.random(len(slots)), side="right"), len(cat.common_code) - 1
    )
    age, female = population.age[patient[slots]], population.female[patient[slots]]
    sex = cat.common_sex[drawn]
    fits = (age >= cat.common_age_min[drawn]) & ((sex == "*") | ((sex == "F") == female))
    new_stay, new_code = hospital[slots[fits]], cat.common_code[drawn[fits]]
    size = len(cat.cim10)
    known = np.r_[stay * size + code, np.arange(len(principal)) * size + principal]  # coded already, or the DP
    first = first_occurrences(new_stay * size + new_code, excluded=known)
    new_stay, new_code = new_stay[first], new_code[first]
    all_stay, all_code = np.r_[stay, new_stay], np.r_[code, new_code]
    order = np.argsort(all_stay, kind="stable")  # each stay's own first, then its common conditions
    all_stay, all_code = all_stay[order], all_code[order]
    return all_stay, ragged_arange(np.bincount(all_stay, minlength=len(stays.patient))) + 1, all_code


def _associated_for_sex(cat: Catalogue, options: np.ndarray, female: np.ndarray, rng) -> np.ndarray:
    """One of `options` (positions in cat.cim10) per patient, breast cancer codes (C50) for women only."""
    breast = np.char.startswith(cat.cim10.take(pa.array(options)).to_numpy(zero_copy_only=False).astype(str), "C50")
    allowed = np.where(breast[None, :], female[:, None], True)
    weights = allowed / allowed.sum(axis=1, keepdims=True)
    choice = (rng.random(len(female))[:, None] > np.cumsum(weights, axis=1)).sum(axis=1)
    return options[np.minimum(choice, len(options) - 1)]


def _ghm(cat: Catalogue, motif, length, severity) -> np.ndarray:
    """The position in cat.ghm of the GHM the grouping gives each stay (see _suffixes)."""
    return cat.ghm_of[motif, np.minimum(length, 2), np.minimum(severity, _highest_level(length)) - 1]


def _highest_level(length: np.ndarray) -> np.ndarray:
    """The highest severity level (1-4) a stay of `length` nights may reach: 2, 3, 4 need 3, 4, 5 nights."""
    return np.select([length < 3, length < 4, length < 5], [1, 2, 3], 4)


def _suffixes(available: set[str], length: np.ndarray, level: np.ndarray) -> np.ndarray:
    """The suffix ATIH's grouping would give, among those the root has every year of the period: Z for
    séances and roots without levels; J without a night, T for very short stays (under 2 nights); A-D in
    obstetrics and 1-4 otherwise from the secondary diagnoses' severity (`level`, already limited by the
    length: levels 2, 3 and 4 need at least 3, 4 and 5 nights); a level the root lacks falls to the
    highest one it has below."""
    graded = sorted(s for s in available if s.isdigit()) or sorted(s for s in available if s in "ABCD")
    if graded:
        chosen = np.array(graded, dtype=object)[np.minimum(level, len(graded)) - 1]
    else:  # Z, or T/J/E only: the most general suffix the root has
        chosen = np.full(len(level), next(s for s in ("Z", "T", "J", "E") if s in available), dtype=object)
    if "T" in available:
        chosen = np.where(length < 2, "T", chosen)
    if "J" in available:
        chosen = np.where(length == 0, "J", chosen)
    return chosen


def _acts(cat: Catalogue, motif, kind, entry, length, age, sejour_id, rng) -> pa.Table:
    """The motif's acts (the first always, the others often) plus routine examinations (actes_courants.csv)."""
    stays, codes, days = [], [], []
    for slot in range(cat.acts.shape[1]):
        code = cat.acts[motif, slot]
        chance = 1.0 if slot == 0 else SECONDARY_ACT_SHARE
        done = np.flatnonzero((code >= 0) & (rng.random(len(motif)) < chance))
        offset = np.where(slot == 0, np.minimum(length[done], 1), np.floor(rng.random(len(done)) * (length[done] + 1)))
        stays.append(done)
        codes.append(code[done])
        days.append(entry[done] + offset.astype(np.int64))
    hospital = kind != SEANCE
    # More examinations in longer stays, fewer in a day case.
    intensity = np.where(length == 0, AMBULATORY_ROUTINE_FACTOR, np.minimum(1 + length / 10, 2))
    # The (stay, examination) pairs the stay's motif allows (cat.routine_index), then a draw for each.
    allowed = np.flatnonzero(hospital)
    starts = cat.routine_starts[motif[allowed]]
    per_stay = cat.routine_starts[motif[allowed] + 1] - starts
    stay = np.repeat(allowed, per_stay)
    routine = cat.routine_index[np.repeat(starts, per_stay) + ragged_arange(per_stay)]
    old_enough = age[stay] >= cat.routine_age_min[routine]
    stay, routine = stay[old_enough], routine[old_enough]
    done = rng.random(len(stay)) < cat.routine_chance[routine] * intensity[stay]
    stay, routine = stay[done], routine[done]
    stays.append(stay)
    codes.append(cat.routine_code[routine])
    days.append(entry[stay] + np.floor(rng.random(len(stay)) * (length[stay] + 1)).astype(np.int64))
    stay, code, day = np.concatenate(stays), np.concatenate(codes), np.concatenate(days)
    first = first_occurrences(stay * len(cat.ccam) + code)  # each act once per stay
    stay, code, day = stay[first], code[first], day[first]
    order = np.lexsort((day, stay))
    stay, code, day = stay[order], code[order], day[order]
    return pa.table(
        {"sejour_id": sejour_id.take(pa.array(stay)), "code_ccam": coded(code, cat.ccam), "date_acte": timestamps(day)}
    )
