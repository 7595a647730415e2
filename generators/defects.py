"""Data-quality defects for cleaning exercises: `--defects RATE` (default 0: clean data).

Each row of a table gets, with probability RATE, one defect of a kind the table
can have: a missing value, a duplicate row, an inconsistently written code, or
an impossible date. Every defect is logged (table, row id, column, kind) for the
instructor's truth file; the participants' dataset only says the rate.
"""

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

STREAM = 6
MISSING, DUPLICATE, CODE, DATE = "valeur_manquante", "doublon", "code_incoherent", "date_impossible"
ID_COLUMN = {
    "patients": "patient_id",
    "sejours": "sejour_id",
    "diagnostics": "sejour_id",
    "actes": "sejour_id",
    "urgences": "passage_id",
}
# For each table, the columns each kind of defect may touch.
KINDS = {
    "patients": {
        MISSING: ("sexe", "code_postal", "date_naissance"),
        DUPLICATE: (),
        CODE: ("sexe",),
        DATE: ("date_naissance",),
    },
    "sejours": {
        MISSING: ("diagnostic_principal", "finess", "mode_sortie"),
        DUPLICATE: (),
        CODE: ("diagnostic_principal", "ghm"),
        DATE: ("date_sortie",),
    },
    "diagnostics": {MISSING: ("code_cim10",), DUPLICATE: (), CODE: ("code_cim10",)},
    "actes": {MISSING: ("date_acte",), DUPLICATE: (), CODE: ("code_ccam",)},
    "urgences": {MISSING: ("niveau_tri", "date_heure_sortie"), DUPLICATE: (), DATE: ("date_heure_sortie",)},
}
DATE_SHIFT_DAYS = {"date_naissance": 54788, "date_sortie": -400, "date_heure_sortie": -30}
LOG_SCHEMA = pa.schema([("table", pa.string()), ("id", pa.string()), ("colonne", pa.string()), ("defaut", pa.string())])


@dataclass(frozen=True)
class Injected:
    tables: dict[str, pa.Table]
    log: pa.Table  # LOG_SCHEMA


def inject_defects(tables: dict[str, pa.Table], block: int, seed: int, rate: float) -> Injected:
    rng = np.random.default_rng([seed, STREAM, block])
    logs, damaged = [], {}
    for name, table in tables.items():
        if name not in KINDS or rate == 0:
            damaged[name] = table
            continue
        table, log = _damage(name, table, rate, rng)
        damaged[name] = table
        logs.append(log)
    return Injected(damaged, pa.concat_tables(logs) if logs else LOG_SCHEMA.empty_table())


def _damage(name: str, table: pa.Table, rate: float, rng) -> tuple[pa.Table, pa.Table]:
    kinds = list(KINDS[name])
    hit = rng.random(table.num_rows) < rate
    kind = rng.integers(0, len(kinds), table.num_rows)
    column_choice = rng.random(table.num_rows)
    ids = table[ID_COLUMN[name]].to_numpy(zero_copy_only=False)
    log_rows = []
    for k, kind_name in enumerate(kinds):
        if kind_name == DUPLICATE:
            continue
        columns = KINDS[name][kind_name]
        for c, column in enumerate(columns):
            rows = hit & (kind == k) & (np.floor(column_choice * len(columns)) == c)
            if rows.any():
                table = table.set_column(
                    table.schema.get_field_index(column), column, _apply(kind_name, column, table[column], rows, rng)
                )
                log_rows += [(name, i, column, kind_name) for i in ids[rows]]
    if DUPLICATE in kinds:
        twice = hit & (kind == kinds.index(DUPLICATE))
        table = table.take(pa.array(np.repeat(np.arange(table.num_rows), np.where(twice, 2, 1))))
        log_rows += [(name, i, "", DUPLICATE) for i in ids[twice]]
    log = pa.table(dict(zip(LOG_SCHEMA.names, map(list, zip(*log_rows))))) if log_rows else None
    return table, (log.cast(LOG_SCHEMA) if log is not None else LOG_SCHEMA.empty_table())


def _apply(kind: str, name: str, column: pa.ChunkedArray, rows: np.ndarray, rng) -> pa.Array:
    column = column.combine_chunks()
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    mask = pa.array(rows)
    if kind == MISSING:
        return pc.if_else(mask, pa.scalar(None, column.type), column)
    if kind == CODE:  # written as people do: 1/2 for the sex, no dot or lower case for a code
        variants = (
            [pc.replace_substring(pc.replace_substring(column, "M", "1"), "F", "2")]
            if name == "sexe"
            else [pc.replace_substring(column, ".", ""), pc.utf8_lower(column)]
        )
        written = variants[0]
        if len(variants) > 1:
            written = pc.if_else(pa.array(rng.random(len(column)) < 0.5), variants[1], written)
        written = pc.if_else(pc.equal(written, column), pc.utf8_lower(column), written)  # "I10" has no dot
        return pc.if_else(mask, written, column)
    # DATE: a birth 150 years ahead, an exit or a departure long before the entry or arrival
    values = column.to_numpy(zero_copy_only=False)
    shifted = values + np.timedelta64(DATE_SHIFT_DAYS[name], "D").astype("timedelta64[ms]")
    return pc.if_else(mask, pa.array(shifted, type=column.type), column)
