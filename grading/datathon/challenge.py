"""A challenge definition (course/datathon/NAME.yml), checked field by field.

A mistake is reported as "FILE: field: expected ..., got ...", like the generator's modules.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

from grading.datathon.features import FEATURES, GROUPS
from grading.errors import GradingError
from grading.paths import COURSE_DIR

CHALLENGES = COURSE_DIR / "datathon"
WEIGHTS = ("performance", "equite", "pertinence", "presentation")


@dataclass(frozen=True)
class Challenge:
    name: str
    path: Path
    title: str
    question: str
    target: str
    patients: int
    years: int
    features: list[str]
    fairness_groups: list[str]
    minimum_group: int
    minimum_cases: int
    test_share: float
    public_share: float
    daily_limit: int
    weights: dict[str, float]


def find_challenge(name_or_path: str) -> Path:
    path = Path(name_or_path)
    if path.suffix in (".yml", ".yaml") and path.is_file():
        return path
    candidate = CHALLENGES / f"{name_or_path}.yml"
    if candidate.is_file():
        return candidate
    known = ", ".join(sorted(p.stem for p in CHALLENGES.glob("*.yml")))
    raise GradingError(f"no challenge {name_or_path!r}: give a YAML file or one of: {known}")


def load_challenge(name_or_path: str) -> Challenge:
    path = find_challenge(name_or_path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise GradingError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
    where = str(path)

    def field(section, name, kind, expected, context=""):
        label = f"{context}{name}"
        if not isinstance(section, dict) or name not in section:
            raise GradingError(f"{where}: {label}: expected {expected}, got nothing")
        value = section[name]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise GradingError(f"{where}: {label}: expected {expected}, got {value!r}")
        return value

    def share(section, name, context):
        value = field(section, name, (int, float), "a number between 0 and 1", context)
        if not 0 < value < 1:
            raise GradingError(f"{where}: {context}{name}: expected a number between 0 and 1, got {value!r}")
        return float(value)

    target = field(data, "cible", str, f"one of {', '.join(FEATURES)}")
    if target not in FEATURES:
        raise GradingError(f"{where}: cible: expected one of {', '.join(FEATURES)}, got {target!r}")
    features = field(data, "variables", list, "a list of feature names")
    unknown = [f for f in features if f not in FEATURES[target]]
    if unknown or not features:
        raise GradingError(
            f"{where}: variables: expected names among {', '.join(sorted(FEATURES[target]))}, "
            f"got {unknown[0] if unknown else 'an empty list'!r}"
        )
    data_section = field(data, "donnees", dict, "a section with patients and annees")
    metrics = field(data, "metriques", dict, "a section with principale, calibration and equite")
    if field(metrics, "principale", str, "auroc", "metriques.") != "auroc":
        raise GradingError(f"{where}: metriques.principale: expected auroc, got {metrics['principale']!r}")
    if field(metrics, "calibration", str, "brier", "metriques.") != "brier":
        raise GradingError(f"{where}: metriques.calibration: expected brier, got {metrics['calibration']!r}")
    fairness = field(metrics, "equite", dict, "a section with groupes", "metriques.")
    groups = field(fairness, "groupes", list, f"a list among {', '.join(GROUPS)}", "metriques.equite.")
    if not groups or any(g not in GROUPS for g in groups):
        raise GradingError(
            f"{where}: metriques.equite.groupes: expected names among {', '.join(GROUPS)}, got {groups!r}"
        )
    split = field(data, "decoupage", dict, "a section with test and public")
    weights = field(data, "classement_final", dict, f"a section with {', '.join(WEIGHTS)}")
    weights = {
        name: float(field(weights, name, (int, float), "a weight between 0 and 1", "classement_final."))
        for name in WEIGHTS
    }
    if abs(sum(weights.values()) - 1) > 1e-6:
        raise GradingError(f"{where}: classement_final: expected weights adding up to 1, got {sum(weights.values()):g}")
    patients = field(data_section, "patients", int, "a whole number of patients (at least 1000)", "donnees.")
    if patients < 1000:
        raise GradingError(
            f"{where}: donnees.patients: expected a whole number of patients (at least 1000), got {patients}"
        )
    return Challenge(
        name=path.stem,
        path=path,
        title=field(data, "titre", str, "a title"),
        question=field(data, "question", str, "the question, in French").strip(),
        target=target,
        patients=patients,
        years=field(data_section, "annees", int, "a whole number of years", "donnees."),
        features=features,
        fairness_groups=groups,
        minimum_group=int(fairness.get("effectif_minimum", 50)),
        minimum_cases=int(fairness.get("cas_minimum", 10)),
        test_share=share(split, "test", "decoupage."),
        public_share=share(split, "public", "decoupage."),
        daily_limit=field(data, "soumissions_par_jour", int, "a whole number of submissions a day"),
        weights=weights,
    )
