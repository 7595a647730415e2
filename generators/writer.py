"""Writes a dataset folder: one Parquet file per table, the data dictionary, manifest.json.

The folder is built under a temporary name beside its destination and renamed
into place only once complete, so an interrupted run never leaves a folder
that looks finished. manifest.json is the proof of completeness.
"""

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from generators.schema import data_dictionary_markdown

MANIFEST = "manifest.json"


class TableHash:
    """SHA-256 over the per-row hashes of a table's content, in row order.

    It depends on the values only, not on the file format, the compression or
    how rows were split into blocks.
    """

    def __init__(self) -> None:
        self._sha = hashlib.sha256()

    def update(self, block: pa.Table) -> None:
        rows = pd.util.hash_pandas_object(block.to_pandas(), index=False)
        self._sha.update(rows.to_numpy().tobytes())

    def hexdigest(self) -> str:
        return self._sha.hexdigest()


@contextmanager
def dataset_folder(out: Path, overwrite: bool) -> Iterator[Path]:
    """Yields a temporary folder to fill; on success it replaces `out`, on failure it vanishes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    staging.chmod(0o755)   # mkdtemp makes it private; a dataset is meant to be shared
    try:
        yield staging
        if out.exists():
            if not overwrite:
                raise FileExistsError(out)
            old = staging.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old)
        else:
            staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_table(folder: Path, name: str, blocks: Iterable[pa.Table]) -> dict:
    """Streams blocks into `name.parquet`; returns the table's manifest entry."""
    path = folder / f"{name}.parquet"
    digest, rows, writer = TableHash(), 0, None
    for block in blocks:
        if writer is None:
            writer = pq.ParquetWriter(path, block.schema, compression="zstd")
        writer.write_table(block)
        digest.update(block)
        rows += block.num_rows
    if writer is not None:
        writer.close()
    return {"file": path.name, "rows": rows, "sha256": digest.hexdigest()}


def write_manifest(folder: Path, manifest: dict) -> None:
    (folder / "dictionnaire.md").write_text(data_dictionary_markdown(), encoding="utf-8")
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
