"""The datathon's two commands, as the command line calls them: prepare a challenge, score its submissions."""

from collections.abc import Callable
from pathlib import Path

from grading import settings
from grading.datathon.challenge import load_challenge
from grading.errors import GradingError
from grading.paths import Workspace


def prepare_challenge(
    name: str,
    secret_seed: int | None,
    out: Path,
    patients: int | None = None,
    overwrite: bool = False,
    say: Callable[[str], None] = lambda line: None,
) -> dict:
    from grading.datathon.prepare import prepare

    challenge = load_challenge(name)
    summary = prepare(challenge, secret_seed, out, overwrite=overwrite, patients=patients)
    say(
        f"{challenge.name}: {summary['train_rows']} training rows, {summary['test_rows']} test rows "
        f"({summary['public_rows']} public); give {out / 'participants'} to the teams, "
        f"keep {out / 'instructeur'}"
    )
    return summary


def score_challenge(
    workspace: Workspace,
    name: str,
    submissions: Path,
    prepared: Path,
    out: Path | None = None,
    phase: str = "public",
    jury: Path | None = None,
    workers: int = settings.WORKERS,
    timeout: int = settings.NOTEBOOK_TIMEOUT,
    sandbox: bool = True,
    say: Callable[[str], None] = lambda line: None,
) -> list[Path]:
    """Writes the leaderboard into `out` (default: ROOT/reports/datathon/CHALLENGE)."""
    from grading.datathon.score import score_submissions, write_results
    from grading.sandbox import sandbox_available

    challenge = load_challenge(name)
    if sandbox and not sandbox_available():
        raise GradingError(
            "bubblewrap cannot run here (install the Debian package bubblewrap); "
            "pass --no-sandbox to re-execute trusted notebooks without a sandbox"
        )
    scored = score_submissions(
        challenge, submissions, prepared, workers=workers, sandbox=sandbox, timeout=timeout, progress=say
    )
    paths = write_results(challenge, scored, out or workspace.reports / "datathon" / challenge.name, phase, jury)
    for path in paths:
        say(f"wrote {path}")
    return paths
