"""The `urgences` table: emergency visits of a block of patients.

Stays that came through the emergency department get the visit that led to
them (same hospital, arrival on the day the stay starts, so they keep the
stays' respiratory winter); other visits end at home and are drawn from the
rates of reference/urgences.csv, divided by the true admission odds factor of
signals.py, on days that follow the calendar of calendar.py: a Monday peak,
quieter weekends, public holidays like Sundays, a dip in August.
"""

import numpy as np
import pyarrow as pa

from generators import reference
from generators.activity import Stays
from generators.calendar import weighted_days
from generators.columns import pick, timestamps
from generators.ids import NEWBORN_ROWS, block_numbers, keyed_ids
from generators.patients import Period, Population
from generators.sampling import inside_intervals
from generators.signals import Signals, Truth, admission_odds_factor

STREAM = 3
# Share of arrivals in each hour of the day (more in the late morning and the evening).
ARRIVAL_HOUR_WEIGHT = np.array(
    [2, 1.5, 1.2, 1, 1, 1, 1.5, 2.5, 4, 5.5, 6, 6, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 6, 6, 5.5, 4.5, 3.5, 2.5]
)
# FRENCH triage levels 1 (life-threatening) to 5, for visits followed by admission or not.
TRIAGE_ADMITTED = np.array([0.05, 0.25, 0.45, 0.20, 0.05])
TRIAGE_DISCHARGED = np.array([0.005, 0.06, 0.30, 0.40, 0.235])
MEDIAN_MINUTES_ADMITTED, MEDIAN_MINUTES_DISCHARGED = 330, 170
MINUTES_SPREAD = 0.6
MINUTES_A_DAY = 24 * 60


def emergency_visits(
    block: int,
    seed: int,
    period: Period,
    population: Population,
    stays: Stays,
    finess: pa.ChunkedArray,
    truth: Truth,
    signals: Signals,
    newborns: bool = False,
) -> pa.Table:
    """`newborns`: `population` is the children born in the block (activity.Activity.born), whose visits
    start the day after they leave the maternity."""
    rng = np.random.default_rng([seed, STREAM, block, 1] if newborns else [seed, STREAM, block])
    period_start, _ = period.day_numbers()
    start = period_start if population.first_day is None else population.first_day

    admitted = np.flatnonzero(stays.via_emergency)
    rates = (
        reference.urgences()
        .set_index("groupe_age")
        .loc[list(reference.AGE_GROUPS), "taux_passages_sans_hospitalisation"]
        .to_numpy(float)
    )
    # The true admission model (signals.py): the odds of admission grow by a factor, so visits that
    # end at home shrink by it, for older and sicker patients and at some hospitals and régions.
    odds = admission_odds_factor(
        signals,
        age=population.age,
        charlson=stays.charlson,
        place_effect=truth.etablissement_effects["admission_apres_urgences"][stays.emergency_hospital]
        + truth.region_effect_by_departement("admission_apres_urgences")[population.departement],
    )
    # At the rate of each person's age group on the day (an infant becomes a child at 2).
    spans = population.age_segments(start, stays.alive_until)
    span = np.repeat(
        np.arange(len(spans.person)), rng.poisson(rates[spans.group] / odds[spans.person] / 1000 * spans.years())
    )
    other_patient = spans.person[span]
    # Days in proportion to calendar.emergency_day_weights: one draw per visit, as a uniform day would take.
    other_day = weighted_days(spans.first[span], spans.until[span], rng)
    inside = inside_intervals(other_patient, other_day, stays.patient, stays.entry, stays.exit)
    other_patient, other_day = other_patient[~inside], other_day[~inside]

    patient = np.r_[stays.patient[admitted], other_patient]
    day = np.r_[stays.entry[admitted], other_day]
    is_admitted = np.r_[np.ones(len(admitted), bool), np.zeros(len(other_day), bool)]
    stay = np.r_[admitted, np.zeros(len(other_day), np.int64)]
    hospital = np.r_[stays.finess[admitted], stays.emergency_hospital[other_patient]]
    order = np.lexsort((day, patient))
    patient, day, is_admitted, stay, hospital = (
        patient[order],
        day[order],
        is_admitted[order],
        stay[order],
        hospital[order],
    )
    count = len(patient)

    hour = rng.choice(24, size=count, p=ARRIVAL_HOUR_WEIGHT / ARRIVAL_HOUR_WEIGHT.sum())
    arrival_minute = day * MINUTES_A_DAY + hour * 60 + rng.integers(0, 60, count)
    median = np.where(is_admitted, MEDIAN_MINUTES_ADMITTED, MEDIAN_MINUTES_DISCHARGED) * np.where(
        population.age[patient] >= 75, 1.3, 1.0
    )
    duration = np.maximum(10, np.round(rng.lognormal(np.log(median), MINUTES_SPREAD))).astype(np.int64)
    triage = np.where(is_admitted, _triage(TRIAGE_ADMITTED, count, rng), _triage(TRIAGE_DISCHARGED, count, rng))

    return pa.table(
        {
            "passage_id": keyed_ids("urgences", seed, block_numbers(block, count, NEWBORN_ROWS if newborns else 0)),
            "patient_id": population.table["patient_id"].take(pa.array(patient)),
            "finess": pick(finess, hospital),
            "date_heure_arrivee": timestamps(arrival_minute, unit="m"),
            "date_heure_sortie": timestamps(arrival_minute + duration, unit="m"),
            "niveau_tri": triage,
            "mode_sortie": np.where(is_admitted, "6", "8").astype(object),
            "sejour_id": stays.sejour_id.take(pa.array(stay, mask=~is_admitted)),  # null unless admitted
        }
    )


def _triage(shares: np.ndarray, count: int, rng) -> np.ndarray:
    return rng.choice(np.arange(1, 6), size=count, p=shares).astype(np.int32)
