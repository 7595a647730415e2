# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Explorer l'activité hospitalière
#
# **Durée : 70 minutes.** Après la population (carnet 00), voici l'activité des hôpitaux : les
# séjours de médecine, chirurgie et obstétrique (MCO) de la table `sejours`, décrits comme dans le
# PMSI (programme de médicalisation des systèmes d'information). Les données restent
# **entièrement synthétiques** : aucune ligne ne décrit un patient ni un établissement réel.
#
# À la fin de ce carnet, vous saurez :
#
# - lire un code GHM et en tirer la CMD et la racine ;
# - décrire le case-mix (l'éventail des prises en charge) avec les libellés de la nomenclature ;
# - calculer une durée moyenne de séjour (DMS) et un taux d'ambulatoire, au total et par
#   catégorie d'établissement ;
# - relier deux tables avec `merge` ;
# - représenter l'activité des territoires sur une « carte » simple et en tirer un message pour
#   une direction.
#
# **Le lien avec Innov'Health.** Avant de proposer une innovation organisationnelle à un hôpital ou
# à un GHT (développer la chirurgie ambulatoire, réorganiser une filière, partager une équipe entre
# établissements), il faut savoir décrire son activité : quelles prises en charge, combien de temps
# les patients restent, où. Ce carnet vous donne ces indicateurs de base ; au datathon du module,
# chaque séjour est décrit par les mêmes informations (GHM, durée du séjour, catégorie
# d'établissement).
#
# Chaque question a une cellule de réponse, où vous remplacez les trois points `...` par votre calcul,
# puis une cellule de vérification : exécutez-la. « ✅ Bonne réponse » veut dire que la réponse est juste
# (et vaudra tous les points de la question) ; sinon, un ❌ vous dit ce qui ne va pas. Les pourcentages et
# les moyennes sont jugés avec le nombre de décimales que la consigne demande. Quand une question
# s'appuie sur un résultat précédent, une cellule « Point de reprise » le recalcule d'abord pour vous :
# une erreur à une question ne vous bloque pas pour la suite.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée) : la première indique où se
# trouvent les données ; la seconde charge deux tables du jeu de données (`sejours` et
# `etablissements`) et deux tables de référence du kit : la nomenclature des GHM (`ghm`) et la
# liste des départements avec les coordonnées de leur préfecture (`departements`). Vous n'avez pas
# besoin de les modifier.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd
import plotly.express as px

from participant.checks import check_answer
from participant.data import load_reference, load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français
sejours = load_table("sejours", DONNEES)
etablissements = load_table("etablissements", DONNEES)
ghm = load_reference("ghm")
departements = load_reference("departements")
print(f"{len(sejours):,} séjours et {len(etablissements):,} établissements chargés".replace(",", " "))

# %% [markdown]
# Chaque ligne de `sejours` est un séjour hospitalier, à la manière d'un résumé de sortie anonyme
# (RSA) du PMSI : le patient (`patient_id`), l'établissement (`finess`), les dates, le nombre de
# nuits (`duree_sejour`), le diagnostic principal (code CIM-10) et le GHM.

# %%
sejours.head()

# %% [markdown]
# ## Lire un code GHM
#
# Le **GHM** (groupe homogène de malades) classe chaque séjour selon la prise en charge ; c'est
# lui qui détermine, avec la tarification à l'activité (T2A), ce que l'Assurance Maladie paie à
# l'établissement (colonne `tarif_ghs`). Son code a 6 caractères, par exemple `06C091` :
#
# | caractères | exemple | signification |
# | --- | --- | --- |
# | 1 et 2 | `06` | la **CMD** (catégorie majeure de diagnostic), le grand appareil concerné : ici le tube digestif |
# | 3 | `C` | le type : `C` chirurgie, `K` acte non opératoire (endoscopie...), `M` médecine, `Z` indifférencié |
# | 4 et 5 | `09` | un numéro ; les 5 premiers caractères forment la **racine** : `06C09`, appendicectomies non compliquées |
# | 6 | `1` | le niveau : sévérité `1` à `4` (`A` à `D` en obstétrique), `J` ambulatoire, `T` très courte durée, `Z` séances |
#
# En pandas, `.str[:2]` garde les 2 premiers caractères de chaque texte d'une colonne.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : la CMD et la racine de chaque séjour (2 points)
#
# Ajoutez à la table `sejours` deux colonnes : `cmd` (les 2 premiers caractères du GHM) et
# `racine` (les 5 premiers caractères). La vérification regarde ces deux colonnes, séjour par séjour.
#
# Indice : `sejours["cmd"] = sejours["ghm"].str[:2]` crée la première colonne ; faites de même
# pour la seconde avec `.str[:5]`. Écrivez vos deux lignes sous le commentaire.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
# VOTRE CODE ICI : une ligne pour la colonne cmd, une ligne pour la colonne racine
### BEGIN SOLUTION
sejours["cmd"] = sejours["ghm"].str[:2]
sejours["racine"] = sejours["ghm"].str[:5]
### END SOLUTION

