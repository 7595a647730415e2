"""The slips a never-coded learner makes most, in a real kernel with the course's set-up: one French line
(« ❌ ... ») with a hint, Python's own message kept below, folded; other errors shown as usual."""

import pytest

from tests.test_self_checks import Kernel

SLIPS = {  # code: what the French line must say
    "patients.head()": "n'existe pas encore",
    "Table.head()": "vouliez-vous dire « table »",
    'table["échec"]': "Vouliez-vous dire « echec »",
    'table[(table["age"] > 1) and (table["age"] < 5)]': "& (et)",
    'table[1 < table["age"] < 5]': "between",
    "print((1 + 2)": "jamais refermé",
    'print("bonjour)': "pas refermé",
    'x = float("51,5")': "point",
    "f\"{table['age'].mean:.1f}\"": None,  # not a common slip: Python's own message
    "print(f\"{table['age']:.1f}\")": "colonne entière",
    "table.shape()": "enlevez les parenthèses",
    "table.moyenne()": "vérifiez l'orthographe",
    "if 1 > 0\n    print(1)": "deux-points",
    "1 / 0": "Division par zéro",
    'import hashlib\nhashlib.sha256("abc")': ".encode()",
    'raise RuntimeError("autre chose")': None,
}


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    kernel = Kernel(tmp_path_factory.mktemp("novice"))
    setup = kernel.run(
        "import pandas as pd\nfrom participant.notebook import prepare\nprepare()\n"
        'table = pd.DataFrame({"echec": [0, 1], "age": [3, 40]})'
    )
    assert setup.ok, setup.error
    yield kernel
    kernel.stop()


@pytest.mark.parametrize("code, says", SLIPS.items(), ids=list(SLIPS))
def test_a_common_slip_is_told_in_one_french_line(kernel, code, says):
    ran = kernel.run(code)
    assert not ran.ok, "the cell still fails: Run All stops there, the grader sees the error"
    if says is None:
        assert not ran.line.startswith("❌") and len(ran.error) > 1, ran.error
    else:
        assert ran.line.startswith("❌") and says in ran.line, ran.error
        assert len(ran.error) == 1, "one line; Python's message is folded below it"


def test_a_check_after_a_crashed_answer_cell_does_not_judge_the_old_value(kernel):
    assert kernel.run("reponse = 3").ok
    assert not kernel.run('reponse = table["age"].mean() / 0 + table["inconnue"].sum()').ok
    assert kernel.run(
        "from participant.novice_errors import names_left_by_a_failed_cell as left\nassert 'reponse' in left()"
    ).ok
    assert kernel.run("reponse = 4").ok
    assert kernel.run("assert 'reponse' not in left()").ok
