"""What the tests share: the kit's command lines run as a user runs them, and the builds that take minutes.

`graded` is the workspace an instructor gets through the command line: a generated dataset, the
release of 00_prise_en_main, the sample submissions, an unreadable notebook, the hostile
submissions of test_hostile (only where the sandbox works: a fork bomb never runs without one), and
a late resubmission through nbgrader's exchange; all graded by one `autograde` run, then reported
and given feedback. test_grading, test_hostile, test_end_to_end and test_browser read it; none of
them changes it. `course_released` holds every course notebook released on the sample dataset (the
self-checks replay them); `course_graded`, each graded as its solution (test_course);
`published_kit`, the student kit, made with the course release's answer keys (each course notebook
runs once to make them).

The BUILDS are made ahead, side by side, in background threads that start with the session (the
first mostly waits for its hostile submissions' time limits); the tests that read them run last
(pytest_collection_modifyitems), so that the builds go on while the other tests run: `--durations`
shows a test's wait for a build, not the build. The suite runs in two pytest-xdist workers
(pyproject.toml; pytest_xdist_make_scheduler says which tests go together); each build is made
once for both (made_once), by whichever worker comes first.
"""

import csv
import fcntl
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from generators.generate import Options, generate_dataset
from grading.paths import Workspace
from grading.sandbox import sandbox_available
from grading.settings import ANSWER_KEYS_DIR
from grading.steps.collect import collect

KIT_DIR = Path(__file__).resolve().parent.parent
SAMPLE_DATASET = KIT_DIR / "datasets" / "sample"
ASSIGNMENT = "00_prise_en_main"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
SAMPLES = ("exemple-correct", "exemple-partiel", "exemple-vide")  # course/samples/00_prise_en_main.yml

# The exchange's late resubmission: far ahead, so that whatever is collected today is on time.
DUE = "2099-11-20 18:00"  # Paris time: 17:00 UTC
LATE_STUDENT, ON_TIME_STUDENT = "echange-en-retard", "echange-a-l-heure"
EXCHANGE = {  # student: [(time handed in, sample whose notebook it hands in)], oldest first
    LATE_STUDENT: [
        ("2099-11-20 16:00:00.000000 UTC", "exemple-vide"),
        ("2099-11-20 18:30:00.000000 UTC", "exemple-correct"),
    ],
    ON_TIME_STUDENT: [("2099-11-20 15:00:00.000000 UTC", "exemple-partiel")],
}
OLDER_COPY_TIME = 1763600000  # 2025-11-20: a copy of LATE_STUDENT's collected after the exchange, older than it
REPOSITORY = "innovhealth/kit-etudiant"  # where the student kit is published, for its Binder links
# KIT_NOTEBOOKS=02_parcours_patient restricts the course's checks to the notebooks being written.
COURSE_NOTEBOOKS = sorted((KIT_DIR / "course" / "source").glob(os.environ.get("KIT_NOTEBOOKS", "*") + "/*.ipynb"))


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Runs `python -m ...` as a user would, with the kit's interpreter."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


@pytest.fixture
def cli():
    return run_cli


def shared_folder(tmp_path_factory) -> Path:
    """A folder the session's pytest-xdist workers share (the session's own folder without xdist)."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    return tmp_path_factory.getbasetemp().parent / f"shared-{run}" if run else tmp_path_factory.getbasetemp()


def made_once(folder: Path, make):
    """make(folder), by the first worker of the session to ask; the others wait for it and read its result."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{folder}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = folder.with_name(folder.name + ".pickle")
        if made.exists():
            return pickle.loads(made.read_bytes())
        shutil.rmtree(folder, ignore_errors=True)  # what a stopped attempt left
        folder.mkdir()
        result = make(folder)
        made.write_bytes(pickle.dumps(result))
        return result


@pytest.fixture(scope="session")
def large_dataset(tmp_path_factory) -> Path:
    """A folder holding ds/, 200 000 patients of seed 7 over the default period, and its truth file
    verite.json: the calibration and the signals read it (made once for the session's workers). Read it only."""

    def generate(folder: Path) -> Path:
        generate_dataset(Options(patients=200_000, seed=7), folder / "ds", truth_file=folder / "verite.json")
        return folder

    return made_once(shared_folder(tmp_path_factory) / "seed-7-200k", generate)


