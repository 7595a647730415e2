"""Self-checks that tell the truth: the visible check and the grade judge an answer the same way.

A test cell of a course notebook reads

    check_answer("q2", pourcentage_femmes)                 # visible: the learner runs it
    # (nbgrader's hidden-tests markers around the rest)
    femmes = (load_table("patients", DONNEES)["sexe"] == "F").mean() * 100
    grade_answer("q2", pourcentage_femmes, femmes, Percentage(decimals=1),
                 mistakes={"Vous avez calculé la part des hommes.": 100 - femmes})

`grade_answer` (hidden, trusted) compares the answer's canonical forms (participant.answer_kinds) with the
expected value's. At release, the source notebook runs once on the class's dataset with
KIT_ANSWER_KEY_RECORD set: each `grade_answer` records the canonical forms of its expected value and of
its mistakes, and the release appends to the set-up cell an answer key of their salted, slow digests
(`load_answer_keys("...")`), never the values. `check_answer` then applies the very same judgement
(`_judge`) with digests in place of values: « ✅ Bonne réponse » exactly when the grade is full, on the
dataset the key was made for. On another dataset it checks the form only, and says so.
"""

import base64
import functools
import hashlib
import itertools
import json
import os
import zlib

import pandas as pd

from participant.answer_kinds import NOT_ANSWERED, UNREADABLE, Kind, SeriesIndex, kind_from_dict, unanswered

RECORD_ENV = "KIT_ANSWER_KEY_RECORD"  # set by the release: where grade_answer records expected answers
MAX_TIED_CHOICES = 50  # selections top_with_ties gives at most (ties of many values: the first ones)
DIGEST_ITERATIONS = 20_000  # PBKDF2 rounds per digest: unreadable keys, slow to brute-force
DIGEST_BYTES = 12
RIGHT = "✅ Bonne réponse"
FORM_ONLY = (
    "☑️ La forme de votre réponse est correcte. Ce jeu de données n'est pas celui pour lequel le carnet a été "
    "distribué : la valeur sera vérifiée à la correction."
)
NO_KEY = "ℹ️ Forme correcte ; la valeur est jugée par les tests cachés (carnet sans clé de vérification)."
CRASHED = (
    "Votre cellule de réponse s'est arrêtée sur une erreur : la valeur vérifiée est peut-être l'ancienne. "
    "Corrigez la cellule, ré-exécutez-la, puis revenez ici."
)
NOT_ONE_VALUE = (
    "La réponse n'est pas une seule valeur : la comparaison donne un tableau de vrai/faux. "
    "Donnez un nombre ou un texte (par exemple avec .iloc[0], .sum() ou .mean())."
)


class WrongAnswer(AssertionError):
    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of the traceback
        return [f"❌ {self}"]


# The judgement, one for both sides ------------------------------------------------------------------


def _judge(answer, entries: list, matches) -> str | None:
    try:
        return _judgement(answer, entries, matches)
    except Exception:  # noqa: BLE001 - an answer no kind foresaw (a table of infinities...): wrong, said in French
        return UNREADABLE


def _judgement(answer, entries: list, matches) -> str | None:
    """None when `answer` is right, else the French line that says what kind of wrong.

    `entries`: [(kind, targets, message)], the right answer first (its message: the question's hint), then
    known mistakes; `matches(kind, forms, targets)`: whether one of the answer's forms, under that kind, is
    one of the targets (the forms of the expected value, or of a mistake)."""
    kind = entries[0][0]
    if unanswered(answer):
        return NOT_ANSWERED
    problem = kind.form_error(answer)
    if problem:
        return problem
    if matches(kind, kind.forms(answer), entries[0][1]):
        return None
    for mistake_kind, targets, message in entries[1:]:
        if mistake_kind.form_error(answer) is None and matches(mistake_kind, mistake_kind.forms(answer), targets):
            return message
    return entries[0][2] or kind.wrong()


def _entries(expected, kind: Kind, mistakes: dict, hint: str | None, also_right=()) -> list:
    """The right answer (and those equally right) and the mistakes, as their canonical forms, for `_judge`."""
    right = list(dict.fromkeys(form for value in (expected, *also_right) for form in kind.forms(value)))
    entries = [(kind, right, hint)]
    for message, value in mistakes.items():
        if kind.form_error(value) is None:  # a mistake with no value on these data (NaN...) is left out
            entries.append((kind, kind.forms(value), message))
    for mistake_kind, value, message in kind.derived_mistakes(expected):
        if isinstance(mistake_kind, SeriesIndex) and hint:  # the question's own hint says more
            message = f"Les catégories (ou les clés) sont les bonnes, mais pas toutes les valeurs. {hint}"
        entries.append((mistake_kind, mistake_kind.forms(value), message))
    return entries


# Hidden tests: the grade -----------------------------------------------------------------------------


def grade_answer(
    question: str,
    answer,
    expected,
    kind: Kind,
    mistakes: dict | None = None,
    hint: str | None = None,
    also_right=(),
) -> None:
    """Raises WrongAnswer (one French line) unless `answer` is `expected` as `kind` judges it.
    `mistakes`: {what to tell the learner: a wrong value}, computed from the data like `expected`;
    `hint`: the line for a wrong answer no mistake explains; `also_right`: other values as right as
    `expected` on these data (see `top_with_ties`)."""
    entries = _entries(expected, kind, mistakes or {}, hint, also_right)
    if os.environ.get(RECORD_ENV):
        _record(question, entries)
    problem = _judge(answer, entries, lambda _kind, forms, targets: not set(forms).isdisjoint(targets))
    if problem:
        raise WrongAnswer(problem)


