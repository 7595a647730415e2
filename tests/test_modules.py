"""Pathway modules: the required pathways are there, and a faulty file is named with its field."""

import re
import shutil

import pandas as pd
import pytest
import yaml

from generators import settings
from generators.clinical import load_clinical
from generators.generate import Options, generate_dataset
from generators.modules import ModuleError, load_modules

KIT_MODULES = settings.PACKAGE_DIR / "modules"

REQUIRED_MOTIFS = {
    "diabete_type_2": {"diabete_desequilibre"},
    "insuffisance_cardiaque": {"insuffisance_cardiaque"},
    "bpco": {"bpco"},
    "cancers": {"cancer_sein", "cancer_colon", "cancer_poumon"},
    "avc": {"avc"},
    "sante_mentale": {"episode_depressif", "intoxication_alcoolique"},
    "maternite": {"accouchement_voie_basse", "cesarienne"},
    "ophtalmologie_orl": {"cataracte"},
    "chirurgie_orthopedique": {"arthroscopie_genou", "prothese_hanche"},
    "neurologie": {"canal_carpien"},
    "traumatologie_sujet_age": {"fracture_col_femur"},
    "infections_respiratoires": {"pneumonie", "bronchiolite", "grippe"},
}


def test_the_required_pathways_are_modules():
    catalogue = load_modules(KIT_MODULES)
    for module, motifs in REQUIRED_MOTIFS.items():
        assert motifs <= set(catalogue.motifs.loc[catalogue.motifs["module"] == module, "motif"]), module
    assert set(catalogue.seances["seance"]) == {"hemodialyse", "chimiotherapie", "radiotherapie", "transfusion"}
    assert {"E11.98", "I50.9", "J44.9"} <= set(catalogue.chronic["code"])
    seasonal = catalogue.motifs.set_index("motif")["amplitude_hivernale"]
    assert seasonal[["pneumonie", "bronchiolite", "grippe"]].min() > 0.4


@pytest.fixture
def module_copy(tmp_path):
    """A copy of the kit's modules, to spoil."""
    folder = tmp_path / "modules"
    shutil.copytree(KIT_MODULES, folder)
    return folder


def spoil(folder, name, edit):
    path = folder / f"{name}.yml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name, edit, says",
    [
        (
            "bpco",
            lambda m: m["sejours"][0].update(duree_moyene=8),
            "sejours[0].duree_moyene: unknown field; expected one of motif",
        ),
        (
            "bpco",
            lambda m: m["sejours"][0].update(ghm="99Z99"),
            "sejours[0].ghm: expected a GHM root of reference/ghm.csv.gz",
        ),
        (
            "bpco",
            lambda m: m["sejours"][0].update(diagnostics=["J44.1", "XYZ"]),
            "sejours[0].diagnostics: expected a list of CIM-10 FR categories",
        ),
        (
            "bpco",
            lambda m: m["sejours"][0].update(diagnostics=["J44.1", "E11.9"]),
            "E11.9 is a father code (ATIH type 3), never coded itself: use one of its children (E11.90, E11.98)",
        ),
        (
            "bpco",
            lambda m: m["maladies_chroniques"][0].update(code="E66.9"),
            "maladies_chroniques[0].code: expected a CIM-10 FR code allowed as secondary diagnosis",
        ),
        (
            "bpco",
            lambda m: m["sejours"][0].update(diagnostics=["J44.1", "I10"]),
            "I10 leads to CMD 05, not to the CMD 04 of GHM root 04M08",
        ),
        (
            "bpco",
            lambda m: m["sejours"][0]["taux_pour_1000"].update({"80+": -1}),
            "sejours[0].taux_pour_1000: expected stays per 1 000 person-years",
        ),
        ("bpco", lambda m: m["sejours"][0]["taux_pour_1000"].pop("0-1"), "taux_pour_1000: expected stays per 1 000"),
        (
            "bpco",
            lambda m: m["sejours"][0].pop("ambulatoire"),
            "sejours[0].ambulatoire: expected the share of stays without a night, from 0 to 1 (this field is required)",
        ),
        ("bpco", lambda m: m["maladies_chroniques"][0].update(surmortalite=50), "maladies_chroniques[0].surmortalite"),
        ("bpco", lambda m: m.update(module="copd"), "module: expected 'bpco', the file's name"),
        ("cancers", lambda m: m["seances"][0].pop("nombre_seances"), "seances[0].nombre_seances"),
        ("avc", lambda m: m["sejours"][0].update(motif="bpco"), "'bpco' is already declared in"),
    ],
)
def test_a_faulty_module_is_named_with_its_field(module_copy, name, edit, says):
    path = spoil(module_copy, name, edit)
    with pytest.raises(ModuleError) as error:
        load_modules(module_copy)
    message = str(error.value)
    assert says in message and (str(path) in message or str(module_copy) in message), message


