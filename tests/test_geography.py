"""Real places: communes drawn by population, the hospital landscape, FINESS numbers, routing by line of care."""

import re

import numpy as np
import pandas as pd
import pytest

from generators.etablissements import (
    CATEGORIES,
    CATEGORY_SHARES,
    CLINIC_NAMES,
    ESPIC_NAMES,
    LINES,
    build_etablissements,
    finess_prefix,
)
from generators.generate import Options, generate_dataset
from generators.geography import COMMUNES_FILE, VILLES_FILE, city_of, commune_pool, communes, de, villes_hospitalieres
from generators.reference import departements
from generators.settings import REFERENCE_DIR
from tools.reference import geography as build_geography
from tools.reference.sources import DEFAULT_SOURCE

PATIENTS = 20_000


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("geo") / "ds"
    generate_dataset(Options(patients=PATIENTS, seed=8), out, tables=("patients", "etablissements"))
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in ("patients", "etablissements")}


@pytest.fixture(scope="module")
def landscapes():
    """The établissements of a sample-sized, a default-sized and a large simulated population."""
    return {n: build_etablissements(n, seed=3).table.to_pandas() for n in (2_000, 100_000, 20_000_000)}


def cities(*categories: str) -> set[str]:
    table = villes_hospitalieres()
    return set(table.loc[table["categorie"].isin(categories), "code_commune"])


def test_patients_live_in_real_communes(dataset):
    patients = dataset["patients"]
    table = communes()
    known = set(zip(table["code_commune"], table["code_postal"], table["nom"], table["departement"]))
    rows = set(zip(patients["code_commune"], patients["code_postal"], patients["commune"], patients["departement"]))
    assert rows <= known
    assert patients["code_commune"].nunique() > PATIENTS / 4  # many communes, not a few per département


def test_communes_are_drawn_in_proportion_to_population():
    table = communes()
    pool = commune_pool()
    rng = np.random.default_rng(0)
    for departement, prefix in (("75", "751"), ("13", "132"), ("69", "6938")):
        dep = int(np.flatnonzero(departements()["code"] == departement)[0])
        drawn = table["code_commune"].to_numpy()[pool.by_departement.draw(np.full(200_000, dep), rng)]
        own = table[table["departement"] == departement]
        expected = own.loc[own["code_commune"].str.startswith(prefix), "population"].sum() / own["population"].sum()
        assert np.char.startswith(drawn.astype(str), prefix).mean() == pytest.approx(expected, abs=0.006)
        assert set(drawn) <= set(own["code_commune"])
    paris = table[table["departement"] == "75"].set_index("code_commune")["population"]
    dep = int(np.flatnonzero(departements()["code"] == "75")[0])
    drawn = table["code_commune"].to_numpy()[pool.by_departement.draw(np.full(200_000, dep), rng)]
    shares = pd.Series(drawn).value_counts(normalize=True)
    assert np.allclose(shares[paris.index], paris / paris.sum(), atol=0.005)  # each arrondissement


def test_committed_tables_are_consistent():
    table = communes()
    assert len(table) > 34_000 and table["code_commune"].is_unique
    assert set(table["departement"]) == set(departements()["code"])
    assert table["code_postal"].str.fullmatch(r"\d{5}").all()
    assert table["code_geo_pmsi"].str.fullmatch(r"[0-9][0-9A-F][0-9C]\d\d").all()
    assert (table["population"] >= 0).all() and 60e6 < table["population"].sum() < 70e6
    names = dict(zip(table["code_commune"], table["nom"]))
    assert names["42218"] == "Saint-Étienne" and names["85194"] == "Les Sables-d'Olonne"
    assert names["24442"] == "Saint-Léon-sur-l'Isle" and names["94038"] == "L'Haÿ-les-Roses"
    assert names["75113"] == "Paris 13e arrondissement" and city_of(names["75113"]) == "Paris"
    chef_lieux = set(departements()["chef_lieu"])
    assert chef_lieux <= {city_of(n) for n in table["nom"]}  # accented as in departements.csv
    assert set(villes_hospitalieres()["code_commune"]) <= set(table["code_commune"])
    assert len(cities("CLCC")) == 19  # the 18 Unicancer centres, ICO on two sites


def test_de_follows_french_grammar():
    assert (
        de("Orléans") == "d'Orléans" and de("Arras") == "d'Arras" and de("Évry-Courcouronnes") == "d'Évry-Courcouronnes"
    )
    assert de("Le Mans") == "du Mans" and de("Les Sables-d'Olonne") == "des Sables-d'Olonne"
    assert de("La Rochelle") == "de La Rochelle" and de("Dijon") == "de Dijon"


def test_chu_and_clcc_are_in_their_real_cities(landscapes):
    for patients, hospitals in landscapes.items():
        chu = hospitals[hospitals["categorie"] == "CHU"]
        assert set(chu["code_commune"]) == cities("CHU", "CHR"), patients  # only there, and each has one
        assert set(hospitals.loc[hospitals["categorie"] == "CLCC", "code_commune"]) == cities("CLCC")
        assert set(hospitals["categorie"]) == set(CATEGORIES)
        for name in ("CHU de Dijon", "CHU de Tours", "CHU de Brest", "CHR d'Orléans", "CHU de Caen"):
            assert name in set(chu["nom"])
        assert not chu["departement"].isin(["83", "71", "62", "2B"]).any()  # Toulon, Mâcon, Arras, Bastia
        public = hospitals[hospitals["categorie"].isin(["CHU", "CH"]) & hospitals["urgences"]]
        assert set(public["departement"]) == set(departements()["code"])


