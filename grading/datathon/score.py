"""datathon score: every team's submissions checked, re-executed, scored; one leaderboard.

SUBMISSIONS/TEAM/ holds a team's submissions: NAME.csv (predictions: id, probabilite) and/or
NAME.ipynb (the notebook that made them), one submission per NAME, timed by when a scoring run first
saw it with that content (instructeur/reception.json; file dates, which teams set, are never used).
A notebook is re-executed with papermill, in the grading sandbox (no network, no labels, time
and memory limits), on the prepared data; its predictions are compared with the submitted
ones (flag `non_reproductible` when they differ); a notebook is re-executed once, its predictions
kept in instructeur/reexecutions/ for the next scorings. A malformed submission gets its reason,
never a crash of the scorer. Beyond `soumissions_par_jour` a day, a submission is listed, not scored.
"""

import hashlib
import io
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, roc_auc_score

from common.files import read_regular_file, write_text_atomically
from grading import settings
from grading.datathon.challenge import Challenge
from grading.datathon.prepare import INSTRUCTOR, LABELS, PARTICIPANTS
from grading.errors import GradingError
from grading.sandbox import Limits, Sandbox
from grading.spreadsheet import frame_csv_text

DAY_ZONE = ZoneInfo(settings.COURSE_TIMEZONE)  # the daily limit counts Paris days
REEXECUTIONS = "reexecutions"  # in the instructor's folder: predictions of notebooks already re-executed
RECEIVED = "reception.json"  # in the instructor's folder: when each submission was first seen, by content


@dataclass
class Submission:
    team: str
    name: str
    time: datetime
    predictions: Path | None = None
    notebook: Path | None = None
    status: str = "scored"  # scored, invalid, failed, over_limit
    reason: str = ""
    flags: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)


def find_submissions(folder: Path) -> list[Submission]:
    if not folder.is_dir():
        raise GradingError(f"{folder} is not a folder; expected SUBMISSIONS/TEAM/NAME.csv or NAME.ipynb")
    found = []
    teams = sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    for team in teams:
        files = [p for p in team.iterdir() if p.suffix in (".csv", ".ipynb") and not p.name.startswith(".")]
        for name in sorted({p.stem for p in files}):
            pair = [p for p in files if p.stem == name]
            links = [p.name for p in pair if p.is_symlink() or not p.is_file()]
            submission = Submission(
                team=team.name,
                name=name,
                time=datetime.now(UTC),  # until stamp_received says when the scorer first saw it
                predictions=next((p for p in pair if p.suffix == ".csv"), None),
                notebook=next((p for p in pair if p.suffix == ".ipynb"), None),
            )
            if links:  # never followed: it could lead to a file of the organisers
                submission.status, submission.reason = "invalid", f"{links[0]} n'est pas un fichier ordinaire (lien ?)"
            found.append(submission)
    if not found:
        raise GradingError(f"no submission in {folder}; expected SUBMISSIONS/TEAM/NAME.csv or NAME.ipynb")
    return sorted(found, key=lambda s: (s.team, s.time, s.name))


