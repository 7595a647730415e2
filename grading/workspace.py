"""Where things are: the course sources (authored, in git) and the workspace (generated, git-ignored).

The workspace follows nbgrader's layout, so nbgrader's own tools (formgrader)
work on it: release/, submitted/, autograded/, feedback/, gradebook.db; plus
our status/ (one verdict per submission) and reports/.
"""

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

KIT_DIR = Path(__file__).resolve().parent.parent
COURSE_ID = "innov-health"
WORK_DIRECTORY = ".grading-work"     # working copies of running submissions, under the workspace root
ERROR_LINE = re.compile(r"^[\w.]*(Error|Exception|Exit)\b.*:")
WRAPPER_MESSAGES = ("see the the above traceback", "see the above traceback")   # nbgrader's "see above"


@dataclass(frozen=True)
class Workspace:
    root: Path                            # generated artefacts
    course: Path = KIT_DIR / "course"     # authored content: source/ and samples/

    @property
    def source(self) -> Path:
        return self.course / "source"

    @property
    def gradebook(self) -> Path:
        return self.root / "gradebook.db"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def release_dir(self, assignment: str) -> Path:
        return self.root / "release" / assignment

    def submission_dir(self, student: str, assignment: str) -> Path:
        return self.root / "submitted" / student / assignment

    def status_file(self, student: str, assignment: str) -> Path:
        return self.root / "status" / assignment / f"{student}.json"

    def assignments(self) -> list[str]:
        """Assignments authored in course/source, in order."""
        return sorted(p.name for p in self.source.iterdir() if p.is_dir() and not p.name.startswith("."))

    def submitted_students(self, assignment: str) -> list[str]:
        submitted = self.root / "submitted"
        if not submitted.is_dir():
            return []
        return sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir())


@dataclass(frozen=True)
class GradingSettings:
    """How submissions run: where the public data is, and the sandbox's limits."""
    data: Path | None = None            # default: ROOT/datasets/generated
    sandbox: bool = True
    notebook_timeout: int = 600         # seconds for the whole notebook
    cell_timeout: int = 120             # seconds per cell
    memory_gb: float = 2.0              # per process, as on Binder


def hidden_from_submissions(workspace: Workspace) -> list[Path]:
    """What a running submission must not see: sources, other submissions, grades, instructor files."""
    root = workspace.root.resolve()
    return [workspace.course.resolve(), workspace.gradebook.resolve()] + [
        root / name for name in ("submitted", "submitted-history", "autograded", "feedback", "status", "reports",
                                 "release", "instructeur", WORK_DIRECTORY)]


def nbgrader_config(workspace: Workspace, settings: GradingSettings = GradingSettings()) -> Config:
    """nbgrader settings of the kit: paths, French stubs, the sandboxed execution."""
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, ClearOutput,
                                        DeduplicateIds, GetGrades, IgnorePattern, LimitOutput, OverwriteCells,
                                        OverwriteKernelspec, SaveAutoGrades)

    from grading.preprocessors import PlotlyOffline, RestoreLockedCells, SandboxedExecute

    c = Config()
    c.CourseDirectory.root = str(workspace.root.resolve())
    c.CourseDirectory.source_directory = str(workspace.source.resolve())   # absolute: outside root
    c.CourseDirectory.course_id = COURSE_ID
    c.CourseDirectory.db_url = f"sqlite:///{workspace.gradebook.resolve()}"
    c.ClearSolutions.code_stub = {"python": "# VOTRE CODE ICI\nraise NotImplementedError()"}
    c.ClearSolutions.text_stub = "VOTRE RÉPONSE ICI"
    root = workspace.root.resolve()
    c.Autograde.sanitize_preprocessors = [ClearOutput, DeduplicateIds, OverwriteKernelspec, RestoreLockedCells,
                                          OverwriteCells, CheckCellMetadata]
    c.Autograde.autograde_preprocessors = [SandboxedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                           SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
    # Feedback: the hidden tests stay hidden (stock nbgrader shows them), plotly figures work offline.
    c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, PlotlyOffline, CSSHTMLHeaderPreprocessor]
    c.ClearHiddenTests.enforce_metadata = False
    c.RestoreLockedCells.release_directory = str(root / "release")
    c.SandboxedExecute.data_directory = str((settings.data or root / "datasets" / "generated").resolve())
    c.SandboxedExecute.hidden_paths = [str(p) for p in hidden_from_submissions(workspace)]
    c.SandboxedExecute.use_sandbox = settings.sandbox
    c.SandboxedExecute.notebook_timeout = settings.notebook_timeout
    c.SandboxedExecute.cell_timeout = settings.cell_timeout
    c.SandboxedExecute.memory_gb = settings.memory_gb
    c.SandboxedExecute.work_directory = str(root / WORK_DIRECTORY)
    return c


def write_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


class GradingError(Exception):
    """A step that could not be done; the message says why and what to do."""


def nbgrader_api(workspace: Workspace, settings: GradingSettings = GradingSettings()):
    from nbgrader.apps import NbGraderAPI          # slow to import: only when a step needs it
    from nbgrader.coursedir import CourseDirectory

    # nbgrader runs the `alembic` command of its own environment to create the gradebook.
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    config = nbgrader_config(workspace, settings)
    workspace.root.mkdir(parents=True, exist_ok=True)
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def last_line(text: str | None) -> str:
    """The line of a log or traceback that says what went wrong: its last 'SomeError: ...' line."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    lines = [line for line in lines if not any(wrapper in line for wrapper in WRAPPER_MESSAGES)]
    errors = [line for line in lines if ERROR_LINE.match(line)]
    return (errors or lines or ["no message"])[-1]
