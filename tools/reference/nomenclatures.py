"""ATIH's nomenclatures, compact: CIM-10 FR, the GHM classification with national lengths of stay,
GHS tariffs by year, and the CCAM with its opening and closing dates.

Each code keeps the years (or dates) it is valid for, so that tests can check every code the
generator emits against the year of its stay. Sources: the files of ../shared/reference (ATIH's
published files as gathered by the R package nomensland); see generators/reference/README.md.
"""

from pathlib import Path

import pandas as pd

from generators.settings import REFERENCE_DIR
from tools.reference.sources import read_records, write_table

FIRST_YEAR = 2015  # the tables keep the years since then (CIM-10 FR by year starts there)
LAST_CLASSIFICATION_YEAR = 2025  # the last GHM classification and tariffs of the source
# cim52 gives CIM-10 FR year by year up to 2020; cim68 is the version in force, taken as valid from
# the next year to the last year of the GHM classification.
CIM_IN_FORCE_FROM = 2021
EXTERNAL_CAUSES = "2"  # ATIH type of V01-Y98: never emitted by the kit, left out to stay compact

CHAPTERS = (  # CIM-10 chapters by first category: (first category, roman numeral)
    ("A00", "I"), ("C00", "II"), ("D50", "III"), ("E00", "IV"), ("F00", "V"), ("G00", "VI"),
    ("H00", "VII"), ("H60", "VIII"), ("I00", "IX"), ("J00", "X"), ("K00", "XI"), ("L00", "XII"),
    ("M00", "XIII"), ("N00", "XIV"), ("O00", "XV"), ("P00", "XVI"), ("Q00", "XVII"), ("R00", "XVIII"),
    ("S00", "XIX"), ("V01", "XX"), ("Z00", "XXI"), ("U00", "XXII"),
)  # fmt: skip


def build(source: Path, target: Path = REFERENCE_DIR) -> list[Path]:
    return [
        write_table(cim10(source), "cim10.csv.gz", target),
        write_table(ghm(source), "ghm.csv.gz", target),
        write_table(ghs_tariffs(source), "ghs_tarifs.csv.gz", target),
        write_table(ccam(source), "ccam.csv.gz", target),
    ]


def dotted(code: pd.Series) -> pd.Series:
    """ATIH writes codes without a dot (I5000, R53+0); the kit, as clinicians do, with one (I50.00)."""
    return code.where(code.str.len() <= 3, code.str[:3] + "." + code.str[3:])


def chapter(category: pd.Series) -> pd.Series:
    firsts = [first for first, _ in CHAPTERS]
    position = pd.Series(firsts).searchsorted(category, side="right") - 1
    return pd.Series([CHAPTERS[p][1] for p in position], index=category.index)


def cim10(source: Path) -> pd.DataFrame:
    """One row per code and run of years with the same ATIH type: code, type_mco, annee_debut, annee_fin."""
    by_year = read_records(source, "cim52")[["code", "tr", "lib_long", "anseqta"]]
    by_year = by_year[by_year["anseqta"].astype(int) >= FIRST_YEAR]
    in_force = read_records(source, "cim68")[["code", "tr", "lib_long"]]
    years = range(CIM_IN_FORCE_FROM, LAST_CLASSIFICATION_YEAR + 1)
    recent = pd.concat([in_force.assign(anseqta=str(year)) for year in years])
    rows = pd.concat([by_year, recent], ignore_index=True)
    rows = rows[rows["tr"] != EXTERNAL_CAUSES].assign(annee=lambda d: d["anseqta"].astype(int))
    rows = rows.sort_values(["code", "annee"], kind="stable")
    # A new run starts when the code's type changes or a year is missing.
    new_run = (
        (rows["code"] != rows["code"].shift())
        | (rows["tr"] != rows["tr"].shift())
        | (rows["annee"] != rows["annee"].shift() + 1)
    )
    rows["run"] = new_run.astype(int).cumsum()
    runs = rows.groupby("run").agg(
        code=("code", "first"), type_mco=("tr", "first"), annee_debut=("annee", "min"), annee_fin=("annee", "max")
    )
    labels = rows.drop_duplicates("code", keep="last").set_index("code")["lib_long"]
    labels = labels.str.replace(r"^\*\*\* SU\d+ \*\*\* ", "", regex=True)  # ATIH's mark of a retired code
    runs["libelle"] = labels.reindex(runs["code"]).to_numpy()
    runs["categorie"] = runs["code"].str[:3]
    runs["chapitre"] = chapter(runs["categorie"]).to_numpy()
    runs["code"] = dotted(runs["code"])
    columns = ["code", "type_mco", "annee_debut", "annee_fin", "categorie", "chapitre", "libelle"]
    return runs[columns].sort_values(["code", "annee_debut"]).reset_index(drop=True)


