"""Running a submitted notebook where it can do no harm: bubblewrap, as an unprivileged user.

The notebook runs in a fresh working folder, the only place it may write, as a
user of its own when the grader is root. It sees the system read-only, the
public dataset read-only, and nothing of the course sources, the other
submissions, the gradebook or the instructor's home. It has no network, a memory
limit per process, a process-count limit, and a wall-clock limit for the whole
notebook (on top of nbclient's per-cell one).
"""

import os
import resource
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from grading import settings
from grading.errors import GradingError, last_line
from grading.paths import KIT_DIR
from grading.sandbox.result import RESULT_FILE, RUNNER_FAILURES, Outcome, read_outcome
from grading.status import Status

KIT_PACKAGES = ("common", "generators", "grading", "participant")  # re-shown read-only: the runner needs them


class SandboxUnavailable(GradingError):
    pass


@dataclass(frozen=True)
class Limits:
    notebook_seconds: int = settings.NOTEBOOK_TIMEOUT  # the whole notebook
    cell_seconds: int = settings.CELL_TIMEOUT
    memory_bytes: int = int(settings.MEMORY_GB * 2**30)
    processes: int = settings.PROCESSES  # threads count too
    file_bytes: int = settings.FILE_BYTES  # no file larger than this


@dataclass(frozen=True)
class Sandbox:
    data: Path  # the public dataset, read-only inside
    hidden: tuple[Path, ...] = ()  # folders and files the notebook must not see
    limits: Limits = field(default_factory=Limits)
    enabled: bool = True  # False: --no-sandbox, the instructor's explicit choice

    def run_notebook(self, notebook: Path, executed: Path) -> Outcome:
        """Executes `notebook` (in its own working folder) into `executed`, with grading.sandbox.run_notebook,
        whose result file says how it ended."""
        outcome = self.run(
            [
                sys.executable,
                "-m",
                "grading.sandbox.run_notebook",
                str(notebook),
                str(executed),
                "--cell-timeout",
                str(self.limits.cell_seconds),
            ],
            notebook.parent,
            executed,
        )
        if outcome.failure not in (None, Status.ERROR):
            return outcome  # the sandbox's own verdict: timeout, killed by a signal
        result = read_outcome(notebook.parent / RESULT_FILE, RUNNER_FAILURES)
        if result is None:
            return outcome if outcome.failure else Outcome(Status.ERROR, "the runner left no result")
        if result.failure is not None:
            return Outcome(result.failure, result.reason)
        return outcome if outcome.failure else Outcome(cell_timeouts=result.cell_timeouts)

    def run(self, command: list[str], workdir: Path, produced: Path) -> Outcome:
        """Runs `command` in `workdir`, the only folder it may write; it succeeds when it exits with
        status 0 having written `produced`."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(workdir),
            "LANG": "C.UTF-8",
            "KIT_DATASET": str(self.data),
            "JUPYTER_RUNTIME_DIR": str(workdir / ".runtime"),
            "MPLCONFIGDIR": str(workdir / ".matplotlib"),
            "PYTHONNOUSERSITE": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        if self.enabled:
            if os.geteuid() == 0:  # the command runs as a user of its own, who owns its folder
                uid = sandbox_uid()
                for path in (workdir, *workdir.iterdir()):
                    os.chown(path, uid, uid)
                command = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"] + command
            command = self._bwrap(workdir) + command
        runner = subprocess.Popen(
            command,
            env=env,
            cwd=workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=self._limit,
            start_new_session=True,
        )
        try:
            _, errors = runner.communicate(timeout=self.limits.notebook_seconds)
        except subprocess.TimeoutExpired:
            os.killpg(runner.pid, signal.SIGKILL)  # the sandbox's processes die with it (--die-with-parent)
            runner.communicate()
            return Outcome(Status.TIMEOUT, f"the notebook ran for more than {self.limits.notebook_seconds} s")
        if runner.returncode == 0 and produced.is_file():
            return Outcome()
        if runner.returncode < 0 or runner.returncode > 128:
            return Outcome(Status.KERNEL_DIED, f"the notebook was killed by signal {abs(runner.returncode) % 128}")
        return Outcome(
            Status.ERROR,
            last_line(errors)[:300] if errors.strip() else f"the runner exited with status {runner.returncode}",
        )

    def _bwrap(self, workdir: Path) -> list[str]:
        if shutil.which("bwrap") is None:
            raise SandboxUnavailable(
                "bubblewrap (bwrap) is not installed: install the Debian package bubblewrap, "
                "or pass --no-sandbox to grade without one"
            )
        needed = [p for p in _python_paths() if p.exists()]  # the interpreter and the kit, re-shown read-only
        emptied = {Path("/tmp"), Path.home()} | (
            _closed_ancestors(needed + [self.data]) if os.geteuid() == 0 else set()
        )
        emptied = sorted(p for p in emptied if p != Path("/"))
        command = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
        for folder in emptied:  # shown empty: nothing in them is reachable...
            command += ["--tmpfs", str(folder)]
        opened: set[Path] = set()
        for path in [*needed, *self.hidden, self.data, workdir]:  # ...and the folders on the way to what
            command += _way_to(path, emptied, opened)  # is mounted in them made reachable
        for path in needed:
            command += ["--ro-bind", str(path), str(path)]
        hidden_folders = sorted(path for path in self.hidden if path.is_dir())
        for path in hidden_folders:
            command += ["--tmpfs", str(path)]
        for path in self.hidden:
            if path.exists() and not path.is_dir():
                command += ["--ro-bind", "/dev/null", str(path)]
        reopened: set[Path] = set()
        for path in (self.data, workdir):  # the working folder may lie in a hidden one
            command += _way_to(path, hidden_folders, reopened)
        command += ["--ro-bind", str(self.data), str(self.data), "--bind", str(workdir), str(workdir)]
        command += [
            "--chdir",
            str(workdir),
            "--unshare-ipc",
            "--unshare-pid",
            "--unshare-net",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--die-with-parent",
            "--new-session",
            "--hostname",
            "sandbox",
            "--",
        ]
        return command

    def _limit(self) -> None:
        """In the child, before it starts: resource limits that bubblewrap and the kernel inherit.

        The process limit counts all the processes of a user: as root, the notebook runs as a user of
        its own, whose processes are all the notebook's; otherwise the user's current ones are allowed for.
        """
        resource.setrlimit(resource.RLIMIT_AS, (self.limits.memory_bytes, self.limits.memory_bytes))
        resource.setrlimit(resource.RLIMIT_FSIZE, (self.limits.file_bytes, self.limits.file_bytes))
        if self.enabled:
            allowed = self.limits.processes + (0 if os.geteuid() == 0 else _processes_of(os.getuid()))
            resource.setrlimit(resource.RLIMIT_NPROC, (allowed, allowed))


def sandbox_uid() -> int:
    """The user id this grading process gives its notebooks: unused, and different from its neighbours'."""
    return settings.SANDBOX_UIDS[os.getpid() % len(settings.SANDBOX_UIDS)]


