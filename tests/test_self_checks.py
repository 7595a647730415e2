"""A ✅ means full marks: every autograded question replayed with novice mistakes and fair variants.

For each course notebook, released on the sample dataset (course_released), one kernel runs the notebook
as a learner would, every code cell twice (each must be safe to re-run). At each question, from the
state just before its answer cells, it tries the answers of course/trials/NAME.yml, then the released
stub untouched:

- the visible check is the released test cell, run in the learner's kernel;
- the grade is the test cell of the source (hidden tests in), run by grading's own check_answers on the
  answers the kernel hands over as plain data, exactly as autograde does.

Every mistake (and the untouched stub) must get ❌ with one French line and a failed grade, and the
two must say the same thing; every fair variant, ✅ and a passed grade. A check that says ✅ to an answer
whose grade is 0 fails the build.
"""

import json
import os
import queue
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
import yaml
from jupyter_client.manager import start_new_kernel

from grading.answer_keys import CHECK_CALL
from grading.questions import is_question, questions, setup_sources
from tests.conftest import COURSE_NOTEBOOKS, KIT_DIR, SAMPLE_DATASET

TRIALS = KIT_DIR / "course" / "trials"
MINIMUM_MISTAKES = 6
TIMEOUT = 120

KERNEL_HELPERS = r"""
import copy as _kit_copy, json as _kit_json, os as _kit_os
import pandas as _kit_pd
from grading.answers import ANSWERS_FOLDER as _KIT_ANSWERS_FOLDER, capture as _kit_capture
from grading.sandbox.check_answers import check as _kit_check
import participant.novice_errors as _kit_novice

_KIT_KEEP = {"In", "Out", "get_ipython", "exit", "quit", "open"}

def _kit_copy_value(value):
    return value.copy(deep=True) if isinstance(value, (_kit_pd.DataFrame, _kit_pd.Series)) else value

def _kit_snapshot():
    global _kit_saved
    _kit_saved = {k: _kit_copy_value(v) for k, v in globals().items() if not k.startswith("_") and k not in _KIT_KEEP}

def _kit_restore():
    for name in [k for k in globals() if not k.startswith("_") and k not in _KIT_KEEP and k not in _kit_saved]:
        del globals()[name]
    globals().update({k: _kit_copy_value(v) for k, v in _kit_saved.items()})
    _kit_novice._failed_names.clear()

def _kit_setup(sources):
    global _kit_setup_scope
    import contextlib, io
    _kit_setup_scope = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for source in sources:
            exec(compile(source, "<mise en place>", "exec"), _kit_setup_scope)

def _kit_grade(question, names, calls, source):
    _kit_capture(question, names, calls, globals())
    with open(_kit_os.path.join(_KIT_ANSWERS_FOLDER, question + ".json"), encoding="utf-8") as file:
        answers = file.read()
    result = _kit_check({"id": question, "names": names, "calls": calls, "source": source}, answers, _kit_setup_scope)
    print("KIT-GRADE " + _kit_json.dumps(result["error"]))
"""


@dataclass
class Ran:
    ok: bool
    stdout: str
    error: list[str]  # the traceback lines shown (the first is the French line when one is given)

    @property
    def right(self) -> bool:
        return self.ok and "✅ Bonne réponse" in self.stdout

    @property
    def line(self) -> str:
        return self.error[0] if self.error else ""