# Hostile submissions: answers written into the released notebook's cells, or an edit of it.
CORRECT = {
    "q1-reponse": "nombre_patients = len(patients)",
    "q2-reponse": 'pourcentage_femmes = 100 * (patients["sexe"] == "F").mean()',
    "q3-reponse": 'patients_par_region = patients["region"].value_counts()',
}


WRONG = "nombre_patients = 0"


def hostile_cases(workspace: Workspace) -> dict[str, tuple[dict, object]]:
    """student -> (answers written into cells, or None; an edit of the whole notebook, or None)."""
    root = workspace.root.resolve()
    source = workspace.source.resolve() / ASSIGNMENT / NOTEBOOK
    return {
        "boucle-infinie": ({"q1-reponse": "while True:\n    pass"}, None),
        "boucle-qui-ignore-interruption": (
            {
                "q1-reponse": "import time\nwhile True:\n    try:\n        time.sleep(0.5)\n"
                "    except KeyboardInterrupt:\n        pass"
            },
            None,
        ),
        "bombe-memoire": ({"q1-reponse": "x = bytearray(6 * 2**30)"}, None),
        "sortie-brutale": ({"q1-reponse": "import os\nos._exit(1)"}, None),
        "bombe-fork": (
            {
                "q1-reponse": "import os, time\nfor _ in range(1000):\n    try:\n        pid = os.fork()\n"
                "    except OSError:\n        break\n    if pid == 0:\n        time.sleep(3600)\n"
                "        os._exit(0)\n" + CORRECT["q1-reponse"]
            },
            None,
        ),
        "lit-les-sources": ({**CORRECT, "q1-reponse": attempt(f"open({str(source)!r}).read()[:200]")}, None),
        "lit-le-carnet-de-notes": (
            {**CORRECT, "q1-reponse": attempt(f"len(open({str(root / 'gradebook.db')!r}, 'rb').read())")},
            None,
        ),
        "reseau": (
            {**CORRECT, "q1-reponse": attempt("__import__('socket').create_connection(('1.1.1.1', 80), timeout=3)")},
            None,
        ),
        "sortie-enorme": ({**CORRECT, "q1-reponse": "print('x' * 5_000_000)\n" + CORRECT["q1-reponse"]}, None),
        "test-modifie": (CORRECT, lambda nb: set_cell(nb, "q2-test", "pass")),
        # Wrong answers to question 1 that try to pass its test anyway: it scores 0, the others keep theirs.
        "redefinit-check": ({**CORRECT, "q1-reponse": f"check = lambda *args, **kwargs: None\n{WRONG}"}, None),
        "exception-muette": (
            {**CORRECT, "q1-reponse": f"get_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)\n{WRONG}"},
            None,
        ),
        "crochet-qui-efface": (
            {
                **CORRECT,
                "q1-reponse": "def efface(result):\n    result.error_in_exec = None\n"
                f"get_ipython().events.register('post_run_cell', efface)\n{WRONG}",
            },
            None,
        ),
        "egal-a-tout": (
            {
                **CORRECT,
                "q1-reponse": "class Partout(int):\n    def __eq__(self, other):\n        return True\n"
                "    __hash__ = int.__hash__\nnombre_patients = Partout(0)",
            },
            None,
        ),
        "fausse-classe": (
            {
                **CORRECT,
                "q1-reponse": "class Deguise:\n    __class__ = property(lambda self: int)\n"
                "    def __eq__(self, other):\n        return True\nnombre_patients = Deguise()",
            },
            None,
        ),
        "reponse-en-lien": (
            {
                **CORRECT,
                "q1-reponse": f"import os\nos.makedirs('reponses', exist_ok=True)\n"
                f"os.symlink({str(source)!r}, 'reponses/q2-test.json')\n" + CORRECT["q1-reponse"],
            },
            None,
        ),
        "lit-les-tests": (
            {
                **CORRECT,
                "q1-reponse": "import glob\nfor name in glob.glob('*') + glob.glob('.*'):\n    print(name)\n"
                "    try:\n        print(open(name).read())\n    except OSError:\n        pass\n"
                + CORRECT["q1-reponse"],
            },
            None,
        ),
        "lit-le-depot": ({**CORRECT, "q1-reponse": attempt(f"open({str(KIT_DIR / '.git' / 'HEAD')!r}).read()")}, None),
        "remplit-le-disque": (
            {
                **CORRECT,
                "q1-reponse": "import os\nbloc = b'x' * 2**27\ntry:\n    for numero in range(24):\n"
                "        with open(f'plein-{numero}', 'wb') as fichier:\n            fichier.write(bloc)\n"
                "except OSError as erreur:\n    print(type(erreur).__name__)\n"
                "for numero in range(24):\n    if os.path.exists(f'plein-{numero}'):\n"
                "        os.remove(f'plein-{numero}')\n" + CORRECT["q1-reponse"],
            },
            None,
        ),
        "tableau-au-lieu-d-un-nombre": (  # a wrong share, as a one-element pandas array: never true
            {**CORRECT, "q2-reponse": "import pandas as pd\npourcentage_femmes = pd.array([99.0])"},
            None,
        ),
        "image-piegee": (
            {
                **CORRECT,
                "q1-reponse": "display({'image/png': 'iVBORw0KGgo='}, raw=True, "
                "metadata={'image/png': {'width': '1 onerror=alert(document.domain)'}})\n" + CORRECT["q1-reponse"],
            },
            None,
        ),
        "image-geante": (
            {**CORRECT, "q1-reponse": "display({'image/png': 'A' * 2**25}, raw=True)\n" + CORRECT["q1-reponse"]},
            None,
        ),
        "memoire-a-plusieurs": (
            {
                **CORRECT,
                "q1-reponse": "import multiprocessing, time\n"
                "def remplit():\n    x = bytearray(1536 * 2**20)\n    time.sleep(5)\n"
                "enfants = [multiprocessing.get_context('fork').Process(target=remplit) for _ in range(4)]\n"
                "for enfant in enfants:\n    enfant.start()\nfor enfant in enfants:\n    enfant.join()\n"
                + CORRECT["q1-reponse"],
            },
            None,
        ),
        "cellules-supprimees": (CORRECT, lambda nb: delete_cells(nb, ("mise-en-place", "q1-test", "q3-test"))),
    }


