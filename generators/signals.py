"""Learnable signals: the true models hidden in the data, and the instructors' truth file.

The effects are in reference/signaux.yml (readable and editable by an instructor),
one section per outcome, read and checked once per run by `load_signals` into a
`Signals` that the run passes to every block; the effect of each établissement
and région on each outcome is drawn once per run from the seed. `truth_document`
is what `python -m generators --truth FILE` writes: never part of the participants' dataset.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from common.errors import BadInput
from generators import settings
from generators.etablissements import Etablissements
from generators.modules import Modules
from generators.reference import cim10, departements

STREAM = 5
PRIOR_STAYS_COUNTED = 5
PROGRAMME = "programme_sortie_coordonnee"
# Each outcome: the effects it must list, and its other numbers with their allowed range.
OUTCOMES = {
    "readmission_30_jours": (
        (
            "age_par_decennie",
            "charlson_par_point",
            "sejour_precedent_12_mois",
            "sortie_vers_ssr",
            "sortie_vers_medico_social",
        ),
        {
            "intercept": (-20, 20),
            "age_de_reference": (0, 110),
            "delai_moyen_jours": (1, 30),
            "part_par_les_urgences": (0, 1),
        },
    ),
    "sejour_long": (
        ("age_par_decennie", "charlson_par_point", "sortie_vers_ssr", "sortie_vers_medico_social"),
        {"age_de_reference": (0, 110)},
    ),
    "admission_apres_urgences": (("age_par_decennie", "charlson_par_point"), {"age_de_reference": (0, 110)}),
}


@dataclass(frozen=True)
class Programme:
    """The organisational innovation: where and from when it runs, and its true effects."""

    start: np.datetime64
    public_share: float
    length_effect: float  # on log length of stay
    readmission_effect: float  # on the log-odds of readmission
    length_trend_per_year: float  # everywhere: the confounder of a before/after comparison


class SignalsFileError(BadInput):
    """signaux.yml is malformed or missing; the message names the file, the field and what is expected."""


@dataclass(frozen=True)
class Model:
    outcome: str
    effects: dict[str, float]
    numbers: dict[str, float]  # intercept, age_de_reference, ...: see OUTCOMES
    etablissement_sd: float
    region_sd: float

    def age_decades(self, age: np.ndarray) -> np.ndarray:
        return (age - self.numbers["age_de_reference"]) / 10


@dataclass(frozen=True)
class Signals:
    """signaux.yml, read and checked. Read-only: every block of a run shares it."""

    models: dict[str, Model]  # outcome -> its true model, for each of OUTCOMES
    programme: Programme
    charlson_points: dict[str, int]  # CIM-10 code -> points of the Charlson-like score
    descriptions: dict[str, str]  # outcome or programme -> its description, for the truth file
    file: Path


NEUTRAL_SIGNALS = """# What participants' generators read (the student kit, the grading sandbox): every effect set to 0.
# The true effects, which notebooks and the datathon ask participants to discover, stay with the
# instructor; datasets/generated/ was made with them.
"""


def neutral_signals(text: str) -> str:
    """signaux.yml with every effect, spread and trend set to 0 (baselines and definitions kept)."""
    signals = yaml.safe_load(text)
    for section in signals.values():
        if not isinstance(section, dict):
            continue
        for key in list(section):
            if key == "effects":
                section[key] = {effect: 0 for effect in section[key]}
            elif key.endswith("_ecart_type") or key.startswith(("effet_", "tendance_")):
                section[key] = 0
    return NEUTRAL_SIGNALS + yaml.safe_dump(signals, allow_unicode=True, sort_keys=False)


def load_signals(signals_file: Path = settings.SIGNALS_FILE) -> Signals:
    """Reads and checks the whole file; raises SignalsFileError naming the file and the field."""
    check = _Fields(signals_file)
    try:
        content = yaml.safe_load(signals_file.read_text(encoding="utf-8"))
    except OSError as error:
        raise SignalsFileError(
            f"{signals_file}: cannot read it: {error.strerror or error}; expected the true "
            "effects, such as the kit's generators/reference/signaux.yml"
        ) from None
    except UnicodeDecodeError:
        raise SignalsFileError(f"{signals_file}: not UTF-8 text; save it as UTF-8") from None
    except yaml.YAMLError as error:
        raise SignalsFileError(f"{signals_file}: not valid YAML: {error}") from None
    if not isinstance(content, dict):
        raise SignalsFileError(f"{signals_file}: expected a mapping with {', '.join(OUTCOMES)} and charlson")
    models = {outcome: _model(check, content, outcome) for outcome in OUTCOMES}
    programme = _programme(check, content)
    return Signals(
        models=models,
        programme=programme,
        charlson_points=_charlson_points(check, content),
        descriptions={
            name: " ".join(str(content[name].get("description", "")).split()) for name in (*OUTCOMES, PROGRAMME)
        },
        file=signals_file,
    )


def _model(check: "_Fields", content: dict, outcome: str) -> Model:
    required_effects, numbers = OUTCOMES[outcome]
    section = check.field(content, outcome, dict, "a mapping")
    effects = check.field(section, "effects", dict, "a mapping of effect names to numbers", outcome)
    unknown = sorted(set(effects) - set(required_effects))
    if unknown:
        check.fail(f"{outcome}.effects.{unknown[0]}: unknown effect; expected {', '.join(required_effects)}")
    return Model(
        outcome=outcome,
        effects={name: check.number(effects, name, f"{outcome}.effects") for name in required_effects},
        numbers={name: check.number(section, name, outcome, *bounds) for name, bounds in numbers.items()},
        etablissement_sd=check.number(section, "etablissement_ecart_type", outcome, 0, 5),
        region_sd=check.number(section, "region_ecart_type", outcome, 0, 5),
    )


def _programme(check: "_Fields", content: dict) -> Programme:
    section = check.field(content, PROGRAMME, dict, "a mapping")
    start = section.get("date_debut")
    if not hasattr(start, "isoformat"):
        check.fail(f"{PROGRAMME}.date_debut: expected a date such as 2023-07-01, got {start!r}")
    return Programme(
        start=np.datetime64(start.isoformat(), "D"),
        public_share=check.number(section, "part_etablissements_publics", PROGRAMME, 0, 1),
        length_effect=check.number(section, "effet_duree", PROGRAMME, -3, 3),
        readmission_effect=check.number(section, "effet_readmission", PROGRAMME, -5, 5),
        length_trend_per_year=check.number(section, "tendance_duree_par_an", PROGRAMME, -1, 1),
    )


def _charlson_points(check: "_Fields", content: dict) -> dict[str, int]:
    points = check.field(content, "charlson", dict, "a mapping of CIM-10 codes to points")
    known = set(cim10()["code"])
    for code, value in points.items():
        if code not in known:
            check.fail(f"charlson.{code}: not a CIM-10 FR code of reference/cim10.csv.gz")
        if not isinstance(value, int) or value < 0:
            check.fail(f"charlson.{code}: expected a whole number of points, got {value!r}")
    return dict(points)


@dataclass(frozen=True)
class Truth:
    """What a run draws on top of the file: per outcome, one effect per établissement and per région,
    and the établissements that run the programme."""

    etablissement_effects: dict[str, np.ndarray]  # outcome -> per établissement (index of the table)
    region_effects: dict[str, np.ndarray]  # outcome -> per région of `regions`
    regions: tuple[str, ...]
    in_programme: np.ndarray  # per établissement: runs the programme
    programme_start: int  # day number (days since 1970) the programme starts

    def programme_runs(self, finess: np.ndarray, day: np.ndarray) -> np.ndarray:
        """Whether a stay of that établissement starting on that day (days since 1970) is in the programme."""
        return self.in_programme[finess] & (day >= self.programme_start)

    def region_effect_by_departement(self, outcome: str) -> np.ndarray:
        position = {region: k for k, region in enumerate(self.regions)}
        return self.region_effects[outcome][[position[r] for r in departements()["region"]]]


def draw_truth(seed: int, hospitals: Etablissements, signals: Signals) -> Truth:
    rng = np.random.default_rng([seed, STREAM])
    regions = tuple(sorted(set(departements()["region"])))
    models = signals.models
    public = np.isin(hospitals.table["categorie"].to_numpy(zero_copy_only=False), ("CHU", "CH"))
    return Truth(
        etablissement_effects={
            o: rng.normal(0, m.etablissement_sd, hospitals.table.num_rows) for o, m in models.items()
        },
        region_effects={o: rng.normal(0, m.region_sd, len(regions)) for o, m in models.items()},
        regions=regions,
        in_programme=public & (rng.random(hospitals.table.num_rows) < signals.programme.public_share),
        programme_start=int(signals.programme.start.astype("datetime64[D]").astype(np.int64)),
    )


def readmission_probability(
    signals: Signals, age, charlson, prior_stays, to_rehab, to_nursing_home, place_effect, in_programme, motif_effect
) -> np.ndarray:
    """`place_effect`: the établissement's plus the région's effect on this outcome; `motif_effect`:
    the module's surrisque_readmission for the first stay's motif."""
    m = signals.models["readmission_30_jours"]
    e = m.effects
    z = (
        m.numbers["intercept"]
        + e["age_par_decennie"] * m.age_decades(age)
        + e["charlson_par_point"] * charlson
        + e["sejour_precedent_12_mois"] * np.minimum(prior_stays, PRIOR_STAYS_COUNTED)
        + e["sortie_vers_ssr"] * to_rehab
        + e["sortie_vers_medico_social"] * to_nursing_home
        + place_effect
        + signals.programme.readmission_effect * in_programme
        + motif_effect
    )
    return 1 / (1 + np.exp(-z))


def length_factor(
    signals: Signals, age, charlson, to_rehab, to_nursing_home, place_effect, in_programme, years_from_middle
) -> np.ndarray:
    """What multiplies the motif's mean length of stay."""
    m, p = signals.models["sejour_long"], signals.programme
    e = m.effects
    return np.exp(
        e["age_par_decennie"] * m.age_decades(age)
        + e["charlson_par_point"] * charlson
        + e["sortie_vers_ssr"] * to_rehab
        + e["sortie_vers_medico_social"] * to_nursing_home
        + place_effect
        + p.length_effect * in_programme
        + p.length_trend_per_year * years_from_middle
    )


