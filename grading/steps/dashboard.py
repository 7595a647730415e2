"""reports/dashboard.html: the class at a glance, for the instructor (in French, like the course).

One self-contained page that opens offline (plotly.js is written into it once):
a summary per assignment, the distribution of scores, the success rate of each
question, the statuses, and the scores per competency when the source notebooks'
graded cells carry competency tags (see grading.competences).
"""

import html
from collections import defaultdict

import pandas as pd
import plotly.express as px
import plotly.io as pio

from grading.competences import cell_competences, registry
from grading.paths import Workspace
from grading.status import Flag, Status

STATUS_LABELS = {
    Status.GRADED: "noté",
    Status.INVALID_NOTEBOOK: "carnet illisible",
    Status.TIMEOUT: "temps dépassé",
    Status.KERNEL_DIED: "noyau arrêté",
    Status.MEMORY_EXCEEDED: "mémoire dépassée",
    Status.ERROR: "erreur",
}


def dashboard_html(workspace: Workspace, rows: list[dict], scores: list) -> str:
    grades = pd.DataFrame(rows, columns=["student", "assignment", "status", "flags", "score", "max_score"])
    questions = pd.DataFrame(
        [vars(s) for s in scores], columns=["student", "assignment", "question", "score", "max_score"]
    )
    sections = [("Vue d'ensemble", _summary(grades))]
    if grades.empty:
        return _page(
            sections
            + [
                (
                    "",
                    "<p>Aucune copie notée pour l'instant : lancez <code>python -m grading "
                    "autograde</code> puis <code>python -m grading report</code>.</p>",
                )
            ]
        )
    figures = [
        ("Distribution des scores", _score_distribution(grades)),
        ("Réussite par question", _success_per_question(questions)),
        ("Statuts des copies", _statuses(grades)),
        ("Scores par compétence", _per_competency(workspace, questions)),
    ]
    first = True
    for title, figure in figures:
        if figure is None:
            sections.append((title, "<p>Pas encore de données pour ce graphique.</p>"))
            continue
        sections.append((title, pio.to_html(figure, include_plotlyjs=first, full_html=False)))
        first = False
    return _page(sections)


def _summary(grades: pd.DataFrame) -> str:
    if grades.empty:
        return "<p>Aucune copie.</p>"
    graded = grades[grades["status"] == Status.GRADED].assign(
        percent=lambda g: 100 * g["score"].astype(float) / g["max_score"].astype(float)
    )
    table = grades.groupby("assignment").agg(
        copies=("student", "size"), notees=("status", lambda s: int((s == Status.GRADED).sum()))
    )
    table["non notées"] = table["copies"] - table["notees"]
    table["score moyen (%)"] = graded.groupby("assignment")["percent"].mean().round(1)
    table["à corriger à la main"] = grades.groupby("assignment")["flags"].apply(
        lambda f: int(f.str.contains(Flag.NEEDS_MANUAL_GRADE).sum())
    )
    table["en retard"] = grades.groupby("assignment")["flags"].apply(lambda f: int(f.str.contains(r"\blate\b").sum()))
    table = table.rename(columns={"notees": "notées"}).reset_index().rename(columns={"assignment": "devoir"})
    return table.to_html(index=False, na_rep="–", border=0, classes="summary")


def _score_distribution(grades: pd.DataFrame):
    graded = grades[grades["status"] == Status.GRADED]
    if graded.empty:
        return None
    graded = graded.assign(percent=100 * graded["score"].astype(float) / graded["max_score"].astype(float))
    figure = px.box(
        graded,
        x="assignment",
        y="percent",
        points="all",
        hover_name="student",
        labels={"assignment": "Devoir", "percent": "Score (% du maximum)"},
        title="Scores des copies notées (les points à corriger à la main comptent quand ils sont notés)",
    )
    figure.update_yaxes(range=[-5, 105])
    return figure


def _success_per_question(questions: pd.DataFrame):
    if questions.empty:
        return None
    rate = (
        questions.groupby(["assignment", "question"])[["score", "max_score"]]
        .sum()
        .assign(reussite=lambda q: 100 * q["score"] / q["max_score"])
        .reset_index()
    )
    figure = px.bar(
        rate,
        x="question",
        y="reussite",
        color="assignment",
        labels={"question": "Question", "reussite": "Points obtenus (% des points possibles)", "assignment": "Devoir"},
        title="Réussite par question : les questions les moins réussies sont à reprendre en classe",
    )
    figure.update_yaxes(range=[0, 100])
    return figure


def _statuses(grades: pd.DataFrame):
    counts = grades.assign(statut=grades["status"].map(STATUS_LABELS).fillna(grades["status"]))
    counts = counts.groupby(["assignment", "statut"]).size().rename("copies").reset_index()
    return px.bar(
        counts,
        x="assignment",
        y="copies",
        color="statut",
        labels={"assignment": "Devoir", "copies": "Copies", "statut": "Statut"},
        title="Statut de chaque copie : une copie non notée n'est jamais comptée comme un zéro",
    )


def _per_competency(workspace: Workspace, questions: pd.DataFrame):
    """Points obtained over points possible, per competency, over every graded question tagged with it."""
    if questions.empty or not (workspace.course / "competences.yml").is_file():
        return None
    known = registry(workspace.course)
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for assignment, group in questions.groupby("assignment"):
        tags = cell_competences(sorted((workspace.source / assignment).glob("*.ipynb")))
        for question in group.itertuples():
            for competency in tags.get(question.question, []):
                totals[competency][0] += question.score
                totals[competency][1] += question.max_score
    if not totals:
        return None
    table = pd.DataFrame(
        [
            {
                "competence": known["competences"].get(c, {}).get("libelle", c),
                "domaine": known["domaines"].get(known["competences"].get(c, {}).get("domaine"), "autre"),
                "reussite": 100 * obtained / possible if possible else 0.0,
            }
            for c, (obtained, possible) in totals.items()
        ]
    ).sort_values(["domaine", "reussite"])
    figure = px.bar(
        table,
        x="reussite",
        y="competence",
        color="domaine",
        orientation="h",
        labels={"reussite": "Points obtenus (% des points possibles)", "competence": "", "domaine": "Domaine"},
        title="Scores par compétence (domaines de la formation socle au numérique en santé)",
    )
    figure.update_xaxes(range=[0, 100])
    figure.update_layout(height=max(350, 40 * len(table) + 150))
    return figure


def _page(sections: list[tuple[str, str]]) -> str:
    body = "\n".join(
        f"<section><h2>{html.escape(title)}</h2>\n{content}</section>" if title else content
        for title, content in sections
    )
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Tableau de bord de la classe</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }}
table.summary {{ border-collapse: collapse; }}
table.summary th, table.summary td {{ padding: .3rem .8rem; border-bottom: 1px solid #ddd; text-align: right; }}
table.summary th:first-child, table.summary td:first-child {{ text-align: left; }}
</style>
</head>
<body>
<h1>Tableau de bord de la classe</h1>
<p>Généré par <code>python -m grading report</code> à partir du carnet de notes : les notes données à la main
dans le formgrader apparaissent au prochain rapport.</p>
{body}
</body>
</html>
"""
