"""The prediction tables of the datathon: one row per unit (a stay, or an emergency visit), the
features an analyst could know at prediction time, and the target, from a generated dataset.

Participants never receive the raw tables of the hidden dataset: later stays would give the
labels away. They receive these tables, with the target only on the training part.
"""

import numpy as np
import pandas as pd

from generators.sampling import events_in_days_before
from generators.signals import load_signals

SEANCES = "28"  # GHM of séances (dialysis, chemotherapy): not hospital stays here
FOLLOW_UP_DAYS = 30
AGE_BANDS = ([0, 18, 45, 65, 80, 200], ["0-17", "18-44", "45-64", "65-79", "80+"])
GROUPS = ["sexe", "tranche_age", "region"]  # fairness groups, always kept for the instructor


def prediction_table(target: str, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Columns: id, patient_id, the candidate features, the fairness groups, cible (0/1)."""
    builders = {
        "readmission_30_jours": _readmission,
        "sejour_long": _long_stay,
        "admission_apres_urgences": _admission_after_emergency,
    }
    table = builders[target](tables)
    table["tranche_age"] = pd.cut(table["age"], AGE_BANDS[0], right=False, labels=AGE_BANDS[1]).astype(str)
    return table.reset_index(drop=True)


def available_features(target: str) -> set[str]:
    return FEATURES[target]


def _stays(tables) -> pd.DataFrame:
    """Hospital stays (séances left out) in order, with the patient's age, sex, région, the
    établissement's category, the Charlson-like score of the stay's codes and the stays of the year before."""
    patients = tables["patients"].set_index("patient_id")
    stays = tables["sejours"]
    stays = (
        stays[~stays["ghm"].str.startswith(SEANCES)].sort_values(["patient_id", "date_entree"]).reset_index(drop=True)
    )
    stays["age"] = ((stays["date_entree"] - stays["patient_id"].map(patients["date_naissance"])).dt.days // 365).astype(
        int
    )
    stays["sexe"] = stays["patient_id"].map(patients["sexe"])
    stays["region"] = stays["patient_id"].map(patients["region"])
    stays["categorie_etablissement"] = stays["finess"].map(tables["etablissements"].set_index("finess")["categorie"])
    associated = tables["diagnostics"]
    stays["nombre_diagnostics_associes"] = (
        stays["sejour_id"].map(associated.groupby("sejour_id").size()).fillna(0).astype(int)
    )
    codes = pd.concat(
        [
            associated[["sejour_id", "code_cim10"]],
            stays[["sejour_id", "diagnostic_principal"]].rename(columns={"diagnostic_principal": "code_cim10"}),
        ]
    )
    codes["points"] = codes["code_cim10"].map(load_signals().charlson_points).fillna(0)
    stays["score_charlson"] = (
        stays["sejour_id"].map(codes.drop_duplicates().groupby("sejour_id")["points"].sum()).fillna(0).astype(int)
    )
    stays["sejours_12_mois_precedents"] = _in_year_before(stays["patient_id"], stays["date_entree"])
    return stays


def _in_year_before(patient: pd.Series, when: pd.Series) -> np.ndarray:
    """For each row, the patient's rows of the 365 days before its day (that day excluded), as the
    generator's readmission model counts prior stays."""
    owner = np.unique(patient.to_numpy(), return_inverse=True)[1]
    day = when.to_numpy("datetime64[D]").astype(np.int64)
    return events_in_days_before(owner, day, owner, day)


def _readmission(tables) -> pd.DataFrame:
    stays = _stays(tables)
    following = stays.groupby("patient_id")["date_entree"].shift(-1)
    stays["cible"] = (following - stays["date_sortie"]).dt.days.between(0, FOLLOW_UP_DAYS).astype(int)
    end = tables["sejours"]["date_sortie"].max() - pd.Timedelta(days=FOLLOW_UP_DAYS)
    stays = stays[(stays["mode_sortie"] != "9") & (stays["date_sortie"] <= end)]
    return stays.rename(columns={"sejour_id": "id"})


def _long_stay(tables) -> pd.DataFrame:
    stays = _stays(tables)
    stays = stays[stays["duree_sejour"] > 0]
    stays["cible"] = (stays["duree_sejour"] > 7).astype(int)
    return stays.rename(columns={"sejour_id": "id"})


def _admission_after_emergency(tables) -> pd.DataFrame:
    patients = tables["patients"].set_index("patient_id")
    visits = tables["urgences"].sort_values(["patient_id", "date_heure_arrivee"]).reset_index(drop=True)
    arrival = visits["date_heure_arrivee"]
    visits["age"] = ((arrival - visits["patient_id"].map(patients["date_naissance"])).dt.days // 365).astype(int)
    visits["sexe"] = visits["patient_id"].map(patients["sexe"])
    visits["region"] = visits["patient_id"].map(patients["region"])
    visits["categorie_etablissement"] = visits["finess"].map(tables["etablissements"].set_index("finess")["categorie"])
    visits["heure_arrivee"] = arrival.dt.hour
    visits["mois"] = arrival.dt.month
    visits["passages_12_mois_precedents"] = _in_year_before(visits["patient_id"], arrival)
    visits["cible"] = visits["sejour_id"].notna().astype(int)
    return visits.drop(columns=["sejour_id"]).rename(columns={"passage_id": "id"})


_STAY_FEATURES = {
    "age",
    "sexe",
    "region",
    "categorie_etablissement",
    "mode_entree",
    "provenance",
    "diagnostic_principal",
    "ghm",
    "nombre_diagnostics_associes",
    "score_charlson",
    "sejours_12_mois_precedents",
}
FEATURES = {
    # Known at discharge.
    "readmission_30_jours": _STAY_FEATURES | {"duree_sejour", "mode_sortie", "destination"},
    # Known at admission (the diagnosis and GHM are coded at discharge, but the admitting reason is known).
    "sejour_long": _STAY_FEATURES - {"ghm"},
    # Known at triage.
    "admission_apres_urgences": {
        "age",
        "sexe",
        "region",
        "categorie_etablissement",
        "niveau_tri",
        "heure_arrivee",
        "mois",
        "passages_12_mois_precedents",
    },
}
