"""Content hashes of tables: SHA-256 over per-row hashes, in row order.

A row's hash depends only on its values (the UTF-8 bytes of strings, the
numbers, which are null), never on the file format, the compression, how rows
were split into blocks or the library versions. Row hashes are computed where
a block is made (in the workers), so the writer only chains them.

Strings are hashed without a Python loop: a polynomial hash of their bytes,
sum(byte[i] * P**i), taken from prefix sums over the whole data buffer (numpy's
uint64 arithmetic wraps modulo 2**64, and P is odd, so P has an inverse).
"""

import hashlib

import numpy as np
import pyarrow as pa

_P = np.uint64(0x100000001B3)  # FNV prime: odd, so invertible modulo 2**64
_P_INVERSE = np.uint64(pow(int(_P), -1, 2**64))
_COLUMN = np.uint64(0x9E3779B97F4A7C15)
_NULL = np.uint64(0xA5A5A5A5A5A5A5A5)  # stands for a null, and salts every value


def row_hashes(table: pa.Table) -> np.ndarray:
    rows = np.zeros(table.num_rows, dtype=np.uint64)
    for column in table.columns:
        values = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        with np.errstate(over="ignore"):
            rows = mix64(rows * _COLUMN + _column_hash(values))
    return rows


def _column_hash(array: pa.Array) -> np.ndarray:
    if pa.types.is_dictionary(array.type):  # hash each distinct value once
        hashed = _column_hash(array.dictionary)[array.indices.fill_null(0).to_numpy(zero_copy_only=False)]
        if array.null_count:
            hashed = np.where(array.is_null().to_numpy(zero_copy_only=False), mix64(_NULL ^ _NULL), hashed)
        return hashed
    if pa.types.is_string(array.type):
        hashed = _string_hash(array)
    elif pa.types.is_boolean(array.type):
        hashed = array.fill_null(False).to_numpy(zero_copy_only=False).astype(np.uint64)
    else:  # integers, floats, timestamps: their 8-byte value
        values = array.fill_null(0).to_numpy(zero_copy_only=False)
        hashed = values.astype(np.float64 if pa.types.is_floating(array.type) else np.int64).view(np.uint64)
    if array.null_count:
        hashed = np.where(array.is_null().to_numpy(zero_copy_only=False), _NULL, hashed)
    return mix64(hashed ^ _NULL)  # no all-zero fixed point


def _string_hash(array: pa.Array) -> np.ndarray:
    _, offsets_buffer, data_buffer = array.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[array.offset : array.offset + len(array) + 1].astype(
        np.int64
    )
    data = (
        np.frombuffer(data_buffer, dtype=np.uint8)[: offsets[-1]] if data_buffer is not None else np.zeros(0, np.uint8)
    )
    lengths = np.diff(offsets)
    if len(lengths) and (lengths == lengths[0]).all():  # one width (ids, phone numbers): a sum per row
        return _fixed_width_hash(data[offsets[0] : offsets[-1]], len(lengths), int(lengths[0]))
    powers, inverses = _powers(len(data) + 1)
    with np.errstate(over="ignore"):
        prefix = np.zeros(len(data) + 1, dtype=np.uint64)
        np.cumsum(data * powers[: len(data)], dtype=np.uint64, out=prefix[1:])
        start, end = offsets[:-1], offsets[1:]
        return (prefix[end] - prefix[start]) * inverses[start] + (end - start).astype(np.uint64) * _COLUMN


def _fixed_width_hash(data: np.ndarray, rows: int, width: int) -> np.ndarray:
    """The same hash as _string_hash's, for `rows` strings of `width` bytes each, without prefix sums."""
    hashed = np.zeros(rows, dtype=np.uint64)
    if width:
        characters = data.reshape(rows, width)
        powers, _ = _powers(width)
        with np.errstate(over="ignore"):
            for i in range(width):
                hashed += characters[:, i] * powers[i]
    with np.errstate(over="ignore"):
        return hashed + np.uint64(width) * _COLUMN


_power_cache = (np.ones(1, np.uint64), np.ones(1, np.uint64))


def _powers(count: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i for i < count, kept between calls."""
    global _power_cache
    if len(_power_cache[0]) < count:
        size = max(count, 2 * len(_power_cache[0]))
        with np.errstate(over="ignore"):
            _power_cache = tuple(
                np.r_[np.uint64(1), np.cumprod(np.full(size - 1, base, dtype=np.uint64))] for base in (_P, _P_INVERSE)
            )
    return _power_cache


def mix64(x: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: a bijection of 64-bit numbers that scatters every input bit."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(33))
        x = x * np.uint64(0xFF51AFD7ED558CCD)
        x = x ^ (x >> np.uint64(33))
        x = x * np.uint64(0xC4CEB9FE1A85EC53)
        return x ^ (x >> np.uint64(33))


class TableHash:
    def __init__(self) -> None:
        self._sha = hashlib.sha256()

    def update(self, rows: np.ndarray) -> None:
        self._sha.update(rows.astype("<u8").tobytes())

    def hexdigest(self) -> str:
        return self._sha.hexdigest()
