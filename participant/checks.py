"""Self-checks for test cells: a short French verdict for the participant, a failure for nbgrader.

    check(isinstance(nombre_patients, int), "Le résultat doit être un nombre entier.")

prints "✅ Bonne réponse" when the condition holds, else raises WrongAnswer,
which Jupyter shows as one line ("❌ ...") instead of a traceback, and which
nbgrader still counts as a failed test.
"""


class WrongAnswer(AssertionError):
    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of the traceback
        return [f"❌ {self}"]


def check(condition: bool, hint: str, success: str | None = "✅ Bonne réponse") -> None:
    """Raise WrongAnswer(hint) unless `condition`; print `success` (if any) when it holds."""
    if not condition:
        raise WrongAnswer(hint)
    if success:
        print(success)
