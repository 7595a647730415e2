# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Mesurer l'impact d'une innovation organisationnelle
#
# **Durée : 90 minutes.** Un établissement lance une nouvelle organisation ; un an plus tard, la
# durée moyenne de séjour a baissé. Est-ce grâce à la nouvelle organisation ? Pas forcément :
# d'autres choses ont pu changer en même temps. Ce carnet vous apprend à répondre à cette question
# avec les données, sur un jeu **entièrement synthétique** (aucune ligne ne décrit une personne
# réelle).
#
# Le scénario : à une date donnée, certains établissements ont lancé un **programme de sortie
# coordonnée** (la sortie du patient est préparée dès son admission, en lien avec la ville, les
# soins de suite et le médico-social). Votre mission : dire, chiffres à l'appui, si ce programme a
# raccourci les séjours, et de combien.
#
# À la fin de ce carnet, vous saurez :
#
# - délimiter la population de séjours concernée par une intervention ;
# - mesurer un écart avant/après et comprendre pourquoi il peut tromper ;
# - calculer une différence de différences à partir d'un tableau croisé de moyennes ;
# - repérer une tendance de fond sur un graphique mois par mois ;
# - choisir des indicateurs d'impact et construire un tableau de résolution de problème.
#
# **Le lien avec Innov'Health.** Proposer une innovation organisationnelle à un hôpital ou à un GHT
# ne suffit pas : il faut pouvoir dire si elle a tenu ses promesses. La sortie coordonnée étudiée ici
# en est un exemple typique : elle doit raccourcir les séjours sans multiplier les retours précoces à
# l'hôpital, ceux-là mêmes que le datathon du module cherche à prédire. La méthode de ce carnet (un
# groupe témoin, des indicateurs de résultat et d'équilibre) vous servira à dire comment mesurer
# l'effet de votre projet, au datathon comme dans votre établissement.
#
# Chaque question a une cellule de réponse, où vous remplacez les trois points `...` par votre calcul,
# puis une cellule de vérification : exécutez-la. « ✅ Bonne réponse » veut dire que la réponse est
# juste (et vaudra tous les points de la question) ; sinon, un ❌ vous dit ce qui ne va pas. Les
# nombres sont jugés avec le nombre de décimales que la consigne demande.
#
# Exécutez les cellules **dans l'ordre**. Quand une question reprend un résultat précédent, une
# cellule « Point de reprise » le recalcule juste avant : même si une réponse vous a résisté, la
# suite du carnet repart d'un résultat juste.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée) : la première indique où se
# trouvent les données, la seconde charge les tables `etablissements` et `sejours`. Vous n'avez pas
# besoin de les modifier, ni les cellules de préparation qui suivent.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import numpy as np
import pandas as pd
import plotly.express as px

from participant.checks import check_answer
from participant.data import load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français
etablissements = load_table("etablissements", DONNEES)
sejours = load_table("sejours", DONNEES)
print(f"{len(etablissements):,} établissements et {len(sejours):,} séjours chargés".replace(",", " "))

# %% [markdown]
# ## Qui a lancé le programme, et quand ?
#
# La colonne `date_programme_sortie` de la table `etablissements` donne la date de lancement du
# programme. Elle est vide pour les établissements qui ne l'ont pas lancé : pandas affiche alors
# `NaT` (*Not a Time*, « pas de date »). L'option `dropna=False` de `.value_counts()` compte aussi
# ces cases vides.

# %%
etablissements["date_programme_sortie"].value_counts(dropna=False)

# %% [markdown]
# Gardons la date de lancement dans une variable, `date_debut`, et regardons quels types
# d'établissements participent. `.notna()` vaut Vrai quand la case n'est pas vide.

# %% nbgrader={"grade": false, "grade_id": "preparation-programme", "locked": true, "schema_version": 3, "solution": false, "task": false}
date_debut = etablissements["date_programme_sortie"].min()
dans_le_programme = etablissements["date_programme_sortie"].notna()
print("Lancement du programme :", date_debut.date())
print(dans_le_programme.sum(), "établissements participants sur", len(etablissements))
etablissements[dans_le_programme]["categorie"].value_counts()

