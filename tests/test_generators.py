import json
import re

import pandas as pd
import pytest

from generators import runner
from generators.generate import Options, generate_dataset
from generators.reference import REGIONS, age_pyramid, ccam, cim10, departements, ghm
from generators.schema import TABLES, data_dictionary_markdown
from participant.data import DatasetNotFound, load_manifest, load_table
from tests.conftest import KIT_DIR, SAMPLE_DATASET

START, END = pd.Timestamp("2022-01-01"), pd.Timestamp("2025-01-01")


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("data") / "ds"
    manifest = generate_dataset(Options(patients=60_000, seed=11), out)  # two blocks
    return out, manifest, {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def test_writes_every_table_the_manifest_and_the_dictionary(dataset):
    out, manifest, tables = dataset
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["dictionnaire.md", "manifest.json"] + [f"{name}.parquet" for name in TABLES]
    )
    assert manifest == json.loads((out / "manifest.json").read_text())
    assert manifest["seed"] == 11 and manifest["format"] == "parquet"
    assert manifest["options"] == {"patients": 60_000, "seed": 11, "years": 3, "start_year": 2022, "defects": 0.0}
    assert list(manifest["tables"]) == list(TABLES)
    for name, table in tables.items():
        assert list(table.columns) == [c.name for c in TABLES[name].columns]
        assert manifest["tables"][name]["rows"] == len(table) > 0
        assert re.fullmatch(r"[0-9a-f]{64}", manifest["tables"][name]["sha256"])
    assert (out / "dictionnaire.md").read_text() == data_dictionary_markdown()


def test_datasets_readme_shows_the_current_dictionary():
    assert data_dictionary_markdown() in (KIT_DIR / "datasets" / "README.md").read_text(), (
        "datasets/README.md is out of date: paste the output of `python -m generators.schema` into it"
    )


def test_patients_look_like_a_french_population(dataset):
    patients = dataset[2]["patients"]
    assert patients["patient_id"].is_unique
    assert patients["patient_id"].str.fullmatch(r"[0-9A-F]{16}").all()  # never a 15-digit NIR
    assert 0.50 < (patients["sexe"] == "F").mean() < 0.53
    assert set(patients["departement"]) <= set(departements()["code"])
    assert set(patients["region"]) <= set(REGIONS)
    assert 0.17 < (patients["region"] == "Île-de-France").mean() < 0.20  # 18 % of residents
    metropolitan = patients[patients["departement"].str.fullmatch(r"\d\d")]
    # a few small communes are served by a neighbouring département's post office
    assert (metropolitan["code_postal"].str[:2] == metropolitan["departement"]).mean() > 0.998
    born_in_period = patients["date_naissance"] >= START
    assert (patients.loc[born_in_period, "date_naissance"] < END).all() and 0 < born_in_period.mean() < 0.05
    age = (START - patients.loc[~born_in_period, "date_naissance"]).dt.days / 365.25
    assert age.min() >= 0 and age.max() < 106 and 40 < age.mean() < 45
    deaths = patients["date_deces"].dropna()
    assert 0.015 < len(deaths) / len(patients) < 0.04  # about 0.9 % a year
    assert ((deaths >= START) & (deaths < END)).all()
    assert patients["telephone"].str.fullmatch(r"0\d( \d\d){4}").all()


def test_etablissements_are_finess_like_and_cover_every_departement(dataset):
    hospitals = dataset[2]["etablissements"]
    assert hospitals["finess"].is_unique and hospitals["finess"].str.fullmatch(r"(\d\d|2A|2B)\d{7}").all()
    assert set(hospitals["categorie"]) == {"CHU", "CH", "clinique privée", "ESPIC", "CLCC"}
    assert set(hospitals["departement"]) == set(departements()["code"])
    with_emergency = hospitals[hospitals["urgences"]]
    assert set(with_emergency["departement"]) == set(departements()["code"])
    assert hospitals.loc[hospitals["categorie"].isin(["CHU", "CH"]), "ght"].notna().all()
    assert hospitals.loc[~hospitals["categorie"].isin(["CHU", "CH"]), "ght"].isna().all()
    assert (hospitals["lits"] > 0).all()


