"""Learnable signals: the true models hidden in the data, and the instructors' truth file.

The effects are in reference/signaux.yml (readable and editable by an instructor);
the effect of each établissement and région is drawn once per run from the seed.
`truth_document` is what `python -m generators --truth FILE` writes: never part of
the participants' dataset.
"""

from dataclasses import dataclass
from functools import cache

import numpy as np
import yaml

from generators.etablissements import Etablissements
from generators.reference import REFERENCE_DIR, cim10, departements

SIGNALS_FILE = REFERENCE_DIR / "signaux.yml"
STREAM = 5
READMISSION_EFFECTS = ("age_par_decennie", "charlson_par_point", "sejour_precedent_12_mois",
                       "sortie_vers_ssr", "sortie_vers_medico_social")
PRIOR_STAYS_COUNTED = 5


class SignalsFileError(ValueError):
    """signaux.yml is malformed; the message names the file, the field and what is expected."""


@dataclass(frozen=True)
class ReadmissionModel:
    intercept: float
    effects: dict[str, float]
    etablissement_sd: float
    region_sd: float
    mean_delay_days: float
    via_emergency_share: float


@dataclass(frozen=True)
class Truth:
    """What a run draws on top of the file: one effect per établissement and per région."""
    etablissement_effect: np.ndarray     # per établissement (index of the table)
    region_effect: np.ndarray            # per région, in departements()' region order below
    regions: tuple[str, ...]

    def region_effect_by_departement(self) -> np.ndarray:
        position = {region: k for k, region in enumerate(self.regions)}
        return self.region_effect[[position[r] for r in departements()["region"]]]


@cache
def signals_file() -> dict:
    try:
        content = yaml.safe_load(SIGNALS_FILE.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SignalsFileError(f"{SIGNALS_FILE}: not valid YAML: {error}") from None
    if not isinstance(content, dict):
        raise SignalsFileError(f"{SIGNALS_FILE}: expected a mapping with readmission_30_jours and charlson")
    return content


@cache
def readmission_model() -> ReadmissionModel:
    section = _field(signals_file(), "readmission_30_jours", dict, "a mapping")
    effects = _field(section, "effects", dict, "a mapping of effect names to numbers", "readmission_30_jours")
    unknown = set(effects) - set(READMISSION_EFFECTS)
    if unknown:
        raise SignalsFileError(f"{SIGNALS_FILE}: readmission_30_jours.effects.{sorted(unknown)[0]}: unknown effect; "
                               f"expected one of {', '.join(READMISSION_EFFECTS)}")
    numbers = {name: _number(effects, name, "readmission_30_jours.effects") for name in READMISSION_EFFECTS}
    where = "readmission_30_jours"
    return ReadmissionModel(
        intercept=_number(section, "intercept", where),
        effects=numbers,
        etablissement_sd=_number(section, "etablissement_ecart_type", where, minimum=0),
        region_sd=_number(section, "region_ecart_type", where, minimum=0),
        mean_delay_days=_number(section, "delai_moyen_jours", where, minimum=1, maximum=30),
        via_emergency_share=_number(section, "part_par_les_urgences", where, minimum=0, maximum=1),
    )


@cache
def charlson_points() -> dict[str, int]:
    points = _field(signals_file(), "charlson", dict, "a mapping of CIM-10 codes to points")
    known = set(cim10()["code"])
    for code, value in points.items():
        if code not in known:
            raise SignalsFileError(f"{SIGNALS_FILE}: charlson.{code}: not a code of reference/cim10.csv")
        if not isinstance(value, int) or value < 0:
            raise SignalsFileError(f"{SIGNALS_FILE}: charlson.{code}: expected a whole number of points, got {value!r}")
    return points


def draw_truth(seed: int, hospitals: Etablissements) -> Truth:
    model = readmission_model()
    rng = np.random.default_rng([seed, STREAM])
    regions = tuple(sorted(set(departements()["region"])))
    return Truth(etablissement_effect=rng.normal(0, model.etablissement_sd, hospitals.table.num_rows),
                 region_effect=rng.normal(0, model.region_sd, len(regions)), regions=regions)


def readmission_probability(age: np.ndarray, charlson: np.ndarray, prior_stays: np.ndarray,
                            to_rehab: np.ndarray, to_nursing_home: np.ndarray,
                            etablissement_effect: np.ndarray, region_effect: np.ndarray) -> np.ndarray:
    model = readmission_model()
    e = model.effects
    z = (model.intercept + e["age_par_decennie"] * (age - 70) / 10 + e["charlson_par_point"] * charlson
         + e["sejour_precedent_12_mois"] * np.minimum(prior_stays, PRIOR_STAYS_COUNTED)
         + e["sortie_vers_ssr"] * to_rehab + e["sortie_vers_medico_social"] * to_nursing_home
         + etablissement_effect + region_effect)
    return 1 / (1 + np.exp(-z))


def truth_document(truth: Truth, hospitals: Etablissements, options: dict) -> dict:
    model = readmission_model()
    finess = hospitals.table["finess"].to_pylist()
    return {
        "warning": "Instructors only: the true effects hidden in the dataset. Never give this file to participants.",
        "options": options,
        "readmission_30_jours": {
            "model": "P(readmission) = 1 / (1 + exp(-z)), z = intercept + sum of effects (see description)",
            "description": " ".join(signals_file()["readmission_30_jours"].get("description", "").split()),
            "intercept": model.intercept,
            "effects": model.effects,
            "charlson_points": charlson_points(),
            "prior_stays_counted_at_most": PRIOR_STAYS_COUNTED,
            "etablissement_effects": {f: round(float(u), 4) for f, u in zip(finess, truth.etablissement_effect)},
            "region_effects": {r: round(float(v), 4) for r, v in zip(truth.regions, truth.region_effect)},
        },
    }


def _field(section: dict, name: str, kind: type, expected: str, where: str = ""):
    path = f"{where}.{name}" if where else name
    if name not in section:
        raise SignalsFileError(f"{SIGNALS_FILE}: {path}: missing; expected {expected}")
    if not isinstance(section[name], kind):
        raise SignalsFileError(f"{SIGNALS_FILE}: {path}: expected {expected}, got {section[name]!r}")
    return section[name]


def _number(section: dict, name: str, where: str, minimum: float = -np.inf, maximum: float = np.inf) -> float:
    value = section.get(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not minimum <= value <= maximum:
        bounds = "" if (minimum, maximum) == (-np.inf, np.inf) else f" from {minimum} to {maximum}"
        raise SignalsFileError(f"{SIGNALS_FILE}: {where}.{name}: expected a number{bounds}, got {value!r}")
    return float(value)
