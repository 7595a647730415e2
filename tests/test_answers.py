"""Answers as data: what a kernel can hand to its grade comes back as plain values, or is refused."""

import json

import numpy as np
import pandas as pd
import pytest

from grading.answers import InvalidAnswers, Refused, capture, decode, decode_answers, encode


def round_trip(value):
    return decode(json.loads(json.dumps(encode(value))))


@pytest.mark.parametrize(
    "value",
    [
        0,
        -(2**80),
        1.5,
        "Île-de-France",
        None,
        ...,  # an answer cell's stub, not answered yet
        True,
        [1, [2, "a"]],
        (1, 2),
        {3, 4},
        {"a": 1, 2: (3, 4)},
        pd.Timestamp("2024-12-06 10:30"),
        pd.Series([3, 1], index=["Bretagne", "Corse"], name="count"),
        pd.DataFrame({"a": [1, 2], 3: ["x", "y"]}),
        pd.crosstab(pd.Series([1, 2, 1], name="r"), pd.Series(["a", "b", "a"], name="k")),
    ],
    ids=repr,
)
def test_plain_values_come_back_equal(value):
    back = round_trip(value)
    if isinstance(value, pd.DataFrame):
        pd.testing.assert_frame_equal(back, value)
    elif isinstance(value, pd.Series):
        pd.testing.assert_series_equal(back, value)
    else:
        assert back == value and type(back) is type(value)


def test_a_plotly_figure_comes_back_as_its_data():
    import plotly.express as px

    figure = px.scatter(pd.DataFrame({"x": [1.5, 2.5], "y": [3, 4], "n": [10, 20]}), x="x", y="y", size="n", title="T")
    back = round_trip(figure)
    assert back.layout.title.text == "T" and back.data[0].type == "scatter"
    assert list(back.data[0].x) == [1.5, 2.5] and list(back.data[0].marker.size) == [10, 20]


def test_pandas_indexes_and_arrays_are_plain():
    column = pd.Series(["b", "a", "b"], name="patient_id")
    assert list(round_trip(column.unique())) == ["b", "a"]
    index = round_trip(column.value_counts().index)
    assert type(index) is pd.Index and list(index) == ["b", "a"] and index.name == "patient_id"


def test_numpy_scalars_and_arrays_are_plain():
    assert round_trip(np.int64(7)) == 7 and type(round_trip(np.int64(7))) is int
    assert type(round_trip(np.float32(0.5))) is float and round_trip(np.bool_(True)) is True
    assert (round_trip(np.array([[1, 2], [3, 4]])) == np.array([[1, 2], [3, 4]])).all()


class EqualToAnything(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class Disguised:
    __class__ = property(lambda self: int)


@pytest.mark.parametrize(
    "value",
    [EqualToAnything(0), Disguised(), type("Texte", (str,), {})("x"), object(), [1, EqualToAnything(2)], print],
    ids=["int-subclass", "faked-class", "str-subclass", "object", "nested", "function"],
)
def test_anything_else_is_refused_with_its_type(value, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    capture("q1-test", ["reponse"], {}, {"reponse": value})
    (answer,) = decode_answers((tmp_path / "reponses" / "q1-test.json").read_text(), ["reponse"]).values()
    assert isinstance(answer, Refused) and not answer.absent and "donnée simple" in answer.reason


@pytest.mark.parametrize(
    "node",
    [{"$": "eval", "v": "__import__('os')"}, {"a": 1}, {"$": "dataframe", "columns": [[], []], "v": "pas du parquet"}],
)
def test_what_capture_could_not_have_written_is_invalid(node):
    with pytest.raises(InvalidAnswers):
        decode(node)


def test_a_function_is_known_by_what_it_returned(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    namespace = {"compter": lambda ids: {"n": len(ids)}, "ids": ["a", "b"]}
    capture("q8-test", [], {"compter": ["ids", "['c']"]}, namespace)
    (recorded,) = decode_answers((tmp_path / "reponses" / "q8-test.json").read_text(), ["compter"]).values()
    assert recorded(["a", "b"]) == {"n": 2} and recorded(["c"]) == {"n": 1}
    with pytest.raises(LookupError):
        recorded(["autre"])
