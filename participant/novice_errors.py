"""The errors a never-coded learner meets most, told in one French line with a hint.

Loaded by the set-up cell of every course notebook (participant.notebook.prepare). In IPython, an error
that this module recognises (a name not defined, a column that does not exist, `and` between two
conditions, a chained comparison on a column, a syntax error, a column where one number is expected, a
decimal comma) shows as « ❌ line » followed by Python's own message, folded. Any other error shows as
usual. The cell still fails: « Exécuter tout » stops there, and the grader sees the error.

It also remembers which names a failed cell was assigning, so that a check after a crashed answer cell
does not judge the previous value (participant.checks).

friendly-traceback (which has French) was considered: it explains Python's own errors at length, but
knows nothing of pandas (a KeyError on a column, a series' truth value) and replaces the whole display;
the learner here needs one line and the original kept below.
"""

import ast
import difflib
import html
import re

_failed_names: set[str] = set()  # names assigned by a cell that then failed, until a cell assigns them again

DETAILS = "Message d'origine de Python (en anglais)"
COMBINE = (
    "Pour combiner des conditions sur des colonnes, utilisez & (et), | (ou), ~ (non), chaque condition "
    'entre parenthèses : (t["age"] >= 18) & (t["sexe"] == "F") ; pas and/or. Pour un intervalle, '
    't["age"].between(18, 64) plutôt que 18 <= t["age"] <= 64.'
)
WHOLE_COLUMN = (
    "Votre valeur est une colonne entière, pas un seul nombre : terminez le calcul par .sum(), .mean(), "
    "len(...) ou .iloc[0]."
)


def names_left_by_a_failed_cell() -> set[str]:
    return set(_failed_names)


def assigned_names(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set(re.findall(r"^\s*([A-Za-z_]\w*)\s*=[^=]", source, re.M))
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}


def _close(word: str, candidates) -> str | None:
    from participant.answer_kinds import loose

    candidates = [str(c) for c in candidates]
    by_loose = {loose(c): c for c in candidates}
    if loose(word) in by_loose:
        return by_loose[loose(word)]
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return found[0] if found else None


def _pandas_object(tb):
    """The innermost DataFrame or Series a pandas method was working on when the error was raised."""
    import pandas as pd

    found = None
    while tb is not None:
        candidate = tb.tb_frame.f_locals.get("self")
        if isinstance(candidate, pd.DataFrame | pd.Series):
            found = candidate
        tb = tb.tb_next
    return found


def explain(error: BaseException, tb=None, namespace: dict | None = None) -> str | None:
    """The French line for `error`, or None when it is not one of the common slips."""
    import pandas as pd

    message = str(error)
    if isinstance(error, NameError) and getattr(error, "name", None):
        name = error.name
        if name in _failed_names:
            return (
                f"« {name} » n'existe pas : la cellule qui le crée s'est arrêtée sur une erreur ; "
                "corrigez-la et ré-exécutez-la."
            )
        close = _close(name, [n for n in (namespace or {}) if not n.startswith("_")])
        if close:
            return f"« {name} » n'existe pas : vouliez-vous dire « {close} » ? (majuscules et accents comptent)"
        return (
            f"« {name} » n'existe pas encore : exécutez d'abord les cellules au-dessus (menu Exécuter > "
            "Exécuter les cellules au-dessus), vérifiez l'orthographe, et mettez un texte entre guillemets."
        )
    if isinstance(error, KeyError) and error.args:
        table = _pandas_object(tb)
        key = error.args[0]
        if isinstance(table, pd.DataFrame):
            close = _close(str(key), table.columns)
            hint = f" Vouliez-vous dire « {close} » ?" if close else ""
            shown = ", ".join(map(str, table.columns[:12])) + (" ..." if len(table.columns) > 12 else "")
            return f"La colonne « {key} » n'existe pas dans cette table.{hint} Colonnes : {shown}."
        if isinstance(table, pd.Series):
            return f"« {key} » n'est pas dans l'index de cette série : vérifiez l'orthographe, ou affichez l'index."
    if isinstance(error, ValueError):
        if "truth value of a" in message and "ambiguous" in message:
            return COMBINE
        if "could not convert string to float" in message and "," in message:
            return "Python écrit les décimales avec un point (51.5), pas une virgule (51,5)."
    if isinstance(error, TypeError):
        if "cannot convert the series" in message or "unsupported format string passed to Series" in message:
            return WHOLE_COLUMN
        called = re.search(r"'(\w+)' object is not callable", message)
        if called:
            return (
                f"Vous appelez comme une fonction (avec des parenthèses) une valeur de type {called[1]} : "
                "enlevez les parenthèses (table.shape, pas table.shape()), ou vérifiez qu'une variable ne "
                "porte pas le nom d'une fonction (sum, len, max...)."
            )
        if (
            "Strings must be encoded" in message
            or "buffer API" in message
            or "bytes-like object is required" in message
        ):
            return "Ce calcul attend des octets, pas du texte : ajoutez .encode() au texte (par exemple cle.encode())."
        if "can only concatenate str" in message or "must be str, not" in message:
            return "Vous combinez un texte et un nombre : convertissez l'un des deux (str(...), int(...))."
    if isinstance(error, AttributeError):
        missing = re.search(r"'(DataFrame|Series)' object has no attribute '(\w+)'", message)
        table = _pandas_object(tb)
        if missing:
            if isinstance(table, pd.DataFrame) and missing[2] not in dir(table):
                close = _close(missing[2], table.columns)
                if close:
                    return (
                        f"La table n'a pas d'attribut « {missing[2]} » : pour la colonne, écrivez table[\"{close}\"]."
                    )
            return (
                f"Une {'table' if missing[1] == 'DataFrame' else 'série'} pandas n'a pas de « .{missing[2]} » : "
                "vérifiez l'orthographe de la méthode (.mean(), .sum(), .value_counts(), .groupby(...))."
            )
    if isinstance(error, ZeroDivisionError):
        return "Division par zéro : le dénominateur vaut 0 (une table vide après un filtre ?)."
    if isinstance(error, ModuleNotFoundError):
        return f"Le module « {error.name} » n'est pas installé dans ce kit : vérifiez son nom."
    if isinstance(error, SyntaxError):
        return _syntax(error)
    return None


