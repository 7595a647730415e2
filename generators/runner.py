"""Runs the blocks of a dataset and yields them in block order.

Three ways, one result: in this process, in W local processes, or on an
existing dask.distributed cluster. At most a few blocks per worker are in
flight at once, so memory stays bounded whatever the number of patients. The
run's Context, the instructor's configuration included, goes once to each worker
(a local process's initializer, or dask's scatter): workers read no file of their own.
"""

import multiprocessing
import multiprocessing.forkserver
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from common.cluster import connect
from generators.blocks import Block, Context, generate_block
from generators.settings import WORKERS

BLOCKS_IN_FLIGHT_PER_WORKER = 2


def run_blocks(context: Context, workers: int = WORKERS, scheduler: str | None = None) -> Iterator[Block]:
    blocks = range(context.block_count())
    if scheduler:
        yield from _on_dask_cluster(context, scheduler, blocks)
    elif workers > 1:
        yield from _in_local_processes(context, workers, blocks)
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


def _block_in_worker(block: int) -> Block:
    return generate_block(block, _worker_context)


def _in_local_processes(context: Context, workers: int, blocks: range) -> Iterator[Block]:
    with ProcessPoolExecutor(
        workers, mp_context=_fresh_processes(), initializer=_start_worker, initargs=(context,)
    ) as pool:
        yield from _in_order(
            lambda block: pool.submit(_block_in_worker, block), blocks, BLOCKS_IN_FLIGHT_PER_WORKER * workers
        )


def start_early(workers: int = WORKERS, scheduler: str | None = None) -> None:
    """Starts the server local workers fork from, so that it imports the generator while the caller
    builds the run's Context (nothing to do for one process or a dask cluster)."""
    if workers > 1 and not scheduler and _fresh_processes().get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def _fresh_processes() -> multiprocessing.context.BaseContext:
    """Workers that do not inherit the writer's Arrow threads: forked from a server process that has
    imported the generator once ("forkserver"), or fresh interpreters where there is none ("spawn")."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generators.blocks"])
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
