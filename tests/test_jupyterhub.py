"""A course on a real JupyterHub, end to end: the hub of deploy/jupyterhub/ (PAM logins, LocalProcessSpawner,
configurable-http-proxy) on free ports of 127.0.0.1, Unix accounts made for the test, nbgrader's exchange
in a shared folder. The instructor releases 00_prise_en_main into the exchange; in headless Chromium, a
student logs in, fetches it from JupyterLab's Assignments tab, answers, runs it (« ✅ »), validates and
submits; a second student submits after the due date; the instructor collects (owner check on), autogrades,
releases the feedback through the exchange and reports; the first student fetches the feedback.

Runs as root (accounts, PAM, servers run as each student) with configurable-http-proxy (npm) and Chromium;
elsewhere it is skipped, except on CI (CI=true), where a missing piece fails."""

import csv
import json
import os
import pwd
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import nbformat
import psutil
import pytest
import yaml

from grading.sandbox import sandbox_available
from tests.conftest import ASSIGNMENT, KIT_DIR, NOTEBOOK, SAMPLE_DATASET, run_cli
from tests.test_browser import free_port, run_until_checked

ON_CI = os.environ.get("CI") == "true"
PROXY = shutil.which("configurable-http-proxy")
for missing, why in (
    (os.geteuid() != 0, "it creates Unix accounts and runs their servers: run it as root"),
    (
        PROXY is None,
        "configurable-http-proxy is missing (Debian nodejs and npm, then npm install -g "
        "configurable-http-proxy; .ci/run does both)",
    ),
    (shutil.which("useradd") is None or shutil.which("chpasswd") is None, "useradd and chpasswd are missing"),
):
    if missing:
        if ON_CI:
            raise RuntimeError(f"the JupyterHub test cannot run on this CI machine: {why}")
        pytest.skip(why, allow_module_level=True)

DEPLOY = KIT_DIR / "deploy" / "jupyterhub"
COURSE_ID = "du-sante-numerique"  # not the kit's default: --course-id is followed end to end
TEACHER, FIRST, SECOND = "ih-prof", "ih-alice", "ih-bob"
ACCOUNT_MARK = "innov-health kit test account"  # the accounts' comment: only accounts with it are ever removed
ANSWERS = yaml.safe_load((KIT_DIR / "course" / "samples" / f"{ASSIGNMENT}.yml").read_text())["students"][
    "exemple-correct"
]
LAB_SETTINGS = {  # each student's own JupyterLab settings: every cell drawn (the test reads outputs), no news pop-up
    "notebook-extension/tracker": {"windowingMode": "none"},
    "apputils-extension/notification": {"fetchNews": "false"},
}


# --- Accounts ---------------------------------------------------------------------------------------------


def kill_all(processes: list) -> None:
    """SIGKILL to each of `processes` (psutil), then wait for them; those already gone are skipped."""
    import psutil

    for process in processes:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(processes, timeout=10)


def remove_account(name: str) -> None:
    """Ends the account's processes (by their ids) and deletes it with its home; only a test account."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return
    if entry.pw_gecos != ACCOUNT_MARK:
        raise RuntimeError(f"an account {name!r} exists that this test did not make: not touching it")
    import psutil

    for _ in range(10):
        mine = [p for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real == entry.pw_uid]
        if not mine:
            break
        kill_all(mine)
    subprocess.run(["userdel", "--remove", name], capture_output=True)  # mail spool missing: a warning only
    if name in {p.pw_name for p in pwd.getpwall()}:
        raise RuntimeError(f"could not delete the test account {name}")


@pytest.fixture(scope="module")
def accounts():
    """A teacher and two students, each with a password of its own; deleted, with their homes, at the end."""
    names = (TEACHER, FIRST, SECOND)
    passwords = {name: secrets.token_urlsafe(12) for name in names}
    try:
        for name in names:
            remove_account(name)  # left by an interrupted run
            subprocess.run(
                ["useradd", "--create-home", "--shell", "/bin/bash", "--comment", ACCOUNT_MARK, name], check=True
            )
        subprocess.run(["chpasswd"], input="".join(f"{n}:{p}\n" for n, p in passwords.items()), text=True, check=True)
        for name in (FIRST, SECOND):
            write_lab_settings(name)
        yield passwords
    finally:
        for name in names:
            remove_account(name)


def write_lab_settings(name: str) -> None:
    entry = pwd.getpwnam(name)
    home = Path(entry.pw_dir)
    for plugin, values in LAB_SETTINGS.items():
        path = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    for folder, _, files in os.walk(home / ".jupyter"):
        for path in [folder, *(os.path.join(folder, f) for f in files)]:
            os.chown(path, entry.pw_uid, entry.pw_gid)


# --- What the students' accounts may read -----------------------------------------------------------------


def readable_by_all(path: Path) -> bool:
    """Every other account can reach `path` (each folder above it searchable) and read it."""
    path = path.resolve()
    for folder in path.parents:
        if not folder.stat().st_mode & stat.S_IXOTH:
            return False
    return bool(path.stat().st_mode & stat.S_IROTH)


def link(source, dest) -> None:
    """A hard link (the same file, instantly), or a copy across file systems."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


