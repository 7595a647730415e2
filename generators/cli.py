"""Command line: python -m generators --patients N --seed S --out DIR ..."""

import argparse
import sys
import time
from pathlib import Path

from generators.generate import Options, generate_dataset, truth_inside
from generators.modules import ModuleError
from generators.progress import ProgressBar
from generators.runner import SchedulerUnreachable
from generators.signals import SignalsFileError
from generators.writer import FORMATS

DEFAULT_OUT = Path("datasets/generated")


class Parser(argparse.ArgumentParser):
    """Bad input: one line naming what is wrong, exit status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def bounded_int(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a number from {low:,} to {high:,}, got {value:,}")
        return value
    return parse


def share(high: float):
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number such as 0.02, got {text!r}") from None
        if not 0 <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a share from 0 to {high}, got {value}")
        return value
    return parse


def build_parser() -> Parser:
    defaults = Options()
    parser = Parser(
        prog="python -m generators",
        description="Generate a synthetic French hospital dataset: patients, etablissements, sejours, "
                    "diagnostics, actes, urgences, telesurveillance, journaux_acces, with manifest.json and a "
                    "data dictionary. "
                    "Same seed and options, same data, whatever --workers or --scheduler.",
        epilog="Example: python -m generators --patients 1000000 --workers 2 --out datasets/region",
    )
    parser.add_argument("--patients", type=bounded_int(1, 100_000_000), default=defaults.patients,
                        metavar="N", help=f"resident population size (default {defaults.patients:,})")
    parser.add_argument("--seed", type=bounded_int(0, 2**32 - 1), default=defaults.seed,
                        metavar="S", help=f"random seed (default {defaults.seed})")
    parser.add_argument("--years", type=bounded_int(1, 20), default=defaults.years,
                        metavar="Y", help=f"length of the simulated period in years (default {defaults.years})")
    parser.add_argument("--start-year", type=bounded_int(1990, 2100), default=defaults.start_year,
                        metavar="YYYY", help=f"first year of the period (default {defaults.start_year})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR",
                        help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--format", choices=FORMATS, default="parquet", help="file format (default parquet)")
    parser.add_argument("--workers", type=bounded_int(1, 256), default=1, metavar="W",
                        help="local processes generating blocks in parallel (default 1)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run the blocks on an existing dask.distributed cluster, e.g. tcp://HOST:8786 "
                             "(its workers need this kit installed)")
    parser.add_argument("--defects", type=share(0.5), default=defaults.defects, metavar="RATE",
                        help="share of rows given a data-quality defect (missing value, duplicate, badly written "
                             "code, impossible date), for cleaning exercises; logged in --truth (default 0: clean)")
    parser.add_argument("--truth", type=Path, metavar="FILE",
                        help="also write the true effects hidden in the data (JSON) to FILE, outside DIR: "
                             "for instructors only, never for participants")
    parser.add_argument("--fhir", action="store_true",
                        help="also write the data as FHIR R4 resources (Patient, Organization, Encounter, Condition, "
                             "Procedure) into DIR/fhir/, one NDJSON file per resource type (needs --format parquet)")
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
    if args.out.is_dir() and any(args.out.iterdir()) and not args.overwrite:
        parser.error(f"{args.out} already exists and is not empty; pass --overwrite to replace it or choose another --out")
    if args.fhir and args.format != "parquet":
        parser.error("--fhir is written from the Parquet tables: leave --format at parquet")
    if args.truth and truth_inside(args.truth, args.out):
        parser.error(f"--truth {args.truth} is inside --out {args.out}: participants would see it; "
                     "write it elsewhere")
    options = Options(patients=args.patients, seed=args.seed, years=args.years, start_year=args.start_year,
                      defects=args.defects)
    bar = ProgressBar("patients", enabled=not args.quiet and sys.stderr.isatty())
    started = time.perf_counter()
    try:
        manifest = generate_dataset(options, args.out, overwrite=args.overwrite, file_format=args.format,
                                    workers=args.workers, scheduler=args.scheduler, progress=bar.update,
                                    truth_file=args.truth)
        if args.fhir:
            from generators.fhir import write_fhir

            write_fhir(args.out, args.out / "fhir")
    except SchedulerUnreachable as error:
        bar.clear()
        parser.error(str(error))
    except (SignalsFileError, ModuleError) as error:
        bar.clear()
        parser.error(str(error))
    except OSError as error:
        bar.clear()
        parser.error(f"cannot write {error.filename or args.out}: {error.strerror or error}")
    bar.clear()
    if not args.quiet:
        seconds = time.perf_counter() - started
        rows = ", ".join(f"{name} {entry['rows']:,}" for name, entry in manifest["tables"].items())
        print(f"wrote {args.out} in {seconds:.1f} s ({args.patients / seconds:,.0f} patients/s): {rows}",
              file=sys.stderr)
    return 0
