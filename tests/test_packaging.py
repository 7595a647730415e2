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


# Run by a fresh interpreter: it imports every library the kit imports (never the kit), then forks once
# per kit module; each child imports that one module first, so a cycle among the kit's own modules shows
# whatever order the others would have been imported in. Libraries are loaded once, not once per module.
IMPORT_EACH_ALONE = """
import ast, os, sys, traceback
from pathlib import Path
kit, modules = set(sys.argv[1].split(",")), sys.argv[2:]
for name in modules:
    path = Path(*name.split("."))
    path = path.with_suffix(".py") if path.with_suffix(".py").exists() else path / "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
        for library in names:
            if library.split(".")[0] not in kit:
                try:
                    __import__(library)
                except Exception:
                    pass  # an optional library: the module's own import says what happens without it
assert not kit & {name.split(".")[0] for name in sys.modules}, "a library imported the kit"
failures = []
for name in modules:
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        try:
            __import__(name)
            os._exit(0)
        except BaseException:
            os.write(write, (name + ": " + traceback.format_exc().strip().splitlines()[-1]).encode())
            os._exit(1)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode()
    if os.waitpid(child, 0)[1]:
        failures.append(message or name + ": died")
print("\\n".join(failures))
"""


def test_every_module_imports_alone_in_a_fresh_interpreter():
    """No import cycle hides behind an import order: each module is the first of the kit imported."""
    modules = kit_modules()
    assert {"grading.cli", "grading.sandbox.run_notebook", "participant.data", "generators.cli"} <= set(modules)
    run = subprocess.run(
        [sys.executable, "-c", IMPORT_EACH_ALONE, ",".join(PACKAGES), *modules],
        capture_output=True,
        text=True,
        cwd=KIT_DIR,
    )
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
    assert manifest["tables"]["patients"]["rows"] >= 300 and manifest["tables"]["sejours"]["rows"] > 0  # + births
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