def link_tree(source: Path, dest: Path, ignore=None) -> None:
    shutil.copytree(source, dest, symlinks=True, copy_function=link, ignore=ignore)


def shared_view(path: Path, dest: Path) -> Path:
    """`path` itself when every account reads it, else a hard-linked copy at `dest` (the repository's
    permissions are never changed)."""
    if readable_by_all(path):
        dest.symlink_to(path)
    else:
        link_tree(path, dest)
    return dest


def students_python(folder: Path) -> tuple[Path, dict]:
    """An interpreter the students' accounts can run, with the kit's packages: the kit's own virtual
    environment, whose base interpreter may sit in a folder only root reads (pyenv under /root), seen through
    hard links. Returns its python and the environment the hub must pass on (LD_LIBRARY_PATH, PYTHONPATH)."""
    base, venv = Path(sys.base_prefix), Path(sys.prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    env = {}
    if readable_by_all(Path(os.path.realpath(sys.executable))):
        python_home = Path(os.path.realpath(sys.executable)).parent
    else:
        interpreter = folder / "python"
        link_tree(
            base / "lib",
            interpreter / "lib",
            ignore=lambda where, names: ["site-packages"] if Path(where) == base / "lib" / version else [],
        )
        (interpreter / "bin").mkdir()
        link(os.path.realpath(sys.executable), interpreter / "bin" / version)
        python_home = interpreter / "bin"
        env["LD_LIBRARY_PATH"] = str(interpreter / "lib")  # its RUNPATH names the original folder
    students = folder / "venv"
    (students / "bin").mkdir(parents=True)
    (students / "lib" / version).mkdir(parents=True)
    (students / "pyvenv.cfg").write_text(f"home = {python_home}\ninclude-system-site-packages = false\n")
    real = Path(os.path.realpath(sys.executable)).name
    for name in ("python", "python3", version):
        (students / "bin" / name).symlink_to(python_home / real)
    shared_view(venv / "lib" / version / "site-packages", students / "lib" / version / "site-packages")
    shared_view(venv / "share", students / "share")  # nbgrader's lab extension, the French overrides.json
    shared_view(venv / "etc", students / "etc")  # the server extensions' switches
    if not readable_by_all(KIT_DIR / "participant"):  # the kit's packages, installed editable from KIT_DIR
        kit = folder / "kit"
        kit.mkdir()
        for package in ("participant", "generators", "common"):
            link_tree(KIT_DIR / package, kit / package)
        env["PYTHONPATH"] = str(kit)
    return students / "bin" / "python", env


# --- The hub ----------------------------------------------------------------------------------------------


@dataclass
class Hub:
    url: str
    exchange: Path
    process: subprocess.Popen
    log: Path

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""


def stop_process_tree(process: subprocess.Popen) -> None:
    """SIGTERM to the hub (it stops the proxy and the single-user servers), then SIGKILL to whatever of its
    descendants is left, by process id."""
    import psutil

    try:
        descendants = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        descendants = []
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    kill_all(descendants)


@pytest.fixture(scope="module")
def hub(accounts):
    """deploy/jupyterhub/ started on free ports, the exchange made as nbgrader asks (1777), all of it in a
    folder the students can reach; stopped with its servers, and the folder removed, at the end."""
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        pytest.fail("jupyterhub is not installed: run `make` (the kit's `ci` extra)", pytrace=False)
    folder = Path(tempfile.mkdtemp(prefix="innov-health-hub-"))
    process = None
    try:
        folder.chmod(0o755)
        config = folder / "config"
        shutil.copytree(DEPLOY, config, ignore=shutil.ignore_patterns("__pycache__"))
        state = folder / "state"
        state.mkdir(mode=0o700)
        exchange = folder / "exchange"
        exchange.mkdir()
        exchange.chmod(0o1777)
        python, python_env = students_python(folder)
        dataset = shared_view(SAMPLE_DATASET, folder / "dataset")
        port = free_port()
        env = {
            **os.environ,
            **python_env,
            "KIT_HUB_URL": f"http://127.0.0.1:{port}",
            "KIT_HUB_API_PORT": str(free_port()),
            "KIT_HUB_PROXY_API_PORT": str(free_port()),
            "KIT_HUB_STATE": str(state),
            "KIT_HUB_USERS": f"{FIRST},{SECOND}",
            "KIT_HUB_ADMINS": TEACHER,
            "KIT_STUDENT_PYTHON": str(python),
            "KIT_EXCHANGE": str(exchange),
            "KIT_COURSE_ID": COURSE_ID,
            "KIT_DATASET": str(dataset),
        }
        log = state / "jupyterhub.log"
        with open(log, "wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(config / "jupyterhub_config.py")],
                cwd=state,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        started = Hub(f"http://127.0.0.1:{port}", exchange, process, log)
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{started.url}/hub/api", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterHub did not start:\n" + started.log_tail()) from None
                time.sleep(0.5)
        yield started
    finally:
        if process is not None:
            stop_process_tree(process)
        shutil.rmtree(folder, ignore_errors=True)


# --- The browser side -------------------------------------------------------------------------------------


def log_in(browser, hub: Hub, name: str, password: str):
    """A new browser session logged in to the hub as `name`, on its JupyterLab (started by the hub)."""
    context = browser.new_context()
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{name}/lab**", timeout=180_000)  # the spawn, then JupyterLab
    page.wait_for_selector(".lm-MenuBar-itemLabel", timeout=120_000)
    return context, page


def open_assignments(page, playwright) -> None:
    """Nbgrader > Assignment List: the tab where students fetch, submit and get their feedback."""
    tab = page.locator(".lm-TabBar-tab", has_text="Assignments")
    if tab.count():
        tab.first.click()
    else:
        page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").first.click()
        page.locator('li[data-command="nbgrader:open-assignment-list"]').click()
    page.wait_for_selector("#released_assignments_list", timeout=60_000)


def assignment_rows(page, playwright, which: str, count: int):
    """The rows of one of the Assignments tab's lists (released, fetched, submitted) once it shows `count`."""
    rows = page.locator(f"#{which}_assignments_list > .list_item")
    playwright.expect(rows).to_have_count(count, timeout=60_000)
    return rows


def fetch_the_assignment(page, playwright) -> None:
    open_assignments(page, playwright)
    page.locator("#refresh_assignments_list").click()
    released = assignment_rows(page, playwright, "released", 1)
    playwright.expect(released.first.locator(".item_name")).to_have_text(ASSIGNMENT)
    released.first.locator(".item_status button").click()  # Fetch
    fetched = assignment_rows(page, playwright, "fetched", 1)
    playwright.expect(fetched.first.locator(".item_course").first).to_have_text(COURSE_ID)


def submit_the_assignment(page, playwright) -> None:
    open_assignments(page, playwright)
    assignment_rows(page, playwright, "fetched", 1).first.locator('.item_status button:text("Submit")').click()
    submitted = assignment_rows(page, playwright, "submitted", 1)
    playwright.expect(submitted.first.locator(".item_name").first).to_have_text(ASSIGNMENT)


def answer_in_the_notebook(page, playwright, released: Path) -> None:
    """Each answer cell of the notebook open in JupyterLab: its placeholder replaced by the right answer,
    typed in as a student does (the editor's text selected, then the answer)."""
    notebook = nbformat.read(released, as_version=4)
    for index, cell in enumerate(notebook.cells):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id not in ANSWERS or not cell.metadata["nbgrader"].get("solution"):
            continue
        shown = page.locator(".jp-Notebook .jp-Cell").nth(index)
        placeholder = next(line for line in cell.source.splitlines() if line.strip())
        playwright.expect(shown).to_contain_text(placeholder.strip())
        if cell.cell_type == "markdown":
            shown.locator(".jp-RenderedMarkdown, .jp-MarkdownOutput").first.dblclick()
        editor = shown.locator(".cm-content")
        editor.click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(ANSWERS[grade_id].rstrip("\n"))
        playwright.expect(editor).to_contain_text(ANSWERS[grade_id].splitlines()[0].strip())
        page.keyboard.press("Escape")


def open_the_fetched_notebook(page, playwright) -> None:
    """From the Assignments tab: the assignment unfolded, then its notebook opened."""
    open_assignments(page, playwright)
    fetched = assignment_rows(page, playwright, "fetched", 1)
    fetched.first.locator("a", has_text=ASSIGNMENT).first.click()  # unfolds the notebooks of the assignment
    notebook = page.locator("#fetched_assignments_list .collapse .list_item a", has_text=Path(NOTEBOOK).stem)
    notebook.first.click()
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)


