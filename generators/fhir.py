"""FHIR R4 export of a generated dataset: Patient, Organization, Encounter, Condition, Procedure.

`python -m generators ... --fhir` writes OUT/fhir/TYPE.ndjson, one resource per line (the
FHIR Bulk Data format), beside the tables. Resources are assembled as text, column by column
(no Python loop over rows); tests/test_fhir.py validates them with the fhir.resources models
(R4B, the technical correction of R4: these five resources have the same structure).

Code systems: CIM-10 codes are ICD-10 codes; the French ones (CIM-10 ATIH, CCAM, GHM, FINESS)
use the identifiers below, placeholders of this kit under example.org: a real exchange would
use those of the ANS terminology server (SMT), which is not reachable offline.
"""

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from common.files import staged_folder

ICD10 = "http://hl7.org/fhir/sid/icd-10"
CCAM = "https://innovhealth.example.org/fhir/CodeSystem/ccam"
GHM = "https://innovhealth.example.org/fhir/CodeSystem/ghm"
FINESS = "https://innovhealth.example.org/fhir/NamingSystem/finess"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
RESOURCES = ("Patient", "Organization", "Encounter", "Condition", "Procedure")
BATCH_ROWS = 200_000


def write_fhir(dataset: Path, out: Path) -> dict[str, int]:
    """Writes out/TYPE.ndjson from the dataset's Parquet tables; returns the number of each resource.

    The files are written in a staging folder renamed into place, replacing an earlier export:
    `out` is complete or absent."""
    with staged_folder(out, overwrite=True) as staging:
        counts = _write_resources(dataset, staging)
    return counts


def _write_resources(dataset: Path, out: Path) -> dict[str, int]:
    patient_of = pd.read_parquet(dataset / "sejours.parquet", columns=["sejour_id", "patient_id"]).set_index(
        "sejour_id"
    )["patient_id"]
    counts: dict[str, int] = {}
    for resource, table, render in (
        ("Patient", "patients", _patients),
        ("Organization", "etablissements", _organizations),
        ("Encounter", "sejours", _encounters),
        ("Condition", "sejours", _principal_conditions),
        ("Condition", "diagnostics", _associated_conditions),
        ("Procedure", "actes", _procedures),
    ):
        with open(out / f"{resource}.ndjson", "a" if resource in counts else "w", encoding="utf-8") as file:
            offset = 0
            for batch in pq.ParquetFile(dataset / f"{table}.parquet").iter_batches(BATCH_ROWS):
                rows = batch.to_pandas()
                rows.index += offset
                offset += len(rows)
                if "patient_id" not in rows and "sejour_id" in rows:
                    rows["patient_id"] = rows["sejour_id"].map(patient_of)
                lines = render(rows)
                file.write("".join(line + "\n" for line in lines))
                counts[resource] = counts.get(resource, 0) + len(lines)
    return counts


def _text(values: pd.Series) -> pd.Series:
    """JSON string literals, quotes included."""
    return values.astype(str).map(json.dumps)


def _day(values: pd.Series) -> pd.Series:
    return '"' + values.dt.strftime("%Y-%m-%d") + '"'


def _reference(kind: str, ids: pd.Series) -> pd.Series:
    return '{"reference":"' + kind + "/" + ids.astype(str) + '"}'


def _coding(system: str, codes: pd.Series) -> pd.Series:
    return '{"coding":[{"system":"' + system + '","code":' + _text(codes) + "}]}"


def _patients(rows: pd.DataFrame) -> pd.Series:
    deceased = ('"deceasedDateTime":' + _day(rows["date_deces"]) + ",").where(rows["date_deces"].notna(), "")
    return (
        '{"resourceType":"Patient","id":"'
        + rows["patient_id"]
        + '",'
        + '"gender":'
        + rows["sexe"].map({"F": '"female"', "M": '"male"'}).fillna('"unknown"')
        + ","
        + '"birthDate":'
        + _day(rows["date_naissance"])
        + ","
        + deceased
        + '"name":[{"family":'
        + _text(rows["nom"])
        + ',"given":['
        + _text(rows["prenom"])
        + "]}],"
        + '"telecom":[{"system":"phone","value":'
        + _text(rows["telephone"])
        + "}],"
        + '"address":[{"line":['
        + _text(rows["adresse"])
        + '],"postalCode":'
        + _text(rows["code_postal"])
        + ',"city":'
        + _text(rows["commune"])
        + ',"country":"FR"}]}'
    )


def _organizations(rows: pd.DataFrame) -> pd.Series:
    return (
        '{"resourceType":"Organization","id":"'
        + rows["finess"]
        + '",'
        + '"identifier":[{"system":"'
        + FINESS
        + '","value":"'
        + rows["finess"]
        + '"}],'
        + '"name":'
        + _text(rows["nom"])
        + ","
        + '"address":[{"city":'
        + _text(rows["commune"])
        + ',"country":"FR"}]}'
    )


def _encounters(rows: pd.DataFrame) -> pd.Series:
    ambulatory = rows["duree_sejour"] == 0
    return (
        '{"resourceType":"Encounter","id":"'
        + rows["sejour_id"]
        + '","status":"finished",'
        + '"class":{"system":"'
        + ACT_CODE
        + '","code":'
        + ambulatory.map({True: '"AMB"', False: '"IMP"'})
        + ',"display":'
        + ambulatory.map({True: '"ambulatory"', False: '"inpatient encounter"'})
        + "},"
        + '"type":['
        + _coding(GHM, rows["ghm"])
        + "],"
        + '"subject":'
        + _reference("Patient", rows["patient_id"])
        + ","
        + '"serviceProvider":'
        + _reference("Organization", rows["finess"])
        + ","
        + '"period":{"start":'
        + _day(rows["date_entree"])
        + ',"end":'
        + _day(rows["date_sortie"])
        + "}}"
    )


def _condition(ids: pd.Series, rows: pd.DataFrame, codes: pd.Series) -> pd.Series:
    return (
        '{"resourceType":"Condition","id":"'
        + ids
        + '",'
        + '"category":[{"coding":[{"system":"'
        + CONDITION_CATEGORY
        + '","code":"encounter-diagnosis"}]}],'
        + '"code":'
        + _coding(ICD10, codes)
        + ","
        + '"subject":'
        + _reference("Patient", rows["patient_id"])
        + ","
        + '"encounter":'
        + _reference("Encounter", rows["sejour_id"])
        + "}"
    )


def _principal_conditions(rows: pd.DataFrame) -> pd.Series:
    rows = rows[rows["diagnostic_principal"].notna()]
    return _condition(rows["sejour_id"] + "-dp", rows, rows["diagnostic_principal"])


def _associated_conditions(rows: pd.DataFrame) -> pd.Series:
    rows = rows[rows["code_cim10"].notna()]
    return _condition(rows["sejour_id"] + "-das" + rows["rang"].astype(str), rows, rows["code_cim10"])


def _procedures(rows: pd.DataFrame) -> pd.Series:
    return (
        '{"resourceType":"Procedure","id":"acte-'
        + rows.index.astype(str)
        + '","status":"completed",'
        + '"code":'
        + _coding(CCAM, rows["code_ccam"])
        + ","
        + '"subject":'
        + _reference("Patient", rows["patient_id"])
        + ","
        + '"encounter":'
        + _reference("Encounter", rows["sejour_id"])
        + ","
        + '"performedDateTime":'
        + _day(rows["date_acte"])
        + "}"
    )