def top_with_ties(counts, n: int) -> list:
    """Every selection of the `n` largest of `counts` (a Series) that a sort could give when values tie
    at the cut: value_counts().head(n) and nlargest(n) may keep different ones, both right."""
    ordered = counts.sort_values(ascending=False, kind="stable")
    if len(ordered) <= n:
        return [ordered]
    cut = ordered.iloc[n - 1]
    above, tied = ordered[ordered > cut], ordered[ordered == cut]
    return [
        pd.concat([above, tied[list(chosen)]])
        for chosen in itertools.islice(itertools.combinations(tied.index, n - len(above)), MAX_TIED_CHOICES)
    ]


def _record(question: str, entries: list) -> None:
    line = {
        "question": question,
        "entries": [[kind.to_dict(), targets, message] for kind, targets, message in entries],
    }
    with open(os.environ[RECORD_ENV], "a", encoding="utf-8") as file:
        file.write(json.dumps(line, ensure_ascii=False) + "\n")


# Answer keys: digests of the canonical forms ---------------------------------------------------------


def digest(salt: str, kind: Kind, canonical: str) -> str:
    return _digest(salt, type(kind).__name__, canonical)


@functools.lru_cache(maxsize=4096)  # a check compares the same forms with several entries
def _digest(salt: str, kind_name: str, canonical: str) -> str:
    raw = hashlib.pbkdf2_hmac(
        "sha256", f"{kind_name}|{canonical}".encode(), salt.encode(), DIGEST_ITERATIONS, DIGEST_BYTES
    )
    return base64.urlsafe_b64encode(raw).decode()


def make_answer_key(records: list[dict], dataset: str, salt: str, names: dict[str, list[str]]) -> str:
    """The key a release appends to a notebook's set-up cell, from the records of `grade_answer`."""
    questions = {}
    for record in records:
        entries = []
        for kind_data, forms, message in record["entries"]:
            kind = kind_from_dict(kind_data)
            entries.append([kind_data, sorted({digest(salt, kind, form) for form in forms}), message])
        questions[record["question"]] = {"entries": entries, "names": names.get(record["question"], [])}
    key = {"dataset": dataset, "salt": salt, "questions": questions}
    return base64.b64encode(zlib.compress(json.dumps(key, ensure_ascii=False).encode(), 9)).decode()


_key: dict = {}  # the notebook's answer key, once its set-up cell has run


def load_answer_keys(blob: str) -> None:
    """Called by the set-up cell of a released notebook."""
    _key.clear()
    _key.update(json.loads(zlib.decompress(base64.b64decode(blob))))


# The visible check -----------------------------------------------------------------------------------


def check_answer(question: str, answer) -> None:
    """Prints « ✅ Bonne réponse » when the grade of `question` will be full, else raises WrongAnswer with
    what kind of wrong; on a dataset the key was not made for, checks the form only."""
    known = _key.get("questions", {}).get(question)
    if known is None:
        kind = None
    else:
        kind = kind_from_dict(known["entries"][0][0])
        if _crashed(known["names"]):
            raise WrongAnswer(CRASHED)
    if unanswered(answer):
        raise WrongAnswer(NOT_ANSWERED)
    if kind is None:
        print(NO_KEY)
        return
    if _key["dataset"] not in _loaded_datasets():
        problem = kind.form_error(answer)
        if problem:
            raise WrongAnswer(problem)
        print(FORM_ONLY)
        return
    entries = [(kind_from_dict(kind_data), targets, message) for kind_data, targets, message in known["entries"]]
    salt = _key["salt"]
    problem = _judge(
        answer, entries, lambda kind, forms, targets: not {digest(salt, kind, f) for f in forms}.isdisjoint(targets)
    )
    if problem:
        raise WrongAnswer(problem)
    print(RIGHT)


def _loaded_datasets() -> set[str]:
    """The datasets this kernel read tables from (a notebook may also make a small one of its own); none
    yet: the default dataset."""
    from participant.data import DatasetNotFound, fingerprint, loaded_datasets

    try:
        return loaded_datasets() or {fingerprint(None)}
    except DatasetNotFound:
        return set()


def _crashed(names: list[str]) -> bool:
    from participant.novice_errors import names_left_by_a_failed_cell

    return bool(set(names) & names_left_by_a_failed_cell())


def check(condition: bool, hint: str, success: str | None = RIGHT) -> None:
    """Raise WrongAnswer(hint) unless `condition` is True; print `success` (if any) when it holds.

    The condition must be one truth value (a bool, or numpy's): a comparison that gives an array or a
    series is never taken as true. For a question's answer, use check_answer and grade_answer."""
    if type(condition).__name__ not in ("bool", "bool_") or type(condition).__module__ not in ("builtins", "numpy"):
        raise WrongAnswer(NOT_ONE_VALUE)
    if not condition:
        raise WrongAnswer(hint)
    if success:
        print(success)
