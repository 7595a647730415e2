"""The tolerance policy (participant/answer_kinds.py) and the answer key: the visible check and the grade
judge alike, the key holds no readable value, and another dataset gets a form check only."""

import base64
import functools
import json
import zlib

import numpy as np
import pandas as pd
import plotly.express as px
import pytest

from participant import checks
from participant.answer_kinds import (
    NOT_ANSWERED,
    Collection,
    Count,
    Figure,
    Grid,
    Number,
    Percentage,
    Series,
    Table,
    Text,
)
from participant.checks import RECORD_ENV, WrongAnswer, check_answer, grade_answer, make_answer_key


def verdict(question, answer, expected, kind, mistakes=None):
    try:
        grade_answer(question, answer, expected, kind, mistakes)
        return "right"
    except WrongAnswer as wrong:
        return str(wrong)


@pytest.mark.parametrize(
    "kind, expected, answer",
    [
        (Count(), 30000, np.int64(30000)),
        (Count(), 30000, 30000.0),
        (Number(decimals=1), 51.4876, 51.5),
        (Number(decimals=1), 51.4876, np.float32(51.4876)),
        (Number(decimals=2), 0.125, 0.12500000001),
        (Percentage(decimals=1), 49.95, 49.95 - 1e-12),  # a hair's breadth from a rounding boundary
        (Text(), "Île-de-France", " Île-de-France "),
        (Collection(), ["P1", "P2"], np.array(["P2", "P1", "P1"])),
        (Collection(), ["P1", "P2"], pd.Series(["P2", "P1"], dtype="string[pyarrow]").unique()),
        (Series(), pd.Series({"a": 2, "b": 3}), {"b": 3, "a": 2}),
        (Series(decimals=1), pd.Series({"a": 2.04}), pd.DataFrame({"x": [2.0]}, index=["a"])),
        (Table(columns=("id",)), pd.DataFrame({"id": [1, 2]}), pd.DataFrame({"id": [2, 1], "autre": [0, 0]})),
        (Table(columns=("n",), decimals=1), pd.DataFrame({"n": [3, 0]}), pd.DataFrame({"n": [3.0, 0.0]})),
        (Series(), pd.Series({"I": 2}), pd.DataFrame({"chapitre": ["I", "I"]}).value_counts()),
        (Grid(decimals=1), pd.DataFrame({"x": [1.0]}, index=["r"]), pd.DataFrame({"x": [1.04]}, index=["r"])),
    ],
)
def test_fair_answers_are_right(kind, expected, answer):
    assert verdict("q", answer, expected, kind) == "right"


@pytest.mark.parametrize(
    "kind, expected, answer, says",
    [
        (Count(), 30000, 30001, "borne"),
        (Count(), 30000, (30000, 12), "virgule"),
        (Count(), 30000, pd.Series([1, 2]), "colonne de 2 valeur"),
        (Number(decimals=1), 51.4876, 51.0, "Arrondi trop fort"),
        (Number(decimals=1), 51.4876, "51,5", "texte"),
        (Number(decimals=1), 51.4876, float("nan"), "NaN"),
        (Percentage(decimals=1), 51.4876, 0.514876, "proportion"),
        (Percentage(decimals=1), 51.4876, 48.5124, "autre groupe"),
        (Percentage(decimals=1), 51.4876, 514.876, "entre 0 et 100"),
        (Text(), "Île-de-France", "ile de france", "orthographe"),
        (Series(ordered=True), pd.Series({"a": 3, "b": 2}), pd.Series({"b": 2, "a": 3}), "ordre"),
        (Series(), pd.Series({"a": 3, "b": 2}), pd.Series({"a": 1, "b": 1}), "catégories"),
        (Series(percent=True, decimals=1), pd.Series({"a": 60.0}), pd.Series({"a": 0.6}), "proportions"),
        (Table(columns=("id",)), pd.DataFrame({"id": [1, 2]}), pd.DataFrame({"id": [1, 3]}), "nombre de lignes"),
        (
            Grid(),
            pd.DataFrame({"x": [1], "y": [2]}, index=["r"]),
            pd.DataFrame({"r": [1, 2]}, index=["x", "y"]),
            "invers",
        ),
    ],
)
def test_mistakes_say_what_kind_of_wrong(kind, expected, answer, says):
    assert says in verdict("q", answer, expected, kind)


def test_an_answer_no_kind_foresaw_is_wrong_in_french():
    expected = pd.DataFrame({"taux": [1.0, 2.0]})
    answer = pd.DataFrame({"taux": [float("inf"), object()]})
    assert verdict("q", answer, expected, Table(columns=("taux",), decimals=1)) != "right"


def test_an_untouched_stub_is_not_an_answer_yet():
    assert verdict("q", ..., 3, Count()) == NOT_ANSWERED
    assert verdict("q", {"tous": 2.5, "complete": ...}, {"tous": 2.5, "complete": 4.0}, Series(1)) == NOT_ANSWERED


def test_a_figure_is_judged_on_what_it_draws():
    frame = pd.DataFrame({"mois": ["janv.", "févr."], "sejours": [10, 12]})
    drawn = px.bar(frame, x="mois", y="sejours", title="Séjours par mois")
    assert verdict("q", drawn, drawn, Figure()) == "right"
    assert "titre" in verdict("q", px.bar(frame, x="mois", y="sejours"), drawn, Figure())
    other = px.bar(frame.assign(sejours=[10, 13]), x="mois", y="sejours", title="Séjours")
    assert verdict("q", other, drawn, Figure()) != "right"