def test_invalid_yaml_says_where(module_copy):
    (module_copy / "bpco.yml").write_text("module: bpco\nsejours: [\n", encoding="utf-8")
    with pytest.raises(ModuleError, match=r"bpco.yml: not valid YAML \(line \d+\)"):
        load_modules(module_copy)


def test_a_missing_or_empty_folder_is_named(tmp_path):
    with pytest.raises(ModuleError, match=re.escape(f"{tmp_path / 'absent'}: no such folder")):
        load_modules(tmp_path / "absent")
    with pytest.raises(ModuleError, match=re.escape(f"{tmp_path}: no module")):
        load_modules(tmp_path)


def test_the_folder_is_read_when_asked_not_at_import(tmp_path, monkeypatch):
    monkeypatch.setenv(settings.MODULES_ENV, str(tmp_path / "absent"))
    with pytest.raises(ModuleError, match="absent: no such folder"):
        load_clinical()
    monkeypatch.delenv(settings.MODULES_ENV)
    assert load_clinical().modules.folder == KIT_MODULES


def test_workers_follow_the_instructors_modules(tmp_path, module_copy):
    """The configuration travels with the run: local worker processes use the edited modules, not the kit's."""
    spoil(module_copy, "bpco", lambda m: m["sejours"][0]["taux_pour_1000"].update({"80+": 900}))
    edited = load_clinical(module_copy)
    options = Options(patients=3_000, seed=4)
    serial = generate_dataset(options, tmp_path / "serial", clinical=edited)
    parallel = generate_dataset(options, tmp_path / "parallel", clinical=edited, workers=2)
    kit = generate_dataset(options, tmp_path / "kit")
    assert parallel["tables"] == serial["tables"]
    assert serial["tables"]["sejours"]["rows"] > kit["tables"]["sejours"]["rows"]
    # The residents do not depend on the modules (the children born in the period do: deliveries).
    residents = [pd.read_parquet(path / "patients.parquet") for path in (tmp_path / "serial", tmp_path / "kit")]
    residents = [r[r["date_naissance"] < "2022-01-01"].reset_index(drop=True) for r in residents]
    pd.testing.assert_frame_equal(*residents)


@pytest.mark.parametrize("how", ["environment", "option"])
def test_cli_stops_on_a_faulty_module_before_any_work(tmp_path, cli, monkeypatch, module_copy, how):
    spoil(module_copy, "avc", lambda m: m["sejours"][0].update(ambulatoire=1.5))
    if how == "environment":
        monkeypatch.setenv(settings.MODULES_ENV, str(module_copy))
        result = cli("generators", "--patients", "100", "--out", str(tmp_path / "ds"))
    else:
        result = cli("generators", "--patients", "100", "--out", str(tmp_path / "ds"), "--modules", str(module_copy))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert (
        "avc.yml: sejours[0].ambulatoire: expected the share of stays without a night, from 0 to 1, got 1.5"
        in result.stderr
    )
    assert not (tmp_path / "ds").exists()


def test_cli_names_a_missing_modules_folder(tmp_path, cli):
    result = cli("generators", "--patients", "100", "--out", str(tmp_path / "ds"), "--modules", str(tmp_path / "nope"))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert f"{tmp_path / 'nope'}: no such folder" in result.stderr
    assert not (tmp_path / "ds").exists()


def test_a_code_not_valid_in_the_period_stops_the_run_before_any_work(tmp_path):
    # The kit's modules use ATIH's 2022 classification (deliveries 14Z13/14Z14, CCAM BFGA427 since 2019...).
    with pytest.raises(
        ModuleError, match=r"\.yml: .+ in 2018-2020 \(ATIH's nomenclatures\); choose another --start-year"
    ):
        generate_dataset(Options(patients=100, years=3, start_year=2018), tmp_path / "ds")
    assert not (tmp_path / "ds").exists()