def stamp_received(submissions: list[Submission], ledger: Path) -> list[Submission]:
    """Times each submission by when a scoring run first saw it with this content, as recorded in
    `ledger` (the instructor's): never by its files' dates, which a team can set. Returns them sorted
    by team, then time."""
    try:
        seen = json.loads(ledger.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    now = datetime.now(UTC).isoformat()
    for submission in submissions:
        key, fingerprint = f"{submission.team}/{submission.name}", _fingerprint(submission)
        if not isinstance(seen.get(key), dict) or seen[key].get("sha256") != fingerprint:
            seen[key] = {"sha256": fingerprint, "recue": now}
        submission.time = datetime.fromisoformat(seen[key]["recue"])
    ledger.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(ledger, json.dumps(seen, indent=1, sort_keys=True) + "\n")
    return sorted(submissions, key=lambda s: (s.team, s.time, s.name))


def _fingerprint(submission: Submission) -> str:
    digest = hashlib.sha256()
    for path in (submission.predictions, submission.notebook):
        try:
            digest.update(read_regular_file(path, settings.MAX_PREDICTIONS_BYTES) if path else b"-")
        except OSError:
            digest.update(b"?")  # a link or an unreadable file: refused when scored
    return digest.hexdigest()


def enforce_daily_limit(submissions: list[Submission], limit: int) -> None:
    used: dict[tuple[str, object], int] = {}
    for submission in submissions:  # sorted by team, then time
        day = (submission.team, submission.time.astimezone(DAY_ZONE).date())
        used[day] = used.get(day, 0) + 1
        if used[day] > limit:
            submission.status = "over_limit"
            submission.reason = f"{used[day]}e soumission du {day[1]:%d/%m} : au plus {limit} par jour, non évaluée"


def read_predictions(path: Path, test_ids: pd.Index) -> pd.Series:
    """probabilite indexed by id; a ValueError in French says what is wrong with the file."""
    try:
        content = read_regular_file(path, settings.MAX_PREDICTIONS_BYTES)
    except OSError as error:
        raise ValueError(f"fichier refusé : {error.strerror} (un fichier ordinaire est attendu, pas un lien)") from None
    return parse_predictions(content, test_ids)


def parse_predictions(content: bytes, test_ids: pd.Index) -> pd.Series:
    try:
        table = pd.read_csv(io.BytesIO(content), dtype={"id": str})
    except Exception as error:  # any parsing problem means the same for the team
        raise ValueError(f"fichier illisible comme CSV ({str(error).splitlines()[0][:120]})") from None
    if sorted(table.columns) != ["id", "probabilite"]:
        raise ValueError(f"colonnes attendues : id, probabilite ; reçues : {', '.join(map(str, table.columns))}")
    if len(table) != len(test_ids):
        raise ValueError(f"{len(table)} lignes au lieu de {len(test_ids)} (une par id du fichier de test)")
    if table["id"].duplicated().any():
        raise ValueError(f"id en double : {table.loc[table['id'].duplicated(), 'id'].iloc[0]}")
    unknown = table.loc[~table["id"].isin(test_ids), "id"]
    if len(unknown):
        raise ValueError(f"{len(unknown)} id inconnus du fichier de test, par exemple {unknown.iloc[0]}")
    probability = pd.to_numeric(table["probabilite"], errors="coerce")
    if probability.isna().any():
        raise ValueError(f"{int(probability.isna().sum())} probabilités manquantes ou non numériques")
    if ((probability < 0) | (probability > 1)).any():
        raise ValueError(
            f"probabilités hors de [0, 1], par exemple {probability[(probability < 0) | (probability > 1)].iloc[0]:g}"
        )
    return pd.Series(probability.to_numpy(float), index=table["id"])


def metrics(
    probability: pd.Series, labels: pd.DataFrame, groups: list[str], minimum: int, minimum_cases: int
) -> dict[str, float]:
    """AUROC, Brier and fairness gap on the public and the private parts."""
    scored = labels.assign(p=labels["id"].map(probability))
    result = {}
    for part in ("public", "prive"):
        rows = scored[scored["partie"] == part]
        result[f"auroc_{part}"] = roc_auc_score(rows["cible"], rows["p"])
        result[f"brier_{part}"] = brier_score_loss(rows["cible"], rows["p"])
        gaps = []
        for group in groups:
            aurocs = [
                roc_auc_score(g["cible"], g["p"])
                for _, g in rows.groupby(group)
                if len(g) >= minimum and minimum_cases <= g["cible"].sum() <= len(g) - minimum_cases
            ]
            if len(aurocs) >= 2:
                gaps.append(max(aurocs) - min(aurocs))
        result[f"ecart_equite_{part}"] = max(gaps) if gaps else float("nan")
    return {name: round(float(value), 4) for name, value in result.items()}


def score_submissions(
    challenge: Challenge,
    submissions_dir: Path,
    prepared: Path,
    workers: int = settings.WORKERS,
    sandbox: bool = True,
    timeout: int = settings.NOTEBOOK_TIMEOUT,
    memory_gb: float = settings.MEMORY_GB,
    progress=lambda message: None,
) -> list[Submission]:
    data, labels_path = prepared / PARTICIPANTS, prepared / INSTRUCTOR / LABELS
    if not (data / "test.csv").is_file() or not labels_path.is_file():
        raise GradingError(
            f"{prepared} is not a prepared challenge (no {PARTICIPANTS}/test.csv or "
            f"{INSTRUCTOR}/{LABELS}); run `python -m grading datathon prepare` first"
        )
    labels = pd.read_csv(labels_path, dtype={"id": str})
    test_ids = pd.Index(pd.read_csv(data / "test.csv", usecols=["id"], dtype={"id": str})["id"])
    submissions = stamp_received(find_submissions(submissions_dir), prepared / INSTRUCTOR / RECEIVED)
    enforce_daily_limit(submissions, challenge.daily_limit)
    runner = Sandbox(
        data=data.resolve(),
        enabled=sandbox,
        true_effects=False,  # a team's notebook never reads the model its labels come from
        limits=Limits(
            notebook_seconds=timeout,
            memory_bytes=int(memory_gb * 2**30),
            result_bytes=settings.MAX_PREDICTIONS_BYTES,
        ),
    )
    todo = [s for s in submissions if s.status == "scored"]
    with ThreadPoolExecutor(max(1, workers)) as pool:
        done = prepared.resolve() / INSTRUCTOR / REEXECUTIONS
        jobs = [pool.submit(_score_one, s, runner, data.resolve(), test_ids, labels, challenge, done) for s in todo]
        for number, job in enumerate(jobs, 1):
            submission = job.result()
            progress(
                f"[{number}/{len(todo)}] {submission.team}/{submission.name}: {submission.status}"
                + (f" ({submission.reason})" if submission.reason else "")
            )
    return submissions


def _score_one(
    submission: Submission,
    runner: Sandbox,
    data: Path,
    test_ids: pd.Index,
    labels: pd.DataFrame,
    challenge: Challenge,
    done: Path,
) -> Submission:
    try:
        submitted = read_predictions(submission.predictions, test_ids) if submission.predictions else None
    except ValueError as problem:
        submission.status, submission.reason = "invalid", str(problem)
        return submission
    predictions = submitted
    if submission.notebook:
        rerun = _rerun(submission, runner, data, test_ids, done)
        if isinstance(rerun, str):
            submission.status, submission.reason = "failed", rerun
            return submission
        if submitted is None:
            predictions = rerun
        elif not np.allclose(
            rerun.reindex(submitted.index).to_numpy(), submitted.to_numpy(), atol=settings.PREDICTION_TOLERANCE
        ):
            submission.flags.append("non_reproductible")
    else:
        submission.flags.append("sans_carnet")
    submission.scores = metrics(
        predictions, labels, challenge.fairness_groups, challenge.minimum_group, challenge.minimum_cases
    )
    return submission


def _rerun(submission: Submission, runner: Sandbox, data: Path, test_ids: pd.Index, done: Path) -> pd.Series | str:
    """The notebook's predictions when re-executed on the prepared data, or why it could not give them.

    Predictions that a notebook gave once are kept in `done` under the notebook's SHA-256: each later
    scoring (the private phase, the next day's board) reads them instead of running it again."""
    command = [sys.executable, "-m", "grading.datathon.rerun_notebook", "carnet.ipynb", str(data)]
    try:
        notebook = read_regular_file(submission.notebook, settings.MAX_PREDICTIONS_BYTES)
    except OSError as error:
        return f"carnet refusé : {error.strerror} (un fichier ordinaire est attendu, pas un lien)"
    kept = done / f"{hashlib.sha256(notebook).hexdigest()}.csv"
    if kept.is_file():
        return parse_predictions(kept.read_bytes(), test_ids)  # written below, by this trusted code
    run = runner.run(command, {"carnet.ipynb": notebook})
    if not run.outcome.ran:
        return f"le carnet ré-exécuté n'a pas abouti ({run.outcome.failure} : {run.outcome.reason[:200]})"
    try:
        predictions = parse_predictions(run.result, test_ids)
    except ValueError as problem:
        return f"les prédictions du carnet ré-exécuté sont invalides : {problem}"
    done.mkdir(exist_ok=True)
    write_text_atomically(kept, predictions.rename("probabilite").rename_axis("id").reset_index().to_csv(index=False))
    return predictions


def submissions_table(submissions: list[Submission]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "equipe": s.team,
                "soumission": s.name,
                "date": f"{s.time.astimezone(DAY_ZONE):%Y-%m-%d %H:%M}",
                "statut": s.status,
                "raison": s.reason,
                "indicateurs": " ".join(s.flags),
                **s.scores,
            }
            for s in submissions
        ]
    )


