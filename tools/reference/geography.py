"""Communes (INSEE code, readable name, La Poste postcode, PMSI geographic code, population, coordinates).

Sources: `codes_geo_com_ts_corresp.json.gz` (INSEE communes of the 2019 geographic code with their
population of the latest year and ATIH's PMSI geographic code) and `laposte.csv` (La Poste's base of
postcodes, with coordinates). Writes `communes.csv.gz`; the hand-curated `villes_hospitalieres.csv`
is only checked against it (every city must be a commune of the table).
"""

import re
import unicodedata
from pathlib import Path

import pandas as pd

from generators.geography import COMMUNES_FILE, VILLES_FILE
from generators.reference import departements
from generators.settings import REFERENCE_DIR
from tools.reference.sources import read_records, write_table

YEAR = "2019"  # the latest geographic code of the source (its populations are those of 2016)
# Words written in lower case inside a commune's name (Saint-Germain-en-Laye, Berre-l'Étang).
LOWER_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "sur", "sous", "en", "lès", "lez", "et", "aux", "au"}
LOWER_WORDS |= {"à", "arrondissement"}
# Mis-encoded letters of the source (Ÿ and an apostrophe read as cp1252).
MOJIBAKE = {"¾": "Ÿ", "\x8b": "'"}


def build(source: Path, target: Path = REFERENCE_DIR) -> list[Path]:
    communes = read_records(source, "codes_geo_com_ts_corresp")
    communes = communes[communes["annee"] == YEAR]
    deps = departements()
    code = communes["code_com"]
    communes = communes.assign(departement=code.str[:2].where(~code.str.startswith("97"), code.str[:3]))
    communes = communes[communes["departement"].isin(deps["code"])]  # not the overseas collectivities
    post = _postcodes(source)
    table = communes.merge(post, left_on="code_com", right_index=True, how="inner")  # 3 tiny communes have none
    chef_lieu = {code + _key(name): name for code, name in zip(deps["code"], deps["chef_lieu"])}
    name = table["lib_com"].map(_readable)
    table["nom"] = [chef_lieu.get(d + _key(n), n) for d, n in zip(table["departement"], name)]
    fallback = deps.set_index("code")[["latitude", "longitude"]]  # préfecture, when La Poste has no coordinates
    for axis in ("latitude", "longitude"):
        table[axis] = table[axis].fillna(table["departement"].map(fallback[axis])).round(4)
    frame = pd.DataFrame(
        {
            "code_commune": table["code_com"],
            "nom": table["nom"],
            "code_postal": table["code_postal"],
            "code_geo_pmsi": table["code_geo"],
            "departement": table["departement"],
            "population": table["pop"].astype(float).round().astype(int),
            "latitude": table["latitude"].map("{:.4f}".format),
            "longitude": table["longitude"].map("{:.4f}".format),
        }
    ).sort_values("code_commune", kind="stable")
    _check_cities(frame)
    return [write_table(frame, COMMUNES_FILE, target)]


def _postcodes(source: Path) -> pd.DataFrame:
    """Per INSEE code: its main postcode (the smallest of its lines without a locality, Ligne_5) and
    coordinates. The file is UTF-8, whatever its README says."""
    post = pd.read_csv(source / "laposte.csv", sep=";", dtype=str, encoding="utf-8", keep_default_na=False)
    post["locality"] = post["Ligne_5"] != ""
    post = post.sort_values(["Code_commune_INSEE", "locality", "Code_postal"], kind="stable")
    first = post.drop_duplicates("Code_commune_INSEE").set_index("Code_commune_INSEE")
    gps = first["coordonnees_gps"].str.split(",", expand=True)
    return pd.DataFrame(
        {
            "code_postal": first["Code_postal"],
            "latitude": pd.to_numeric(gps[0], errors="coerce"),
            "longitude": pd.to_numeric(gps[1], errors="coerce"),
        }
    )


def _readable(name: str) -> str:
    """'SAINT-LÉON-SUR-L'ISLE' -> 'Saint-Léon-sur-l'Isle', 'PARIS 1ER ARRONDISSEMENT' -> 'Paris 1er arrondissement'."""
    for wrong, right in MOJIBAKE.items():
        name = name.replace(wrong, right)
    parts = re.split(r"([ \-'()])", name)
    words = []
    for position, part in enumerate(parts):
        lower = part.lower()
        after_apostrophe = position >= 2 and parts[position - 1] == "'"
        if position > 0 and lower in LOWER_WORDS and not after_apostrophe:
            words.append(lower)
        else:
            words.append(lower[:1].upper() + lower[1:])
    return "".join(words)


def _key(name: str) -> str:
    """A name without accents, case or punctuation, to match the préfectures' names."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", " ", plain.upper()).strip()


def _check_cities(communes: pd.DataFrame) -> None:
    cities = pd.read_csv(REFERENCE_DIR / VILLES_FILE, dtype=str, comment="#")
    unknown = set(cities["code_commune"]) - set(communes["code_commune"])
    if unknown:
        raise SystemExit(f"{VILLES_FILE}: not communes of {COMMUNES_FILE}: {sorted(unknown)}")
