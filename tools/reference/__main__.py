"""python -m tools.reference [--source DIR]: rebuild every compact reference table of the generator."""

import argparse
from pathlib import Path

from tools.reference import geography, nomenclatures
from tools.reference.sources import DEFAULT_SOURCE


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.reference", description=__doc__)
    parser.add_argument(
        "--source", type=Path, default=DEFAULT_SOURCE, help=f"source material (default {DEFAULT_SOURCE})"
    )
    source = parser.parse_args().source
    if not (source / "cim68.json.gz").exists():
        parser.error(f"{source} does not hold the source material (cim68.json.gz...): give --source")
    for part in (nomenclatures, geography):
        for path in part.build(source):
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
