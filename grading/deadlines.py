"""Due dates: kept where nbgrader keeps them (the assignment's `duedate` in the gradebook, naive UTC),
so that formgrader shows them too; times without an offset are read as Paris time."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from grading.errors import GradingError
from grading.paths import Workspace
from grading.settings import COURSE_TIMEZONE


def parse_due(text: str) -> datetime:
    """'2026-11-30 18:00' (Paris time) or '2026-11-30T17:00+00:00' -> an aware UTC datetime."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise GradingError(
            f"cannot read the due date {text!r}; expected e.g. '2026-11-30 18:00' (Paris time)"
        ) from None
    if moment.tzinfo is None:
        try:
            moment = moment.replace(tzinfo=ZoneInfo(COURSE_TIMEZONE))
        except ZoneInfoNotFoundError:
            raise GradingError(
                f"this machine has no time zone data for {COURSE_TIMEZONE}: give the offset, "
                f"e.g. {moment:%Y-%m-%dT%H:%M}+01:00"
            ) from None
    return moment.astimezone(UTC)


def due_dates(workspace: Workspace) -> dict[str, datetime]:
    """{assignment: due date (aware UTC)} for the assignments of the gradebook that have one."""
    if not workspace.gradebook.exists():
        return {}
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{workspace.gradebook.resolve()}") as gradebook:
        return {a.name: a.duedate.replace(tzinfo=UTC) for a in gradebook.assignments if a.duedate}


def set_due_date(workspace: Workspace, assignment: str, due: datetime) -> None:
    from nbgrader.api import Gradebook

    workspace.root.mkdir(parents=True, exist_ok=True)
    with Gradebook(f"sqlite:///{workspace.gradebook.resolve()}") as gradebook:
        gradebook.update_or_create_assignment(assignment, duedate=due.astimezone(UTC).replace(tzinfo=None))
