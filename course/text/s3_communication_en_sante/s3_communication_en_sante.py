# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Communication en santé : des chiffres honnêtes
#
# **Durée : 90 minutes.** Domaine du référentiel : **Communication en santé** (formation socle
# au numérique en santé).
#
# Un même chiffre peut rassurer ou affoler selon la façon dont on le montre et dont on le dit.
# « Le risque augmente de 50 % » et « le risque passe de 2 à 3 sur 100 » décrivent la même
# réalité ; un graphique dont l'axe ne part pas de zéro transforme un écart minime en gouffre.
# Dans ce carnet, vous calculez des indicateurs sur un jeu de données hospitalier **entièrement
# synthétique** (aucune ligne ne décrit une personne réelle), puis vous apprenez à les présenter
# honnêtement à un patient, à un collègue ou à un journaliste.
#
# À la fin de ce carnet, vous saurez :
#
# - repérer un graphique trompeur (axe tronqué, courbe cumulée) et construire sa version honnête
#   avec plotly ;
# - calculer un risque de réhospitalisation à 30 jours et le comparer entre deux groupes de patients ;
# - exprimer une différence de risque en valeur **absolue** (points de pourcentage) et **relative**
#   (risque relatif), et la traduire en nombre de patients ;
# - rédiger une phrase de risque compréhensible par un patient (« sur 100 patients… ») et
#   l'illustrer par un graphique de 100 points ;
# - vous méfier des pourcentages calculés sur de petits effectifs, en regardant toujours le
#   dénominateur ;
# - réécrire un titre de presse alarmiste avec des chiffres absolus et des mots simples.
#
# Chaque question a une cellule de réponse, où vous remplacez les trois points `...` par votre calcul,
# puis une cellule de vérification : exécutez-la. « ✅ Bonne réponse » veut dire que la réponse est juste
# (et vaudra tous les points de la question) ; sinon, un ❌ vous dit ce qui ne va pas. Les moyennes et
# les pourcentages sont jugés avec le nombre de décimales que la consigne indique. Quand une question
# s'appuie sur le résultat d'une question précédente, un **point de reprise** le recalcule juste
# avant : une erreur en chemin ne vous coûte pas les questions suivantes.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée) : la première indique où se
# trouvent les données, la seconde charge les trois tables dont nous aurons besoin :
#
# - `sejours` : les hospitalisations (une ligne par séjour, avec ses dates d'entrée et de sortie) ;
# - `patients` : le sexe et la date de naissance de chaque patient ;
# - `etablissements` : le nom et la catégorie de chaque établissement.
#
# Les deux premières partagent la colonne `patient_id`, les deux dernières la colonne `finess`
# (le numéro de l'établissement) : ce sont elles qui permettent de relier les tables.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd
import plotly.express as px

from participant.checks import check_answer
from participant.data import load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français
sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "finess", "date_entree",
                                                   "date_sortie", "duree_sejour", "mode_sortie", "ghm"])
patients = load_table("patients", DONNEES, colonnes=["patient_id", "sexe", "date_naissance"])
etablissements = load_table("etablissements", DONNEES, colonnes=["finess", "nom", "categorie"])
print(len(sejours), "séjours,", len(patients), "patients,", len(etablissements), "établissements")

# %% [markdown]
# Voici les cinq premiers séjours. `duree_sejour` est la durée en nuits (0 pour une prise en
# charge sans nuitée) ; `mode_sortie` dit comment le patient est sorti (`"8"` domicile, `"7"`
# transfert vers un autre établissement, `"9"` décès : ce sont des textes, à écrire entre
# guillemets) ; `ghm` est le groupe de séjours du PMSI.

# %%
sejours.head()

