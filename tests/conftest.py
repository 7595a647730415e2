import os
import subprocess
import sys
from pathlib import Path

import pytest

KIT_DIR = Path(__file__).resolve().parent.parent
SAMPLE_DATASET = KIT_DIR / "datasets" / "sample"


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
