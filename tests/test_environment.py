"""environment.yml (conda, Binder) and pyproject.toml (pip) must install the same packages."""

import re
import tomllib

import yaml

from tests.conftest import KIT_DIR


def pip_requirements() -> dict[str, str]:
    project = tomllib.loads((KIT_DIR / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(split(requirement) for requirement in requirements)


def conda_requirements(path) -> dict[str, str]:
    """Conda packages, and those its `pip:` section installs from PyPI."""
    dependencies = yaml.safe_load(path.read_text())["dependencies"]
    dependencies += [p for d in dependencies if isinstance(d, dict) for p in d.get("pip", [])]
    return dict(split(d) for d in dependencies if isinstance(d, str) and split(d)[0] not in ("python", "pip"))


def split(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^([A-Za-z0-9_.-]+)\s*(.*)$", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def test_environment_yml_lists_the_pyproject_packages():
    assert conda_requirements(KIT_DIR / "environment.yml") == pip_requirements()


def test_binder_uses_the_same_environment_and_installs_the_kit():
    assert conda_requirements(KIT_DIR / "binder" / "environment.yml") == pip_requirements()
    post_build = KIT_DIR / "binder" / "postBuild"
    assert post_build.stat().st_mode & 0o111, "postBuild must be executable"
    assert "pip install --no-deps -e ." in post_build.read_text()
    assert "python -m generators" in post_build.read_text()
