"""The hidden signals are real, learnable but not trivial, and their truth stays with the instructor."""

import json

import numpy as np
import pandas as pd
import pytest
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from generators import settings
from generators.sampling import events_in_days_before
from generators.signals import OUTCOMES, SignalsFileError, load_signals

END_OF_FOLLOW_UP = pd.Timestamp("2024-12-01")  # stays ending later cannot show a 30-day readmission


@pytest.fixture(scope="module")
def run(large_dataset):
    folder = large_dataset
    manifest = json.loads((folder / "ds" / settings.MANIFEST).read_text(encoding="utf-8"))
    tables = {
        name: pd.read_parquet(folder / "ds" / f"{name}.parquet")
        for name in (
            "patients",
            "sejours",
            "diagnostics",
            "etablissements",
            "urgences",
            "telesurveillance",
            "journaux_acces",
        )
    }
    return folder, manifest, tables, json.loads((folder / "verite.json").read_text())


def analyst_features(tables) -> pd.DataFrame:
    """What a participant would build: age, Charlson from the codes, prior stays, discharge, territory."""
    patients = tables["patients"].set_index("patient_id")
    stays = tables["sejours"]
    stays = stays[~stays["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"]).reset_index(drop=True)
    following = stays.groupby("patient_id")["date_entree"].shift(-1)
    stays["readmitted"] = (following - stays["date_sortie"]).dt.days.between(0, 30).astype(int)
    codes = pd.concat(
        [
            tables["diagnostics"][["sejour_id", "code_cim10"]],
            stays[["sejour_id", "diagnostic_principal"]].rename(columns={"diagnostic_principal": "code_cim10"}),
        ]
    )
    codes["points"] = codes["code_cim10"].map(load_signals().charlson_points).fillna(0)
    stays["charlson"] = stays["sejour_id"].map(codes.drop_duplicates().groupby("sejour_id")["points"].sum()).fillna(0)
    stays["age"] = (stays["date_entree"] - stays["patient_id"].map(patients["date_naissance"])).dt.days / 365.25
    owner = stays.groupby("patient_id").ngroup().to_numpy()
    day = stays["date_entree"].to_numpy("datetime64[D]").astype(np.int64)
    stays["prior_stays"] = np.minimum(events_in_days_before(owner, day, owner, day), 5)  # of the year before
    stays["to_rehab"] = (stays["destination"] == "2").astype(int)
    stays["to_nursing_home"] = (stays["destination"] == "7").astype(int)
    stays["region"] = stays["patient_id"].map(patients["region"])
    stays["categorie"] = stays["finess"].map(tables["etablissements"].set_index("finess")["categorie"])
    return stays[(stays["mode_sortie"] != "9") & (stays["date_sortie"] < END_OF_FOLLOW_UP)]


def test_readmission_is_learnable_but_not_trivial(run):
    stays = analyst_features(run[2])
    numeric = ["age", "charlson", "prior_stays", "to_rehab", "to_nursing_home", "duree_sejour"]
    features = pd.get_dummies(stays[numeric + ["region", "categorie"]], columns=["region", "categorie"], dtype=float)
    held_out = np.random.default_rng(0).random(len(stays)) < 0.3
    model = LogisticRegression(max_iter=2000).fit(features[~held_out], stays["readmitted"][~held_out])
    auroc = roc_auc_score(stays["readmitted"][held_out], model.predict_proba(features[held_out])[:, 1])
    assert 0.65 <= auroc <= 0.85, auroc
    coefficient = dict(zip(features.columns, model.coef_[0]))
    truth = run[3]["readmission_30_jours"]["effects"]
    for name, feature in (
        ("age_par_decennie", "age"),
        ("charlson_par_point", "charlson"),
        ("sejour_precedent_12_mois", "prior_stays"),
        ("sortie_vers_medico_social", "to_nursing_home"),
    ):
        assert np.sign(coefficient[feature]) == np.sign(truth[name]), (feature, coefficient[feature], truth[name])
    assert 0.05 < stays["readmitted"].mean() < 0.15  # French MCO: about one stay in ten


