"""What kind of answer a question asks for, and when two answers are the same.

A kind says three things about an answer, the same way for the learner's self-check and for the grade:

- `form_error(value)`: one French line when the answer cannot be right whatever the data (the wrong type,
  a fraction outside 0..1, a missing column...), else None;
- `forms(value)`: its canonical forms, as text (a number rounded to the decimals the notebook displays,
  a series as its sorted items, a table as a digest of its sorted rows); an answer is right when the
  canonical form of the expected value is one of them;
- `derived_mistakes(expected)`: wrong answers any learner may give for this kind of question (a fraction
  for a percentage, the other group's share, a boundary left out, too few decimals), each with its
  French line.

The tolerance policy of the course (course/README.md) is written here and nowhere else.
"""

import abc
import datetime
import decimal
import hashlib
import math
import numbers
import unicodedata
from dataclasses import asdict, dataclass

NOT_ANSWERED = (
    "Vous n'avez pas encore répondu : remplacez les trois points ... par votre calcul, puis exécutez la cellule."
)
UNREADABLE = "Votre réponse n'a pas la forme attendue et ne peut pas être comparée : relisez la consigne."
NO_VALUE = (
    "Votre réponse vaut None : rien n'a été stocké. Écrivez `variable = calcul` (print(...) affiche une "
    "valeur mais ne la garde pas ; une fonction renvoie son résultat avec return)."
)


# Values, one at a time -------------------------------------------------------------------------------


def unanswered(answer) -> bool:
    """The stub `...` of an answer cell, alone or still inside a dict or list of answers."""
    if answer is Ellipsis:
        return True
    if isinstance(answer, dict):
        return any(value is Ellipsis for value in answer.values())
    return isinstance(answer, list | tuple) and any(value is Ellipsis for value in answer)


def is_boolean(value) -> bool:
    return isinstance(value, bool) or (type(value).__module__ == "numpy" and type(value).__name__ in ("bool", "bool_"))


def is_number(value) -> bool:
    """Python's and numpy's integers and floats (not booleans): numpy scalars are numbers."""
    return isinstance(value, numbers.Real) and not is_boolean(value)


def type_name(value) -> str:
    """What a learner calls the type of `value` (the same for numpy's types and Python's)."""
    if is_boolean(value):
        return "Vrai/Faux"
    if is_number(value):
        return "un nombre entier" if float(value).is_integer() else "un nombre"
    names = {
        "str": "un texte",
        "list": "une liste",
        "tuple": "un couple de valeurs",
        "dict": "un dictionnaire",
        "Series": "une série",
        "DataFrame": "une table",
        "Figure": "une figure",
        "function": "une fonction",
    }
    if type(value).__name__ in names:
        return names[type(value).__name__]
    if hasattr(value, "__len__") and hasattr(value, "__getitem__"):  # numpy's and pandas' arrays
        return f"une suite de {len(value)} valeurs"
    return type(value).__name__


def number_text(value: float, decimals: int) -> str:
    return f"{round(float(value), decimals) + 0.0:.{decimals}f}"  # + 0.0: -0.0 is written 0.0


def label(value) -> str:
    """An index label or a table cell as text: 3, 3.0 and numpy's 3 are '3'; dates as ISO; text as typed."""
    import numpy as np
    import pandas as pd

    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return "NA"
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    if is_boolean(value):
        return str(bool(value))
    if is_number(value):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    if isinstance(value, tuple):  # a label of a MultiIndex (of one level: DataFrame.value_counts())
        return label(value[0]) if len(value) == 1 else "(" + ", ".join(label(part) for part in value) + ")"
    if isinstance(value, datetime.date | np.datetime64):  # a date, whichever type holds it
        moment = pd.Timestamp(value)
        return moment.date().isoformat() if moment == moment.normalize() and moment.tz is None else moment.isoformat()
    if isinstance(value, datetime.timedelta | np.timedelta64):
        return pd.Timedelta(value).isoformat()
    return str(value)


