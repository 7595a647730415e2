"""The French hospital calendar (generators/calendar.py), and emergency visits that follow it."""

import numpy as np
import pandas as pd
import pytest

from generators import calendar
from generators.calendar import (
    emergency_day_weights,
    is_working_day,
    planned_days,
    public_holidays,
    seance_days,
    weekday,
    weighted_days,
)
from generators.generate import Options, generate_dataset

START, END = (int(np.datetime64(d, "D").astype(np.int64)) for d in ("2022-01-01", "2025-01-01"))
HOLIDAYS_2022_2025 = """
2022-01-01 2022-04-18 2022-05-01 2022-05-08 2022-05-26 2022-06-06 2022-07-14 2022-08-15 2022-11-01 2022-11-11 2022-12-25
2023-01-01 2023-04-10 2023-05-01 2023-05-08 2023-05-18 2023-05-29 2023-07-14 2023-08-15 2023-11-01 2023-11-11 2023-12-25
2024-01-01 2024-04-01 2024-05-01 2024-05-08 2024-05-09 2024-05-20 2024-07-14 2024-08-15 2024-11-01 2024-11-11 2024-12-25
2025-01-01 2025-04-21 2025-05-01 2025-05-08 2025-05-29 2025-06-09 2025-07-14 2025-08-15 2025-11-01 2025-11-11 2025-12-25
"""


def days(*dates: str) -> np.ndarray:
    return np.array(dates, "datetime64[D]").astype(np.int64)


