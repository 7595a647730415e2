"""The student-facing kit: everything a participant needs, nothing of the instructor's answers."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from participant.answer_kinds import NOT_ANSWERED
from tests.conftest import KIT_DIR, REPOSITORY, SAMPLE_DATASET

SOURCES = sorted((KIT_DIR / "course" / "source").glob("*/*.ipynb"))


@pytest.fixture
def kit(published_kit):
    return published_kit


def texts(folder):
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            try:
                yield path, path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                pass


def secret_blocks(path) -> list[str]:
    """The solutions and hidden tests of a source notebook: none may reach its participants."""
    blocks = []
    for cell in nbformat.read(path, as_version=4).cells:
        for found in re.findall(r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END", cell.source, re.S):
            lines = [line.strip() for line in found.splitlines() if len(line.strip()) > 25]
            blocks += [line for line in lines if "grade_answer(" in line or "load_table(" in line]
            if found.strip():
                blocks.append(found.strip())
    return blocks


def test_every_notebook_is_published_without_its_answers(kit):
    published = sorted(kit.glob("carnets/*/*.ipynb"))
    assert [p.name for p in published] == [p.name for p in SOURCES]
    for path, text in texts(kit):
        for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
            assert marker not in text, f"{path}: {marker}"
    for source in SOURCES:
        secrets = secret_blocks(source)
        assert len(secrets) >= 8, source.name
        notebook = nbformat.read(kit / "carnets" / source.parent.name / source.name, as_version=4)
        text = "\n".join(cell.source for cell in notebook.cells)
        leaked = [secret for secret in secrets if secret in text]
        assert not leaked, f"{source.name} publishes: {leaked[0][:80]}"


def test_nothing_of_the_instructor_is_published(kit):
    names = {p.relative_to(kit).as_posix() for p in kit.rglob("*") if p.is_file()}
    assert not [n for n in names if n.startswith(("course/", "tests/", "benchmarks/", "instructeur/"))]
    hidden = [n for n in names if n.endswith(".db") or "etiquettes" in n or Path(n).name.startswith("verite")]
    assert not hidden and not [n for n in names if n.endswith(".csv.gz") and not n.startswith("generators/reference/")]
    assert not [n for n in names if n.startswith("grading/")]  # the notebooks import participant/, never grading
    assert {n for n in names if n.startswith("participant/")} == {
        "participant/__init__.py",
        "participant/answer_kinds.py",
        "participant/checks.py",
        "participant/data.py",
        "participant/notebook.py",
        "participant/novice_errors.py",
    }
    assert not [n for n in names if n.startswith("datathon/") and not n.endswith(".ipynb")]
    for path, text in texts(kit):  # a truth file's keys (the generator's code may name them)
        if path.suffix in (".json", ".csv", ".md", ".ipynb"):
            assert "etablissement_effects" not in text and "incidents_journaux" not in text, path


def test_readme_links_open_each_notebook_in_binder(kit):
    readme = (kit / "README.md").read_text(encoding="utf-8")
    links = re.findall(rf"https://mybinder\.org/v2/gh/{REPOSITORY}/HEAD\?urlpath=lab/tree/(\S+?\.ipynb)\)", readme)
    assert sorted(links) == sorted(p.relative_to(kit).as_posix() for p in kit.glob("carnets/*/*.ipynb"))
    assert (kit / "LISEZMOI.md").read_text(encoding="utf-8") == readme
    assert (kit / "binder" / "postBuild").is_file() and (kit / "binder" / "environment.yml").is_file()


def test_the_published_kit_holds_no_answer_key(kit):
    """The dataset is shipped, made with the true effects; the generator that comes with it has every
    effect at 0, and no file of the kit, whatever its format, holds one of the true values."""
    shipped = yaml.safe_load((kit / "generators" / "reference" / "signaux.yml").read_text(encoding="utf-8"))
    true = yaml.safe_load((KIT_DIR / "generators" / "reference" / "signaux.yml").read_text(encoding="utf-8"))
    secret_lines = []
    for name, section in true.items():
        for key, value in section.items() if isinstance(section, dict) else ():
            if key == "effects":
                assert set(shipped[name][key].values()) == {0}, name
                secret_lines += [f"{effect}: {number}" for effect, number in value.items() if number]
            elif key.endswith("_ecart_type") or key.startswith(("effet_", "tendance_")):
                assert shipped[name][key] == 0, (name, key)
                secret_lines.append(f"{key}: {value}")
    assert len(secret_lines) >= 15
    for path, text in texts(kit):
        assert not [line for line in secret_lines if line in text], path
    manifest = json.loads((kit / "datasets" / "generated" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == json.loads((SAMPLE_DATASET / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in (kit / "datasets" / "generated").iterdir()) == sorted(
        p.name for p in SAMPLE_DATASET.iterdir()
    )
    assert "generators" not in (kit / "binder" / "postBuild").read_text()  # Binder generates nothing


def test_a_participant_can_run_the_published_notebook(kit, tmp_path):
    """With only the published kit on the path: its generator runs (a notebook may make a small dataset of
    its own), the set-up reads the shipped dataset and its answer key, and the first check says the
    placeholder is not an answer yet (not a missing module, not a check that cannot tell)."""
    kit = shutil.copytree(kit, tmp_path / "kit")
    env = {**os.environ, "PYTHONPATH": str(kit)}
    env.pop("KIT_DATASET", None)
    generate = subprocess.run(
        [sys.executable, "-m", "generators", "--patients", "2000", "--out", str(tmp_path / "essai"), "--quiet"],
        cwd=kit,
        env=env,
        capture_output=True,
        text=True,
    )
    assert generate.returncode == 0, generate.stderr
    notebook = kit / "carnets" / "00_prise_en_main" / "00_prise_en_main.ipynb"
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import sys, nbformat; from nbclient import NotebookClient\n"
                "nb = nbformat.read(sys.argv[1], as_version=4)\n"
                "where = {'metadata': {'path': sys.argv[2]}}\n"
                "NotebookClient(nb, kernel_name='python3', allow_errors=True, resources=where).execute()\n"
                "outputs = [o for c in nb.cells for o in c.get('outputs', [])]\n"
                "errors = [o['ename'] + ':' + o['traceback'][0] for o in outputs if o.get('output_type') == 'error']\n"
                "print('\\n'.join(errors))"
            ),
            str(notebook),
            str(notebook.parent),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    errors = run.stdout.splitlines()
    assert errors and errors[0] == f"WrongAnswer:❌ {NOT_ANSWERED}", errors
    assert not [error for error in errors if "ModuleNotFoundError" in error], errors


def test_publish_refuses_to_overwrite(kit, cli):
    result = cli("grading", "publish", str(kit), "--data", str(SAMPLE_DATASET))
    assert result.returncode == 2 and "already exists; pass --overwrite" in result.stderr
    result = cli("grading", "publish", str(kit.parent / "autre"), "--github", "pas un dépôt")
    assert result.returncode == 2 and "--github expects OWNER/REPO" in result.stderr
    result = cli("grading", "--root", str(kit.parent / "vide"), "publish", str(kit.parent / "autre"))
    assert result.returncode == 2 and "no dataset in" in result.stderr and not (kit.parent / "autre").exists()
