"""Command line: python -m grading release | samples | collect | autograde | feedback | report | datathon | publish."""

import argparse
import os
import sys
from pathlib import Path

from generators.progress import ProgressBar
from grading.workspace import GradingError, Workspace

DEFAULT_DATA = Path("datasets/generated")


class Parser(argparse.ArgumentParser):
    """Bad input: one line naming what is wrong, exit status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


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
    parser.add_argument("--root", type=Path, default=Path("."), metavar="DIR",
                        help="workspace for generated artefacts (default: current folder)")
    parser.add_argument("--course", type=Path, default=Workspace(Path(".")).course, metavar="DIR",
                        help="authored course folder holding source/ and samples/ (default: the kit's course/)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)

    release = commands.add_parser("release", help="write student versions of the source notebooks into release/")
    release.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: all of course/source")

    samples = commands.add_parser("samples", help="collect the sample submissions shipped with the kit "
                                                  "(from course/samples/), as if students had handed them in")
    samples.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: all with samples")

    collect = commands.add_parser("collect", help="import submissions from a folder SOURCE/STUDENT/*.ipynb, a zip of "
                                                  "such folders, Moodle's 'Download all submissions' zip, or "
                                                  "nbgrader's exchange; earlier submissions are kept, late ones reported")
    collect.add_argument("source", type=Path, metavar="SOURCE")
    collect.add_argument("--assignment", required=True, metavar="A")
    collect.add_argument("--due", metavar="DATE", help="due date, e.g. '2026-11-30 18:00' (Paris time); kept in the "
                                                       "gradebook for later collections and reports")

    autograde = commands.add_parser("autograde", help="grade collected submissions in parallel, each in a sandbox; "
                                                      "one status per submission")
    autograde.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: all released")
    autograde.add_argument("--data", type=Path, default=None, metavar="DIR",
                           help=f"dataset the notebooks read (default: ROOT/{DEFAULT_DATA})")
    autograde.add_argument("--workers", type=positive_int, default=os.cpu_count() or 1, metavar="W",
                           help="submissions graded at once (default: the number of cores)")
    autograde.add_argument("--timeout", type=positive_int, default=600, metavar="S",
                           help="seconds for a whole notebook (default 600); each cell also has 120 s")
    autograde.add_argument("--memory", type=memory_size, default=2.0, metavar="SIZE",
                           help="memory per process, e.g. 2G or 512M (default 2G, as on Binder)")
    autograde.add_argument("--no-sandbox", action="store_true",
                           help="run submissions without bubblewrap: only for trusted notebooks")
    autograde.add_argument("--force", action="store_true", help="re-grade submissions that already have a status")

    feedback = commands.add_parser("feedback", help="write each graded student's HTML feedback into feedback/, "
                                                    "without the hidden tests")
    feedback.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: all released")

    datathon = commands.add_parser("datathon", help="datathon challenges (course/datathon/*.yml): prepare the hidden "
                                                    "data, score team submissions, leaderboard")
    steps = datathon.add_subparsers(dest="step", required=True, metavar="STEP", parser_class=Parser)
    prepare = steps.add_parser("prepare", help="generate a challenge's data with a secret seed: OUT/participants/ "
                                               "(training data with the target, test data without) and OUT/instructeur/")
    prepare.add_argument("challenge", metavar="CHALLENGE", help="a name of course/datathon/ or a YAML file")
    prepare.add_argument("--secret-seed", type=positive_int, required=True, metavar="S",
                         help="at least 7 digits; never written anywhere: keep it to prepare the same data again")
    prepare.add_argument("--out", type=Path, required=True, metavar="DIR")
    prepare.add_argument("--patients", type=positive_int, default=None, metavar="N",
                         help="override the challenge's number of patients (e.g. a small rehearsal)")
    prepare.add_argument("--overwrite", action="store_true", help="replace DIR if it exists")
    score = steps.add_parser("score", help="check, re-execute (papermill, sandboxed) and score SUBMISSIONS/TEAM/NAME.csv "
                                           "and NAME.ipynb; write the leaderboard")
    score.add_argument("challenge", metavar="CHALLENGE")
    score.add_argument("submissions", type=Path, metavar="SUBMISSIONS")
    score.add_argument("--prepared", type=Path, required=True, metavar="DIR", help="the folder `prepare` wrote")
    score.add_argument("--out", type=Path, default=None, metavar="DIR",
                       help="where the leaderboard goes (default: ROOT/reports/datathon/CHALLENGE)")
    score.add_argument("--phase", choices=("public", "prive"), default="public",
                       help="public: public figures only, during the event; prive: the final ranking with the jury")
    score.add_argument("--jury", type=Path, default=None, metavar="CSV",
                       help="jury marks out of 20: equipe, pertinence, presentation (default: OUT/jury.csv, "
                            "written blank when missing)")
    score.add_argument("--workers", type=positive_int, default=os.cpu_count() or 1, metavar="W")
    score.add_argument("--timeout", type=positive_int, default=600, metavar="S", help="seconds per notebook (default 600)")
    score.add_argument("--no-sandbox", action="store_true", help="re-execute notebooks without bubblewrap")

    publish = commands.add_parser("publish", help="write the student-facing kit into DIR: release notebooks, starting "
                                                  "kits, the generator, the data dictionary, binder/, a French README; "
                                                  "no solution, hidden test, truth or label")
    publish.add_argument("out", type=Path, metavar="DIR")
    publish.add_argument("--github", metavar="OWNER/REPO", default=None,
                         help="the GitHub repository DIR will be pushed to, for the Binder links of the README")
    publish.add_argument("--overwrite", action="store_true", help="replace DIR if it exists")

    commands.add_parser("report", help="write reports/grades.csv (one row per student and assignment), "
                                       "reports/moodle.csv (for Moodle's grade import) and reports/dashboard.html")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    workspace = Workspace(root=args.root, course=args.course)
    if not workspace.source.is_dir():
        parser.error(f"{workspace.source} does not exist; --course must name a folder with source/ in it")
    try:
        COMMANDS[args.command](workspace, args)
    except (GradingError, LookupError, OSError) as error:
        parser.error(str(error))
    return 0


def say(message: str) -> None:
    print(message, file=sys.stderr)


def chosen_assignments(workspace: Workspace, names: list[str]) -> list[str]:
    known = workspace.assignments()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise GradingError(f"no assignment {unknown[0]!r} in {workspace.source} (known: {', '.join(known)})")
    return names or known


def run_release(workspace: Workspace, args) -> None:
    from grading.release import release

    for assignment in chosen_assignments(workspace, args.assignments):
        release(workspace, assignment)
        say(f"released {assignment} -> {workspace.release_dir(assignment)}")


def run_samples(workspace: Workspace, args) -> None:
    from grading.samples import collect_samples

    names = args.assignments or [a for a in workspace.assignments()
                                 if (workspace.course / "samples" / f"{a}.yml").is_file()]
    for assignment in chosen_assignments(workspace, names):
        for item in collect_samples(workspace, assignment):
            say(f"{assignment}/{item.student}: {item.describe()}")


def run_collect(workspace: Workspace, args) -> None:
    from grading.collect import collect
    from grading.deadlines import due_dates, parse_due, set_due_date

    chosen_assignments(workspace, [args.assignment])
    due = parse_due(args.due) if args.due else due_dates(workspace).get(args.assignment)
    collected = collect(workspace, args.source, args.assignment, due)
    if args.due:
        set_due_date(workspace, args.assignment, due)
    for item in collected:
        say(f"{args.assignment}/{item.student}: {item.describe()}")
    late = sum(item.late_by is not None for item in collected)
    say(f"{args.assignment}: {len(collected)} submission(s) read, "
        f"{sum(item.outcome in ('new', 'replaced') for item in collected)} collected"
        + (f", {late} late (due {due:%Y-%m-%d %H:%M} UTC)" if due else ", no due date (see --due)"))


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


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


def run_autograde(workspace: Workspace, args) -> None:
    from grading.autograde import autograde
    from grading.sandbox import sandbox_available
    from grading.workspace import GradingSettings

    data = args.data or workspace.root / DEFAULT_DATA
    if not (data / "manifest.json").is_file():
        raise GradingError(f"no dataset in {data}; generate it with `python -m generators --out {data}` "
                           "or name one with --data")
    assignments = chosen_assignments(workspace, args.assignments)
    if not args.assignments:          # all released ones that have submissions
        assignments = [a for a in assignments
                       if workspace.release_dir(a).is_dir() and workspace.submitted_students(a)]
        if not assignments:
            say("nothing to grade yet: collect submissions first (python -m grading collect, or samples)")
    if not args.no_sandbox and not sandbox_available():
        raise GradingError("bubblewrap cannot run here (install the Debian package bubblewrap); "
                           "pass --no-sandbox to grade trusted notebooks without a sandbox")
    settings = GradingSettings(data=data, sandbox=not args.no_sandbox, notebook_timeout=args.timeout,
                               memory_gb=args.memory)
    for assignment in assignments:
        if not workspace.release_dir(assignment).is_dir():
            raise GradingError(f"{assignment} has not been released; run `python -m grading release {assignment}`")
        bar = ProgressBar("submissions")
        verdicts = autograde(workspace, assignment, settings, workers=args.workers, force=args.force,
                             progress=bar.say, advance=bar.update)
        bar.clear()
        say(f"{assignment}: {len(verdicts)} submission(s), "
            f"{sum(v.status == 'graded' for v in verdicts)} graded")


def run_feedback(workspace: Workspace, args) -> None:
    from grading.autograde import read_verdict
    from grading.workspace import last_line, nbgrader_api

    api = nbgrader_api(workspace)
    for assignment in chosen_assignments(workspace, args.assignments):
        for student in workspace.submitted_students(assignment):
            status = workspace.status_file(student, assignment)
            if not status.exists() or read_verdict(status).status != "graded":
                continue
            result = api.generate_feedback(assignment, student)
            if not result["success"]:
                raise GradingError(f"feedback for {assignment}/{student} failed: "
                                   f"{last_line(result.get('error') or result.get('log'))}")
            say(f"{assignment}/{student}: {workspace.root / 'feedback' / student / assignment}")


def run_datathon(workspace: Workspace, args) -> None:
    from grading.datathon.challenge import load_challenge

    challenge = load_challenge(args.challenge)
    if args.step == "prepare":
        from grading.datathon.prepare import prepare

        summary = prepare(challenge, args.secret_seed, args.out, overwrite=args.overwrite, patients=args.patients)
        say(f"{challenge.name}: {summary['train_rows']} training rows, {summary['test_rows']} test rows "
            f"({summary['public_rows']} public); give {args.out / 'participants'} to the teams, "
            f"keep {args.out / 'instructeur'}")
        return
    from grading.datathon.score import score_submissions, write_results
    from grading.sandbox import sandbox_available

    if not args.no_sandbox and not sandbox_available():
        raise GradingError("bubblewrap cannot run here (install the Debian package bubblewrap); "
                           "pass --no-sandbox to re-execute trusted notebooks without a sandbox")
    submissions = score_submissions(challenge, args.submissions, args.prepared, workers=args.workers,
                                    sandbox=not args.no_sandbox, timeout=args.timeout, progress=say)
    out = args.out or workspace.root / "reports" / "datathon" / challenge.name
    for path in write_results(challenge, submissions, out, args.phase, args.jury):
        say(f"wrote {path}")


def run_publish(workspace: Workspace, args) -> None:
    import re

    from grading.publish import publish

    if args.github and not re.fullmatch(r"[\w.-]+/[\w.-]+", args.github):
        raise GradingError(f"--github expects OWNER/REPO, got {args.github!r}")
    notebooks = publish(workspace, args.out, repository=args.github, overwrite=args.overwrite)
    say(f"published {len(notebooks)} notebook(s) into {args.out}; push it to "
        + (f"https://github.com/{args.github}" if args.github else "a repository (see --github for Binder links)"))


def run_report(workspace: Workspace, args) -> None:
    from grading.report import write_reports

    paths, rows = write_reports(workspace)
    say(f"{rows} submission(s) reported: " + ", ".join(str(path) for path in paths))


COMMANDS = {"release": run_release, "samples": run_samples, "collect": run_collect,
            "autograde": run_autograde, "feedback": run_feedback, "datathon": run_datathon, "publish": run_publish,
            "report": run_report}
