"""datathon prepare: the hidden data of a challenge, from the instructor's secret seed.

OUT/participants/  what teams receive: entrainement.csv (features and target), test.csv
                   (features only), exemple_predictions.csv, LISEZMOI.md
OUT/instructeur/   what stays with the instructor: etiquettes.csv (test targets, public or
                   private part, fairness groups) and preparation.json

The secret seed (drawn by `prepare` when not given: 40 digits, over 128 bits) is written only to
OUT/instructeur/graine_secrete.txt. Brute force is hopeless, and the public identifiers cannot
give it away: they are keyed hashes whose key derives from the seed (generators.ids).
"""

import hashlib
import json
import secrets
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from common.files import staged_folder
from generators.generate import Options, generate_dataset
from grading.datathon.challenge import Challenge
from grading.datathon.features import GROUPS, prediction_table
from grading.errors import GradingError
from grading.settings import MINIMUM_SECRET_SEED, SECRET_SEED_DIGITS

PARTICIPANTS, INSTRUCTOR = "participants", "instructeur"
LABELS = "etiquettes.csv"
SECRET_FILE = "graine_secrete.txt"


def check_secret(seed: int) -> None:
    if seed < MINIMUM_SECRET_SEED:
        raise GradingError(
            f"--secret-seed {seed} is too short to stay secret (a computer tries billions a second); leave "
            f"--secret-seed out and prepare draws one of {SECRET_SEED_DIGITS} digits, or give one of at least "
            f"{len(str(MINIMUM_SECRET_SEED))} digits"
        )


def draw_secret_seed() -> int:
    low = 10 ** (SECRET_SEED_DIGITS - 1)
    return low + secrets.randbelow(10**SECRET_SEED_DIGITS - low)


def prepare(
    challenge: Challenge, secret_seed: int | None, out: Path, overwrite: bool = False, patients: int | None = None
) -> dict:
    """Writes OUT/participants and OUT/instructeur (atomically: a staging folder renamed into place).
    Without `secret_seed`, one is drawn; it is kept in OUT/instructeur/graine_secrete.txt only."""
    secret_seed = draw_secret_seed() if secret_seed is None else secret_seed
    check_secret(secret_seed)
    with staged_folder(out, overwrite) as staging:
        with tempfile.TemporaryDirectory() as raw:
            options = Options(patients=patients or challenge.patients, seed=secret_seed, years=challenge.years)
            generate_dataset(options, Path(raw) / "donnees")
            tables = {
                name: pd.read_parquet(Path(raw) / "donnees" / f"{name}.parquet")
                for name in ("patients", "etablissements", "sejours", "diagnostics", "urgences")
            }
        table = prediction_table(challenge.target, tables)
        return _write(challenge, table, secret_seed, staging)


def _write(challenge: Challenge, table: pd.DataFrame, secret_seed: int, folder: Path) -> dict:
    rng = np.random.default_rng([secret_seed, 17])
    patients = table["patient_id"].unique()
    part = pd.Series(rng.random(len(patients)), index=patients)
    held_out = table["patient_id"].map(part) < challenge.test_share  # by patient: no leak across the split
    public = rng.random(len(table)) < challenge.public_share
    columns = ["id"] + challenge.features
    train = table.loc[~held_out, columns + ["cible"]]
    test = table.loc[held_out, columns].sample(frac=1, random_state=rng.integers(2**31))  # no order to exploit
    labels = table.loc[held_out, ["id", "cible"] + GROUPS].assign(
        partie=np.where(public[held_out.to_numpy()], "public", "prive")
    )

    (folder / PARTICIPANTS).mkdir(parents=True)
    (folder / INSTRUCTOR).mkdir()
    train.to_csv(folder / PARTICIPANTS / "entrainement.csv", index=False)
    test.to_csv(folder / PARTICIPANTS / "test.csv", index=False)
    pd.DataFrame({"id": test["id"], "probabilite": round(train["cible"].mean(), 4)}).to_csv(
        folder / PARTICIPANTS / "exemple_predictions.csv", index=False
    )
    (folder / PARTICIPANTS / "LISEZMOI.md").write_text(_readme(challenge, len(train), len(test)), encoding="utf-8")
    labels.to_csv(folder / INSTRUCTOR / LABELS, index=False)
    summary = {
        "challenge": challenge.name,
        "target": challenge.target,
        "patients": int(len(patients)),
        "train_rows": int(len(train)),
        "test_rows": int(len(test)),
        "public_rows": int((labels["partie"] == "public").sum()),
        "target_rate_train": round(float(train["cible"].mean()), 4),
        "secret_seed_sha256": hashlib.sha256(str(secret_seed).encode()).hexdigest(),
    }
    (folder / INSTRUCTOR / "preparation.json").write_text(json.dumps(summary, indent=2) + "\n")
    secret = folder / INSTRUCTOR / SECRET_FILE
    secret.write_text(
        f"{secret_seed}\n# Graine secrète du datathon {challenge.name} : ne la donnez à personne. La même graine\n"
        f"# redonne les mêmes données : python -m grading datathon prepare {challenge.name} "
        f"--secret-seed $(head -1 {SECRET_FILE}) --out ...\n",
        encoding="utf-8",
    )
    secret.chmod(0o600)
    return summary


def _readme(challenge: Challenge, train_rows: int, test_rows: int) -> str:
    features = "\n".join(f"- `{name}`" for name in challenge.features)
    return f"""# {challenge.title}

{challenge.question}

## Les fichiers

- `entrainement.csv` : {train_rows} lignes avec les variables et la cible (`cible` : 1 si oui, 0 sinon) ;
- `test.csv` : {test_rows} lignes avec les mêmes variables, sans la cible : c'est à vous de la prédire ;
- `exemple_predictions.csv` : le format attendu, une ligne par `id` du fichier de test.

Les variables :

{features}

## Ce que vous rendez

Un fichier CSV avec deux colonnes, `id` et `probabilite` (un nombre entre 0 et 1), une ligne pour
chaque `id` de `test.csv`, et le carnet qui l'a produit : il est ré-exécuté sur les données de
test pour vérifier que vos prédictions sont reproductibles. Au plus {challenge.daily_limit} soumissions par
équipe et par jour.

## Comment vous êtes classés

- **AUROC** (aire sous la courbe ROC : 0,5 pour le hasard, 1 pour un classement parfait), sur une
  partie du test pendant l'épreuve (classement public), sur l'autre partie à la fin (classement privé) ;
- **score de Brier** (la calibration : vos probabilités sont-elles justes ? plus il est bas, mieux c'est) ;
- **écart d'équité** : le plus grand écart d'AUROC entre groupes ({", ".join(challenge.fairness_groups)}) ;
- un jury note enfin la pertinence et la présentation.
"""
