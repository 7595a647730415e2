"""The French hospital calendar: public holidays, working days, and the weekly and yearly rhythm of activity.

Days are int64 day numbers (days since 1970-01-01, a Thursday), the unit of the generator's date
arithmetic; every function takes and returns arrays of them. Look-ups go through tables of every day
of a range of years, built once (cached): a million days take a few tens of milliseconds.

- `public_holidays`, `weekday`, `is_working_day`: the calendar itself;
- `planned_days`: planned admissions moved onto working days, and out of August for a share of them;
- `seance_days`: dialysis never on Sundays or public holidays, chemotherapy on working days only;
- `emergency_day_weights`, `weighted_days`: emergency visits peak on Mondays, dip in August and
  on Sundays and holidays; `weighted_days` draws days in proportion to such weights.
"""

from dataclasses import dataclass
from functools import cache

import numpy as np

EPOCH_WEEKDAY = 3  # 1970-01-01, day 0, was a Thursday (0 Monday .. 6 Sunday)
SATURDAY, SUNDAY = 5, 6
# The 11 national public holidays (Code du travail, art. L3133-1); Alsace-Moselle's two more are left out.
FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))  # (month, day)
EASTER_OFFSETS = (1, 39, 50)  # Easter Monday, Ascension Thursday, Whit Monday: days after Easter Sunday

# Planned admissions (order of magnitude: French planned surgery runs on weekdays, Monday busiest;
# operating theatres close a share of their rooms in August).
NEXT_WORKING_DAY_SHARE = 0.6  # a planned stay drawn on a day off goes to the next working day...
LATER_WORKING_DAYS = 4  # ...or else to one of the 4 working days after it, uniformly
AUGUST_MOVED_SHARE = 1 / 3  # of planned admissions drawn in August: the summer slowdown, about a third
SEPTEMBER_SHARE = 0.6  # of those moved: to September; the others to late June or July
EARLY_SUMMER = ((6, 15), (8, 1))  # (month, day) of the window's first day and of the first day after it

# Emergency visits: relative intensity by weekday, Monday to Sunday, mean 1 over a week. Mondays are the
# busiest day (DREES's national survey of emergency departments), by about 10 to 15 %; the figures are an
# order of magnitude (Friday's small rise, a quieter weekend for adults). Monday at the top of the range:
# visits that end in a stay keep their stay's day, flat over the week (activity.py), and dilute it.
EMERGENCY_WEEKDAY = np.array([1.15, 1.00, 0.97, 0.97, 1.00, 0.955, 0.955])
EMERGENCY_HOLIDAY = EMERGENCY_WEEKDAY[SUNDAY]  # public holidays like Sundays
EMERGENCY_AUGUST = 0.93  # national August dip, about -5 to -10 % (order of magnitude: tourist areas rise)

# Rules of `seance_days`: a kind of séance, as the modules' `mode` or in plain words, and the days it may fall on.
NO_SUNDAY_OR_HOLIDAY, WORKING_DAYS = "no_sunday_or_holiday", "working_days"
SEANCE_RULES = {
    "chronique": NO_SUNDAY_OR_HOLIDAY,
    "dialysis": NO_SUNDAY_OR_HOLIDAY,
    "cure": WORKING_DAYS,
    "chemotherapy": WORKING_DAYS,
}


def day_numbers(year, month, day) -> np.ndarray:
    """Day numbers of dates given as arrays (or scalars) of year, month and day of month."""
    months = (np.asarray(year, np.int64) - 1970) * 12 + np.asarray(month, np.int64) - 1
    return months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64) + np.asarray(day, np.int64) - 1


def year_of(days) -> np.ndarray:
    return np.asarray(days, np.int64).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def month_of(days) -> np.ndarray:
    """1 (January) to 12."""
    return np.asarray(days, np.int64).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12 + 1


