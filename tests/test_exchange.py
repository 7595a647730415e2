"""release --exchange and feedback --exchange (grading/steps/exchange.py) against nbgrader's own student side:
what the kit puts in the exchange is where nbgrader's fetch_assignment and fetch_feedback look for it. No
JupyterHub here (tests/test_jupyterhub.py has the real one): the student is this process's account."""

import os
import shutil
from pathlib import Path

import pytest
from traitlets.config import Config

from grading.cli import build_parser
from grading.paths import Workspace
from grading.steps.collect import collect
from grading.steps.exchange import SECRET, release_feedback_to_exchange, release_to_exchange
from tests.conftest import ASSIGNMENT, NOTEBOOK

COURSE_ID = "sante-numerique-2026"


def student_side(exchange: Path, home: Path, exchange_class: str, assignment: str = ASSIGNMENT):
    """One of nbgrader's exchange classes (FetchAssignment, Submit, FetchFeedback) as a student runs it,
    from `home`, with its own cache."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange import ExchangeFactory

    config = Config()
    config.Exchange.root = str(exchange)
    config.Exchange.cache = str(home / ".nbgrader_cache")
    config.Exchange.assignment_dir = str(home)
    config.CourseDirectory.course_id = COURSE_ID
    config.CourseDirectory.assignment_id = assignment
    coursedir = CourseDirectory(config=config)
    return getattr(ExchangeFactory(config=config), exchange_class)(
        coursedir=coursedir, authenticator=Authenticator(config=config), config=config
    )


@pytest.fixture
def course(tmp_path):
    """A workspace whose release/ holds the assignment (a copy of its source: only files matter here), an
    exchange root made as nbgrader asks (everyone writes, sticky), and a student's home."""
    workspace = Workspace(root=tmp_path / "workspace")
    released = workspace.release_dir(ASSIGNMENT)
    released.mkdir(parents=True)
    shutil.copy(workspace.source / ASSIGNMENT / NOTEBOOK, released / NOTEBOOK)
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    exchange.chmod(0o1777)
    home = tmp_path / "home"
    home.mkdir()
    return workspace, exchange, home


def test_a_release_in_the_exchange_is_what_nbgrader_fetches(course):
    workspace, exchange, home = course
    said = []
    release_to_exchange(workspace, [ASSIGNMENT], exchange, COURSE_ID, say=said.append)
    outbound = exchange / COURSE_ID / "outbound" / ASSIGNMENT / NOTEBOOK
    assert outbound.read_bytes() == (workspace.release_dir(ASSIGNMENT) / NOTEBOOK).read_bytes()
    assert oct(outbound.stat().st_mode & 0o777) == oct(0o644)  # every student reads it
    assert (exchange / COURSE_ID / "inbound").stat().st_mode & 0o3777 == 0o2733  # everyone hands in, nobody lists
    assert str(exchange / COURSE_ID / "outbound" / ASSIGNMENT) in said[0]

    release_to_exchange(workspace, [ASSIGNMENT], exchange, COURSE_ID)  # released again: replaced, no error
    student_side(exchange, home, "FetchAssignment").start()
    assert (home / ASSIGNMENT / NOTEBOOK).read_bytes() == outbound.read_bytes()


def test_feedback_goes_where_the_student_fetches_it(course):
    workspace, exchange, home = course
    release_to_exchange(workspace, [ASSIGNMENT], exchange, COURSE_ID)
    student_side(exchange, home, "FetchAssignment").start()
    student_side(exchange, home, "Submit").start()
    collected = collect(workspace, exchange, ASSIGNMENT)  # the kit's collect, owner check on
    assert [c.outcome for c in collected] == ["new"], collected
    student = collected[0].student
    feedback = workspace.feedback_dir(student, ASSIGNMENT)  # as `feedback` writes it
    feedback.mkdir(parents=True)
    (feedback / f"{ASSIGNMENT}.html").write_text("<p>Retour de votre formateur</p>", encoding="utf-8")

    said = []
    release_feedback_to_exchange(workspace, [ASSIGNMENT], exchange, COURSE_ID, say=said.append)
    assert len(list((exchange / COURSE_ID / "feedback").glob("*.html"))) == 1, said
    inbound = next((exchange / COURSE_ID / "inbound").iterdir())
    assert (feedback / SECRET).read_text() == (inbound / SECRET).read_text()

    student_side(exchange, home, "FetchFeedback").start()
    fetched = list((home / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html"))
    assert [path.read_text(encoding="utf-8") for path in fetched] == ["<p>Retour de votre formateur</p>"]


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another account needs root")
def test_feedback_is_not_released_through_a_folder_that_is_not_the_students(course):
    """An inbound folder that names the student but belongs to another account never lends its secret."""
    workspace, exchange, home = course
    release_to_exchange(workspace, [ASSIGNMENT], exchange, COURSE_ID)
    student_side(exchange, home, "FetchAssignment").start()
    student_side(exchange, home, "Submit").start()
    student = collect(workspace, exchange, ASSIGNMENT)[0].student
    feedback = workspace.feedback_dir(student, ASSIGNMENT)
    feedback.mkdir(parents=True)
    (feedback / f"{ASSIGNMENT}.html").write_text("<p>retour</p>", encoding="utf-8")
    inbound = next((exchange / COURSE_ID / "inbound").iterdir())
    os.chown(inbound, 65534, 65534)  # nobody's

    said = []
    release_feedback_to_exchange(workspace, [ASSIGNMENT], exchange, COURSE_ID, say=said.append)
    assert not list((exchange / COURSE_ID / "feedback").glob("*.html"))
    assert f"not released (not handed in through this exchange): {ASSIGNMENT}/{student}" in said[-1]


def test_the_exchange_must_exist(course, cli):
    workspace, exchange, _ = course
    result = cli("grading", "--root", str(workspace.root), "feedback", "--exchange", str(exchange / "absent"))
    assert result.returncode == 2
    assert "chmod 1777" in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_release_and_feedback_take_the_exchange_and_the_course_id():
    parser = build_parser()
    for command in ("release", "feedback"):
        args = parser.parse_args([command, "--exchange", "/srv/nbgrader/exchange", "--course-id", COURSE_ID])
        assert (args.exchange, args.course_id) == (Path("/srv/nbgrader/exchange"), COURSE_ID)
        assert parser.parse_args([command]).exchange is None