def uniform_days(count: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(START, END, count)


def test_public_holidays_are_the_eleven_french_ones():
    assert (public_holidays(2022, 2025) == days(*HOLIDAYS_2022_2025.split())).all()
    easter_monday, ascension, whit_monday = days("2024-04-01", "2023-05-18", "2025-06-09")
    assert {easter_monday, ascension, whit_monday} <= set(public_holidays(2023, 2025))
    assert (weekday(public_holidays(1990, 2040)[1::11]) == 0).all()  # Easter Monday, second of each year
    assert len(public_holidays(1990, 2040)) == 11 * 51


def test_weekdays_and_working_days():
    assert weekday(0) == 3 and weekday(days("2024-01-01"))[0] == 0  # 1970-01-01 a Thursday, 2024-01-01 a Monday
    week = days("2024-04-29", "2024-04-30", "2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05")
    assert is_working_day(week).tolist() == [True, True, False, True, True, False, False]  # 1 May a Wednesday


def test_planned_days_are_working_days_inside_the_period_mostly_the_next_one():
    drawn = uniform_days(200_000)
    planned = planned_days(drawn, np.random.default_rng(1), START, END)
    assert is_working_day(planned).all()
    assert planned.min() >= START and planned.max() < END
    kept = is_working_day(drawn) & (calendar.month_of(drawn) != 8)
    assert (planned[kept] == drawn[kept]).all()  # working days outside August stay where they are
    moved = ~is_working_day(drawn)
    next_working = seance_days(drawn[moved], "cure")
    assert 0.55 < (planned[moved] == next_working).mean() < 0.75  # most go to the next working day
    shares = np.bincount(weekday(planned), minlength=7) / len(planned)
    assert shares.argmax() == 0 and shares[0] > 1.3 * shares[1:5].max()  # Monday the busiest
    # The same generator state gives the same days.
    assert (planned_days(drawn, np.random.default_rng(1), START, END) == planned).all()


def test_planned_days_thin_august():
    drawn = uniform_days(300_000, seed=2)
    planned = planned_days(drawn, np.random.default_rng(3), START, END)
    before, after = (np.bincount(calendar.month_of(d), minlength=13)[1:] / len(d) for d in (drawn, planned))
    assert 0.6 < after[7] / before[7] < 0.8  # about a third of August gone (and its 15 August)
    assert after[8] > 1.15 * before[8] and after[6] > before[6]  # to September, and to July


def test_planned_days_never_leave_the_period():
    # Days off at the edges: the last Saturday and Sunday of the period, with Christmas and New Year.
    start, end = days("2022-01-02", "2024-12-30")  # a Sunday, a Monday
    drawn = days("2022-01-02", "2024-12-28", "2024-12-29", "2024-12-25")
    planned = planned_days(np.repeat(drawn, 1000), np.random.default_rng(4), start, end)
    assert planned.min() >= start and planned.max() < end and is_working_day(planned).all()
    assert set(planned[3000:]) == set(days("2024-12-26", "2024-12-27"))  # no working day after: the day before
    # Per-day ends (a patient's last day alive + 1); no working day inside: the day stays.
    saturday, sunday = days("2024-08-03", "2024-08-04")
    planned = planned_days(np.array([saturday, saturday]), np.random.default_rng(5), saturday, [sunday, sunday + 1])
    assert (planned == saturday).all()
    # August days moved only inside the period.
    end = days("2024-08-20")[0]
    planned = planned_days(np.full(3000, days("2024-08-12")[0]), np.random.default_rng(6), START, end)
    month = calendar.month_of(planned)
    assert planned.max() < end and 0.1 < np.isin(month, [6, 7]).mean() < 0.2 and not (month == 9).any()


def test_seance_days():
    drawn = uniform_days(100_000, seed=7)
    dialysis = seance_days(drawn, "chronique")
    assert not (weekday(dialysis) == 6).any() and not np.isin(dialysis, public_holidays(2022, 2024)).any()
    assert ((dialysis - drawn) >= 0).all() and (dialysis - drawn).max() <= 2  # one day later, two at most
    assert (seance_days(drawn, "dialysis") == dialysis).all()
    chemotherapy = seance_days(drawn, "cure", START, END)
    assert is_working_day(chemotherapy).all() and chemotherapy.max() < END
    assert (seance_days(drawn, "chemotherapy", START, END) == chemotherapy).all()
    # A course every 21 days keeps its order; its intervals move by a few days at most.
    course = days("2024-01-06") + 21 * np.arange(20)  # Saturdays
    moved = seance_days(course, "cure")
    assert (np.diff(moved) > 0).all() and np.abs(np.diff(moved) - 21).max() <= 2
    saturday, friday, monday = days("2024-12-28", "2024-12-27", "2024-12-30")
    assert seance_days([saturday], "cure", START, monday)[0] == friday  # no working day left in the period
    assert seance_days([saturday], "cure", saturday, monday)[0] == saturday  # none at all: kept
    with pytest.raises(ValueError, match="seance kind"):
        seance_days(drawn, "radiotherapie")


def test_emergency_weights_peak_on_mondays_and_dip_in_august():
    year = np.arange(*days("2023-01-01", "2024-01-01"))
    weight = emergency_day_weights(year)
    by_weekday = np.bincount(weekday(year), weight) / np.bincount(weekday(year))
    assert by_weekday.argmax() == 0 and 1.1 < by_weekday[0] / weight.mean() < 1.2
    assert weight[calendar.month_of(year) == 8].mean() < 0.95 * weight.mean()
    assert emergency_day_weights(days("2023-07-14"))[0] == emergency_day_weights(days("2023-07-16"))[0]  # a Sunday
    drawn = weighted_days(START, np.full(400_000, END), np.random.default_rng(8))
    assert drawn.min() >= START and drawn.max() < END
    assert np.bincount(weekday(drawn)).argmax() == 0
    short = weighted_days(START, START + np.arange(1, 5), np.random.default_rng(9))
    assert (short >= START).all() and (short < START + np.arange(1, 5)).all()


def test_weighted_days_keep_each_entrys_own_start():
    """A child born during the period has visits from its own first day: one start per entry."""
    until = np.full(50_000, END)
    starts = START + np.random.default_rng(3).integers(0, 700, len(until))
    drawn = weighted_days(starts, until, np.random.default_rng(4))
    assert (drawn >= starts).all() and (drawn < until).all() and len(np.unique(drawn - starts)) > 300
    scalar = weighted_days(START, until, np.random.default_rng(5))
    assert (weighted_days(np.full(len(until), START), until, np.random.default_rng(5)) == scalar).all()
    assert (weighted_days(END - 1, np.full(3, END), np.random.default_rng(6)) == END - 1).all()  # a one-day span


@pytest.fixture(scope="module")
def visits(tmp_path_factory):
    out = tmp_path_factory.mktemp("calendar") / "ds"
    generate_dataset(Options(patients=100_000, seed=13), out, tables=("urgences",))
    return pd.read_parquet(out / "urgences.parquet")


def test_emergency_visits_follow_the_week_and_the_year(visits):
    day = visits["date_heure_arrivee"].dt.normalize()
    per_day = day.value_counts().reindex(pd.date_range("2022-01-01", "2024-12-31"), fill_value=0)
    by_weekday = per_day.groupby(per_day.index.day_of_week).mean() / per_day.mean()
    assert by_weekday.idxmax() == 0 and by_weekday[0] > 1.05 and by_weekday[[5, 6]].max() < 1
    by_month = per_day.groupby(per_day.index.month).mean() / per_day.mean()
    assert by_month[8] < 0.97 and by_month[1] > 1  # the August dip, the respiratory winter
