"""Remote monitoring of heart failure (télésurveillance, as in the ETAPES / droit commun programme).

After their first stay for heart failure (principal diagnosis I50), patients are followed at
home for up to MONITORED_DAYS days: each day (most days) they send their weight, blood
pressure and heart rate. In the days before a decompensation, that is before a new stay for
heart failure, their weight rises (fluid retention) and their heart rate goes up; benign
episodes (a salty meal, a missed diuretic) also raise the weight a little, without a stay.
The truth of each decompensation is in the data itself: the next I50 stay in `sejours`; an
alert rule can be scored against it (sensitivity, specificity).
"""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from generators.activity import Activity
from generators.columns import coded, per_row, timestamps
from generators.patients import Population
from generators.sampling import inside_intervals, ragged_arange

STREAM = 7
MONITORED_DAYS = 180
MEASURED_SHARE = 0.88  # days with a measurement (forgotten days, days away)
WARNING_DAYS = 7  # signs build up over the week before a decompensation
WEIGHT_GAIN_KG = 3.2  # at the end of that week, on average
HEART_RATE_GAIN = 12
BENIGN_EPISODES_PER_DAY = 1 / 45
BENIGN_DAYS = 3
BENIGN_GAIN_KG = (1.0, 2.6)  # a salty meal, a missed diuretic: sometimes as much as a decompensation


def telemonitoring(block: int, seed: int, population: Population, activity: Activity) -> pa.Table:
    rng = np.random.default_rng([seed, STREAM, block])
    stays = activity.stays
    heart_failure = per_row(
        activity.sejours["diagnostic_principal"],
        lambda codes: pc.starts_with(codes, "I50").to_numpy(zero_copy_only=False),
    )
    hf_rows = np.flatnonzero(heart_failure)  # stays are sorted by patient, then entry
    patient, first = np.unique(stays.patient[hf_rows], return_index=True)
    start = stays.exit[hf_rows[first]] + 1
    end = np.minimum(start + MONITORED_DAYS, stays.alive_until[patient])
    keep = end > start
    patient, start, end = patient[keep], start[keep], end[keep]

    # Per patient: usual weight, blood pressure, heart rate; then one row per monitored day.
    female = population.female[patient]
    weight = np.where(female, rng.normal(70, 13, len(patient)), rng.normal(82, 14, len(patient))).clip(42, 160)
    systolic = rng.normal(126, 14, len(patient))
    rate = rng.normal(72, 9, len(patient))
    days = end - start
    row_patient = np.repeat(np.arange(len(patient)), days)
    day = np.repeat(start, days) + ragged_arange(days)
    who = patient[row_patient]

    # Signs before a decompensation: the days before a later heart-failure stay of the same patient.
    ramp = _ramp_before(who, day, stays.patient[hf_rows], stays.entry[hf_rows], WARNING_DAYS)
    strength = rng.uniform(0.4, 1.6, len(patient))[row_patient]  # some patients show little in the weight
    benign = _benign_episodes(row_patient, day, start, days, rng)

    # In hospital on that day (any stay), or no measurement sent: no row.
    sent = (rng.random(len(day)) < MEASURED_SHARE) & ~inside_intervals(who, day, stays.patient, stays.entry, stays.exit)
    noise = rng.normal(0, 1, (4, len(day)))
    benign_gain = rng.uniform(*BENIGN_GAIN_KG, len(day))
    weight_kg = weight[row_patient] + 0.5 * noise[0] + WEIGHT_GAIN_KG * ramp * strength + benign_gain * benign
    heart_rate = rate[row_patient] + 4 * noise[1] + HEART_RATE_GAIN * ramp * strength
    systolic_mm = systolic[row_patient] + 8 * noise[2] - 6 * ramp
    diastolic_mm = 0.6 * systolic_mm + 4 * noise[3]
    who_sent, monitored = np.unique(who[sent], return_inverse=True)  # a dictionary of the monitored patients
    return pa.table(
        {
            "patient_id": coded(monitored, population.table["patient_id"].take(pa.array(who_sent)).combine_chunks()),
            "date_mesure": timestamps(day[sent]),
            "poids_kg": np.round(weight_kg[sent], 1),
            "pression_systolique": np.round(systolic_mm[sent]).astype(np.int32),
            "pression_diastolique": np.round(diastolic_mm[sent]).astype(np.int32),
            "frequence_cardiaque": np.round(heart_rate[sent]).astype(np.int32),
        }
    )


def _ramp_before(who, day, event_patient, event_day, width: int) -> np.ndarray:
    """0 far from an event; rises linearly to 1 on the day before the patient's next event."""
    if len(event_patient) == 0:
        return np.zeros(len(day))
    key_event = event_patient.astype(np.int64) * 2**32 + event_day
    order = np.argsort(key_event)
    key_event = key_event[order]
    position = np.searchsorted(key_event, who.astype(np.int64) * 2**32 + day, side="right")
    found = position < len(key_event)
    ahead = np.where(
        found, key_event[np.minimum(position, len(key_event) - 1)] - (who.astype(np.int64) * 2**32 + day), 0
    )
    close = found & (ahead >= 1) & (ahead <= width)
    return np.where(close, (width + 1 - ahead) / width, 0.0)


def _benign_episodes(row_patient, day, start, days, rng) -> np.ndarray:
    """1 during a benign weight gain (BENIGN_DAYS long), else 0."""
    count = rng.poisson(days * BENIGN_EPISODES_PER_DAY)
    owner = np.repeat(np.arange(len(days)), count)
    first_day = start[owner] + (rng.random(len(owner)) * days[owner]).astype(np.int64)
    return inside_intervals(row_patient, day, owner, first_day, first_day + BENIGN_DAYS - 1).astype(float)
