"""Where things are: the course sources (authored, in git) and the workspace (generated, git-ignored).

The workspace follows nbgrader's layout, so nbgrader's own tools (formgrader)
work on it: release/, submitted/, autograded/, feedback/, gradebook.db; plus
our status/ (one verdict per submission) and reports/.
"""

from dataclasses import dataclass
from pathlib import Path

from grading.errors import GradingError
from grading.settings import ANSWER_KEYS_DIR, DATA_DIR, WORK_DIRECTORY

KIT_DIR = Path(__file__).resolve().parent.parent
COURSE_DIR = KIT_DIR / "course"


@dataclass(frozen=True)
class Workspace:
    root: Path  # generated artefacts
    course: Path = COURSE_DIR  # authored content: source/, samples/, datathon/

    @property
    def source(self) -> Path:
        return self.course / "source"

    @property
    def gradebook(self) -> Path:
        return self.root / "gradebook.db"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def data(self) -> Path:
        """The default public dataset of this workspace."""
        return self.root / DATA_DIR

    @property
    def answer_keys(self) -> Path:
        """The self-checks' answer keys, made at release (grading.answer_keys)."""
        return self.root / ANSWER_KEYS_DIR

    @property
    def work(self) -> Path:
        """Working copies of running submissions."""
        return self.root / WORK_DIRECTORY

    def release_dir(self, assignment: str) -> Path:
        return self.root / "release" / assignment

    def submission_dir(self, student: str, assignment: str) -> Path:
        return self.root / "submitted" / student / assignment

    def history_dir(self, student: str, assignment: str) -> Path:
        return self.root / "submitted-history" / student / assignment

    def feedback_dir(self, student: str, assignment: str) -> Path:
        return self.root / "feedback" / student / assignment

    def status_file(self, student: str, assignment: str) -> Path:
        return self.root / "status" / assignment / f"{student}.json"

    def assignments(self) -> list[str]:
        """Assignments authored in course/source, in order."""
        return sorted(p.name for p in self.source.iterdir() if p.is_dir() and not p.name.startswith("."))

    def chosen_assignments(self, names: list[str]) -> list[str]:
        """`names` checked against course/source (all of them when empty)."""
        known = self.assignments()
        unknown = [name for name in names if name not in known]
        if unknown:
            raise GradingError(f"no assignment {unknown[0]!r} in {self.source} (known: {', '.join(known)})")
        return list(names) or known

    def submitted_students(self, assignment: str) -> list[str]:
        submitted = self.root / "submitted"
        if not submitted.is_dir():
            return []
        return sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir())
