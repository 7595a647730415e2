"""A released notebook as trusted grading sees it: its set-up cells and its autograded questions.

Set-up cells are the locked code cells that neither answer nor test (parameters, imports, loading
the data). A question is an autograded test cell; it declares in its metadata `kit.reponses` the
names it reads from the learner's work. Its tests run outside the learner's kernel with the set-up
cells' names and those answers only, so every other name it reads must be defined by the set-up
cells or by the test itself: `undeclared_names` says which are not.
"""

import ast
import builtins
from dataclasses import dataclass

ANSWERS_KEY = "reponses"  # in a test cell's `kit` metadata: the names it reads from the learner's work
CALLS_KEY = "appels"  # {function: [argument list, as Python source]}: the learner's functions it calls


@dataclass(frozen=True)
class Question:
    grade_id: str
    source: str  # the whole test, hidden part included when taken from the source or the gradebook
    names: tuple[str, ...]  # the answers it reads
    calls: dict  # the learner's functions it calls: {name: [argument lists, as Python source]}


def _nbgrader(cell) -> dict:
    metadata = cell.get("metadata", {}).get("nbgrader", {})
    return metadata if isinstance(metadata, dict) else {}


def is_question(cell) -> bool:
    meta = _nbgrader(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_setup(cell) -> bool:
    meta = _nbgrader(cell)
    return (
        cell.get("cell_type") == "code"
        and bool(meta.get("locked"))
        and not meta.get("grade")
        and not meta.get("solution")
    )


def setup_sources(notebook) -> list[str]:
    return [cell.source for cell in notebook.cells if is_setup(cell)]


def questions(notebook) -> list[Question]:
    found = []
    for cell in notebook.cells:
        if is_question(cell):
            kit = cell.get("metadata", {}).get("kit", {})
            names, calls = kit.get(ANSWERS_KEY, []), kit.get(CALLS_KEY, {})
            found.append(Question(_nbgrader(cell)["grade_id"], cell.source, tuple(names), dict(calls)))
    return found


def undeclared_names(notebook) -> dict[str, list[str]]:
    """For each question, the names its test reads from the learner's work that it does not declare."""
    missing = {}
    for question in questions(notebook):
        unknown = learner_names(notebook, question.source) - set(question.names) - set(question.calls)
        if unknown:
            missing[question.grade_id] = sorted(unknown)
    return missing


def learner_names(notebook, test: str) -> set[str]:
    """The names `test` reads that come from the learner's work: all but builtins, its own, and what the
    set-up cells define and no cell the learner may edit writes again."""
    setup = set().union(*(assigned(source) for source in setup_sources(notebook)))
    editable = set().union(
        *(written(cell.source) for cell in notebook.cells if cell.cell_type == "code" and not _locked(cell))
    )
    return read(test) - set(dir(builtins)) - assigned(test) - (setup - editable)


def _locked(cell) -> bool:
    meta = _nbgrader(cell)
    return bool(meta.get("locked")) and not meta.get("solution")


def written(source: str) -> set[str]:
    """Names a cell assigns, or changes through an item or attribute (`table["column"] = ...`)."""
    names = assigned(source)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript | ast.Attribute) and isinstance(node.ctx, ast.Store | ast.Del):
            base = node.value
            while isinstance(base, ast.Subscript | ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name):
                names.add(base.id)
    return names


def read(source: str) -> set[str]:
    return {node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)}


def assigned(source: str) -> set[str]:
    """Names a cell defines: assigned, imported, defined as functions or classes, loop and with targets."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names