@pytest.fixture
def keyed(tmp_path, monkeypatch):
    """An answer key made as the release makes it: grade_answer run in record mode on the expected answer."""
    records = tmp_path / "records.jsonl"
    monkeypatch.setenv(RECORD_ENV, str(records))
    expected = 51.4876
    grade_answer("q2", expected, expected, Percentage(decimals=1), {"C'est la médiane.": 50.2})
    monkeypatch.delenv(RECORD_ENV)
    key = make_answer_key(
        [json.loads(line) for line in records.read_text().splitlines()], "jeu-a", "sel", {"q2": ["taux"]}
    )
    monkeypatch.setattr(checks, "_loaded_datasets", lambda: {"jeu-a"})
    checks.load_answer_keys(key)
    yield key, expected
    checks._key.clear()


def test_the_check_and_the_grade_say_the_same(keyed, capsys):
    _key, expected = keyed
    for answer in (51.49, 51.5, 50.2, 0.514876, 48.5124, 51.0, 60.0, "51,5", ..., None, np.float64(51.4876)):
        graded = verdict("q2", answer, expected, Percentage(decimals=1), {"C'est la médiane.": 50.2})
        try:
            check_answer("q2", answer)
            checked = "right" if "✅" in capsys.readouterr().out else "?"
        except WrongAnswer as wrong:
            checked = str(wrong)
        assert checked == graded, answer


def test_the_key_holds_no_readable_answer(keyed):
    key, _expected = keyed
    text = zlib.decompress(base64.b64decode(key)).decode()
    assert "51.5" not in text and "51.4876" not in text and "50.2" not in text


def test_another_dataset_gets_a_form_check_only(keyed, monkeypatch, capsys):
    monkeypatch.setattr(checks, "_loaded_datasets", lambda: {"jeu-b"})
    check_answer("q2", 12.0)  # wrong on jeu-a, but this is not jeu-a: no verdict on the value
    assert "la valeur sera vérifiée à la correction" in capsys.readouterr().out
    with pytest.raises(WrongAnswer, match="entre 0 et 100"):
        check_answer("q2", 512.0)


def test_a_tie_rounded_by_pandas_is_as_right_as_by_python():
    """4.175 is 4.17499... in binary: Python rounds it to 4.17, pandas and school rounding to 4.18."""
    expected = pd.Series({"a": 4.175, "b": 0.125})
    for answer in (expected.round(2), pd.Series({"a": 4.18, "b": 0.13}), expected):
        assert verdict("q", answer, expected, Series(decimals=2)) == "right"
    assert verdict("q", pd.Series({"a": 4.19, "b": 0.13}), expected, Series(decimals=2)) != "right"


def rounded_text(value, rounding):
    from participant.answer_kinds import cell_text

    return cell_text(value, 1, rounding)


def test_a_table_is_read_once_per_distinct_value_with_the_texts_of_each_cell():
    """A table's canonical form reads each distinct value once; it stays that of each cell, missing
    values, dates, categories, nullable integers and columns of mixed objects (True, 1, 1.0) included."""
    from participant.answer_kinds import ROUNDINGS, _texts, label

    rng = np.random.default_rng(1)
    n = 2_000
    frame = pd.DataFrame(
        {
            "texte": pd.Series(rng.choice(["a", "b ", "É", None], n)),
            "texte_arrow": pd.Series(rng.choice(["a", "b"], n), dtype="string[pyarrow]"),
            "decimal": np.where(rng.random(n) < 0.1, np.nan, rng.random(n).round(3) * 10),
            "zero": np.where(rng.random(n) < 0.5, -0.0, 0.0),
            "entier": rng.integers(0, 100, n),
            "entier_manquant": pd.array(np.where(rng.random(n) < 0.1, None, rng.integers(0, 5, n)), dtype="Int64"),
            "booleen": rng.random(n) < 0.5,
            "jour": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 400, n), "D"),
            "instant": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 10**6, n), "s"),
            "categorie": pd.Categorical(rng.choice(["x", "y"], n)),
            "melange": pd.Series(rng.choice(np.array([True, 1, 1.0, "1", None, np.nan], dtype=object), n)),
        }
    )
    frame.loc[::7, "jour"] = pd.NaT
    paris, utc = pd.Timestamp("2024-01-01 01:00", tz="Europe/Paris"), pd.Timestamp("2024-01-01 00:00", tz="UTC")
    lists = [  # a figure's points, and objects pandas takes for equal where their texts differ
        [1, 2.5, None, 2.5],
        [True, 1, 1.0],
        ["a", None, "a"],
        [None, None],
        [None] * 50 + [np.float64(0.25), 0.25, np.int64(3), 3, np.True_, True, float("nan"), -0.0, 0],
        [paris, utc, None],
        [(True,), (1,), (1.0,), "1"],
    ]
    columns = [(frame[name], list(frame[name])) for name in frame.columns] + [(pd.Series(v), v) for v in lists]
    for column, cells in columns:
        assert _texts(column, label) == [label(value) for value in cells], cells[:5]
        for rounding in ROUNDINGS:
            to_text = functools.partial(rounded_text, rounding=rounding)
            assert _texts(column, to_text) == [to_text(value) for value in cells], cells[:5]
