"""Whole columns built with numpy and pyarrow, no Python loop per row: strings, timestamps."""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_TWO_DIGITS = pa.array([f"{n:02d}" for n in range(100)])
_HEX_BYTES = pa.array([f"{n:02X}" for n in range(256)])


def join(parts: list, separator: str = "") -> pa.Array:
    """Row-wise concatenation of string columns (pyarrow arrays, numpy arrays or scalars)."""
    return pc.binary_join_element_wise(*parts, separator)


def hex16(values: np.ndarray) -> pa.Array:
    """uint64 values as 16 upper-case hexadecimal characters."""
    octets = values.astype(">u8").view(np.uint8).reshape(-1, 8)
    return join([_HEX_BYTES.take(pa.array(octets[:, i])) for i in range(8)])


def digit_pairs(values: np.ndarray, pairs: int, separator: str = " ") -> pa.Array:
    """Non-negative integers written as `pairs` groups of two digits: 612345678 -> '06 12 34 56 78'."""
    powers = 100 ** np.arange(pairs - 1, -1, -1, dtype=np.int64)
    groups = (values[:, None] // powers) % 100
    return join([_TWO_DIGITS.take(pa.array(groups[:, i])) for i in range(pairs)], separator)


def timestamps(values: np.ndarray, unit: str = "D") -> pa.Array:
    """Day (or minute, unit="m") numbers since 1970, or datetime64 values, as a millisecond timestamp column."""
    if not np.issubdtype(values.dtype, np.datetime64):
        values = values.astype(f"datetime64[{unit}]")
    return pa.array(values.astype("datetime64[ms]"), type=pa.timestamp("ms"))