def attempt(expression: str) -> str:
    """A correct answer to question 1, after trying something forbidden and printing what happened."""
    return (
        f"try:\n    print({expression})\nexcept OSError as error:\n    print(type(error).__name__, error)\n"
        + CORRECT["q1-reponse"]
    )


def set_cell(notebook, grade_id, source):
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = source


def delete_cells(notebook, grade_ids):
    notebook.cells = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in grade_ids]


def write_hostile_submissions(workspace: Workspace, inbox: Path) -> None:
    released = workspace.release_dir(ASSIGNMENT) / NOTEBOOK
    for student, (answers, edit) in hostile_cases(workspace).items():
        notebook = nbformat.read(released, as_version=4)
        for grade_id, code in answers.items():
            set_cell(notebook, grade_id, code)
        if edit:
            edit(notebook)
        (inbox / student).mkdir()
        nbformat.write(notebook, inbox / student / NOTEBOOK)
    (inbox / "json-invalide").mkdir()
    (inbox / "json-invalide" / NOTEBOOK).write_text('{"cells": [', encoding="utf-8")
    (inbox / "fichier-tronque").mkdir()
    (inbox / "fichier-tronque" / NOTEBOOK).write_bytes(released.read_bytes()[:500])


def exchange_submission(inbound: Path, student: str, handed_in: str, notebook_path: Path) -> None:
    """What `nbgrader submit` leaves in the exchange: STUDENT+ASSIGNMENT+TIMESTAMP+RANDOM/ with timestamp.txt."""
    folder = inbound / f"{student}+{ASSIGNMENT}+{handed_in}+{abs(hash(handed_in)) % 10**6}"
    folder.mkdir(parents=True)
    shutil.copy(notebook_path, folder / NOTEBOOK)
    (folder / "timestamp.txt").write_text(handed_in)


