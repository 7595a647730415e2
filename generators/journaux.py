"""Access logs of the patient record (journaux d'accès au dossier patient), over the last
LOG_DAYS days of the period, with three incidents whose truth the kit knows.

Normal work: the staff of a service (agents, each with a workstation of the service) open
the records of the patients hospitalised in their service, mostly by day, after logging in.
Incidents (chosen from the seed, the same in every block; `incidents()` gives their truth):
- `curiosite`: an agent opens the records of patients of other services of the établissement;
- `extraction_nocturne`: a compromised account exports, one night between 1 and 4 am, the
  records of every patient ever treated in its établissement, like the theft of 750 000
  patients' data from a hospital of the Paris region;
- `bourrage_identifiants` (credential stuffing): from one unknown workstation, hundreds of
  failed logins on many user names within minutes, a few of which succeed.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from generators.columns import coded, per_row, pick, timestamps
from generators.etablissements import Etablissements
from generators.patients import Period

STREAM = 8
LOG_DAYS = 28
AGENTS_PER_SERVICE = 5
SERVICES = (
    "medecine",
    "cardiologie",
    "pneumologie",
    "neurologie",
    "chirurgie",
    "orthopedie",
    "maternite",
    "hopital_de_jour",
)
SERVICE_OF_CMD = {
    "01": "neurologie",
    "04": "pneumologie",
    "05": "cardiologie",
    "06": "chirurgie",
    "07": "chirurgie",
    "08": "orthopedie",
    "14": "maternite",
    "15": "maternite",
    "28": "hopital_de_jour",
}
NIGHT_SHARE = 0.12  # accesses by the night shift (21 h - 7 h)
ADVICE_SHARE = 0.02  # accesses by an agent of another service (a specialist's advice)
CURIOUS_PER_BLOCK = 15  # records the curious agent opens, per block of patients
FAILED_LOGIN_SHARE = 0.03
STUFFING_ATTEMPTS, STUFFING_MINUTES, STUFFING_SUCCESSES = 400, 25, 3
CURIOUS_NUMBER, EXTRACTION_NUMBER = 2, 4  # which agent of their service (below AGENTS_PER_SERVICE)
ACTIONS = ("consultation", "export", "connexion")
CONSULTATION, EXPORT, LOGIN = range(len(ACTIONS))


@dataclass(frozen=True)
class Incidents:
    curious_agent: str
    curious_finess: int  # index of the établissement
    curious_service: int
    extraction_agent: str
    extraction_finess: int
    extraction_night: int  # day number of the night (the extraction starts after 1 am)
    stuffing_workstation: str
    stuffing_day: int


def agent_id(finess: np.ndarray, service: np.ndarray, number: np.ndarray) -> np.ndarray:
    return np.char.add("AG", _agent_key(finess, service, number).astype(str))


def _agent_key(finess, service, number) -> np.ndarray:
    """An agent as a number whose order is that of its identifier (always 7 digits after "AG")."""
    return 1_000_000 + finess * 1000 + service * AGENTS_PER_SERVICE + number


# Made-up user names of the credential stuffing ("admin0" to "admin98"), as agent keys above every real
# one, numbered in the order of their names.
_MADE_UP_NAMES = sorted(f"admin{k}" for k in range(99))
_MADE_UP_FROM = 10**10
_MADE_UP_KEY = _MADE_UP_FROM + np.array([_MADE_UP_NAMES.index(f"admin{k}") for k in range(99)])


def _agent_names(keys: np.ndarray) -> pa.DictionaryArray:
    distinct, position = np.unique(keys, return_inverse=True)
    real = distinct < _MADE_UP_FROM
    return coded(
        position,
        np.r_[np.char.add("AG", distinct[real].astype(str)), np.array(_MADE_UP_NAMES)[distinct[~real] - _MADE_UP_FROM]],
    )


def incidents(seed: int, period: Period, hospitals: Etablissements) -> Incidents:
    rng = np.random.default_rng([seed, STREAM])
    beds = hospitals.table["lits"].to_numpy().astype(float)
    university = np.flatnonzero(hospitals.table["categorie"].to_numpy(zero_copy_only=False) == "CHU")
    busiest = university[np.argsort(-beds[university])[:6]]  # busy places: the incidents show in the logs
    chosen = rng.choice(busiest, size=2, replace=False)
    _, end = period.day_numbers()
    curious_service, extraction_service = rng.integers(0, len(SERVICES), 2)
    return Incidents(
        curious_agent=str(agent_id(np.array([chosen[0]]), np.array([curious_service]), np.array([CURIOUS_NUMBER]))[0]),
        curious_finess=int(chosen[0]),
        curious_service=int(curious_service),
        extraction_agent=str(
            agent_id(np.array([chosen[1]]), np.array([extraction_service]), np.array([EXTRACTION_NUMBER]))[0]
        ),
        extraction_finess=int(chosen[1]),
        extraction_night=int(end - LOG_DAYS + rng.integers(3, LOG_DAYS - 3)),
        stuffing_workstation=f"PC-EXT-{rng.integers(100, 999)}",
        stuffing_day=int(end - LOG_DAYS + rng.integers(1, LOG_DAYS - 1)),
    )


def truth(found: Incidents, hospitals: Etablissements) -> dict:
    finess = hospitals.table["finess"].to_pylist()
    return {
        "curiosite": {
            "agent_id": found.curious_agent,
            "finess": finess[found.curious_finess],
            "service_agent": SERVICES[found.curious_service],
        },
        "extraction_nocturne": {
            "agent_id": found.extraction_agent,
            "finess": finess[found.extraction_finess],
            "nuit": str(np.datetime64(found.extraction_night, "D")),
        },
        "bourrage_identifiants": {
            "poste": found.stuffing_workstation,
            "jour": str(np.datetime64(found.stuffing_day, "D")),
        },
    }


def access_logs(
    block: int,
    seed: int,
    period: Period,
    patient_id: pa.Array | pa.ChunkedArray,
    sejours: pa.Table,
    patient: np.ndarray,
    hospitals: Etablissements,
    found: Incidents,
) -> pa.Table:
    """The accesses to the records of the block's patients (`patient_id`: the residents, then the children
    born in the block) during their stays (`sejours`, rows of the sejours table, `patient` the row of
    each one's patient), births included."""
    rng = np.random.default_rng([seed, STREAM, block])
    _, end = period.day_numbers()
    window = end - LOG_DAYS
    stays = _Stays(
        patient=patient,
        entry=_day_numbers(sejours["date_entree"]),
        exit=_day_numbers(sejours["date_sortie"]),
        finess=per_row(sejours["finess"], lambda f: pc.index_in(f, value_set=hospitals.table["finess"]).to_numpy()),
    )
    service = per_row(sejours["ghm"], _service_of_ghm)

    # Normal work: accesses on the days of each stay that fall in the window.
    first, last = np.maximum(stays.entry, window), np.minimum(stays.exit, end - 1)
    present = np.flatnonzero(last >= first)
    count = 3 + 3 * (last[present] - first[present])
    stay = np.repeat(present, count)
    day = first[stay] + (rng.random(len(stay)) * (last[stay] - first[stay] + 1)).astype(np.int64)
    number = rng.integers(0, AGENTS_PER_SERVICE, len(stay))
    night = rng.random(len(stay)) < NIGHT_SHARE
    minute = np.where(
        night, (21 * 60 + rng.integers(0, 10 * 60, len(stay))) % (24 * 60), rng.integers(7 * 60, 21 * 60, len(stay))
    )
    advice = rng.random(len(stay)) < ADVICE_SHARE
    agent_service = np.where(
        advice, (service[stay] + rng.integers(1, len(SERVICES), len(stay))) % len(SERVICES), service[stay]
    )
    normal = _rows(
        day * 1440 + minute,
        stays.finess[stay],
        agent_service,
        number,
        stays.patient[stay],
        service[stay],
        CONSULTATION,
    )

    # Curiosity: the curious agent opens records of patients of other services of the établissement,
    # hospitalised now or earlier (a neighbour, a public figure): about the same number whatever the size.
    elsewhere = np.flatnonzero((stays.finess == found.curious_finess) & (service != found.curious_service))
    other = rng.choice(elsewhere, size=min(CURIOUS_PER_BLOCK, len(elsewhere)), replace=False)
    curious_day = window + rng.integers(0, LOG_DAYS, len(other))
    curious = _rows(
        curious_day * 1440 + rng.integers(9 * 60, 18 * 60, len(other)),
        np.full(len(other), found.curious_finess),
        np.full(len(other), found.curious_service),
        np.full(len(other), CURIOUS_NUMBER),
        stays.patient[other],
        service[other],
        CONSULTATION,
    )

    # The night extraction: every patient ever treated in the établissement, 1 am to 4 am.
    treated = np.unique(stays.patient[stays.finess == found.extraction_finess])
    extraction_service = int(agent_id_service(found.extraction_agent))
    extraction = _rows(
        found.extraction_night * 1440 + 60 + np.sort(rng.integers(0, 180, len(treated))),
        np.full(len(treated), found.extraction_finess),
        np.full(len(treated), extraction_service),
        np.full(len(treated), EXTRACTION_NUMBER),
        treated,
        np.full(len(treated), -1),
        EXPORT,
    )

    accesses = pd.concat([normal, curious, extraction], ignore_index=True)
    logins = _logins(accesses, rng)
    parts = [logins, accesses] + ([_credential_stuffing(found, hospitals, rng)] if block == 0 else [])
    table = pd.concat(parts, ignore_index=True).sort_values(["minute", "agent"], kind="stable")
    return _as_arrow(table, patient_id, hospitals, found)


def _service_of_ghm(ghm: pa.Array) -> np.ndarray:
    """The service (position in SERVICES) that treats each GHM, from its CMD."""
    cmd = pd.Series(ghm.to_numpy(zero_copy_only=False)).str[:2]
    return cmd.map(SERVICE_OF_CMD).fillna("medecine").map({s: i for i, s in enumerate(SERVICES)}).to_numpy()


def agent_id_service(agent: str) -> int:
    return (int(agent[2:]) - 1_000_000) % 1000 // AGENTS_PER_SERVICE


def _rows(minute, finess, service, number, patient, patient_service, action) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "minute": minute,
            "finess": finess,
            "service": service,
            "number": number,
            "agent": _agent_key(finess, service, number),
            "patient": patient,
            "service_patient": patient_service,
            "action": action,
            "succes": True,
            "external": False,  # from the credential stuffing's unknown workstation
        }
    )


