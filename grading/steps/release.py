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


def release(
    workspace: Workspace,
    assignment: str,
    data: Path | None = None,
    workers: int = settings.WORKERS,
    key_cache: Path | None = None,
    say: Callable[[str], None] = lambda line: None,
) -> None:
    """Releases `assignment` with the answer keys of the dataset in `data` (default: the workspace's);
    keys already made are taken from `key_cache` (default: the workspace's)."""
    data = data or workspace.data
    key_cache = key_cache or workspace.answer_keys / ".cache"
    dataset_fingerprint(data)  # a missing dataset is said before any work
    keys = workspace.answer_keys / assignment
    keys.mkdir(parents=True, exist_ok=True)
    sources = sorted((workspace.source / assignment).glob("*.ipynb"))
    say(f"answer keys of {assignment} on {data} ({len(sources)} notebook(s); made once per dataset)")
    with ThreadPoolExecutor(max(1, min(workers, len(sources)))) as pool:
        made = list(pool.map(lambda source: answer_key(source, data, key_cache), sources))
    for source, key in zip(sources, made):
        (keys / f"{source.stem}.key").write_text(key, encoding="utf-8")
    result = nbgrader_api(workspace, answer_keys=keys).generate_assignment(assignment, force=True, create=True)
    if not result["success"]:
        raise GradingError(f"release of {assignment} failed: {last_line(result.get('error') or result.get('log'))}")


def release_assignments(
    workspace: Workspace,
    assignments: list[str] = (),
    data: Path | None = None,
    say: Callable[[str], None] = lambda line: None,
) -> None:
    for assignment in workspace.chosen_assignments(assignments):
        release(workspace, assignment, data, say=say)
        say(f"released {assignment} -> {workspace.release_dir(assignment)}")
