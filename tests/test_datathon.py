"""The datathon end to end: prepare a challenge with a secret seed, teams hand in predictions and
notebooks (good, overfitted, malformed, failing, non-reproducible, over the daily limit), the
scorer re-executes the notebooks in the sandbox and writes the leaderboards."""

import csv
import gzip
import os
from datetime import UTC, datetime

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from generators.settings import SIGNALS_FILE
from grading.sandbox import sandbox_available
from tests.conftest import KIT_DIR, run_cli

CHALLENGE = "rehospitalisation"
SECRET = 9876543210_9876543210_9876543210_9876543210  # 40 digits, as prepare draws them
STARTING_KIT = KIT_DIR / "course" / "datathon" / "kit_de_depart_rehospitalisation.ipynb"

MODEL = """
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

entrainement = pd.read_csv(DONNEES_ENTRAINEMENT, dtype={"id": str})
test = pd.read_csv(DONNEES_TEST, dtype={"id": str})
colonnes = ["age", "score_charlson", "sejours_12_mois_precedents", "duree_sejour"]
modele = LogisticRegression(max_iter=1000).fit(entrainement[colonnes], entrainement["cible"])
probabilite = modele.predict_proba(test[colonnes])[:, 1]
"""
WRITE = 'pd.DataFrame({"id": test["id"], "probabilite": probabilite}).to_csv(FICHIER_PREDICTIONS, index=False)\n'
# A team that reads the generator's true model where the scorer re-executes its notebook finds every
# effect set to 0, as in the student kit (its notebook stops otherwise).
READS_THE_TRUE_MODEL = (
    f"effets = open({str(SIGNALS_FILE)!r}, encoding='utf-8').read()\n"
    "assert 'charlson_par_point: 0\\n' in effets, 'les vrais effets sont lisibles'\n"
)
NOISE = "probabilite = np.clip(probabilite + np.random.default_rng().normal(0, 0.05, len(probabilite)), 0, 1)\n"


