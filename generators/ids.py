"""Pseudonymous identifiers: a keyed hash of a row number, as SNDS pseudonymises the NIR.

16 hexadecimal characters, never a valid NIR (15 digits), and not traceable to the
row without the key, which is derived from the seed. The hash is a bijection of
64-bit numbers, so distinct row numbers always give distinct ids.
"""

import hashlib

import numpy as np
import pyarrow as pa

from generators.columns import hex16
from generators.hashing import mix64


def keyed_ids(namespace: str, seed: int, numbers: np.ndarray) -> pa.Array:
    key = np.frombuffer(hashlib.sha256(f"innov-health/{namespace}/{seed}".encode()).digest()[:16], dtype=np.uint64)
    return hex16(mix64(mix64(numbers.astype(np.uint64) ^ key[0]) ^ key[1]))


def block_numbers(block: int, count: int, first: int = 0) -> np.ndarray:
    """Row numbers unique across blocks for tables whose rows per block vary (stays, visits); a block
    numbers its residents' rows from 0 and its newborns' from NEWBORN_ROWS."""
    return (np.uint64(block) << np.uint64(32)) | (np.uint64(first) + np.arange(count, dtype=np.uint64))


NEWBORN_ROWS = 2**31
