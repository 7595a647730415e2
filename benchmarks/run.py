"""make bench: generator figures, each against a baseline measured in the same run.

These machines are noisy, so what counts is the ratio to the baseline, not the
absolute time. Every measured run is the real code path (generate_dataset), in
a process of its own whose whole process tree is sampled for peak memory.
Results are printed and written to benchmarks/results/generators.json.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

RESULTS = Path(__file__).parent / "results"
TARGETS = {"patients_per_second": 150_000, "peak_memory_mib_10m": 1536, "speedup_vs_faker_per_row": 100}


def measured(code: str) -> dict:
    """Runs Python `code` in a child process; returns what it prints (JSON) and the tree's peak memory."""
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        parent = psutil.Process(child.pid)
        while not done.is_set():
            try:
                tree = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = child.communicate()
    done.set()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"benchmark step failed: {code}")
    return {**json.loads(output), "peak_memory_mib": peak / 2**20}


def generation(patients: int, out: Path, workers: int, tables: tuple[str, ...] | None = None) -> dict:
    restrict = f", tables={tables!r}" if tables else ""
    return measured(
        "import json, time\nfrom pathlib import Path\nfrom generators.generate import Options, generate_dataset\n"
        "started = time.perf_counter()\n"
        f"manifest = generate_dataset(Options(patients={patients}), Path({str(out)!r}), overwrite=True, "
        f"workers={workers}{restrict})\n"
        "seconds = time.perf_counter() - started\n"
        f"print(json.dumps({{'patients': {patients}, 'workers': {workers}, 'seconds': seconds, "
        f"'patients_per_second': {patients} / seconds, "
        "'rows': {name: entry['rows'] for name, entry in manifest['tables'].items()}}))\n"
    )


def patients_in_memory(patients: int) -> dict:
    """The engine's patients table built in memory in one process (Faker pools included, no hashing,
    no file): the like-for-like of the per-row Faker baseline."""
    return measured(
        "import json, time\nfrom generators.blocks import Context, conform\n"
        "from generators.patients import Period, patients_block\n"
        "started = time.perf_counter()\n"
        f"context = Context.build({patients}, 2024, Period(2022, 3), ('patients',))\n"
        "rows = sum(conform('patients', patients_block(b, context.block_size(b), 2024, context.period, context.pools,"
        " context.clinical.modules).table).num_rows for b in range(context.block_count()))\n"
        "seconds = time.perf_counter() - started\n"
        "print(json.dumps({'patients': rows, 'seconds': seconds, 'patients_per_second': rows / seconds}))\n"
    )


def faker_per_row(rows: int, out: Path | None) -> dict:
    """What one would write first: one Faker call per value, a dict per row, then pandas (and Parquet)."""
    write = f"pd.DataFrame(records).to_parquet({str(out / 'faker.parquet')!r})\n" if out else "pd.DataFrame(records)\n"
    return measured(
        "import json, time\nimport pandas as pd\nfrom faker import Faker\n"
        "fake = Faker('fr_FR')\nfake.seed_instance(0)\nstarted = time.perf_counter()\nrecords = []\n"
        f"for _ in range({rows}):\n"
        "    sexe = fake.random_element(('F', 'M'))\n"
        "    records.append({'patient_id': fake.hexify('^' * 16, upper=True), 'sexe': sexe,\n"
        "        'date_naissance': fake.date_of_birth(maximum_age=104), 'code_postal': fake.postcode(),\n"
        "        'commune': fake.city(), 'departement': fake.department_number(), 'region': fake.region(),\n"
        "        'date_deces': None, 'nom': fake.last_name(),\n"
        "        'prenom': fake.first_name_female() if sexe == 'F' else fake.first_name_male(),\n"
        "        'adresse': fake.street_address(), 'telephone': fake.phone_number()})\n"
        + write
        + "seconds = time.perf_counter() - started\n"
        f"print(json.dumps({{'patients': {rows}, 'seconds': seconds, 'patients_per_second': {rows} / seconds}}))\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=1_000_000, help="dataset size for throughput")
    parser.add_argument("--memory-patients", type=int, default=10_000_000, help="dataset size for peak memory")
    parser.add_argument("--baseline-rows", type=int, default=20_000, help="rows made by the per-row Faker baseline")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        baseline = faker_per_row(args.baseline_rows, work)
        baseline_in_memory = faker_per_row(args.baseline_rows, None)
        in_memory = patients_in_memory(args.patients)
        patients_only = generation(args.patients, work / "patients", args.workers, tables=("patients",))
        serial = generation(args.patients, work / "serial", 1)
        parallel = generation(args.patients, work / "parallel", args.workers)
        large = generation(args.memory_patients, work / "large", args.workers)
    speedup = in_memory["patients_per_second"] / baseline_in_memory["patients_per_second"]
    speedup_written = patients_only["patients_per_second"] / baseline["patients_per_second"]
    result = {
        "faker_per_row_patients_table_in_memory": baseline_in_memory,
        "faker_per_row_patients_table_parquet": baseline,
        "patients_table_in_memory_1_process": in_memory,
        "patients_table_parquet": patients_only,
        "all_tables_1_worker": serial,
        f"all_tables_{args.workers}_workers": parallel,
        "all_tables_peak_memory_run": large,
        "speedup_vs_faker_per_row": speedup,
        "speedup_vs_faker_per_row_parquet_written": speedup_written,
        "targets": TARGETS,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "generators.json").write_text(json.dumps(result, indent=2) + "\n")

    def line(label, run):
        return (
            f"{label:<52} {run['patients_per_second']:>10,.0f} patients/s  {run['seconds']:>7.1f} s  "
            f"peak {run['peak_memory_mib']:>6,.0f} MiB"
        )

    print(line(f"per-row Faker, patients table, {args.baseline_rows:,} rows, in memory", baseline_in_memory))
    print(line(f"generator, patients table, N={args.patients:,}, in memory, 1 process", in_memory))
    print(line(f"per-row Faker, patients table, {args.baseline_rows:,} rows, Parquet", baseline))
    print(line(f"generator, patients table, N={args.patients:,}, Parquet, {args.workers} workers", patients_only))
    print(line(f"generator, all tables, N={args.patients:,}, 1 worker", serial))
    print(line(f"generator, all tables, N={args.patients:,}, {args.workers} workers", parallel))
    print(line(f"generator, all tables, N={args.memory_patients:,}, {args.workers} workers", large))
    print(
        f"speed-up of the patients table over per-row Faker: {speedup:,.0f}x generated in memory "
        f"(target {TARGETS['speedup_vs_faker_per_row']}x), {speedup_written:,.0f}x with Parquet written"
    )
    print(
        f"all tables, {args.workers} workers: {parallel['patients_per_second']:,.0f} patients/s "
        f"(target {TARGETS['patients_per_second']:,}); peak memory at N={args.memory_patients:,}: "
        f"{large['peak_memory_mib']:,.0f} MiB (target under {TARGETS['peak_memory_mib_10m']:,})"
    )


if __name__ == "__main__":
    main()