def save(page, playwright, path: Path, expected: str) -> None:
    """Ctrl+S, until the file on disk holds `expected` (what nbgrader's submit copies is the saved file)."""
    for _ in range(3):
        page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
        page.keyboard.press("Escape")
        page.keyboard.press("Control+s")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if path.is_file() and any(expected in cell.source for cell in nbformat.read(path, as_version=4).cells):
                return
            time.sleep(0.5)
    raise AssertionError(f"the notebook was not saved to {path}")


def kernel_transports(user: str) -> list[str]:
    """How the user's running kernels are reached (their connection files): "ipc", Unix sockets in the
    user's own runtime folder (jupyterhub_config.py), not "tcp" ports every account may connect to."""
    uid = pwd.getpwnam(user).pw_uid
    transports = []
    for process in psutil.process_iter(["uids", "cmdline"]):
        command = process.info["cmdline"] or []
        if process.info["uids"] and process.info["uids"].real == uid and "ipykernel_launcher" in " ".join(command):
            connection = Path(command[command.index("-f") + 1])
            transports.append(json.loads(connection.read_text(encoding="utf-8"))["transport"])
    assert transports, f"no kernel of {user} is running"
    return transports


# --- The instructor's commands ----------------------------------------------------------------------------


def automatic_points(notebook: Path) -> float:
    """The points of the questions graded by their tests (the written answers are graded by hand)."""
    cells = nbformat.read(notebook, as_version=4).cells
    return sum(
        c.metadata["nbgrader"]["points"]
        for c in cells
        if c.get("metadata", {}).get("nbgrader", {}).get("grade") and c.cell_type == "code"
    )


