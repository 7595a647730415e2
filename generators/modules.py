"""Pathway modules: the clinical content of the data, one YAML file per pathway in generators/modules/.

An instructor who does not code can read and edit them (see modules/README.md), or keep an
edited copy elsewhere (KIT_MODULES or --modules DIR; see settings.py).
Each module may declare a chronic condition its patients carry (prevalence by
age, excess mortality), the kinds of stay it triggers (incidence by age and sex,
diagnoses, GHM, acts, length, ambulatory share, share through the emergency
department, seasonality, readmission risk) and séances. The engine applies them
to whole blocks of patients at once. A faulty module is rejected with a message
naming the file, the field and what is expected.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from common.errors import BadInput
from generators.reference import (
    AGE_GROUPS,
    DAS_TYPES,
    DP_TYPES,
    category_codes,
    ccam,
    cim10,
    cim10_codes,
    cmd_of_diagnosis,
    ghm,
    nomenclature_years,
)

AGE_LABELS = ("0-1", "2-17", "18-44", "45-64", "65-79", "80+")  # in the files; AGE_GROUPS in the tables

# field: (required, kind, description of what is expected)
MODULE_FIELDS = {
    "module": (True, "name", "the file's name without .yml"),
    "nom": (True, "text", "a name in French"),
    "description": (False, "text", "a sentence or two"),
    "maladies_chroniques": (False, "list", "a list of chronic conditions"),
    "sejours": (False, "list", "a list of kinds of stay"),
    "seances": (False, "list", "a list of kinds of séance"),
}
CHRONIC_FIELDS = {
    "code": (True, "das", "a CIM-10 FR code allowed as secondary diagnosis (reference/cim10.csv.gz)"),
    "prevalence": (
        True,
        "shares_by_age",
        "a share from 0 to 1 for each age group: 0-1, 2-17, 18-44, 45-64, 65-79, 80+",
    ),
    "surmortalite": (False, "ratio", "a mortality hazard ratio, from 0.1 to 20 (1: none)"),
}
STAY_FIELDS = {
    "motif": (True, "name", "a name in lower case, letters, digits and _"),
    "libelle": (True, "text", "a label in French"),
    "diagnostics": (
        True,
        "dp_list",
        "a list of CIM-10 FR categories (I63: all its codes allowed as principal diagnosis) or codes (I63.5) "
        "of reference/cim10.csv.gz",
    ),
    "ghm": (True, "ghm_root", "a GHM root of reference/ghm.csv.gz, such as 05M09"),
    "actes": (False, "ccam_list", "a list of CCAM codes of reference/ccam.csv.gz"),
    "taux_pour_1000": (
        True,
        "rates_by_age",
        "stays per 1 000 person-years, a number >= 0 for each age group: 0-1, 2-17, 18-44, 45-64, 65-79, 80+",
    ),
    "sexe": (False, "sex", "F or M, when only one sex is concerned"),
    "age_min": (False, "age", "the youngest age, in whole years from 0 to 120, for this kind of stay (0 by default)"),
    "age_max": (False, "age", "the oldest age, in whole years from 0 to 120, for this kind of stay (120 by default)"),
    "ratio_femmes_hommes": (False, "ratio", "the rate of women over that of men, from 0.1 to 20"),
    "ambulatoire": (True, "share", "the share of stays without a night, from 0 to 1"),
    "duree_moyenne": (True, "nights", "the mean length in nights of stays with a night, from 0.5 to 100"),
    "par_les_urgences": (True, "share", "the share of stays coming through the emergency department, from 0 to 1"),
    "sortie_ssr": (False, "share", "the share discharged to rehabilitation (SSR), from 0 to 1"),
    "poids_deces": (False, "weight", "the weight of this motif among in-hospital deaths, a number >= 0"),
    "saisonnalite": (False, "share", "the winter amplitude, from 0 (none) to 1 (twice the mean in mid-January)"),
    "surrisque_readmission": (False, "log_odds", "added to the log-odds of readmission after this stay, from -3 to 3"),
}
SEANCE_FIELDS = {
    "seance": (True, "name", "a name in lower case, letters, digits and _"),
    "libelle": (True, "text", "a label in French"),
    "mode": (True, "seance_mode", "chronique (a prevalence, séances for the whole period) or cure (courses)"),
    "diagnostic_principal": (True, "dp", "a CIM-10 FR code allowed as principal diagnosis (reference/cim10.csv.gz)"),
    "diagnostics_associes": (
        True,
        "das_list",
        "a list of CIM-10 FR codes allowed as secondary diagnoses (reference/cim10.csv.gz)",
    ),
    "ghm": (True, "ghm_root", "a GHM root of reference/ghm.csv.gz, such as 28Z04"),
    "actes": (False, "ccam_list", "a list of CCAM codes of reference/ccam.csv.gz"),
    "intervalle_jours": (True, "nights", "days between two séances, from 0.5 to 100"),
    "nombre_seances": (False, "count", "séances in a course (mode cure), a whole number from 1 to 100"),
    "taux_pour_1000": (
        True,
        "rates_by_age",
        "per 1 000: prevalence (chronique) or courses a year (cure), >= 0 "
        "for each age group: 0-1, 2-17, 18-44, 45-64, 65-79, 80+",
    ),
}


class ModuleError(BadInput):
    """A module file is malformed or missing: the message names the file, the field and what is expected."""


@dataclass(frozen=True)
class Modules:
    """The modules of one folder, read and checked. Read-only: every block of a run shares it."""

    motifs: pd.DataFrame  # one row per kind of stay
    seances: pd.DataFrame  # one row per kind of séance
    chronic: pd.DataFrame  # one row per chronic condition
    files: tuple[str, ...]
    folder: Path


def load_modules(folder: Path) -> Modules:
    """Reads and checks every *.yml of `folder`; raises ModuleError naming the file and the field."""
    if not folder.is_dir():
        raise ModuleError(
            f"{folder}: no such folder; expected a folder of pathway modules (*.yml), "
            "such as the kit's generators/modules"
        )
    motifs, seances, chronic, files = [], [], [], []
    for path in sorted(folder.glob("*.yml")):
        content = _read(path)
        check = _Checker(path)
        check.fields(content, MODULE_FIELDS, "")
        if content["module"] != path.stem:
            check.fail("module", f"{path.stem!r}, the file's name", content["module"])
        for k, item in enumerate(content.get("maladies_chroniques") or []):
            check.fields(item, CHRONIC_FIELDS, f"maladies_chroniques[{k}]")
            chronic.append(
                {
                    "code": item["code"],
                    "module": path.stem,
                    "surmortalite": float(item.get("surmortalite", 1)),
                    **_by_age(item["prevalence"], "prevalence"),
                }
            )
        for k, item in enumerate(content.get("sejours") or []):
            check.fields(item, STAY_FIELDS, f"sejours[{k}]")
            motifs.append(_stay_row(item, path.stem))
        for k, item in enumerate(content.get("seances") or []):
            check.fields(item, SEANCE_FIELDS, f"seances[{k}]")
            if item["mode"] == "cure" and "nombre_seances" not in item:
                check.fail(f"seances[{k}].nombre_seances", "a whole number of séances per course for mode cure", None)
            seances.append(_seance_row(item, path.stem))
        files.append(path.name)
    if not files:
        raise ModuleError(f"{folder}: no module (*.yml) in this folder; expected the kit's generators/modules")
    if not motifs:
        raise ModuleError(f"{folder}: no module declares a kind of stay; expected at least one *.yml with sejours")
    for rows, key, section in (
        (motifs, "motif", "sejours"),
        (seances, "seance", "seances"),
        (chronic, "code", "maladies_chroniques"),
    ):
        _unique(folder, rows, key, section)
    modules = Modules(
        pd.DataFrame(motifs),
        pd.DataFrame(seances, columns=_SEANCE_COLUMNS),
        pd.DataFrame(chronic),
        tuple(files),
        folder,
    )
    check_coherence(modules)
    return modules


_SEANCE_COLUMNS = [
    "seance",
    "module",
    "libelle",
    "mode",
    "diagnostic_principal",
    "diagnostics_associes",
    "racine_ghm",
    "actes",
    "intervalle_jours",
    "nombre_seances",
] + [f"taux_{g}" for g in AGE_GROUPS]


def _stay_row(item: dict, module: str) -> dict:
    return {
        "motif": item["motif"],
        "module": module,
        "libelle": item["libelle"],
        "diagnostics": ";".join(item["diagnostics"]),
        "racine_ghm": item["ghm"],
        "actes": ";".join(item.get("actes") or []) or None,
        "part_ambulatoire": float(item["ambulatoire"]),
        "duree_moyenne": float(item["duree_moyenne"]),
        "part_urgences": float(item["par_les_urgences"]),
        **_by_age(item["taux_pour_1000"], "taux"),
        "sexe": item.get("sexe"),
        "age_min": int(item.get("age_min", 0)),
        "age_max": int(item.get("age_max", 120)),
        "ratio_femmes_hommes": float(item.get("ratio_femmes_hommes", 1)),
        "part_sortie_ssr": float(item.get("sortie_ssr", 0.02)),
        "poids_deces": float(item.get("poids_deces", 0)),
        "amplitude_hivernale": float(item.get("saisonnalite", 0)),
        "surrisque_readmission": float(item.get("surrisque_readmission", 0)),
    }


def _seance_row(item: dict, module: str) -> dict:
    return {
        "seance": item["seance"],
        "module": module,
        "libelle": item["libelle"],
        "mode": item["mode"],
        "diagnostic_principal": item["diagnostic_principal"],
        "diagnostics_associes": ";".join(item["diagnostics_associes"]),
        "racine_ghm": item["ghm"],
        "actes": ";".join(item.get("actes") or []) or None,
        "intervalle_jours": float(item["intervalle_jours"]),
        "nombre_seances": item.get("nombre_seances"),
        **_by_age(item["taux_pour_1000"], "taux"),
    }


def _by_age(values: dict, prefix: str) -> dict:
    return {f"{prefix}_{group}": float(values[label]) for label, group in zip(AGE_LABELS, AGE_GROUPS)}


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when PyYAML has it


def _read(path: Path) -> dict:
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except OSError as error:
        raise ModuleError(f"{path}: cannot read it: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ModuleError(f"{path}: not UTF-8 text; save the module as UTF-8") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 1})" if where else ""
        raise ModuleError(f"{path}: not valid YAML{line}: {getattr(error, 'problem', error)}") from None
    if not isinstance(content, dict):
        raise ModuleError(f"{path}: expected fields such as module, nom and sejours, got {type(content).__name__}")
    return content


def _unique(folder: Path, rows: list[dict], key: str, section: str) -> None:
    seen: dict[str, str] = {}
    for row in rows:
        if row[key] in seen:
            raise ModuleError(
                f"{folder / (row['module'] + '.yml')}: {section}: {row[key]!r} is already declared "
                f"in {seen[row[key]]}.yml; expected each {key} once"
            )
        seen[row[key]] = row["module"]


class _Checker:
    """Checks fields against a specification and says which file and field are wrong."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, field: str, expected: str, value) -> None:
        got = "" if value is None else f", got {value!r}"
        raise ModuleError(f"{self.path}: {field}: expected {expected}{got}")

    def fields(self, item, specification: dict, where: str) -> None:
        if not isinstance(item, dict):
            self.fail(where or "module", "a set of fields (name: value)", item)
        prefix = f"{where}." if where else ""
        for name in item:
            if name not in specification:
                raise ModuleError(
                    f"{self.path}: {prefix}{name}: unknown field; expected one of {', '.join(specification)}"
                )
        for name, (required, kind, expected) in specification.items():
            if name not in item:
                if required:
                    self.fail(f"{prefix}{name}", f"{expected} (this field is required)", None)
                continue
            if not self.valid(kind, item[name]):
                self.fail(f"{prefix}{name}", expected + self.why(kind, item[name]), item[name])

    def why(self, kind: str, value) -> str:
        """For a code refused, what is wrong with it (a father code, a type not allowed...)."""
        if kind not in ("dp", "das", "dp_list", "das_list"):
            return ""
        values = value if isinstance(value, list) else [value]
        refused = (
            (lambda v: not principal_codes(v))
            if kind == "dp_list"
            else (lambda v: not self.valid(kind.removesuffix("_list"), v))
        )
        bad = [v for v in values if isinstance(v, str) and refused(v)]
        return f" ({explain_code(bad[0])})" if bad else ""

    def valid(self, kind: str, value) -> bool:
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if kind == "text":
            return isinstance(value, str) and value.strip() != ""
        if kind == "name":
            return isinstance(value, str) and value.replace("_", "a").isalnum() and value == value.lower()
        if kind == "list":
            return isinstance(value, list)
        if kind in ("shares_by_age", "rates_by_age"):
            limit = 1 if kind == "shares_by_age" else 1e6
            return (
                isinstance(value, dict)
                and set(map(str, value)) == set(AGE_LABELS)
                and all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= limit for v in value.values()
                )
            )
        if kind == "share":
            return number and 0 <= value <= 1
        if kind == "ratio":
            return number and 0.1 <= value <= 20
        if kind == "nights":
            return number and 0.5 <= value <= 100
        if kind == "weight":
            return number and value >= 0
        if kind == "log_odds":
            return number and -3 <= value <= 3
        if kind == "count":
            return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100
        if kind == "age":
            return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 120
        if kind == "sex":
            return value in ("F", "M")
        if kind == "seance_mode":
            return value in ("chronique", "cure")
        if kind == "dp":
            return value in _codes("dp")
        if kind == "das":
            return value in _codes("das")
        if kind == "dp_list":
            return isinstance(value, list) and value != [] and all(principal_codes(v) for v in value)
        if kind == "das_list":
            return isinstance(value, list) and value != [] and all(v in _codes("das") for v in value)
        if kind == "ccam_list":
            return isinstance(value, list) and all(v in _codes("ccam") for v in value)
        if kind == "ghm_root":
            return value in _codes("ghm_root")
        raise AssertionError(kind)


