"""release: student versions of the source notebooks (solutions and hidden tests removed, outputs
cleared), each with the answer key of its self-checks for the class's dataset (grading.answer_keys)."""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from grading import settings
from grading.answer_keys import answer_key, dataset_fingerprint
from grading.errors import GradingError, last_line
from grading.nbgrader_setup import nbgrader_api
from grading.paths import Workspace


def make_answer_keys(
    workspace: Workspace,
    assignments: list[str],
    data: Path,
    workers: int = settings.WORKERS,
    key_cache: Path | None = None,
    say: Callable[[str], None] = lambda line: None,
) -> None:
    """Runs every source notebook of `assignments` not yet keyed for `data`, `workers` at a time, and
    writes each assignment's keys where its release reads them."""
    dataset_fingerprint(data)  # a missing dataset is said before any work
    key_cache = key_cache or workspace.answer_keys / ".cache"
    sources = [source for name in assignments for source in sorted((workspace.source / name).glob("*.ipynb"))]
    say(f"answer keys of {len(sources)} notebook(s) on {data} (each notebook runs once per dataset)")
    with ThreadPoolExecutor(max(1, min(workers, len(sources)))) as pool:
        made = list(pool.map(lambda source: answer_key(source, data, key_cache), sources))
    for source, key in zip(sources, made):
        folder = workspace.answer_keys / source.parent.name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{source.stem}.key").write_text(key, encoding="utf-8")


def release(
    workspace: Workspace,
    assignment: str,
    data: Path | None = None,
    workers: int = settings.WORKERS,
    key_cache: Path | None = None,
) -> None:
    """Releases `assignment` with the answer keys of the dataset in `data` (default: the workspace's);
    keys already made are taken from `key_cache` (default: the workspace's)."""
    make_answer_keys(workspace, [assignment], data or workspace.data, workers, key_cache)
    keys = workspace.answer_keys / assignment
    result = nbgrader_api(workspace, answer_keys=keys).generate_assignment(assignment, force=True, create=True)
    if not result["success"]:
        raise GradingError(f"release of {assignment} failed: {last_line(result.get('error') or result.get('log'))}")


def release_assignments(
    workspace: Workspace,
    assignments: list[str] = (),
    data: Path | None = None,
    say: Callable[[str], None] = lambda line: None,
) -> None:
    chosen = workspace.chosen_assignments(assignments)
    make_answer_keys(workspace, chosen, data or workspace.data, say=say)  # all notebooks side by side
    for assignment in chosen:
        release(workspace, assignment, data)
        say(f"released {assignment} -> {workspace.release_dir(assignment)}")