def grading(root: Path, *args: str) -> subprocess.CompletedProcess:
    result = run_cli("grading", "--root", str(root), *args)
    assert result.returncode == 0, f"python -m grading {' '.join(args)} failed:\n{result.stderr}"
    return result


def test_a_course_on_jupyterhub(playwright, browser, accounts, hub, tmp_path):
    workspace = tmp_path / "workspace"  # the instructor's, read by root only
    sandbox = () if sandbox_available() else ("--no-sandbox",)
    data = ("--data", str(SAMPLE_DATASET))
    exchange = ("--exchange", str(hub.exchange), "--course-id", COURSE_ID)
    released = grading(workspace, "release", ASSIGNMENT, *data, *exchange)
    assert f"{hub.exchange / COURSE_ID / 'outbound' / ASSIGNMENT}" in released.stderr, released.stderr
    home = {name: Path(pwd.getpwnam(name).pw_dir) for name in (FIRST, SECOND)}
    contexts = []
    try:
        # PAM checks the password: a wrong one is refused.
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{hub.url}/hub/login")
        page.fill("#username_input", FIRST)
        page.fill("#password_input", accounts[FIRST] + "-faux")
        page.click("#login_submit")
        playwright.expect(page.locator(".login_error")).to_contain_text("Invalid", timeout=30_000)
        context.close()

        # The first student: fetch, answer, run, validate, submit, all in the browser.
        context, page = log_in(browser, hub, FIRST, accounts[FIRST])
        contexts.append(context)
        menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
        assert "Fichier" in menus and "Nbgrader" in menus, menus  # JupyterLab in French, with nbgrader
        fetch_the_assignment(page, playwright)
        fetched = home[FIRST] / ASSIGNMENT / NOTEBOOK
        assert fetched.stat().st_uid == pwd.getpwnam(FIRST).pw_uid
        open_the_fetched_notebook(page, playwright)
        answer_in_the_notebook(page, playwright, workspace / "release" / ASSIGNMENT / NOTEBOOK)
        run_until_checked(page, playwright)
        assert set(kernel_transports(FIRST)) == {"ipc"}, "a student's kernel is reachable by every account"
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        outputs = page.locator(".jp-OutputArea-output").all_inner_texts()
        assert not [text for text in outputs if "❌" in text or "Error" in text], outputs
        save(page, playwright, fetched, ANSWERS["q2-reponse"].strip())

        page.locator(".jp-ToolbarButtonComponent", has_text="Validate").first.click()
        dialog = page.wait_for_selector(".jp-Dialog-content", timeout=180_000)
        page.wait_for_function(
            "!document.querySelector('.jp-Dialog-content').innerText.includes('Validating')", timeout=180_000
        )
        assert "Success" in dialog.inner_text(), dialog.inner_text()
        page.locator(".jp-Dialog-button.jp-mod-accept").first.click()
        submit_the_assignment(page, playwright)
        first_page = page

        # The due date passes; the second student hands in the notebook as fetched.
        time.sleep(1)
        due = datetime.now(UTC)
        time.sleep(1)
        context, page = log_in(browser, hub, SECOND, accounts[SECOND])
        contexts.append(context)
        fetch_the_assignment(page, playwright)
        submit_the_assignment(page, playwright)
        inbound = sorted((hub.exchange / COURSE_ID / "inbound").iterdir())
        assert [folder.name.split("+")[0] for folder in inbound] == [FIRST, SECOND], inbound
        assert [folder.stat().st_uid for folder in inbound] == [pwd.getpwnam(n).pw_uid for n in (FIRST, SECOND)]

        # The instructor: collect (the owner check on), autograde, feedback through the exchange, report.
        collected = grading(
            workspace, "collect", str(hub.exchange), "--assignment", ASSIGNMENT, "--due", due.isoformat()
        )
        lines = {line.split(":")[0]: line for line in collected.stderr.splitlines()}
        assert "new" in lines[f"{ASSIGNMENT}/{FIRST}"] and "LATE" not in lines[f"{ASSIGNMENT}/{FIRST}"], lines
        assert "LATE by" in lines[f"{ASSIGNMENT}/{SECOND}"], lines
        grading(workspace, "autograde", ASSIGNMENT, *data, "--workers", "2", *sandbox)
        feedback = grading(workspace, "feedback", ASSIGNMENT, *exchange)
        assert "2 feedback(s) released" in feedback.stderr, feedback.stderr
        grading(workspace, "report")
        with open(workspace / "reports" / "grades.csv", newline="", encoding="utf-8") as file:
            grades = {row["student"]: row for row in csv.DictReader(file)}
        assert grades[FIRST]["status"] == "graded", grades[FIRST]
        assert float(grades[FIRST]["score"]) == automatic_points(workspace / "release" / ASSIGNMENT / NOTEBOOK)
        assert "late" not in grades[FIRST]["flags"], grades[FIRST]
        assert grades[SECOND]["status"] == "graded" and "late" in grades[SECOND]["flags"], grades[SECOND]

        # The first student fetches the feedback from the Assignments tab.
        page = first_page
        open_assignments(page, playwright)
        page.locator("#refresh_assignments_list").click()
        submitted = assignment_rows(page, playwright, "submitted", 1)
        playwright.expect(submitted.first).to_contain_text("feedback available to fetch", timeout=60_000)
        submitted.first.locator('.item_status button:text("Fetch Feedback")').click()
        playwright.expect(assignment_rows(page, playwright, "submitted", 1).first).to_contain_text(
            "view feedback", timeout=60_000
        )
        fetched_feedback = list((home[FIRST] / ASSIGNMENT / "feedback").glob(f"*/{Path(NOTEBOOK).stem}.html"))
        assert len(fetched_feedback) == 1, fetched_feedback
        assert fetched_feedback[0].stat().st_uid == pwd.getpwnam(FIRST).pw_uid
        text = fetched_feedback[0].read_text(encoding="utf-8")
        assert text == (workspace / "feedback" / FIRST / ASSIGNMENT / fetched_feedback[0].name).read_text()
        assert "(Score: " in text and "BEGIN HIDDEN TESTS" not in text
    except Exception as error:
        raise AssertionError(f"{error}\n--- JupyterHub's log, last lines:\n{hub.log_tail()}") from error
    finally:
        for context in contexts:
            try:
                context.close()
            except playwright.Error:  # already closed with its browser
                pass
