"""SandboxedExecute: replaces nbgrader's Execute. Student code only produces data; trusted code grades.

1. The submission runs in grading.sandbox without its tests: each test cell is replaced by a
   capture of the answers its question declares (grading.answers). The runner sends back the
   executed notebook and those answers.
2. The tests run in a second sandboxed process with no student code (grading.sandbox.check_answers),
   against the set-up cells of the released notebook and the answers, decoded as plain data.
3. The notebook nbgrader goes on with is the trusted one: the submission's cells, the outputs the
   run gave its other cells, and for each test cell its own source and what the test said.

How it ended is written as an outcome file (grading.sandbox.result) for the autograde step. A
notebook that could not run to its end stops nbgrader's pipeline for that submission."""

import json
import sys
from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer, Unicode

from grading import settings
from grading.questions import is_question, questions, setup_sources
from grading.sandbox import Limits, Sandbox
from grading.sandbox.result import RUNNER_FAILURES, Outcome, outcome_from, write_outcome
from grading.status import Status


class NotebookDidNotRun(Exception):
    """Stops nbgrader's pipeline for this submission; the outcome file says why."""


class SandboxedExecute(NbGraderPreprocessor):
    data_directory = Unicode("", help="the public dataset the notebooks read").tag(config=True)
    release_directory = Unicode("", help="the release folder: the notebooks' questions and set-up").tag(config=True)
    use_sandbox = Bool(True, help="run in bubblewrap (False: --no-sandbox, trusted notebooks only)").tag(config=True)
    notebook_timeout = Integer(settings.NOTEBOOK_TIMEOUT, help="seconds for the whole notebook").tag(config=True)
    cell_timeout = Integer(settings.CELL_TIMEOUT, help="seconds per cell").tag(config=True)
    memory_gb = Float(settings.MEMORY_GB, help="memory of a notebook, in GB").tag(config=True)
    work_directory = Unicode("", help="where outcome files are kept").tag(config=True)

    def preprocess(self, nb, resources):
        sandbox = Sandbox(
            data=Path(self.data_directory),
            limits=Limits(
                notebook_seconds=self.notebook_timeout,
                cell_seconds=self.cell_timeout,
                memory_bytes=int(self.memory_gb * 2**30),
            ),
            enabled=self.use_sandbox,
        )
        info = resources["nbgrader"]
        released = nbformat.read(
            Path(self.release_directory) / info["assignment"] / f"{info['notebook']}.ipynb", as_version=4
        )
        declared = {question.grade_id: question for question in questions(released)}
        outcome_path = outcome_file(Path(self.work_directory), info["student"], info["notebook"])

        def stop(outcome: Outcome):
            write_outcome(outcome_path, outcome)
            raise NotebookDidNotRun(f"{outcome.failure}: {outcome.reason}")

        runnable = nbformat.from_dict(json.loads(json.dumps(nb)))
        for cell in runnable.cells:
            if is_question(cell):
                question = declared.get(cell.metadata["nbgrader"]["grade_id"])
                cell.source = _capture_source(question) if question else "pass"
                cell.outputs = []
        command = [sys.executable, "-m", "grading.sandbox.run_notebook", "carnet.ipynb"]
        command += ["--cell-timeout", str(self.cell_timeout)]
        run = sandbox.run(command, {"carnet.ipynb": nbformat.writes(runnable).encode()})
        if not run.outcome.ran:
            stop(run.outcome)
        executed, answers, ran = _read_bundle(run.result, runnable)
        if not ran.ran:
            stop(ran)

        tests = [
            {"id": q.grade_id, "source": _test_source(nb, q.grade_id), "names": q.names, "calls": q.calls}
            for q in declared.values()
        ]
        verification = {"setup": setup_sources(released), "questions": tests, "answers": answers}
        check = sandbox.run(
            [sys.executable, "-m", "grading.sandbox.check_answers", "verification.json"],
            {"verification.json": json.dumps(verification).encode()},
        )
        if not check.outcome.ran:
            stop(Outcome(Status.ERROR, f"the tests could not run: {check.outcome.reason}"))
        results = json.loads(check.result)  # from trusted code, though through the sandbox: checked below
        if results.get("setup_error"):
            failure = str(results["setup_error"]).strip().splitlines()[-1][:200]
            stop(Outcome(Status.ERROR, f"the notebook's set-up cells failed outside the kernel: {failure}"))

        refused = []
        for position, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if is_question(cell):
                result = results["results"].get(cell.metadata["nbgrader"]["grade_id"])
                cell.outputs = _test_outputs(result)
                cell.execution_count = None
                refused += [str(reason)[:300] for reason in (result or {}).get("refused", [])]
            else:
                cell.outputs = executed.cells[position].get("outputs", [])
                cell.execution_count = executed.cells[position].get("execution_count")
        write_outcome(
            outcome_path,
            Outcome(
                cell_timeouts=ran.cell_timeouts,
                refused=" ; ".join(refused)[:600],
                memory_per_process=run.memory_per_process,
            ),
        )
        return nb, resources


def _capture_source(question) -> str:
    return (
        f'__import__("grading.answers", fromlist=["capture"]).capture('
        f"{question.grade_id!r}, {list(question.names)!r}, {dict(question.calls)!r}, globals())"
    )


def _test_source(nb, grade_id: str) -> str:
    """The test as the gradebook holds it (nbgrader's OverwriteCells put it back, hidden part included)."""
    return next(c.source for c in nb.cells if is_question(c) and c.metadata["nbgrader"]["grade_id"] == grade_id)


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
        return [nbformat.v4.new_output("error", ename="ErreurDeCorrection", evalue="test non exécuté", traceback=[])]
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


def outcome_file(work_directory: Path, student: str, notebook: str) -> Path:
    """Where SandboxedExecute leaves the outcome of a student's notebook, outside every sandbox."""
    return work_directory / "outcomes" / student / f"{notebook}.json"
