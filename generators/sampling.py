"""Vectorised draws and look-ups that numpy lacks: an item within each row's own group, ragged ranges,
each owner's intervals and recent events."""

from dataclasses import dataclass

import numpy as np
import pandas as pd

PAST_YEAR_DAYS = 365


def first_occurrences(keys: np.ndarray, excluded: np.ndarray | None = None) -> np.ndarray:
    """The positions, in order, of the first occurrence of each value of `keys`, except values in
    `excluded` (one pass through a hash table, where np.unique would sort)."""
    if excluded is None:
        return np.flatnonzero(~pd.Series(keys).duplicated().to_numpy())
    seen = pd.Series(np.r_[excluded, keys]).duplicated().to_numpy()[len(excluded) :]
    return np.flatnonzero(~seen)


@dataclass(frozen=True)
class Groups:
    """Items sorted by group, with a weight each: group g owns items starts[g] to starts[g + 1] - 1."""

    starts: np.ndarray
    cumulative: np.ndarray  # running sum of the weights, over all items

    @classmethod
    def from_sorted(cls, group_of_item: np.ndarray, weight: np.ndarray, group_count: int) -> "Groups":
        starts = np.searchsorted(group_of_item, np.arange(group_count + 1), side="left")
        if np.any(starts[1:] == starts[:-1]):
            raise ValueError("every group needs at least one item")
        return cls(starts=starts, cumulative=np.cumsum(weight.astype(float)))

    def draw(self, group: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """One item per entry of `group`, chosen within that group in proportion to the weights."""
        first, last = self.starts[group], self.starts[group + 1] - 1
        before = np.where(first > 0, self.cumulative[first - 1], 0.0)
        target = before + rng.random(len(group)) * (self.cumulative[last] - before)
        return np.clip(np.searchsorted(self.cumulative, target, side="right"), first, last)


def cumulative(weights: np.ndarray) -> np.ndarray:
    """The cumulative distribution that `draw_from` takes, normalised to end at 1."""
    total = np.cumsum(weights, dtype=float)
    return total / total[-1]


def draw_from(cdf: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    """Indices drawn with the probabilities behind `cdf`: what rng.choice(p=...) returns, draw for
    draw, without checking and summing p again on every call."""
    return cdf.searchsorted(rng.random(size), side="right")


def ragged_arange(counts: np.ndarray) -> np.ndarray:
    """0..c-1 for each count c, concatenated: [2, 3] -> [0, 1, 0, 1, 2]."""
    ends = np.cumsum(counts)
    return np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - counts, counts)


def inside_intervals(
    owner: np.ndarray, point: np.ndarray, interval_owner: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Whether each point falls in one of its owner's intervals [start, end] (an owner's intervals must not overlap)."""
    if len(interval_owner) == 0 or len(owner) == 0:
        return np.zeros(len(owner), bool)
    key = interval_owner.astype(np.int64) * 2**32 + start
    order = np.argsort(key)
    position = np.searchsorted(key[order], owner.astype(np.int64) * 2**32 + point, side="right") - 1
    found = order[np.maximum(position, 0)]
    return (position >= 0) & (interval_owner[found] == owner) & (point <= end[found])


def events_in_days_before(
    event_owner: np.ndarray, event_day: np.ndarray, owner: np.ndarray, day: np.ndarray, days: int = PAST_YEAR_DAYS
) -> np.ndarray:
    """For each (owner, day): how many of the owner's events fell in the `days` days before that day
    (day - days <= event day < day). Days are whole numbers, such as days since 1970; owners are
    whole numbers from 0. The prior stays of the true readmission model and of the datathon's features."""
    key = np.sort(event_owner.astype(np.int64) * 2**32 + event_day)
    target = owner.astype(np.int64) * 2**32 + day
    return np.searchsorted(key, target, side="left") - np.searchsorted(key, target - days, side="left")
