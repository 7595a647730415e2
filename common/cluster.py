"""Connecting to a dask.distributed scheduler named on a command line (--scheduler ADDRESS)."""

import socket

from common.errors import BadInput

TIMEOUT_SECONDS = 10  # how long to wait for a scheduler that does not answer


class SchedulerUnreachable(BadInput):
    """--scheduler names no dask scheduler that answers."""


def connect(address: str):
    """A dask.distributed Client of the scheduler at `address`. A TCP port where nothing listens is
    named at once, instead of after the client's retries."""
    from distributed import Client

    try:
        if address.startswith("tcp://"):
            host, _, port = address.removeprefix("tcp://").rpartition(":")
            if port.isdigit():
                socket.create_connection((host.strip("[]"), int(port)), timeout=TIMEOUT_SECONDS).close()
        return Client(address, timeout=f"{TIMEOUT_SECONDS}s")
    except (OSError, TimeoutError, ValueError) as error:
        raise SchedulerUnreachable(f"cannot reach the dask scheduler at {address}: {error}") from None
