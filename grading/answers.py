"""Answers as data: what a submission hands to its grade, and nothing else.

In the student's kernel, inside the sandbox, `capture(question, names, calls, namespace)` writes the
values of the names a question declares (its test cell's metadata `kit.reponses`, and what the functions
of `kit.appels` return) as plain data: None, booleans, numbers (numpy's included), strings, dates,
lists, tuples, sets and dicts of those; pandas tables, series, indexes and arrays and numpy arrays as
Parquet; plotly figures as their data. Any other object (a class of the student's, a subclass of a
builtin, an object with its own `__eq__`) is recorded as refused, with its type.

Outside the kernel, `decode` rebuilds those values from JSON and Parquet only: whatever the student's
code did to `capture`, no object, method or class of theirs can come back, only plain values built
by trusted code.
"""

import base64
import datetime
import io
import json
import math
from pathlib import Path

ANSWERS_FOLDER = "reponses"  # in the sandbox's working folder: one JSON file per question
MAX_DEPTH = 20
MISSING = {"$": "absent"}


class Refused:
    """A value that was not plain data: the question scores 0 and says why."""

    def __init__(self, name: str, kind: str, why: str = ""):
        self.name, self.kind, self.why = name, kind, why

    def __repr__(self) -> str:
        return f"<réponse refusée : {self.kind}>"

    @property
    def absent(self) -> bool:
        return self.kind == "absent"

    @property
    def reason(self) -> str:
        if self.absent and self.why:
            return f"« {self.name} » n'a pas pu être relevé pendant la correction ({self.why})"
        if self.absent:
            return f"« {self.name} » n'est pas défini : la cellule de réponse a-t-elle été exécutée ?"
        return (
            f"la valeur de « {self.name} » n'est pas une donnée simple (un objet de type {self.kind}) : "
            "donnez un nombre, un texte, une liste, un dictionnaire ou un tableau pandas"
        )


class NotPlainData(TypeError):
    """Raised by `encode` for a value that is not plain data; its message is the value's type."""


class InvalidAnswers(ValueError):
    """What came back is not an encoding `capture` could have written."""


# In the student's kernel ------------------------------------------------------------------------------


def capture(question: str, names: list[str], calls: dict[str, list[str]], namespace: dict) -> None:
    """Writes the values of `names`, and what each function of `calls` returns for each of its argument
    lists (Python source, evaluated here), for the question's tests to read outside this kernel."""
    values = {name: _plain(namespace[name]) if name in namespace else MISSING for name in names}
    for function, argument_lists in calls.items():
        if function not in namespace:
            values[function] = MISSING
            continue
        records = []
        for source in argument_lists:
            arguments = eval(f"({source},)", namespace)  # the instructor's expression, in the learner's kernel
            try:
                returned = _plain(namespace[function](*arguments))
            except Exception as failure:  # noqa: BLE001 - the learner's function failed: said in the test
                returned = {"$": "erreur", "v": f"{type(failure).__name__}: {failure}"[:300]}
            records.append([encode(list(arguments)), returned])
        values[function] = {"$": "appels", "v": records}
    folder = Path(ANSWERS_FOLDER)
    folder.mkdir(exist_ok=True)
    (folder / f"{question}.json").write_text(json.dumps(values), encoding="utf-8")


def _plain(value):
    try:
        return encode(value)
    except NotPlainData as refused:
        return {"$": "refuse", "type": str(refused)[:200]}
    except Exception as failure:  # noqa: BLE001 - the kernel could not write it (no memory, no thread...)
        return {"$": "absent", "why": f"{type(failure).__name__}: {failure}"[:200]}


