"""JupyterLab in a real browser (headless Chromium from Debian, driven by Playwright): a participant
opens the published kit's first notebook in a JupyterLab that speaks French, runs it, sees a plotly
figure and passes nbgrader's Validate; the instructor's formgrader lists the graded submissions."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
import yaml

from tests.conftest import KIT_DIR, SAMPLES

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("chromium is missing on this CI machine: .ci/run must install the package chromium")
    pytest.skip("no chromium here (Debian packages chromium and chromium-driver)", allow_module_level=True)

ASSIGNMENT = "00_prise_en_main"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Lab:
    """A JupyterLab server on `root`, stopped at the end."""

    def __init__(self, root: Path, env: dict):
        self.token, self.port = secrets.token_hex(16), free_port()
        settings = root.parent / f"lab-settings-{self.port}"  # every cell drawn, no news pop-up
        for plugin, values in (
            ("notebook-extension/tracker", {"windowingMode": "none"}),
            ("apputils-extension/notification", {"fetchNews": "false"}),
        ):
            path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        env = {**env, "JUPYTERLAB_SETTINGS_DIR": str(settings)}
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyter",
                "lab",
                "--no-browser",
                "--allow-root",
                f"--port={self.port}",
                f"--ServerApp.token={self.token}",
                f"--ServerApp.root_dir={root}",
                "--ServerApp.ip=127.0.0.1",
            ],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2)
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("JupyterLab did not start within 2 minutes")

    def page_url(self, path: str) -> str:
        return f"{self.url}/{path}?token={self.token}"

    def stop(self):
        os.killpg(self.process.pid, 15)
        self.process.wait(timeout=30)


def answer_as_a_participant(notebook_path: Path) -> None:
    """The answers of the sample participant who gets everything right, typed into the answer cells."""
    answers = yaml.safe_load((KIT_DIR / "course" / "samples" / f"{ASSIGNMENT}.yml").read_text())["students"]
    notebook = nbformat.read(notebook_path, as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers["exemple-correct"]:
            cell.source = answers["exemple-correct"][grade_id].rstrip("\n")
    nbformat.write(notebook, notebook_path)


def run_all_cells(page, playwright) -> None:
    """Exécution > Exécuter toutes les cellules (JupyterLab in French, binder/overrides.json), as a participant
    does, until the cells run. JupyterLab may open the notebook before it knows the kernels, and then asks
    which one to start (at any moment while the page loads), or drop the command while the kernel starts
    (under load): the participant takes the kernel proposed, closes any other dialog, and tries again."""
    dialogs = []
    for _ in range(8):
        try:
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=45_000)
        except playwright.TimeoutError:
            pass  # no kernel yet: a dialog may be asking which one
        dialog = page.locator(".jp-Dialog-content")
        if dialog.count():
            text = dialog.first.inner_text()
            dialogs.append(text)
            accept = dialog.first.locator(".jp-Dialog-button.jp-mod-accept")
            if "noyau" in text.lower() and accept.count():
                choose_python(dialog.first)  # the list may propose « Aucun noyau » first
                accept.first.click()
            else:
                page.keyboard.press("Escape")
            continue
        try:
            page.locator(".lm-MenuBar-itemLabel", has_text="Exécution").first.click(timeout=10_000)
            page.locator(".lm-Menu-itemLabel", has_text="Exécuter toutes les cellules").first.click(timeout=10_000)
            # a prompt shows [*] or a number once its cell is sent to the kernel
            page.wait_for_function(
                "[...document.querySelectorAll('.jp-InputArea-prompt')].some(p => /\\[[0-9*]+\\]/.test(p.innerText))",
                timeout=30_000,
            )
            return
        except playwright.TimeoutError:
            page.keyboard.press("Escape")  # a menu left open
    raise AssertionError(
        f"JupyterLab did not run the cells; dialogs seen: {dialogs}; page: {page.inner_text('body')[-500:]}"
    )


RIGHT_ANSWERS_SHOWN = (
    "[...document.querySelectorAll('.jp-OutputArea-output')]"
    ".filter(o => o.innerText.includes('✅ Bonne réponse')).length >= 5"
)


def run_until_checked(page, playwright) -> None:
    """Runs every cell until the checks of the five questions say « ✅ Bonne réponse ». Under load, a run may
    be sent to a kernel that JupyterLab then restarts or replaces: the participant runs the cells again
    (each cell of a course notebook is safe to re-run)."""
    for _ in range(3):
        run_all_cells(page, playwright)
        try:
            page.wait_for_function(RIGHT_ANSWERS_SHOWN, timeout=120_000)
            return
        except playwright.TimeoutError:
            continue
    raise AssertionError("the checks never said « ✅ Bonne réponse » five times: " + page.inner_text("body")[-500:])


def choose_python(dialog) -> None:
    """In JupyterLab's kernel chooser, the Python kernel (not « Aucun noyau »)."""
    for box in dialog.locator("select").all():
        python = [label for label in box.locator("option").all_inner_texts() if "Python" in label]
        if python:
            box.select_option(label=python[0])


def test_participant_runs_the_first_notebook_and_validates_it(playwright, browser, published_kit, tmp_path):
    kit = shutil.copytree(published_kit, tmp_path / "kit")
    answer_as_a_participant(kit / "carnets" / ASSIGNMENT / NOTEBOOK)
    env = {**os.environ, "PYTHONPATH": str(kit)}  # the published generators and checks, not the kit's
    env.pop("KIT_DATASET", None)
    lab = Lab(kit, env)
    try:
        page = browser.new_page()
        page.goto(lab.page_url(f"lab/tree/carnets/{ASSIGNMENT}/{NOTEBOOK}"))
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
        menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
        assert "Fichier" in menus and "Noyau" in menus, menus  # JupyterLab in French
        run_until_checked(page, playwright)
        page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60_000)  # the figure is drawn
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        outputs = page.locator(".jp-OutputArea-output").all_inner_texts()
        assert not [text for text in outputs if "Error" in text and "❌" not in text], outputs

        page.locator(".jp-ToolbarButtonComponent", has_text="Validate").first.click()
        dialog = page.wait_for_selector(".jp-Dialog-content", timeout=180_000)
        page.wait_for_function(
            "!document.querySelector('.jp-Dialog-content').innerText.includes('Validating')", timeout=180_000
        )
        assert "Success" in dialog.inner_text(), dialog.inner_text()
    finally:
        lab.stop()


def test_instructor_formgrader_lists_the_graded_submissions(playwright, browser, graded, tmp_path):
    """JupyterLab opened on the session's graded workspace (tests/conftest.py), as `make lab` does on the kit."""
    workspace = shutil.copytree(graded.root, tmp_path / "workspace")  # the session's stays untouched
    shutil.copy(KIT_DIR / "nbgrader_config.py", workspace / "nbgrader_config.py")
    lab = Lab(workspace, dict(os.environ))
    try:
        page = browser.new_page()
        page.goto(lab.page_url("lab"))  # logs in, as the instructor opening JupyterLab
        page.wait_for_selector(".lm-MenuBar-itemLabel", timeout=90_000)
        page.goto(f"{lab.url}/formgrader/manage_submissions/{ASSIGNMENT}")
        page.wait_for_selector("text=exemple-correct", timeout=90_000)
        text = page.inner_text("body")
        assert all(student in text for student in SAMPLES), text
    finally:
        lab.stop()
