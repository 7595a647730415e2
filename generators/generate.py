"""Generates a whole dataset folder from a seed and options."""

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from generators.patients import BLOCK_SIZE, Period, patients_block
from generators.pools import build_identity_pools
from generators.writer import dataset_folder, write_manifest, write_table


@dataclass(frozen=True)
class Options:
    patients: int = 100_000
    seed: int = 2024
    years: int = 3
    start_year: int = 2022


def generate_dataset(options: Options, out: Path, overwrite: bool = False,
                     progress: Callable[[str], None] = lambda message: None) -> dict:
    """Writes every table into `out` and returns the manifest."""
    period = Period(options.start_year, options.years)
    started = time.perf_counter()
    pools = build_identity_pools(options.seed)
    blocks = range((options.patients + BLOCK_SIZE - 1) // BLOCK_SIZE)

    def patient_blocks():
        for block in blocks:
            count = min(BLOCK_SIZE, options.patients - block * BLOCK_SIZE)
            yield patients_block(block, count, options.seed, period, pools)
            progress(f"patients: {block * BLOCK_SIZE + count:,} / {options.patients:,} rows")

    with dataset_folder(out, overwrite) as folder:
        tables = {"patients": write_table(folder, "patients", patient_blocks())}
        manifest = {
            "generator": "generators (Innov'Health datathon kit)",
            "version": version("innov-health-kit"),
            "seed": options.seed,
            "options": asdict(options),
            "libraries": {name: version(name) for name in ("faker", "numpy", "pandas", "pyarrow")},
            "tables": tables,
        }
        write_manifest(folder, manifest)
    progress(f"done in {time.perf_counter() - started:.1f} s: {out}")
    return manifest