# Ways a learner's tool may round a tie (4.175, 0.125): Python's round, school rounding (half up) and
# banker's rounding (half even) of the number as written. A table's cells are judged under each.
ROUNDINGS = ("python", decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN)


def cell_text(value, decimals: int | None, rounding: str = "python") -> str:
    if decimals is not None and is_number(value) and math.isfinite(float(value)):
        if rounding == "python":
            return number_text(value, decimals)
        step = decimal.Decimal(1).scaleb(-decimals)
        return f"{decimal.Decimal(repr(float(value))).quantize(step, rounding=rounding) + 0:.{decimals}f}"
    return label(value)


def loose(text: str) -> str:
    """Text without case, accents or extra spaces: what a learner may get wrong in a name."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return " ".join(stripped.casefold().replace("-", " ").replace("'", " ").split())


def _shape_of_table(value) -> str | None:
    """The French line for a table or a series given where one value is asked."""
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        return (
            f"Votre réponse est une table entière ({len(value)} lignes, {value.shape[1]} colonnes) : une seule "
            "valeur est attendue (len(...), .sum(), .mean(), .iloc[0]...)."
        )
    if isinstance(value, pd.Series | pd.Index | pd.api.extensions.ExtensionArray) or type(value).__name__ == "ndarray":
        return (
            f"Votre réponse est une colonne de {len(value)} valeur(s) : une seule valeur est attendue ; "
            "terminez le calcul par .sum(), .mean(), len(...) ou .iloc[0]."
        )
    return None


def _scalar_form_error(value, what: str) -> str | None:
    """Why `value` is not one number (None when it is)."""
    if value is None:
        return NO_VALUE
    table = _shape_of_table(value)
    if table:
        return table
    if isinstance(value, tuple) and len(value) == 2 and all(is_number(v) for v in value):
        return (
            f"Votre réponse est un couple de deux nombres ({label(value[0])}, {label(value[1])}) : pour les "
            "décimales, Python utilise un point (51.5), pas une virgule (51,5). Si c'est la taille d'une "
            "table (lignes, colonnes), prenez le premier."
        )
    if isinstance(value, str):
        return f"Votre réponse est un texte ({value!r}) : {what} est attendu, sans guillemets, avec un point décimal."
    if is_boolean(value):
        return f"Votre réponse est Vrai/Faux : {what} est attendu."
    if not is_number(value):
        return f"Votre réponse est {type_name(value)} : {what} est attendu."
    if math.isnan(float(value)):
        return (
            "Votre réponse vaut NaN (pas un nombre) : le calcul a porté sur une table vide ou sur des valeurs "
            "manquantes ; vérifiez le filtre."
        )
    return None


# Kinds -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind(abc.ABC):
    """The base of every kind of answer; `to_dict`/`kind_from_dict` carry it in an answer key."""

    def to_dict(self) -> dict:
        return {"type": type(self).__name__, **asdict(self)}

    def form_error(self, value) -> str | None:
        return None

    def forms(self, value) -> list[str]:
        return [self.canonical(value)]

    @abc.abstractmethod
    def canonical(self, value) -> str:
        """The answer written as text, so that two answers are the same exactly when their texts are."""

    def derived_mistakes(self, expected) -> list[tuple["Kind", object, str]]:
        return []

    def wrong(self) -> str:
        """The line for a wrong answer of the right form that no known mistake explains."""
        return "Ce n'est pas la bonne valeur : relisez la consigne et l'indice, puis vérifiez votre calcul."


@dataclass(frozen=True)
class Count(Kind):
    """A number of rows, patients, stays...: exact. 30000, numpy's 30000 and 30000.0 are the same answer."""

    def form_error(self, value) -> str | None:
        problem = _scalar_form_error(value, "un nombre entier")
        if problem:
            return problem
        if not float(value).is_integer():
            return f"Un nombre entier est attendu, pas {label(value)}."
        return None

    def canonical(self, value) -> str:
        return str(int(float(value)))

    def derived_mistakes(self, expected):
        boundary = (
            "À une unité près : une borne incluse ou exclue (<= ou <), ou un compte qui commence à 0 au lieu de 1 ?"
        )
        return [(self, int(float(expected)) + 1, boundary), (self, int(float(expected)) - 1, boundary)]


