"""Hostile submissions graded in one sandboxed, parallel batch beside valid ones that keep their exact scores."""

import contextlib
import os
import re
import signal
import threading
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from grading.sandbox import Limits, Sandbox, sandbox_available
from grading.sandbox.cgroup import control_group
from grading.sandbox.run_notebook import execute
from tests.conftest import ASSIGNMENT, NOTEBOOK, SAMPLES, hostile_cases

if not sandbox_available():
    if os.environ.get("CI") == "true":
        raise RuntimeError("bubblewrap cannot run on this CI machine: .ci/run must install the package bubblewrap")
    pytest.skip("bubblewrap cannot run here (install the Debian package bubblewrap)", allow_module_level=True)


with control_group(2**30, 64) as group:
    CONTROL_GROUPS = group is not None  # this machine bounds a run's processes together


@pytest.fixture(scope="module")
def batch(graded):
    """The session's graded workspace (tests/conftest.py): the hostile submissions were graded in the same
    sandboxed, parallel batch as the samples, with 60 s per notebook and 10 s per cell."""
    assert graded.hostile
    return graded.workspace, graded.verdicts(), graded.grades()


EXPECTED = {  # student: (status, flags that must be there, score; None: no score)
    "exemple-correct": ("graded", {"needs_manual_grade"}, "9"),
    "exemple-partiel": ("graded", set(), "5"),
    "exemple-vide": ("graded", set(), "0"),
    "boucle-infinie": ("graded", {"cell_timeout"}, "0"),
    "boucle-qui-ignore-interruption": ("timeout", set(), None),
    "bombe-memoire": ("memory_exceeded", set(), None),
    "sortie-brutale": ("kernel_died", set(), None),
    "bombe-fork": ("graded", set(), "1"),
    "lit-les-sources": ("graded", set(), "5"),
    "lit-le-carnet-de-notes": ("graded", set(), "5"),
    "reseau": ("graded", set(), "5"),
    "sortie-enorme": ("graded", set(), "5"),
    "test-modifie": ("graded", {"locked_cell_edited"}, "5"),
    "cellules-supprimees": ("graded", {"locked_cell_deleted"}, "5"),
    "redefinit-check": ("graded", set(), "4"),  # question 1 answered wrong, whatever the kernel was made to say
    "exception-muette": ("graded", set(), "4"),
    "crochet-qui-efface": ("graded", set(), "4"),
    "egal-a-tout": ("graded", {"answer_refused"}, "4"),
    "fausse-classe": ("graded", {"answer_refused"}, "4"),
    "reponse-en-lien": ("graded", set(), "3"),  # the link is not followed: question 2 has no answer
    "lit-les-tests": ("graded", set(), "5"),
    "tableau-au-lieu-d-un-nombre": ("graded", set(), "3"),
    "image-piegee": ("graded", set(), "5"),
    "image-geante": ("graded", set(), "5"),
    "lit-le-depot": ("graded", set(), "5"),
    "remplit-le-disque": ("graded", set(), "5"),
    # All its processes together are over the limit, each one under it: a control group catches it.
    "memoire-a-plusieurs": ("memory_exceeded", set(), None)
    if CONTROL_GROUPS
    else ("graded", {"memory_per_process"}, "5"),
    "json-invalide": ("invalid_notebook", set(), None),
    "fichier-tronque": ("invalid_notebook", set(), None),
}


@pytest.mark.parametrize("student", EXPECTED)
def test_each_submission_gets_its_status_flags_and_score(batch, student):
    _, verdicts, rows = batch
    status, flags, score = EXPECTED[student]
    row = rows[student]
    assert row["status"] == status, (student, verdicts[student])
    assert verdicts[student]["status"] == status, verdicts[student]
    assert flags <= set(row["flags"].split()), (student, row["flags"])
    assert row["score"] == (score or ""), (student, row)


