"""Writes a dataset folder: one file per table (Parquet or CSV), the data dictionary, manifest.json.

The folder is built under a temporary name beside its destination and renamed
into place only once complete (common.files.staged_folder), so an interrupted run
never leaves a folder that looks finished. manifest.json is the proof of completeness.
"""

import json
from contextlib import AbstractContextManager
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from common.files import staged_folder
from generators.hashing import TableHash, row_hashes
from generators.schema import TABLES, data_dictionary_markdown
from generators.settings import DICTIONARY, FORMAT, MANIFEST


def dataset_folder(out: Path, overwrite: bool) -> AbstractContextManager[Path]:
    """Yields an empty folder to fill; on success it replaces `out`, on failure it vanishes. An `out` that
    exists and is not an empty folder without `overwrite`, or that cannot be written, is BadInput, at once."""
    return staged_folder(out, overwrite)


class DatasetWriter:
    """Streams blocks of every table into its file, hashing the content as it goes."""

    def __init__(self, folder: Path, file_format: str = FORMAT) -> None:
        self.folder, self.format = folder, file_format
        self._writers: dict[str, pq.ParquetWriter | pacsv.CSVWriter] = {}
        self._hashes: dict[str, TableHash] = {}
        self._rows: dict[str, int] = {}

    def write(self, tables: dict[str, pa.Table], hashes: dict[str, np.ndarray] | None = None) -> None:
        """Appends a block of each table; `hashes` are their row hashes when already computed."""
        for name, table in tables.items():
            if name not in self._writers:
                self._writers[name] = self._open(name)
                self._hashes[name], self._rows[name] = TableHash(), 0
            self._writers[name].write_table(self._for_file(name, table))
            self._hashes[name].update(hashes[name] if hashes else row_hashes(table))
            self._rows[name] += table.num_rows

    def close(self) -> dict[str, dict]:
        """Closes the files; returns each table's manifest entry, in the dictionary's order."""
        for writer in self._writers.values():
            writer.close()
        return {
            name: {"file": self._file(name).name, "rows": self._rows[name], "sha256": self._hashes[name].hexdigest()}
            for name in TABLES
            if name in self._writers
        }

    def _file(self, name: str) -> Path:
        return self.folder / f"{name}.{self.format}"

    def _open(self, name: str):
        if self.format == "csv":
            return pacsv.CSVWriter(self._file(name), self._csv_schema(name))
        documented = TABLES[name].arrow_schema()
        # Dictionary pages for repeated values only; min/max statistics for dates and numbers only
        # (they help filters there, on text they only cost time). No Arrow schema in the file: readers
        # get plain strings, whatever the encoding.
        statistics = [f.name for f in documented if not pa.types.is_string(f.type)]
        return pq.ParquetWriter(
            self._file(name),
            self._parquet_schema(name),
            compression="zstd",
            use_dictionary=self._repeated(name),
            write_statistics=statistics,
            store_schema=False,
        )

    @staticmethod
    def _repeated(name: str) -> list[str]:
        return [c.name for c in TABLES[name].columns if c.kind in ("text", "code") and not c.distinct]

    def _parquet_schema(self, name: str) -> pa.Schema:
        """The documented types, repeated text as dictionaries: the blocks' own dictionaries go straight
        into the file's dictionary pages, without decoding and encoding every value again."""
        schema = TABLES[name].arrow_schema()
        for column in self._repeated(name):
            index = schema.get_field_index(column)
            schema = schema.set(index, pa.field(column, pa.dictionary(pa.int32(), pa.string())))
        return schema

    def _csv_schema(self, name: str) -> pa.Schema:
        """Dates as 2024-03-01, date-times to the second: what a spreadsheet reads."""
        schema = TABLES[name].arrow_schema()
        for column in TABLES[name].columns:
            if column.kind in ("date", "datetime"):
                index = schema.get_field_index(column.name)
                schema = schema.set(
                    index, pa.field(column.name, pa.date32() if column.kind == "date" else pa.timestamp("s"))
                )
        return schema

    def _for_file(self, name: str, table: pa.Table) -> pa.Table:
        """The file's types: CSV's plain columns and dates, Parquet's (see _parquet_schema)."""
        return table.cast(self._csv_schema(name) if self.format == "csv" else self._parquet_schema(name))


def write_manifest(folder: Path, manifest: dict) -> None:
    (folder / DICTIONARY).write_text(data_dictionary_markdown(), encoding="utf-8")
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
