"""Reading the source material and writing compact tables reproducibly (same input, same bytes)."""

import gzip
import io
import json
from pathlib import Path

import pandas as pd

from generators.settings import REFERENCE_DIR

DEFAULT_SOURCE = Path(__file__).resolve().parents[3] / "shared" / "reference"


def read_records(source: Path, name: str) -> pd.DataFrame:
    """One of the gzipped JSON record files (one object per row), every column as text."""
    with gzip.open(source / f"{name}.json.gz", "rt", encoding="utf-8") as file:
        return pd.DataFrame(json.load(file)).astype("string")


def write_table(frame: pd.DataFrame, name: str, target: Path = REFERENCE_DIR) -> Path:
    """Writes NAME (.csv, or .csv.gz compressed with a fixed timestamp, so that rebuilding from the
    same sources gives the same bytes and an unchanged git tree)."""
    path = target / name
    text = frame.to_csv(index=False, lineterminator="\n")
    if name.endswith(".gz"):
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as file:
            file.write(text.encode("utf-8"))
        data = buffer.getvalue()
    else:
        data = text.encode("utf-8")
    path.write_bytes(data)
    return path
