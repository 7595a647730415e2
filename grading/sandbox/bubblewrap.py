"""Running untrusted code where it can do no harm: bubblewrap, as an unprivileged user of its own.

The sandbox shows only what is needed (an allow-list): the system's libraries and the interpreter
read-only, the kit's packages read-only, the public dataset read-only, and a fresh working folder on
a size-limited tmpfs, which holds only the files given to the run. Nothing else of the host exists
inside: no home, no .git, no course, no other submission, no gradebook. No network. All the run's
processes together are bounded in memory and number (a control group, see cgroup.py; per process
where the machine has none), and in time. As root, every concurrent run has a user id of its own.

What the run produces comes back through a pipe (the file descriptor named by KIT_RESULT_FD), read
up to a size limit: data for trusted code to validate, never a path to follow.
"""

import contextlib
import fcntl
import functools
import itertools
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generators.settings import SIGNALS_FILE
from generators.signals import neutral_signals
from grading import settings
from grading.errors import GradingError, last_line
from grading.paths import KIT_DIR
from grading.sandbox.cgroup import ControlGroup, control_group
from grading.sandbox.result import RESULT_FD, Outcome
from grading.status import Status

KIT_PACKAGES = ("common", "generators", "grading", "participant")  # shown read-only: the runners need them
INSIDE = Path("/tmp/travail")  # the working folder, as the sandboxed command sees it
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
SYSTEM_SETTINGS = (  # of /etc: what the interpreter and its libraries read; nothing secret
    "alternatives",
    "fonts",
    "group",
    "ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "localtime",
    "mime.types",
    "nsswitch.conf",
    "passwd",
    "ssl",
)
STDERR_KEPT = 8192  # bytes of the run's error output kept for its reason


class SandboxUnavailable(GradingError):
    pass


@dataclass(frozen=True)
class Limits:
    notebook_seconds: int = settings.NOTEBOOK_TIMEOUT  # the whole run
    cell_seconds: int = settings.CELL_TIMEOUT
    memory_bytes: int = int(settings.MEMORY_GB * 2**30)  # all the run's processes together
    processes: int = settings.PROCESSES  # threads count too
    file_bytes: int = settings.FILE_BYTES  # no file larger than this
    work_bytes: int = settings.WORK_BYTES  # the working folder's tmpfs
    result_bytes: int = settings.MAX_RESULT_BYTES  # what the run may send back


@dataclass(frozen=True)
class Run:
    outcome: Outcome  # how the run ended, as the sandbox saw it
    result: bytes = b""  # what it sent back, unread: untrusted
    memory_per_process: bool = False  # no control group: memory was bounded per process only