def test_referential_integrity(dataset):
    t = dataset[2]
    patients = t["patients"].set_index("patient_id")
    stays = t["sejours"].join(patients[["date_naissance", "date_deces"]], on="patient_id")
    assert stays["sejour_id"].is_unique
    assert stays["patient_id"].isin(patients.index).all()
    assert stays["finess"].isin(t["etablissements"]["finess"]).all()
    assert (stays["date_entree"] >= stays["date_naissance"]).all()
    assert (stays["date_entree"] <= stays["date_sortie"]).all()
    assert ((stays["date_entree"] >= START) & (stays["date_sortie"] < END)).all()
    assert (stays["duree_sejour"] == (stays["date_sortie"] - stays["date_entree"]).dt.days).all()
    died = stays["date_deces"].notna()
    assert (stays.loc[died, "date_sortie"] <= stays.loc[died, "date_deces"]).all()
    in_hospital_deaths = stays[stays["mode_sortie"] == "9"]
    assert (in_hospital_deaths["date_sortie"] == in_hospital_deaths["date_deces"]).all()
    assert (
        stays.loc[died & (stays["mode_sortie"] != "9"), "date_sortie"]
        < stays.loc[died & (stays["mode_sortie"] != "9"), "date_deces"]
    ).all()

    ordered = stays.sort_values(["patient_id", "date_entree", "date_sortie"])
    same_patient = ordered["patient_id"].eq(ordered["patient_id"].shift())
    assert not (same_patient & (ordered["date_entree"] <= ordered["date_sortie"].shift())).any(), "overlapping stays"

    for table in ("diagnostics", "actes"):
        assert t[table]["sejour_id"].isin(stays["sejour_id"]).all()
    acts = t["actes"].join(stays.set_index("sejour_id")[["date_entree", "date_sortie"]], on="sejour_id")
    assert acts["date_acte"].between(acts["date_entree"], acts["date_sortie"]).all()
    secondary = t["diagnostics"].join(stays.set_index("sejour_id")["diagnostic_principal"], on="sejour_id")
    assert (secondary["code_cim10"] != secondary["diagnostic_principal"]).all()
    assert not secondary.duplicated(["sejour_id", "code_cim10"]).any()

    visits = t["urgences"]
    assert visits["passage_id"].is_unique and visits["patient_id"].isin(patients.index).all()
    assert (visits["date_heure_sortie"] > visits["date_heure_arrivee"]).all()
    admitted = visits[visits["sejour_id"].notna()].join(
        stays.set_index("sejour_id")[["date_entree", "finess", "provenance"]], on="sejour_id", rsuffix="_sejour"
    )
    assert len(admitted) > 0 and admitted["date_entree"].notna().all()
    assert (admitted["date_heure_arrivee"].dt.normalize() == admitted["date_entree"]).all()
    assert (admitted["finess"] == admitted["finess_sejour"]).all()
    assert (admitted["provenance"] == "5").all() and (admitted["mode_sortie"] == "6").all()
    assert (stays["provenance"] == "5").sum() == len(admitted)


def test_each_delivery_brings_a_newborn_into_the_population(dataset):
    t = dataset[2]
    stays, patients = t["sejours"], t["patients"].set_index("patient_id")
    newborn = stays[stays["sejour_mere_id"].notna()]
    mother = stays.set_index("sejour_id").loc[newborn["sejour_mere_id"]]
    deliveries = stays[stays["ghm"].str.match(r"14(Z1[34]|C08)")]
    assert len(newborn) == len(deliveries) > 0 and newborn["patient_id"].is_unique
    assert newborn["ghm"].str.startswith("15").all() and (mother["ghm"].str[:2] == "14").all()
    assert (newborn["finess"].to_numpy() == mother["finess"].to_numpy()).all()
    assert (mother["patient_id"].map(patients["sexe"]) == "F").all()
    born = newborn["patient_id"].map(patients["date_naissance"]).to_numpy()
    assert ((born == newborn["date_entree"].to_numpy()) & (born >= mother["date_entree"].to_numpy())).all()
    assert (born <= mother["date_sortie"].to_numpy()).all()
    same_home = newborn["patient_id"].map(patients["code_commune"]).to_numpy()
    assert (same_home == mother["patient_id"].map(patients["code_commune"]).to_numpy()).all()


def test_the_records_of_newborns_are_opened_during_their_stays(dataset):
    """journaux_acces covers every patient hospitalised in its last four weeks, the children born in the
    period too: their birth stay in the maternity and their later stays."""
    t = dataset[2]
    logs, stays, patients = t["journaux_acces"], t["sejours"], t["patients"]
    window = logs["horodatage"].min().normalize()
    present = stays[stays["date_sortie"] >= window]
    newborns = set(stays.loc[stays["sejour_mere_id"].notna(), "patient_id"])
    opened = set(logs["patient_id"].dropna())
    assert opened <= set(patients["patient_id"])
    assert set(present["patient_id"]) <= opened
    births = present[present["sejour_mere_id"].notna()]
    assert len(births) > 10 and set(births["patient_id"]) <= opened
    assert (logs[logs["patient_id"].isin(newborns)]["service_patient"] == "maternite").any()


