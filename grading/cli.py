"""Command line: python -m grading release | samples | collect | autograde | feedback | report | datathon | publish."""

import argparse
import sys
from pathlib import Path

from common.cli import Parser, bounded_int, run
from grading import settings
from grading.paths import COURSE_DIR, Workspace

positive_int = bounded_int(1)


def build_parser() -> Parser:
    parser = Parser(
        prog="python -m grading",
        description="Release, collect, autograde and report on the kit's nbgrader assignments; run the "
        "datathon; publish the student kit. "
        "Artefacts (release/, submitted/, autograded/, gradebook.db, status/, reports/) "
        "go to --root, in nbgrader's layout.",
        epilog="Typical cycle: release, collect (or samples), autograde, feedback, report; "
        "publish for participants; datathon prepare, then datathon score.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="workspace for generated artefacts (default: current folder)",
    )
    parser.add_argument(
        "--course",
        type=Path,
        default=COURSE_DIR,
        metavar="DIR",
        help="authored course folder holding source/ and samples/ (default: the kit's course/)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)

    release = commands.add_parser("release", help="write student versions of the source notebooks into release/")
    release.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: all of course/source")
    release.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="DIR",
        help="the class's dataset: the self-checks tell a right answer from a wrong one on it "
        f"(default: ROOT/{settings.DATA_DIR.as_posix()})",
    )
    add_exchange_options(
        release,
        "also copy the release into nbgrader's exchange DIR (a JupyterHub's shared folder, "
        "e.g. /srv/nbgrader/exchange), where students fetch it from JupyterLab's Assignments tab",
    )

    samples = commands.add_parser(
        "samples",
        help="collect the sample submissions shipped with the kit "
        "(from course/samples/), as if students had handed them in",
    )
    samples.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: all with samples")

    collect = commands.add_parser(
        "collect",
        help="import submissions from a folder SOURCE/STUDENT/*.ipynb, a zip of "
        "such folders, Moodle's 'Download all submissions' zip, or "
        "nbgrader's exchange; earlier submissions are kept, late ones reported",
    )
    collect.add_argument("source", type=Path, metavar="SOURCE")
    collect.add_argument("--assignment", required=True, metavar="A")
    collect.add_argument(
        "--due",
        metavar="DATE",
        help="due date, e.g. '2026-11-30 18:00' (Paris time); kept in the gradebook for later collections and reports",
    )
    collect.add_argument(
        "--no-owner-check",
        action="store_true",
        help="in nbgrader's exchange, also collect folders not owned by the account of the student they name "
        "(only for an exchange copied from elsewhere, whose owners are lost)",
    )

    autograde = commands.add_parser(
        "autograde", help="grade collected submissions in parallel, each in a sandbox; one status per submission"
    )
    autograde.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: all released")
    autograde.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"dataset the notebooks read (default: ROOT/{settings.DATA_DIR.as_posix()})",
    )
    autograde.add_argument(
        "--workers",
        type=positive_int,
        default=settings.WORKERS,
        metavar="W",
        help=f"submissions graded at once (default: the number of cores, {settings.WORKERS})",
    )
    autograde.add_argument(
        "--timeout",
        type=positive_int,
        default=settings.NOTEBOOK_TIMEOUT,
        metavar="S",
        help=f"seconds for a whole notebook (default {settings.NOTEBOOK_TIMEOUT})",
    )
    autograde.add_argument(
        "--cell-timeout",
        type=positive_int,
        default=settings.CELL_TIMEOUT,
        metavar="S",
        help=f"seconds for one cell (default {settings.CELL_TIMEOUT}): a cell stopped at its limit "
        "is flagged cell_timeout and the notebook goes on",
    )
    autograde.add_argument(
        "--memory",
        type=memory_size,
        default=settings.MEMORY_GB,
        metavar="SIZE",
        help=f"memory of a notebook and all its processes, e.g. 2G or 512M (default {settings.MEMORY_GB:g}G, "
        "as on Binder)",
    )
    autograde.add_argument(
        "--no-sandbox", action="store_true", help="run submissions without bubblewrap: only for trusted notebooks"
    )
    autograde.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run the notebooks on this dask.distributed cluster, e.g. tcp://HOST:8786 (each worker needs the kit, "
        "bubblewrap and the dataset at the same path; the gradebook stays here); raise --workers to keep it busy",
    )
    autograde.add_argument("--force", action="store_true", help="re-grade submissions that already have a status")

    feedback = commands.add_parser(
        "feedback", help="write each graded student's HTML feedback into feedback/, without the hidden tests"
    )
    feedback.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: all released")
    add_exchange_options(
        feedback,
        "also release each student's feedback into nbgrader's exchange DIR, where the "
        "student fetches it from JupyterLab's Assignments tab (for notebooks submitted through it)",
    )

    datathon = commands.add_parser(
        "datathon",
        help="datathon challenges (course/datathon/*.yml): prepare the hidden "
        "data, score team submissions, leaderboard",
    )
    steps = datathon.add_subparsers(dest="step", required=True, metavar="STEP", parser_class=Parser)
    prepare = steps.add_parser(
        "prepare",
        help="generate a challenge's data with a secret seed: OUT/participants/ "
        "(training data with the target, test data without) and OUT/instructeur/",
    )
    prepare.add_argument("challenge", metavar="CHALLENGE", help="a name of course/datathon/ or a YAML file")
    prepare.add_argument(
        "--secret-seed",
        type=positive_int,
        default=None,
        metavar="S",
        help="the seed of the hidden data, at least 37 digits (default: prepare draws one of 40 digits); "
        "kept in OUT/instructeur/graine_secrete.txt only, to prepare the same data again",
    )
    prepare.add_argument("--out", type=Path, required=True, metavar="DIR")
    prepare.add_argument(
        "--patients",
        type=positive_int,
        default=None,
        metavar="N",
        help="override the challenge's number of patients (e.g. a small rehearsal)",
    )
    prepare.add_argument("--overwrite", action="store_true", help="replace DIR if it exists")
    score = steps.add_parser(
        "score",
        help="check, re-execute (papermill, sandboxed) and score SUBMISSIONS/TEAM/NAME.csv "
        "and NAME.ipynb; write the leaderboard",
    )
    score.add_argument("challenge", metavar="CHALLENGE")
    score.add_argument("submissions", type=Path, metavar="SUBMISSIONS")
    score.add_argument("--prepared", type=Path, required=True, metavar="DIR", help="the folder `prepare` wrote")
    score.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="where the leaderboard goes (default: ROOT/reports/datathon/CHALLENGE)",
    )
    score.add_argument(
        "--phase",
        choices=("public", "prive"),
        default="public",
        help="public: public figures only, during the event; prive: the final ranking with the jury",
    )
    score.add_argument(
        "--jury",
        type=Path,
        default=None,
        metavar="CSV",
        help="jury marks out of 20: equipe, pertinence, presentation (default: OUT/jury.csv, "
        "written blank when missing)",
    )
    score.add_argument(
        "--workers",
        type=positive_int,
        default=settings.WORKERS,
        metavar="W",
        help=f"notebooks re-executed at once (default: the number of cores, {settings.WORKERS})",
    )
    score.add_argument(
        "--timeout",
        type=positive_int,
        default=settings.NOTEBOOK_TIMEOUT,
        metavar="S",
        help=f"seconds per notebook (default {settings.NOTEBOOK_TIMEOUT})",
    )
    score.add_argument("--no-sandbox", action="store_true", help="re-execute notebooks without bubblewrap")

    publish = commands.add_parser(
        "publish",
        help="write the student-facing kit into DIR: release notebooks, starting "
        "kits, the dataset, the generator (its effects set to 0), the data dictionary, binder/, a French README; "
        "no solution, hidden test, true effect or label",
    )
    publish.add_argument("out", type=Path, metavar="DIR")
    publish.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"the dataset the participants get (default: ROOT/{settings.DATA_DIR.as_posix()})",
    )
    publish.add_argument(
        "--github",
        metavar="OWNER/REPO",
        default=None,
        help="the GitHub repository DIR will be pushed to, for the Binder links of the README",
    )
    publish.add_argument("--overwrite", action="store_true", help="replace DIR if it exists")

    report = commands.add_parser(
        "report",
        help="write reports/grades.csv (one row per student and assignment) and reports/dashboard.html; "
        "for Moodle, an assignment's grading worksheet filled and the course gradebook CSV",
    )
    report.add_argument(
        "--moodle-worksheet",
        type=Path,
        metavar="WORKSHEET.csv",
        help="the offline grading worksheet downloaded from a Moodle assignment (View all submissions > "
        "Download grading worksheet): writes it filled (grades and feedback comments) as "
        "reports/moodle-worksheet-ASSIGNMENT.csv for 'Upload grading worksheet', and "
        "reports/moodle-feedback-ASSIGNMENT.zip for 'Upload multiple feedback files in a zip'",
    )
    report.add_argument(
        "--moodle-gradebook",
        type=Path,
        metavar="PARTICIPANTS.csv",
        help="the participants list exported from the Moodle course: writes reports/moodle-gradebook-ASSIGNMENT.csv "
        "for the gradebook's CSV import, one per assignment with its graded students only (an empty cell would "
        "clear a grade Moodle has); students it cannot match are listed",
    )
    report.add_argument(
        "--match",
        choices=settings.MOODLE_MATCH_FIELDS,
        default=settings.MOODLE_MATCH,
        help=f"the participants' field the gradebook CSV identifies students by (default: {settings.MOODLE_MATCH})",
    )
    return parser