# %% kit={"competences": ["nomenclatures"], "reponses": ["sejours"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", sejours)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

reference = load_table("sejours", DONNEES, colonnes=["sejour_id", "ghm"])
codes_ghm = reference["ghm"]
grade_answer(
    "q1", sejours, reference.assign(cmd=codes_ghm.str[:2], racine=codes_ghm.str[:5]),
    Table(columns=("sejour_id", "cmd", "racine")),
    mistakes={
        "La colonne cmd a 3 caractères : la CMD, ce sont les 2 premiers (.str[:2]).": (
            reference.assign(cmd=codes_ghm.str[:3], racine=codes_ghm.str[:5])
        ),
        "La colonne racine contient le GHM entier : la racine, ce sont les 5 premiers caractères (.str[:5]).": (
            reference.assign(cmd=codes_ghm.str[:2], racine=codes_ghm)
        ),
        "La colonne racine a 4 caractères : la racine, ce sont les 5 premiers (.str[:5]).": (
            reference.assign(cmd=codes_ghm.str[:2], racine=codes_ghm.str[:4])
        ),
        "Les colonnes cmd et racine sont inversées : cmd a 2 caractères, racine 5.": (
            reference.assign(cmd=codes_ghm.str[:5], racine=codes_ghm.str[:2])
        ),
        "Vos colonnes commencent au 2e caractère : .str[:2] garde les 2 premiers (Python compte à partir de 0).": (
            reference.assign(cmd=codes_ghm.str[1:3], racine=codes_ghm.str[1:6])
        ),
        "Il manque .str : sejours[\"ghm\"][:2] garde les 2 premières lignes de la table ; "
        "sejours[\"ghm\"].str[:2] garde les 2 premiers caractères de chaque code.": (
            reference.assign(cmd=codes_ghm[:2], racine=codes_ghm[:5])
        ),
        "Les colonnes cmd et racine contiennent le GHM entier : découpez-le avec .str[:2] et .str[:5].": (
            reference.assign(cmd=codes_ghm, racine=codes_ghm)
        ),
    },
    hint="Les colonnes cmd et racine ne sont pas les débuts du GHM ; indice : sejours[\"cmd\"] = sejours[\"ghm\"].str[:2].",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recharge les séjours et leur ajoute les
# colonnes `cmd` et `racine` avec le code ci-dessous, dans la table `sejours_reprise` ; la suite du
# carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q1-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_reprise = load_table("sejours", DONNEES)
sejours_reprise["cmd"] = sejours_reprise["ghm"].str[:2]
sejours_reprise["racine"] = sejours_reprise["ghm"].str[:5]
sejours_reprise[["ghm", "cmd", "racine"]].head()

# %% [markdown]
# ## Le case-mix par CMD
#
# Le **case-mix** (ou éventail des cas) est la répartition des séjours entre les différentes prises
# en charge : c'est la carte d'identité de l'activité d'un hôpital, ou ici de tout un territoire.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : quelle part des séjours dans chaque CMD ? (2 points)
#
# À partir de `sejours_reprise`, calculez le **pourcentage** de séjours de chaque CMD et stockez-le
# dans `part_cmd` (une valeur par CMD). Chaque pourcentage est jugé à une décimale près.
#
# Indice : `sejours_reprise["cmd"].value_counts(normalize=True)` donne des proportions (entre 0 et 1)
# au lieu des effectifs ; multipliez-les par 100 pour obtenir des pourcentages.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
part_cmd = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
part_cmd = sejours_reprise["cmd"].value_counts(normalize=True) * 100
### END SOLUTION

# %% kit={"competences": ["nomenclatures", "indicateurs-activite"], "reponses": ["part_cmd"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", part_cmd)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

reference = load_table("sejours", DONNEES, colonnes=["ghm"])["ghm"]
grade_answer(
    "q2", part_cmd, reference.str[:2].value_counts(normalize=True) * 100, Series(decimals=1, percent=True),
    mistakes={
        "Ce sont les parts par racine de GHM : comptez sur la colonne cmd.": (
            reference.str[:5].value_counts(normalize=True) * 100
        ),
        "Ce sont les parts par GHM complet : comptez sur la colonne cmd.": reference.value_counts(normalize=True) * 100,
        "Arrondi trop fort : gardez une décimale (ou n'arrondissez pas).": (
            (reference.str[:2].value_counts(normalize=True) * 100).round(0)
        ),
    },
    hint="Ce ne sont pas les pourcentages de séjours par CMD ; indice : "
    "sejours_reprise[\"cmd\"].value_counts(normalize=True) * 100.",
)
### END HIDDEN TESTS

# %% [markdown]
# Les codes seuls parlent peu : la cellule suivante recalcule ces pourcentages, leur associe le nom
# de chaque CMD (un dictionnaire Python, `{code: nom}`, que `.map(...)` applique à la colonne), puis
# trace le case-mix. Passez la souris sur les barres pour lire les pourcentages.

# %%
libelles_cmd = {
    "01": "01 Système nerveux",
    "02": "02 Œil",
    "04": "04 Appareil respiratoire",
    "05": "05 Appareil circulatoire",
    "06": "06 Tube digestif",
    "07": "07 Foie, voies biliaires, pancréas",
    "08": "08 Appareil musculosquelettique",
    "09": "09 Peau, tissu sous-cutané, seins",
    "10": "10 Endocrinologie, métabolisme, nutrition",
    "11": "11 Rein et voies urinaires",
    "14": "14 Grossesse, accouchement",
    "19": "19 Troubles mentaux",
    "20": "20 Alcool et drogues",
    "23": "23 Autres motifs de recours",
    "28": "28 Séances",
}
tableau_cmd = (sejours_reprise["cmd"].value_counts(normalize=True) * 100).round(1).rename("pourcentage").reset_index()
tableau_cmd["libelle"] = tableau_cmd["cmd"].map(libelles_cmd).fillna(tableau_cmd["cmd"])
figure = px.bar(tableau_cmd, x="pourcentage", y="libelle", orientation="h",
                labels={"pourcentage": "Part des séjours (%)", "libelle": "CMD"},
                title="Case-mix : part des séjours dans chaque CMD")
figure.update_yaxes(categoryorder="total ascending")
figure.show()

# %% [markdown]
# Deux CMD demandent une lecture attentive :
#
# - la **CMD 28** regroupe les **séances** (dialyse, chimiothérapie) : un patient dialysé en compte
#   plus de cent par an, toujours sans nuit à l'hôpital ; elles peuvent peser lourd en nombre de
#   séjours, beaucoup moins en journées ;
# - la **CMD 23** (autres motifs de recours) est, dans ce jeu synthétique, le fourre-tout des motifs
#   médicaux qui ne sont pas modélisés en détail (douleurs, fièvre, malaises) ; elle est donc bien
#   plus grosse que dans le PMSI réel, où ces séjours se répartissent dans de nombreuses CMD.
#
# ## Les racines de GHM les plus fréquentes
#
# Pour aller plus fin que la CMD, on regarde les racines. La table de référence `ghm` (chargée au
# début) donne le libellé de chaque GHM ; la cellule suivante en tire une table `racines`, avec un
# libellé par racine (elle enlève la fin du libellé, qui précise seulement le niveau de sévérité).

# %%
racines = ghm.drop_duplicates("racine").copy()
racines["libelle_racine"] = racines["libelle"].str.rsplit(", ", n=1).str[0]
racines = racines[["racine", "libelle_racine"]]
racines.head()

# %% [markdown]
# Pour ajouter ce libellé à chaque séjour, on **relie** les deux tables par leur colonne commune,
# `racine`. C'est le rôle de `merge` (comme une RECHERCHEV dans un tableur) :
# `sejours_reprise.merge(racines, on="racine")` renvoie la table des séjours, avec en plus la
# colonne `libelle_racine`.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : les 10 racines les plus fréquentes (2 points)
#
# Créez `top_racines` : le nombre de séjours des 10 racines de GHM les plus fréquentes, désignées
# par leur **libellé**. Trois étapes :
#
# 1. `sejours_libelles = sejours_reprise.merge(racines, on="racine")` ajoute le libellé à chaque
#    séjour ;
# 2. `.value_counts()` appliqué à la colonne `libelle_racine` de `sejours_libelles` compte les
#    séjours de chaque racine, de la plus fréquente à la moins fréquente ;
# 3. `.head(10)` garde les 10 premières lignes.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
top_racines = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_libelles = sejours_reprise.merge(racines, on="racine")
top_racines = sejours_libelles["libelle_racine"].value_counts().head(10)
### END SOLUTION

# %% kit={"competences": ["nomenclatures"], "reponses": ["top_racines"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", top_racines)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer, top_with_ties

reference = load_table("sejours", DONNEES, colonnes=["ghm"])["ghm"].str[:5]
nomenclature = load_reference("ghm").drop_duplicates("racine")
libelles = dict(zip(nomenclature["racine"], nomenclature["libelle"].str.rsplit(", ", n=1).str[0]))
effectifs = reference.map(libelles).value_counts()
grade_answer(
    "q3", top_racines, effectifs.head(10), Series(), also_right=top_with_ties(effectifs, 10),
    mistakes={
        "Ce sont toutes les racines : gardez les 10 premières avec .head(10).": effectifs,
        "Ce sont 5 racines : .head() en garde 5 par défaut, écrivez .head(10).": effectifs.head(5),
        "Ce sont les 10 racines les moins fréquentes : .value_counts() range de la plus fréquente à la moins "
        "fréquente, gardez le début avec .head(10).": effectifs.tail(10),
        "Ce sont les codes des racines : comptez sur la colonne libelle_racine pour avoir les libellés.": (
            reference.value_counts().head(10)
        ),
        "Ce sont des proportions : sans normalize=True, .value_counts() donne des nombres de séjours.": (
            (effectifs / effectifs.sum()).head(10)
        ),
    },
    hint="Ce ne sont pas les nombres de séjours des 10 racines les plus fréquentes ; indice : "
    "sejours_libelles[\"libelle_racine\"].value_counts().head(10).",
)
### END HIDDEN TESTS

# %% [markdown]
# ## La durée moyenne de séjour (DMS)
#
# La colonne `duree_sejour` compte les **nuits** passées à l'hôpital ; 0 veut dire que le patient
# est sorti le jour même (séjour ambulatoire ou séance). Le graphique suivant montre combien de
# séjours durent 0, 1, 2... nuits (les séjours de 30 nuits ou plus sont regroupés à 30) : la barre
# des séjours sans nuit écrase souvent les autres.

# %%
repartition = sejours_reprise["duree_sejour"].clip(upper=30).value_counts().sort_index()
figure = px.bar(x=repartition.index, y=repartition.values,
                labels={"x": "Durée du séjour (nuits ; 30 = 30 nuits ou plus)", "y": "Nombre de séjours"},
                title="Répartition des séjours selon leur durée")
figure.show()

# %% [markdown]
# La **DMS** est la moyenne de `duree_sejour`. Mais les séjours sans nuit tirent cette moyenne
# vers le bas : c'est pourquoi l'ATIH calcule la DMS sur l'**hospitalisation complète**, c'est-à-dire
# les seuls séjours d'au moins une nuit.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : la DMS, avec et sans les séjours de 0 nuit (2 points)
#
# À partir de `sejours_reprise`, calculez deux nombres, jugés à deux décimales près :
#
# - `dms_tous_sejours` : la moyenne de `duree_sejour` sur tous les séjours ;
# - `dms_hospitalisation_complete` : la moyenne de `duree_sejour` sur les seuls séjours d'au moins
#   une nuit.
#
# Indice : `sejours_reprise[sejours_reprise["duree_sejour"] > 0]` est un **filtre** : il ne garde que
# les lignes où la condition est vraie. Stockez-le par exemple dans `hospitalisation_complete`, puis
# prenez la moyenne (`.mean()`) de sa colonne `duree_sejour`. La vérification juge les deux nombres
# ensemble.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
dms_tous_sejours = ...  # VOTRE CODE ICI
dms_hospitalisation_complete = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
dms_tous_sejours = sejours_reprise["duree_sejour"].mean()
hospitalisation_complete = sejours_reprise[sejours_reprise["duree_sejour"] > 0]
dms_hospitalisation_complete = hospitalisation_complete["duree_sejour"].mean()
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["dms_hospitalisation_complete", "dms_tous_sejours"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", {"tous": dms_tous_sejours, "complete": dms_hospitalisation_complete})
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

reference = load_table("sejours", DONNEES, colonnes=["duree_sejour", "ghm"])
nuits = reference["duree_sejour"]
dms_tous, dms_complete = nuits.mean(), nuits[nuits > 0].mean()
grade_answer(
    "q4", {"tous": dms_tous_sejours, "complete": dms_hospitalisation_complete},
    {"tous": dms_tous, "complete": dms_complete}, Series(decimals=2),
    mistakes={
        "Vous n'avez pas encore répondu : remplacez les trois points ... des deux lignes par vos calculs.": {
            "tous": ..., "complete": ...
        },
        "dms_hospitalisation_complete n'est pas encore calculée : remplacez ses trois points ... par votre calcul.": {
            "tous": dms_tous, "complete": ...
        },
        "dms_tous_sejours n'est pas encore calculée : remplacez ses trois points ... par votre calcul.": {
            "tous": ..., "complete": dms_complete
        },
        "Vos deux DMS sont égales : pour l'hospitalisation complète, ne gardez que les séjours d'au moins une "
        "nuit (duree_sejour > 0).": {"tous": dms_tous, "complete": dms_tous},
        "Vos deux DMS portent sur les séjours d'au moins une nuit : dms_tous_sejours se calcule sur tous les "
        "séjours.": {"tous": dms_complete, "complete": dms_complete},
        "Les deux valeurs sont inversées : dms_tous_sejours porte sur tous les séjours, "
        "dms_hospitalisation_complete sur ceux d'au moins une nuit.": {"tous": dms_complete, "complete": dms_tous},
        "Ce sont des médianes : la DMS est une moyenne, .mean().": {
            "tous": nuits.median(), "complete": nuits[nuits > 0].median()
        },
        "Vous avez écarté les séances (CMD 28) : l'hospitalisation complète, ce sont les séjours d'au moins une "
        "nuit (duree_sejour > 0).": {"tous": dms_tous, "complete": nuits[reference["ghm"].str[:2] != "28"].mean()},
        "Votre filtre garde les séjours de 0 nuit (== 0) : l'hospitalisation complète, ce sont ceux d'au moins "
        "une nuit (> 0).": {"tous": dms_tous, "complete": nuits[nuits == 0].mean()},
        "Arrondi trop fort : gardez deux décimales (ou n'arrondissez pas).": {
            "tous": round(dms_tous, 1), "complete": round(dms_complete, 1)
        },
        "Arrondi à l'unité : gardez deux décimales (ou n'arrondissez pas).": {
            "tous": round(dms_tous), "complete": round(dms_complete)
        },
    },
    hint="Ce ne sont pas les deux DMS attendues ; indice : sejours_reprise[\"duree_sejour\"].mean(), puis la même "
    "moyenne sur sejours_reprise[sejours_reprise[\"duree_sejour\"] > 0].",
)
### END HIDDEN TESTS

# %% [markdown]
# ## Relier les séjours aux établissements
#
# La table des séjours ne dit pas si un séjour a eu lieu dans un CHU ou dans une clinique : cette
# information est dans la table `etablissements`, une ligne par établissement. Les deux tables
# partagent la colonne `finess`, le numéro d'identification de l'établissement.

# %%
etablissements[["finess", "nom", "categorie", "departement", "lits"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : ajouter l'établissement à chaque séjour (1 point)
#
# Reliez `sejours_reprise` et `etablissements` par la colonne `finess` avec `merge`, comme à la
# question 3, et stockez le résultat dans `sejours_etab`. Chaque séjour y gagne les colonnes de son
# établissement (`categorie`, `departement`, `nom`...) ; la vérification regarde que chaque séjour
# y figure une fois, avec la catégorie de son établissement.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
sejours_etab = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_etab = sejours_reprise.merge(etablissements, on="finess")
### END SOLUTION

# %% kit={"competences": ["charger-decrire"], "reponses": ["sejours_etab"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", sejours_etab)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

reference = load_table("sejours", DONNEES, colonnes=["sejour_id", "finess"])
reference_etab = load_table("etablissements", DONNEES, colonnes=["finess", "categorie"])
grade_answer(
    "q5", sejours_etab, reference.merge(reference_etab, on="finess"), Table(columns=("sejour_id", "categorie")),
    mistakes={
        "Votre table a des lignes en trop : how=\"outer\" (ou \"right\") ajoute les établissements sans séjour ; "
        "gardez la jointure par défaut, merge(etablissements, on=\"finess\").": (
            reference.merge(reference_etab, on="finess", how="outer")
        ),
    },
    hint="Ce n'est pas la table des séjours, chacun avec son établissement ; indice : "
    "sejours_reprise.merge(etablissements, on=\"finess\").",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante relie les séjours à leur établissement avec
# le code ci-dessous, dans la table `sejours_etab_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q5-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_etab_reprise = sejours_reprise.merge(etablissements, on="finess")
sejours_etab_reprise[["sejour_id", "finess", "nom", "categorie", "duree_sejour"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : la DMS par catégorie d'établissement (2 points)
#
# Calculez `dms_par_categorie` : la DMS en **hospitalisation complète** (séjours d'au moins une
# nuit) de chaque catégorie d'établissement (CHU, CH, ESPIC, clinique privée, CLCC : centre de lutte
# contre le cancer), jugée à deux décimales près.
#
# Indice : filtrez d'abord `sejours_etab_reprise` comme à la question 4, puis utilisez
# `.groupby("categorie")["duree_sejour"].mean()`. `groupby` range les lignes en groupes, ici un
# par catégorie, et calcule la moyenne dans chacun.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
dms_par_categorie = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
complet_etab = sejours_etab_reprise[sejours_etab_reprise["duree_sejour"] > 0]
dms_par_categorie = complet_etab.groupby("categorie")["duree_sejour"].mean()
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["dms_par_categorie"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", dms_par_categorie)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

reference = load_table("sejours", DONNEES, colonnes=["finess", "duree_sejour", "ghm"]).merge(
    load_table("etablissements", DONNEES, colonnes=["finess", "categorie"]), on="finess"
)
complet = reference[reference["duree_sejour"] > 0]
attendu = complet.groupby("categorie")["duree_sejour"].mean()
grade_answer(
    "q6", dms_par_categorie, attendu, Series(decimals=2),
    mistakes={
        "Ce sont les DMS de tous les séjours : ne gardez d'abord que ceux d'au moins une nuit "
        "(duree_sejour > 0).": reference.groupby("categorie")["duree_sejour"].mean(),
        "Ce sont des médianes : la DMS est une moyenne, .mean().": complet.groupby("categorie")["duree_sejour"].median(),
        "Vous avez écarté les séances (CMD 28) : l'hospitalisation complète, ce sont les séjours d'au moins une "
        "nuit (duree_sejour > 0).": (
            reference[reference["ghm"].str[:2] != "28"].groupby("categorie")["duree_sejour"].mean()
        ),
        "Ce sont des nombres de nuits au total : la DMS est une moyenne, .mean().": (
            complet.groupby("categorie")["duree_sejour"].sum()
        ),
        "Arrondi trop fort : gardez deux décimales (ou n'arrondissez pas).": attendu.round(1),
    },
    hint="Ce ne sont pas les DMS en hospitalisation complète par catégorie ; indice : "
    "sejours_etab_reprise[sejours_etab_reprise[\"duree_sejour\"] > 0].groupby(\"categorie\")[\"duree_sejour\"].mean().",
)
### END HIDDEN TESTS

# %% [markdown]
# Une DMS plus courte n'est pas forcément « meilleure » : elle dépend d'abord du case-mix (un CHU
# accueille des cas plus lourds) et de l'aval (places en soins de suite, en EHPAD). Pour comparer
# des établissements, il faut raisonner **à GHM égal** : c'est l'idée de l'IP-DMS (indice de
# performance de la DMS) publié dans Hospi Diag, qui rapporte les journées d'un établissement à
# celles qu'il aurait réalisées avec la DMS nationale de chacun de ses GHM.
#
# ## Le virage ambulatoire
#
# Un séjour **ambulatoire** se fait sans nuit à l'hôpital (`duree_sejour == 0`). Développer
# l'ambulatoire, le « virage ambulatoire », est une priorité nationale depuis plus de dix ans. Pour
# le mesurer, on **exclut les séances** (CMD 28) : toujours sans nuit, elles gonfleraient le taux
# sans rien dire de l'organisation des services. Repère national : hors séances, environ 45 % des
# séjours MCO se font sans nuit (ATIH).
#
# Certaines prises en charge se prêtent particulièrement à l'ambulatoire : chirurgie de la cataracte,
# endoscopies, hernies, arthroscopies. C'est là qu'un établissement cherche d'abord ses marges de
# progrès, en adaptant son organisation (unité de chirurgie ambulatoire, programmation, appel du
# lendemain), puis en suivant son taux dans le temps.
#
# La cellule suivante garde les séjours hors séances et leur ajoute une colonne `ambulatoire`,
# Vrai pour un séjour sans nuit, Faux sinon. Exécutez-la.

# %%
hors_seances = sejours_etab_reprise[sejours_etab_reprise["cmd"] != "28"].copy()
hors_seances["ambulatoire"] = hors_seances["duree_sejour"] == 0
print(f"Taux d'ambulatoire hors séances : {hors_seances['ambulatoire'].mean() * 100:.1f} %")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : le taux d'ambulatoire par catégorie d'établissement (2 points)
#
# Calculez `taux_ambulatoire_categorie` : le **pourcentage** de séjours ambulatoires (hors séances)
# dans chaque catégorie d'établissement, jugé à une décimale près.
#
# Indice : comme au carnet 00, la moyenne d'une colonne de Vrai/Faux est une proportion ;
# `hors_seances.groupby("categorie")["ambulatoire"].mean()` donne donc la proportion de chaque
# catégorie. Multipliez par 100.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
taux_ambulatoire_categorie = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
taux_ambulatoire_categorie = hors_seances.groupby("categorie")["ambulatoire"].mean() * 100
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["taux_ambulatoire_categorie"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", taux_ambulatoire_categorie)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

reference = load_table("sejours", DONNEES, colonnes=["finess", "duree_sejour", "ghm"]).merge(
    load_table("etablissements", DONNEES, colonnes=["finess", "categorie"]), on="finess"
)
sans_nuit = reference["duree_sejour"] == 0
hors_seances_ref = reference["ghm"].str[:2] != "28"
attendu = sans_nuit[hors_seances_ref].groupby(reference["categorie"][hors_seances_ref]).mean() * 100
grade_answer(
    "q7", taux_ambulatoire_categorie, attendu, Series(decimals=1, percent=True),
    mistakes={
        "Les séances sont comptées : partez de hors_seances, qui les exclut.": (
            sans_nuit.groupby(reference["categorie"]).mean() * 100
        ),
        "C'est la part des séjours d'au moins une nuit : l'ambulatoire, ce sont les séjours sans nuit "
        "(colonne ambulatoire, duree_sejour == 0).": 100 - attendu,
        "Arrondi trop fort : gardez une décimale (ou n'arrondissez pas).": attendu.round(0),
    },
    hint="Ce ne sont pas les pourcentages de séjours sans nuit, hors séances, par catégorie ; indice : "
    "hors_seances.groupby(\"categorie\")[\"ambulatoire\"].mean() * 100.",
)
### END HIDDEN TESTS

# %% [markdown]
# Derrière une moyenne par catégorie, les établissements diffèrent. La cellule suivante calcule,
# pour chacun, son nombre de séjours et son taux d'ambulatoire (`.agg(...)` calcule plusieurs
# résumés à la fois), puis place chaque établissement sur un graphique. L'axe horizontal est en
# échelle logarithmique : chaque graduation multiplie l'effectif par 10.

# %%
par_etablissement = (hors_seances.groupby(["finess", "nom", "categorie"])
                     .agg(sejours=("ambulatoire", "size"), taux_ambulatoire=("ambulatoire", "mean"))
                     .reset_index())
par_etablissement["taux_ambulatoire"] = par_etablissement["taux_ambulatoire"] * 100
figure = px.scatter(par_etablissement, x="sejours", y="taux_ambulatoire", color="categorie",
                    hover_name="nom", log_x=True,
                    labels={"sejours": "Séjours hors séances (échelle logarithmique)",
                            "taux_ambulatoire": "Taux d'ambulatoire (%)", "categorie": "Catégorie"},
                    title="Taux d'ambulatoire de chaque établissement selon son activité")
figure.show()

# %% [markdown]
# À gauche du graphique, les établissements qui ont peu de séjours ont des taux très dispersés :
# avec 5 séjours, un seul séjour de plus ou de moins fait varier le taux de 20 points. Avant de
# féliciter ou d'interpeller une équipe sur son taux, regardez toujours l'effectif sur lequel il
# est calculé.
#
# ## L'activité par territoire
#
# Où se concentre l'activité ? La cellule suivante compte les séjours par département
# d'implantation de l'établissement (`.size()` compte les lignes de chaque groupe), puis y ajoute
# le nom et les coordonnées de la préfecture de chaque département (table de référence
# `departements`). Les deux tables ne nomment pas la colonne du département de la même façon :
# `left_on` et `right_on` donnent le nom de chaque côté. Les départements d'outre-mer (codes à 3
# chiffres) sont trop loin pour la même figure : la table `metropole` les laisse de côté.

# %%
activite_departements = sejours_etab_reprise.groupby("departement").size().reset_index(name="sejours")
activite_departements = activite_departements.merge(departements, left_on="departement", right_on="code")
metropole = activite_departements[activite_departements["departement"].str.len() == 2]
metropole[["departement", "nom", "chef_lieu", "sejours", "latitude", "longitude"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : la carte de l'activité (2 points)
#
# Sans fond de carte, un nuage de points dont l'axe horizontal est la longitude et l'axe vertical
# la latitude dessine la France. Créez la figure `carte` avec `px.scatter` appliqué à la table
# `metropole`, en précisant :
#
# - `x="longitude"` et `y="latitude"` ;
# - `size="sejours"` : la taille de chaque point suit le nombre de séjours ;
# - `title="..."` : un titre en français, qui dit ce que montre la carte ;
# - si vous le souhaitez, `hover_name="nom"` : le nom du département s'affiche au survol.
#
# La vérification regarde les points (position et taille) et la présence d'un titre. Pour voir
# votre carte, ajoutez ensuite ces deux lignes : la première garde les proportions de la France, la
# seconde affiche la figure.
#
# ```python
# carte.update_yaxes(scaleanchor="x", scaleratio=1.45)
# carte.show()
# ```

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
carte = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
carte = px.scatter(metropole, x="longitude", y="latitude", size="sejours", hover_name="nom",
                   labels={"longitude": "Longitude", "latitude": "Latitude", "sejours": "Séjours"},
                   title="Séjours MCO selon le département de l'établissement")
carte.update_yaxes(scaleanchor="x", scaleratio=1.45)
carte.show()
### END SOLUTION

# %% kit={"competences": ["visualiser"], "reponses": ["carte"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q8", carte)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Figure
from participant.checks import grade_answer

reference = load_table("sejours", DONNEES, colonnes=["finess"]).merge(
    load_table("etablissements", DONNEES, colonnes=["finess", "departement"]), on="finess"
)
reference = reference.groupby("departement").size().reset_index(name="sejours").merge(
    load_reference("departements"), left_on="departement", right_on="code"
)
reference_metropole = reference[reference["departement"].str.len() == 2]
grade_answer(
    "q8", carte,
    px.scatter(reference_metropole, x="longitude", y="latitude", size="sejours", title="Carte"),
    Figure(points=("x", "y", "marker.size"), title=True),
    mistakes={
        "Longitude et latitude sont inversées : x=\"longitude\" (est-ouest), y=\"latitude\" (nord-sud).": (
            px.scatter(reference_metropole, x="latitude", y="longitude", size="sejours", title="Carte")
        ),
        "Les points ont tous la même taille : ajoutez size=\"sejours\".": (
            px.scatter(reference_metropole, x="longitude", y="latitude", title="Carte")
        ),
        "La taille des points suit la population : c'est le nombre de séjours qui est demandé, size=\"sejours\".": (
            px.scatter(reference_metropole, x="longitude", y="latitude", size="population", title="Carte")
        ),
        "Votre carte contient aussi l'outre-mer : partez de la table metropole.": (
            px.scatter(reference, x="longitude", y="latitude", size="sejours", title="Carte")
        ),
    },
    hint="Ce n'est pas la carte attendue ; indice : px.scatter(metropole, x=\"longitude\", y=\"latitude\", "
    "size=\"sejours\", title=\"...\").",
)
### END HIDDEN TESTS

# %% [markdown]
# **Ce qu'y lit un directeur d'hôpital.** La carte montre où se concentre l'activité MCO : les
# grandes métropoles, avec leur CHU et de nombreux établissements, forment les plus gros points ;
# c'est là que se trouvent à la fois les partenaires d'un groupement et les concurrents. Deux
# précautions : la taille des points suit d'abord la population du département, et la carte place
# les séjours là où se trouve l'**établissement**, pas là où vit le patient. Un gros point peut donc
# traduire l'attractivité d'un établissement pour les départements voisins, un petit point des
# habitants qui vont se faire soigner ailleurs : dans ce jeu synthétique comme dans la réalité, une
# partie des patients est hospitalisée hors de son département de résidence. Le carnet 03 mesure ces
# flux entre territoires.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : que dire au directoire sur le virage ambulatoire ? (3 points, corrigée par votre formateur)
#
# Vous présentez demain le virage ambulatoire au directoire (ou au conseil de surveillance) de
# votre établissement. En quatre à six phrases, à partir des résultats de ce carnet : quel est le
# message principal, chiffres à l'appui ? Quelles précautions de lecture ? Quelle recommandation
# faites-vous ?

# %% [markdown] kit={"bareme": ["1 point : au moins un chiffre calcul\u00e9 dans le carnet (taux d'ambulatoire hors s\u00e9ances, global ou par cat\u00e9gorie), situ\u00e9 par une comparaison (entre cat\u00e9gories, avec un rep\u00e8re national)", "1 point : au moins une pr\u00e9caution de lecture (s\u00e9ances exclues, case-mix diff\u00e9rent \u00e0 comparer \u00e0 GHM \u00e9gal, petits effectifs instables, donn\u00e9es synth\u00e9tiques)", "1 point : une recommandation concr\u00e8te et argument\u00e9e (prises en charge \u00e0 fort potentiel ambulatoire \u00e0 cibler, organisation \u00e0 adapter, indicateur \u00e0 suivre dans le temps)"], "competences": ["argumenter", "indicateurs-activite"]} nbgrader={"grade": true, "grade_id": "q9-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Hors séances, environ quatre séjours sur dix se font sans nuit à l'hôpital dans nos données,
# un peu moins que le repère national d'environ 45 %, avec des écarts entre catégories
# d'établissement (question 7). Ces taux ne sont comparables qu'à case-mix égal : un
# établissement qui fait beaucoup de chirurgie de la cataracte ou d'endoscopies a mécaniquement
# plus d'ambulatoire, et les petits établissements ont des taux très instables. Je recommande de cibler les racines à
# fort potentiel ambulatoire (cristallin, endoscopies, hernies, arthroscopies), de comparer notre
# taux à celui des autres établissements pour ces racines précises, et de suivre l'indicateur
# chaque trimestre pour mesurer l'effet des changements d'organisation.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - Rapportez l'activité à la population :
#   `metropole["pour_100000"] = metropole["sejours"] / metropole["population"] * 100000`, puis
#   redessinez la carte avec `size="pour_100000"`. Les gros départements restent-ils les plus gros ?
# - Coloriez la carte selon le taux d'ambulatoire de chaque département :
#   `hors_seances.groupby("departement")["ambulatoire"].mean()`, à relier à `metropole` avec
#   `merge`, puis `color=...` dans `px.scatter`.
# - Comparez la DMS des catégories d'établissement **à racine égale** :
#   `sejours_etab_reprise[sejours_etab_reprise["duree_sejour"] > 0].groupby(["racine", "categorie"])["duree_sejour"].mean().unstack()`.
# - Suivez le taux d'ambulatoire année par année :
#   `hors_seances.groupby(hors_seances["date_sortie"].dt.year)["ambulatoire"].mean()`.

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Un GHM se lit par morceaux : les 2 premiers caractères donnent la CMD, les 5 premiers la
#   racine ; `.str[:2]` découpe le début d'un texte.
# - `.value_counts(normalize=True)` donne des proportions : c'est le case-mix.
# - `merge(..., on="colonne")` relie deux tables par une colonne commune : séjours et libellés,
#   séjours et établissements.
# - La DMS se calcule sur l'hospitalisation complète (au moins une nuit) ; le taux d'ambulatoire
#   s'entend hors séances.
# - `groupby("categorie")[...].mean()` calcule un indicateur par groupe ; toujours regarder
#   l'effectif derrière un taux.
# - Une « carte » sans fond de carte : `px.scatter(x="longitude", y="latitude", size=...)`.
