"""--defects RATE: every defect the truth file lists is really in the data, and the data are clean by default."""

import json

import pandas as pd
import pytest

from generators.defects import CODE, DATE, DUPLICATE, MISSING
from generators.generate import Options, generate_dataset
from generators.reference import ccam, cim10, ghm

RATE = 0.05


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    folder = tmp_path_factory.mktemp("defects")
    manifest = generate_dataset(
        Options(patients=20_000, seed=3, defects=RATE), folder / "ds", truth_file=folder / "verite.json"
    )
    tables = {
        name: pd.read_parquet(folder / "ds" / f"{name}.parquet")
        for name in ("patients", "sejours", "diagnostics", "actes", "urgences")
    }
    return manifest, tables, pd.DataFrame(json.loads((folder / "verite.json").read_text())["defauts"]["liste"])


ID = {
    "patients": "patient_id",
    "sejours": "sejour_id",
    "diagnostics": "sejour_id",
    "actes": "sejour_id",
    "urgences": "passage_id",
}
VALID_CODES = {
    "sexe": {"F", "M"},
    "diagnostic_principal": set(cim10()["code"]),
    "code_cim10": set(cim10()["code"]),
    "code_ccam": set(ccam()["code"]),
    "ghm": set(ghm()["ghm"]),
}


def test_every_logged_defect_is_in_the_data(damaged):
    manifest, tables, log = damaged
    assert manifest["options"]["defects"] == RATE
    assert set(log["defaut"]) == {MISSING, DUPLICATE, CODE, DATE}
    for (table, kind, column), entries in log.groupby(["table", "defaut", "colonne"]):
        rows = tables[table][tables[table][ID[table]].isin(entries["id"])]
        if kind == MISSING:
            assert rows[column].isna().sum() >= len(entries), (table, column)
        elif kind == DUPLICATE:
            assert tables[table].duplicated().sum() >= len(entries), table
        elif kind == CODE:
            assert (~rows[column].isin(VALID_CODES[column]) & rows[column].notna()).sum() >= len(entries), column
        else:
            assert impossible_dates(rows, column).sum() >= len(entries), column


def impossible_dates(rows: pd.DataFrame, column: str) -> pd.Series:
    if column == "date_naissance":
        return rows["date_naissance"] > pd.Timestamp("2030-01-01")
    if column == "date_sortie":
        return rows["date_sortie"] < rows["date_entree"]
    return rows["date_heure_sortie"] < rows["date_heure_arrivee"]


def test_defects_come_at_about_the_rate_asked(damaged):
    _, tables, log = damaged
    rows = sum(len(t) for t in tables.values())
    assert 0.7 * RATE < len(log) / rows < 1.3 * RATE


def test_data_are_clean_by_default(tmp_path):
    manifest = generate_dataset(Options(patients=5_000, seed=3), tmp_path / "ds", truth_file=tmp_path / "verite.json")
    assert manifest["options"]["defects"] == 0
    assert json.loads((tmp_path / "verite.json").read_text())["defauts"]["liste"] == []
    stays = pd.read_parquet(tmp_path / "ds" / "sejours.parquet")
    assert stays["diagnostic_principal"].notna().all() and not stays.duplicated().any()


@pytest.mark.parametrize(
    "rate, says",
    [
        ("0.9", "expected a share from 0 to 0.5, got 0.9"),
        ("beaucoup", "expected a number such as 0.02, got 'beaucoup'"),
    ],
)
def test_cli_rejects_a_bad_rate(tmp_path, cli, rate, says):
    result = cli("generators", "--defects", rate, "--out", str(tmp_path / "ds"))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and says in result.stderr
