"""One block of patients and everything that happens to them: the unit of work of every scheduler.

A block's tables depend only on (seed, options, block number) and the shared
context, so blocks can run in any process, on any machine, in any order.
"""

from dataclasses import dataclass, replace

import numpy as np
import pyarrow as pa

from generators.activity import hospital_activity
from generators.columns import timestamps
from generators.defects import inject_defects
from generators.etablissements import Etablissements, build_etablissements
from generators.hashing import row_hashes
from generators.journaux import Incidents, access_logs, incidents
from generators.patients import BLOCK_SIZE, Period, patients_block
from generators.pools import IdentityPools, build_identity_pools
from generators.schema import TABLES
from generators.signals import Truth, draw_truth, programme
from generators.telesurveillance import telemonitoring
from generators.urgences import emergency_visits

BLOCK_TABLES = ("patients", "sejours", "diagnostics", "actes", "urgences", "telesurveillance", "journaux_acces")


@dataclass(frozen=True)
class Context:
    """What every block shares: built once per run, sent once to each worker."""
    patients: int
    seed: int
    period: Period
    pools: IdentityPools
    hospitals: Etablissements
    truth: Truth
    tables: tuple[str, ...] = BLOCK_TABLES     # a subset makes only those (each table has its own random stream)
    defects: float = 0.0
    incidents: Incidents | None = None         # the security incidents hidden in journaux_acces

    @classmethod
    def build(cls, patients: int, seed: int, period: Period, tables: tuple[str, ...] = BLOCK_TABLES,
              defects: float = 0.0) -> "Context":
        pools = build_identity_pools(seed)
        hospitals = build_etablissements(patients, seed, pools)
        truth = draw_truth(seed, hospitals)
        start = np.where(truth.in_programme, programme().start, np.datetime64("NaT", "D"))
        hospitals = replace(hospitals, table=hospitals.table.append_column("date_programme_sortie", timestamps(start)))
        return cls(patients, seed, period, pools, hospitals, truth, tables, defects, incidents(seed, period, hospitals))

    def block_count(self) -> int:
        return (self.patients + BLOCK_SIZE - 1) // BLOCK_SIZE

    def block_size(self, block: int) -> int:
        return min(BLOCK_SIZE, self.patients - block * BLOCK_SIZE)


@dataclass(frozen=True)
class Block:
    tables: dict[str, pa.Table]
    row_hashes: dict[str, np.ndarray]     # computed here, in parallel, rather than by the writer
    defects: pa.Table                     # what inject_defects damaged (empty for clean data)


def generate_block(block: int, context: Context) -> Block:
    population = patients_block(block, context.block_size(block), context.seed, context.period, context.pools)
    tables = {"patients": population.table}
    if set(context.tables) - {"patients"}:
        activity = hospital_activity(block, context.seed, context.period, population, context.hospitals, context.truth)
        tables |= {"sejours": activity.sejours, "diagnostics": activity.diagnostics, "actes": activity.actes,
                   "urgences": emergency_visits(block, context.seed, context.period, population, activity.stays,
                                                context.hospitals.table["finess"], context.truth),
                   "telesurveillance": telemonitoring(block, context.seed, population, activity),
                   "journaux_acces": access_logs(block, context.seed, context.period, population, activity,
                                                 context.hospitals, context.incidents)}
    tables = {name: conform(name, table) for name, table in tables.items() if name in context.tables}
    damaged = inject_defects(tables, block, context.seed, context.defects)
    return Block(damaged.tables, {name: row_hashes(table) for name, table in damaged.tables.items()}, damaged.log)


def conform(name: str, table: pa.Table) -> pa.Table:
    """The table with exactly its documented columns and types (an empty block included).

    A dictionary-encoded column stays so when its values have the documented type.
    """
    target = TABLES[name].arrow_schema()
    table = table.select(target.names)
    fields = [f if pa.types.is_dictionary(f.type) and f.type.value_type == t.type else t
              for f, t in zip(table.schema, target)]
    return table.cast(pa.schema(fields))
