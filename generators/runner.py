"""Runs the blocks of a dataset and yields them in block order.

Three ways, one result: in this process, in W local processes (this one among
them), or on an existing dask.distributed cluster. At most a few blocks per worker
are in flight at once, so memory stays bounded whatever the number of patients.
The run's Context, the instructor's configuration included, goes once to each
worker (a local process's initializer, or dask's scatter): workers read no file
of their own.

A local process hands its block over as Arrow IPC files in `spill`, which the
caller maps without copying (a block is some 35 MB: pickled through a pipe, its
transfer cost the writing process as much as writing it).
"""

import multiprocessing
import multiprocessing.forkserver
import shutil
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, wait
from pathlib import Path

import numpy as np
import pyarrow as pa

from common.cluster import connect
from generators.blocks import Block, Context, generate_block
from generators.settings import WORKERS

BLOCKS_IN_FLIGHT_PER_WORKER = 2


def run_blocks(context: Context, spill: Path, workers: int = WORKERS, scheduler: str | None = None) -> Iterator[Block]:
    """`spill`: an empty folder for the blocks local processes hand over; each block's files are gone
    once the next block is asked for."""
    blocks = range(context.block_count())
    if scheduler:
        yield from _on_dask_cluster(context, scheduler, blocks)
    elif workers > 1:
        yield from _in_local_processes(context, workers, blocks, spill)
    else:
        for block in blocks:
            yield generate_block(block, context)


def _in_order(submit: Callable, blocks: Iterable[int], window: int) -> Iterator:
    """Keeps `window` blocks submitted; yields results in block order."""
    remaining = iter(blocks)
    pending = deque(submit(block) for _, block in zip(range(window), remaining))
    while pending:
        result = pending.popleft().result()
        following = next(remaining, None)
        if following is not None:
            pending.append(submit(following))
        yield result


_worker_context: Context | None = None


def _start_worker(context: Context) -> None:
    global _worker_context
    _worker_context = context


def _block_in_worker(block: int, spill: Path) -> Path:
    return _spilled(generate_block(block, _worker_context), spill / f"{block:06d}")


def _in_local_processes(context: Context, workers: int, blocks: range, spill: Path) -> Iterator[Block]:
    """`workers` - 1 processes, and this one: the caller writes the blocks, which leaves this process most
    of a core, so while the next block to write is not back it makes a later one itself. The processes
    have a few blocks to make at any time, and may finish as many ahead (those wait on disk, in `spill`)."""
    window = BLOCKS_IN_FLIGHT_PER_WORKER * (workers - 1)
    unassigned, sent, made_here = deque(blocks), {}, {}

    def send(pool: ProcessPoolExecutor) -> None:
        while unassigned and len(sent) < 2 * window and sum(not f.done() for f in sent.values()) < window:
            block = unassigned.popleft()
            sent[block] = pool.submit(_block_in_worker, block, spill)

    with ProcessPoolExecutor(
        workers - 1, mp_context=_fresh_processes(), initializer=_start_worker, initargs=(context,)
    ) as pool:
        for block in blocks:
            send(pool)
            while block not in made_here and not sent[block].done():
                if unassigned and len(made_here) < BLOCKS_IN_FLIGHT_PER_WORKER:
                    later = unassigned.popleft()
                    made_here[later] = generate_block(later, context)
                    send(pool)
                else:
                    wait([sent[block]])
            if block in made_here:
                yield made_here.pop(block)
            else:
                folder = sent.pop(block).result()
                yield _mapped(folder)
                shutil.rmtree(folder)


_DEFECTS, _ROW_HASH = "defects", "row_hash"  # the file of a block's defect log; the column of its row hashes


def _spilled(block: Block, folder: Path) -> Path:
    """Writes `block` into `folder`: a file per table, its row hashes as a last column."""
    folder.mkdir()
    for name, table in {**block.tables, _DEFECTS: block.defects}.items():
        if name != _DEFECTS:
            table = table.append_column(_ROW_HASH, pa.array(block.row_hashes[name]))
        with pa.OSFile(str(folder / f"{name}.arrow"), "wb") as sink, pa.ipc.new_stream(sink, table.schema) as out:
            out.write_table(table)
    return folder


def _mapped(folder: Path) -> Block:
    """The block _spilled wrote, its tables mapped from the files without copying."""
    tables = {path.stem: pa.ipc.open_stream(pa.memory_map(str(path))).read_all() for path in folder.glob("*.arrow")}
    defects = tables.pop(_DEFECTS)
    return Block(
        {name: table.drop_columns([_ROW_HASH]) for name, table in tables.items()},
        {name: np.asarray(table[_ROW_HASH].combine_chunks()) for name, table in tables.items()},
        defects,
    )


def start_early(workers: int = WORKERS, scheduler: str | None = None) -> None:
    """Starts the server local workers fork from, so that it imports the generator while the caller
    builds the run's Context (nothing to do for one process or a dask cluster)."""
    if workers > 1 and not scheduler and _fresh_processes().get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def _fresh_processes() -> multiprocessing.context.BaseContext:
    """Workers that do not inherit the writer's Arrow threads: forked from a server process that has
    imported the generator and its tables once (prelude.py, "forkserver"), or fresh interpreters where
    there is none ("spawn")."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generators.prelude"])
    return context


def _on_dask_cluster(context: Context, address: str, blocks: range) -> Iterator[Block]:
    with connect(address) as client:
        shared = client.scatter(context, broadcast=True)
        workers = max(1, sum(client.nthreads().values()))
        yield from _in_order(
            lambda block: client.submit(generate_block, block, shared, pure=False),
            blocks,
            BLOCKS_IN_FLIGHT_PER_WORKER * workers,
        )