def principal_codes(item, first_year: int | None = None, last_year: int | None = None) -> tuple[str, ...]:
    """The codes a module's `diagnostics` item stands for, allowed as principal diagnosis in every year
    from first_year to last_year (default: the nomenclature in force): the code itself, or every
    such code of a 3-character category (I63: I63.0 ... I63.9). ATIH's extensions written with a + are
    left out of categories."""
    if not isinstance(item, str):
        return ()
    if first_year is None:
        first_year = last_year = nomenclature_years()[1]
    return _principal_codes(item, first_year, last_year)


@cache
def _principal_codes(item: str, first_year: int, last_year: int) -> tuple[str, ...]:
    allowed = cim10_codes(first_year, last_year, DP_TYPES)
    if len(item) == 3:  # a category: its codes, or itself when it has no subdivision (I10, R55)
        return tuple(sorted(c for c in category_codes(item) if c in allowed and ("+" not in c or c == item)))
    return (item,) if item in allowed else ()


def explain_code(code: str) -> str:
    """Why a CIM-10 code cannot be used, in one phrase (for the error messages)."""
    rows = cim10()[cim10()["code"] == code]
    if rows.empty:
        return f"{code} is not a CIM-10 FR code"
    last = rows.iloc[-1]
    if last["type_mco"] == "3":
        children = [c for c in category_codes(code[:3]) if c.startswith(code) and c != code][:3]
        children = ", ".join(children)
        return f"{code} is a father code (ATIH type 3), never coded itself: use one of its children ({children})"
    return f"{code} has ATIH type {last['type_mco']} in {last['annee_fin']}, not allowed in this position"


def check_coherence(modules: "Modules") -> None:
    """Each kind of stay's principal diagnoses lead to the CMD of its GHM root, as ATIH's grouping would."""
    for row in modules.motifs.itertuples(index=False):
        cmd = row.racine_ghm[:2]
        for item in row.diagnostics.split(";"):
            found = cmd_of_diagnosis(item)
            if found is not None and found != cmd:
                raise ModuleError(
                    f"{modules.folder / (row.module + '.yml')}: sejours ({row.motif}).diagnostics: {item} leads to "
                    f"CMD {found}, not to the CMD {cmd} of GHM root {row.racine_ghm}; expected principal diagnoses "
                    "of the GHM's CMD (reference/cmd_diagnostics.csv)"
                )


@cache
def _codes(kind: str) -> frozenset:
    last = nomenclature_years()[1]
    if kind == "dp":
        return cim10_codes(last, last, DP_TYPES)
    if kind == "das":
        return cim10_codes(last, last, DAS_TYPES)
    if kind == "ccam":
        return frozenset(ccam()["code"])
    table = ghm()
    return frozenset(table.loc[table["annee_fin"] == last, "racine"])