def test_stays_are_coded_as_the_pmsi_codes_them(dataset):
    """Validity of each code in the year of its stay: tests/test_nomenclatures.py."""
    t = dataset[2]
    stays = t["sejours"]
    seances = stays[stays["ghm"].str.startswith("28")]
    assert len(seances) and (seances["duree_sejour"] == 0).all()
    assert stays.loc[stays["diagnostic_principal"].str.startswith("O"), "ghm"].str.startswith("14").all()
    levels = stays["ghm"].str[5]
    assert (stays.loc[levels.isin(["2", "B"]), "duree_sejour"] >= 3).all()
    assert (stays.loc[levels.isin(["4", "D"]), "duree_sejour"] >= 5).all()
    for name in ("sejours", "urgences"):
        for column in TABLES[name].columns:
            if column.codes:
                assert set(t[name][column.name].dropna()) <= set(column.codes), (name, column.name)
    assert set(t["urgences"]["niveau_tri"]) <= {1, 2, 3, 4, 5}


def test_activity_is_in_plausible_proportions(dataset):
    t = dataset[2]
    person_years = 3 * len(t["patients"])
    stays = t["sejours"]
    hospitalisations = stays[~stays["ghm"].str.startswith("28")]
    assert 0.20 < len(hospitalisations) / person_years < 0.35  # France: about 0.27 a year
    assert 0.3 < (hospitalisations["duree_sejour"] == 0).mean() < 0.6  # ambulatory share
    visits = t["urgences"]
    assert 0.25 < len(visits) / person_years < 0.45  # about 0.33 a year
    assert 0.1 < visits["sejour_id"].notna().mean() < 0.3  # about 20 % admitted


@pytest.fixture(scope="module")
def reference_run(tmp_path_factory):
    """The plain serial run that every other way of running must reproduce."""
    return generate_dataset(Options(patients=120_000, seed=5), tmp_path_factory.mktemp("serial") / "ds")


@pytest.mark.parametrize("workers", [2, 3])
def test_local_workers_give_the_same_data(tmp_path, reference_run, workers):
    parallel = generate_dataset(Options(patients=120_000, seed=5), tmp_path / "ds", workers=workers)
    assert parallel["tables"] == reference_run["tables"]
    assert sorted(p.name for p in (tmp_path / "ds").iterdir()) == sorted(
        [entry["file"] for entry in parallel["tables"].values()] + ["dictionnaire.md", "manifest.json"]
    )  # the blocks the workers handed over are gone


def test_a_dask_cluster_gives_the_same_data(tmp_path, reference_run):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_cluster = generate_dataset(
            Options(patients=120_000, seed=5), tmp_path / "ds", scheduler=cluster.scheduler_address
        )
    assert on_cluster["tables"] == reference_run["tables"]


def test_another_seed_gives_other_data(tmp_path, reference_run):
    other = generate_dataset(Options(patients=120_000, seed=6), tmp_path / "ds")
    assert all(other["tables"][name]["sha256"] != reference_run["tables"][name]["sha256"] for name in TABLES)


def test_csv_has_the_same_content_and_readable_dates(tmp_path):
    parquet = generate_dataset(Options(patients=3_000, seed=2), tmp_path / "parquet")
    csv = generate_dataset(Options(patients=3_000, seed=2), tmp_path / "csv", file_format="csv")
    assert {n: e["sha256"] for n, e in csv["tables"].items()} == {n: e["sha256"] for n, e in parquet["tables"].items()}
    first_stay = (tmp_path / "csv" / "sejours.csv").read_text().splitlines()[1]
    assert re.search(r",\"?\d{4}-\d\d-\d\d\"?,\"?\d{4}-\d\d-\d\d\"?,", first_stay), first_stay
    from_csv = pd.read_csv(tmp_path / "csv" / "sejours.csv", dtype=str)
    assert len(from_csv) == csv["tables"]["sejours"]["rows"]


def test_committed_sample_is_reproduced_exactly(tmp_path):
    committed = json.loads((SAMPLE_DATASET / "manifest.json").read_text())
    regenerated = generate_dataset(Options(**committed["options"]), tmp_path / "sample")
    assert regenerated["tables"] == committed["tables"], (
        "the generator no longer reproduces datasets/sample: if the change is intended, "
        "regenerate it (see datasets/README.md) and refresh the notebook outputs with `make notebooks`"
    )