def autograded_text(workspace, student) -> str:
    return (workspace.root / "autograded" / student / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")


def test_nothing_secret_is_readable_from_a_submission(batch):
    workspace = batch[0]
    assert "FileNotFoundError" in autograded_text(workspace, "lit-les-sources")
    assert "BEGIN SOLUTION" not in autograded_text(workspace, "lit-les-sources")
    graded = nbformat.read(
        workspace.root / "autograded" / "lit-le-carnet-de-notes" / ASSIGNMENT / NOTEBOOK, as_version=4
    )
    printed = [o.get("text", "") for c in graded.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert any("FileNotFoundError" in text for text in printed)  # the gradebook does not exist in the sandbox
    assert "OSError" in autograded_text(workspace, "reseau") or "Network is unreachable" in autograded_text(
        workspace, "reseau"
    )


def outputs_text(workspace, student) -> str:
    graded = nbformat.read(workspace.root / "autograded" / student / ASSIGNMENT / NOTEBOOK, as_version=4)
    return "\n".join(
        str(output.get("text", "")) + str(output.get("evalue", "")) + str(output.get("data", ""))
        for cell in graded.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )


def test_a_submission_never_sees_the_hidden_tests_nor_the_kit_repository(batch):
    workspace = batch[0]
    seen = outputs_text(workspace, "lit-les-tests")
    assert "carnet.ipynb" in seen  # it did list and read its working folder
    assert "BEGIN HIDDEN TESTS" not in seen and "load_manifest" not in seen
    assert "FileNotFoundError" in outputs_text(workspace, "lit-le-depot")
    assert "OSError" in outputs_text(workspace, "remplit-le-disque")  # its tmpfs was full, not the host's disk


def test_what_a_submission_displays_stays_small_and_inert(batch):
    workspace = batch[0]
    graded = workspace.root / "autograded" / "image-geante" / ASSIGNMENT / NOTEBOOK
    assert graded.stat().st_size < 10 * 2**20 and "sorties trop volumineuses" in graded.read_text(encoding="utf-8")
    pages = {
        student: next((workspace.root / "feedback" / student / ASSIGNMENT).glob("*.html")).read_text(encoding="utf-8")
        for student in ("image-piegee", "image-geante")
    }
    images = re.findall(r"<img[^>]*>", pages["image-piegee"])  # its image is shown, without its handler
    assert images and not [tag for tag in images if re.search(r"\son\w+=", tag)]
    assert len(pages["image-geante"]) < 2**20


def test_every_submission_of_the_batch_is_expected(batch):
    workspace, verdicts, _ = batch
    assert set(hostile_cases(workspace)) | {"json-invalide", "fichier-tronque"} | set(SAMPLES) == set(EXPECTED)
    assert set(EXPECTED) <= set(verdicts)


def processes_under(root: Path) -> dict[int, str]:
    """The processes working in `root`, or started with a path inside it on their command line or in their
    environment: those of a grading of this workspace (the workers, the sandboxes, the notebooks' kernels
    and what they started), whoever they run as; not those of other gradings on the machine."""
    inside = str(root.resolve())
    ours = {os.getpid(), *(p.pid for p in psutil.Process().parents())}
    found = {}
    for process in psutil.process_iter():
        if process.pid in ours:
            continue
        try:
            cwd, command = process.cwd(), process.cmdline()
            try:
                environment = list(process.environ().values())
            except psutil.AccessDenied:
                environment = []
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            continue
        if any(text == inside or inside + os.sep in text for text in [cwd, *command, *environment]):
            found[process.pid] = f"{' '.join(command)[:200]} (in {cwd})"
    return found


def test_no_process_is_left_behind(batch):
    workspace = batch[0]
    assert processes_under(workspace.root) == {}

    # What the check sees: a process in the sandbox, as the notebooks' user, that would have been left behind.
    sandbox = Sandbox(data=workspace.data, limits=Limits(notebook_seconds=120))
    probe = threading.Thread(target=sandbox.run, args=(["sleep", "120"], {}))
    probe.start()
    try:
        deadline = time.monotonic() + 60
        while "sleep 120" not in str(processes_under(workspace.root)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "sleep 120" in str(processes_under(workspace.root))
    finally:
        for pid in processes_under(workspace.root):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        probe.join()
    deadline = time.monotonic() + 30  # killed: gone once the kernel has reaped them
    while processes_under(workspace.root) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_under(workspace.root) == {}


def test_huge_output_is_cut(batch):
    assert len(autograded_text(batch[0], "sortie-enorme")) < 1_000_000


def test_a_cell_past_its_time_limit_wakes_no_copy_of_the_kernel(tmp_path):
    """The interrupt that stops a cell at its time limit does not wake the copies of the kernel a fork left
    asleep: jupyter_client signals the whole process group, and a fork bomb's copies, woken up, ran on
    and took all the run's memory (status memory_exceeded instead of graded)."""
    woken = tmp_path / "reveille"
    fork = (
        "import os, time\npid = os.fork()\nif pid == 0:\n    try:\n        time.sleep(60)\n"
        f"    except KeyboardInterrupt:\n        open({str(woken)!r}, 'w').close()\n    os._exit(0)\n"
    )
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(fork),
            nbformat.v4.new_code_cell("time.sleep(60)"),
            nbformat.v4.new_code_cell("os.kill(pid, 9)\nprint('suite')"),
        ]
    )
    outcome = execute(notebook, tmp_path, cell_timeout=3)
    time.sleep(0.5)
    assert outcome.cell_timeouts == 1 and not woken.exists()
    assert notebook.cells[2].outputs[0]["text"] == "suite\n"


def test_a_shell_command_past_the_time_limit_is_stopped_and_the_notebook_goes_on(tmp_path):
    """A command the kernel waits for (os.system ignores the interrupt itself) gets it: the cell ends, the
    next ones run."""
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import os\nos.system('sleep 60')"),
            nbformat.v4.new_code_cell("print('suite')"),
        ]
    )
    started = time.monotonic()
    execute(notebook, tmp_path, cell_timeout=3)
    assert time.monotonic() - started < 30
    assert notebook.cells[1].outputs[0]["text"] == "suite\n"
