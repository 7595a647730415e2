"""One submission's notebook, graded as a pure function of plain data:

    grade_notebook(Job) -> {"outcome": ..., "cells": [{"outputs": [...], "execution_count": n} | None, ...],
                            "seconds": {"run": ..., "tests": ...}}

1. The notebook runs in the sandbox without its tests: each test cell is replaced by a capture of the
   answers its question declares (grading.answers). The runner sends back the executed notebook and
   those answers; the notebook must be the one that was given.
2. The tests run in a second sandboxed process with no student code (grading.sandbox.check_answers),
   against the set-up cells and the answers, decoded as plain data.
3. The result gives each code cell its outputs: what the run printed for the learner's cells, what
   the test said for test cells.

Inputs and result are plain data, so the same function runs in a grading worker of this machine or on
a dask.distributed worker (`autograde --scheduler`); only the coordinator writes the gradebook.
"""

import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat

from grading import settings
from grading.questions import is_question, questions, setup_sources
from grading.sandbox import Limits, Sandbox
from grading.sandbox.result import RUNNER_FAILURES, Outcome, outcome_from
from grading.status import Status

TOO_LARGE = "… (sorties trop volumineuses : la suite n'est pas conservée pour la correction)\n"


@dataclass(frozen=True)
class Job:
    notebook: str  # as nbgrader prepared it (JSON): locked cells restored, tests with their hidden part
    setup: list[str]  # the released notebook's set-up cells
    questions: list[dict]  # {"id", "names", "calls"}, from the released notebook's metadata
    data: str  # the public dataset's folder, on the machine that runs the job
    limits: dict  # grading.sandbox.Limits' fields
    sandbox: bool = True

    @classmethod
    def of(cls, notebook, released, data: str, limits: Limits, sandbox: bool = True) -> "Job":
        """The job for `notebook` (as nbgrader prepared it), whose questions and set-up are `released`'s."""
        return cls(
            notebook=nbformat.writes(notebook),
            setup=setup_sources(released),
            questions=[{"id": q.grade_id, "names": list(q.names), "calls": q.calls} for q in questions(released)],
            data=data,
            limits=asdict(limits),
            sandbox=sandbox,
        )


def grade_notebook(job: Job) -> dict:
    sandbox = Sandbox(data=Path(job.data), limits=Limits(**job.limits), enabled=job.sandbox)
    nb = nbformat.reads(job.notebook, as_version=4)
    declared = {question["id"]: question for question in job.questions}
    runnable = nbformat.from_dict(json.loads(job.notebook))
    for cell in runnable.cells:
        if is_question(cell):
            question = declared.get(cell.metadata["nbgrader"]["grade_id"])
            cell.source = _capture_source(question) if question else "pass"
            cell.outputs = []
    command = [sys.executable, "-m", "grading.sandbox.run_notebook", "carnet.ipynb"]
    command += ["--cell-timeout", str(sandbox.limits.cell_seconds)]
    started = time.perf_counter()
    run = sandbox.run(command, {"carnet.ipynb": nbformat.writes(runnable).encode()})
    ran_for = time.perf_counter() - started
    if not run.outcome.ran:
        return _stopped(run.outcome)
    executed, answers, ran = _read_bundle(run.result, runnable)
    if not ran.ran:
        return _stopped(ran)

    # The tests as the gradebook holds them: nbgrader's OverwriteCells put them back, hidden part included.
    sources = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells if is_question(c)}
    tests = [{**question, "source": sources[question["id"]]} for question in job.questions if question["id"] in sources]
    verification = {"setup": job.setup, "questions": tests, "answers": answers}
    started = time.perf_counter()
    check = sandbox.run(
        [sys.executable, "-m", "grading.sandbox.check_answers", "verification.json"],
        {"verification.json": json.dumps(verification).encode()},
    )
    seconds = {"run": ran_for, "tests": time.perf_counter() - started}
    if not check.outcome.ran:
        return _stopped(Outcome(Status.ERROR, f"the tests could not run: {check.outcome.reason}"))
    results = json.loads(check.result)
    if results.get("setup_error"):
        failure = str(results["setup_error"]).strip().splitlines()[-1][:200]
        return _stopped(Outcome(Status.ERROR, f"the notebook's set-up cells failed outside the kernel: {failure}"))

    cells, refused, budget = [], [], settings.MAX_OUTPUT_BYTES
    for position, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            cells.append(None)
        elif is_question(cell):
            result = results["results"].get(cell.metadata["nbgrader"]["grade_id"])
            cells.append({"outputs": _test_outputs(result), "execution_count": None})
            refused += [str(reason)[:300] for reason in (result or {}).get("refused", [])]
        else:
            done = executed.cells[position]
            outputs, budget = _within(done.get("outputs", []), budget)
            cells.append({"outputs": outputs, "execution_count": done.get("execution_count")})
    outcome = Outcome(
        cell_timeouts=ran.cell_timeouts, refused=" ; ".join(refused)[:600], memory_per_process=run.memory_per_process
    )
    return {"outcome": asdict(outcome), "cells": cells, "seconds": seconds}