# %% [markdown]
# ## 1. Un graphique peut tromper sans qu'aucun chiffre soit faux
#
# La **durée moyenne de séjour** (DMS) est l'un des indicateurs hospitaliers les plus cités. On la
# calcule ici sur les séjours d'**au moins une nuit** (l'hospitalisation complète) : les prises en
# charge sans nuitée feraient baisser la moyenne sans rien dire de la durée des hospitalisations.
#
# Comparons la DMS des femmes et des hommes. Le sexe est dans la table `patients` : il faut donc
# **relier** les deux tables. `merge` fait cette jointure : pour chaque séjour, il va chercher la
# ligne de `patients` qui a le même `patient_id` et en recopie les colonnes.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : la durée moyenne de séjour par sexe (2 points)
#
# Construisez la table `dms_par_sexe`, avec une ligne par sexe et deux colonnes : `sexe` et
# `duree_moyenne` (la durée moyenne, en nuits, des séjours d'au moins une nuit). Trois étapes :
#
# 1. gardez les séjours d'au moins une nuit :
#    `sejours_nuit = sejours[sejours["duree_sejour"] >= 1]` ;
# 2. ajoutez-leur le sexe du patient :
#    `sejours_nuit_sexe = sejours_nuit.merge(patients[["patient_id", "sexe"]], on="patient_id")` ;
# 3. calculez la moyenne par sexe :
#    `dms_par_sexe = sejours_nuit_sexe.groupby("sexe", as_index=False).agg(duree_moyenne=("duree_sejour", "mean"))`.
#
# `groupby("sexe")` range les séjours en deux paquets (femmes, hommes) ; `.agg(...)` calcule, pour
# chaque paquet, une nouvelle colonne `duree_moyenne` qui est la moyenne (`"mean"`) de `duree_sejour`.
# Les moyennes sont jugées à deux décimales près. Pour voir la table, ajoutez une dernière ligne
# `dms_par_sexe`.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
sejours_nuit = ...  # VOTRE CODE ICI
sejours_nuit_sexe = ...  # VOTRE CODE ICI
dms_par_sexe = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_nuit = sejours[sejours["duree_sejour"] >= 1]
sejours_nuit_sexe = sejours_nuit.merge(patients[["patient_id", "sexe"]], on="patient_id")
dms_par_sexe = sejours_nuit_sexe.groupby("sexe", as_index=False).agg(duree_moyenne=("duree_sejour", "mean"))
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["dms_par_sexe"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", dms_par_sexe)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

avec_sexe = sejours.merge(patients[["patient_id", "sexe"]], on="patient_id")
nuitees = avec_sexe[avec_sexe["duree_sejour"] >= 1]


def par_sexe(table, calcul="mean"):
    return table.groupby("sexe", as_index=False).agg(duree_moyenne=("duree_sejour", calcul))


grade_answer(
    "q1", dms_par_sexe, par_sexe(nuitees), Table(columns=("sexe", "duree_moyenne"), decimals=2),
    mistakes={
        "Ce sont les moyennes de tous les séjours : gardez d'abord ceux d'au moins une nuit "
        "(duree_sejour >= 1).": par_sexe(avec_sexe),
        "Les séjours d'une seule nuit manquent : « au moins une nuit » s'écrit >= 1, pas > 1.": (
            par_sexe(avec_sexe[avec_sexe["duree_sejour"] > 1])
        ),
        "Ce sont des durées médianes : la moyenne s'obtient avec \"mean\".": par_sexe(nuitees, "median"),
        "Ce sont des sommes de nuits : la moyenne s'obtient avec \"mean\".": par_sexe(nuitees, "sum"),
        "Ce sont des nombres de séjours : la moyenne de duree_sejour s'obtient avec \"mean\".": (
            par_sexe(nuitees, "size")
        ),
    },
    hint="Ce ne sont pas les durées moyennes des séjours d'au moins une nuit, par sexe ; suivez les trois "
         "étapes de la consigne.",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule la durée moyenne par sexe avec le
# code ci-dessous, sous le nom `dms_par_sexe_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q1-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_nuit_reprise = sejours[sejours["duree_sejour"] >= 1].merge(patients[["patient_id", "sexe"]], on="patient_id")
dms_par_sexe_reprise = sejours_nuit_reprise.groupby("sexe", as_index=False).agg(
    duree_moyenne=("duree_sejour", "mean"))
dms_par_sexe_reprise

# %% [markdown]
# ### Un graphique trompeur
#
# Voici comment ces deux moyennes pourraient apparaître dans une présentation. Exécutez la
# cellule et regardez la hauteur des barres.

# %%
bas = dms_par_sexe_reprise["duree_moyenne"].min() * 0.98
haut = dms_par_sexe_reprise["duree_moyenne"].max() * 1.005
figure_trompeuse = px.bar(dms_par_sexe_reprise, x="sexe", y="duree_moyenne",
                          labels={"sexe": "Sexe", "duree_moyenne": "Durée moyenne de séjour (nuits)"},
                          title="Durée de séjour : un écart spectaculaire entre femmes et hommes ?")
figure_trompeuse.update_yaxes(range=[bas, haut])
figure_trompeuse.show()

# %% [markdown]
# Aucun chiffre n'est faux, et pourtant le graphique ment : l'axe vertical ne part pas de zéro
# mais juste en dessous de la plus petite valeur (on dit qu'il est **tronqué**). L'œil compare la
# **hauteur** des barres, pas les graduations. La cellule suivante chiffre l'illusion.

# %%
valeurs = dms_par_sexe_reprise["duree_moyenne"]
rapport_apparent = (valeurs.max() - bas) / (valeurs.min() - bas)
ecart_reel = (valeurs.max() / valeurs.min() - 1) * 100
print(f"Sur ce graphique, la barre la plus haute paraît {rapport_apparent:.1f} fois plus haute que l'autre.")
print(f"En réalité, la plus grande durée moyenne ne dépasse la plus petite que de {ecart_reel:.0f} %.")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : le graphique honnête (2 points)
#
# Construisez la version honnête du graphique, à partir de `dms_par_sexe_reprise`, et stockez-la dans
# `figure_honnete` :
#
# - un diagramme en barres : `px.bar(dms_par_sexe_reprise, x="sexe", y="duree_moyenne", ...)` ;
# - un **titre neutre**, qui décrit sans juger : `title="..."` ;
# - des **noms d'axes en français**, sans tiret bas : `labels={"sexe": "Sexe", "duree_moyenne": "..."}` ;
# - **pas** de `range=[...]` qui tronque l'axe ; imposez au contraire un axe vertical qui part de
#   zéro : `figure_honnete.update_yaxes(rangemode="tozero")` (*to zero* : jusqu'à zéro).
#
# Plotly fait souvent partir les barres de 0 tout seul, mais d'autres logiciels (un tableur, par
# exemple) ne le font pas : l'écrire vous-même est la seule garantie, et `rangemode="tozero"`
# s'adapte aux données, sans nombre à calculer. Partez du code de la cellule du graphique trompeur
# et corrigez-le. Pour voir votre figure, ajoutez une dernière ligne `figure_honnete`.
#
# La vérification regarde les barres, la présence d'un titre et l'axe vertical ; la neutralité du
# titre et le nom des axes, c'est à vous d'y veiller : c'est ce que le lecteur lit en premier.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
figure_honnete = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
figure_honnete = px.bar(dms_par_sexe_reprise, x="sexe", y="duree_moyenne",
                        labels={"sexe": "Sexe", "duree_moyenne": "Durée moyenne de séjour (nuits)"},
                        title="Durée moyenne des séjours d'au moins une nuit, selon le sexe du patient")
figure_honnete.update_yaxes(rangemode="tozero")
### END SOLUTION

# %% kit={"competences": ["visualiser"], "reponses": ["figure_honnete"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", figure_honnete)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Figure
from participant.checks import grade_answer


def barres(x="sexe", y="duree_moyenne", trace=px.bar, **axe):
    figure = trace(dms_par_sexe_reprise, x=x, y=y, title="référence")
    return figure.update_yaxes(**axe) if axe else figure


maximum = dms_par_sexe_reprise["duree_moyenne"].max()
tronque = [dms_par_sexe_reprise["duree_moyenne"].min() * 0.98, maximum * 1.005]
grade_answer(
    "q2", figure_honnete, barres(rangemode="tozero"),
    Figure(points=("x", "y", "type"), layout=("yaxis.rangemode", "yaxis.range", "yaxis.type")),
    mistakes={
        "L'axe vertical n'est pas imposé : ajoutez figure_honnete.update_yaxes(rangemode=\"tozero\").": barres(),
        "L'axe est encore tronqué (le range=[bas, haut] du graphique trompeur) : retirez-le et imposez "
        "update_yaxes(rangemode=\"tozero\").": barres(range=tronque),
        "Votre axe part bien de 0, mais avec des bornes écrites à la main : la consigne demande "
        "update_yaxes(rangemode=\"tozero\"), sans range.": barres(range=[0, maximum * 1.1]),
        "x et y sont échangés : x=\"sexe\" (les barres), y=\"duree_moyenne\" (leur hauteur).": (
            barres(x="duree_moyenne", y="sexe", rangemode="tozero")
        ),
        "C'est une courbe : un diagramme en barres se trace avec px.bar.": barres(trace=px.line, rangemode="tozero"),
        "L'axe vertical est logarithmique (log_y=True) : il ne part pas de zéro et écrase les écarts ; "
        "gardez un axe ordinaire, avec update_yaxes(rangemode=\"tozero\").": barres(rangemode="tozero", type="log"),
    },
    hint="Ce n'est pas le diagramme en barres des durées moyennes par sexe (dms_par_sexe_reprise) avec un axe "
         "qui part de zéro ; indice : px.bar(dms_par_sexe_reprise, x=\"sexe\", y=\"duree_moyenne\", title=\"...\"), "
         "puis .update_yaxes(rangemode=\"tozero\").",
)
### END HIDDEN TESTS

# %% [markdown]
# Voici la version honnête (la cellule suivante la trace, que votre figure soit juste ou non).
# Comparez-la au graphique trompeur : l'écart apparaît pour ce qu'il est. Un graphique en **barres**
# doit toujours partir de zéro, car c'est la longueur de la barre qui porte l'information. (Une
# **courbe** qui suit une évolution peut, elle, commencer ailleurs qu'à zéro, à condition que l'axe
# soit clairement gradué.)

# %%
figure = px.bar(dms_par_sexe_reprise, x="sexe", y="duree_moyenne",
                labels={"sexe": "Sexe", "duree_moyenne": "Durée moyenne de séjour (nuits)"},
                title="Durée moyenne des séjours d'au moins une nuit, selon le sexe du patient")
figure.update_yaxes(rangemode="tozero")
figure.show()

# %% [markdown]
# ## 2. Risque absolu, risque relatif
#
# Passons à un indicateur que les patients et les familles comprennent tout de suite : le risque
# de **revenir à l'hôpital** peu après en être sorti. Un séjour est suivi d'une **réhospitalisation
# à 30 jours** quand le même patient est de nouveau hospitalisé dans les 30 jours qui suivent sa
# sortie.
#
# On écarte d'abord les **séances** (dialyse, chimiothérapie…, GHM commençant par `28`) : ces
# venues sont programmées et répétées, ce ne sont pas des réhospitalisations. Le `~` devant la
# condition veut dire « non » : la cellule suivante (verrouillée, exécutez-la simplement) garde les
# séjours dont le GHM ne commence **pas** par `28`.

# %% nbgrader={"grade": false, "grade_id": "hors-seances", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_hors_seances = sejours[~sejours["ghm"].str.startswith("28")]
print(len(sejours_hors_seances), "séjours hors séances")

# %% [markdown]
# ### Trier, puis regarder la ligne suivante
#
# Pour savoir si un patient est revenu après un séjour, on procède en deux temps :
#
# 1. **trier** les séjours par patient puis par date d'entrée :
#    `.sort_values(["patient_id", "date_entree"])` ; les séjours d'un même patient se suivent
#    alors dans l'ordre chronologique ;
# 2. **remonter** la date d'entrée de la ligne suivante, patient par patient :
#    `.groupby("patient_id")["date_entree"].shift(-1)`. Chaque séjour reçoit ainsi la date d'entrée
#    du séjour **suivant** du même patient ; le dernier séjour de chaque patient n'a pas de suivant
#    et reçoit une valeur vide (`NaT`, « pas une date »).
#
# | patient | date_entree | date_sortie | entree_suivante | délai (jours) |
# | --- | --- | --- | --- | --- |
# | A | 03/01 | 10/01 | 25/01 | 15 : réhospitalisation à 30 jours |
# | A | 25/01 | 28/01 | *vide* | *vide* : pas de réhospitalisation |
# | B | 05/02 | 06/02 | *vide* | *vide* : pas de réhospitalisation |

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : qui revient dans les 30 jours ? (2 points)
#
# 1. Créez `parcours` : la table `sejours_hors_seances` triée par `patient_id` puis `date_entree`.
# 2. Ajoutez-lui une colonne `entree_suivante` :
#    `parcours["entree_suivante"] = parcours.groupby("patient_id")["date_entree"].shift(-1)`.
# 3. Ajoutez une colonne `delai_jours`, le nombre de jours entre la sortie et l'entrée suivante :
#    `(parcours["entree_suivante"] - parcours["date_sortie"]).dt.days`.
# 4. Ajoutez une colonne `rehospitalisation_30j` qui vaut Vrai quand ce délai est **inférieur ou
#    égal** à 30 jours (un retour au 30e jour compte) : `parcours["delai_jours"] <= 30` ; un séjour
#    sans suivant vaut Faux.
#
# N'oubliez pas le `groupby("patient_id")` : sans lui, le dernier séjour d'un patient recevrait la
# date d'entrée du premier séjour du patient suivant ! La vérification juge, séjour par séjour
# (`sejour_id`), la colonne `rehospitalisation_30j`. Pour voir le début de la table, ajoutez une
# dernière ligne `parcours.head()`.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
parcours = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
parcours = sejours_hors_seances.sort_values(["patient_id", "date_entree"])
parcours["entree_suivante"] = parcours.groupby("patient_id")["date_entree"].shift(-1)
parcours["delai_jours"] = (parcours["entree_suivante"] - parcours["date_sortie"]).dt.days
parcours["rehospitalisation_30j"] = parcours["delai_jours"] <= 30
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["parcours"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", parcours)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer


def retours(table, decalage=-1, par_patient=True, depuis="date_sortie", jours=30, strict=False):
    """Les séjours de `table` triés, avec la colonne rehospitalisation_30j calculée comme indiqué."""
    triee = table.sort_values(["patient_id", "date_entree"])
    entrees = triee.groupby("patient_id")["date_entree"] if par_patient else triee["date_entree"]
    delai = (entrees.shift(decalage) - triee[depuis]).dt.days
    return triee.assign(rehospitalisation_30j=delai < jours if strict else delai <= jours)


grade_answer(
    "q3", parcours, retours(sejours_hors_seances), Table(columns=("sejour_id", "rehospitalisation_30j")),
    mistakes={
        "Un retour au 30e jour exactement compte : « inférieur ou égal » s'écrit <= 30, pas < 30.": (
            retours(sejours_hors_seances, strict=True)
        ),
        "Sans groupby(\"patient_id\"), le dernier séjour d'un patient reçoit l'entrée du patient suivant : "
        "écrivez parcours.groupby(\"patient_id\")[\"date_entree\"].shift(-1).": (
            retours(sejours_hors_seances, par_patient=False)
        ),
        "shift(1) donne le séjour PRÉCÉDENT : le séjour suivant s'obtient avec shift(-1).": (
            retours(sejours_hors_seances, decalage=1)
        ),
        "Le délai part de la date d'entrée : mesurez-le depuis la sortie, entree_suivante - date_sortie.": (
            retours(sejours_hors_seances, depuis="date_entree")
        ),
        "Les séances sont restées : partez de sejours_hors_seances, pas de sejours.": retours(sejours),
    },
    hint="Ce ne sont pas les réhospitalisations à 30 jours de chaque séjour ; suivez les quatre étapes de la "
         "consigne (tri, groupby(\"patient_id\") puis shift(-1), délai depuis la sortie, <= 30).",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule le parcours avec le code
# ci-dessous, sous le nom `parcours_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q3-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
parcours_reprise = sejours_hors_seances.sort_values(["patient_id", "date_entree"])
parcours_reprise["entree_suivante"] = parcours_reprise.groupby("patient_id")["date_entree"].shift(-1)
parcours_reprise["delai_jours"] = (parcours_reprise["entree_suivante"] - parcours_reprise["date_sortie"]).dt.days
parcours_reprise["rehospitalisation_30j"] = parcours_reprise["delai_jours"] <= 30
parcours_reprise[["patient_id", "date_entree", "date_sortie", "entree_suivante", "delai_jours",
                  "rehospitalisation_30j"]].head()

# %% [markdown]
# ### Qui compte au dénominateur ?
#
# Un risque est une fraction : un **numérateur** (les patients réhospitalisés) sur un
# **dénominateur** (les patients qui auraient pu l'être). Bien choisir le dénominateur, c'est déjà
# communiquer honnêtement. Deux sortes de séjours ne doivent pas y figurer :
#
# - les séjours terminés par un **décès** (`mode_sortie` `"9"`) : le patient ne peut pas revenir ;
# - les séjours sortis dans les **30 derniers jours** des données : une éventuelle réhospitalisation
#   aurait lieu après la fin de la période, donc elle est invisible. Les compter ferait baisser le
#   risque à tort.
#
# Les séjours qui restent sont les **séjours index** : ceux dont on observe la suite pendant 30 jours.
# La cellule suivante (verrouillée) calcule la dernière date de sortie utilisable (`date_limite`) et
# crée `parcours_age` : le parcours, avec l'âge du patient à l'entrée (en années révolues : nombre de
# jours divisé par 365, sans la virgule, `//`).

# %% nbgrader={"grade": false, "grade_id": "denominateur", "locked": true, "schema_version": 3, "solution": false, "task": false}
date_limite = sejours["date_sortie"].max() - pd.Timedelta(days=30)
parcours_age = parcours_reprise.merge(patients[["patient_id", "date_naissance"]], on="patient_id", how="left")
parcours_age["age"] = (parcours_age["date_entree"] - parcours_age["date_naissance"]).dt.days // 365
print("Dernière date de sortie retenue :", date_limite.date())

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : les séjours index (1 point)
#
# Créez `sejours_index` : les lignes de `parcours_age` dont le mode de sortie n'est **pas** un décès
# **et** dont la date de sortie est au plus tard `date_limite`.
#
# Indice :
# `parcours_age[(parcours_age["mode_sortie"] != "9") & (parcours_age["date_sortie"] <= date_limite)]`.
# Le `&` veut dire « et » : les deux conditions doivent être vraies ; chacune est entre parenthèses.
# « Au plus tard » garde la date limite elle-même : `<=`. La vérification juge la liste des séjours
# retenus (`sejour_id`).

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
sejours_index = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_index = parcours_age[(parcours_age["mode_sortie"] != "9") & (parcours_age["date_sortie"] <= date_limite)]
### END SOLUTION

# %% kit={"competences": ["communiquer-risque", "indicateurs-activite"], "reponses": ["sejours_index"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", sejours_index)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

vivants = parcours_age["mode_sortie"] != "9"
assez_tot = parcours_age["date_sortie"] <= date_limite
grade_answer(
    "q4", sejours_index, parcours_age[vivants & assez_tot], Table(columns=("sejour_id",)),
    mistakes={
        "Il reste des séjours terminés par un décès : ajoutez la condition parcours_age[\"mode_sortie\"] != \"9\" "
        "(avec les guillemets : le mode de sortie est un texte).": parcours_age[assez_tot],
        "Il reste des séjours sortis après date_limite, dont on ne voit pas les 30 jours suivants : ajoutez la "
        "condition parcours_age[\"date_sortie\"] <= date_limite.": parcours_age[vivants],
        "Les séjours sortis le jour même de date_limite manquent : « au plus tard » s'écrit <= date_limite.": (
            parcours_age[vivants & (parcours_age["date_sortie"] < date_limite)]
        ),
        "Ce sont les séjours terminés par un décès : le décès s'écarte avec != \"9\", pas == \"9\".": (
            parcours_age[~vivants & assez_tot]
        ),
        "Avec | (ou), il suffit qu'une condition soit vraie : les deux doivent l'être, avec & (et).": (
            parcours_age[vivants | assez_tot]
        ),
    },
    hint="Ce ne sont pas les séjours sans décès sortis au plus tard à date_limite ; indice : "
         "parcours_age[(parcours_age[\"mode_sortie\"] != \"9\") & (parcours_age[\"date_sortie\"] <= date_limite)].",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule les séjours index avec le code
# ci-dessous, sous le nom `sejours_index_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q4-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_index_reprise = parcours_age[(parcours_age["mode_sortie"] != "9")
                                     & (parcours_age["date_sortie"] <= date_limite)]
print(len(parcours_age), "séjours hors séances ;", len(sejours_index_reprise), "séjours index")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : le risque de réhospitalisation selon l'âge (2 points)
#
# Comparons deux groupes de patients âgés. À partir de `sejours_index_reprise`, calculez **en
# pourcentage** (entre 0 et 100) la part des séjours index suivis d'une réhospitalisation à 30 jours :
#
# - chez les patients de **80 ans et plus** : stockez-la dans `risque_80_plus` ;
# - chez les patients de **65 à 79 ans** : stockez-la dans `risque_65_79`.
#
# Indice :
# `sejours_index_reprise.loc[sejours_index_reprise["age"] >= 80, "rehospitalisation_30j"].mean() * 100` ;
# pour le second groupe, la condition est `sejours_index_reprise["age"].between(65, 79)` (entre 65 et
# 79 ans, bornes comprises). La moyenne d'une colonne de Vrai/Faux est la proportion de Vrai. Les deux
# pourcentages sont jugés à une décimale près.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
risque_80_plus = ...  # VOTRE CODE ICI
risque_65_79 = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
risque_80_plus = sejours_index_reprise.loc[sejours_index_reprise["age"] >= 80, "rehospitalisation_30j"].mean() * 100
risque_65_79 = (sejours_index_reprise.loc[sejours_index_reprise["age"].between(65, 79), "rehospitalisation_30j"]
                .mean() * 100)
### END SOLUTION

# %% kit={"competences": ["communiquer-risque", "indicateurs-activite"], "reponses": ["risque_65_79", "risque_80_plus"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", {"80 ans et plus": risque_80_plus, "65 à 79 ans": risque_65_79})
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer


def risques(table, ages_80, ages_65):
    retours = table["rehospitalisation_30j"]
    return {"80 ans et plus": retours[ages_80].mean() * 100, "65 à 79 ans": retours[ages_65].mean() * 100}


age_index = sejours_index_reprise["age"]
age_tous = parcours_age["age"]
grade_answer(
    "q5", {"80 ans et plus": risque_80_plus, "65 à 79 ans": risque_65_79},
    risques(sejours_index_reprise, age_index >= 80, age_index.between(65, 79)), Series(decimals=1),
    mistakes={
        "Ce sont des proportions (entre 0 et 1) : multipliez par 100 pour des pourcentages.": {
            groupe: risque / 100
            for groupe, risque in risques(sejours_index_reprise, age_index >= 80, age_index.between(65, 79)).items()
        },
        "Les patients de 80 ans tout juste manquent : « 80 ans et plus » s'écrit >= 80, pas > 80.": (
            risques(sejours_index_reprise, age_index > 80, age_index.between(65, 79))
        ),
        "Le groupe des 65 à 79 ans s'arrête à 79 ans : between(65, 79), pas between(65, 80).": (
            risques(sejours_index_reprise, age_index >= 80, age_index.between(65, 80))
        ),
        "Le second groupe doit s'arrêter à 79 ans : between(65, 79), pas >= 65.": (
            risques(sejours_index_reprise, age_index >= 80, age_index >= 65)
        ),
        "Les deux risques sont inversés : risque_80_plus pour les 80 ans et plus, risque_65_79 pour les 65 à "
        "79 ans.": risques(sejours_index_reprise, age_index.between(65, 79), age_index >= 80),
        "Le dénominateur est faux : calculez sur les séjours index (sejours_index_reprise), sans les décès ni "
        "les sorties des 30 derniers jours.": risques(parcours_age, age_tous >= 80, age_tous.between(65, 79)),
    },
    hint="Ce ne sont pas les risques de réhospitalisation à 30 jours des deux groupes d'âge ; indice : "
         "sejours_index_reprise.loc[condition sur l'âge, \"rehospitalisation_30j\"].mean() * 100.",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule les deux risques avec le code
# ci-dessous, sous les noms `risque_80_plus_reprise` et `risque_65_79_reprise` ; la suite du carnet
# les utilise.

# %% nbgrader={"grade": false, "grade_id": "q5-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
age_index_reprise = sejours_index_reprise["age"]
risque_80_plus_reprise = sejours_index_reprise.loc[age_index_reprise >= 80, "rehospitalisation_30j"].mean() * 100
risque_65_79_reprise = (sejours_index_reprise.loc[age_index_reprise.between(65, 79), "rehospitalisation_30j"]
                        .mean() * 100)
print(f"80 ans et plus : {risque_80_plus_reprise:.1f} % ; 65 à 79 ans : {risque_65_79_reprise:.1f} %")

# %% [markdown]
# ### Trois façons de dire la même différence
#
# Imaginons un risque qui passe de 2 % dans un groupe à 3 % dans l'autre. On peut dire :
#
# - **différence absolue** : 3 − 2 = **1 point de pourcentage** (on dit « point », pas « % », quand
#   on soustrait deux pourcentages) ;
# - **risque relatif** : 3 / 2 = **1,5**, soit « un risque augmenté de 50 % » ; attention au sens de
#   la division : le groupe que l'on compare (ici, celui à 3 %) au numérateur, le groupe de
#   référence au dénominateur ;
# - **en nombre de patients** : 1 point de plus, c'est 1 patient de plus sur 100 ; il faut donc
#   100 / 1 = **100 patients** pour observer un cas de plus. Dans un essai thérapeutique, ce même
#   calcul donne le célèbre **nombre de patients à traiter** (NST, ou NNT en anglais) pour éviter
#   un événement.
#
# Les trois sont exacts ; seuls le premier et le dernier disent **combien de personnes** sont
# concernées. « + 50 % » impressionne, « 1 patient de plus sur 100 » informe.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : différence absolue, risque relatif, nombre de patients (2 points)
#
# À partir de `risque_80_plus_reprise` et `risque_65_79_reprise` (les 65 à 79 ans sont le groupe de
# référence), calculez :
#
# - `difference_points` : la différence absolue, en points de pourcentage
#   (`risque_80_plus_reprise - risque_65_79_reprise`) ;
# - `risque_relatif` : le rapport des deux risques (`risque_80_plus_reprise / risque_65_79_reprise`) ;
# - `patients_pour_un_cas_de_plus` : le nombre de patients de 80 ans et plus parmi lesquels on
#   observe **une** réhospitalisation de plus que parmi autant de patients de 65 à 79 ans
#   (`100 / difference_points`).
#
# Les trois valeurs sont jugées à deux décimales près : gardez les valeurs calculées, sans les
# arrondir.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
difference_points = ...  # VOTRE CODE ICI
risque_relatif = ...  # VOTRE CODE ICI
patients_pour_un_cas_de_plus = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
difference_points = risque_80_plus_reprise - risque_65_79_reprise
risque_relatif = risque_80_plus_reprise / risque_65_79_reprise
patients_pour_un_cas_de_plus = 100 / difference_points
### END SOLUTION

# %% kit={"competences": ["communiquer-risque"], "reponses": ["difference_points", "patients_pour_un_cas_de_plus", "risque_relatif"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", {"difference_points": difference_points, "risque_relatif": risque_relatif,
                    "patients_pour_un_cas_de_plus": patients_pour_un_cas_de_plus})
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer


def trois(difference, rapport, patients=None):
    return {"difference_points": difference, "risque_relatif": rapport,
            "patients_pour_un_cas_de_plus": 100 / difference if patients is None else patients}


vieux, reference_65 = risque_80_plus_reprise, risque_65_79_reprise
ecart = vieux - reference_65
grade_answer(
    "q6", {"difference_points": difference_points, "risque_relatif": risque_relatif,
           "patients_pour_un_cas_de_plus": patients_pour_un_cas_de_plus},
    trois(ecart, vieux / reference_65), Series(decimals=2),
    mistakes={
        "Le risque relatif est inversé : divisez le risque des 80 ans et plus par celui des 65 à 79 ans "
        "(risque_80_plus_reprise / risque_65_79_reprise).": trois(ecart, reference_65 / vieux),
        "difference_points est en points de pourcentage : une simple soustraction des deux risques, pas une "
        "augmentation en pour cent.": trois(ecart / reference_65 * 100, vieux / reference_65),
        "La différence est à l'envers : risque_80_plus_reprise - risque_65_79_reprise.": (
            trois(-ecart, vieux / reference_65)
        ),
        "risque_relatif est le simple rapport des risques, pas l'augmentation en pour cent ((rapport - 1) * 100).": (
            trois(ecart, (vieux / reference_65 - 1) * 100)
        ),
        "Le nombre de patients se calcule sur 100 : 100 / difference_points, pas 1 / difference_points.": (
            trois(ecart, vieux / reference_65, 1 / ecart)
        ),
        "Le nombre de patients se calcule avec la différence des risques : 100 / difference_points, pas 100 / "
        "risque_80_plus_reprise.": trois(ecart, vieux / reference_65, 100 / vieux),
    },
    hint="Ces trois valeurs ne correspondent pas aux risques du point de reprise ; relisez les formules de la "
         "consigne.",
)
### END HIDDEN TESTS

# %% [markdown]
# Voici ces trois chiffres, mis en mots (la cellule suivante les recalcule à partir des risques du
# point de reprise) :

# %%
ecart_points = risque_80_plus_reprise - risque_65_79_reprise
rapport_des_risques = risque_80_plus_reprise / risque_65_79_reprise
print(f"Différence absolue : {ecart_points:.1f} points de pourcentage")
print(f"Risque relatif : {rapport_des_risques:.2f}, soit un risque augmenté de {(rapport_des_risques - 1) * 100:.0f} %")
print(f"Une réhospitalisation de plus pour environ {100 / ecart_points:.0f} patients de 80 ans et plus")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : sur 100 patients (1 point)
#
# Un patient de 85 ans et sa fille vous demandent : « Est-ce qu'il risque de revenir vite à
# l'hôpital ? » Les pourcentages et les rapports parlent mal ; une **fréquence naturelle** (« sur
# 100 personnes comme vous… ») parle bien. Dire aussi combien **ne reviennent pas** évite d'effrayer.
#
# Préparez le nombre clé de cette phrase : sur 100 patients de 80 ans et plus, combien reviennent à
# l'hôpital dans le mois ? Stockez dans `reviennent_sur_100` le risque `risque_80_plus_reprise`
# arrondi à l'entier le plus proche, avec `round(risque_80_plus_reprise)` (jugé à l'unité près).

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
reviennent_sur_100 = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
reviennent_sur_100 = round(risque_80_plus_reprise)
### END SOLUTION

# %% kit={"competences": ["communiquer-risque"], "reponses": ["reviennent_sur_100"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", reviennent_sur_100)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Number
from participant.checks import grade_answer

grade_answer(
    "q7", reviennent_sur_100, round(risque_80_plus_reprise), Number(decimals=0),
    mistakes={
        "C'est le risque des 65 à 79 ans : la phrase parle des 80 ans et plus (risque_80_plus_reprise).": (
            round(risque_65_79_reprise)
        ),
        "int(...) coupe les décimales sans arrondir : utilisez round(risque_80_plus_reprise).": (
            int(risque_80_plus_reprise)
        ),
        "C'est le nombre de ceux qui ne reviennent pas : reviennent_sur_100 est le risque arrondi, "
        "round(risque_80_plus_reprise).": 100 - round(risque_80_plus_reprise),
        "Le risque est déjà un pourcentage (sur 100) : ne le divisez pas par 100.": (
            round(risque_80_plus_reprise / 100)
        ),
    },
    hint="Ce n'est pas le nombre de patients sur 100 qui reviennent dans le mois ; indice : "
         "round(risque_80_plus_reprise).",
)
### END HIDDEN TESTS

# %% [markdown]
# Il reste à écrire la phrase. Une **f-chaîne** (un texte précédé de `f`) remplace ce qui est écrit
# entre accolades `{...}` par sa valeur. La cellule suivante l'écrit avec le risque du point de
# reprise, et compte aussi ceux qui ne reviennent pas (`100 - ...`) ; reformulez-la à votre façon,
# pour un patient et sa fille.

# %%
sur_100_reprise = round(risque_80_plus_reprise)
phrase_patient = (f"Sur 100 patients de 80 ans et plus qui sortent de l'hôpital, environ {sur_100_reprise} "
                  f"y reviennent dans le mois ; les {100 - sur_100_reprise} autres, non.")
print(phrase_patient)

# %% [markdown]
# ### 100 points valent mieux qu'un pourcentage
#
# Un **graphique à 100 personnages** (on dit aussi *icon array*) montre chaque patient par un point :
# on voit d'un coup d'œil combien sont concernés, **et combien ne le sont pas**. Exécutez la cellule :
# chaque panneau représente 100 patients d'un groupe d'âge, les points rouges ceux qui reviennent à
# l'hôpital dans le mois.

# %%
nombres_sur_100 = {"65 à 79 ans": round(risque_65_79_reprise), "80 ans et plus": round(risque_80_plus_reprise)}
icones = pd.DataFrame({"rang": list(range(100)) * 2,
                       "groupe": ["65 à 79 ans"] * 100 + ["80 ans et plus"] * 100})
icones["colonne"] = icones["rang"] % 10
icones["ligne"] = icones["rang"] // 10
icones["issue"] = "Pas de réhospitalisation"
icones.loc[icones["rang"] < icones["groupe"].map(nombres_sur_100), "issue"] = "Réhospitalisé dans les 30 jours"

figure = px.scatter(icones, x="colonne", y="ligne", color="issue", facet_col="groupe",
                    color_discrete_map={"Réhospitalisé dans les 30 jours": "firebrick",
                                        "Pas de réhospitalisation": "lightgray"},
                    labels={"issue": "", "groupe": "Groupe d'âge", "colonne": "", "ligne": ""},
                    title="Sur 100 patients sortis de l'hôpital, combien y reviennent dans le mois ?")
figure.update_traces(marker={"size": 14})
figure.for_each_annotation(lambda titre: titre.update(text=titre.text.split("=")[-1]))  # « 80 ans et plus » au lieu de « Groupe d'âge=80 ans et plus »
figure.update_xaxes(visible=False)
figure.update_yaxes(visible=False)
figure.show()

# %% [markdown]
# Une précision honnête : ici, l'unité est la **sortie d'hôpital**, pas la personne ; un patient
# hospitalisé trois fois compte trois fois. Pour une phrase destinée à un patient, cette
# approximation est acceptable ; dans un rapport, on l'écrit.
#
# ## 3. Les pourcentages cachent les effectifs
#
# Un pourcentage calculé sur 2 séjours n'a pas la même valeur qu'un pourcentage calculé sur 2 000.
# Calculons le taux de réhospitalisation de chaque établissement, puis regardons qui arrive en tête
# du « palmarès ».

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : le taux de réhospitalisation par établissement (2 points)
#
# À partir de `sejours_index_reprise`, construisez `par_etablissement`, une ligne par établissement
# (`finess`), avec trois colonnes :
#
# - `sejours` : le nombre de séjours index ;
# - `rehospitalisations` : le nombre de ceux qui sont suivis d'une réhospitalisation à 30 jours ;
# - `taux` : `rehospitalisations` divisé par `sejours`, multiplié par 100 (jugé à une décimale près).
#
# Indice :
#
# ```python
# par_etablissement = sejours_index_reprise.groupby("finess", as_index=False).agg(
#     sejours=("sejour_id", "size"), rehospitalisations=("rehospitalisation_30j", "sum"))
# ```
#
# `"size"` compte les lignes de chaque paquet ; `"sum"` d'une colonne de Vrai/Faux compte les Vrai.
# Ajoutez ensuite la colonne `taux` : `par_etablissement["taux"] = ...`.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
par_etablissement = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
par_etablissement = sejours_index_reprise.groupby("finess", as_index=False).agg(
    sejours=("sejour_id", "size"), rehospitalisations=("rehospitalisation_30j", "sum"))
par_etablissement["taux"] = par_etablissement["rehospitalisations"] / par_etablissement["sejours"] * 100
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite", "communiquer-risque"], "reponses": ["par_etablissement"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q8", par_etablissement)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer


def taux_par_etablissement(table, compter="sum", echelle=100, denominateur=None):
    bilan = table.groupby("finess", as_index=False).agg(
        sejours=("sejour_id", "size"), rehospitalisations=("rehospitalisation_30j", compter))
    total = bilan["sejours"] if denominateur is None else denominateur
    return bilan.assign(taux=bilan["rehospitalisations"] / total * echelle)


grade_answer(
    "q8", par_etablissement, taux_par_etablissement(sejours_index_reprise),
    Table(columns=("finess", "sejours", "rehospitalisations", "taux"), decimals=1),
    mistakes={
        "taux est une proportion (entre 0 et 1) : multipliez par 100 pour un pourcentage.": (
            taux_par_etablissement(sejours_index_reprise, echelle=1)
        ),
        "Le dénominateur est faux : partez des séjours index (sejours_index_reprise), sans les décès ni les "
        "sorties des 30 derniers jours.": taux_par_etablissement(parcours_age),
        "\"count\" compte toutes les lignes, Vrai comme Faux : les réhospitalisations se comptent avec \"sum\".": (
            taux_par_etablissement(sejours_index_reprise, compter="count")
        ),
        "Chaque établissement doit être divisé par SES séjours (colonne sejours), pas par le total de tous les "
        "séjours index.": taux_par_etablissement(sejours_index_reprise, denominateur=len(sejours_index_reprise)),
    },
    hint="Ce ne sont pas les séjours, réhospitalisations et taux par établissement des séjours index ; suivez "
         "l'indice, puis taux = rehospitalisations / sejours * 100.",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule la table par établissement avec
# le code ci-dessous, sous le nom `par_etablissement_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q8-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
par_etablissement_reprise = sejours_index_reprise.groupby("finess", as_index=False).agg(
    sejours=("sejour_id", "size"), rehospitalisations=("rehospitalisation_30j", "sum"))
par_etablissement_reprise["taux"] = (par_etablissement_reprise["rehospitalisations"]
                                     / par_etablissement_reprise["sejours"] * 100)
par_etablissement_reprise.head()

# %% [markdown]
# ### Le « palmarès » trompeur
#
# Voici les dix établissements qui ont le **taux** le plus élevé, avec leur nom. Regardez la colonne
# `sejours` : sur combien de séjours index chacun de ces taux repose-t-il ? La cellule affiche aussi,
# pour comparer, le nombre de séjours index d'un établissement « du milieu » (la médiane).

# %%
palmares = par_etablissement_reprise.merge(etablissements, on="finess", how="left")
print("Nombre médian de séjours index par établissement :", palmares["sejours"].median())
palmares.sort_values(["taux", "sejours"], ascending=False).head(10).round(1)

# %% [markdown]
# Sur peu de séjours, un seul patient change beaucoup le taux : avec 2 séjours, une seule
# réhospitalisation le fait passer de 0 % à 50 %. Les taux extrêmes d'un classement sont donc
# souvent l'effet du **hasard**, d'autant plus que l'établissement a peu de séjours.
#
# Le graphique suivant, dit **en entonnoir** (*funnel plot*), place chaque établissement selon son
# nombre de séjours (axe horizontal, en échelle logarithmique : 1, 10, 100…) et son taux. La ligne
# pointillée est le taux de tous les séjours réunis ; la courbe rouge est la limite au-delà de
# laquelle un taux a moins de 2,5 % de chances d'être dû au seul hasard. Elle est très haute pour les
# petits établissements et se resserre pour les grands : seuls les points **au-dessus de la courbe**
# méritent une enquête. En dessous de 10 séjours, la courbe n'est pas tracée : aucun taux n'y est
# interprétable (et le calcul de la limite, approché, n'y est plus valable).

# %%
taux_global = sejours_index_reprise["rehospitalisation_30j"].mean() * 100
p = taux_global / 100
entonnoir = palmares.assign(limite_haute=(p + 1.96 * (p * (1 - p) / palmares["sejours"]) ** 0.5) * 100)
interpretables = entonnoir[entonnoir["sejours"] >= 10]
limites = interpretables.sort_values("sejours")

figure = px.scatter(entonnoir, x="sejours", y="taux", hover_name="nom", log_x=True,
                    labels={"sejours": "Nombre de séjours index de l'établissement",
                            "taux": "Réhospitalisations à 30 jours (%)"},
                    title="Taux de réhospitalisation des établissements selon leur nombre de séjours")
figure.add_scatter(x=limites["sejours"], y=limites["limite_haute"], mode="lines",
                   line={"color": "firebrick"}, name="Limite du hasard (97,5 %)")
figure.add_hline(y=taux_global, line_dash="dot", annotation_text="Taux de l'ensemble des séjours")
figure.show()

au_dessus = (interpretables["taux"] > interpretables["limite_haute"]).sum()
print(len(interpretables), "établissements ont au moins 10 séjours index ;", au_dessus,
      "d'entre eux sont au-dessus de la limite du hasard.")

# %% [markdown]
# Le hasard n'est pas le seul piège d'un classement. Les établissements n'accueillent pas les mêmes
# patients : vous avez vu que le risque de réhospitalisation est plus élevé après 80 ans. Un
# établissement qui soigne beaucoup de personnes très âgées, ou atteintes de maladies chroniques,
# aura un taux brut plus élevé sans être moins bon. Avant de comparer des établissements, on tient
# compte de ces différences de patients : on parle d'**ajustement** (ou de standardisation) sur l'âge
# et les maladies.
#
# ## 4. Cumulé ou mois par mois ?
#
# Autre piège fréquent : la **courbe cumulée**. Elle additionne les mois les uns aux autres, donc
# elle ne peut que monter, même quand l'activité baisse. Exécutez les deux cellules suivantes : la
# première compte les séjours hors séances de chaque mois et les cumule (`.cumsum()`), la seconde
# montre les deux présentations.

# %%
par_mois = (sejours_hors_seances
            .assign(mois=sejours_hors_seances["date_entree"].dt.to_period("M").dt.to_timestamp())
            .groupby("mois", as_index=False)
            .agg(sejours=("sejour_id", "size")))
par_mois["cumul"] = par_mois["sejours"].cumsum()
par_mois.head()

# %%
figure = px.line(par_mois, x="mois", y="cumul",
                 labels={"mois": "Mois", "cumul": "Séjours cumulés depuis le début des données"},
                 title="Hospitalisations : une hausse sans fin ?")
figure.show()

figure = px.bar(par_mois, x="mois", y="sejours",
                labels={"mois": "Mois d'entrée", "sejours": "Séjours hors séances"},
                title="Nombre de séjours hors séances, mois par mois")
figure.show()

# %% [markdown]
# La courbe cumulée donne l'impression d'une explosion de l'activité ; les barres mensuelles
# montrent ce qui se passe vraiment : une activité qui varie d'un mois à l'autre, sans s'envoler.
# Pour comparer deux mois, comparez le même mois d'une année sur l'autre (un mois de février, plus
# court, ou un mois d'épidémie d'hiver ne se comparent pas au mois précédent).
#
# ## 5. Dire les chiffres avec des mots

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : réécrire un titre de presse (3 points, corrigée par votre formateur)
#
# Un journal local titre :
#
# > **« Clinique des Tilleuls : le risque de revenir à l'hôpital bondit de 50 % ! »**
#
# L'article précise, en bas de page, que l'an dernier 4 patients sur 200 sortis de la clinique
# ont été réhospitalisés dans le mois, et cette année 6 patients sur 200.
#
# Réécrivez ce titre (et, si besoin, une phrase d'explication) pour qu'il soit **exact et
# compréhensible** par un lecteur non spécialiste. Votre texte doit donner les chiffres absolus et
# le dénominateur, et dire avec des mots simples ce que représente l'écart.

# %% [markdown] kit={"bareme": ["1 point : les risques en valeur absolue (2 % puis 3 %, soit 1 point de pourcentage de plus)", "1 point : le d\u00e9nominateur et les effectifs (4 puis 6 patients sur 200, soit 2 patients de plus)", "1 point : des mots simples et sans emphase, avec une mise en garde sur le hasard d'un \u00e9cart qui repose sur si peu de cas"], "competences": ["communiquer-risque", "argumenter"]} nbgrader={"grade": true, "grade_id": "q9-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Clinique des Tilleuls : 6 patients sur 200 réhospitalisés dans le mois cette année, contre 4 sur
# 200 l'an dernier.**
#
# Le risque passe de 2 % à 3 %, soit 1 point de plus : 2 patients de plus sur 200. Le « + 50 % »
# est exact en valeur relative, mais il porte sur de si petits nombres qu'un tel écart peut
# s'expliquer par le hasard ; il faudra plusieurs années ou davantage de patients pour conclure.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 10 : faut-il publier le palmarès ? (2 points, corrigée par votre formateur)
#
# Le service de communication de votre agence régionale de santé souhaite publier, sur son site,
# le classement des établissements selon leur taux de réhospitalisation à 30 jours, calculé comme
# à la question 8. En vous appuyant sur ce que vous avez observé dans ce carnet, que lui
# conseillez-vous ? Répondez en trois à cinq phrases.

# %% [markdown] kit={"bareme": ["1 point : les petits effectifs rendent les taux instables (hasard) ; donner les effectifs avec les taux, fixer un effectif minimal ou montrer un graphique en entonnoir plut\u00f4t qu'un classement", "1 point : les \u00e9tablissements n'accueillent pas les m\u00eames patients (\u00e2ge, maladies chroniques) : un taux brut les compare injustement, il faut tenir compte de ces diff\u00e9rences (ajustement)"], "competences": ["argumenter", "visualiser", "communiquer-risque"]} nbgrader={"grade": true, "grade_id": "q10-reponse", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Je déconseille un classement brut. D'abord, les établissements qui ont peu de séjours ont un taux
# qui varie beaucoup au hasard : un ou deux patients suffisent à les placer en tête ou en queue du
# classement. Il faut au minimum afficher le nombre de séjours à côté de chaque taux, écarter les
# effectifs trop faibles et préférer un graphique en entonnoir, qui ne signale que les écarts
# improbables. Ensuite, le risque dépend de l'âge des patients (il est plus élevé après 80 ans) :
# un établissement qui accueille des patients plus âgés ou plus malades aurait un taux plus élevé
# sans être moins bon. Il faudrait donc ajuster les taux sur l'âge et les maladies chroniques avant
# toute comparaison.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - Refaites le graphique à 100 points pour les patients de moins de 65 ans
#   (`sejours_index_reprise["age"] < 65`) : comment présenteriez-vous la comparaison avec les 80 ans
#   et plus ?
# - Tracez la durée moyenne de séjour par catégorie d'établissement (`categorie` de la table
#   `etablissements`, à relier par `finess`), d'abord avec un axe tronqué, puis honnêtement.
# - Le **camembert** est un autre piège : tracez `px.pie(palmares, names="categorie",
#   values="sejours")` puis `px.bar` des mêmes données. Lequel permet de comparer le plus facilement
#   les catégories ?
# - Cherchez dans la presse un titre qui annonce « + X % de risque » : retrouvez les risques absolus
#   dans l'article, s'ils y sont.

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Un graphique en barres part **toujours de zéro** ; un titre neutre et des axes nommés en
#   français font partie de l'honnêteté : `fig.update_yaxes(rangemode="tozero")`.
# - Un risque est une fraction : vérifiez le **dénominateur** (qui pouvait être concerné ? avec
#   quel recul ?) avant de le calculer.
# - Trier puis décaler (`sort_values`, `groupby(...).shift(-1)`) donne l'événement suivant d'un même
#   patient.
# - Une **différence absolue** se dit en points de pourcentage ; un **risque relatif** est un
#   rapport ; « + 50 % » peut ne représenter qu'un patient de plus sur 100.
# - Pour un patient : une **fréquence naturelle** (« sur 100 patients comme vous, X… et les autres
#   non »), illustrée par 100 points.
# - Un pourcentage sans effectif ne veut rien dire : sur de petits nombres, les taux extrêmes sont
#   souvent dus au hasard ; on compare des établissements après ajustement sur leurs patients ; une
#   courbe cumulée monte toujours.