def sandbox_available() -> bool:
    if shutil.which("bwrap") is None or (os.geteuid() == 0 and shutil.which("setpriv") is None):
        return False
    probe = subprocess.run(
        ["bwrap", "--ro-bind", "/", "/", "--unshare-pid", "--unshare-net", "--die-with-parent", "true"],
        capture_output=True,
    )
    return probe.returncode == 0


def _processes_of(uid: int) -> int:
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                count += entry.stat().st_uid == uid
            except OSError:
                pass
    return count


def _way_to(path: Path, emptied: list[Path], opened: set[Path]) -> list[str]:
    """bwrap would create the folders between an emptied one and `path` as private (0700): create them
    readable first, so that the notebook's user reaches what is mounted at `path`."""
    arguments = []
    for folder in emptied:
        if folder in path.parents:
            between = [a for a in reversed(path.parents) if folder in a.parents]
            for ancestor in between:
                if ancestor not in opened:
                    arguments += ["--perms", "0755", "--dir", str(ancestor)]
                    opened.add(ancestor)
    return arguments


def _closed_ancestors(paths: list[Path]) -> set[Path]:
    """Folders above `paths` that other users cannot enter (such as /root): the notebook could not reach them."""
    closed = set()
    for path in paths:
        for ancestor in path.resolve().parents:
            if ancestor != Path("/") and not ancestor.stat().st_mode & 0o001:
                closed.add(ancestor)
    return {c for c in closed if not any(other in c.parents for other in closed)}  # the topmost ones


def _python_paths() -> list[Path]:
    return [Path(sys.prefix), Path(sys.base_prefix), *(KIT_DIR / package for package in KIT_PACKAGES)]