def team_notebook(code: str):
    parameters = new_code_cell(
        'DONNEES_ENTRAINEMENT = "entrainement.csv"\nDONNEES_TEST = "test.csv"\nFICHIER_PREDICTIONS = "predictions.csv"',
        metadata={"tags": ["parameters"]},
    )
    return new_notebook(
        cells=[parameters, new_code_cell(code)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )


def predictions_of(code: str, data, out) -> None:
    """What a team's notebook writes when the team runs it itself."""
    exec(
        code,
        {
            "DONNEES_ENTRAINEMENT": str(data / "entrainement.csv"),
            "DONNEES_TEST": str(data / "test.csv"),
            "FICHIER_PREDICTIONS": str(out),
        },
    )


@pytest.fixture(scope="module")
def event(tmp_path_factory):
    root = tmp_path_factory.mktemp("datathon")
    prepared = root / "prepare"
    result = run_cli(
        "grading",
        "datathon",
        "prepare",
        CHALLENGE,
        "--secret-seed",
        str(SECRET),
        "--out",
        str(prepared),
        "--patients",
        "20000",
    )
    assert result.returncode == 0, result.stderr
    data = prepared / "participants"
    test = pd.read_csv(data / "test.csv", dtype={"id": str})
    labels = pd.read_csv(prepared / "instructeur" / "etiquettes.csv", dtype={"id": str})
    inbox = root / "soumissions"

    def hand_in(team: str, name: str, notebook=None, predictions: pd.DataFrame | None = None, csv_bytes=None):
        (inbox / team).mkdir(parents=True, exist_ok=True)
        if notebook is not None:
            nbformat.write(notebook, inbox / team / f"{name}.ipynb")
        if predictions is not None:
            predictions.to_csv(inbox / team / f"{name}.csv", index=False)
        if csv_bytes is not None:
            (inbox / team / f"{name}.csv").write_bytes(csv_bytes)

    good = MODEL + WRITE
    predictions_of(good, data, root / "bonne.csv")
    hand_in("bonne", "essai-1", team_notebook(good), pd.read_csv(root / "bonne.csv", dtype={"id": str}))
    noisy = MODEL + NOISE + WRITE
    predictions_of(noisy, data, root / "bruit.csv")
    hand_in("non-reproductible", "essai-1", team_notebook(noisy), pd.read_csv(root / "bruit.csv", dtype={"id": str}))
    hand_in("carnet-seul", "essai-1", team_notebook(good))
    hand_in("lit-le-vrai-modele", "essai-1", team_notebook(READS_THE_TRUE_MODEL + good))
    hand_in("carnet-en-echec", "essai-1", team_notebook(MODEL + "raise ValueError('colonne absente')\n" + WRITE))
    # Overfitted: it learnt the public part by probing the leaderboard, and knows nothing of the rest.
    public = labels.set_index("id")["cible"].where(labels.set_index("id")["partie"] == "public")
    hand_in(
        "surapprise",
        "essai-1",
        predictions=pd.DataFrame({"id": test["id"], "probabilite": test["id"].map(public).fillna(0.5) * 0.9 + 0.05}),
    )
    base = pd.read_csv(root / "bonne.csv", dtype={"id": str})
    hand_in("colonnes-fausses", "essai-1", predictions=base.rename(columns={"probabilite": "proba"}))
    hand_in("hors-bornes", "essai-1", predictions=base.assign(probabilite=base["probabilite"] * 3))
    hand_in("lignes-manquantes", "essai-1", predictions=base.iloc[:-10])
    hand_in("ids-inconnus", "essai-1", predictions=base.assign(id=["X" + i for i in base["id"]]))
    hand_in(
        "valeurs-manquantes", "essai-1", predictions=base.assign(probabilite=base["probabilite"].where(base.index > 3))
    )
    # Compressed, yet named .csv: no text at all.
    hand_in("pas-un-csv", "essai-1", csv_bytes=gzip.compress(base.to_csv(index=False).encode(), mtime=0))
    # 4 handed in today, their file dates set to 3 past days and to the future: the 4th is over the limit
    # of 3 a day all the same (the scorer times a submission by when it first sees it, never by its files).
    for number, day in enumerate((datetime(2026, 11, d, 10, tzinfo=UTC) for d in (18, 19, 20)), 1):
        hand_in("assidue", f"essai-{number}", predictions=base)
        os.utime(inbox / "assidue" / f"essai-{number}.csv", (day.timestamp(), day.timestamp()))
    hand_in("assidue", "essai-4", predictions=base)
    os.utime(inbox / "assidue" / "essai-4.csv", (4102444800, 4102444800))  # 2100

    score = [
        "grading",
        "--root",
        str(root),
        "datathon",
        "score",
        CHALLENGE,
        str(inbox),
        "--prepared",
        str(prepared),
        "--workers",
        "2",
    ] + ([] if sandbox_available() else ["--no-sandbox"])
    (root / "jury.csv").write_text("equipe,pertinence,presentation\nbonne,16,14\nsurapprise,8,12\n")
    public_run = run_cli(*score, "--out", str(root / "public"))
    private_run = run_cli(*score, "--phase", "prive", "--jury", str(root / "jury.csv"))  # reads the re-executions
    return root, public_run, private_run, labels


def board(root, name="leaderboard.csv") -> dict[str, dict]:
    with open(root / "reports" / "datathon" / CHALLENGE / name, newline="", encoding="utf-8") as file:
        return {row["equipe"]: row for row in csv.DictReader(file)}


def test_prepare_keeps_labels_with_the_instructor(event, tmp_path, cli):
    root, *_, labels = event
    data = root / "prepare" / "participants"
    assert sorted(p.name for p in data.iterdir()) == [
        "LISEZMOI.md",
        "entrainement.csv",
        "exemple_predictions.csv",
        "test.csv",
    ]
    test = pd.read_csv(data / "test.csv", dtype={"id": str})
    assert "cible" not in test.columns and set(test["id"]) == set(labels["id"])
    assert str(SECRET) not in "".join(
        p.read_text(encoding="utf-8") for p in (root / "prepare").rglob("*.*") if p.suffix in (".json", ".md")
    )
    result = cli("grading", "datathon", "prepare", CHALLENGE, "--secret-seed", "2024", "--out", str(tmp_path / "x"))
    assert result.returncode == 2 and "too short to stay secret" in result.stderr and not (tmp_path / "x").exists()


def test_scorer_never_crashes_and_names_every_problem(event):
    root, public_run, private_run, _ = event
    assert public_run.returncode == 0, public_run.stderr
    assert private_run.returncode == 0, private_run.stderr
    rows = board(root)
    reasons = {
        "colonnes-fausses": "colonnes attendues : id, probabilite",
        "hors-bornes": "hors de [0, 1]",
        "lignes-manquantes": "lignes au lieu de",
        "ids-inconnus": "id inconnus",
        "valeurs-manquantes": "probabilités manquantes",
        "pas-un-csv": "fichier illisible comme CSV",
        "carnet-en-echec": "le carnet ré-exécuté n'a pas abouti",
    }
    for team, reason in reasons.items():
        assert rows[team]["statut"] in ("invalid", "failed") and reason in rows[team]["raison"], rows[team]
    assert "colonne absente" in rows["carnet-en-echec"]["raison"]


def test_notebooks_are_re_executed_and_checked(event):
    rows = board(event[0])
    assert rows["bonne"]["statut"] == "scored" and rows["bonne"]["indicateurs"] == ""
    assert rows["non-reproductible"]["indicateurs"] == "non_reproductible"
    assert rows["carnet-seul"]["statut"] == "scored"  # scored on its re-execution
    if sandbox_available():  # without a sandbox, a team's code reads what the scorer's user reads
        assert rows["lit-le-vrai-modele"]["statut"] == "scored", rows["lit-le-vrai-modele"]
    assert float(rows["carnet-seul"]["auroc_public"]) == float(rows["bonne"]["auroc_public"])
    assert rows["surapprise"]["indicateurs"] == "sans_carnet"
    assert 0.6 < float(rows["bonne"]["auroc_public"]) < 0.9


def test_daily_limit_and_public_phase_shows_only_public_figures(event):
    root = event[0]
    with open(root / "public" / "soumissions.csv", newline="", encoding="utf-8") as file:
        diligent = [row for row in csv.DictReader(file) if row["equipe"] == "assidue"]
    assert [row["statut"] for row in diligent] == ["scored", "scored", "scored", "over_limit"]
    assert "au plus 3 par jour" in diligent[3]["raison"]
    public = pd.read_csv(root / "public" / "leaderboard.csv")
    assert "auroc_public" in public and not [c for c in public.columns if c.endswith("_prive")]
    page = (root / "public" / "leaderboard.html").read_text(encoding="utf-8")
    assert "Classement public" in page and "privé" not in page.split("<table")[1]


def test_private_phase_reveals_overfitting_and_merges_the_jury(event):
    root = event[0]
    rows = board(root)
    overfit = rows["surapprise"]
    assert float(overfit["auroc_public"]) > 0.95 and float(overfit["auroc_prive"]) < 0.6
    assert float(rows["bonne"]["note_finale"]) > float(overfit["note_finale"])
    assert rows["bonne"]["rang_final"] == "1.0"
    assert rows["carnet-seul"]["note_finale"] == ""  # no jury mark yet
    page = (root / "reports" / "datathon" / CHALLENGE / "leaderboard.html").read_text(encoding="utf-8")
    assert "Classement final" in page and page.count("plotly-graph-div") >= 2


def test_starting_kit_runs_on_the_prepared_data(event, tmp_path):
    import papermill

    data = event[0] / "prepare" / "participants"
    out = tmp_path / "predictions.csv"
    papermill.execute_notebook(
        STARTING_KIT,
        tmp_path / "kit.ipynb",
        kernel_name="python3",
        progress_bar=False,
        parameters={
            "DONNEES_ENTRAINEMENT": str(data / "entrainement.csv"),
            "DONNEES_TEST": str(data / "test.csv"),
            "FICHIER_PREDICTIONS": str(out),
        },
    )
    from grading.datathon.score import read_predictions

    test_ids = pd.Index(pd.read_csv(data / "test.csv", dtype={"id": str})["id"])
    assert len(read_predictions(out, test_ids)) == len(test_ids)


def test_a_mistake_in_a_challenge_file_is_named(tmp_path, cli):
    text = (KIT_DIR / "course" / "datathon" / f"{CHALLENGE}.yml").read_text(encoding="utf-8")
    bad = tmp_path / "defi.yml"
    bad.write_text(text.replace("cible: readmission_30_jours", "cible: mortalite"), encoding="utf-8")
    result = cli("grading", "datathon", "prepare", str(bad), "--secret-seed", str(SECRET), "--out", str(tmp_path / "x"))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert (
        f"{bad}: cible: expected one of readmission_30_jours, sejour_long, admission_apres_urgences, got 'mortalite'"
        in result.stderr
    )


def test_a_notebook_is_re_executed_once_for_every_scoring(event):
    """Four notebooks ran (the good one, handed in by two teams as two files, the noisy one and the one that
    reads the generator's model, which fails without a sandbox); the failing one left nothing. The private
    phase, scored after the public one, read them instead of running them."""
    root, public_run, private_run, _ = event
    kept = sorted((root / "prepare" / "instructeur" / "reexecutions").glob("*.csv"))
    assert len(kept) == (4 if sandbox_available() else 3), kept
    assert board(root)["carnet-seul"]["statut"] == "scored"
