"""Command line: python -m generators --patients N --seed S --out DIR."""

import argparse
import sys
from pathlib import Path

from generators.generate import Options, generate_dataset

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


def build_parser() -> Parser:
    defaults = Options()
    parser = Parser(
        prog="python -m generators",
        description="Generate a synthetic French hospital dataset (Parquet, with manifest.json "
                    "and a data dictionary). Same seed and options, same data.",
        epilog="Example: python -m generators --patients 10000 --seed 7 --out datasets/generated",
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
    parser.add_argument("--overwrite", action="store_true", help="replace DIR if it exists")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.out.exists() and not args.overwrite:
        parser.error(f"{args.out} already exists; pass --overwrite to replace it or choose another --out")
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"{args.out} is a file, not a folder; choose another --out")
    options = Options(patients=args.patients, seed=args.seed, years=args.years, start_year=args.start_year)
    progress = (lambda message: None) if args.quiet else (lambda message: print(message, file=sys.stderr))
    try:
        generate_dataset(options, args.out, overwrite=args.overwrite, progress=progress)
    except OSError as error:
        parser.error(f"cannot write {args.out}: {error.strerror or error}")
    return 0
