"""Content hashes depend on the values only: not on how a column is stored, sliced or split."""

import numpy as np
import pyarrow as pa

from generators.hashing import row_hashes

VALUES = ["0A1B2C3D4E5F6071", "FFFFFFFFFFFFFFFF", "0000000000000000", "Éé", "", "0A1B2C3D4E5F6071"]


def hashes(column: pa.Array) -> np.ndarray:
    return row_hashes(pa.table({"c": column}))


def test_a_string_hashes_the_same_in_a_column_of_one_width_or_of_many():
    fixed = pa.array(VALUES[:3] + VALUES[5:])  # every string 16 bytes: the fixed-width path
    mixed = pa.array(VALUES)
    assert (hashes(fixed) == hashes(mixed)[[0, 1, 2, 5]]).all()
    assert hashes(mixed)[0] == hashes(mixed)[5] and len(set(hashes(mixed))) == 5


def test_a_slice_a_dictionary_and_a_chunked_column_hash_as_the_plain_column():
    plain = pa.array(VALUES)
    expected = hashes(plain)
    assert (hashes(plain.slice(2)) == expected[2:]).all()
    assert (hashes(plain.slice(1, 2)) == expected[1:3]).all()  # one width inside a mixed buffer
    assert (hashes(plain.dictionary_encode()) == expected).all()
    assert (row_hashes(pa.table({"c": pa.chunked_array([VALUES[:2], VALUES[2:]])})) == expected).all()


def test_nulls_and_empty_strings_differ_and_every_column_counts():
    column = pa.array(["", None, "", None])
    assert hashes(column)[0] == hashes(column)[2] != hashes(column)[1] == hashes(column)[3]
    assert hashes(pa.array(["", ""]))[0] == hashes(column)[0]  # width 0, fixed-width path
    one = row_hashes(pa.table({"a": ["x", "y"], "b": [1, 1]}))
    swapped = row_hashes(pa.table({"a": ["y", "x"], "b": [1, 1]}))
    assert (one == swapped[::-1]).all() and one[0] != one[1]
    assert (row_hashes(pa.table({"a": ["x", "y"], "b": [1, 2]})) != one).any()