@dataclass(frozen=True)
class Number(Kind):
    """A mean, a ratio, a rate: right when it rounds, to the decimals the notebook displays, as the
    expected value does (the value typed as displayed is right; so is the unrounded one)."""

    decimals: int = 1

    def form_error(self, value) -> str | None:
        return _scalar_form_error(value, "un nombre")

    def canonical(self, value) -> str:
        return number_text(value, self.decimals)

    def forms(self, value) -> list[str]:
        # A value a hair's breadth from a rounding boundary (another way of computing it) rounds either way.
        nudge = 1e-9 * max(1.0, abs(float(value)))
        return list(dict.fromkeys(number_text(float(value) + shift, self.decimals) for shift in (0, -nudge, nudge)))

    def derived_mistakes(self, expected):
        return [
            (Rounded(decimals), expected, f"Arrondi trop fort : gardez {self.decimals} décimale(s).")
            for decimals in range(self.decimals)
            if number_text(expected, decimals) != number_text(expected, self.decimals)
        ]


@dataclass(frozen=True)
class Rounded(Number):
    """A number already rounded to `decimals` (a derived mistake: the right value, rounded too far)."""

    def form_error(self, value) -> str | None:
        problem = super().form_error(value)
        if problem is None and abs(float(value) - round(float(value), self.decimals)) > 1e-9 * max(1, abs(value)):
            return "not rounded"
        return problem

    def derived_mistakes(self, expected):
        return []


@dataclass(frozen=True)
class Percentage(Number):
    """A percentage, between 0 and 100."""

    def form_error(self, value) -> str | None:
        problem = _scalar_form_error(value, "un pourcentage (un nombre entre 0 et 100)")
        if problem:
            return problem
        if not -1e-9 <= float(value) <= 100 + 1e-9:
            return f"Un pourcentage est compris entre 0 et 100, pas {float(value):g} : vérifiez le calcul."
        return None

    def derived_mistakes(self, expected):
        return [
            (
                Number(self.decimals + 2),
                float(expected) / 100,
                "Vous avez donné une proportion (entre 0 et 1) : multipliez-la par 100 pour un pourcentage.",
            ),
            (
                self,
                100 - float(expected),
                "C'est la part de l'autre groupe (100 moins la réponse attendue) : vérifiez la condition (==, !=).",
            ),
            *super().derived_mistakes(expected),
        ]


@dataclass(frozen=True)
class Text(Kind):
    """A name or a code, exact (surrounding spaces aside); `choices`, when given, are the possible answers."""

    choices: tuple = ()

    def form_error(self, value) -> str | None:
        if value is None:
            return NO_VALUE
        table = _shape_of_table(value)
        if table:
            return table
        if not isinstance(value, str):
            return f'Un texte est attendu, entre guillemets (par exemple "..."), pas {type_name(value)}.'
        if self.choices and label(value) not in self.choices and loose(value) not in map(loose, self.choices):
            return f"« {value} » n'est pas une des réponses possibles : {', '.join(self.choices)}."
        return None

    def canonical(self, value) -> str:
        return label(value)

    def derived_mistakes(self, expected):
        return [
            (
                LooseText(),
                expected,
                "Presque : vérifiez l'orthographe exacte (majuscules, accents, tirets), par exemple en copiant "
                "la valeur affichée.",
            )
        ]


@dataclass(frozen=True)
class LooseText(Text):
    """Text compared without case, accents or extra spaces (a derived mistake, not a question's kind)."""

    def canonical(self, value) -> str:
        return loose(label(value))

    def derived_mistakes(self, expected):
        return []


@dataclass(frozen=True)
class Boolean(Kind):
    def form_error(self, value) -> str | None:
        if value is None:
            return NO_VALUE
        if not is_boolean(value):
            return f"Répondez par True (vrai) ou False (faux), sans guillemets, pas {label(value)!r}."
        return None

    def canonical(self, value) -> str:
        return str(bool(value))


