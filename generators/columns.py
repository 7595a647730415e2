"""Whole columns built with numpy and pyarrow, no Python loop per row: strings, timestamps."""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_HEX_PAIRS = np.frombuffer("".join(f"{n:02X}" for n in range(256)).encode(), dtype=np.uint8).reshape(256, 2)


def join(parts: list, separator: str = "") -> pa.Array:
    """Row-wise concatenation of string columns (pyarrow arrays, numpy arrays or scalars)."""
    return pc.binary_join_element_wise(*parts, separator)


def pick(pool, index: np.ndarray) -> pa.DictionaryArray:
    """pool[index] as a dictionary-encoded string column: no string copied per row.

    Hashing and Parquet writing then work on the pool once; files still hold plain strings.
    """
    if isinstance(pool, pa.ChunkedArray):
        pool = pool.combine_chunks()
    values, position = np.unique(np.asarray(pool, dtype=object), return_inverse=True)  # a dictionary has no repeats
    return pa.DictionaryArray.from_arrays(
        pa.array(position[index], type=pa.int32()), pa.array(values, type=pa.string())
    )


def coded(position: np.ndarray, dictionary: pa.Array | list[str]) -> pa.DictionaryArray:
    """dictionary[position] as a dictionary-encoded column (null where position is -1), for a
    dictionary already without repeats."""
    null = position < 0
    indices = pa.array(position, type=pa.int32(), mask=null if null.any() else None)
    return pa.DictionaryArray.from_arrays(indices, pa.array(dictionary, type=pa.string()))


def per_row(column: pa.Array | pa.ChunkedArray, function) -> np.ndarray:
    """function(values) -> one numpy value per value, for each row of a column; computed once per distinct
    value when the column is dictionary-encoded."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if pa.types.is_dictionary(column.type):
        return np.asarray(function(column.dictionary))[column.indices.to_numpy(zero_copy_only=False)]
    return np.asarray(function(column))


def fixed_width_strings(characters: np.ndarray) -> pa.Array:
    """A string column from a (rows, width) array of ASCII codes, built straight from the buffers."""
    rows, width = characters.shape
    offsets = np.arange(0, (rows + 1) * width, width, dtype=np.int32)
    return pa.Array.from_buffers(
        pa.string(), rows, [None, pa.py_buffer(offsets), pa.py_buffer(np.ascontiguousarray(characters, np.uint8))]
    )


def hex16(values: np.ndarray) -> pa.Array:
    """uint64 values as 16 upper-case hexadecimal characters."""
    octets = values.astype(">u8").view(np.uint8).reshape(-1, 8)
    return fixed_width_strings(_HEX_PAIRS[octets].reshape(-1, 16))


def timestamps(values: np.ndarray, unit: str = "D") -> pa.Array:
    """Day (or minute, unit="m") numbers since 1970, or datetime64 values, as a millisecond timestamp column."""
    if not np.issubdtype(values.dtype, np.datetime64):
        values = values.astype(f"datetime64[{unit}]")
    return pa.array(values.astype("datetime64[ms]"), type=pa.timestamp("ms"))
