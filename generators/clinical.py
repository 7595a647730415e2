"""The instructor's configuration of a run: the pathway modules and signaux.yml, read and checked once.

`load_clinical()` builds it before any work (a mistake stops the run with one line naming the
file and the field); the run's Context carries it to every block, in this process, in local
worker processes or on a dask cluster, so that every block follows the same files.
"""

from dataclasses import dataclass
from pathlib import Path

from generators import settings
from generators.modules import Modules, load_modules
from generators.signals import Signals, load_signals


@dataclass(frozen=True)
class Clinical:
    """What the instructor can edit without coding: the pathway modules and the true effects."""

    modules: Modules
    signals: Signals


def load_clinical(modules_dir: Path | None = None, signals_file: Path = settings.SIGNALS_FILE) -> Clinical:
    """Reads and checks the modules of `modules_dir` (default: settings.modules_dir(), read now) and
    `signals_file`; raises ModuleError or SignalsFileError naming the file and the field."""
    return Clinical(
        load_modules(settings.modules_dir() if modules_dir is None else modules_dir), load_signals(signals_file)
    )