def _logins(accesses: pd.DataFrame, rng) -> pd.DataFrame:
    """A login before each agent's first access of the day, a few after a failed attempt."""
    day = accesses["minute"] // 1440
    first = accesses.assign(day=day).sort_values("minute").drop_duplicates(["agent", "day"])
    logins = first.assign(
        minute=np.maximum(first["minute"] - rng.integers(1, 10, len(first)), first["day"] * 1440),
        patient=-1,
        service_patient=-1,
        action=LOGIN,
        succes=True,
    )
    failed = logins[rng.random(len(logins)) < FAILED_LOGIN_SHARE].assign(
        minute=lambda f: np.maximum(f["minute"] - 1, f["day"] * 1440), succes=False
    )
    return pd.concat([failed, logins]).drop(columns="day")


def _credential_stuffing(found: Incidents, hospitals: Etablissements, rng) -> pd.DataFrame:
    """Many user names tried on one établissement's login service from one workstation: existing accounts
    of the établissement, and made-up names."""
    count = STUFFING_ATTEMPTS
    finess = np.full(count, found.extraction_finess)
    service = rng.integers(0, len(SERVICES), count)
    agents = _agent_key(finess, service, rng.integers(0, AGENTS_PER_SERVICE, count))
    made_up = rng.random(count) < 0.4
    agents = np.where(made_up, _MADE_UP_KEY[rng.integers(0, 99, count)], agents)
    service = np.where(made_up, -1, service)
    succes = np.zeros(count, bool)
    succes[rng.choice(np.flatnonzero(~made_up), STUFFING_SUCCESSES, replace=False)] = True
    minute = found.stuffing_day * 1440 + 2 * 60 + np.sort(rng.integers(0, STUFFING_MINUTES, count))
    return pd.DataFrame(
        {
            "minute": minute,
            "finess": finess,
            "service": service,
            "number": -1,
            "agent": agents,
            "patient": -1,
            "service_patient": -1,
            "action": LOGIN,
            "succes": succes,
            "external": True,
        }
    )