def test_interrupted_generation_leaves_nothing_behind(tmp_path, monkeypatch):
    real_block = runner.generate_block

    def fail_on_second_block(block, context):
        if block == 1:
            raise RuntimeError("interrupted")
        return real_block(block, context)

    monkeypatch.setattr(runner, "generate_block", fail_on_second_block)
    with pytest.raises(RuntimeError):
        generate_dataset(Options(patients=60_000), tmp_path / "ds")
    assert list(tmp_path.iterdir()) == []


def test_overwrite_replaces_a_dataset(tmp_path):
    generate_dataset(Options(patients=100, seed=1), tmp_path / "ds")
    manifest = generate_dataset(Options(patients=200, seed=1), tmp_path / "ds", overwrite=True)
    patients = pd.read_parquet(tmp_path / "ds" / "patients.parquet")
    assert len(patients) == manifest["tables"]["patients"]["rows"] and residents(patients) == 200
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


def test_cli_writes_a_dataset(tmp_path, cli):
    (tmp_path / "ds").mkdir()  # an existing empty folder is fine
    result = cli("generators", "--patients", "500", "--seed", "3", "--out", str(tmp_path / "ds"), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"wrote {tmp_path / 'ds'} in ") and "sejours" in result.stderr
    assert residents(pd.read_csv(tmp_path / "ds" / "patients.csv", parse_dates=["date_naissance"])) == 500
    quiet = cli("generators", "--patients", "500", "--out", str(tmp_path / "quiet"), "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == ""


@pytest.mark.parametrize(
    "args, says",
    [
        (["--patients", "-5"], "--patients: expected a number from 1 to 100,000,000, got -5"),
        (["--patients", "beaucoup"], "--patients: expected a whole number, got 'beaucoup'"),
        (["--years", "0"], "--years: expected a number from 1 to 20, got 0"),
        (["--format", "xlsx"], "argument --format: invalid choice: 'xlsx'"),
        (["--workers", "0"], "--workers: expected a number from 1 to 256, got 0"),
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "--workers and --scheduler exclude each other"),
        (
            ["--patients", "100", "--scheduler", "tcp://127.0.0.1:9"],
            "cannot reach the dask scheduler at tcp://127.0.0.1:9",
        ),
    ],
)
def test_cli_bad_input_one_line_exit_2(tmp_path, cli, args, says):
    result = cli("generators", *args, "--out", str(tmp_path / "ds"))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and says in result.stderr, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_an_unwritable_or_occupied_out(tmp_path, cli):
    (tmp_path / "file").write_text("x")
    result = cli("generators", "--patients", "100", "--out", str(tmp_path / "file" / "ds"))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and "cannot write" in result.stderr

    generate_dataset(Options(patients=100, seed=1), tmp_path / "ds")
    before = (tmp_path / "ds" / "manifest.json").read_text()
    result = cli("generators", "--patients", "300", "--out", str(tmp_path / "ds"))
    assert result.returncode == 2 and "pass --overwrite" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert (tmp_path / "ds" / "manifest.json").read_text() == before


def test_cli_help_documents_the_options(cli):
    result = cli("generators", "--help")
    assert result.returncode == 0
    for option in (
        "--patients",
        "--seed",
        "--years",
        "--start-year",
        "--out",
        "--format",
        "--workers",
        "--scheduler",
        "--modules",
        "--overwrite",
        "--quiet",
    ):
        assert option in result.stdout


def test_reference_tables_are_consistent():
    deps = departements()
    assert len(deps) == 101 and deps["code"].is_unique
    assert (deps["population"] > 0).all()
    assert set(deps["region"]) == set(REGIONS)
    assert deps["latitude"].between(-21.5, 51.1).all() and deps["longitude"].between(-61.9, 55.9).all()
    assert abs(age_pyramid().weight.sum() - 1) < 1e-12
    assert ccam()["code"].is_unique and ghm()["ghm"].is_unique
    assert not cim10().duplicated(["code", "annee_debut"]).any()


def residents(patients: pd.DataFrame) -> int:
    """The population at the start of the default period (the others are born during it)."""
    return int((patients["date_naissance"] < "2022-01-01").sum())


def test_notebook_loader_finds_the_dataset_or_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_DATASET", str(SAMPLE_DATASET))
    assert len(load_table("patients")) == load_manifest()["tables"]["patients"]["rows"]
    with pytest.raises(KeyError, match="Table inconnue"):
        load_table("sejour")

    monkeypatch.delenv("KIT_DATASET")
    (tmp_path / "cours").mkdir()
    monkeypatch.chdir(tmp_path / "cours")
    with pytest.raises(DatasetNotFound, match="python -m generators"):
        load_table("patients")
    generate_dataset(Options(patients=50), tmp_path / "datasets" / "generated")
    assert residents(load_table("patients")) == 50  # found in a parent folder