def admission_odds_factor(signals: Signals, age, charlson, place_effect) -> np.ndarray:
    """What multiplies the odds that an emergency visit ends in admission."""
    m = signals.models["admission_apres_urgences"]
    e = m.effects
    return np.exp(e["age_par_decennie"] * m.age_decades(age) + e["charlson_par_point"] * charlson + place_effect)


def truth_document(truth: Truth, hospitals: Etablissements, options: dict, signals: Signals, modules: Modules) -> dict:
    finess = hospitals.table["finess"].to_pylist()
    document = {
        "warning": "Instructors only: the true effects hidden in the dataset. Never give this file to participants.",
        "options": options,
        "charlson_points": signals.charlson_points,
    }
    for outcome, m in signals.models.items():
        document[outcome] = {
            "description": signals.descriptions[outcome],
            **m.numbers,
            "effects": m.effects,
            "etablissement_effects": {
                f: round(float(u), 4) for f, u in zip(finess, truth.etablissement_effects[outcome])
            },
            "region_effects": {r: round(float(v), 4) for r, v in zip(truth.regions, truth.region_effects[outcome])},
        }
    risks = modules.motifs.set_index("motif")["surrisque_readmission"]
    document["readmission_30_jours"]["surrisque_par_motif"] = {m: r for m, r in risks.items() if r}
    p = signals.programme
    document[PROGRAMME] = {
        "description": signals.descriptions[PROGRAMME],
        "date_debut": str(p.start),
        "etablissements": [f for f, runs in zip(finess, truth.in_programme) if runs],
        "effet_duree_log": p.length_effect,
        "effet_duree_relatif": round(float(np.exp(p.length_effect) - 1), 4),
        "effet_readmission_log_odds": p.readmission_effect,
        "tendance_duree_par_an_log": p.length_trend_per_year,
    }
    return document


class _Fields:
    """Checks the fields of signaux.yml and says which file and field are wrong."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, message: str):
        raise SignalsFileError(f"{self.path}: {message}")

    def field(self, section: dict, name: str, kind: type, expected: str, where: str = ""):
        path = f"{where}.{name}" if where else name
        if name not in section:
            self.fail(f"{path}: missing; expected {expected}")
        if not isinstance(section[name], kind):
            self.fail(f"{path}: expected {expected}, got {section[name]!r}")
        return section[name]

    def number(self, section: dict, name: str, where: str, minimum: float = -np.inf, maximum: float = np.inf) -> float:
        value = section.get(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not minimum <= value <= maximum:
            bounds = "" if (minimum, maximum) == (-np.inf, np.inf) else f" from {minimum:g} to {maximum:g}"
            self.fail(f"{where}.{name}: expected a number{bounds}, got {value!r}")
        return float(value)
