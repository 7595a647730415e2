"""The HTML leaderboard, in French, offline (plotly.js written into the page once).

Public phase: the public AUROC only, what teams may see during the event. Private phase:
public against private AUROC (overfitting shows), fairness gaps, the final ranking with the jury.
"""

import html

import pandas as pd
import plotly.express as px
import plotly.io as pio

from grading.datathon.challenge import Challenge

COLUMNS = {
    "rang_final": "Rang final",
    "rang": "Rang",
    "equipe": "Équipe",
    "note_finale": "Note finale",
    "auroc_public": "AUROC (public)",
    "auroc_prive": "AUROC (privé)",
    "brier_public": "Brier (public)",
    "brier_prive": "Brier (privé)",
    "ecart_equite_public": "Écart d'équité (public)",
    "ecart_equite_prive": "Écart d'équité (privé)",
    "pertinence": "Pertinence /20",
    "presentation": "Présentation /20",
    "soumissions": "Soumissions",
    "indicateurs": "Indicateurs",
    "statut": "Statut",
    "raison": "Raison",
}


def leaderboard_html(challenge: Challenge, board: pd.DataFrame, phase: str) -> str:
    shown = board[[c for c in COLUMNS if c in board]].rename(columns=COLUMNS)
    figures = []
    scored = board[board["statut"] == "scored"] if "statut" in board else board.iloc[0:0]
    if len(scored) and phase == "public":
        figures.append(
            px.bar(
                scored,
                x="equipe",
                y="auroc_public",
                title="AUROC sur la partie publique du test",
                labels={"equipe": "Équipe", "auroc_public": "AUROC"},
                range_y=[0.5, 1],
            )
        )
    elif len(scored):
        figures.append(
            px.scatter(
                scored,
                x="auroc_public",
                y="auroc_prive",
                text="equipe",
                title="AUROC public et privé : sous la diagonale, le modèle a sur-appris le public",
                labels={"auroc_public": "AUROC (public)", "auroc_prive": "AUROC (privé)"},
            )
        )
        figures[-1].add_shape(type="line", x0=0.5, y0=0.5, x1=1, y1=1, line={"dash": "dot", "color": "grey"})
        figures.append(
            px.bar(
                scored,
                x="equipe",
                y="ecart_equite_prive",
                title="Écart d'équité : le plus grand écart d'AUROC entre groupes (plus bas, mieux c'est)",
                labels={"equipe": "Équipe", "ecart_equite_prive": "Écart d'AUROC"},
            )
        )
    charts = "\n".join(
        pio.to_html(figure, include_plotlyjs=(number == 0), full_html=False) for number, figure in enumerate(figures)
    )
    title = "Classement public (pendant l'épreuve)" if phase == "public" else "Classement final (partie privée et jury)"
    return f"""<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>{html.escape(challenge.title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }}
table {{ border-collapse: collapse; }} th, td {{ padding: .3rem .7rem; border-bottom: 1px solid #ddd; }}
</style></head>
<body>
<h1>{html.escape(challenge.title)}</h1>
<h2>{title}</h2>
<p>{html.escape(challenge.question)}</p>
{shown.to_html(index=False, na_rep="–", border=0)}
{charts}
</body></html>
"""
