import json
import re

import pandas as pd
import pytest

from generators import patients as patients_module
from generators.dataset import DatasetNotFound, load_manifest, load_table
from generators.generate import Options, generate_dataset
from generators.reference import REGIONS, age_pyramid, departements
from tests.conftest import SAMPLE_DATASET

PATIENT_COLUMNS = ["patient_id", "sexe", "date_naissance", "code_postal", "commune", "departement",
                   "region", "date_deces", "nom", "prenom", "adresse", "telephone"]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("data") / "ds"
    manifest = generate_dataset(Options(patients=60_000, seed=11), out)   # two blocks
    return out, manifest, pd.read_parquet(out / "patients.parquet")


def test_writes_patients_manifest_and_dictionary(dataset):
    out, manifest, patients = dataset
    assert sorted(p.name for p in out.iterdir()) == ["dictionnaire.md", "manifest.json", "patients.parquet"]
    assert list(patients.columns) == PATIENT_COLUMNS
    assert manifest == json.loads((out / "manifest.json").read_text())
    assert manifest["seed"] == 11
    assert manifest["options"] == {"patients": 60_000, "seed": 11, "years": 3, "start_year": 2022}
    assert manifest["tables"]["patients"]["rows"] == len(patients) == 60_000
    assert re.fullmatch(r"[0-9a-f]{64}", manifest["tables"]["patients"]["sha256"])
    dictionary = (out / "dictionnaire.md").read_text()
    assert all(f"`{column}`" in dictionary for column in PATIENT_COLUMNS)


def test_patients_look_like_a_french_population(dataset):
    _, _, patients = dataset
    assert patients["patient_id"].is_unique
    assert patients["patient_id"].str.fullmatch(r"[0-9A-F]{16}").all()      # never a 15-digit NIR
    assert set(patients["sexe"]) == {"F", "M"}
    assert 0.50 < (patients["sexe"] == "F").mean() < 0.53
    assert set(patients["departement"]) <= set(departements()["code"])
    assert set(patients["region"]) <= set(REGIONS)
    assert 0.17 < (patients["region"] == "Île-de-France").mean() < 0.20      # 18 % of residents
    assert (patients["code_postal"].str.len() == 5).all()
    metropolitan = patients[~patients["departement"].isin(["2A", "2B"]) & (patients["departement"].str.len() == 2)]
    assert (metropolitan["code_postal"].str[:2] == metropolitan["departement"]).all()
    start, end = pd.Timestamp("2022-01-01"), pd.Timestamp("2025-01-01")
    age = (start - patients["date_naissance"]).dt.days / 365.25
    assert age.min() >= 0 and age.max() < 106 and 40 < age.mean() < 45
    deaths = patients["date_deces"].dropna()
    assert 0.015 < len(deaths) / len(patients) < 0.04                       # about 0.9 % a year
    assert ((deaths >= start) & (deaths < end)).all()
    assert patients["telephone"].str.fullmatch(r"0\d( \d\d){4}").all()


def test_same_seed_same_data_other_seed_other_data(tmp_path, dataset):
    _, manifest, _ = dataset
    again = generate_dataset(Options(patients=60_000, seed=11), tmp_path / "again")
    other = generate_dataset(Options(patients=60_000, seed=12), tmp_path / "other")
    assert again["tables"] == manifest["tables"]
    assert other["tables"]["patients"]["sha256"] != manifest["tables"]["patients"]["sha256"]


def test_committed_sample_is_reproduced_exactly(tmp_path):
    committed = json.loads((SAMPLE_DATASET / "manifest.json").read_text())
    regenerated = generate_dataset(Options(**committed["options"]), tmp_path / "sample")
    assert regenerated["tables"] == committed["tables"], (
        "the generator no longer reproduces datasets/sample: if the change is intended, "
        "regenerate it (see datasets/README.md) and refresh the notebook outputs with `make notebooks`")


def test_interrupted_generation_leaves_nothing_behind(tmp_path, monkeypatch):
    def fail_on_second_block(block, *args):
        if block == 1:
            raise RuntimeError("interrupted")
        return real_block(block, *args)

    real_block = patients_module.patients_block
    monkeypatch.setattr("generators.generate.patients_block", fail_on_second_block)
    with pytest.raises(RuntimeError):
        generate_dataset(Options(patients=60_000), tmp_path / "ds")
    assert list(tmp_path.iterdir()) == []


def test_overwrite_replaces_a_dataset(tmp_path):
    generate_dataset(Options(patients=100, seed=1), tmp_path / "ds")
    manifest = generate_dataset(Options(patients=200, seed=1), tmp_path / "ds", overwrite=True)
    assert load_table_rows(tmp_path / "ds") == 200 == manifest["tables"]["patients"]["rows"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


def load_table_rows(folder):
    return len(pd.read_parquet(folder / "patients.parquet"))


def test_cli_writes_a_dataset(tmp_path, cli):
    result = cli("generators", "--patients", "500", "--seed", "3", "--out", str(tmp_path / "ds"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert json.loads((tmp_path / "ds" / "manifest.json").read_text())["tables"]["patients"]["rows"] == 500


@pytest.mark.parametrize("args, says", [
    (["--patients", "-5"], "--patients: expected a number from 1 to 100,000,000, got -5"),
    (["--patients", "beaucoup"], "--patients: expected a whole number, got 'beaucoup'"),
    (["--years", "0"], "--years: expected a number from 1 to 20, got 0"),
    (["--format", "xlsx"], "unrecognized arguments: --format xlsx"),
])
def test_cli_bad_input_one_line_exit_2(tmp_path, cli, args, says):
    result = cli("generators", *args, "--out", str(tmp_path / "ds"))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and says in result.stderr
    assert not (tmp_path / "ds").exists()


def test_cli_refuses_to_replace_a_dataset_without_overwrite(tmp_path, cli):
    generate_dataset(Options(patients=100, seed=1), tmp_path / "ds")
    before = (tmp_path / "ds" / "manifest.json").read_text()
    result = cli("generators", "--patients", "300", "--out", str(tmp_path / "ds"))
    assert result.returncode == 2 and "pass --overwrite" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert (tmp_path / "ds" / "manifest.json").read_text() == before


def test_cli_help_documents_the_options(cli):
    result = cli("generators", "--help")
    assert result.returncode == 0
    for option in ("--patients", "--seed", "--years", "--start-year", "--out", "--overwrite", "--quiet"):
        assert option in result.stdout


def test_reference_tables_are_consistent():
    deps = departements()
    assert len(deps) == 101 and deps["code"].is_unique
    assert (deps["population"] > 0).all()
    assert set(deps["region"]) == set(REGIONS)
    assert abs(age_pyramid().weight.sum() - 1) < 1e-12


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
    assert len(load_table("patients")) == 50           # found in a parent folder
