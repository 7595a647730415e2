"""Runs a notebook's tests against a submission's answers, outside the student's kernel.

    python -m grading.sandbox.check_answers verification.json

verification.json, written by trusted grading: the notebook's set-up cells, its questions (test
source, declared names and calls) and the answers the submission's kernel captured, as text. This
process runs no code of the student's: it decodes their answers as plain data (grading.answers),
runs the set-up cells once, then each test with the set-up's names and that question's answers.
It sends back through the sandbox's result pipe, for each question, what the test printed and the
error that failed it, if any (nbgrader then scores a test cell by whether it has an error).
"""

import contextlib
import io
import json
import os
import sys
import traceback

from grading.answers import InvalidAnswers, Refused, decode_answers
from grading.sandbox.result import RESULT_FD

MAX_PRINTED = 20_000  # characters of a test's printed text sent back


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as file:
        work = json.load(file)
    result_pipe = int(os.environ[RESULT_FD])
    setup: dict = {"__name__": "__main__"}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for number, source in enumerate(work["setup"], 1):
                exec(compile(source, f"<mise en place {number}>", "exec"), setup)
    except BaseException:  # the course's own cells: the instructor must see it, not a 0 for everyone
        return _send(result_pipe, {"setup_error": traceback.format_exc(limit=-3)[-2000:], "results": {}})
    results = {q["id"]: check(q, work["answers"].get(q["id"]), setup) for q in work["questions"]}
    return _send(result_pipe, {"setup_error": None, "results": results})


def check(question: dict, answers: str | None, setup: dict) -> dict:
    printed = io.StringIO()
    try:
        values = decode_answers(answers or "{}", [*question["names"], *question["calls"]])
    except InvalidAnswers as problem:
        return _failed("", "ReponsesIllisibles", f"les réponses enregistrées sont illisibles ({problem})")
    missing = [value.reason for value in values.values() if isinstance(value, Refused) and value.absent]
    refused = [value.reason for value in values.values() if isinstance(value, Refused) and not value.absent]
    if refused:
        return {**_failed("", "ReponseRefusee", refused[0]), "refused": refused}
    if missing:
        return _failed("", "NameError", missing[0])
    scope = {**setup, **values}
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(question["source"], f"<test {question['id']}>", "exec"), scope)
    except BaseException as failure:
        return _failed(printed.getvalue(), type(failure).__name__, str(failure))
    return {"stdout": printed.getvalue()[:MAX_PRINTED], "error": None, "refused": []}


def _failed(printed: str, name: str, message: str) -> dict:
    return {
        "stdout": printed[:MAX_PRINTED],
        "error": {"ename": name, "evalue": message[:2000], "traceback": [f"{name}: {message[:2000]}"]},
        "refused": [],
    }


def _send(result_pipe: int, result: dict) -> int:
    with os.fdopen(result_pipe, "w", encoding="utf-8") as pipe:
        json.dump(result, pipe)
    return 0


if __name__ == "__main__":
    sys.exit(main())