def _syntax(error: SyntaxError) -> str:
    where = f"ligne {error.lineno}" if error.lineno else "cette cellule"
    message = error.msg or ""
    if isinstance(error, IndentationError):
        return (
            f"Décalage (indentation) inattendu {where} : une ligne ne commence par des espaces que dans un bloc "
            "(après if, for, def ... :). Alignez-la sur les autres."
        )
    if "was never closed" in message or "incomplete input" in message:
        return (
            f"Une parenthèse, un crochet ou un guillemet ouvert ({where}) n'est jamais refermé : comptez les ( ), "
            "les [ ] et les guillemets."
        )
    if "unmatched" in message or "does not match" in message:
        return f"Une parenthèse ou un crochet fermant de trop {where} : comptez les ( ) et [ ]."
    if "unterminated string" in message or "EOL while scanning" in message:
        return f"Un texte commencé par un guillemet n'est pas refermé {where} : \"...\" ou '...'."
    if "invalid character" in message:
        return (
            f"Caractère non reconnu {where} (guillemets typographiques « » ’ ou symbole copié d'un "
            "traitement de texte) : retapez-le au clavier, avec \" ou '."
        )
    if "Maybe you meant '=='" in message or "cannot assign to" in message:
        return f"Pour comparer, Python écrit == (deux signes égal) ; un seul = range une valeur ({where})."
    if "expected ':'" in message:
        return f"Il manque les deux-points « : » à la fin de la ligne {where} (après if, for, def...)."
    if "forgot a comma" in message:
        return f"Il manque sans doute une virgule entre deux éléments, {where}."
    return (
        f"Python ne comprend pas la {where} : vérifiez les parenthèses, les guillemets, les virgules et les "
        "deux-points."
    )


# The IPython extension ------------------------------------------------------------------------------


def _show(shell, etype, value, tb, line: str, original: list[str]) -> None:
    from IPython.display import HTML, display

    shell._showtraceback(etype, value, [f"❌ {line}"])
    text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(original))
    display(
        HTML(f"<details><summary>{DETAILS}</summary><pre>{html.escape(text)}</pre></details>"),
        metadata={"kit": "erreur-d-origine"},
    )


def _on_error(shell, etype, value, tb, tb_offset=None):
    line = None
    try:
        line = explain(value, tb, shell.user_ns)
    except Exception:  # noqa: BLE001 - explaining must never hide the error itself
        line = None
    if line is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None
    _show(shell, etype, value, tb, line, shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset))
    return None


def _on_syntax_error(shell, original):
    def showsyntaxerror(filename=None, running_compiled_code=False):
        etype, value, tb = shell._get_exc_info()
        if not isinstance(value, SyntaxError):
            return original(filename, running_compiled_code)
        _show(shell, etype, value, tb, _syntax(value), shell.SyntaxTB.structured_traceback(etype, value, []))
        return None

    return showsyntaxerror


def _after_cell(result) -> None:
    names = assigned_names(result.info.raw_cell or "") if result.info is not None else set()
    if result.error_before_exec is not None or result.error_in_exec is not None:
        _failed_names.update(names)
    else:
        _failed_names.difference_update(names)


def load_ipython_extension(shell) -> None:
    if getattr(shell, "_kit_novice_errors", False):
        return
    shell._kit_novice_errors = True
    shell.set_custom_exc((Exception,), _on_error)
    shell.showsyntaxerror = _on_syntax_error(shell, shell.showsyntaxerror)
    shell.events.register("post_run_cell", _after_cell)
