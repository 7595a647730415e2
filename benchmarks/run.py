"""make bench: throughput figures, each against a baseline measured in the same run.

Machines here are noisy, so what counts is the ratio to the baseline, not the
absolute time. Results are printed and written to benchmarks/results/.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).parent / "results"


def generator_run(patients: int, out: Path) -> dict:
    """The real command, in its own process, so that its peak memory is its own."""
    script = ("import resource, sys, time\n"
              "from pathlib import Path\n"
              "from generators.generate import Options, generate_dataset\n"
              "started = time.perf_counter()\n"
              f"generate_dataset(Options(patients={patients}), Path({str(out)!r}))\n"
              "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    seconds, peak_kib = subprocess.run([sys.executable, "-c", script], check=True,
                                       capture_output=True, text=True).stdout.split()
    return {"patients": patients, "seconds": float(seconds),
            "patients_per_second": patients / float(seconds), "peak_memory_mib": int(peak_kib) / 1024}


def faker_per_row_baseline(rows: int, out: Path) -> dict:
    """What one would write first: one Faker call per value, a dict per row, then pandas and Parquet."""
    import pandas as pd
    from faker import Faker

    fake = Faker("fr_FR")
    fake.seed_instance(0)
    started = time.perf_counter()
    records = []
    for _ in range(rows):
        sexe = fake.random_element(("F", "M"))
        records.append({
            "patient_id": fake.hexify("^^^^^^^^^^^^^^^^", upper=True),
            "sexe": sexe,
            "date_naissance": fake.date_of_birth(maximum_age=104),
            "code_postal": fake.postcode(),
            "commune": fake.city(),
            "departement": fake.department_number(),
            "region": fake.region(),
            "date_deces": None,
            "nom": fake.last_name(),
            "prenom": fake.first_name_female() if sexe == "F" else fake.first_name_male(),
            "adresse": fake.street_address(),
            "telephone": fake.phone_number(),
        })
    pd.DataFrame(records).to_parquet(out / "baseline.parquet")
    seconds = time.perf_counter() - started
    return {"patients": rows, "seconds": seconds, "patients_per_second": rows / seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=1_000_000, help="size of the generated dataset")
    parser.add_argument("--baseline-rows", type=int, default=5_000, help="rows made by the per-row Faker baseline")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generator = generator_run(args.patients, Path(folder) / "ds")
        baseline = faker_per_row_baseline(args.baseline_rows, Path(folder))
    ratio = generator["patients_per_second"] / baseline["patients_per_second"]
    result = {"generator": generator, "faker_per_row": baseline, "speedup_vs_faker_per_row": ratio}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "generators.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"generation, patients table, Parquet written, N = {args.patients:,}: "
          f"{generator['patients_per_second']:,.0f} patients/s, peak memory {generator['peak_memory_mib']:,.0f} MiB")
    print(f"per-row Faker baseline, {args.baseline_rows:,} rows: {baseline['patients_per_second']:,.0f} patients/s")
    print(f"speed-up over per-row Faker: {ratio:,.0f}x (target: at least 100x)")


if __name__ == "__main__":
    main()