def _items(value) -> list | None:
    """The elements of a list-like answer (list, tuple, set, array, series, index), or None."""
    import pandas as pd

    if isinstance(value, list | tuple | set | frozenset | pd.Series | pd.Index | pd.api.extensions.ExtensionArray):
        return list(value)
    if type(value).__name__ == "ndarray":
        return list(value)
    return None


@dataclass(frozen=True)
class Collection(Kind):
    """A set of identifiers or codes: order and repeats do not matter (a list, an array, a column...)."""

    def form_error(self, value) -> str | None:
        import pandas as pd

        if value is None:
            return NO_VALUE
        if isinstance(value, pd.DataFrame):
            return (
                "Votre réponse est une table entière : une liste de valeurs est attendue, par exemple une colonne "
                '(table["patient_id"]) ou une liste écrite entre crochets.'
            )
        if _items(value) is None:
            return f"Une liste de valeurs est attendue (une colonne, .unique(), une liste), pas {type_name(value)}."
        return None

    def canonical(self, value) -> str:
        return "\x1f".join(sorted({label(v) for v in _items(value)}))


def _as_series(value):
    """A series from a series, a dict, or a table of one column (an equivalent way of computing it)."""
    import pandas as pd

    if isinstance(value, dict):
        return pd.Series(value)
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        return value.iloc[:, 0]
    return value


class CellsKind(Kind):
    """A kind whose answer holds many numbers (a series, a table, a figure): its forms are its canonical
    text under each way of rounding a tie, so that a table rounded by pandas is as right as Python's."""

    def forms(self, value) -> list[str]:
        if getattr(self, "decimals", None) is None:
            return [self.canonical(value)]
        return list(dict.fromkeys(self.canonical(value, rounding) for rounding in ROUNDINGS))


@dataclass(frozen=True)
class Series(CellsKind):
    """One value per category (the series' index): counts exact, other numbers to `decimals`; the order of
    the categories matters only when `ordered` (a ranking); `percent`: values between 0 and 100."""

    decimals: int | None = None
    percent: bool = False
    ordered: bool = False

    def form_error(self, value) -> str | None:
        import pandas as pd

        value = _as_series(value)
        if value is None:
            return NO_VALUE
        if isinstance(value, pd.DataFrame):
            return (
                f"Votre réponse est une table de {value.shape[1]} colonnes : une série est attendue (une valeur par "
                'catégorie), par exemple table.groupby("categorie")["colonne"].mean().'
            )
        if not isinstance(value, pd.Series):
            return (
                f"Une série pandas est attendue (une valeur par catégorie), pas {type_name(value)} : "
                '.value_counts() ou .groupby("...")["..."].mean() en donnent une.'
            )
        if (self.percent or self.decimals is not None) and not all(is_number(v) for v in value):
            return "Des nombres sont attendus dans la série (sans guillemets, avec un point décimal)."
        if self.percent and not all(-1e-9 <= float(v) <= 100 + 1e-9 for v in value):
            return "Des pourcentages sont attendus, entre 0 et 100 : vérifiez le calcul."
        return None

    def canonical(self, value, rounding: str = "python") -> str:
        value = _as_series(value)
        texts = _texts(value, lambda v: cell_text(v, self.decimals, rounding))
        items = [(label(index), text) for index, text in zip(value.index, texts)]
        return "\x1e".join(f"{k}\x1f{v}" for k, v in (items if self.ordered else sorted(items)))

    def derived_mistakes(self, expected):
        expected = _as_series(expected)
        mistakes = []
        if self.percent:
            digits = None if self.decimals is None else self.decimals + 2
            mistakes.append(
                (
                    Series(digits, ordered=self.ordered),
                    expected / 100,
                    "Vous avez donné des proportions (entre 0 et 1) : multipliez par 100 pour des pourcentages.",
                )
            )
        if self.ordered:
            mistakes.append(
                (
                    Series(self.decimals, self.percent),
                    expected,
                    "Les bonnes valeurs, mais pas dans l'ordre demandé : triez-les (.sort_values(...) ou "
                    ".sort_index()).",
                )
            )
        mistakes.append(
            (
                SeriesIndex(),
                expected,
                "Les catégories (l'index, ou les clés) sont les bonnes, mais pas toutes les valeurs : vérifiez la "
                "colonne calculée, le filtre et le calcul (moyenne, somme, effectif).",
            )
        )
        return mistakes


