"""Self-checks for test cells: a short French verdict for the participant, a failure for nbgrader.

    check(isinstance(nombre_patients, int), "Le résultat doit être un nombre entier.")

prints "✅ Bonne réponse" when the condition holds, else raises WrongAnswer,
which Jupyter shows as one line ("❌ ...") instead of a traceback, and which
nbgrader still counts as a failed test.
"""


class WrongAnswer(AssertionError):
    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of the traceback
        return [f"❌ {self}"]


NOT_ONE_VALUE = (
    "La réponse n'est pas une seule valeur : la comparaison donne un tableau de vrai/faux. "
    "Donnez un nombre ou un texte (par exemple avec .iloc[0], .sum() ou .mean())."
)


def check(condition: bool, hint: str, success: str | None = "✅ Bonne réponse") -> None:
    """Raise WrongAnswer(hint) unless `condition` is True; print `success` (if any) when it holds.

    The condition must be one truth value (a bool, or numpy's): a comparison that gives an array or a
    series (an answer that is a table where a number is asked) is never taken as true."""
    if type(condition).__name__ not in ("bool", "bool_") or type(condition).__module__ not in ("builtins", "numpy"):
        raise WrongAnswer(NOT_ONE_VALUE)
    if not condition:
        raise WrongAnswer(hint)
    if success:
        print(success)
