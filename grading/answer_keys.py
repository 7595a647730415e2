"""Answer keys: what a released notebook's visible checks compare answers with, as salted digests.

At release, each source notebook (solutions and hidden tests in, trusted) runs once on the class's
dataset with participant.checks.RECORD_ENV set: every `grade_answer` records the canonical forms of its
expected value and of its known mistakes. `answer_key` turns those records into the key the release
appends to the notebook's set-up cell (grading.preprocessors.EmbedAnswerKeys): digests only, for that
dataset only. Keys are kept under the workspace (settings.ANSWER_KEYS_DIR), named by what they depend
on (the notebook, the dataset, the judging code), so a second release costs nothing.
"""

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import nbformat

from grading import settings
from grading.errors import GradingError, last_line
from grading.paths import KIT_DIR
from grading.questions import questions
from participant.checks import RECORD_ENV, make_answer_key
from participant.data import DatasetNotFound, fingerprint

JUDGING_CODE = ("participant/answer_kinds.py", "participant/checks.py")
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # the colours of a kernel's traceback
CHECK_CALL = re.compile(r"""check_answer\(\s*["']([\w.-]+)["']""")


def dataset_fingerprint(data: Path) -> str:
    try:
        return fingerprint(data)
    except DatasetNotFound:
        raise GradingError(
            f"no dataset in {data} to make the answer keys of the self-checks; generate it with "
            f"`python -m generators --out {data}` or name the class's dataset with --data"
        ) from None


def answer_key(source: Path, data: Path, cache: Path) -> str:
    """The answer key of the source notebook `source` on the dataset in `data` (computed once)."""
    dataset = dataset_fingerprint(data)
    identity = hashlib.sha256(source.read_bytes() + dataset.encode())
    for name in JUDGING_CODE:
        identity.update((KIT_DIR / name).read_bytes())
    kept = cache / f"{source.stem}-{identity.hexdigest()[:20]}.key"
    if kept.is_file():
        return kept.read_text(encoding="utf-8")
    notebook = nbformat.read(source, as_version=4)
    records = _record(source, notebook, data)
    salt = hashlib.sha256(f"{source.stem}:{dataset}".encode()).hexdigest()[:16]
    key = make_answer_key(records, dataset, salt, answer_names(notebook))
    cache.mkdir(parents=True, exist_ok=True)
    staged = kept.with_suffix(".part")
    staged.write_text(key, encoding="utf-8")
    staged.replace(kept)
    return key


def answer_names(notebook) -> dict[str, list[str]]:
    """{question id given to check_answer: the names its test cell declares}."""
    names = {}
    for question in questions(notebook):
        for question_id in CHECK_CALL.findall(question.source):
            names[question_id] = list(question.names)
    return names


def _record(source: Path, notebook, data: Path) -> list[dict]:
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    with tempfile.TemporaryDirectory(prefix="answer-key-") as scratch:
        work = Path(scratch) / "work"
        shutil.copytree(source.parent, work, ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
        records = Path(scratch) / "records.jsonl"
        records.touch()
        env = {**os.environ, "KIT_DATASET": str(data.resolve()), RECORD_ENV: str(records)}
        # The source notebook (solutions, hidden tests) runs in a kernel reached through Unix sockets in this
        # private folder: over TCP, another user of the machine could listen to what its cells print.
        kernel = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(scratch) / "noyau"))
        client = NotebookClient(
            notebook,
            km=kernel,
            timeout=settings.CELL_TIMEOUT * 5,
            kernel_name="python3",
            resources={"metadata": {"path": str(work)}},
        )
        try:
            client.execute(env=env)
        except CellExecutionError as failure:
            raise GradingError(
                f"{source.name} fails on the dataset {data}, so its answer keys cannot be made: "
                f"{last_line(re.sub(ANSI, '', str(failure)))}"
            ) from None
        lines = records.read_text(encoding="utf-8").splitlines()
    found = [json.loads(line) for line in lines]
    seen = set()
    unique = []
    for record in found:  # a cell run twice records twice: the first counts
        if record["question"] not in seen:
            seen.add(record["question"])
            unique.append(record)
    return unique
