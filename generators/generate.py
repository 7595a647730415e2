"""Generates a whole dataset folder from a seed and options."""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

import pyarrow as pa

from generators import journaux
from generators.blocks import BLOCK_TABLES, Context, conform
from generators.modules import modules
from generators.patients import Period
from generators.runner import run_blocks
from generators.signals import OUTCOMES, charlson_points, model, programme, truth_document
from generators.writer import DatasetWriter, dataset_folder, write_json_atomically, write_manifest


@dataclass(frozen=True)
class Options:
    """What the data depend on. Same options, same data."""
    patients: int = 100_000
    seed: int = 2024
    years: int = 3
    start_year: int = 2022
    defects: float = 0.0      # share of rows given a data-quality defect (see defects.py)


def generate_dataset(options: Options, out: Path, overwrite: bool = False, file_format: str = "parquet",
                     workers: int = 1, scheduler: str | None = None,
                     progress: Callable[[int, int], None] = lambda done, total: None,
                     tables: tuple[str, ...] = BLOCK_TABLES + ("etablissements",),
                     truth_file: Path | None = None) -> dict:
    """Writes the tables into `out` and returns the manifest. `progress(patients done, total)`.

    `truth_file`, if given, receives the true effects hidden in the data (instructors only);
    it must lie outside `out`, which participants receive.

    `tables` restricts the output (the benchmark times the patients table alone); the
    tables made are the same, row for row, whatever the others.
    """
    check_clinical_files()
    context = Context.build(options.patients, options.seed, Period(options.start_year, options.years),
                            tuple(t for t in tables if t in BLOCK_TABLES), defects=options.defects)
    with dataset_folder(out, overwrite) as folder:
        writer = DatasetWriter(folder, file_format)
        if "etablissements" in tables:
            writer.write({"etablissements": conform("etablissements", context.hospitals.table)})
        done, defect_logs = 0, []
        for block in run_blocks(context, workers=workers, scheduler=scheduler):
            writer.write(block.tables, block.row_hashes)
            defect_logs.append(block.defects)
            done += context.block_size(len(defect_logs) - 1)
            progress(done, options.patients)
        manifest = {
            "generator": "generators (Innov'Health datathon kit)",
            "version": version("innov-health-kit"),
            "seed": options.seed,
            "options": asdict(options),
            "format": file_format,
            "libraries": {name: version(name) for name in ("faker", "numpy", "pandas", "pyarrow")},
            "tables": writer.close(),
        }
        write_manifest(folder, manifest)
    if truth_file is not None:
        truth = truth_document(context.truth, context.hospitals, asdict(options))
        truth["dataset"] = {name: entry["sha256"] for name, entry in manifest["tables"].items()}
        truth["defauts"] = {"taux": options.defects, "liste": pa.concat_tables(defect_logs).to_pylist()}
        truth["incidents_journaux"] = journaux.truth(context.incidents, context.hospitals)
        write_json_atomically(truth_file, truth)
    return manifest


def check_clinical_files() -> None:
    """Reads and checks the modules and signaux.yml now, so that a mistake stops the run before any work."""
    modules()
    for outcome in OUTCOMES:
        model(outcome)
    programme(), charlson_points()


def truth_inside(truth_file: Path, out: Path) -> bool:
    """Whether the truth file would land in the participants' dataset folder."""
    return truth_file.resolve().is_relative_to(out.resolve())