def _within(outputs: list, budget: int) -> tuple[list, int]:
    """The outputs that fit in what is left of the notebook's output budget, and what is left after them."""
    kept = []
    for output in outputs:
        size = len(json.dumps(output))
        if size > budget:
            kept.append(nbformat.v4.new_output("stream", name="stderr", text=TOO_LARGE))
            return kept, 0
        kept.append(output)
        budget -= size
    return kept, budget


def _stopped(outcome: Outcome) -> dict:
    return {"outcome": asdict(outcome), "cells": []}


def _capture_source(question: dict) -> str:
    return (
        f'__import__("grading.answers", fromlist=["capture"]).capture('
        f"{question['id']!r}, {list(question['names'])!r}, {dict(question['calls'])!r}, globals())"
    )


def _read_bundle(data: bytes, runnable) -> tuple:
    """The executed notebook, the answers and the runner's outcome, from what the sandbox sent back; any
    of it malformed, or a notebook that is not the one given, is the submission's error."""
    try:
        bundle = json.loads(data)
        outcome = outcome_from(bundle["outcome"], RUNNER_FAILURES)
        answers = bundle["answers"]
        if outcome is None or not isinstance(answers, dict):
            raise ValueError("malformed result")
        answers = {str(k): v for k, v in answers.items() if isinstance(v, str) and len(v) <= settings.MAX_ANSWER_BYTES}
        if not outcome.ran:
            return None, answers, outcome
        executed = nbformat.from_dict(bundle["notebook"])
        nbformat.validate(executed)
        same = len(executed.cells) == len(runnable.cells) and all(
            a.cell_type == b.cell_type for a, b in zip(executed.cells, runnable.cells)
        )
        if not same:
            raise ValueError("the notebook sent back is not the one that was run")
    except Exception as problem:  # noqa: BLE001 - whatever it is, it came from the sandbox
        return None, {}, Outcome(Status.ERROR, f"the run sent back an unusable result: {str(problem)[:200]}")
    return executed, answers, outcome


def _test_outputs(result) -> list:
    if not isinstance(result, dict):
        return [{"output_type": "error", "ename": "ErreurDeCorrection", "evalue": "test non exécuté", "traceback": []}]
    outputs = []
    if result.get("stdout"):
        outputs.append(nbformat.v4.new_output("stream", name="stdout", text=str(result["stdout"])))
    error = result.get("error")
    if error:
        outputs.append(
            nbformat.v4.new_output(
                "error",
                ename=str(error.get("ename", "Erreur")),
                evalue=str(error.get("evalue", "")),
                traceback=[str(line) for line in error.get("traceback", [])],
            )
        )
    return outputs
