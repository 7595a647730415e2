"""Command line: python -m generators --patients N --seed S --out DIR ...

Bad input (an option, a faulty module or signaux.yml, an --out that cannot be written, an unreachable
scheduler: common.errors.BadInput) is one line on stderr and exit status 2; anything else is a bug
and shows its traceback.
"""

import sys
import time
from argparse import Namespace
from pathlib import Path

from common.cli import Parser, ProgressBar, bounded_int, run, share
from generators import settings
from generators.clinical import load_clinical
from generators.generate import Options, generate_dataset


def build_parser() -> Parser:
    parser = Parser(
        prog="python -m generators",
        description="Generate a synthetic French hospital dataset: patients, etablissements, sejours, "
        "diagnostics, actes, urgences, telesurveillance, journaux_acces, with manifest.json and a "
        "data dictionary. "
        "Same seed and options, same data, whatever --workers or --scheduler.",
        epilog="Example: python -m generators --patients 1000000 --workers 2 --out datasets/region",
    )
    parser.add_argument(
        "--patients",
        type=bounded_int(1, 100_000_000),
        default=settings.PATIENTS,
        metavar="N",
        help=f"resident population size (default {settings.PATIENTS:,})",
    )
    parser.add_argument(
        "--seed",
        type=bounded_int(0, 2**32 - 1),
        default=settings.SEED,
        metavar="S",
        help=f"random seed (default {settings.SEED})",
    )
    parser.add_argument(
        "--years",
        type=bounded_int(1, 20),
        default=settings.YEARS,
        metavar="Y",
        help=f"length of the simulated period in years (default {settings.YEARS})",
    )
    parser.add_argument(
        "--start-year",
        type=bounded_int(1990, 2100),
        default=settings.START_YEAR,
        metavar="YYYY",
        help=f"first year of the period (default {settings.START_YEAR}); every code must be valid in ATIH's "
        "nomenclatures of each year: the kit's modules need 2022 or later, years after 2025 use 2025's",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=settings.DATASET_DIR,
        metavar="DIR",
        help=f"output folder (default {settings.DATASET_DIR})",
    )
    parser.add_argument(
        "--format", choices=settings.FORMATS, default=settings.FORMAT, help=f"file format (default {settings.FORMAT})"
    )
    parser.add_argument(
        "--workers",
        type=bounded_int(1, 256),
        default=settings.WORKERS,
        metavar="W",
        help=f"processes generating blocks in parallel, this one included (default {settings.WORKERS})",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run the blocks on an existing dask.distributed cluster, e.g. tcp://HOST:8786 "
        "(its workers need this kit installed)",
    )
    parser.add_argument(
        "--defects",
        type=share(0.5),
        default=settings.DEFECTS,
        metavar="RATE",
        help="share of rows given a data-quality defect (missing value, duplicate, badly written "
        "code, impossible date), for cleaning exercises; logged in --truth "
        f"(default {settings.DEFECTS:g}: clean)",
    )
    parser.add_argument(
        "--modules",
        type=Path,
        metavar="DIR",
        help="folder of pathway modules (*.yml) to follow instead of the kit's: an instructor's "
        f"edited copy (default: the folder ${settings.MODULES_ENV} names, else generators/modules)",
    )
    parser.add_argument(
        "--truth",
        type=Path,
        metavar="FILE",
        help="also write the true effects hidden in the data (JSON) to FILE, outside DIR: "
        "for instructors only, never for participants",
    )
    parser.add_argument(
        "--fhir",
        action="store_true",
        help="also write the data as FHIR R4 resources (Patient, Organization, Encounter, Condition, "
        "Procedure) into DIR/fhir/, one NDJSON file per resource type (needs --format parquet)",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace DIR if it exists and is not empty")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.scheduler and args.workers > 1:
        parser.error("--workers and --scheduler exclude each other: the cluster's workers do the work")
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"{args.out} is a file, not a folder; choose another --out")
    if args.fhir and args.format != "parquet":
        parser.error("--fhir is written from the Parquet tables: leave --format at parquet")
    return run(parser, lambda: generate(args))


def generate(args: Namespace) -> None:
    """Generates what the parsed options ask; bad input raises common.errors.BadInput."""
    options = Options(
        patients=args.patients, seed=args.seed, years=args.years, start_year=args.start_year, defects=args.defects
    )
    bar = ProgressBar("patients", enabled=False if args.quiet else None)
    started = time.perf_counter()
    try:
        manifest = generate_dataset(
            options,
            args.out,
            overwrite=args.overwrite,
            file_format=args.format,
            workers=args.workers,
            scheduler=args.scheduler,
            progress=bar.update,
            truth_file=args.truth,
            clinical=load_clinical(args.modules),
        )
        if args.fhir:
            from generators.fhir import write_fhir

            write_fhir(args.out, args.out / "fhir")
    finally:
        bar.clear()
    if not args.quiet:
        seconds = time.perf_counter() - started
        rows = ", ".join(f"{name} {entry['rows']:,}" for name, entry in manifest["tables"].items())
        print(
            f"wrote {args.out} in {seconds:.1f} s ({args.patients / seconds:,.0f} patients/s): {rows}", file=sys.stderr
        )