def ghm(source: Path) -> pd.DataFrame:
    """Every GHM since FIRST_YEAR: root, CMD, type (C surgical, K interventional, M medical, Z other),
    activity domain, label, years of existence, and the last national mean length of stay published."""
    groups = read_records(source, "ghm_ghm_regroupement")
    groups = groups[groups["anseqta"].astype(int) >= FIRST_YEAR].assign(annee=lambda d: d["anseqta"].astype(int))
    years = groups.groupby("ghm")["annee"].agg(["min", "max", "count"])
    if (years["max"] - years["min"] + 1 != years["count"]).any():
        raise ValueError("a GHM disappears then comes back: keep one row per run of years")
    last = groups.sort_values("annee").drop_duplicates("ghm", keep="last").set_index("ghm")
    lengths = read_records(source, "ghm_dms_nationales")
    lengths = lengths.sort_values("anseqta").drop_duplicates("ghm", keep="last").set_index("ghm")["dms_n"]
    table = pd.DataFrame(
        {
            "ghm": last.index,
            "racine": last.index.str[:5],
            "cmd": last.index.str[:2],
            "type_ghm": last.index.str[2],
            "domaine_activite": last["da"].to_numpy(),
            "annee_debut": years["min"].reindex(last.index).to_numpy(),
            "annee_fin": years["max"].reindex(last.index).to_numpy(),
            "dms_nationale": lengths.reindex(last.index).astype(float).round(2).to_numpy(),
            "libelle": last["libelle_ghm"].to_numpy(),
        }
    )
    return table.sort_values("ghm").reset_index(drop=True)


def ghs_tariffs(source: Path) -> pd.DataFrame:
    """The GHS tariff of each GHM and year (public sector, the GHS of lowest number when a GHM has
    several), with the low and high bounds of length that trigger EXB/EXH adjustments."""
    tariffs = read_records(source, "tarifs_mco_ghs")
    tariffs = tariffs[tariffs["anseqta"].astype(int) >= FIRST_YEAR].assign(
        annee=lambda d: d["anseqta"].astype(int), numero=lambda d: d["ghs"].astype(int)
    )
    main = tariffs.sort_values(["annee", "ghm", "numero"]).drop_duplicates(["annee", "ghm"])
    return pd.DataFrame(
        {
            "ghm": main["ghm"].to_numpy(),
            "annee": main["annee"].to_numpy(),
            "ghs": main["ghs"].to_numpy(),
            "tarif_ghs": main["tarif_base"].astype(float).round(2).to_numpy(),
            "borne_basse": main["borne_basse"].astype(int).to_numpy(),
            "borne_haute": main["borne_haute"].astype(int).to_numpy(),
        }
    ).reset_index(drop=True)


def ccam(source: Path) -> pd.DataFrame:
    acts = read_records(source, "ccam_actes")
    return (
        pd.DataFrame(
            {
                "code": acts["code"],
                "date_debut": acts["date_debut"],
                "date_fin": acts["date_fin"],
                "libelle": acts["libelle_long"],
            }
        )
        .sort_values(["code", "date_debut"])
        .reset_index(drop=True)
    )