@dataclass(frozen=True)
class SeriesIndex(Kind):
    """A series' categories only (a derived mistake: the right categories, wrong values)."""

    def form_error(self, value) -> str | None:
        return Series().form_error(value)

    def canonical(self, value) -> str:
        return "\x1f".join(sorted(label(index) for index in _as_series(value).index))


def _frame_digest(frame, decimals: int | None, rounding: str = "python") -> str:
    """The digest of a table's rows, sorted: the same rows in any order give the same digest."""
    import pandas as pd

    columns = []
    for name in frame.columns:
        column = frame[name]
        if decimals is not None and pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            columns.append(_texts(column, lambda v: cell_text(v, decimals, rounding)))
        else:
            columns.append(_texts(column, label))
    rows = sorted("\x1f".join(cells) for cells in zip(*columns)) if columns else []
    return f"{len(frame)}:" + hashlib.sha256("\x1e".join(rows).encode("utf-8")).hexdigest()


def _texts(column, to_text) -> list[str]:
    """`to_text` of each cell of `column`, computed once per distinct value (a table of 100 000 rows holds
    few): the same texts as cell by cell. pandas takes True and 1 (or 1 and 1.0) for one value where their
    texts differ, so a column of mixed Python objects is read type by type; one holding a type whose equal
    values may differ in text (tuples, dates of two time zones) goes cell by cell."""
    import numpy as np
    import pandas as pd

    if column.dtype != object or pd.api.types.infer_dtype(column, skipna=False) == "string":
        return _texts_of_equal_values(column, to_text)
    types = column.map(type)
    distinct_types = types.unique()
    if not all(_equal_means_same_text(kind) for kind in distinct_types):
        return [to_text(value) for value in column]
    texts = np.empty(len(column), dtype=object)
    for kind in distinct_types:
        same = (types == kind).to_numpy()
        texts[same] = _texts_of_equal_values(column[same], to_text)
    return texts.tolist()


def _equal_means_same_text(kind: type) -> bool:
    """Two equal values of this type have the same text (not so of tuples, nor of dates in two time zones)."""
    import numpy as np

    return kind in (str, int, float, bool, type(None)) or issubclass(kind, np.number | np.bool_)


def _texts_of_equal_values(column, to_text) -> list[str]:
    import numpy as np
    import pandas as pd

    codes, distinct = pd.factorize(column, use_na_sentinel=True)
    texts = np.array([to_text(value) for value in distinct] + [to_text(None)], dtype=object)
    return texts[codes].tolist()  # a missing value (code -1) takes the last text, that of None


@dataclass(frozen=True)
class Table(CellsKind):
    """A table, judged on the `columns` the question names (other columns are allowed), row by row in any
    order: the same rows, no more, no fewer. Numbers in float columns to `decimals`."""

    columns: tuple = ()
    decimals: int | None = None

    def form_error(self, value) -> str | None:
        import pandas as pd

        if value is None:
            return NO_VALUE
        if not isinstance(value, pd.DataFrame):
            return f"Une table (DataFrame) est attendue, pas {type_name(value)}."
        missing = [name for name in self.columns if name not in value.columns]
        if missing:
            return (
                f"Il manque à votre table la ou les colonnes {', '.join(missing)} : vérifiez leur orthographe et "
                "que la table a la forme demandée (une colonne par information, pas un tableau croisé)."
            )
        return None

    def canonical(self, value, rounding: str = "python") -> str:
        return _frame_digest(value[list(self.columns)], self.decimals, rounding)

    def derived_mistakes(self, expected):
        return [
            (
                RowCount(self.columns),
                expected,
                f"Le nombre de lignes est le bon, mais pas le contenu des colonnes {', '.join(self.columns)}.",
            )
        ]