class Kernel:
    def __init__(self, folder: Path):
        env = {"KIT_DATASET": str(SAMPLE_DATASET), "PYTHONPATH": str(KIT_DIR)}
        self.manager, self.client = start_new_kernel(
            kernel_name="python3",
            cwd=str(folder),
            env={**os.environ, **env},
            extra_arguments=["--HistoryManager.enabled=False"],  # thousands of cells: no history database
        )

    def run(self, code: str) -> Ran:
        stdout, error = [], []

        def output(message):
            content = message["content"]
            if message["msg_type"] == "stream":
                stdout.append(content["text"])
            elif message["msg_type"] == "error":
                error.extend(content["traceback"])

        try:
            reply = self.client.execute_interactive(code, output_hook=output, timeout=TIMEOUT, allow_stdin=False)
        except queue.Empty:
            raise AssertionError(f"this cell did not finish in {TIMEOUT} s:\n{code}") from None
        return Ran(reply["content"]["status"] == "ok", "".join(stdout), error)

    def stop(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def grade_id(cell) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def question_id(test_source: str) -> str:
    found = CHECK_CALL.search(test_source)
    assert found, f"no check_answer in a graded test cell:\n{test_source[:300]}"
    return found[1]


def load_trials(name: str) -> dict:
    path = TRIALS / f"{name}.yml"
    assert path.is_file(), f"{path.relative_to(KIT_DIR)}: the novice mistakes and fair variants of {name}"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(params=COURSE_NOTEBOOKS, ids=[path.parent.name for path in COURSE_NOTEBOOKS])
def replayed(request, course_released):
    """(source notebook, released notebook, kernel) for one course notebook."""
    source_path = request.param
    name = source_path.parent.name
    released_path = course_released.workspaces[name].release_dir(name) / source_path.name
    with tempfile.TemporaryDirectory(prefix="replay-") as folder:
        kernel = Kernel(Path(folder))
        try:
            yield nbformat.read(source_path, 4), nbformat.read(released_path, 4), kernel, load_trials(name)
        finally:
            kernel.stop()


def test_checks_tell_the_truth(replayed):
    source, released, kernel, trials = replayed
    released_cells = {grade_id(cell): cell for cell in released.cells if grade_id(cell)}
    graded = {q.grade_id: q for q in questions(source)}
    problems = []
    assert kernel.run(KERNEL_HELPERS).ok
    answer_cells: list = []
    setup_done = False
    for cell in source.cells:
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            if not answer_cells:
                assert kernel.run("_kit_snapshot()").ok
            answer_cells.append(cell)
        if is_question(cell):
            problems += replay_question(kernel, graded[grade_id(cell)], answer_cells, released_cells, trials)
            answer_cells = []
            continue
        # A learner's notebook: the released version of locked cells (the set-up carries the answer key).
        code = (
            released_cells[grade_id(cell)].source
            if grade_id(cell) in released_cells and not meta.get("solution")
            else cell.source
        )
        for attempt in ("first run", "second run"):
            ran = kernel.run(code)
            assert ran.ok, f"{grade_id(cell) or code[:80]!r} fails on its {attempt}: {ran.error[-3:]}"
        if not setup_done and "load_answer_keys" in code:
            assert kernel.run(f"_kit_setup({json.dumps(setup_sources(released))})").ok
            setup_done = True
    assert not problems, "\n".join(problems)


def replay_question(kernel: Kernel, question, answer_cells, released_cells, trials) -> list[str]:
    test = released_cells[question.grade_id].source
    qid = question_id(test)
    tried = trials.get(qid) or {}
    mistakes, rights = tried.get("mistakes", []), tried.get("right", [])
    problems = []
    if len(mistakes) < MINIMUM_MISTAKES:
        problems.append(f"{qid}: {len(mistakes)} novice mistakes in the trials, at least {MINIMUM_MISTAKES}")
    if not rights:
        problems.append(f"{qid}: no fair variant of the right answer in the trials")
    stub = "\n".join(released_cells[grade_id(cell)].source for cell in answer_cells)
    grade = (
        f"_kit_grade({qid!r}, {json.dumps(list(question.names))}, {json.dumps(question.calls)}, "
        f"{json.dumps(question.source)})"
    )

    def attempt(code: str) -> tuple[Ran, dict | None]:
        assert kernel.run("_kit_restore()").ok
        kernel.run(code)
        visible = kernel.run(test)
        graded = kernel.run(grade)
        marker = [line for line in graded.stdout.splitlines() if line.startswith("KIT-GRADE ")]
        assert marker, f"{qid}: the grade did not run: {graded.error[-3:]}"
        return visible, json.loads(marker[-1][len("KIT-GRADE ") :])

    for kind, code in [("untouched stub", stub), *(("mistake", m) for m in mistakes)]:
        visible, failure = attempt(code)
        said = f"{qid} {kind} {code!r}: check said {visible.line or visible.stdout.strip()!r}"
        if visible.right or visible.ok:
            problems.append(f"{said}, not ❌ (grade: {'0' if failure else 'full marks'})")
        elif not visible.line.startswith("❌"):
            problems.append(f"{said}: a raw traceback, not one French line")
        if failure is None:
            problems.append(f"{said}, and the grade gave full marks for it")
        elif visible.line.startswith("❌ ") and failure["ename"] == "WrongAnswer":
            if failure["evalue"] != visible.line[2:]:
                problems.append(f"{said}, but the grade said {failure['evalue']!r}")
    for code in rights:
        visible, failure = attempt(code)
        if not visible.right or failure is not None:
            problems.append(
                f"{qid} fair variant {code!r}: check said {visible.line or visible.stdout.strip()!r}, "
                f"grade {'failed: ' + failure['evalue'] if failure else 'full marks'}"
            )
    # Back to the learner who answers as the solution does; the notebook goes on from there.
    assert kernel.run("_kit_restore()").ok
    for cell in answer_cells:
        for attempt in ("first run", "second run"):
            assert kernel.run(cell.source).ok, f"{qid}: the solution fails on its {attempt}"
    visible, failure = kernel.run(test), None
    if not visible.right:
        problems.append(f"{qid}: the solution is not told ✅: {visible.line or visible.stdout.strip()!r}")
    again = kernel.run(test)
    if not again.right:
        problems.append(f"{qid}: the check run a second time says {again.line!r}")
    return problems