@dataclass(frozen=True)
class Sandbox:
    data: Path  # the public dataset, read-only inside
    limits: Limits = field(default_factory=Limits)
    enabled: bool = True  # False: --no-sandbox, the instructor's explicit choice
    # False: the generator's signaux.yml is shown with every effect set to 0, as in the student kit (a
    # datathon team would otherwise read the true model its labels come from). Course grading keeps the
    # true file: notebooks s1 and s2 make datasets of their own, and their hidden tests fail on others.
    true_effects: bool = True

    def run(self, command: list[str], files: dict[str, bytes]) -> Run:
        """Runs `command` in a fresh working folder holding `files` (name: content); it succeeds when it
        exits with status 0. Its result is what it wrote to the pipe named by $KIT_RESULT_FD."""
        if self.enabled and shutil.which("bwrap") is None:
            raise SandboxUnavailable(
                "bubblewrap (bwrap) is not installed: install the Debian package bubblewrap, "
                "or pass --no-sandbox to grade without one"
            )
        with contextlib.ExitStack() as stack:
            # The user id is let go only after the control group has killed all the run's processes.
            uid = stack.enter_context(_own_uid()) if self.enabled else None
            group = stack.enter_context(control_group(self.limits.memory_bytes, self.limits.processes))
            read_end, write_end = os.pipe()
            stack.callback(_close, read_end)
            if self.enabled:
                descriptors = [_in_memory(name, content) for name, content in files.items()]
                signals = None if self.true_effects else _in_memory("signaux.yml", _neutral_signals())
                shown = [d for d in (*descriptors, signals) if d is not None]
                for descriptor in shown:
                    stack.callback(_close, descriptor)
                workdir = INSIDE
                command = self._bwrap(dict(zip(files, descriptors)), signals) + _as_user(uid) + command
                cwd, passed = "/", (write_end, *shown)
            else:
                workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="travail-")))
                for name, content in files.items():
                    (workdir / name).write_bytes(content)
                cwd, passed = workdir, (write_end,)
            env = {
                "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
                "HOME": str(workdir),
                "LANG": "C.UTF-8",
                "TMPDIR": str(workdir),
                "KIT_DATASET": str(self.data),
                "JUPYTER_RUNTIME_DIR": str(workdir / ".runtime"),
                "MPLCONFIGDIR": str(workdir / ".matplotlib"),
                "PYTHONNOUSERSITE": "1",
                "PYTHONDONTWRITEBYTECODE": "1",
                RESULT_FD: str(write_end),
            }
            process = subprocess.Popen(
                command,
                env=env,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                pass_fds=passed,
                preexec_fn=lambda: self._limit(group),
                start_new_session=True,
            )
            _close(write_end)
            result, errors = _Reader(read_end, self.limits.result_bytes), _Reader(process.stderr.fileno(), 0)
            try:
                process.wait(timeout=self.limits.notebook_seconds)
                timed_out = False
            except subprocess.TimeoutExpired:
                timed_out = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # whatever it left (bwrap: --die-with-parent)
            if group is not None:
                group.kill_all()
            process.wait()
            result.join(), errors.join()
            process.stderr.close()
            outcome = self._outcome(process.returncode, timed_out, group, result, errors.tail())
            return Run(outcome, result.data if outcome.ran else b"", memory_per_process=group is None)

    def _outcome(
        self, status: int, timed_out: bool, group: ControlGroup | None, result: "_Reader", errors: str
    ) -> Outcome:
        if timed_out:
            return Outcome(Status.TIMEOUT, f"the notebook ran for more than {self.limits.notebook_seconds} s")
        if group is not None and group.out_of_memory():
            return Outcome(Status.MEMORY_EXCEEDED, f"the notebook used more than {_gigabytes(self.limits)} of memory")
        if result.overflow:
            return Outcome(Status.ERROR, f"the run sent back more than {self.limits.result_bytes // 2**20} MB")
        if status < 0 or status > 128:
            return Outcome(Status.KERNEL_DIED, f"the notebook was killed by signal {abs(status) % 128}")
        if status != 0:
            return Outcome(Status.ERROR, last_line(errors)[:300] if errors.strip() else f"exit status {status}")
        return Outcome()

    def _bwrap(self, files: dict[str, int], signals: int | None) -> list[str]:
        command = ["bwrap", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
        command += ["--die-with-parent", "--new-session", "--hostname", "sandbox"]
        for path in map(Path, SYSTEM):
            if path.is_symlink():
                command += ["--symlink", os.readlink(path), str(path)]
            elif path.is_dir():
                command += ["--ro-bind", str(path), str(path)]
        for name in SYSTEM_SETTINGS:
            if (Path("/etc") / name).exists():
                command += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
        command += ["--proc", "/proc", "--dev", "/dev"]
        command += ["--perms", "1777", "--size", str(self.limits.work_bytes), "--tmpfs", "/dev/shm"]
        # The working folder first: what is shown may lie below /tmp too.
        command += ["--perms", "1777", "--size", str(self.limits.work_bytes), "--tmpfs", str(INSIDE.parent)]
        command += ["--perms", "0777", "--dir", str(INSIDE)]
        for name, descriptor in files.items():
            command += ["--perms", "0644", "--file", str(descriptor), str(INSIDE / name)]
        shown = sorted({path for path in _python_paths() if path.exists()} | {self.data})
        shown = [p for p in shown if not any(other in p.parents for other in shown)]  # the topmost ones
        made: set[Path] = set(map(Path, SYSTEM)) | {Path("/"), INSIDE.parent, INSIDE}
        for path in shown:
            if any(system == path or system in path.parents for system in map(Path, SYSTEM)):
                continue  # already there
            for ancestor in reversed(path.parents):  # reachable by the notebook's user
                if ancestor not in made:
                    command += ["--perms", "0755", "--dir", str(ancestor)]
                    made.add(ancestor)
            command += ["--ro-bind", str(path), str(path)]
        if signals is not None:
            command += ["--perms", "0644", "--ro-bind-data", str(signals), str(SIGNALS_FILE)]
        return command + ["--chdir", str(INSIDE), "--"]

    def _limit(self, group: ControlGroup | None) -> None:
        """In the child, before it starts: its control group, or per-process limits where there is none."""
        resource.setrlimit(resource.RLIMIT_FSIZE, (self.limits.file_bytes, self.limits.file_bytes))
        if group is not None:
            group.enter()
        else:
            resource.setrlimit(resource.RLIMIT_AS, (self.limits.memory_bytes, self.limits.memory_bytes))
            if self.enabled and os.geteuid() != 0:  # the user's current processes are allowed for
                allowed = self.limits.processes + _processes_of(os.getuid())
                resource.setrlimit(resource.RLIMIT_NPROC, (allowed, allowed))
        if self.enabled and os.geteuid() == 0:  # the run's own user: its processes are all the run's
            resource.setrlimit(resource.RLIMIT_NPROC, (self.limits.processes, self.limits.processes))


class _Reader(threading.Thread):
    """Drains a pipe in the background. limit > 0: keeps the first `limit` bytes and notes an overflow;
    limit 0: keeps the last STDERR_KEPT bytes."""

    def __init__(self, descriptor: int, limit: int):
        super().__init__(daemon=True)
        self.descriptor, self.limit = descriptor, limit
        self.chunks: list[bytes] = []
        self.size, self.overflow = 0, False
        self.start()

    def run(self) -> None:
        while chunk := _read_some(self.descriptor):
            if self.limit and self.size + len(chunk) > self.limit:
                self.overflow = True
                continue  # drained, not kept: the writer is not left blocked
            self.chunks.append(chunk)
            self.size += len(chunk)
            if not self.limit and self.size > STDERR_KEPT:
                kept = b"".join(self.chunks)[-STDERR_KEPT:]
                self.chunks, self.size = [kept], len(kept)

    @property
    def data(self) -> bytes:
        return b"" if self.overflow else b"".join(self.chunks)

    def tail(self) -> str:
        return b"".join(self.chunks).decode("utf-8", "replace")


def _read_some(descriptor: int) -> bytes:
    try:
        return os.read(descriptor, 1 << 16)
    except OSError:
        return b""


def _in_memory(name: str, content: bytes) -> int:
    """A descriptor holding `content`, for bwrap's --file."""
    descriptor = os.memfd_create(name)
    os.write(descriptor, content)
    os.lseek(descriptor, 0, os.SEEK_SET)
    return descriptor


def _close(descriptor: int) -> None:
    with contextlib.suppress(OSError):
        os.close(descriptor)


_runs = itertools.count()


@contextlib.contextmanager
def _own_uid() -> Iterator[int | None]:
    """As root: a user id that no other run of this machine holds while this one runs (a lock file per
    id, released by the kernel if this process dies). Otherwise None: the run keeps this user."""
    if os.geteuid() != 0:
        yield None
        return
    locks = Path(tempfile.gettempdir()) / "innov-health-sandbox-uids"
    locks.mkdir(mode=0o700, exist_ok=True)
    start = (os.getpid() * 7919 + next(_runs)) % len(settings.SANDBOX_UIDS)  # not the id this process just used
    for offset in range(len(settings.SANDBOX_UIDS)):
        uid = settings.SANDBOX_UIDS[(start + offset) % len(settings.SANDBOX_UIDS)]
        descriptor = os.open(locks / str(uid), os.O_CREAT | os.O_RDWR | os.O_NOFOLLOW, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            continue
        try:
            yield uid
        finally:
            os.close(descriptor)
        return
    raise GradingError("every sandbox user id is in use: grade with fewer workers")


def _as_user(uid: int | None) -> list[str]:
    return [] if uid is None else ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]


def _gigabytes(limits: Limits) -> str:
    return f"{limits.memory_bytes / 2**30:g} GB"


def sandbox_available() -> bool:
    if shutil.which("bwrap") is None or (os.geteuid() == 0 and shutil.which("setpriv") is None):
        return False
    probe = subprocess.run(
        ["bwrap", "--ro-bind", "/", "/", "--unshare-pid", "--unshare-net", "--die-with-parent", "true"],
        capture_output=True,
    )
    return probe.returncode == 0


@functools.cache
def _neutral_signals() -> bytes:
    return neutral_signals(SIGNALS_FILE.read_text(encoding="utf-8")).encode()


def _processes_of(uid: int) -> int:
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                count += entry.stat().st_uid == uid
            except OSError:
                pass
    return count


def _python_paths() -> list[Path]:
    return [Path(sys.prefix), Path(sys.base_prefix), *(KIT_DIR / package for package in KIT_PACKAGES)]