@dataclass(frozen=True)
class Graded:
    """The session's graded workspace, and what each command of its making said."""

    workspace: Workspace
    steps: dict[str, subprocess.CompletedProcess]  # generate, release, samples, collect, collect-exchange, ...
    history_after_exchange: list[str]  # LATE_STUDENT's submitted-history/ once the exchange is collected
    hostile: bool  # the hostile submissions are in the batch (the sandbox works here)

    @property
    def root(self) -> Path:
        return self.workspace.root

    def grades(self) -> dict[str, dict]:
        with open(self.root / "reports" / "grades.csv", newline="", encoding="utf-8") as file:
            return {row["student"]: row for row in csv.DictReader(file)}

    def verdicts(self) -> dict[str, dict]:
        """Each status file's JSON, by student."""
        return {
            path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in (self.root / "status" / ASSIGNMENT).glob("*.json")
        }

    def submitted(self, student: str) -> Path:
        return self.workspace.submission_dir(student, ASSIGNMENT) / NOTEBOOK


def build_graded(ahead: "Ahead", base: Path) -> Graded:
    root = base / "workspace"
    root.mkdir()
    workspace = Workspace(root=root)
    hostile = ahead.sandbox
    steps = {}

    def step(name: str, *args: str) -> None:
        steps[name] = result = ahead.run_cli(*args, cwd=root)
        assert result.returncode == 0, f"{name}: python -m {' '.join(args)} failed:\n{result.stderr}"

    grading = ("grading", "--root", str(root))
    step("generate", "generators", "--patients", "3000", "--seed", "5", "--out", str(workspace.data), "--quiet")
    step("release", *grading, "release", ASSIGNMENT)
    step("samples", *grading, "samples")

    inbox = base / "inbox"
    inbox.mkdir()
    (inbox / "exemple-casse").mkdir()
    (inbox / "exemple-casse" / NOTEBOOK).write_text('{"cells": [', encoding="utf-8")  # truncated JSON
    if hostile:
        write_hostile_submissions(workspace, inbox)
    step("collect", *grading, "collect", str(inbox), "--assignment", ASSIGNMENT)

    exchange = base / "exchange"
    inbound = exchange / "innov-health" / "inbound"
    for student, handed_in in EXCHANGE.items():
        for moment, sample in handed_in:
            exchange_submission(inbound, student, moment, root / "submitted" / sample / ASSIGNMENT / NOTEBOOK)
    # Made here, by this process: its folders cannot belong to the students' accounts that nbgrader's would.
    owners = ("--no-owner-check",)
    step("collect-exchange", *grading, "collect", str(exchange), "--assignment", ASSIGNMENT, "--due", DUE, *owners)
    history = workspace.history_dir(LATE_STUDENT, ASSIGNMENT)
    history_after_exchange = sorted(p.name for p in history.iterdir()) if history.is_dir() else []

    # An older copy collected afterwards (say, from a Moodle zip) never replaces the newer one.
    older = base / "older"
    (older / LATE_STUDENT).mkdir(parents=True)
    shutil.copy(root / "submitted" / "exemple-partiel" / ASSIGNMENT / NOTEBOOK, older / LATE_STUDENT / NOTEBOOK)
    os.utime(older / LATE_STUDENT / NOTEBOOK, (OLDER_COPY_TIME, OLDER_COPY_TIME))
    step("collect-older", *grading, "collect", str(older), "--assignment", ASSIGNMENT)

    sandbox = () if hostile else ("--no-sandbox",)  # the batch is only trusted notebooks without one
    step("autograde", *grading, "autograde", "--workers", "2", "--timeout", "60", "--cell-timeout", "10", *sandbox)
    step("report", *grading, "report")
    step("feedback", *grading, "feedback")
    return Graded(workspace, steps, history_after_exchange, hostile)


@dataclass(frozen=True)
class CourseReleased:
    """Every course notebook released on the sample dataset, half of them in each of two workspaces,
    released side by side. Their answer keys are cached in `key_cache`, which the published kit shares:
    each course notebook runs once to make them."""

    workspaces: dict[str, Workspace]  # assignment: its workspace
    steps: dict[str, list[subprocess.CompletedProcess]]  # release: one per workspace
    key_cache: Path


@dataclass(frozen=True)
class CourseGraded:
    """The released course notebooks, each handed in as its solution ('corrige') and graded in its
    workspace, the two side by side (a worker starts for each assignment: one workspace grades while the
    other starts its worker). A notebook handed in blank: tests/test_validate.py and test_self_checks.py."""

    workspaces: dict[str, Workspace]
    steps: dict[str, list[subprocess.CompletedProcess]]  # release, autograde, report: one per workspace

    def grades(self) -> dict[tuple[str, str], dict]:
        rows = {}
        for root in sorted({workspace.root for workspace in self.workspaces.values()}):
            with open(root / "reports" / "grades.csv", newline="", encoding="utf-8") as file:
                rows.update({(row["assignment"], row["student"]): row for row in csv.DictReader(file)})
        return rows