def add_exchange_options(command: argparse.ArgumentParser, help: str) -> None:
    """--exchange and --course-id, of release and feedback."""
    command.add_argument("--exchange", type=Path, default=None, metavar="DIR", help=help)
    command.add_argument(
        "--course-id",
        default=settings.COURSE_ID,
        metavar="ID",
        help=f"the course's id in the exchange, as the students' nbgrader_config.py names it "
        f"(default {settings.COURSE_ID})",
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    workspace = Workspace(root=args.root, course=args.course)
    if not workspace.source.is_dir():
        parser.error(f"{workspace.source} does not exist; --course must name a folder with source/ in it")
    return run(parser, lambda: COMMANDS[args.command](workspace, args))


def say(message: str) -> None:
    print(message, file=sys.stderr)


def memory_size(text: str) -> float:
    """'2G', '512M' or a number of gigabytes -> gigabytes."""
    units = {"G": 1.0, "M": 1 / 1024}
    number, unit = (text[:-1], text[-1].upper()) if text[-1:].upper() in units else (text, "G")
    try:
        size = float(number) * units[unit]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size such as 2G or 512M, got {text!r}") from None
    if not 0.1 <= size <= 64:
        raise argparse.ArgumentTypeError(f"expected a size from 100M to 64G, got {text!r}")
    return size


def run_release(workspace: Workspace, args) -> None:
    from grading.steps.release import release_assignments

    release_assignments(workspace, args.assignments, args.data, say=say)
    if args.exchange:
        from grading.steps.exchange import release_to_exchange

        release_to_exchange(workspace, args.assignments, args.exchange, args.course_id, say=say)


def run_samples(workspace: Workspace, args) -> None:
    from grading.steps.samples import collect_all_samples

    collect_all_samples(workspace, args.assignments, say=say)


def run_collect(workspace: Workspace, args) -> None:
    from grading.steps.collect import collect_submissions

    collect_submissions(
        workspace, args.source, args.assignment, due=args.due, check_owner=not args.no_owner_check, say=say
    )


def run_autograde(workspace: Workspace, args) -> None:
    from grading.steps.autograde import autograde_assignments

    autograde_assignments(
        workspace,
        args.assignments,
        data=args.data,
        workers=args.workers,
        timeout=args.timeout,
        cell_timeout=args.cell_timeout,
        memory_gb=args.memory,
        sandbox=not args.no_sandbox,
        scheduler=args.scheduler,
        force=args.force,
        say=say,
    )


def run_feedback(workspace: Workspace, args) -> None:
    from grading.steps.feedback import write_feedback

    write_feedback(workspace, args.assignments, say=say)
    if args.exchange:
        from grading.steps.exchange import release_feedback_to_exchange

        release_feedback_to_exchange(workspace, args.assignments, args.exchange, args.course_id, say=say)


def run_report(workspace: Workspace, args) -> None:
    from grading.steps.report import write_reports

    write_reports(
        workspace, say=say, worksheet=args.moodle_worksheet, participants=args.moodle_gradebook, match=args.match
    )


def run_publish(workspace: Workspace, args) -> None:
    from grading.steps.publish import publish_kit

    publish_kit(workspace, args.out, data=args.data, repository=args.github, overwrite=args.overwrite, say=say)


def run_datathon(workspace: Workspace, args) -> None:
    from grading.datathon.commands import prepare_challenge, score_challenge

    if args.step == "prepare":
        prepare_challenge(
            args.challenge, args.secret_seed, args.out, patients=args.patients, overwrite=args.overwrite, say=say
        )
    else:
        score_challenge(
            workspace,
            args.challenge,
            args.submissions,
            args.prepared,
            out=args.out,
            phase=args.phase,
            jury=args.jury,
            workers=args.workers,
            timeout=args.timeout,
            sandbox=not args.no_sandbox,
            say=say,
        )


COMMANDS = {
    "release": run_release,
    "samples": run_samples,
    "collect": run_collect,
    "autograde": run_autograde,
    "feedback": run_feedback,
    "report": run_report,
    "publish": run_publish,
    "datathon": run_datathon,
}