def test_hospitals_with_a_higher_true_effect_readmit_more(run):
    stays = analyst_features(run[2])
    effect = stays["finess"].map(run[3]["readmission_30_jours"]["etablissement_effects"])
    high = stays.loc[effect > 0.3, "readmitted"].mean()
    low = stays.loc[effect < -0.3, "readmitted"].mean()
    assert high > 1.3 * low, (high, low)


def test_long_stays_follow_their_true_effects(run):
    stays = analyst_features(run[2])
    stays = stays[stays["duree_sejour"] > 0]
    long_stay = (stays["duree_sejour"] > 7).astype(int)
    numeric = ["age", "charlson", "to_rehab", "to_nursing_home"]
    model = LogisticRegression(max_iter=1000).fit(stays[numeric], long_stay)
    truth = run[3]["sejour_long"]["effects"]
    for feature, name in zip(
        numeric, ("age_par_decennie", "charlson_par_point", "sortie_vers_ssr", "sortie_vers_medico_social")
    ):
        assert np.sign(model.coef_[0][numeric.index(feature)]) == np.sign(truth[name]), feature
    effect = stays["finess"].map(run[3]["sejour_long"]["etablissement_effects"])
    assert long_stay[effect > 0.15].mean() > long_stay[effect < -0.15].mean()


def test_admission_after_an_emergency_visit_follows_its_true_effects(run):
    tables, truth = run[2], run[3]["admission_apres_urgences"]
    visits = tables["urgences"]
    admitted = visits["sejour_id"].notna()
    age = (
        visits["date_heure_arrivee"]
        - visits["patient_id"].map(tables["patients"].set_index("patient_id")["date_naissance"])
    ).dt.days / 365.25
    assert admitted[age >= 80].mean() > 2 * admitted[(age >= 18) & (age < 45)].mean()
    effect = visits["finess"].map(truth["etablissement_effects"])
    assert admitted[effect > 0.3].mean() > 1.3 * admitted[effect < -0.3].mean()
    assert truth["effects"]["age_par_decennie"] > 0 and truth["age_de_reference"] == 40


def test_truth_file_is_complete_and_stays_out_of_the_dataset(run):
    folder, manifest, tables, truth = run
    assert "verite.json" not in {p.name for p in (folder / "ds").iterdir()}
    models = load_signals().models
    for outcome in OUTCOMES:
        assert set(truth[outcome]["etablissement_effects"]) == set(tables["etablissements"]["finess"])
        assert len(truth[outcome]["region_effects"]) == 18
        assert truth[outcome]["effects"] == models[outcome].effects
    assert truth["dataset"] == {name: entry["sha256"] for name, entry in manifest["tables"].items()}
    for path in (folder / "ds").iterdir():  # no effect value leaks into what participants get
        assert "etablissement_effects" not in path.read_bytes().decode("utf-8", errors="ignore")


def test_cli_refuses_a_truth_file_inside_the_dataset(tmp_path, cli):
    result = cli(
        "generators", "--patients", "100", "--out", str(tmp_path / "ds"), "--truth", str(tmp_path / "ds" / "v.json")
    )
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "participants would see it" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "edit, says",
    [
        (lambda s: s["readmission_30_jours"].pop("intercept"), "readmission_30_jours.intercept: expected a number"),
        (
            lambda s: s["readmission_30_jours"]["effects"].update(age="beaucoup"),
            "readmission_30_jours.effects.age: unknown effect",
        ),
        (
            lambda s: s["readmission_30_jours"].update(part_par_les_urgences=1.5),
            "part_par_les_urgences: expected a number from 0 to 1",
        ),
        (
            lambda s: s["charlson"].update({"Z99.99": 1}),
            "charlson.Z99.99: not a CIM-10 FR code of reference/cim10.csv.gz",
        ),
    ],
)
def test_a_faulty_signals_file_is_named_with_its_field(tmp_path, edit, says):
    content = yaml.safe_load(settings.SIGNALS_FILE.read_text(encoding="utf-8"))
    edit(content)
    faulty = tmp_path / "signaux.yml"
    faulty.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SignalsFileError) as error:
        load_signals(faulty)
    assert str(error.value).startswith(str(faulty)) and says in str(error.value)


