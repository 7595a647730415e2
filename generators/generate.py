"""Generates a whole dataset folder from a seed and options."""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

import pyarrow as pa

from common.errors import BadInput
from common.files import write_json_atomically
from generators import journaux, settings
from generators.blocks import BLOCK_TABLES, Context, conform
from generators.clinical import Clinical, load_clinical
from generators.patients import Period
from generators.runner import run_blocks, start_early
from generators.signals import truth_document
from generators.writer import DatasetWriter, dataset_folder, write_manifest


@dataclass(frozen=True)
class Options:
    """What the data depend on. Same options, same data (defaults: generators/settings.py)."""

    patients: int = settings.PATIENTS
    seed: int = settings.SEED
    years: int = settings.YEARS
    start_year: int = settings.START_YEAR
    defects: float = settings.DEFECTS  # share of rows given a data-quality defect (see defects.py)


def generate_dataset(
    options: Options,
    out: Path,
    overwrite: bool = False,
    file_format: str = settings.FORMAT,
    workers: int = settings.WORKERS,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    tables: tuple[str, ...] = BLOCK_TABLES + ("etablissements",),
    truth_file: Path | None = None,
    clinical: Clinical | None = None,
) -> dict:
    """Writes the tables into `out` and returns the manifest. `progress(patients done, total)`.

    `truth_file`, if given, receives the true effects hidden in the data (instructors only);
    it must lie outside `out`, which participants receive (BadInput otherwise).

    `clinical`: the pathway modules and signaux.yml to follow (clinical.load_clinical); by default
    those of settings, read now. A mistake in them, or an `out` that cannot be written, raises
    BadInput before any work.

    `tables` restricts the output (the benchmark times the patients table alone); the
    tables made are the same, row for row, whatever the others.
    """
    if truth_file is not None and truth_inside(truth_file, out):
        raise BadInput(
            f"the truth file {truth_file} is inside the dataset folder {out}: participants would see it; "
            "write it elsewhere"
        )
    start_early(workers, scheduler)
    clinical = load_clinical() if clinical is None else clinical
    with dataset_folder(out, overwrite) as folder:
        context = Context.build(
            options.patients,
            options.seed,
            Period(options.start_year, options.years),
            tuple(t for t in tables if t in BLOCK_TABLES),
            defects=options.defects,
            clinical=clinical,
        )
        writer = DatasetWriter(folder, file_format)
        if "etablissements" in tables:
            writer.write({"etablissements": conform("etablissements", context.hospitals.table)})
        done, defect_logs = 0, []
        spill = folder / ".blocks"  # gone with the staging folder, should the run fail
        spill.mkdir()
        for block in run_blocks(context, spill, workers=workers, scheduler=scheduler):
            writer.write(block.tables, block.row_hashes)
            defect_logs.append(block.defects)
            done += context.block_size(len(defect_logs) - 1)
            progress(done, options.patients)
        spill.rmdir()
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
        if truth_file is not None:  # before the dataset appears: no dataset without its truth
            _write_truth(truth_file, context, options, manifest, defect_logs)
    return manifest


def _write_truth(truth_file: Path, context: Context, options: Options, manifest: dict, defect_logs: list) -> None:
    truth = truth_document(
        context.truth, context.hospitals, asdict(options), context.clinical.signals, context.clinical.modules
    )
    truth["dataset"] = {name: entry["sha256"] for name, entry in manifest["tables"].items()}
    truth["defauts"] = {"taux": options.defects, "liste": pa.concat_tables(defect_logs).to_pylist()}
    truth["incidents_journaux"] = journaux.truth(context.incidents, context.hospitals)
    try:
        write_json_atomically(truth_file, truth)
    except OSError as error:
        raise BadInput(
            f"cannot write the truth file {truth_file}: {error.strerror or error}; choose another place"
        ) from None


def truth_inside(truth_file: Path, out: Path) -> bool:
    """Whether the truth file would land in the participants' dataset folder."""
    return truth_file.resolve().is_relative_to(out.resolve())