# %% [markdown]
# Notez que les participants n'ont **pas été tirés au sort** : ce sont des établissements publics
# qui se sont lancés. Gardez ce point en tête pour la conclusion.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : quels séjours étudier ? (2 points)
#
# Le programme porte sur l'hospitalisation complète : il ne concerne ni l'ambulatoire ni les
# séances (0 nuit). On écarte aussi les séjours qui se terminent par un décès, dont la durée ne
# dépend pas de l'organisation de la sortie.
#
# Créez la table `sejours_etudies` qui garde les séjours de la table `sejours` **d'au moins une
# nuit** (`duree_sejour` supérieure à 0) **et** dont le mode de sortie n'est **pas** un décès
# (`mode_sortie` différent de `"9"` ; c'est un code, donc un texte entre guillemets).
#
# Indice : `sejours[(condition 1) & (condition 2)]` garde les lignes qui remplissent les deux
# conditions ; mettez chaque condition entre parenthèses. En Python, `!=` signifie « différent de ».

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
sejours_etudies = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_etudies = sejours[(sejours["duree_sejour"] > 0) & (sejours["mode_sortie"] != "9")]
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["sejours_etudies"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", sejours_etudies)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

au_moins_une_nuit = sejours["duree_sejour"] > 0
hors_deces = sejours["mode_sortie"] != "9"
grade_answer(
    "q1", sejours_etudies, sejours[au_moins_une_nuit & hors_deces], Table(columns=("sejour_id",)),
    mistakes={
        "Les décès sont restés : ajoutez la condition mode_sortie != \"9\" (un code, donc un texte entre "
        "guillemets).": sejours[au_moins_une_nuit],
        "Les séjours de 0 nuit (ambulatoire, séances) sont restés : ajoutez la condition duree_sejour > 0.": (
            sejours[hors_deces]
        ),
        "Vous avez écarté les séjours d'une nuit : « au moins une nuit », c'est duree_sejour > 0 (ou >= 1).": (
            sejours[(sejours["duree_sejour"] > 1) & hors_deces]
        ),
        "Vous avez gardé les séjours qui remplissent l'une OU l'autre condition : combinez-les avec & (et), "
        "pas | (ou).": sejours[au_moins_une_nuit | hors_deces],
        "Vous avez gardé seulement les décès : « différent de » s'écrit !=.": sejours[au_moins_une_nuit & ~hors_deces],
    },
    hint="Ce ne sont pas les séjours d'au moins une nuit hors décès ; indice : "
    "sejours[(sejours[\"duree_sejour\"] > 0) & (sejours[\"mode_sortie\"] != \"9\")].",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule les séjours étudiés avec le
# code ci-dessous, sous le nom `sejours_etudies_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q1-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_etudies_reprise = sejours[(sejours["duree_sejour"] > 0) & (sejours["mode_sortie"] != "9")]
print(f"{len(sejours_etudies_reprise):,} séjours étudiés".replace(",", " "))

# %% [markdown]
# ### Deux groupes d'établissements
#
# Exécutez la cellule suivante. Elle crée la table `sejours_compares` : les séjours étudiés, avec
#
# - la date de lancement du programme de leur établissement : `.merge(...)` rapproche deux tables
#   par une colonne commune, ici `finess` (comme une RECHERCHEV dans un tableur) ;
# - une colonne `groupe` : `"programme"` si l'établissement a lancé le programme, `"autres"` sinon.
#
# `np.where(condition, valeur_si_vrai, valeur_si_faux)` choisit une valeur ligne par ligne.

# %% nbgrader={"grade": false, "grade_id": "preparation-groupes", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_compares = sejours_etudies_reprise.merge(etablissements[["finess", "date_programme_sortie"]],
                                                 on="finess", how="left")
sejours_compares["groupe"] = np.where(sejours_compares["date_programme_sortie"].notna(), "programme", "autres")
sejours_compares[["sejour_id", "finess", "date_entree", "duree_sejour", "groupe"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : la comparaison avant/après (2 points)
#
# Première idée, la plus courante : comparer la durée moyenne de séjour **dans les établissements
# du programme**, avant et après le lancement. Un séjour est « après » s'il **commence** le jour du
# lancement ou plus tard (`date_entree >= date_debut`), « avant » s'il commence avant
# (`date_entree < date_debut`).
#
# Calculez l'écart « durée moyenne après − durée moyenne avant » (en nuits ; un nombre négatif
# signifie une baisse) et stockez-le dans `ecart_avant_apres`. Il est jugé à deux décimales près.
# Trois étapes :
#
# 1. `programme = sejours_compares[sejours_compares["groupe"] == "programme"]` garde les séjours
#    des établissements du programme ;
# 2. `programme[programme["date_entree"] >= date_debut]["duree_sejour"].mean()` donne la durée
#    moyenne après le lancement ; faites de même pour la période d'avant ;
# 3. faites la différence : après − avant.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
ecart_avant_apres = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
programme = sejours_compares[sejours_compares["groupe"] == "programme"]
duree_apres = programme[programme["date_entree"] >= date_debut]["duree_sejour"].mean()
duree_avant = programme[programme["date_entree"] < date_debut]["duree_sejour"].mean()
ecart_avant_apres = duree_apres - duree_avant
### END SOLUTION

# %% kit={"competences": ["evaluation-impact", "indicateurs-activite"], "reponses": ["ecart_avant_apres"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", ecart_avant_apres)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Number
from participant.checks import grade_answer


def apres_moins_avant(table, date="date_entree", calcul="mean", apres=">=", avant="<"):
    comparer = {">=": lambda d: d >= date_debut, ">": lambda d: d > date_debut,
                "<": lambda d: d < date_debut, "<=": lambda d: d <= date_debut}
    durees = table["duree_sejour"]
    return durees[comparer[apres](table[date])].agg(calcul) - durees[comparer[avant](table[date])].agg(calcul)


du_programme = sejours_compares[sejours_compares["groupe"] == "programme"]
attendu = apres_moins_avant(du_programme)
grade_answer(
    "q2", ecart_avant_apres, attendu, Number(decimals=2),
    mistakes={
        "C'est avant − après : le signe est inversé. Calculez après − avant (une baisse donne un nombre "
        "négatif).": -attendu,
        "Ce sont des médianes : la durée moyenne s'obtient avec .mean().": apres_moins_avant(du_programme, calcul="median"),
        "C'est l'écart dans les autres établissements : gardez le groupe \"programme\".": (
            apres_moins_avant(sejours_compares[sejours_compares["groupe"] == "autres"])
        ),
        "Vous avez pris tous les établissements : gardez seulement le groupe \"programme\".": (
            apres_moins_avant(sejours_compares)
        ),
        "Vous avez classé les séjours par date de sortie : la période se décide à la date d'entrée "
        "(date_entree).": apres_moins_avant(du_programme, date="date_sortie"),
        "Vous avez comparé « après » à tous les séjours : la période d'avant ne garde que les séjours entrés "
        "avant le lancement (date_entree < date_debut).": (
            du_programme[du_programme["date_entree"] >= date_debut]["duree_sejour"].mean()
            - du_programme["duree_sejour"].mean()
        ),
        "Les séjours entrés le jour du lancement sont « après » : date_entree >= date_debut, pas >.": (
            apres_moins_avant(du_programme, apres=">")
        ),
        "Les séjours entrés le jour du lancement sont « après », pas « avant » : la période d'avant est "
        "date_entree < date_debut.": apres_moins_avant(du_programme, apres=">", avant="<="),
    },
    hint="Ce n'est pas l'écart après − avant de la durée moyenne dans les établissements du programme ; "
    "indice : suivez les trois étapes de la consigne.",
)
### END HIDDEN TESTS

# %% [markdown]
# Il est tentant de s'arrêter là et d'attribuer tout cet écart au programme. Mais pendant ce temps,
# que s'est-il passé **ailleurs** ? Les durées de séjour évoluent aussi pour d'autres raisons
# (virage ambulatoire, nouvelles techniques, réorganisations nationales...). Si elles ont baissé
# partout, une partie de la baisse aurait eu lieu **même sans le programme**.
#
# ### Les deux périodes
#
# Pour comparer les deux groupes, la cellule suivante range chaque séjour dans sa période avec la
# même règle que vous : `"après"` si le séjour commence le jour du lancement ou plus tard, `"avant"`
# sinon. Elle crée la table `sejours_periodes`, une copie de `sejours_compares` avec la colonne
# `periode`.

# %% nbgrader={"grade": false, "grade_id": "preparation-periodes", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_periodes = sejours_compares.copy()
sejours_periodes["periode"] = np.where(sejours_periodes["date_entree"] >= date_debut, "après", "avant")
sejours_periodes[["sejour_id", "date_entree", "duree_sejour", "groupe", "periode"]].head()

# %% [markdown]
# Combien de séjours dans chaque case ? Un **tableau croisé** (`pivot_table`) range un résultat
# par ligne (`index`) et par colonne (`columns`) ; ici, il compte (`aggfunc="count"`) les séjours
# par groupe et par période. Avec peu de séjours dans une case, les moyennes varient beaucoup par
# hasard : c'est le cas sur un petit échantillon de patients.

# %%
comptage = sejours_periodes.pivot_table(index="groupe", columns="periode", values="sejour_id", aggfunc="count")
comptage[["avant", "après"]]

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : le tableau des quatre moyennes (2 points)
#
# La **différence de différences** compare l'évolution dans les établissements du programme à
# l'évolution, sur les mêmes périodes, dans les autres établissements (le **groupe témoin**) : les
# autres montrent ce qui se serait passé sans le programme. Elle a besoin de quatre moyennes :
# deux groupes × deux périodes.
#
# Créez `tableau_moyennes`, le tableau croisé de la durée moyenne de séjour (`duree_sejour`) de
# `sejours_periodes`, par groupe (en lignes) et par période (en colonnes). Chaque case est jugée à
# deux décimales près : gardez les moyennes telles que pandas les calcule, sans les arrondir.
#
# Indice : reprenez le `pivot_table` du comptage ci-dessus, avec `values="duree_sejour"` et
# `aggfunc="mean"`.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
tableau_moyennes = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
tableau_moyennes = sejours_periodes.pivot_table(index="groupe", columns="periode",
                                                values="duree_sejour", aggfunc="mean")
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite", "evaluation-impact"], "reponses": ["tableau_moyennes"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", tableau_moyennes)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Grid
from participant.checks import grade_answer


def tableau(calcul, valeurs="duree_sejour"):
    return sejours_periodes.pivot_table(index="groupe", columns="periode", values=valeurs, aggfunc=calcul)


grade_answer(
    "q3", tableau_moyennes, tableau("mean"), Grid(decimals=2),
    mistakes={
        "Ce sont des médianes : la durée moyenne s'obtient avec aggfunc=\"mean\".": tableau("median"),
        "Ce sont des effectifs : pour la durée moyenne, values=\"duree_sejour\" et aggfunc=\"mean\".": (
            tableau("count")
        ),
        "Ce sont des sommes de nuits : la durée moyenne s'obtient avec aggfunc=\"mean\".": tableau("sum"),
    },
    hint="Ce ne sont pas les durées moyennes par groupe et par période ; indice : "
    "sejours_periodes.pivot_table(index=\"groupe\", columns=\"periode\", values=\"duree_sejour\", aggfunc=\"mean\").",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule le tableau des quatre moyennes
# avec le code ci-dessous, sous le nom `tableau_moyennes_reprise` ; la question suivante l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q3-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
tableau_moyennes_reprise = sejours_periodes.pivot_table(index="groupe", columns="periode",
                                                        values="duree_sejour", aggfunc="mean")
tableau_moyennes_reprise[["avant", "après"]].round(2)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : la différence de différences (2 points)
#
# L'effet estimé du programme est :
#
# > (programme après − programme avant) − (autres après − autres avant)
#
# Autrement dit : l'évolution dans le programme, **moins** l'évolution qui aurait eu lieu de toute
# façon, mesurée chez les autres.
#
# Calculez-le à partir de `tableau_moyennes_reprise` et stockez-le dans `difference_de_differences`
# (en nuits, jugé à deux décimales près). Indice : `tableau_moyennes_reprise.loc["programme", "après"]`
# lit la case de la ligne `programme` et de la colonne `après`.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
difference_de_differences = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
evolution_programme = (tableau_moyennes_reprise.loc["programme", "après"]
                       - tableau_moyennes_reprise.loc["programme", "avant"])
evolution_autres = tableau_moyennes_reprise.loc["autres", "après"] - tableau_moyennes_reprise.loc["autres", "avant"]
difference_de_differences = evolution_programme - evolution_autres
### END SOLUTION

# %% kit={"competences": ["evaluation-impact"], "reponses": ["difference_de_differences"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", difference_de_differences)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Number
from participant.checks import grade_answer


def difference(moyennes):
    return ((moyennes.loc["programme", "après"] - moyennes.loc["programme", "avant"])
            - (moyennes.loc["autres", "après"] - moyennes.loc["autres", "avant"]))


moyennes = tableau_moyennes_reprise
pour_le_programme = moyennes.loc["programme", "après"] - moyennes.loc["programme", "avant"]
pour_les_autres = moyennes.loc["autres", "après"] - moyennes.loc["autres", "avant"]
grade_answer(
    "q4", difference_de_differences, difference(moyennes), Number(decimals=2),
    mistakes={
        "Le signe est inversé : calculez (programme après − programme avant) − (autres après − autres avant).": (
            -difference(moyennes)
        ),
        "C'est l'avant/après du seul programme : retranchez l'évolution des autres établissements.": (
            pour_le_programme
        ),
        "C'est l'évolution des autres établissements seulement : partez de celle du programme et retranchez-la.": (
            pour_les_autres
        ),
        "Vous avez additionné les deux évolutions : retranchez celle des autres (programme − autres).": (
            pour_le_programme + pour_les_autres
        ),
        "Vous avez comparé les deux groupes après le lancement seulement : retranchez aussi leur écart "
        "d'avant.": moyennes.loc["programme", "après"] - moyennes.loc["autres", "après"],
        "C'est une différence de différences de médianes : partez de tableau_moyennes_reprise, qui contient "
        "des moyennes.": difference(
            sejours_periodes.pivot_table(index="groupe", columns="periode", values="duree_sejour", aggfunc="median")
        ),
    },
    hint="Ce n'est pas (programme après − programme avant) − (autres après − autres avant) ; indice : lisez "
    "chaque case avec tableau_moyennes_reprise.loc[\"groupe\", \"periode\"].",
)
### END HIDDEN TESTS

# %% [markdown]
# Mettons les deux estimations côte à côte, à partir du tableau des quatre moyennes. Exprimer un
# écart **en pourcentage** de la durée d'avant (une valeur relative) aide à le comparer à d'autres
# établissements ou à d'autres études.

# %%
ecart_programme = (tableau_moyennes_reprise.loc["programme", "après"]
                   - tableau_moyennes_reprise.loc["programme", "avant"])
ecart_autres = tableau_moyennes_reprise.loc["autres", "après"] - tableau_moyennes_reprise.loc["autres", "avant"]
effet_estime = ecart_programme - ecart_autres
duree_avant_programme = tableau_moyennes_reprise.loc["programme", "avant"]
print(f"Avant/après dans le programme : {ecart_programme:+.2f} nuit "
      f"({100 * ecart_programme / duree_avant_programme:+.1f} %)")
print(f"Évolution chez les autres     : {ecart_autres:+.2f} nuit")
print(f"Différence de différences     : {effet_estime:+.2f} nuit "
      f"({100 * effet_estime / duree_avant_programme:+.1f} %)")

# %% [markdown]
# Lecture : l'écart avant/après **=** l'effet du programme **+** l'évolution qui aurait eu lieu de
# toute façon. Si les durées baissent aussi chez les autres, l'avant/après attribue au programme
# une baisse qui ne lui revient pas ; la différence de différences la retire.
#
# Sur un petit échantillon (quelques centaines de séjours), le hasard peut brouiller ces chiffres,
# jusqu'à inverser l'ordre des deux estimations ; sur le jeu par défaut (100 000 patients), ils
# sont bien plus stables.

# %% [markdown]
# ## Voir la tendance, mois par mois
#
# Les deux moyennes « avant » et « après » résument chacune de nombreux mois. Un graphique mois par
# mois montre ce qu'elles cachent. La cellule suivante crée la table `sejours_mois`, une copie de
# `sejours_periodes` avec une colonne `mois` : `.dt.to_period("M")` ramène chaque date d'entrée à son
# mois, et `.dt.to_timestamp()` en fait le premier jour du mois.

# %% nbgrader={"grade": false, "grade_id": "preparation-mois", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_mois = sejours_periodes.copy()
sejours_mois["mois"] = sejours_mois["date_entree"].dt.to_period("M").dt.to_timestamp()
sejours_mois[["date_entree", "mois", "groupe", "duree_sejour"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : la durée moyenne par mois et par groupe (2 points)
#
# Calculez la durée moyenne de séjour de `sejours_mois` pour chaque mois et chaque groupe, et
# stockez-la dans `duree_par_mois`, sous la forme d'une table avec trois colonnes : `mois`, `groupe`
# et `duree_sejour` (les moyennes sont jugées à deux décimales près ; l'ordre des lignes ne compte
# pas).
#
# Indice : `sejours_mois.groupby(["mois", "groupe"])["duree_sejour"].mean()` calcule les moyennes ;
# ajoutez `.reset_index()` à la fin pour transformer le résultat en table ordinaire (c'est la forme
# qu'attend le graphique).

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
duree_par_mois = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
duree_par_mois = sejours_mois.groupby(["mois", "groupe"])["duree_sejour"].mean().reset_index()
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite", "visualiser"], "reponses": ["duree_par_mois"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", duree_par_mois)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

par_mois_et_groupe = sejours_mois.groupby(["mois", "groupe"])["duree_sejour"]
grade_answer(
    "q5", duree_par_mois, par_mois_et_groupe.mean().reset_index(),
    Table(columns=("mois", "groupe", "duree_sejour"), decimals=2),
    mistakes={
        "Ce sont des médianes : la durée moyenne s'obtient avec .mean().": par_mois_et_groupe.median().reset_index(),
        "Ce sont des nombres de séjours : la durée moyenne s'obtient avec .mean().": (
            par_mois_et_groupe.count().reset_index()
        ),
        "Ce sont des sommes de nuits : la durée moyenne s'obtient avec .mean().": par_mois_et_groupe.sum().reset_index(),
        "Il manque un des deux groupes : calculez sur toute la table sejours_mois, groupée par mois et par "
        "groupe.": (
            sejours_mois[sejours_mois["groupe"] == "programme"].groupby(["mois", "groupe"])["duree_sejour"]
            .mean().reset_index()
        ),
    },
    hint="Ce ne sont pas les durées moyennes par mois et par groupe ; indice : "
    "sejours_mois.groupby([\"mois\", \"groupe\"])[\"duree_sejour\"].mean().reset_index().",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule les durées moyennes par mois et
# par groupe avec le code ci-dessous, sous le nom `duree_par_mois_reprise` ; le graphique qui suit
# l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q5-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
duree_par_mois_reprise = sejours_mois.groupby(["mois", "groupe"])["duree_sejour"].mean().reset_index()
duree_par_mois_reprise.head()

# %% [markdown]
# Traçons les deux courbes, avec une ligne verticale au lancement du programme. Passez la souris
# sur les points pour lire les valeurs.

# %%
figure = px.line(duree_par_mois_reprise, x="mois", y="duree_sejour", color="groupe", markers=True,
                 labels={"mois": "Mois d'entrée", "duree_sejour": "Durée moyenne de séjour (nuits)",
                         "groupe": "Établissements"},
                 title="Durée moyenne des séjours d'au moins une nuit, par mois d'entrée")
figure.add_vline(x=date_debut, line_dash="dash", annotation_text="Lancement du programme")
figure.show()

# %% [markdown]
# Lisez le graphique en trois temps :
#
# 1. **Avant la ligne** : les deux courbes ont-elles à peu près la même pente ? Baissent-elles ?
# 2. **Après la ligne** : la courbe du programme décroche-t-elle par rapport à celle des autres ?
# 3. **L'écart entre les courbes** avant et après : c'est lui que mesure la différence de
#    différences, pas la chute de la seule courbe du programme.
#
# Deux précautions de lecture : avec peu de séjours par mois, les courbes sont en dents de scie ;
# et les derniers mois paraissent un peu plus courts, car les séjours qui se terminent après la fin
# de la période ne sont pas encore dans la table.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : l'hypothèse de la différence de différences (1 point)
#
# Pour que la différence de différences mesure bien l'effet du programme, quelle hypothèse
# faut-il faire ?
#
# - **a** : les établissements du programme et les autres avaient la même durée moyenne de séjour
#   avant le lancement ;
# - **b** : sans le programme, la durée de séjour aurait évolué de la même façon dans les deux
#   groupes ;
# - **c** : les deux groupes comptent le même nombre de séjours ;
# - **d** : la durée de séjour ne change pas avec le temps.
#
# Stockez la lettre de votre réponse, entre guillemets, dans `reponse_hypothese` (par exemple
# `reponse_hypothese = "a"`).

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
reponse_hypothese = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
reponse_hypothese = "b"
### END SOLUTION

# %% kit={"competences": ["evaluation-impact"], "reponses": ["reponse_hypothese"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", reponse_hypothese)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

grade_answer(
    "q6", reponse_hypothese, "b", Text(choices=("a", "b", "c", "d")),
    mistakes={
        "Trop fort : la méthode accepte que les deux groupes partent de niveaux différents ; c'est leur "
        "évolution qui doit être la même sans le programme.": "a",
        "Non : des groupes de tailles différentes se comparent très bien avec des moyennes ; c'est l'évolution "
        "sans le programme qui doit être la même.": "c",
        "Non : la méthode tolère que la durée de séjour change avec le temps, c'est justement cette tendance "
        "commune qu'elle retire.": "d",
    },
    hint="Relisez le graphique : la méthode accepte des niveaux différents et une tendance commune.",
)
### END HIDDEN TESTS

# %% [markdown]
# Cette hypothèse des **tendances parallèles** ne se démontre pas, mais elle se discute : le
# graphique mois par mois, **avant** le lancement, est votre meilleur argument. La méthode tolère
# que les deux groupes partent de niveaux différents et que les durées baissent avec le temps :
# c'est justement ce qu'elle retire.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : les indicateurs pour suivre le programme (2 points)
#
# La durée de séjour ne suffit pas : un programme qui ferait sortir les patients trop tôt
# raccourcirait les séjours... et ferait revenir les patients. Un bon tableau de bord associe des
# **indicateurs de résultat** (ce que le programme veut améliorer) et des **indicateurs
# d'équilibre** (ce qu'il pourrait dégrader). Un indicateur qui décrit la **structure** de
# l'établissement (ses lits, son GHT) ou sa **patientèle** (âge, sexe) ne mesure pas l'impact du
# programme.
#
# Voici un menu d'indicateurs :
#
# | code | indicateur |
# | --- | --- |
# | `duree_moyenne_sejour` | Durée moyenne des séjours d'au moins une nuit |
# | `taux_readmission_30j` | Part des séjours suivis d'une réhospitalisation non programmée dans les 30 jours |
# | `part_sejours_longs` | Part des séjours de plus de 7 nuits |
# | `retours_urgences_7j` | Part des patients revenus aux urgences dans les 7 jours suivant leur sortie |
# | `journees_hospitalisation` | Nombre total de journées d'hospitalisation (lits libérés) |
# | `part_sorties_domicile` | Part des sorties vers le domicile |
# | `satisfaction_sortie` | Satisfaction des patients sur l'organisation de leur sortie (questionnaire e-Satis) |
# | `nombre_lits` | Nombre de lits installés |
# | `part_femmes` | Part de femmes parmi les patients hospitalisés |
# | `age_moyen_patients` | Âge moyen des patients hospitalisés |
# | `nombre_etablissements_ght` | Nombre d'établissements du GHT |
#
# Rangez dans la liste `indicateurs_impact` les codes de **tous** les indicateurs de ce menu qui
# mesurent l'impact du programme (résultat ou équilibre), et d'eux seuls : entre crochets, chaque
# code entre guillemets, séparés par des virgules, par exemple
# `indicateurs_impact = ["code_1", "code_2", "code_3"]`. L'ordre ne compte pas.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
indicateurs_impact = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
indicateurs_impact = ["duree_moyenne_sejour", "taux_readmission_30j", "part_sejours_longs",
                      "retours_urgences_7j", "journees_hospitalisation", "part_sorties_domicile",
                      "satisfaction_sortie"]
### END SOLUTION

# %% kit={"competences": ["pilotage"], "reponses": ["indicateurs_impact"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", indicateurs_impact)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Collection
from participant.checks import grade_answer

resultat = ["duree_moyenne_sejour", "part_sejours_longs", "journees_hospitalisation", "part_sorties_domicile",
            "satisfaction_sortie"]
equilibre = ["taux_readmission_30j", "retours_urgences_7j"]
structure = ["nombre_lits", "nombre_etablissements_ght"]
patientele = ["part_femmes", "age_moyen_patients"]
grade_answer(
    "q7", indicateurs_impact, resultat + equilibre, Collection(),
    mistakes={
        "Il manque les indicateurs d'équilibre, ce que le programme pourrait dégrader : les retours à "
        "l'hôpital et aux urgences.": resultat,
        "Il manque les indicateurs de résultat, ce que le programme veut améliorer : durée, séjours longs, "
        "journées, sorties, satisfaction.": equilibre,
        "Vous avez gardé tout le menu : retirez les indicateurs de structure (lits, GHT) et de patientèle "
        "(âge, part de femmes).": resultat + equilibre + structure + patientele,
        "Le nombre de lits et le nombre d'établissements du GHT décrivent la structure : ils ne mesurent pas "
        "l'impact du programme.": resultat + equilibre + structure,
        "L'âge moyen et la part de femmes décrivent la patientèle : ils ne mesurent pas l'impact du "
        "programme.": resultat + equilibre + patientele,
    },
    hint="Ce n'est pas la bonne liste : gardez tous les indicateurs de résultat et d'équilibre, aucun "
    "indicateur de structure ou de patientèle, et recopiez chaque code exactement, entre guillemets.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : votre conclusion pour le directoire (2 points, corrigée par votre formateur)
#
# Le directeur vous demande : « Le programme a-t-il raccourci les séjours ? De combien ? ».
# Répondez dans la cellule suivante (double-cliquez dessus et remplacez « VOTRE RÉPONSE ICI »),
# en trois à cinq phrases :
#
# - le chiffre que vous retenez, en nuits et en pourcentage, et pourquoi vous ne retenez pas
#   l'avant/après seul ;
# - au moins une limite de votre estimation, ou une vérification à faire avant de généraliser le
#   programme.

# %% [markdown] kit={"bareme": ["1 point : retient la diff\u00e9rence de diff\u00e9rences (en nuits ou en %) et explique que l'avant/apr\u00e8s attribue au programme l'\u00e9volution g\u00e9n\u00e9rale des dur\u00e9es, visible aussi chez les autres \u00e9tablissements", "1 point : cite au moins une limite ou une v\u00e9rification (tendances parall\u00e8les avant le lancement, participants non tir\u00e9s au sort, petits effectifs, r\u00e9admissions \u00e0 surveiller)"], "competences": ["evaluation-impact", "argumenter"]} nbgrader={"grade": true, "grade_id": "q8-reponse", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Oui, le programme semble avoir raccourci les séjours : la différence de différences estime la
# baisse à environ [résultat de la question 4] nuit par séjour, soit [pourcentage affiché] % de la
# durée d'avant. Je ne retiens pas l'avant/après seul, car les durées ont aussi baissé dans les
# établissements sans programme : il attribuerait au programme cette tendance générale. Limites :
# les participants ne sont pas tirés au sort (ce sont des établissements publics volontaires) et la
# méthode suppose que, sans le programme, les deux groupes auraient évolué de la même façon, ce que
# le graphique mensuel avant le lancement permet de discuter. Avant de généraliser, je vérifierais
# que les réadmissions à 30 jours n'ont pas augmenté.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : un tableau de résolution de problème (3 points, corrigée par votre formateur)
#
# Votre établissement ne fait pas partie du programme, et le directoire vous confie la préparation
# de son déploiement. Complétez le tableau de la cellule suivante (double-cliquez pour le modifier),
# avec **au moins deux lignes**, une par problème :
#
# - **Problème** : ce qui allonge les séjours ou complique la sortie, dit simplement ;
# - **Causes** : pourquoi il survient (ce ne sont pas encore des solutions) ;
# - **Solutions** : ce que vous mettrez en place, en réponse aux causes ;
# - **Indicateurs** : comment vous mesurerez le résultat (définition, cible, fréquence), si
#   possible avec les indicateurs de résultat et d'équilibre de la question 7 ;
# - **Responsables** : qui pilote chaque action (une fonction, pas un nom : cadre de santé, chef de
#   service, direction des soins...).
#
# Dans un tableau, les colonnes sont séparées par des barres verticales `|` : remplacez les `...`
# par votre texte, sans effacer les barres. Pour ajouter une ligne, copiez une ligne existante. Vous
# pouvez effacer la mention « VOTRE RÉPONSE ICI ».

# %% [markdown] kit={"bareme": ["1 point : au moins deux probl\u00e8mes, chacun avec des causes plausibles et distinctes des solutions (sortie pr\u00e9par\u00e9e le jour m\u00eame, attente d'une place en SSR ou en EHPAD, ordonnances ou transport non pr\u00eats, m\u00e9decin traitant non pr\u00e9venu...)", "1 point : des solutions qui r\u00e9pondent aux causes et des indicateurs mesurables (d\u00e9finition, cible ou fr\u00e9quence), dont au moins un indicateur d'\u00e9quilibre comme les r\u00e9admissions \u00e0 30 jours", "1 point : des responsables d\u00e9sign\u00e9s par leur fonction (cadre de sant\u00e9, chef de service, assistante sociale, direction des soins, DIM) et coh\u00e9rents avec les actions"], "competences": ["pilotage", "argumenter"]} nbgrader={"grade": true, "grade_id": "q9-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# | Problème | Causes | Solutions | Indicateurs | Responsables |
# | --- | --- | --- | --- | --- |
# | ... | ... | ... | ... | ... |
# | ... | ... | ... | ... | ... |
#
# ### BEGIN SOLUTION
# | Problème | Causes | Solutions | Indicateurs | Responsables |
# | --- | --- | --- | --- | --- |
# | Des patients médicalement sortants restent hospitalisés | Sortie préparée le jour même ; attente d'une place en SSR ou en EHPAD | Date de sortie prévisionnelle fixée dans les 48 h suivant l'admission ; demande SSR ou EHPAD dès l'entrée (ViaTrajectoire) | Durée moyenne de séjour et part des séjours de plus de 7 nuits, par mois (cible : −10 % en un an) | Chef de service et cadre de santé ; assistante sociale pour les demandes de place |
# | Des patients reviennent peu après leur sortie | Médecin traitant non prévenu ; traitement de sortie mal compris | Lettre de liaison remise le jour de la sortie ; appel infirmier à J+2 | Taux de réadmission à 30 jours (indicateur d'équilibre : ne doit pas augmenter) ; retours aux urgences à 7 jours | Direction des soins ; DIM pour le calcul mensuel des indicateurs |
# | Les sorties se concentrent en fin de journée | Ordonnances, transport et documents non prêts le matin | Check-list de sortie préparée la veille ; salon de sortie | Part des sorties avant midi, par semaine (cible : 40 %) | Cadre de santé ; bureau des transports |
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - Refaites la différence de différences sur la **part des séjours longs** (plus de 7 nuits) :
#   `sejours_longs = sejours_periodes.copy()`, puis
#   `sejours_longs["long"] = sejours_longs["duree_sejour"] > 7`, puis un `pivot_table` avec
#   `values="long"` et `aggfunc="mean"`.
# - Un **test placebo** : ne gardez que les séjours d'avant le lancement, faites comme si le
#   programme avait démarré neuf mois plus tôt, et recalculez la différence de différences. Elle
#   devrait être proche de zéro ; sinon, les tendances n'étaient pas parallèles.
# - Lissez les courbes en remplaçant `.to_period("M")` par `.to_period("Q")` (trimestres), dans une
#   copie de la table `sejours_periodes`.
# - Comparez la catégorie des établissements des deux groupes
#   (`etablissements.groupby(dans_le_programme)["categorie"].value_counts()`) : le groupe témoin
#   ressemble-t-il au groupe du programme ?

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Délimitez d'abord la population concernée par l'intervention (ici les séjours d'au moins une
#   nuit, hors décès), puis comparez des périodes identiques, avec une règle claire pour le jour du
#   lancement (ici : un séjour est « après » s'il commence ce jour-là ou plus tard).
# - Un **avant/après** mélange l'effet de l'intervention et tout ce qui a changé en même temps
#   (la tendance de fond) : il peut fortement surestimer ou sous-estimer l'effet.
# - La **différence de différences** retire l'évolution observée dans un groupe témoin :
#   (programme après − programme avant) − (autres après − autres avant). Elle suppose que, sans
#   l'intervention, les deux groupes auraient évolué de la même façon.
# - `pivot_table(index=..., columns=..., values=..., aggfunc="mean")` construit le tableau des
#   moyennes ; `groupby(...).mean().reset_index()` prépare les données d'un graphique.
# - Un graphique mois par mois, avec la date de l'intervention, montre la tendance et le décrochage.
# - Un tableau de bord d'impact associe des indicateurs de résultat et des indicateurs d'équilibre
#   (réadmissions, retours aux urgences), chacun avec un responsable : c'est ce qui permettra de dire,
#   au datathon comme dans votre établissement, si une innovation a tenu ses promesses.