def test_a_missing_signals_file_is_named(tmp_path):
    with pytest.raises(SignalsFileError) as error:
        load_signals(tmp_path / "signaux.yml")
    assert str(error.value).startswith(f"{tmp_path / 'signaux.yml'}: cannot read it"), error.value


def test_difference_in_differences_recovers_the_programme_effect(run):
    tables, truth = run[2], run[3]["programme_sortie_coordonnee"]
    hospitals = tables["etablissements"].set_index("finess")
    assert set(hospitals.index[hospitals["date_programme_sortie"].notna()]) == set(truth["etablissements"])
    stays = tables["sejours"]
    stays = stays[
        ~stays["ghm"].str[:2].isin(["28", "15"]) & (stays["duree_sejour"] > 0) & (stays["mode_sortie"] != "9")
    ]
    in_programme = stays["finess"].map(hospitals["date_programme_sortie"]).notna()
    after = stays["date_entree"] >= pd.Timestamp(truth["date_debut"])
    log_length = np.log(stays["duree_sejour"])
    mean = {(p, a): log_length[(in_programme == p) & (after == a)].mean() for p in (True, False) for a in (True, False)}
    did = (mean[True, True] - mean[True, False]) - (mean[False, True] - mean[False, False])
    naive = mean[True, True] - mean[True, False]
    effect = truth["effet_duree_log"]
    assert abs(did - effect) <= 0.2 * abs(effect), (did, effect)
    assert abs(naive - effect) > 0.2 * abs(effect), (naive, effect)  # the trend fools a before/after


def test_remote_monitoring_announces_decompensations(run):
    """A weight gain of 2 kg over a week, the classic alert rule, finds most decompensations (the next
    heart-failure stay) in the week before them, and seldom rings otherwise: useful, not perfect."""
    tables = run[2]
    measures = tables["telesurveillance"].sort_values(["patient_id", "date_mesure"])
    stays = tables["sejours"]
    decompensations = stays[stays["diagnostic_principal"].str.startswith("I50")][["patient_id", "date_entree"]]
    days = pd.merge_asof(
        measures.sort_values("date_mesure"),
        decompensations.sort_values("date_entree"),
        left_on="date_mesure",
        right_on="date_entree",
        by="patient_id",
        direction="forward",
    )
    days = days.sort_values(["patient_id", "date_mesure"])
    days["before"] = (days["date_entree"] - days["date_mesure"]).dt.days.between(1, 7)
    days["alert"] = days["poids_kg"] - days.groupby("patient_id")["poids_kg"].shift(7) >= 2
    caught = days[days["before"]].groupby(["patient_id", "date_entree"])["alert"].any()
    assert len(caught) >= 30
    assert 0.5 <= caught.mean() <= 0.95, caught.mean()
    assert 0.95 <= 1 - days.loc[~days["before"], "alert"].mean() < 1
    assert measures.groupby("patient_id").size().max() <= 180


def test_access_log_incidents_can_be_found(run):
    """Each security incident of journaux_acces is what a simple rule finds, and its truth is the instructor's."""
    logs, truth = run[2]["journaux_acces"], run[3]["incidents_journaux"]
    opened = logs[logs["action"] != "connexion"]
    at_night = opened[opened["horodatage"].dt.hour < 5]
    assert at_night["agent_id"].value_counts().index[0] == truth["extraction_nocturne"]["agent_id"]
    failures = logs[(logs["action"] == "connexion") & (logs["resultat"] == "echec")]
    assert failures["poste"].value_counts().index[0] == truth["bourrage_identifiants"]["poste"]
    consulted = logs[logs["action"] == "consultation"]
    elsewhere = (
        (consulted["service_agent"] != consulted["service_patient"])
        .groupby(consulted["agent_id"])
        .agg(["mean", "size"])
    )
    elsewhere = elsewhere.loc[elsewhere["size"] >= 10, "mean"]
    assert elsewhere.idxmax() == truth["curiosite"]["agent_id"]
    assert (elsewhere > 0.3).sum() == 1 and elsewhere.median() < 0.1  # other agents seldom look elsewhere
