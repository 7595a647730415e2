"""Every code the generator emits is valid in ATIH's nomenclatures of the year of its stay, and the
coding hangs together as ATIH's grouping would have it (DP in the GHM's CMD, severity justified by
secondary diagnoses, surgical GHMs with an act).

The compact tables of generators/reference are checked against the source files of ../shared/reference
when they are there (a fresh clone has none: those tests then say so and skip).
"""

import gzip
import json

import numpy as np
import pandas as pd
import pytest

from generators import reference
from generators.activity import build_catalogue
from generators.clinical import load_clinical
from generators.generate import Options, generate_dataset
from generators.patients import Period
from generators.settings import REFERENCE_DIR, modules_dir
from tools.reference import nomenclatures, sources

SOURCE = sources.DEFAULT_SOURCE
needs_source = pytest.mark.skipif(
    not (SOURCE / "cim68.json.gz").exists(), reason=f"no source material in {SOURCE} (a fresh clone has none)"
)
START, YEARS = 2022, 3


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("nomenclatures") / "ds"
    generate_dataset(Options(patients=30_000, years=YEARS, start_year=START, seed=11), out)
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in ("sejours", "diagnostics", "actes")}


def stay_year(stays: pd.DataFrame) -> pd.Series:
    return stays["date_sortie"].dt.year.clip(*reference.nomenclature_years())


def test_every_code_is_valid_in_the_year_of_its_stay(tables):
    stays = tables["sejours"].assign(annee=stay_year(tables["sejours"]))
    secondary = tables["diagnostics"].merge(stays[["sejour_id", "annee"]], on="sejour_id")
    acts = tables["actes"]
    tariffs = reference.ghs_tariffs().set_index(["ghm", "annee"])["tarif_ghs"]
    for year, of_year in stays.groupby("annee"):
        assert of_year["diagnostic_principal"].isin(reference.cim10_codes(year, year, reference.DP_TYPES)).all()
        das = secondary.loc[secondary["annee"] == year, "code_cim10"]
        assert das.isin(reference.cim10_codes(year, year, reference.DAS_TYPES)).all(), set(das) - set(
            reference.cim10_codes(year, year, reference.DAS_TYPES)
        )
        assert of_year["ghm"].isin(reference.ghm_codes(year, year)).all()
        expected = tariffs.reindex(list(zip(of_year["ghm"], of_year["annee"]))).round().to_numpy()
        assert (of_year["tarif_ghs"].to_numpy() == expected).all()
    opened = reference.ccam().set_index("code")
    when = acts["date_acte"].dt.strftime("%Y-%m-%d")
    assert (opened.loc[acts["code_ccam"], "date_debut"].to_numpy() <= when.to_numpy()).all()
    closing = opened.loc[acts["code_ccam"], "date_fin"].to_numpy()
    assert all(pd.isna(end) or end >= day for end, day in zip(closing, when))


def test_coding_hangs_together_as_the_grouping_would_have_it(tables):
    stays, secondary, acts = tables["sejours"], tables["diagnostics"], tables["actes"]
    hospital = stays[~stays["ghm"].str.startswith("28")]
    cmd = hospital["diagnostic_principal"].map(reference.cmd_of_diagnosis)
    assert (cmd.isna() | (cmd == hospital["ghm"].str[:2])).all()
    # A surgical or interventional GHM has an act.
    operated = hospital[hospital["ghm"].str[2].isin(["C", "K"])]
    assert operated["sejour_id"].isin(acts["sejour_id"]).all()
    # Levels 2 to 4 come with a secondary diagnosis of that severity or more.
    worst = (
        secondary.assign(niveau=reference.severity_of(secondary["code_cim10"].to_numpy()))
        .groupby("sejour_id")["niveau"]
        .max()
    )
    numeric = hospital[hospital["ghm"].str[5].isin(["2", "3", "4"])]
    assert len(numeric) and (worst.reindex(numeric["sejour_id"]).to_numpy() >= numeric["ghm"].str[5].astype(int)).all()
    # No father code anywhere.
    assert not stays["diagnostic_principal"].isin(reference.cim10().query("type_mco == '3'")["code"]).any()


@pytest.mark.parametrize("start_year", [2022, 2024])
def test_the_catalogue_emits_only_codes_valid_every_year_of_the_period(start_year):
    """Every code the run could emit, not only those a sample happens to draw."""
    period = Period(start_year, YEARS)
    cat = build_catalogue(load_clinical(modules_dir()), period)
    cim10, ghm = cat.cim10.to_numpy(zero_copy_only=False), cat.ghm.to_numpy(zero_copy_only=False)
    first_nomenclature = reference.nomenclature_years()[0]
    for year in range(start_year, start_year + YEARS):
        dp = reference.cim10_codes(year, year, reference.DP_TYPES)
        das = reference.cim10_codes(year, year, reference.DAS_TYPES)
        assert set(cim10[np.concatenate(cat.diagnoses)]) <= dp
        assert set(cim10[cat.chronic_code]) <= das and set(reference.complications()["code"]) <= das
        assert set(cim10[np.concatenate(cat.seance_associated)]) <= das
        common = cim10[cat.common_code]  # coded beside any stay: never a change of severity, hence of GHM
        assert set(common) <= das and (reference.severity_of(common) == 1).all()
        assert set(ghm[cat.ghm_of.ravel()]) <= reference.ghm_codes(year, year)
        newborn = {root + suffix for root, suffixes in cat.newborn_levels.items() for suffix in suffixes}
        assert newborn <= reference.ghm_codes(year, year)
        assert (cat.tariff[:, reference.nomenclature_year(year) - first_nomenclature] > 0).all()
    acts = set(cat.ccam.to_numpy(zero_copy_only=False)[cat.acts[cat.acts >= 0]]) | set(reference.routine_acts()["code"])
    assert acts <= reference.ccam_codes(str(period.start), str(period.end - 1))


def test_a_period_after_the_last_nomenclature_uses_the_last_one(tmp_path):
    last = reference.nomenclature_years()[1]
    generate_dataset(Options(patients=2_000, years=2, start_year=last, seed=3), tmp_path / "ds")
    stays = pd.read_parquet(tmp_path / "ds" / "sejours.parquet")
    assert stays["date_sortie"].dt.year.max() == last + 1
    assert stays["ghm"].isin(reference.ghm_codes(last, last)).all()


@needs_source
def test_the_compact_tables_are_rebuilt_identical_from_the_sources(tmp_path):
    for built in nomenclatures.build(SOURCE, tmp_path):
        assert built.read_bytes() == (REFERENCE_DIR / built.name).read_bytes(), built.name


@needs_source
def test_the_kit_codes_are_valid_in_atih_files_themselves():
    """An independent check of the build: ATIH's own file of the CIM-10 FR in force."""
    with gzip.open(SOURCE / "cim68.json.gz", "rt", encoding="utf-8") as file:
        atih = pd.DataFrame(json.load(file)).set_index("code")["tr"]
    cat = build_catalogue(load_clinical(modules_dir()), Period(START, YEARS))
    undotted = lambda codes: [c.replace(".", "") for c in codes]  # noqa: E731
    cim10 = cat.cim10.to_numpy(zero_copy_only=False)
    assert (atih.reindex(undotted(cim10[np.concatenate(cat.diagnoses)])) == "0").all()
    assert atih.reindex(undotted(cim10[cat.chronic_code])).isin(["0", "1", "4"]).all()
