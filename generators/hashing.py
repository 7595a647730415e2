"""Content hashes of tables: SHA-256 over per-row hashes, in row order.

They depend on the values only, not on the file format, the compression or how
rows were split into blocks. Row hashes are computed where a block is made
(in the workers), so the writer only chains them.
"""

import hashlib

import numpy as np
import pandas as pd
import pyarrow as pa


def row_hashes(table: pa.Table) -> np.ndarray:
    return pd.util.hash_pandas_object(table.to_pandas(), index=False).to_numpy()


class TableHash:
    def __init__(self) -> None:
        self._sha = hashlib.sha256()

    def update(self, rows: np.ndarray) -> None:
        self._sha.update(rows.astype("<u8").tobytes())

    def hexdigest(self) -> str:
        return self._sha.hexdigest()