def leaderboard(
    challenge: Challenge, submissions: list[Submission], jury: pd.DataFrame | None, phase: str
) -> pd.DataFrame:
    """One row per team, its last scored submission; public phase: public figures only."""
    rows = []
    for team in sorted({s.team for s in submissions}):
        mine = [s for s in submissions if s.team == team]
        scored = [s for s in mine if s.status == "scored"]
        row = {"equipe": team, "soumissions": len(mine)}
        if not scored:
            last = mine[-1]
            row.update(statut=last.status, raison=last.reason)
        else:
            best = scored[-1]
            row.update(
                statut="scored",
                raison="",
                soumission=best.name,
                indicateurs=" ".join(best.flags),
                **{k: v for k, v in best.scores.items() if phase == "prive" or k.endswith("_public")},
            )
        rows.append(row)
    table = pd.DataFrame(rows)
    key = "auroc_prive" if phase == "prive" else "auroc_public"
    if key in table:
        table["rang"] = table[key].rank(ascending=False, method="min")
    if phase == "prive" and jury is not None and "auroc_prive" in table:
        table = table.merge(jury, on="equipe", how="left")
        weights = challenge.weights
        table["note_finale"] = (
            weights["performance"] * ((table["auroc_prive"] - 0.5) / 0.5).clip(0, 1)
            + weights["equite"] * (1 - table["ecart_equite_prive"].fillna(0)).clip(0, 1)
            + weights["pertinence"] * table["pertinence"] / 20
            + weights["presentation"] * table["presentation"] / 20
        ).round(4)
        table["rang_final"] = table["note_finale"].rank(ascending=False, method="min")
    sort = "rang_final" if "rang_final" in table else "rang" if "rang" in table else "equipe"
    return table.sort_values([sort, "equipe"], na_position="last").reset_index(drop=True)


