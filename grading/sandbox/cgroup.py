"""One control group per sandboxed run: its memory and its processes counted together, all its
processes killed when it ends.

As root, where the machine has cgroups (v1 memory and pids hierarchies, or a v2 hierarchy whose
controllers this process may use). Elsewhere `control_group` yields None and the sandbox falls back
to per-process limits, which the verdict reports (flag memory_per_process).
"""

import contextlib
import itertools
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
PREFIX = "innov-health-"  # then the grading process's pid and a number
_numbers = itertools.count()


class ControlGroup:
    def __init__(self, folders: list[Path], oom_events: Path):
        self.folders = folders  # one per hierarchy (v1) or one (v2)
        self.oom_events = oom_events

    def enter(self) -> None:
        """Called in the child before it starts the sandbox: it and all it starts belong to the group."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(os.getpid()))

    def out_of_memory(self) -> bool:
        """Whether the kernel killed a process of the group for lack of memory."""
        with contextlib.suppress(OSError, ValueError):
            for line in self.oom_events.read_text().splitlines():
                name, _, value = line.partition(" ")
                if name == "oom_kill" and int(value) > 0:
                    return True
        return False

    def kill_all(self) -> None:
        """Kills the group's processes until none is left (up to 10 s: a fork bomb takes a while to die)."""
        for _ in range(500):
            pids = {int(p) for f in self.folders for p in _read(f / "cgroup.procs").split()}
            if not pids:
                return
            for pid in pids:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.02)

    def remove(self) -> None:
        for folder in self.folders:
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:  # processes still exiting
                    time.sleep(0.02)


@contextlib.contextmanager
def control_group(memory_bytes: int, processes: int) -> Iterator[ControlGroup | None]:
    group = _create(f"{PREFIX}{os.getpid()}-{next(_numbers)}", memory_bytes, processes)
    try:
        yield group
    finally:
        if group is not None:
            group.kill_all()
            group.remove()


def _create(name: str, memory_bytes: int, processes: int) -> ControlGroup | None:
    if os.geteuid() != 0:
        return None
    _remove_orphans()
    made = []
    try:
        if (ROOT / "cgroup.controllers").is_file():  # v2
            if not {"memory", "pids"} <= set(_read(ROOT / "cgroup.subtree_control").split()):
                return None
            folder = ROOT / name
            folder.mkdir()
            made.append(folder)
            (folder / "memory.max").write_text(str(memory_bytes))
            if (folder / "memory.swap.max").exists():
                (folder / "memory.swap.max").write_text("0")
            (folder / "pids.max").write_text(str(processes))
            return ControlGroup(made, folder / "memory.events")
        memory, pids = ROOT / "memory" / name, ROOT / "pids" / name
        for folder in (memory, pids):
            folder.mkdir()
            made.append(folder)
        (memory / "memory.limit_in_bytes").write_text(str(memory_bytes))
        with contextlib.suppress(OSError):  # swap counted too, where the kernel accounts for it
            (memory / "memory.memsw.limit_in_bytes").write_text(str(memory_bytes))
        (pids / "pids.max").write_text(str(processes))
        return ControlGroup(made, memory / "memory.oom_control")
    except OSError:
        ControlGroup(made, Path()).remove()
        return None


def _remove_orphans() -> None:
    """The empty groups of grading processes that died before removing theirs (kill -9)."""
    for folder in [*ROOT.glob(f"{PREFIX}*"), *ROOT.glob(f"*/{PREFIX}*")]:
        owner = folder.name.removeprefix(PREFIX).split("-")[0]
        if owner.isdigit() and not Path(f"/proc/{owner}").exists() and not _read(folder / "cgroup.procs").strip():
            with contextlib.suppress(OSError):
                folder.rmdir()


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""
