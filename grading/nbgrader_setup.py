"""nbgrader, configured for the kit: its settings (paths, French stubs, the sandboxed pipeline) and its API."""

import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

from grading import settings
from grading.paths import Workspace


@dataclass(frozen=True)
class GradingSettings:
    """How submissions run: where the public data is, and the sandbox's limits."""

    data: Path | None = None  # default: the workspace's datasets/generated
    sandbox: bool = True
    notebook_timeout: int = settings.NOTEBOOK_TIMEOUT
    cell_timeout: int = settings.CELL_TIMEOUT
    memory_gb: float = settings.MEMORY_GB
    scheduler: str | None = None  # a dask.distributed scheduler's address: the notebooks run on its workers


def nbgrader_config(
    workspace: Workspace, grading: GradingSettings = GradingSettings(), answer_keys: Path | None = None
) -> Config:
    """nbgrader settings of the kit: paths, French stubs, the sandboxed execution."""
    from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
    from nbgrader.converters import GenerateAssignment
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        ClearHiddenTests,
        ClearOutput,
        DeduplicateIds,
        GetGrades,
        IgnorePattern,
        LimitOutput,
        OverwriteCells,
        OverwriteKernelspec,
        SaveAutoGrades,
    )

    from grading.preprocessors import (
        EmbedAnswerKeys,
        PlotlyOffline,
        RestoreLockedCells,
        SandboxedExecute,
        SanitizeOutputs,
    )

    c = Config()
    root = workspace.root.resolve()
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.source_directory = str(workspace.source.resolve())  # absolute: outside root
    c.CourseDirectory.course_id = settings.COURSE_ID
    c.CourseDirectory.db_url = f"sqlite:///{workspace.gradebook.resolve()}"
    c.ClearSolutions.code_stub = {"python": settings.CODE_STUB}
    c.ClearSolutions.text_stub = settings.TEXT_STUB
    # Release: the self-checks' answer keys go into the set-up cell before its checksum is computed.
    c.GenerateAssignment.preprocessors = [
        EmbedAnswerKeys,
        *GenerateAssignment.class_traits()["preprocessors"].default(),
    ]
    c.EmbedAnswerKeys.keys_directory = str(answer_keys.resolve()) if answer_keys else ""
    c.Autograde.sanitize_preprocessors = [
        ClearOutput,
        DeduplicateIds,
        OverwriteKernelspec,
        RestoreLockedCells,
        OverwriteCells,
        CheckCellMetadata,
    ]
    c.Autograde.autograde_preprocessors = [
        SandboxedExecute,
        IgnorePattern,
        ClearMetadataPreprocessor,
        LimitOutput,
        SaveAutoGrades,
        AssignLatePenalties,
        CheckCellMetadata,
    ]
    # Feedback: the hidden tests stay hidden (stock nbgrader shows them), what the student wrote or displayed
    # is made inert, then plotly figures are drawn by the kit's own code, offline.
    c.GenerateFeedback.preprocessors = [
        GetGrades,
        ClearHiddenTests,
        SanitizeOutputs,
        PlotlyOffline,
        CSSHTMLHeaderPreprocessor,
    ]
    c.ClearHiddenTests.enforce_metadata = False
    c.RestoreLockedCells.release_directory = str(root / "release")
    c.SandboxedExecute.data_directory = str((grading.data or workspace.data).resolve())
    c.SandboxedExecute.release_directory = str(root / "release")
    c.SandboxedExecute.use_sandbox = grading.sandbox
    c.SandboxedExecute.notebook_timeout = grading.notebook_timeout
    c.SandboxedExecute.cell_timeout = grading.cell_timeout
    c.SandboxedExecute.memory_gb = grading.memory_gb
    c.SandboxedExecute.work_directory = str(workspace.work.resolve())
    c.SandboxedExecute.scheduler = grading.scheduler or ""
    return c


def nbgrader_api(workspace: Workspace, grading: GradingSettings = GradingSettings(), answer_keys: Path | None = None):
    """nbgrader's API on the workspace. nbgrader runs the `alembic` command of its own environment to
    create the gradebook: this interpreter's bin folder is put on PATH for it."""
    from nbgrader.apps import NbGraderAPI  # slow to import: only when a step needs it
    from nbgrader.coursedir import CourseDirectory

    warnings.filterwarnings("ignore", message=".*not in session.*")  # nbgrader's own SQLAlchemy noise
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    config = nbgrader_config(workspace, grading, answer_keys)
    workspace.root.mkdir(parents=True, exist_ok=True)
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