def read_jury(path: Path, teams: list[str]) -> pd.DataFrame | None:
    """The jury's marks out of 20 (equipe, pertinence, presentation); a blank sheet is written if missing."""
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        pd.DataFrame({"equipe": teams, "pertinence": "", "presentation": ""}).to_csv(path, index=False)
        return None
    jury = pd.read_csv(path, dtype={"equipe": str})
    missing = {"equipe", "pertinence", "presentation"} - set(jury.columns)
    if missing:
        raise GradingError(
            f"{path}: expected the columns equipe, pertinence, presentation; {', '.join(sorted(missing))} missing"
        )
    for column in ("pertinence", "presentation"):
        marks = pd.to_numeric(jury[column], errors="coerce")
        if ((marks < 0) | (marks > 20)).any():
            raise GradingError(
                f"{path}: {column}: expected marks from 0 to 20, got {marks[(marks < 0) | (marks > 20)].iloc[0]:g}"
            )
        jury[column] = marks
    return jury[["equipe", "pertinence", "presentation"]]


def write_results(
    challenge: Challenge, submissions: list[Submission], out: Path, phase: str, jury_path: Path | None = None
) -> list[Path]:
    from grading.datathon.board import leaderboard_html

    out.mkdir(parents=True, exist_ok=True)
    jury_path = jury_path or out / "jury.csv"
    jury = read_jury(jury_path, sorted({s.team for s in submissions})) if phase == "prive" else None
    board = leaderboard(challenge, submissions, jury, phase)
    write_text_atomically(out / "soumissions.csv", frame_csv_text(submissions_table(submissions)))
    write_text_atomically(out / "leaderboard.csv", frame_csv_text(board))
    write_text_atomically(out / "leaderboard.html", leaderboard_html(challenge, board, phase))
    return [out / "soumissions.csv", out / "leaderboard.csv", out / "leaderboard.html"] + (
        [jury_path] if phase == "prive" else []
    )