@dataclass(frozen=True)
class RowCount(Table):
    """A table's number of rows only (a derived mistake)."""

    def canonical(self, value, rounding: str = "python") -> str:
        return str(len(value))

    def derived_mistakes(self, expected):
        return []


@dataclass(frozen=True)
class Grid(CellsKind):
    """A two-way table (pivot table, crosstab): one value per row label and column label."""

    decimals: int | None = None
    percent: bool = False

    def form_error(self, value) -> str | None:
        import pandas as pd

        if value is None:
            return NO_VALUE
        if not isinstance(value, pd.DataFrame):
            return f"Un tableau à double entrée est attendu (pivot_table, crosstab), pas {type_name(value)}."
        return None

    def canonical(self, value, rounding: str = "python") -> str:
        rows = [label(row) for row in value.index]
        cells = []
        for position, column in enumerate(value.columns):
            texts = _texts(value.iloc[:, position], lambda v: cell_text(v, self.decimals, rounding))
            cells += [f"{row}\x1f{label(column)}\x1f{text}" for row, text in zip(rows, texts)]
        return "\x1e".join(sorted(cells))

    def derived_mistakes(self, expected):
        mistakes = [(self, expected.T, "Lignes et colonnes sont inversées : échangez index et columns.")]
        if self.percent:
            digits = None if self.decimals is None else self.decimals + 2
            mistakes.append(
                (
                    Grid(digits),
                    expected / 100,
                    "Des proportions (entre 0 et 1) : multipliez par 100 pour des pourcentages.",
                )
            )
        return mistakes


def _attribute(thing, path: str):
    for part in path.split("."):
        thing = getattr(thing, part, None) if not isinstance(thing, dict) else thing.get(part)
    return thing


@dataclass(frozen=True)
class Figure(CellsKind):
    """A plotly figure, judged on what it draws: the `points` attributes of its traces (for example
    ("x", "y") or ("x", "marker.size")), point by point in any order, and on `layout` attributes. A title
    is required when `title`."""

    points: tuple = ("x", "y")
    layout: tuple = ()
    title: bool = True
    decimals: int | None = 6

    def form_error(self, value) -> str | None:
        if value is None:
            return NO_VALUE
        if not hasattr(value, "data") or not hasattr(value, "layout") or type(value).__name__ != "Figure":
            return "Une figure plotly est attendue (par exemple px.bar(...) ou px.line(...)), rangée dans la variable."
        if self.title and not (_attribute(value.layout, "title.text") or "").strip():
            return 'Donnez un titre à la figure : title="..." dans la fonction px.'
        return None

    def canonical(self, value, rounding: str = "python") -> str:
        import pandas as pd

        rows = []
        for trace in value.data:
            columns = [_attribute(trace, path) for path in self.points]
            length = max(
                (len(c) for c in columns if c is not None and not isinstance(c, str | numbers.Number)), default=0
            )
            columns = [
                [None] * length if c is None else list(c) if not isinstance(c, str | numbers.Number) else [c] * length
                for c in columns
            ]
            texts = [_texts(pd.Series(c), lambda v: cell_text(v, self.decimals, rounding)) for c in columns]
            rows += ["\x1f".join(cells) for cells in zip(*texts)]
        layout = [f"{path}={label(_attribute(value.layout, path))}" for path in self.layout]
        return "\x1e".join(sorted(rows)) + "\x1d" + "\x1f".join(layout)


KINDS = {
    kind.__name__: kind
    for kind in (
        Count,
        Number,
        Rounded,
        Percentage,
        Text,
        LooseText,
        Boolean,
        Collection,
        Series,
        SeriesIndex,
        Table,
        RowCount,
        Grid,
        Figure,
    )
}


def kind_from_dict(data: dict) -> Kind:
    fields = {key: tuple(value) if isinstance(value, list) else value for key, value in data.items() if key != "type"}
    return KINDS[data["type"]](**fields)