def test_finess_numbers_are_real_format(landscapes):
    for hospitals in landscapes.values():
        assert hospitals["finess"].is_unique
        assert hospitals["finess"].str.fullmatch(r"(\d\d|2A|2B)\d{7}").all()
        prefix = hospitals["departement"].map(finess_prefix)
        assert all(f.startswith(p) for f, p in zip(hospitals["finess"], prefix))
        assert set(prefix[hospitals["departement"].str.len() == 3]) <= {"9701", "9702", "9703", "9704", "9706"}
        assert all(_luhn_valid(f) for f in hospitals["finess"])


def _luhn_valid(number: str) -> bool:
    digits = [int(c) if c.isdigit() else ord(c) - ord("A") + 1 for c in number]
    total = sum(d if i % 2 == 0 else (2 * d - 9 if 2 * d > 9 else 2 * d) for i, d in enumerate(reversed(digits)))
    return total % 10 == 0


def test_names_are_grammatical_and_never_invented_surnames(landscapes):
    towns = {city_of(n) for n in communes()["nom"]} | set(villes_hospitalieres()["ville"])
    fixed = set(CLINIC_NAMES) | set(ESPIC_NAMES) | set(villes_hospitalieres()["nom"])
    pattern = re.compile(
        r"(CHU|CHR|Centre hospitalier intercommunal|Centre hospitalier|Hôpital privé|Hôpital|Polyclinique|Clinique|"
        r"Groupe hospitalier mutualiste|Centre médico-chirurgical|Institut de cancérologie) (.+?)( – site \d+)?"
    )
    for hospitals in landscapes.values():
        assert not hospitals.duplicated(["departement", "nom"]).any()
        for name in hospitals["nom"]:
            assert not re.search(r"\bde ([AEIOUYÉÈÎ]|Le |Les )", name), name
            if name in fixed:
                continue
            match = pattern.fullmatch(name)
            assert match and any(match[2] == de(t) for t in _town_candidates(match[2], towns)), name


def _town_candidates(place: str, towns: set[str]) -> list[str]:
    """The towns `de(town)` might have written as `place` (d'X, du X, des X, de X)."""
    stripped = re.sub(r"^(d'|de |du |des )", "", place)
    return [t for t in (stripped, "Le " + stripped, "Les " + stripped) if t in towns]


def test_etablissements_follow_population(landscapes):
    population = departements().set_index("code")["population"]
    for patients, hospitals in landscapes.items():
        per_departement = hospitals["departement"].value_counts().reindex(population.index)
        assert np.corrcoef(per_departement, population)[0, 1] > 0.9, patients
    large = landscapes[20_000_000]
    assert len(large) == pytest.approx(20_000_000 / 40_000, rel=0.15)
    assert len(landscapes[2_000]) < 500


def test_choose_gives_the_published_shares_by_line():
    hospitals = build_etablissements(100_000, seed=3)
    deps = departements()
    rng = np.random.default_rng(1)
    count = 300_000
    dep = rng.choice(len(deps), count, p=deps["population"] / deps["population"].sum())
    usual = hospitals.usual(dep, rng)
    assert (hospitals.departement[usual] == dep).all() and (hospitals.category[usual] != CATEGORIES.index("CLCC")).all()
    shares = {}
    for index, line in enumerate(LINES):
        chosen = hospitals.choose(dep, np.full(count, index), usual, rng)
        shares[line] = np.bincount(hospitals.category[chosen], minlength=len(CATEGORIES)) / count
        assert np.allclose(shares[line], CATEGORY_SHARES[line], atol=0.006), line
        region = hospitals.region_of_departement
        assert (hospitals.departement[chosen] == dep).mean() > 0.65, line
        assert (region[hospitals.departement[chosen]] != region[dep]).mean() < 0.08, line
    # Planned stays lean private for medicine and surgery; with emergency admissions (mostly public)
    # the national shares come out: tests/test_calibration.py checks them on generated data.
    clinic = CATEGORIES.index("clinique privée")
    assert shares["chirurgie_ambulatoire"][clinic] > shares["chirurgie"][clinic] > shares["medecine"][clinic]
    assert shares["obstetrique"][clinic] == pytest.approx(0.25, abs=0.02)
    assert shares["seances_chimio"][CATEGORIES.index("CLCC")] > 0.1


@pytest.mark.skipif(
    not DEFAULT_SOURCE.exists(), reason=f"no source material in {DEFAULT_SOURCE} (a fresh clone has no ../shared)"
)
def test_build_rebuilds_the_committed_tables_byte_for_byte(tmp_path):
    written = build_geography.build(DEFAULT_SOURCE, target=tmp_path)
    assert [p.name for p in written] == [COMMUNES_FILE]
    for path in written:
        assert path.read_bytes() == (REFERENCE_DIR / path.name).read_bytes(), (
            f"{path.name}: run python -m tools.reference"
        )
    assert (REFERENCE_DIR / VILLES_FILE).exists()