def side_by_side(ahead: "Ahead", cwd: Path, *commands: tuple[str, ...]) -> list[subprocess.CompletedProcess]:
    """The commands at the same time, in processes of their own; each must succeed."""
    with ThreadPoolExecutor(len(commands)) as pool:
        results = list(pool.map(lambda command: ahead.run_cli(*command, cwd=cwd), commands))
    for result in results:
        assert result.returncode == 0, f"python -m {' '.join(result.args[2:])} failed:\n{result.stderr}"
    return results


def share_key_cache(root: Path, key_cache: Path) -> None:
    """Makes the answer-key cache of the workspace in `root` (release and publish read it) `key_cache`."""
    (root / ANSWER_KEYS_DIR).mkdir(parents=True)
    (root / ANSWER_KEYS_DIR / ".cache").symlink_to(key_cache, target_is_directory=True)


def build_course_released(ahead: "Ahead", base: Path) -> CourseReleased:
    halves = [half for half in (COURSE_NOTEBOOKS[0::2], COURSE_NOTEBOOKS[1::2]) if half]
    roots = [base / f"workspace-{number}" for number in range(1, len(halves) + 1)]
    key_cache = base / "answer-keys"
    key_cache.mkdir()
    for root in roots:
        share_key_cache(root, key_cache)
    release = (
        ("grading", "--root", str(root), "release", "--data", str(SAMPLE_DATASET), *(p.parent.name for p in half))
        for root, half in zip(roots, halves)
    )
    workspaces = {path.parent.name: Workspace(root=root) for root, half in zip(roots, halves) for path in half}
    return CourseReleased(workspaces, {"release": side_by_side(ahead, base, *release)}, key_cache)


def build_course_graded(ahead: "Ahead", base: Path) -> CourseGraded:
    """Grades in the workspaces of course_released (which no test changes)."""
    released = ahead.result("course_released")
    for path in COURSE_NOTEBOOKS:
        assignment, workspace = path.parent.name, released.workspaces[path.parent.name]
        handed_in = base / "handed-in" / assignment
        (handed_in / "corrige").mkdir(parents=True)
        shutil.copy(path, handed_in / "corrige" / path.name)
        collected = collect(workspace, handed_in, assignment)
        assert {c.outcome for c in collected} == {"new"}, (assignment, collected)
    roots = sorted({workspace.root for workspace in released.workspaces.values()})
    sandbox = () if ahead.sandbox else ("--no-sandbox",)
    grade = ("autograde", "--data", str(SAMPLE_DATASET), "--workers", "1", *sandbox)
    steps = dict(released.steps)
    steps["autograde"] = side_by_side(ahead, base, *(("grading", "--root", str(root), *grade) for root in roots))
    steps["report"] = side_by_side(ahead, base, *(("grading", "--root", str(root), "report") for root in roots))
    return CourseGraded(released.workspaces, steps)


def build_published_kit(ahead: "Ahead", base: Path) -> Path:
    """The student kit as `python -m grading publish` writes it, with the course's answer keys. Read it
    only: a test that changes it (runs a notebook, generates data into it) works on a copy."""
    instructor = base / "instructeur"
    share_key_cache(instructor, ahead.result("course_released").key_cache)
    kit = base / "kit"
    publish = ("grading", "publish", str(kit), "--github", REPOSITORY, "--data", str(SAMPLE_DATASET))
    side_by_side(ahead, instructor, publish)
    return kit


BUILDS = {  # fixture: how it is built
    "graded": build_graded,
    "course_released": build_course_released,
    "course_graded": build_course_graded,
    "published_kit": build_published_kit,
}


