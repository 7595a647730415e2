"""The `etablissements` table: fictitious MCO hospitals in real communes, and where each stay goes.

Built once per run (not per block): every block sends its patients to the same hospitals. The
landscape follows the real one: CHU (and CHR) only in the real cities of a CHU, cancer centres
(CLCC) in the cities of the 18 Unicancer centres (reference/villes_hospitalieres.csv), a public
hospital with an emergency department at each chef-lieu, then public hospitals, private clinics
and private non-profit hospitals (ESPIC) in the most populous communes, as many as the
département's population calls for. `Etablissements.choose` routes stays by line of care so that
the national shares of each category come out near the published ones.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from generators.geography import city_of, communes, de, villes_hospitalieres
from generators.reference import departements
from generators.sampling import Groups

STREAM = 4
CATEGORIES = ("CHU", "CH", "clinique privée", "ESPIC", "CLCC")
LINES = (
    "medecine",
    "chirurgie",
    "chirurgie_ambulatoire",
    "obstetrique",
    "cancerologie",
    "seances_dialyse",
    "seances_chimio",
)

# How many: France has about 1 700 MCO sites for 68 million people (1 per 40 000 residents). A
# large simulated population gets that density; a small one keeps a landscape shaped like the real
# one: besides its CHU, CLCC and chef-lieu hospital, a département has 1 site per 250 000 real
# residents (departements.csv), at least a private clinic.
RESIDENTS_PER_ETABLISSEMENT = 40_000  # simulated residents
REAL_RESIDENTS_PER_ETABLISSEMENT = 250_000  # real residents: the floor
MINIMUM_OTHERS = 1
# Categories of the other sites, in turn within each département (about 3 clinics, 3 CH, 2 ESPIC in 8):
# DREES, « Les établissements de santé », édition 2023: about 500 public MCO sites besides CHU, 480
# private clinics and 150 ESPIC with MCO activity.
OTHER_CATEGORIES = ("clinique privée", "CH", "ESPIC", "clinique privée", "CH", "clinique privée", "ESPIC", "CH")
OTHER_COMMUNES = 8  # the others go to the département's most populous communes (at least this many candidates)
MEDIAN_BEDS = {"CHU": 1200, "CH": 250, "clinique privée": 120, "ESPIC": 200, "CLCC": 180}
EMERGENCY_SHARE = {"CHU": 1.0, "CH": 1.0, "clinique privée": 0.25, "ESPIC": 0.4, "CLCC": 0.0}
PUBLIC_PER_GHT = 4

# Share of each line's planned stays by category (CHU, CH, clinique privée, ESPIC, CLCC), set above the
# national shares for medicine and surgery because stays through an emergency department go mostly to
# public hospitals (activity._route): the whole then comes out near the national shares. Sources: DREES,
# « Les établissements de santé », édition 2023 (fiches 8 to 11: activity by sector and discipline);
# FHP, chiffres clés 2023. Private for-profit clinics: 54 % of surgery (two thirds of ambulatory
# surgery, 37 % with a night), a quarter of deliveries, a quarter of medicine (endoscopies) and
# chemotherapy, a quarter of dialysis; CHU about 23 % of stays; CLCC about 1 % of stays but about
# 17 % of chemotherapy séances; ESPIC a tenth of stays and nearly half of dialysis (associations).
CATEGORY_SHARES = {
    "medecine": (0.25, 0.33, 0.32, 0.095, 0.005),
    "chirurgie": (0.22, 0.20, 0.46, 0.11, 0.01),
    "chirurgie_ambulatoire": (0.10, 0.10, 0.72, 0.07, 0.01),
    "obstetrique": (0.20, 0.47, 0.25, 0.08, 0.0),
    "cancerologie": (0.30, 0.22, 0.25, 0.08, 0.15),
    "seances_dialyse": (0.10, 0.20, 0.25, 0.45, 0.0),
    "seances_chimio": (0.22, 0.28, 0.25, 0.08, 0.17),
}
# Mix of MCO stays (séances excluded) by line, to state national shares: ATIH, analyse de l'activité
# hospitalière 2022 (about 18.5 million stays: 55 % medicine, 36 % surgery of which 58 % ambulatory,
# 7 % obstetrics).
STAY_MIX = {
    "medecine": 0.55,
    "chirurgie": 0.15,
    "chirurgie_ambulatoire": 0.21,
    "obstetrique": 0.07,
    "cancerologie": 0.02,
}
# Where a stay of a category goes: (the département's own, else the nearest of the région;
# anywhere in the région; anywhere in metropolitan France, in proportion to beds: Paris and the big
# CHU attract). ATIH, PMSI flows: most stays in the département (the regional CHU aside), a few per
# cent outside the région.
SCOPE_SHARES = {
    "CHU": (0.85, 0.08, 0.07),
    "CH": (0.93, 0.05, 0.02),
    "clinique privée": (0.90, 0.07, 0.03),
    "ESPIC": (0.90, 0.07, 0.03),
    "CLCC": (0.85, 0.0, 0.15),
}
USUAL_SHARE = 0.6  # a stay whose category is that of the patient's usual hospital goes there this often

CLINIC_NAMES = (
    "Clinique du Parc",
    "Polyclinique Saint-Joseph",
    "Clinique Sainte-Anne",
    "Clinique des Cèdres",
    "Clinique Pasteur",
    "Clinique de l'Union",
    "Polyclinique du Val",
    "Clinique Saint-Martin",
    "Clinique des Lilas",
    "Clinique Sainte-Marie",
    "Clinique du Pont",
    "Clinique Saint-Michel",
    "Clinique de la Source",
    "Clinique du Château",
    "Clinique Jeanne-d'Arc",
    "Clinique des Tilleuls",
    "Polyclinique Saint-Vincent",
    "Clinique de l'Espérance",
    "Clinique Bon-Secours",
    "Polyclinique de la Roseraie",
)
ESPIC_NAMES = (
    "Hôpital Saint-Joseph",
    "Hôpital Saint-Vincent-de-Paul",
    "Hôpital Notre-Dame de Bon-Secours",
    "Hôpital protestant",
    "Hôpital des Diaconesses",
    "Fondation Sainte-Marie",
    "Hôpital Saint-Camille",
    "Hôpital de la Croix-Saint-Simon",
)


@dataclass(frozen=True)
class Etablissements:
    table: pa.Table
    departement: np.ndarray  # index into departements(), per établissement (sorted)
    category: np.ndarray  # index into CATEGORIES, per établissement
    usual_by_departement: Groups  # the hospitals a patient may call theirs (not the CLCC), weighted by beds
    emergency_by_departement: Groups  # only those with an emergency department, weighted by beds
    emergency_index: np.ndarray  # établissement index of each item of emergency_by_departement
    region_of_departement: np.ndarray  # per département: its région's index (alphabetical)
    usual_index: np.ndarray  # établissement index of each item of usual_by_departement
    routes: "_Routes"  # what choose() draws from

    def usual(self, departement: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Each patient's usual hospital: one of their département's (not a cancer centre), by beds."""
        return self.usual_index[self.usual_by_departement.draw(departement, rng)]

    def choose(
        self, departement: np.ndarray, line: np.ndarray, usual: np.ndarray, rng: np.random.Generator
    ) -> np.ndarray:
        """The établissement of each stay: `departement` (index into departements()) of the patient,
        `line` (index into LINES) of care, `usual` hospital of the patient. The category follows the
        line's national shares (CATEGORY_SHARES); then the usual hospital if it is of that category
        (USUAL_SHARE), else one of that category in the département, the région or France (SCOPE_SHARES)."""
        r = self.routes
        count = len(departement)
        category = (rng.random(count)[:, None] >= r.category_cdf[line]).sum(axis=1)
        category = np.minimum(category, len(CATEGORIES) - 1)
        chosen = r.nearest[category, departement]
        scope = rng.random(count)
        local, regional = r.scope_cdf[category, 0], r.scope_cdf[category, 1]
        region = self.region_of_departement[departement]
        for groups, key, selected in (
            (r.local, category * len(r.nearest[0]) + departement, scope < local),
            (r.regional, category * r.regions + region, (scope >= local) & (scope < regional)),
            (r.national, category, scope >= regional),
        ):
            selected &= groups.has[key]
            chosen[selected] = groups.draw(key[selected], rng)
        loyal = (self.category[usual] == category) & (rng.random(count) < USUAL_SHARE)
        return np.where(loyal, usual, chosen)