def encode(value, depth: int = 0):
    import numpy as np
    import pandas as pd

    if depth > MAX_DEPTH:
        raise NotPlainData("structure trop profonde")
    kind = type(value)
    if value is None or kind in (bool, str):
        return value
    if value is Ellipsis:  # the stub of an answer cell: not answered yet
        return {"$": "ellipsis"}
    if kind is int:
        return value if abs(value) < 2**63 else {"$": "int", "v": str(value)}
    if kind is float or kind is np.float64 or kind is np.float32 or kind is np.float16:
        number = float(value)
        return number if math.isfinite(number) else {"$": "float", "v": repr(number)}
    if kind is np.bool_:
        return bool(value)
    if isinstance(value, np.integer) and kind.__module__ == "numpy":
        return int(value)
    if kind is list:
        return [encode(item, depth + 1) for item in value]
    if kind in (tuple, set, frozenset):
        return {"$": kind.__name__, "v": [encode(item, depth + 1) for item in value]}
    if kind is dict:
        return {"$": "dict", "v": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    if kind is pd.Timestamp or kind is datetime.datetime:
        return {"$": "timestamp", "v": pd.Timestamp(value).isoformat()}
    if kind is datetime.date:
        return {"$": "date", "v": value.isoformat()}
    if kind is pd.Timedelta or kind is datetime.timedelta:
        return {"$": "timedelta", "v": pd.Timedelta(value).value}
    if kind is pd.DataFrame:
        columns = [encode(list(value.columns), depth + 1), encode(list(value.columns.names), depth + 1)]
        return {"$": "dataframe", "columns": columns, "v": _parquet(value)}
    if kind is pd.Series:
        return {"$": "series", "name": encode(value.name, depth + 1), "v": _parquet(value.to_frame())}
    if kind in (pd.Index, pd.RangeIndex, pd.DatetimeIndex):
        return {"$": "index", "name": encode(value.name, depth + 1), "v": _parquet(value.to_frame(index=False))}
    if isinstance(value, pd.api.extensions.ExtensionArray) and kind.__module__.startswith("pandas."):
        return {"$": "pandas_array", "v": _parquet(pd.Series(value).to_frame())}  # .unique() of a column
    if kind is np.ndarray and value.ndim in (1, 2):
        return {"$": "array", "ndim": value.ndim, "v": _parquet(pd.DataFrame(value.reshape(len(value), -1)))}
    if f"{kind.__module__}.{kind.__qualname__}" == "plotly.graph_objs._figure.Figure":
        return {"$": "figure", "v": encode(_figure_data(value.to_plotly_json()), depth + 1)}
    raise NotPlainData(f"{kind.__module__}.{kind.__qualname__}")


def _figure_data(node):
    """A plotly figure's JSON as plain values: its tuples as lists, its typed arrays as arrays."""
    if type(node) is dict:
        return {key: _figure_data(value) for key, value in node.items()}
    if type(node) in (list, tuple):
        return [_figure_data(value) for value in node]
    return node


def _parquet(frame) -> str:
    """The table in Parquet, its columns named by position (their names travel as data beside it)."""
    buffer = io.BytesIO()
    frame.set_axis([f"c{i}" for i in range(frame.shape[1])], axis=1).to_parquet(buffer)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


# Outside the kernel -----------------------------------------------------------------------------------


def decode_answers(text: str, names: list[str]) -> dict:
    """The values of `names` in one question's answers file: plain values, or Refused."""
    try:
        encoded = json.loads(text)
    except (ValueError, RecursionError) as problem:
        raise InvalidAnswers(f"answers that are not JSON: {problem}") from None
    if not isinstance(encoded, dict):
        raise InvalidAnswers("answers that are not a mapping")
    values = {}
    for name in names:
        node = encoded.get(name, MISSING)
        if isinstance(node, dict) and node.get("$") in ("absent", "refuse"):
            kind = "absent" if node["$"] == "absent" else str(node.get("type", "?"))[:200]
            values[name] = Refused(name, kind, str(node.get("why", ""))[:200])
        elif isinstance(node, dict) and node.get("$") == "appels":
            values[name] = _calls(name, node, 0)
        else:
            values[name] = decode(node)
    return values


def decode(node, depth: int = 0):
    if depth > MAX_DEPTH:
        raise InvalidAnswers("a structure too deep")
    if node is None or type(node) in (bool, int, float, str):
        return node
    if type(node) is list:
        return [decode(item, depth + 1) for item in node]
    if type(node) is not dict or type(node.get("$")) is not str:
        raise InvalidAnswers(f"an unknown value: {type(node).__name__}")
    kind, value = node["$"], node.get("v")
    try:
        return _DECODERS[kind](node, value, depth)
    except KeyError:
        raise InvalidAnswers(f"an unknown kind of value: {kind[:40]}") from None
    except InvalidAnswers:
        raise
    except Exception as problem:  # a malformed table, date or number
        raise InvalidAnswers(f"a malformed {kind[:40]}: {type(problem).__name__}") from None


def _items(value, depth):
    if type(value) is not list:
        raise InvalidAnswers("a collection that is not a list")
    return [decode(item, depth + 1) for item in value]


def _dict(node, value, depth):
    pairs = _items(value, depth)
    if not all(type(pair) is list and len(pair) == 2 for pair in pairs):
        raise InvalidAnswers("a dict whose items are not pairs")
    return {_hashable(key): item for key, item in pairs}


def _hashable(key):
    hash(key)
    return key


def _table(value, width: int | None = None):
    import pandas as pd

    if type(value) is not str:
        raise InvalidAnswers("a table that is not text")
    frame = pd.read_parquet(io.BytesIO(base64.b64decode(value, validate=True)))
    if list(frame.columns) != [f"c{i}" for i in range(frame.shape[1])] or width not in (None, frame.shape[1]):
        raise InvalidAnswers("a table whose columns are not the ones written")
    return frame


def _dataframe(node, value, depth):
    import pandas as pd

    columns, names = decode(node.get("columns"), depth + 1)
    if type(columns) is not list or type(names) is not list:
        raise InvalidAnswers("a table without its column names")
    frame = _table(value, len(columns))
    tuples = columns and all(type(name) is tuple for name in columns)
    frame.columns = pd.MultiIndex.from_tuples(columns) if tuples else pd.Index(columns)
    frame.columns.names = names
    return frame


def _series(node, value, depth):
    series = _table(value, 1)["c0"]
    series.name = _hashable(decode(node.get("name"), depth + 1))
    return series


def _index(node, value, depth):
    import pandas as pd

    return pd.Index(_table(value, 1)["c0"], name=_hashable(decode(node.get("name"), depth + 1)))


def _array(node, value, depth):
    values = _table(value).to_numpy()
    return values if node.get("ndim") == 2 else values[:, 0]


def _number(text: str) -> float:
    number = float(text)
    if math.isfinite(number):
        raise InvalidAnswers("a finite number written as text")
    return number


def _timestamp(node, value, depth):
    import pandas as pd

    return pd.Timestamp(str(value))


def _timedelta(node, value, depth):
    import pandas as pd

    return pd.Timedelta(int(value))


def _figure(node, value, depth):
    import plotly.graph_objects as go

    figure = decode(value, depth + 1)
    if type(figure) is not dict:
        raise InvalidAnswers("a figure that is not a mapping")
    return go.Figure(_typed_arrays(figure))


TYPED_ARRAYS = {"i1", "u1", "i2", "u2", "i4", "u4", "f4", "f8"}  # plotly's binary arrays: {dtype, bdata[, shape]}


def _typed_arrays(node):
    """The figure with plotly's base64 arrays read as the numpy arrays they stand for, as in the kernel."""
    import numpy as np

    if type(node) is list:
        return [_typed_arrays(item) for item in node]
    if type(node) is not dict:
        return node
    if set(node) in ({"dtype", "bdata"}, {"dtype", "bdata", "shape"}) and node["dtype"] in TYPED_ARRAYS:
        values = np.frombuffer(base64.b64decode(str(node["bdata"]), validate=True), dtype=node["dtype"])
        if "shape" in node:
            values = values.reshape([int(size) for size in str(node["shape"]).split(",")])
        return values
    return {key: _typed_arrays(item) for key, item in node.items()}


class RecordedFunction:
    """A learner's function, outside their kernel: what it returned for the argument lists it was called
    with there. Called with one of those, it returns that; with anything else, it says so."""

    def __init__(self, name: str, records: list[tuple[list, object]]):
        self.name, self.records = name, records

    def __call__(self, *arguments):
        for recorded, returned in self.records:
            if recorded == list(arguments):
                if isinstance(returned, CallFailed):
                    raise RuntimeError(f"{self.name} a échoué : {returned.message}")
                return returned
        raise LookupError(f"{self.name} n'a pas été appelée avec ces arguments pendant la correction")


class CallFailed:
    def __init__(self, message: str):
        self.message = message


def _calls(name: str, node, depth: int) -> RecordedFunction:
    records = []
    for pair in node.get("v") if type(node.get("v")) is list else ():
        if type(pair) is not list or len(pair) != 2:
            raise InvalidAnswers("a recorded call that is not a pair")
        arguments, returned = decode(pair[0], depth + 1), pair[1]
        if type(returned) is dict and returned.get("$") == "erreur":
            returned = CallFailed(str(returned.get("v"))[:300])
        elif type(returned) is dict and returned.get("$") == "refuse":
            returned = CallFailed(f"elle rend un objet qui n'est pas une donnée simple ({returned.get('type')})")
        else:
            returned = decode(returned, depth + 1)
        records.append((arguments, returned))
    return RecordedFunction(name, records)


_DECODERS = {
    "ellipsis": lambda node, value, depth: Ellipsis,
    "int": lambda node, value, depth: int(str(value)[:400]),
    "float": lambda node, value, depth: _number(str(value)),
    "tuple": lambda node, value, depth: tuple(_items(value, depth)),
    "set": lambda node, value, depth: {_hashable(item) for item in _items(value, depth)},
    "frozenset": lambda node, value, depth: frozenset(_hashable(item) for item in _items(value, depth)),
    "dict": _dict,
    "timestamp": _timestamp,
    "date": lambda node, value, depth: datetime.date.fromisoformat(str(value)),
    "timedelta": _timedelta,
    "dataframe": _dataframe,
    "series": _series,
    "array": _array,
    "index": _index,
    "pandas_array": lambda node, value, depth: _table(value, 1)["c0"].array,
    "figure": _figure,
}