class Ahead:
    """Runs the BUILDS asked for, side by side, in threads of their own, once for all the session's
    workers. Their command lines get the environment and folder of the session's start (tests change
    them while a build runs); they are stopped when the session ends before them (a worker whose tests
    all passed first lets them finish: another worker may be waiting for them)."""

    def __init__(self, tmp_path_factory):
        self.tmp_path_factory = tmp_path_factory
        self.env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        self.sandbox = sandbox_available()
        self.thread = ThreadPoolExecutor(len(BUILDS), thread_name_prefix="builds-ahead")
        self.futures: dict[str, Future] = {}
        self.running: set[subprocess.Popen] = set()
        self.lock = threading.Lock()
        self.stopping = False

    def start(self, name: str) -> None:
        with self.lock:
            if name not in self.futures:
                folder = shared_folder(self.tmp_path_factory) / name
                self.futures[name] = self.thread.submit(made_once, folder, lambda base: BUILDS[name](self, base))

    def result(self, name: str):
        """What the build `name` made (a build may read another's: a thread each, none waits for a free one)."""
        self.start(name)
        return self.futures[name].result()

    def run_cli(self, *args: str, cwd: Path) -> subprocess.CompletedProcess:
        """As run_cli, in a process group of its own, which stop() ends."""
        with self.lock:
            if self.stopping:
                raise RuntimeError("the session ended before this build")
            process = subprocess.Popen(
                [sys.executable, "-m", *args],
                cwd=cwd,
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            self.running.add(process)
        try:
            stdout, stderr = process.communicate()
        finally:
            with self.lock:
                self.running.discard(process)
        return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)

    def finish(self) -> None:
        for future in self.futures.values():
            future.exception()

    def stop(self) -> None:
        with self.lock:
            self.stopping = True
            for process in self.running:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.thread.shutdown(wait=True, cancel_futures=True)


SPREAD = {"tests/test_self_checks.py"}  # modules whose tests share nothing costly: each may go to any worker


def pytest_collection_modifyitems(items):
    """The tests that read a build made ahead run last, so that the builds go on while the others run."""
    items.sort(key=lambda item: not set(BUILDS).isdisjoint(getattr(item, "fixturenames", ())))


def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist keeps that order (--no-loadscope-reorder) and sends each run of consecutive tests of a
    module to one worker, which sets up its fixtures once (a module's tests that read a build make a later
    run), except the SPREAD modules' tests, which go one by one."""
    from xdist.scheduler import LoadScopeScheduling

    class ByRun(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if not hasattr(self, "scopes"):
                self.scopes, previous, run = {}, None, 0
                for test in self.collection:  # in the order of the workers' collection
                    module = test.split("::")[0]
                    run += module != previous
                    self.scopes[test], previous = test if module in SPREAD else f"{module} (run {run})", module
            return self.scopes[nodeid]

    return ByRun(config, log)


@pytest.fixture(scope="session", autouse=True)
def builds_ahead(request, tmp_path_factory):
    """Starts, as the session starts, the builds that its tests read."""
    builds = Ahead(tmp_path_factory)
    for name in BUILDS:
        if any(name in getattr(item, "fixturenames", ()) for item in request.session.items):
            builds.start(name)
    yield builds
    if os.environ.get("PYTEST_XDIST_WORKER") and not request.session.shouldfail:
        builds.finish()  # another worker may be waiting for what this one builds
    builds.stop()


@pytest.fixture(scope="session")
def graded(builds_ahead) -> Graded:
    return builds_ahead.result("graded")


@pytest.fixture(scope="session")
def course_released(builds_ahead) -> CourseReleased:
    return builds_ahead.result("course_released")


@pytest.fixture(scope="session")
def course_graded(builds_ahead) -> CourseGraded:
    return builds_ahead.result("course_graded")


@pytest.fixture(scope="session")
def published_kit(builds_ahead) -> Path:
    return builds_ahead.result("published_kit")


# Browser tests (test_browser.py, test_jupyterhub.py): Playwright driving Debian's Chromium.
@pytest.fixture(scope="session")
def playwright():
    """Playwright's API (the `ci` extra of make's install, which drives the system Chromium). Session-scoped, so
    that a test fails on its absence before it waits for the session's graded workspace."""
    try:
        from playwright import sync_api
    except ImportError:
        sync_api = None
    if sync_api is None:
        pytest.fail("Playwright is not installed: run `make` (it installs the kit with its `ci` extra)", pytrace=False)
    return sync_api


@pytest.fixture(scope="module")
def browser(playwright):
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        yield chromium
        chromium.close()