@dataclass(frozen=True)
class _Stays:
    patient: np.ndarray  # row of the patient in the block
    entry: np.ndarray  # day numbers
    exit: np.ndarray
    finess: np.ndarray  # index of the établissement


def _day_numbers(column: pa.ChunkedArray) -> np.ndarray:
    return column.to_numpy().astype("datetime64[D]").astype(np.int64)


def _as_arrow(table: pd.DataFrame, patient_id: pa.Array, hospitals: Etablissements, found: Incidents) -> pa.Table:
    finess, service, number = (table[name].to_numpy() for name in ("finess", "service", "number"))
    patient = table["patient"].to_numpy()
    return pa.table(
        {
            "horodatage": timestamps(table["minute"].to_numpy(), unit="m"),
            "finess": pick(hospitals.table["finess"], finess),
            "agent_id": _agent_names(table["agent"].to_numpy()),
            "service_agent": coded(service, SERVICES),
            "poste": _workstations(finess, service, number, table["external"].to_numpy(), found),
            "action": coded(table["action"].to_numpy(), ACTIONS),
            "resultat": coded(np.where(table["succes"].to_numpy(), 0, 1), ["succes", "echec"]),
            "patient_id": patient_id.take(pa.array(patient, mask=patient < 0)),
            "service_patient": coded(table["service_patient"].to_numpy(), SERVICES),
        }
    )


def _workstations(finess, service, number, external, found: Incidents) -> pa.DictionaryArray:
    """Each row's workstation (PC-<finess and service>-<0 to 3>), the credential stuffing's unknown one
    for its rows."""
    key = np.where(external, -1, (finess * 100 + service * 10) * 4 + number % 4)
    distinct, position = np.unique(key, return_inverse=True)
    names = np.char.add(np.char.add("PC-", (distinct // 4).astype(str)), np.char.add("-", (distinct % 4).astype(str)))
    return coded(position, np.where(distinct == -1, found.stuffing_workstation, names.astype(object)))
