"""Binder: repo2docker (run without building) picks the kit's Binder configuration, for the
instructor's kit and for the student kit that `grading publish` writes."""

import subprocess
import sys

import pytest

from tests.conftest import KIT_DIR


@pytest.mark.parametrize("which", ["instructor", "student"])
def test_repo2docker_picks_the_binder_environment_and_post_build(which, published_kit):
    folder = KIT_DIR if which == "instructor" else published_kit
    result = subprocess.run(
        [sys.executable, "-m", "repo2docker", "--no-build", "--debug", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dockerfile = result.stdout + result.stderr
    assert "Building conda environment for python=3.11" in dockerfile  # not its default Python
    assert '--file "binder/environment.yml"' in dockerfile
    assert "RUN ./binder/postBuild" in dockerfile
