"""The kit as a package: every module imports alone, a built wheel generates data and grades' help works."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

KIT_DIR = Path(__file__).resolve().parent.parent
PACKAGES = ("common", "generators", "grading", "participant")


def kit_modules() -> list[str]:
    modules = []
    for package in PACKAGES:
        for path in sorted((KIT_DIR / package).rglob("*.py")):
            parts = path.relative_to(KIT_DIR).with_suffix("").parts
            if parts[-1] == "__main__":
                continue  # runs the command line: imported by `python -m` only
            modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


def test_every_module_imports_alone_in_a_fresh_interpreter():
    """No import cycle hides behind an import order: each module is the first one imported."""
    script = (
        "import os, subprocess, sys\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "def alone(name):\n"
        "    run = subprocess.run([sys.executable, '-c', f'import {name}'], capture_output=True, text=True)\n"
        "    return name + ': ' + (run.stderr.strip().splitlines() or ['?'])[-1] if run.returncode else ''\n"
        "with ThreadPoolExecutor(os.cpu_count()) as pool:\n"
        "    print('\\n'.join(filter(None, pool.map(alone, sys.argv[1:]))))\n"
    )
    modules = kit_modules()
    assert {"grading.cli", "grading.sandbox.run_notebook", "participant.data", "generators.cli"} <= set(modules)
    run = subprocess.run([sys.executable, "-c", script, *modules], capture_output=True, text=True, cwd=KIT_DIR)
    assert run.returncode == 0 and run.stdout.strip() == "", run.stdout + run.stderr


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory):
    """A fresh virtual environment with the kit installed from its built wheel, nothing editable.

    The kit's dependencies come from this test's environment (a path file), so that nothing but the
    kit itself is installed; the kit's own folders are never on its path."""
    folder = tmp_path_factory.mktemp("wheel")
    source = folder / "source"
    shutil.copytree(
        KIT_DIR,
        source,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "*.egg-info",
            "__pycache__",
            "build",
            "datasets",
            "release",
            "submitted*",
            "autograded",
            "feedback",
            "status",
            "reports",
            "gradebook.db",
            ".grading-work",
            "benchmarks",
            "tests",
        ),
    )
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(folder / "dist"), str(source)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((folder / "dist").glob("innov_health_kit-*.whl"))
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "kit-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr
    return python, folder


def run_in(python: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "KIT_DATASET", "KIT_MODULES")}
    return subprocess.run([str(python), *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_the_wheel_installs_the_kit_not_the_source_tree(wheel_venv):
    python, folder = wheel_venv
    where = run_in(
        python,
        folder,
        "-c",
        "import generators, grading, participant, common; print(generators.__file__, participant.__file__)",
    )
    assert where.returncode == 0, where.stderr
    assert str(KIT_DIR) not in where.stdout and "site-packages" in where.stdout


def test_the_wheel_generates_a_dataset(wheel_venv):
    python, folder = wheel_venv
    result = run_in(python, folder, "-m", "generators", "--patients", "300", "--out", "donnees", "--quiet")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((folder / "donnees" / "manifest.json").read_text())
    assert manifest["tables"]["patients"]["rows"] == 300 and manifest["tables"]["sejours"]["rows"] > 0
    assert (folder / "donnees" / "dictionnaire.md").is_file()


def test_the_wheel_grading_help_and_participant_loader(wheel_venv):
    python, folder = wheel_venv
    help_text = run_in(python, folder, "-m", "grading", "--help")
    assert help_text.returncode == 0 and "autograde" in help_text.stdout, help_text.stderr
    loaded = run_in(
        python, folder, "-c", "from participant.data import load_reference; print(len(load_reference('cim10')))"
    )
    assert loaded.returncode == 0 and int(loaded.stdout) > 0, loaded.stderr


def test_licences_are_declared():
    assert "MIT License" in (KIT_DIR / "LICENSE").read_text(encoding="utf-8")
    pyproject = (KIT_DIR / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in pyproject
    sources = (KIT_DIR / "generators" / "reference" / "README.md").read_text(encoding="utf-8")
    assert "Licence Ouverte" in sources and "CC0" in sources
