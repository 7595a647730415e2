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


def test_jupyterlab_speaks_french_wherever_it_is_installed():
    """binder/overrides.json sets JupyterLab's default language: make's install, the kit's Binder and the
    published kit's Binder all put it where JupyterLab reads its defaults."""
    import json

    from grading.steps.publish import KIT_FILES, POST_BUILD

    overrides = json.loads((KIT_DIR / "binder" / "overrides.json").read_text())
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "fr_FR"
    assert "jupyterlab-language-pack-fr-fr" in pip_requirements()
    install = "share/jupyter/lab/settings"
    assert install in (KIT_DIR / "Makefile").read_text() and "binder/overrides.json" in KIT_FILES
    for post_build in ((KIT_DIR / "binder" / "postBuild").read_text(), POST_BUILD):
        assert install in post_build and "cp binder/overrides.json" in post_build
