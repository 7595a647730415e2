"""One block of patients and everything that happens to them: the unit of work of every scheduler.

A block's tables depend only on (seed, options, block number) and the shared
context, so blocks can run in any process, on any machine, in any order.
"""

from dataclasses import dataclass, replace

import numpy as np
import pyarrow as pa

from generators.activity import Activity, Catalogue, build_catalogue, hospital_activity
from generators.clinical import Clinical, load_clinical
from generators.columns import timestamps
from generators.defects import inject_defects
from generators.etablissements import Etablissements, build_etablissements
from generators.hashing import row_hashes
from generators.journaux import Incidents, access_logs, incidents
from generators.patients import BLOCK_SIZE, Period, Population, patients_block
from generators.pools import IdentityPools, build_identity_pools
from generators.schema import TABLES
from generators.signals import Truth, draw_truth
from generators.telesurveillance import telemonitoring
from generators.urgences import emergency_visits

BLOCK_TABLES = ("patients", "sejours", "diagnostics", "actes", "urgences", "telesurveillance", "journaux_acces")


@dataclass(frozen=True)
class Context:
    """What every block shares: built once per run, sent once to each worker (the instructor's
    configuration included, so that workers never read files of their own)."""

    patients: int
    seed: int
    period: Period
    pools: IdentityPools
    hospitals: Etablissements
    truth: Truth
    clinical: Clinical  # the pathway modules and signaux.yml of the run
    catalogue: Catalogue  # the modules as arrays, built from `clinical`
    tables: tuple[str, ...] = BLOCK_TABLES  # a subset makes only those (each table has its own random stream)
    defects: float = 0.0
    incidents: Incidents | None = None  # the security incidents hidden in journaux_acces

    @classmethod
    def build(
        cls,
        patients: int,
        seed: int,
        period: Period,
        tables: tuple[str, ...] = BLOCK_TABLES,
        defects: float = 0.0,
        clinical: Clinical | None = None,
    ) -> "Context":
        """`clinical`: the configuration to follow; by default load_clinical() reads the default files now."""
        clinical = load_clinical() if clinical is None else clinical
        pools = build_identity_pools(seed)
        hospitals = build_etablissements(patients, seed, pools)
        truth = draw_truth(seed, hospitals, clinical.signals)
        start = np.where(truth.in_programme, clinical.signals.programme.start, np.datetime64("NaT", "D"))
        hospitals = replace(hospitals, table=hospitals.table.append_column("date_programme_sortie", timestamps(start)))
        return cls(
            patients,
            seed,
            period,
            pools,
            hospitals,
            truth,
            clinical,
            build_catalogue(clinical, period),
            tables,
            defects,
            incidents(seed, period, hospitals),
        )

    def block_count(self) -> int:
        return (self.patients + BLOCK_SIZE - 1) // BLOCK_SIZE

    def block_size(self, block: int) -> int:
        return min(BLOCK_SIZE, self.patients - block * BLOCK_SIZE)


@dataclass(frozen=True)
class Block:
    tables: dict[str, pa.Table]
    row_hashes: dict[str, np.ndarray]  # computed here, in parallel, rather than by the writer
    defects: pa.Table  # what inject_defects damaged (empty for clean data)


def generate_block(block: int, context: Context) -> Block:
    population = patients_block(
        block, context.block_size(block), context.seed, context.period, context.pools, context.clinical.modules
    )
    tables = {"patients": population.table}
    if set(context.tables) - {"patients"}:
        # The residents' care, then that of the children born in their deliveries, who join the
        # population (only when stays are generated).
        activity, visits = _care(block, context, population)
        born = activity.born
        infant_care, infant_visits = _care(block, context, born, newborns=True)
        tables["patients"] = stacked("patients", population.table, born.table)
        sejours = stacked("sejours", activity.sejours, activity.newborn_stays, infant_care.sejours)
        residents, children = len(population.age), np.arange(len(born.age))
        patient_of_stay = np.r_[activity.stays.patient, residents + children, residents + infant_care.stays.patient]
        tables |= {
            "sejours": sejours,
            "diagnostics": pa.concat_tables([activity.diagnostics, infant_care.diagnostics]),
            "actes": pa.concat_tables([activity.actes, infant_care.actes]),
            "urgences": stacked("urgences", visits, infant_visits),
            "telesurveillance": telemonitoring(block, context.seed, population, activity),
            "journaux_acces": access_logs(
                block,
                context.seed,
                context.period,
                tables["patients"]["patient_id"],
                sejours,
                patient_of_stay,
                context.hospitals,
                context.incidents,
            ),
        }
    tables = {name: conform(name, table) for name, table in tables.items() if name in context.tables}
    damaged = inject_defects(tables, block, context.seed, context.defects)
    return Block(damaged.tables, {name: row_hashes(table) for name, table in damaged.tables.items()}, damaged.log)


def _care(block: int, context: Context, people: Population, newborns: bool = False) -> tuple[Activity, pa.Table]:
    """The hospital stays and the emergency visits of `people` (the block's residents, or its newborns)."""
    activity = hospital_activity(
        block,
        context.seed,
        context.period,
        people,
        context.hospitals,
        context.truth,
        context.catalogue,
        context.clinical.signals,
        context.pools,
        newborns=newborns,
    )
    visits = emergency_visits(
        block,
        context.seed,
        context.period,
        people,
        activity.stays,
        context.hospitals.table["finess"],
        context.truth,
        context.clinical.signals,
        newborns=newborns,
    )
    return activity, visits


def conform(name: str, table: pa.Table) -> pa.Table:
    """The table with exactly its documented columns and types (an empty block included).

    A dictionary-encoded column stays so when its values have the documented type.
    """
    target = TABLES[name].arrow_schema()
    table = table.select(target.names)
    fields = [
        f if pa.types.is_dictionary(f.type) and f.type.value_type == t.type else t for f, t in zip(table.schema, target)
    ]
    return table.cast(pa.schema(fields))


def stacked(name: str, *parts: pa.Table) -> pa.Table:
    """The parts' rows in one table; a column dictionary-encoded in one part and not in another is decoded."""
    parts = [conform(name, part) for part in parts]
    documented = TABLES[name].arrow_schema()
    same = lambda field: all(part.schema.field(field.name).type == field.type for part in parts)  # noqa: E731
    schema = pa.schema([f if same(f) else documented.field(f.name) for f in parts[0].schema])
    return pa.concat_tables([part.cast(schema) for part in parts])