def easter_sunday(years) -> np.ndarray:
    """Day numbers of Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    y = np.asarray(years, np.int64)
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's name)
    m = (a + 11 * h + 22 * l) // 451
    n = h + l - 7 * m + 114
    return day_numbers(y, n // 31, n % 31 + 1)


@cache
def public_holidays(first_year: int, last_year: int) -> np.ndarray:
    """The 11 French national public holidays of the years first_year to last_year (both included),
    sorted day numbers; read-only, as it is cached."""
    years = np.arange(first_year, last_year + 1)
    month, day = np.array(FIXED_HOLIDAYS).T
    fixed = day_numbers(years[:, None], month[None, :], day[None, :])
    movable = easter_sunday(years)[:, None] + np.array(EASTER_OFFSETS)[None, :]
    holidays = np.sort(np.concatenate([fixed.ravel(), movable.ravel()]))
    holidays.flags.writeable = False
    return holidays


def weekday(days) -> np.ndarray:
    """0 Monday .. 6 Sunday."""
    return (np.asarray(days, np.int64) + EPOCH_WEEKDAY) % 7


def is_public_holiday(days) -> np.ndarray:
    days = np.asarray(days, np.int64)
    if days.size == 0:
        return np.zeros(days.shape, bool)
    table = _table_for(days)
    return table.holiday[days - table.first]


def is_working_day(days) -> np.ndarray:
    """Monday to Friday and not a public holiday."""
    return (weekday(days) < SATURDAY) & ~is_public_holiday(days)


def planned_days(days, rng: np.random.Generator, start, end) -> np.ndarray:
    """Planned admission days as a hospital schedules them, from days drawn without a calendar.

    `days`: int64 day numbers; `start`, `end`: the first day and the first day after the period, scalars
    or arrays broadcast against `days` (e.g. each stay's patient's last day alive + 1). Returns new days:

    1. of the days in August, a share AUGUST_MOVED_SHARE (about a third) moves to a uniformly drawn day
       of September of the same year (SEPTEMBER_SHARE of them) or else of 15 June - 31 July; a move
       that would leave [start, end) is not made;
    2. a day that is not a working day (Saturday, Sunday, public holiday) moves to the next working day
       (NEXT_WORKING_DAY_SHARE of them) or else to one of the LATER_WORKING_DAYS working days after it:
       Monday becomes the busiest day of planned admissions. If that day is not before `end`, the next
       working day, else the previous working day; if that one is before `start` too, the day is kept.

    Every result lies in [start, end) if the day given did, and is a working day whenever one exists
    in [start, end) near it. Draws from `rng` (a number of values that depends only on `days`), so the
    result is deterministic given the generator's state. The order of days is not kept: sort afterwards
    (e.g. before removing overlapping stays).
    """
    days = np.array(days, np.int64)  # a copy
    start, end = np.broadcast_to(start, days.shape), np.broadcast_to(end, days.shape)
    if days.size == 0:
        return days

    table = _table_for(days)  # moves stay within a year, and the next working days within the table

    # 1. The August slowdown.
    in_august = table.month[days - table.first] == 8
    august = np.flatnonzero(in_august & (rng.random(days.size) < AUGUST_MOVED_SHARE))
    year = year_of(days[august])
    to_september = rng.random(len(august)) < SEPTEMBER_SHARE
    first = np.where(to_september, day_numbers(year, 9, 1), day_numbers(year, *EARLY_SUMMER[0]))
    after = np.where(to_september, day_numbers(year, 10, 1), day_numbers(year, *EARLY_SUMMER[1]))
    target = first + np.floor(rng.random(len(august)) * (after - first)).astype(np.int64)
    inside = (target >= start[august]) & (target < end[august])
    days[august[inside]] = target[inside]

    # 2. Days off to a working day.
    working, following = table.allowed[WORKING_DAYS], table.following[WORKING_DAYS][days - table.first]
    off = np.flatnonzero(working[following] != days)
    following = following[off]  # index of the next working day
    later = np.where(
        rng.random(len(off)) < NEXT_WORKING_DAY_SHARE, 0, rng.integers(1, LATER_WORKING_DAYS + 1, len(off))
    )
    candidates = (working[following + later], working[following], working[following - 1])
    days[off] = _first_inside(candidates, days[off], start[off], end[off])
    return days


def seance_days(days, kind: str, start=None, end=None) -> np.ndarray:
    """Séance days moved onto the days a unit gives them, one by one (no random draw).

    `days`: int64 day numbers; `kind`: the modules' séance mode or its plain word:
    - "chronique" or "dialysis": never on a Sunday or a public holiday; such a day moves to the next day
      that is neither (one day later, two after a Saturday holiday or a Sunday before Easter Monday).
      Three séances a week every 2 or 3 days (as activity.py draws them) seldom meet: a Sunday séance
      becomes a Monday one, the patient's next one being on Tuesday at the earliest (unless Monday is
      a holiday);
    - "cure" or "chemotherapy": working days only; a day off moves to the next working day.
    Moving forward keeps the order of each patient's séances (two may meet on one day: keep one).
    `start`, `end` (optional, scalars or arrays broadcast against `days`): the period, first day and first
    day after; a day moved to `end` or beyond goes to the previous allowed day instead, and is kept as it
    was if that one is before `start`.
    """
    if kind not in SEANCE_RULES:
        raise ValueError(f"seance kind: expected one of {', '.join(SEANCE_RULES)}, got {kind!r}")
    days = np.array(days, np.int64)
    if days.size == 0:
        return days
    start = np.broadcast_to(np.iinfo(np.int64).min if start is None else start, days.shape)
    end = np.broadcast_to(np.iinfo(np.int64).max if end is None else end, days.shape)
    table = _table_for(days)
    allowed = table.allowed[SEANCE_RULES[kind]]
    following = table.following[SEANCE_RULES[kind]][days - table.first]  # the day itself if allowed, else the next
    previous = following - (allowed[following] != days)
    return _first_inside((allowed[following], allowed[previous]), days, start, end)


def emergency_day_weights(days) -> np.ndarray:
    """Relative intensity of emergency visits on each day (about 1 on average): the weekday's
    EMERGENCY_WEEKDAY, a Sunday's on public holidays, times EMERGENCY_AUGUST in August. It has no
    winter: multiply it by a season where one is wanted (weighted_days does the product for you)."""
    days = np.asarray(days, np.int64)
    if days.size == 0:
        return np.zeros(days.shape)
    table = _table_for(days)
    offset = days - table.first
    weight = np.where(table.holiday[offset], EMERGENCY_HOLIDAY, EMERGENCY_WEEKDAY[weekday(days)])
    return weight * np.where(table.month[offset] == 8, EMERGENCY_AUGUST, 1.0)


def weighted_days(start, until, rng: np.random.Generator, weights=emergency_day_weights) -> np.ndarray:
    """One day per entry of `until`, drawn in [start, until) with chances proportional to
    `weights(day)` (a function of an array of day numbers): the calendar's answer to
    `start + floor(random * (until - start))`, with the same one draw from `rng` per entry. `start`: a
    day or one per entry. Weights must be positive; `until` greater than `start` (an empty span gives
    `start`)."""
    until = np.asarray(until, np.int64)
    if until.size == 0:
        return until.copy()
    start = np.broadcast_to(np.asarray(start, np.int64), until.shape)
    origin = int(start.min())
    grid = np.arange(origin, max(int(until.max()), origin + 1))
    total = np.r_[0.0, np.cumsum(weights(grid))]  # total[i]: the weight of the days before grid[i]
    first = np.clip(start - origin, 0, len(grid) - 1)
    last = np.clip(until - origin, first + 1, len(grid))
    drawn = total[first] + rng.random(until.shape) * (total[last] - total[first])
    index = np.searchsorted(total, drawn, side="right") - 1
    return origin + np.clip(index, first, last - 1)


@dataclass(frozen=True)
class _Table:
    """Every day of a range of years, from day number `first`: what the look-ups index."""

    first: int
    month: np.ndarray  # per day, 1 to 12
    holiday: np.ndarray  # per day, bool
    allowed: dict[str, np.ndarray]  # per rule of SEANCE_RULES: the sorted days it allows
    following: dict[str, np.ndarray]  # per rule, per day: index in `allowed` of that day or the next allowed one


def _table_for(days: np.ndarray) -> _Table:
    """The table of the years of `days`, with a year to spare on both sides for next and previous days."""
    return _table(int(year_of(days.min())) - 1, int(year_of(days.max())) + 1)


@cache
def _table(first_year: int, last_year: int) -> _Table:
    days = np.arange(day_numbers(first_year, 1, 1), day_numbers(last_year + 1, 1, 1))
    holiday = np.isin(days, public_holidays(first_year, last_year))
    allowed, following = {}, {}
    for rule, first_off in ((WORKING_DAYS, SATURDAY), (NO_SUNDAY_OR_HOLIDAY, SUNDAY)):
        allowed[rule] = days[~holiday & (weekday(days) < first_off)]
        following[rule] = np.searchsorted(allowed[rule], days)
    return _Table(
        first=int(days[0]), month=month_of(days).astype(np.int8), holiday=holiday, allowed=allowed, following=following
    )


def _first_inside(candidates, fallback, start, end) -> np.ndarray:
    """Per element, the first of `candidates` inside [start, end), else `fallback`."""
    result = fallback
    for candidate in reversed(candidates):
        result = np.where((candidate >= start) & (candidate < end), candidate, result)
    return result