@dataclass(frozen=True)
class _Pool:
    """Établissements sorted by a key, weighted by beds; keys may own none (`has`)."""

    groups: Groups
    order: np.ndarray  # établissement index of each item
    has: np.ndarray  # per key: owns at least one établissement

    @classmethod
    def build(cls, key: np.ndarray, beds: np.ndarray, keys: int) -> "_Pool":
        order = np.flatnonzero(key >= 0)
        order = order[np.argsort(key[order], kind="stable")]
        starts = np.searchsorted(key[order], np.arange(keys + 1), side="left")
        groups = Groups(starts=starts, cumulative=np.cumsum(beds[order].astype(float)))
        return cls(groups=groups, order=order, has=starts[1:] > starts[:-1])

    def draw(self, key: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        return self.order[self.groups.draw(key, rng)]


@dataclass(frozen=True)
class _Routes:
    category_cdf: np.ndarray  # (lines, categories)
    scope_cdf: np.ndarray  # (categories, 3)
    nearest: np.ndarray  # (categories, départements): the nearest établissement of the category, région first
    local: _Pool  # key: category * départements + département
    regional: _Pool  # key: category * regions + région
    national: _Pool  # key: category (metropolitan établissements only)
    regions: int


def build_etablissements(patients: int, seed: int, pools=None) -> Etablissements:
    """`pools` is not used any more (names come from real places); kept for the callers' signature."""
    rng = np.random.default_rng([seed, STREAM])
    deps = departements()
    places = communes()
    slots = _slots(patients, deps, places, rng)
    dep, category_name = slots["dep"].to_numpy(), slots["categorie"].to_numpy(object)
    count = len(slots)
    commune = slots["commune"].to_numpy()
    category = np.array([CATEGORIES.index(c) for c in category_name])
    beds = np.round(np.array([MEDIAN_BEDS[c] for c in category_name]) * rng.lognormal(0, 0.4, count))
    beds = beds.astype(np.int32)
    emergency = slots["first"].to_numpy() | (rng.random(count) < np.array([EMERGENCY_SHARE[c] for c in category_name]))

    public = np.isin(category_name, ("CHU", "CH"))
    public_rank = _rank_within(dep, public)
    codes = deps["code"].to_numpy(object)[dep]
    ght = np.where(public, "GHT " + codes + "-" + (1 + public_rank // PUBLIC_PER_GHT).astype(str), None)

    region_of_departement = region_index(deps)
    region = region_of_departement[dep]
    latitude, longitude = places["latitude"].to_numpy()[commune], places["longitude"].to_numpy()[commune]
    nearest = _nearest(category, region, latitude, longitude, deps, region_of_departement)
    usual = category != CATEGORIES.index("CLCC")
    metropolitan = np.array([len(c) == 2 for c in codes])
    regions = region_of_departement.max() + 1
    routes = _Routes(
        category_cdf=np.cumsum([CATEGORY_SHARES[line] for line in LINES], axis=1),
        scope_cdf=np.cumsum([SCOPE_SHARES[c] for c in CATEGORIES], axis=1),
        nearest=nearest,
        local=_Pool.build(category * len(deps) + dep, beds, len(CATEGORIES) * len(deps)),
        regional=_Pool.build(category * regions + region, beds, len(CATEGORIES) * regions),
        national=_Pool.build(np.where(metropolitan, category, -1), beds, len(CATEGORIES)),
        regions=regions,
    )
    return Etablissements(
        table=pa.table(
            {
                "finess": _finess(codes, rng),
                "nom": slots["nom"].to_numpy(object),
                "categorie": category_name,
                "departement": codes,
                "region": deps["region"].to_numpy(object)[dep],
                "commune": places["nom"].to_numpy(object)[commune],
                "code_commune": places["code_commune"].to_numpy(object)[commune],
                "latitude": latitude,
                "longitude": longitude,
                "ght": pa.array(ght, type=pa.string()),
                "lits": beds,
                "urgences": emergency,
            }
        ),
        departement=dep,
        category=category,
        usual_by_departement=Groups.from_sorted(dep[usual], beds[usual], len(deps)),
        emergency_by_departement=Groups.from_sorted(dep[emergency], beds[emergency], len(deps)),
        emergency_index=np.flatnonzero(emergency),
        region_of_departement=region_of_departement,
        usual_index=np.flatnonzero(usual),
        routes=routes,
    )


def _slots(patients: int, deps: pd.DataFrame, places: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One row per établissement, département by département: dep, categorie, commune (row of
    communes()), nom, first (the public hospital with an emergency department every département has)."""
    cities = villes_hospitalieres()
    cities = cities.assign(departement=cities["code_commune"].map(places.set_index("code_commune")["departement"]))
    row_of = pd.Series(np.arange(len(places)), index=places["code_commune"])
    city = places["nom"].map(city_of).to_numpy(object)
    population = places["population"].to_numpy()
    residents = patients * deps["population"].to_numpy(float) / deps["population"].sum()
    in_departement = places["dep"].to_numpy()
    listed = {code: list(group.itertuples(index=False)) for code, group in cities.groupby("departement", sort=False)}
    rows = []
    for d, (code, chef_lieu, real) in enumerate(deps[["code", "chef_lieu", "population"]].itertuples(index=False)):
        here = listed.get(code, [])
        fixed = []  # (categorie, commune, name)
        for city_row in here:
            if city_row.categorie != "CLCC":
                name = city_row.nom or f"{city_row.categorie} {de(city_row.ville)}"
                fixed.append(("CHU", row_of[city_row.code_commune], name))
        own = np.flatnonzero(in_departement == d)
        if chef_lieu not in {c.ville for c in here if c.categorie != "CLCC"}:
            matches = own[city[own] == chef_lieu]
            seat = matches[np.argmax(population[matches])] if len(matches) else own[np.argmax(population[own])]
            fixed.append(("CH", seat, f"Centre hospitalier {de(city[seat])}"))
        for city_row in here:
            if city_row.categorie == "CLCC":
                name = city_row.nom or f"Institut de cancérologie {de(city_row.ville)}"
                fixed.append(("CLCC", row_of[city_row.code_commune], name))
        others = max(
            MINIMUM_OTHERS,
            round(real / REAL_RESIDENTS_PER_ETABLISSEMENT),
            round(residents[d] / RESIDENTS_PER_ETABLISSEMENT) - len(fixed),
        )
        ranked = own[np.argsort(-population[own], kind="stable")]
        candidates = ranked[: max(OTHER_COMMUNES, others)]
        weight = population[candidates] / population[candidates].sum()
        placed = rng.choice(candidates, size=others, replace=others > len(candidates), p=weight)
        used = {name for _, _, name in fixed}
        public_towns = {city[commune] for kind, commune, _ in fixed if kind in ("CHU", "CH")}
        for i, commune in enumerate(placed):
            kind = OTHER_CATEGORIES[i % len(OTHER_CATEGORIES)]
            if kind == "CH" and city[commune] in public_towns:  # one public hospital a town: the next town
                free = ranked[~np.isin(city[ranked], list(public_towns))]
                commune, kind = (free[0], kind) if len(free) else (commune, "ESPIC")  # Paris: AP-HP, ESPIC
            if kind == "CH":
                public_towns.add(city[commune])
            name = _other_name(kind, city[commune], used, rng)
            used.add(name)
            fixed.append((kind, commune, name))
        rows += [(d, kind, commune, name, i == 0) for i, (kind, commune, name) in enumerate(fixed)]
    return pd.DataFrame(rows, columns=["dep", "categorie", "commune", "nom", "first"])


def _other_name(kind: str, town: str, used: set, rng: np.random.Generator) -> str:
    """A grammatical name not yet used in the département: the town's hospital, or a clinic's usual name."""
    if kind == "CH":
        candidates = [
            f"Centre hospitalier {de(town)}",
            f"Hôpital {de(town)}",
            f"Centre hospitalier intercommunal {de(town)}",
        ]
    elif kind == "clinique privée":
        own = [f"Hôpital privé {de(town)}", f"Polyclinique {de(town)}", f"Clinique {de(town)}"]
        names = list(CLINIC_NAMES)
        candidates = [names[i] for i in rng.permutation(len(names))]
        candidates = own[:1] + candidates if rng.random() < 0.4 else candidates[:3] + own + candidates[3:]
    else:
        own = [f"Groupe hospitalier mutualiste {de(town)}", f"Centre médico-chirurgical {de(town)}"]
        names = [ESPIC_NAMES[i] for i in rng.permutation(len(ESPIC_NAMES))]
        candidates = own[:1] + names + own[1:] if rng.random() < 0.5 else names[:2] + own + names[2:]
    for name in candidates:
        if name not in used:
            return name
    site = 2
    while f"{candidates[0]} – site {site}" in used:
        site += 1
    return f"{candidates[0]} – site {site}"


def _nearest(category, region, latitude, longitude, deps, region_of_departement) -> np.ndarray:
    """(categories, départements): the établissement of each category nearest to the département's
    préfecture, within its région if there is one there, else in France."""
    table = np.zeros((len(CATEGORIES), len(deps)), dtype=np.int64)
    lat, lon = np.radians(deps["latitude"].to_numpy()), np.radians(deps["longitude"].to_numpy())
    cos = np.cos(lat)[:, None]
    distance = np.hypot(
        (np.radians(latitude)[None, :] - lat[:, None]), (np.radians(longitude)[None, :] - lon[:, None]) * cos
    )  # (départements, établissements), equirectangular: enough to rank
    foreign = region[None, :] != region_of_departement[:, None]
    for c in range(len(CATEGORIES)):
        score = np.where(category[None, :] == c, distance + foreign * 10.0, np.inf)
        table[c] = np.argmin(score, axis=1)
    return table


def region_index(deps) -> np.ndarray:
    """Per département: the index of its région in alphabetical order."""
    return np.unique(deps["region"].to_numpy(str), return_inverse=True)[1]


def _rank_within(group: np.ndarray, selected: np.ndarray) -> np.ndarray:
    """For each item, how many selected items of its (sorted) group come before it."""
    running = np.cumsum(selected) - selected
    return running - running[np.searchsorted(group, group, side="left")]


def finess_prefix(code: str) -> str:
    """A FINESS number starts with the département (2A, 2B in Corsica; 9701 ... 9706 overseas)."""
    return "970" + code[-1] if len(code) == 3 else code


def _finess(codes: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """9 characters: the département's prefix, a serial, a Luhn check digit, as real FINESS numbers."""
    numbers = np.empty(len(codes), dtype=object)
    for code in dict.fromkeys(codes):
        where = np.flatnonzero(codes == code)
        prefix = finess_prefix(code)
        digits = 8 - len(prefix)
        serial = rng.choice(10**digits, size=len(where), replace=False)
        numbers[where] = [prefix + str(s).zfill(digits) for s in serial]
    return np.array([n + luhn_digit(n) for n in numbers], dtype=object)


def luhn_digit(body: str) -> str:
    """The Luhn check digit of `body` (letters count as their rank: A = 1, B = 2)."""
    digits = [int(c) if c.isdigit() else ord(c) - ord("A") + 1 for c in body]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return str((10 - total % 10) % 10)
