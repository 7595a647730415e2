# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Parcours patient : suivre les malades chroniques entre urgences et hospitalisations
#
# **Durée : 90 minutes.** Un patient insuffisant cardiaque ou diabétique ne fait pas qu'un seul
# séjour : il passe aux urgences, il est hospitalisé, il rentre chez lui… et revient parfois
# quelques jours plus tard. Dans ce carnet, vous reliez les tables du jeu de données
# **entièrement synthétique** pour reconstituer ces parcours.
#
# À la fin de ce carnet, vous saurez :
#
# - repérer une population de malades chroniques à partir des codes CIM-10, en diagnostic
#   principal et en diagnostic associé ;
# - remettre dans l'ordre les séjours de chaque patient et calculer un taux de réhospitalisation
#   à 30 jours ;
# - mesurer le délai entre deux événements d'un parcours (un passage aux urgences, un séjour) ;
# - résumer des parcours en un tableau de flux et les représenter par un diagramme de Sankey ;
# - proposer un point d'action dans le parcours et la façon d'en mesurer l'effet.
#
# **Le lien avec Innov'Health.** Le parcours des malades chroniques est un terrain de choix pour
# l'innovation organisationnelle dans un hôpital ou un GHT : sortie coordonnée, infirmière de
# coordination, télésurveillance à domicile. Pour choisir où agir, puis mesurer l'effet, il faut
# d'abord reconstituer les parcours et compter les retours précoces à l'hôpital. Le taux de
# réhospitalisation à 30 jours que vous construisez ici est aussi la cible du datathon du module,
# où les équipes cherchent à repérer, dès la sortie, les patients qui risquent de revenir.
#
# Chaque question a une cellule de réponse, où vous remplacez les trois points `...` par votre calcul,
# puis une cellule de vérification : exécutez-la. « ✅ Bonne réponse » veut dire que la réponse est juste
# (et vaudra tous les points de la question) ; sinon, un ❌ vous dit ce qui ne va pas. Les pourcentages et
# les délais sont jugés avec le nombre de décimales que la consigne demande. Quand une question
# s'appuie sur un résultat précédent, une cellule « Point de reprise » le recalcule d'abord pour vous :
# une erreur à une question ne vous bloque pas pour la suite.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée) : la première indique où se
# trouvent les données, la seconde charge les trois tables dont nous aurons besoin :
#
# - `sejours` : les hospitalisations (une ligne par séjour) ;
# - `diagnostics` : les diagnostics associés de chaque séjour (plusieurs lignes par séjour) ;
# - `urgences` : les passages aux urgences (une ligne par passage).
#
# Les trois tables partagent la colonne `patient_id` : c'est elle qui permet de suivre une même
# personne d'une table à l'autre.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from participant.checks import check_answer
from participant.data import load_reference, load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français
sejours = load_table("sejours", DONNEES)
diagnostics = load_table("diagnostics", DONNEES)
urgences = load_table("urgences", DONNEES)
print(f"{len(sejours):,} séjours ; {len(diagnostics):,} diagnostics associés ; "
      f"{len(urgences):,} passages aux urgences".replace(",", " "))

# %% [markdown]
# ## 1. Repérer les malades chroniques grâce à la CIM-10
#
# Chaque séjour porte un **diagnostic principal** (DP, colonne `diagnostic_principal` de
# `sejours`) : le problème de santé qui a motivé l'hospitalisation. Les autres problèmes pris en
# charge pendant le séjour sont des **diagnostics associés** (DAS), rangés dans la table
# `diagnostics`. Tous sont codés avec la **CIM-10**, la classification internationale des
# maladies : une lettre, deux chiffres, puis un point et une précision. Par exemple :
#
# - `I50` regroupe les **insuffisances cardiaques** (`I50.0`, `I50.1`, `I50.9`…) ;
# - `E10` à `E14` regroupent les **diabètes** (`E11` : diabète de type 2, `E11.98` : sans complication).
#
# La cellule suivante affiche les libellés de ces codes dans la table de référence du kit.

# %%
cim10 = load_reference("cim10")
cim10[cim10["code"].str.startswith(("I50", "E10", "E11", "E12", "E13", "E14"))]

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : les séjours pour insuffisance cardiaque (1 point)
#
# Sélectionnez les séjours dont le **diagnostic principal** commence par `I50`, et stockez-les
# (toutes les colonnes) dans la variable `sejours_dp_ic`. La vérification regarde quels séjours
# vous avez gardés.
#
# Indice : `sejours["diagnostic_principal"].str.startswith("I50")` donne une colonne de
# Vrai/Faux ; `sejours[...]` garde les lignes où elle vaut Vrai.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
sejours_dp_ic = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_dp_ic = sejours[sejours["diagnostic_principal"].str.startswith("I50")]
### END SOLUTION

# %% kit={"competences": ["nomenclatures"], "reponses": ["sejours_dp_ic"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", sejours_dp_ic)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "diagnostic_principal"])
ref_diagnostics = load_table("diagnostics", DONNEES, colonnes=["sejour_id", "code_cim10"])
ref_dp = ref_sejours["diagnostic_principal"].str.startswith("I50")
ref_das = ref_sejours["sejour_id"].isin(
    ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
)
grade_answer(
    "q1", sejours_dp_ic, ref_sejours[ref_dp], Table(columns=("sejour_id",)),
    mistakes={
        "Aucun séjour gardé : les codes s'écrivent en majuscules, avec une précision (I50.0, I50.9...) ; "
        "== \"I50\" ne garde rien, utilisez .str.startswith(\"I50\").": (
            ref_sejours[ref_sejours["diagnostic_principal"] == "I50"]
        ),
        "Ce sont les séjours avec un I50 en diagnostic associé : la question porte sur le diagnostic principal "
        "(colonne diagnostic_principal de sejours).": ref_sejours[ref_das],
        "Vous avez aussi gardé les I50 en diagnostic associé : ici, seulement le diagnostic principal.": (
            ref_sejours[ref_dp | ref_das]
        ),
        "Ce sont tous les autres séjours : gardez ceux dont le diagnostic principal commence par I50 (sans ~).": (
            ref_sejours[~ref_dp]
        ),
    },
    hint="Ce ne sont pas les séjours dont le diagnostic principal commence par I50 ; indice : "
    "sejours[sejours[\"diagnostic_principal\"].str.startswith(\"I50\")].",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Diagnostic principal **ou** diagnostic associé
#
# Beaucoup de patients insuffisants cardiaques sont hospitalisés pour autre chose (une chute, une
# pneumonie…) : leur insuffisance cardiaque n'apparaît alors qu'en **diagnostic associé**. Se
# limiter au diagnostic principal donnerait une cohorte trop petite, surtout sur un petit
# échantillon. Nous retenons donc comme **insuffisant cardiaque** tout patient ayant au moins un
# séjour avec un code `I50` en diagnostic principal **ou** en diagnostic associé.
#
# Une **cohorte** est simplement le groupe de patients que l'on décide de suivre.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : la cohorte des insuffisants cardiaques (2 points)
#
# Construisez `patients_ic`, la liste des `patient_id` ayant au moins un séjour avec un code `I50`
# en diagnostic principal ou associé. Trois étapes :
#
# 1. les identifiants des séjours ayant un diagnostic associé `I50` :
#    `diagnostics.loc[diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]` ;
# 2. une colonne de Vrai/Faux : le DP commence par `I50` **ou** (`|`) le séjour fait partie de la
#    liste de l'étape 1 (`sejours["sejour_id"].isin(...)`) ;
# 3. les patients de ces séjours : `sejours.loc[condition, "patient_id"].drop_duplicates()`
#    (`.drop_duplicates()` enlève les doublons : un patient hospitalisé deux fois n'apparaît
#    qu'une fois).
#
# La vérification regarde quels patients sont dans la liste, pas leur ordre.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
patients_ic = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_das_ic = diagnostics.loc[diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
condition_ic = (sejours["diagnostic_principal"].str.startswith("I50")
                | sejours["sejour_id"].isin(sejours_das_ic))
patients_ic = sejours.loc[condition_ic, "patient_id"].drop_duplicates()
### END SOLUTION

# %% kit={"competences": ["nomenclatures", "parcours"], "reponses": ["patients_ic"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", patients_ic)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Collection
from participant.checks import grade_answer

ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "diagnostic_principal"])
ref_diagnostics = load_table("diagnostics", DONNEES, colonnes=["sejour_id", "code_cim10"])
ref_dp = ref_sejours["diagnostic_principal"].str.startswith("I50")
ref_das = ref_sejours["sejour_id"].isin(
    ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
)
grade_answer(
    "q2", patients_ic, ref_sejours.loc[ref_dp | ref_das, "patient_id"], Collection(),
    mistakes={
        "Il manque les patients dont l'I50 n'est qu'en diagnostic associé : ajoutez la condition sur la table "
        "diagnostics, reliée par | (ou).": ref_sejours.loc[ref_dp, "patient_id"],
        "Il manque les patients dont l'I50 est en diagnostic principal : reliez les deux conditions par | (ou).": (
            ref_sejours.loc[ref_das, "patient_id"]
        ),
        "Vous avez relié les deux conditions par & (et) : un patient entre dans la cohorte avec l'une ou l'autre, "
        "écrivez |.": ref_sejours.loc[ref_dp & ref_das, "patient_id"],
        "Ce sont des identifiants de séjours : gardez la colonne patient_id.": (
            ref_sejours.loc[ref_dp | ref_das, "sejour_id"]
        ),
    },
    hint="Ce n'est pas la liste des patients ayant un I50 en diagnostic principal ou associé ; revoyez les trois "
    "étapes de la consigne.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule la cohorte des insuffisants
# cardiaques avec le code ci-dessous, dans `patients_ic_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q2-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
das_ic = diagnostics.loc[diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
condition_ic = sejours["diagnostic_principal"].str.startswith("I50") | sejours["sejour_id"].isin(das_ic)
patients_ic_reprise = sejours.loc[condition_ic, "patient_id"].drop_duplicates()
print(len(patients_ic_reprise), "patients insuffisants cardiaques")

# %% [markdown]
# Comparez les deux effectifs : combien de patients la prise en compte des diagnostics associés
# a-t-elle ajoutés ?

# %%
dp_ic = sejours["diagnostic_principal"].str.startswith("I50")
print("Patients avec un I50 en diagnostic principal :", sejours.loc[dp_ic, "patient_id"].nunique())
print("Patients avec un I50 en diagnostic principal ou associé :", len(patients_ic_reprise))

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : la cohorte des diabétiques (1 point)
#
# Faites de même pour le diabète : construisez `patients_diabete`, la liste des patients ayant au
# moins un séjour avec un code `E10`, `E11`, `E12`, `E13` ou `E14` en diagnostic principal ou
# associé.
#
# Indice : plusieurs codes possibles, donc on compare les **trois premiers caractères** du code à
# une liste : `colonne.str[:3].isin(codes_diabete)`, avec
# `codes_diabete = ["E10", "E11", "E12", "E13", "E14"]`.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
patients_diabete = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
codes_diabete = ["E10", "E11", "E12", "E13", "E14"]
sejours_das_diabete = diagnostics.loc[diagnostics["code_cim10"].str[:3].isin(codes_diabete), "sejour_id"]
condition_diabete = (sejours["diagnostic_principal"].str[:3].isin(codes_diabete)
                     | sejours["sejour_id"].isin(sejours_das_diabete))
patients_diabete = sejours.loc[condition_diabete, "patient_id"].drop_duplicates()
### END SOLUTION

# %% kit={"competences": ["nomenclatures"], "reponses": ["patients_diabete"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", patients_diabete)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Collection
from participant.checks import grade_answer

ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "diagnostic_principal"])
ref_diagnostics = load_table("diagnostics", DONNEES, colonnes=["sejour_id", "code_cim10"])
ref_codes = ["E10", "E11", "E12", "E13", "E14"]
ref_dp = ref_sejours["diagnostic_principal"].str[:3].isin(ref_codes)
ref_das = ref_sejours["sejour_id"].isin(
    ref_diagnostics.loc[ref_diagnostics["code_cim10"].str[:3].isin(ref_codes), "sejour_id"]
)
ref_ic = ref_sejours["diagnostic_principal"].str.startswith("I50") | ref_sejours["sejour_id"].isin(
    ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
)
ref_codes_entiers = ref_sejours["diagnostic_principal"].isin(ref_codes) | ref_sejours["sejour_id"].isin(
    ref_diagnostics.loc[ref_diagnostics["code_cim10"].isin(ref_codes), "sejour_id"]
)
grade_answer(
    "q3", patients_diabete, ref_sejours.loc[ref_dp | ref_das, "patient_id"], Collection(),
    mistakes={
        "Il manque les patients dont le diabète n'est qu'en diagnostic associé : ajoutez la condition sur la "
        "table diagnostics, reliée par | (ou).": ref_sejours.loc[ref_dp, "patient_id"],
        "Il manque les patients dont le diabète est en diagnostic principal : reliez les deux conditions par | (ou).": (
            ref_sejours.loc[ref_das, "patient_id"]
        ),
        "Vous avez relié les deux conditions par & (et) : un patient entre dans la cohorte avec l'une ou l'autre, "
        "écrivez |.": ref_sejours.loc[ref_dp & ref_das, "patient_id"],
        "Aucun patient (ou presque) : les codes ont une précision (E11.98) ; comparez leurs 3 premiers caractères, "
        ".str[:3].isin(codes_diabete).": ref_sejours.loc[ref_codes_entiers, "patient_id"],
        "C'est la cohorte des insuffisants cardiaques : ici, les codes E10 à E14.": ref_sejours.loc[ref_ic, "patient_id"],
        "Vous avez réuni diabétiques et insuffisants cardiaques : ici, seulement les codes E10 à E14.": (
            ref_sejours.loc[ref_dp | ref_das | ref_ic, "patient_id"]
        ),
        "Ce sont des identifiants de séjours : gardez la colonne patient_id.": (
            ref_sejours.loc[ref_dp | ref_das, "sejour_id"]
        ),
    },
    hint="Ce n'est pas la liste des patients ayant un code E10 à E14 en diagnostic principal ou associé ; "
    "indice : reprenez les trois étapes de la question 2 avec .str[:3].isin(codes_diabete).",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule la cohorte des diabétiques avec
# le code ci-dessous, dans `patients_diabete_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q3-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
codes_diabete = ["E10", "E11", "E12", "E13", "E14"]
das_diabete = diagnostics.loc[diagnostics["code_cim10"].str[:3].isin(codes_diabete), "sejour_id"]
condition_diabete = (sejours["diagnostic_principal"].str[:3].isin(codes_diabete)
                     | sejours["sejour_id"].isin(das_diabete))
patients_diabete_reprise = sejours.loc[condition_diabete, "patient_id"].drop_duplicates()
print(len(patients_diabete_reprise), "patients diabétiques")

# %% [markdown]
# Réunissons les deux cohortes en une seule, celle des **patients chroniques**. Un `set` est un
# ensemble sans doublon ; l'opérateur `|` en fait la réunion (un patient à la fois diabétique et
# insuffisant cardiaque n'est compté qu'une fois).

# %%
patients_chroniques = set(patients_ic_reprise) | set(patients_diabete_reprise)
print("Insuffisants cardiaques :", len(patients_ic_reprise))
print("Diabétiques :", len(patients_diabete_reprise))
print("Les deux à la fois :", len(set(patients_ic_reprise) & set(patients_diabete_reprise)))
print("Patients chroniques (au moins l'un des deux) :", len(patients_chroniques))

# %% [markdown]
# ### Le parcours d'un patient
#
# Avant de calculer des indicateurs, regardons un parcours concret : celui du patient
# insuffisant cardiaque qui est passé le plus souvent aux urgences. Ses hospitalisations, dans
# l'ordre chronologique :

# %%
exemple = urgences.loc[urgences["patient_id"].isin(patients_ic_reprise), "patient_id"].value_counts().index[0]
colonnes = ["date_entree", "date_sortie", "mode_entree", "provenance", "diagnostic_principal",
            "mode_sortie", "destination"]
sejours.loc[sejours["patient_id"] == exemple, colonnes].sort_values("date_entree")

# %% [markdown]
# Et ses passages aux urgences. La colonne `sejour_id` est remplie quand le passage a été suivi
# d'une hospitalisation (`mode_sortie` `6`) : c'est le lien entre les deux tables. Elle est vide
# quand le patient est rentré chez lui (`mode_sortie` `8`).

# %%
urgences.loc[urgences["patient_id"] == exemple,
             ["date_heure_arrivee", "niveau_tri", "mode_sortie", "sejour_id"]].sort_values("date_heure_arrivee")

# %% [markdown]
# ## 2. Les réhospitalisations à 30 jours
#
# Un séjour est une **réhospitalisation à 30 jours** quand il commence au plus 30 jours (30 jours
# compris) après la sortie du **séjour précédent du même patient**. C'est un indicateur suivi de
# près : une réhospitalisation précoce signale souvent une sortie mal préparée ou un suivi
# insuffisant.
#
# On écarte d'abord les **séances** (dialyse, chimiothérapie…, GHM commençant par `28`) : ces
# venues sont programmées et répétées, elles ne sont pas des réhospitalisations.

# %%
sejours_hors_seances = sejours[~sejours["ghm"].str.startswith("28")]
print(f"{len(sejours_hors_seances):,} séjours hors séances".replace(",", " "))

# %% [markdown]
# ### Trier, puis regarder la ligne précédente
#
# Pour comparer chaque séjour au précédent, on procède en deux temps :
#
# 1. **trier** les séjours par patient puis par date d'entrée :
#    `.sort_values(["patient_id", "date_entree"])` ; les séjours d'un même patient se suivent
#    alors dans l'ordre chronologique ;
# 2. **décaler** la date de sortie d'une ligne vers le bas, patient par patient :
#    `.groupby("patient_id")["date_sortie"].shift()`. Chaque séjour reçoit ainsi la date de sortie
#    du séjour précédent du même patient ; le premier séjour de chaque patient n'a pas de
#    précédent et reçoit une valeur vide (`NaT`, « pas une date »).
#
# | patient | date_entree | date_sortie | sortie_precedente |
# | --- | --- | --- | --- |
# | A | 03/01 | 10/01 | *vide* |
# | A | 25/01 | 28/01 | 10/01 |
# | B | 05/02 | 06/02 | *vide* |

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : le séjour précédent (2 points)
#
# 1. Créez `parcours` : la table `sejours_hors_seances` triée par `patient_id` puis `date_entree`.
# 2. Ajoutez-lui une colonne `sortie_precedente` : la date de sortie du séjour précédent du même
#    patient.
#
# Indice : `parcours["sortie_precedente"] = parcours.groupby("patient_id")["date_sortie"].shift()`.
# N'oubliez pas le `groupby` : sans lui, le premier séjour d'un patient recevrait la sortie du
# dernier séjour du patient précédent ! La vérification regarde la colonne `sortie_precedente` de
# chaque séjour.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
parcours = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
parcours = sejours_hors_seances.sort_values(["patient_id", "date_entree"])
parcours["sortie_precedente"] = parcours.groupby("patient_id")["date_sortie"].shift()
### END SOLUTION

# %% kit={"competences": ["parcours"], "reponses": ["parcours"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", parcours)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "date_entree", "date_sortie", "ghm"])
ref_trie = ref_sejours[~ref_sejours["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
ref_decale = ref_trie.groupby("patient_id")["date_sortie"].shift()
ref_avec_seances = ref_sejours.sort_values(["patient_id", "date_entree"])
grade_answer(
    "q4", parcours, ref_trie.assign(sortie_precedente=ref_decale), Table(columns=("sejour_id", "sortie_precedente")),
    mistakes={
        "Sans groupby, le premier séjour de chaque patient reçoit la sortie du patient précédent : "
        "parcours.groupby(\"patient_id\")[\"date_sortie\"].shift().": (
            ref_trie.assign(sortie_precedente=ref_trie["date_sortie"].shift())
        ),
        "C'est la sortie du séjour suivant : triez du plus ancien au plus récent (sans ascending=False) et "
        "décalez avec .shift() sans argument (pas shift(-1)).": (
            ref_trie.assign(sortie_precedente=ref_trie.groupby("patient_id")["date_sortie"].shift(-1))
        ),
        "C'est la date d'entrée du séjour précédent : décalez la colonne date_sortie.": (
            ref_trie.assign(sortie_precedente=ref_trie.groupby("patient_id")["date_entree"].shift())
        ),
        "Votre table contient aussi les séances : partez de sejours_hors_seances.": (
            ref_avec_seances.assign(
                sortie_precedente=ref_avec_seances.groupby("patient_id")["date_sortie"].shift()
            )
        ),
    },
    hint="La colonne sortie_precedente ne contient pas la date de sortie du séjour précédent du même patient ; "
    "indice : triez, puis parcours.groupby(\"patient_id\")[\"date_sortie\"].shift().",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante refait ce tri et ce décalage avec le code
# ci-dessous, dans la table `parcours_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q4-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
parcours_reprise = sejours[~sejours["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
parcours_reprise["sortie_precedente"] = parcours_reprise.groupby("patient_id")["date_sortie"].shift()
parcours_reprise[["patient_id", "date_entree", "date_sortie", "sortie_precedente"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : le taux de réhospitalisation à 30 jours (2 points)
#
# À partir de `parcours_reprise` :
#
# 1. calculez `delai_jours`, le nombre de jours entre la sortie précédente et l'entrée :
#    `(parcours_reprise["date_entree"] - parcours_reprise["sortie_precedente"]).dt.days` ;
# 2. calculez `rehospitalisation`, Vrai quand ce délai est **inférieur ou égal** à 30 jours :
#    `delai_jours <= 30` (un premier séjour, sans délai, vaut Faux) ;
# 3. stockez dans `taux_rehospitalisation` le **pourcentage** de séjours qui sont des
#    réhospitalisations (un nombre entre 0 et 100), jugé à une décimale près. Le dénominateur est
#    l'ensemble des séjours de `parcours_reprise`.
#
# Indice : comme dans le carnet 00, la moyenne (`.mean()`) d'une colonne de Vrai/Faux est une
# proportion, qu'il reste à multiplier par 100.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
taux_rehospitalisation = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
delai_jours = (parcours_reprise["date_entree"] - parcours_reprise["sortie_precedente"]).dt.days
rehospitalisation = delai_jours <= 30
taux_rehospitalisation = rehospitalisation.mean() * 100
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["taux_rehospitalisation"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", taux_rehospitalisation)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

ref_sejours = load_table("sejours", DONNEES, colonnes=["patient_id", "date_entree", "date_sortie", "ghm"])
ref_trie = ref_sejours[~ref_sejours["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
ref_precedente = ref_trie.groupby("patient_id")["date_sortie"].shift()
ref_delais = (ref_trie["date_entree"] - ref_precedente).dt.days
ref_tous = ref_sejours.sort_values(["patient_id", "date_entree"])
ref_delais_tous = (ref_tous["date_entree"] - ref_tous.groupby("patient_id")["date_sortie"].shift()).dt.days
grade_answer(
    "q5", taux_rehospitalisation, (ref_delais <= 30).mean() * 100, Percentage(decimals=1),
    mistakes={message: valeur for message, valeur in {
        "Vous avez écrit < 30 : un séjour qui commence 30 jours pile après la sortie précédente compte aussi ; "
        "écrivez <= 30.": (ref_delais < 30).mean() * 100,
        "Le dénominateur doit être tous les séjours, pas seulement ceux qui ont un séjour précédent : prenez la "
        "moyenne de rehospitalisation sur toute la table.": (ref_delais.dropna() <= 30).mean() * 100,
        "Vous comptez tous les séjours qui ont un séjour précédent : le délai est date_entree - sortie_precedente "
        "(un nombre positif), et la condition delai_jours <= 30.": ref_delais.notna().mean() * 100,
        "C'est une part de patients : le taux demandé porte sur les séjours (la moyenne de rehospitalisation).": (
            (ref_delais <= 30).groupby(ref_trie["patient_id"]).any().mean() * 100
        ),
        "Les séances sont comptées : partez de parcours_reprise, qui les exclut.": (ref_delais_tous <= 30).mean() * 100,
    }.items() if valeur == valeur},  # sans les erreurs qui n'ont pas de valeur sur ces données
    hint="Ce n'est pas le pourcentage de séjours qui commencent 30 jours ou moins après la sortie précédente ; "
    "indice : ((parcours_reprise[\"date_entree\"] - parcours_reprise[\"sortie_precedente\"]).dt.days <= 30).mean() * 100.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante reconstruit `parcours_reprise` avec le code
# ci-dessous, et lui ajoute deux colonnes, `delai_jours` et `rehospitalisation` ; la suite du carnet
# les utilise. Elle résume aussi toute la méthode : exclure les séances, trier, décaler, comparer à
# 30 jours.

# %% nbgrader={"grade": false, "grade_id": "q5-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
parcours_reprise = sejours[~sejours["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
parcours_reprise["sortie_precedente"] = parcours_reprise.groupby("patient_id")["date_sortie"].shift()
parcours_reprise["delai_jours"] = (parcours_reprise["date_entree"] - parcours_reprise["sortie_precedente"]).dt.days
parcours_reprise["rehospitalisation"] = parcours_reprise["delai_jours"] <= 30
print(f"Taux de réhospitalisation à 30 jours : {parcours_reprise['rehospitalisation'].mean() * 100:.1f} %")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : et chez les insuffisants cardiaques ? (2 points)
#
# Calculez le même pourcentage, mais seulement sur les séjours des patients de la cohorte
# `patients_ic_reprise`, et stockez-le dans `taux_rehospitalisation_ic` (jugé à une décimale près).
#
# Indice : `parcours_reprise[parcours_reprise["patient_id"].isin(patients_ic_reprise)]` garde les
# séjours de ces patients ; prenez ensuite la moyenne de leur colonne `rehospitalisation`,
# multipliée par 100.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
taux_rehospitalisation_ic = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_ic = parcours_reprise[parcours_reprise["patient_id"].isin(patients_ic_reprise)]
taux_rehospitalisation_ic = sejours_ic["rehospitalisation"].mean() * 100
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite", "parcours"], "reponses": ["taux_rehospitalisation_ic"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", taux_rehospitalisation_ic)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

ref_sejours = load_table("sejours", DONNEES)
ref_diagnostics = load_table("diagnostics", DONNEES, colonnes=["sejour_id", "code_cim10"])
ref_das_ic = ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
ref_dp_ic = ref_sejours["diagnostic_principal"].str.startswith("I50")
ref_cohorte = ref_sejours.loc[ref_dp_ic | ref_sejours["sejour_id"].isin(ref_das_ic), "patient_id"]
ref_codes = ["E10", "E11", "E12", "E13", "E14"]
ref_das_diabete = ref_diagnostics.loc[ref_diagnostics["code_cim10"].str[:3].isin(ref_codes), "sejour_id"]
ref_diabete = ref_sejours.loc[
    ref_sejours["diagnostic_principal"].str[:3].isin(ref_codes) | ref_sejours["sejour_id"].isin(ref_das_diabete),
    "patient_id",
]
ref_trie = ref_sejours[~ref_sejours["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
ref_delais = (ref_trie["date_entree"] - ref_trie.groupby("patient_id")["date_sortie"].shift()).dt.days
ref_dans_cohorte = ref_trie["patient_id"].isin(ref_cohorte)
grade_answer(
    "q6", taux_rehospitalisation_ic, (ref_delais[ref_dans_cohorte] <= 30).mean() * 100, Percentage(decimals=1),
    mistakes={message: valeur for message, valeur in {
        "C'est le taux de tous les séjours : ne gardez que ceux des patients de patients_ic_reprise (.isin(...)).": (
            (ref_delais <= 30).mean() * 100
        ),
        "C'est le taux des diabétiques : prenez la cohorte patients_ic_reprise.": (
            (ref_delais[ref_trie["patient_id"].isin(ref_diabete)] <= 30).mean() * 100
        ),
        "C'est le taux de tous les patients chroniques : prenez seulement patients_ic_reprise.": (
            (ref_delais[ref_dans_cohorte | ref_trie["patient_id"].isin(ref_diabete)] <= 30).mean() * 100
        ),
        "Vous n'avez gardé que les patients avec un I50 en diagnostic principal : la cohorte, c'est "
        "patients_ic_reprise (diagnostic principal ou associé).": (
            (ref_delais[ref_trie["patient_id"].isin(ref_sejours.loc[ref_dp_ic, "patient_id"])] <= 30).mean() * 100
        ),
        "Vous n'avez gardé que les séjours dont le diagnostic principal est un I50 : prenez tous les séjours des "
        "patients de la cohorte.": (
            (ref_delais[ref_trie["diagnostic_principal"].str.startswith("I50")] <= 30).mean() * 100
        ),
        "Vous avez écrit < 30 : un séjour qui commence 30 jours pile après la sortie précédente compte aussi.": (
            (ref_delais[ref_dans_cohorte] < 30).mean() * 100
        ),
        "C'est une part de patients : le taux demandé porte sur les séjours (la moyenne de rehospitalisation).": (
            (ref_delais[ref_dans_cohorte] <= 30).groupby(ref_trie["patient_id"][ref_dans_cohorte]).any().mean() * 100
        ),
    }.items() if valeur == valeur},  # sans les erreurs qui n'ont pas de valeur sur ces données
    hint="Ce n'est pas le taux de réhospitalisation des séjours des insuffisants cardiaques ; indice : "
    "parcours_reprise[parcours_reprise[\"patient_id\"].isin(patients_ic_reprise)][\"rehospitalisation\"].mean() * 100.",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Comparer les groupes
#
# La cellule suivante range chaque séjour dans un groupe (insuffisance cardiaque d'abord, puis
# diabète, sinon « autres patients ») et résume, pour chaque groupe, le nombre de séjours, le taux
# de réhospitalisation à 30 jours et le **délai médian entre deux séjours** (la médiane : la
# moitié des délais sont plus courts, l'autre moitié plus longs). `.agg(...)` calcule plusieurs
# résumés d'un coup.

# %%
parcours_reprise["groupe"] = "Autres patients"
parcours_reprise.loc[parcours_reprise["patient_id"].isin(patients_diabete_reprise), "groupe"] = "Diabète"
parcours_reprise.loc[parcours_reprise["patient_id"].isin(patients_ic_reprise), "groupe"] = "Insuffisance cardiaque"

resume = parcours_reprise.groupby("groupe").agg(
    sejours=("sejour_id", "size"),
    taux_rehospitalisation=("rehospitalisation", "mean"),
    delai_median_jours=("delai_jours", "median"),
)
resume["taux_rehospitalisation"] = (resume["taux_rehospitalisation"] * 100).round(1)
resume

# %%
figure = px.bar(resume.reset_index(), x="groupe", y="taux_rehospitalisation", text="taux_rehospitalisation",
                labels={"groupe": "Groupe de patients", "taux_rehospitalisation": "Réhospitalisations à 30 jours (%)"},
                title="Part des séjours qui sont des réhospitalisations à 30 jours")
figure.show()

# %% [markdown]
# Les insuffisants cardiaques reviennent nettement plus souvent, et plus vite, que les autres
# patients ; comparez vous-même la ligne des diabétiques. Deux précautions de lecture :
#
# - regardez la colonne `sejours` : un taux calculé sur peu de séjours est fragile, et sur un petit
#   jeu de données un écart de quelques points peut être dû au hasard ;
# - les séjours sortis dans le dernier mois de la période n'ont pas 30 jours de recul : une
#   réhospitalisation éventuelle, après la fin des données, n'y figure pas.

# %% [markdown]
# ## 3. Des urgences à l'hospitalisation
#
# Le passage aux urgences est souvent la porte d'entrée du parcours. Commençons par comparer la
# part des passages suivis d'une hospitalisation (ceux dont `sejour_id` est rempli, `.notna()`)
# chez les patients chroniques et chez les autres.

# %%
urgences["hospitalise"] = urgences["sejour_id"].notna()
urgences["patient_chronique"] = urgences["patient_id"].isin(patients_chroniques)
part_hospitalises = (urgences.groupby("patient_chronique")["hospitalise"].mean() * 100).round(1)
part_hospitalises.rename(index={True: "Patients chroniques", False: "Autres patients"})

# %% [markdown]
# Et quand un patient chronique **rentre chez lui** après un passage aux urgences, combien de temps
# s'écoule-t-il avant sa prochaine hospitalisation ? Un retour à domicile suivi d'une
# hospitalisation quelques jours plus tard peut signaler une décompensation qu'on aurait pu
# anticiper.
#
# La cellule suivante prépare les deux listes d'événements à relier : les passages des patients
# chroniques terminés par un retour à domicile (avec leur date, sans l'heure, `.dt.normalize()`),
# et les séjours hors séances. Toutes deux sont triées par date : c'est nécessaire pour l'étape
# suivante.

# %%
passages_domicile = urgences[urgences["patient_chronique"] & (urgences["mode_sortie"] == "8")].copy()
passages_domicile["date_passage"] = passages_domicile["date_heure_arrivee"].dt.normalize()
passages_domicile = passages_domicile.sort_values("date_passage")

sejours_dates = sejours_hors_seances[["patient_id", "sejour_id", "date_entree"]].sort_values("date_entree")
print(len(passages_domicile), "passages de patients chroniques terminés par un retour à domicile")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : du passage aux urgences au séjour suivant (2 points)
#
# La fonction `pd.merge_asof` associe à chaque passage **le premier séjour qui le suit** pour le
# même patient :
#
# ```python
# passages_suivis = pd.merge_asof(passages_domicile, sejours_dates,
#                                 left_on="date_passage", right_on="date_entree",
#                                 by="patient_id", direction="forward")
# ```
#
# (`by` : même patient ; `direction="forward"` : le séjour suivant, et non le précédent.) Les
# passages qui ne sont suivis d'aucun séjour reçoivent une `date_entree` vide.
#
# 1. Créez `passages_suivis` avec cette instruction ;
# 2. ajoutez-lui une colonne `delai_jours` : `(date_entree - date_passage)` en jours (`.dt.days`) ;
# 3. stockez dans `delai_median_urgences_sejour` la **médiane** de ce délai (`.median()`, qui
#    ignore les valeurs vides), jugée à une décimale près.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
delai_median_urgences_sejour = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
passages_suivis = pd.merge_asof(passages_domicile, sejours_dates,
                                left_on="date_passage", right_on="date_entree",
                                by="patient_id", direction="forward")
passages_suivis["delai_jours"] = (passages_suivis["date_entree"] - passages_suivis["date_passage"]).dt.days
delai_median_urgences_sejour = passages_suivis["delai_jours"].median()
### END SOLUTION

# %% kit={"competences": ["parcours", "indicateurs-activite"], "reponses": ["delai_median_urgences_sejour"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", delai_median_urgences_sejour)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Number
from participant.checks import grade_answer

ref_sejours = load_table("sejours", DONNEES)
ref_diagnostics = load_table("diagnostics", DONNEES, colonnes=["sejour_id", "code_cim10"])
ref_urgences = load_table("urgences", DONNEES)
ref_codes = ["E10", "E11", "E12", "E13", "E14"]
ref_das = ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50")
                              | ref_diagnostics["code_cim10"].str[:3].isin(ref_codes), "sejour_id"]
ref_garde = (ref_sejours["diagnostic_principal"].str.startswith("I50")
             | ref_sejours["diagnostic_principal"].str[:3].isin(ref_codes) | ref_sejours["sejour_id"].isin(ref_das))
ref_cohorte = ref_sejours.loc[ref_garde, "patient_id"]
ref_passages = ref_urgences[ref_urgences["patient_id"].isin(ref_cohorte) & (ref_urgences["mode_sortie"] == "8")]
ref_passages = ref_passages.assign(date_passage=ref_passages["date_heure_arrivee"].dt.normalize())
ref_passages = ref_passages.sort_values("date_passage")
ref_dates = ref_sejours.loc[~ref_sejours["ghm"].str.startswith("28"), ["patient_id", "date_entree"]]
ref_dates = ref_dates.sort_values("date_entree")
ref_suivis = pd.merge_asof(ref_passages, ref_dates, left_on="date_passage", right_on="date_entree",
                           by="patient_id", direction="forward")
ref_delais = (ref_suivis["date_entree"] - ref_suivis["date_passage"]).dt.days
ref_precedents = pd.merge_asof(ref_passages, ref_dates, left_on="date_passage", right_on="date_entree",
                               by="patient_id", direction="backward")
ref_sans_by = pd.merge_asof(ref_passages, ref_dates.drop(columns="patient_id"), left_on="date_passage",
                            right_on="date_entree", direction="forward")
grade_answer(
    "q7", delai_median_urgences_sejour, ref_delais.median(), Number(decimals=1),
    mistakes={message: valeur for message, valeur in {
        "C'est la moyenne : la médiane s'obtient avec .median().": ref_delais.mean(),
        "Votre délai est négatif : c'est date_entree - date_passage (le séjour vient après le passage).": (
            -ref_delais.median()
        ),
        "direction=\"backward\" cherche le séjour précédent : écrivez direction=\"forward\" pour le séjour suivant.": (
            (ref_precedents["date_entree"] - ref_precedents["date_passage"]).dt.days.median()
        ),
        "Sans by=\"patient_id\", chaque passage est relié au séjour suivant de n'importe quel patient : "
        "ajoutez by=\"patient_id\".": (ref_sans_by["date_entree"] - ref_sans_by["date_passage"]).dt.days.median(),
    }.items() if valeur == valeur},  # sans les erreurs qui n'ont pas de valeur sur ces données
    hint="Ce n'est pas le délai médian entre un retour à domicile après les urgences et le séjour suivant ; "
    "indice : passages_suivis[\"delai_jours\"].median().",
)
### END HIDDEN TESTS

# %% [markdown]
# La médiane résume mal une distribution très étalée : regardons-la en entier. La cellule suivante
# refait le calcul de la question 7, puis trace la répartition des délais. La barre la plus à gauche
# correspond aux patients hospitalisés dans les jours qui suivent leur retour à domicile.

# %%
suivis = pd.merge_asof(passages_domicile, sejours_dates, left_on="date_passage", right_on="date_entree",
                       by="patient_id", direction="forward")
suivis["delai_jours"] = (suivis["date_entree"] - suivis["date_passage"]).dt.days
part_30_jours = (suivis["delai_jours"] <= 30).mean() * 100
print(f"{part_30_jours:.1f} % de ces passages sont suivis d'une hospitalisation dans les 30 jours")
figure = px.histogram(suivis, x="delai_jours", nbins=36,
                      labels={"delai_jours": "Jours entre le passage aux urgences et le séjour suivant"},
                      title="Après un retour à domicile depuis les urgences : délai avant le séjour suivant")
figure.update_yaxes(title="Passages")
figure.show()

# %% [markdown]
# ## 4. Représenter les parcours : le diagramme de Sankey
#
# Un **diagramme de Sankey** dessine des flux : chaque bande relie une étape à la suivante, et son
# épaisseur est proportionnelle au nombre de séjours qui l'empruntent. Nous allons y représenter,
# pour les séjours des patients chroniques, trois étapes :
#
# 1. **l'entrée** : par les urgences (`provenance` `5`), par transfert d'un autre établissement
#    (`mode_entree` `7`), sinon depuis le domicile ;
# 2. **la sortie** : retour à domicile (`mode_sortie` `8`), soins de suite et de réadaptation
#    (`destination` `2`), établissement médico-social (`destination` `7`), transfert, ou décès
#    (`mode_sortie` `9`) ;
# 3. **le devenir à 30 jours** : réhospitalisé ou non dans les 30 jours.
#
# La cellule suivante traduit ces codes PMSI en libellés lisibles, dans trois nouvelles colonnes de
# `parcours_reprise`. `.loc[condition, "colonne"] = ...` remplace la valeur seulement sur les lignes
# où la condition est vraie ; pour le devenir, `shift(-1)` décale dans l'autre sens et donne la date
# d'entrée du séjour **suivant**.

# %%
parcours_reprise["entree"] = "Entrée depuis le domicile"
parcours_reprise.loc[parcours_reprise["provenance"] == "5", "entree"] = "Entrée par les urgences"
parcours_reprise.loc[parcours_reprise["mode_entree"] == "7", "entree"] = "Entrée par transfert"

parcours_reprise["sortie"] = "Retour à domicile"
parcours_reprise.loc[parcours_reprise["mode_sortie"].isin(["6", "7"]), "sortie"] = "Transfert"
parcours_reprise.loc[parcours_reprise["destination"] == "2", "sortie"] = "Soins de suite (SSR)"
parcours_reprise.loc[parcours_reprise["destination"] == "7", "sortie"] = "Établissement médico-social"
parcours_reprise.loc[parcours_reprise["mode_sortie"] == "9", "sortie"] = "Décès"

entree_suivante = parcours_reprise.groupby("patient_id")["date_entree"].shift(-1)
delai_suivant = (entree_suivante - parcours_reprise["date_sortie"]).dt.days
parcours_reprise["devenir"] = "Pas de réhospitalisation sous 30 jours"
parcours_reprise.loc[delai_suivant <= 30, "devenir"] = "Réhospitalisé sous 30 jours"

parcours_reprise[["entree", "sortie", "devenir"]].value_counts().head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : le tableau des flux (2 points)
#
# 1. Créez `parcours_chroniques` : les lignes de `parcours_reprise` dont le patient fait partie de
#    `patients_chroniques` (avec `.isin(...)`, comme à la question 6).
# 2. Comptez les séjours pour chaque couple (entrée, sortie) et stockez le résultat dans `flux`,
#    une table de trois colonnes `entree`, `sortie` et `nombre`.
#
# Indice : `parcours_chroniques.groupby(["entree", "sortie"]).size()` compte les lignes de chaque
# couple ; `.reset_index(name="nombre")` transforme ce résultat en table et nomme la colonne des
# effectifs. La vérification regarde les lignes de `flux`, dans n'importe quel ordre.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
flux = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
parcours_chroniques = parcours_reprise[parcours_reprise["patient_id"].isin(patients_chroniques)]
flux = parcours_chroniques.groupby(["entree", "sortie"]).size().reset_index(name="nombre")
### END SOLUTION

# %% kit={"competences": ["parcours", "visualiser"], "reponses": ["flux"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q8", flux)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

ref_sejours = load_table("sejours", DONNEES)
ref_diagnostics = load_table("diagnostics", DONNEES, colonnes=["sejour_id", "code_cim10"])
ref_codes = ["E10", "E11", "E12", "E13", "E14"]
ref_ic = ref_sejours.loc[
    ref_sejours["diagnostic_principal"].str.startswith("I50") | ref_sejours["sejour_id"].isin(
        ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
    ),
    "patient_id",
]
ref_diabete = ref_sejours.loc[
    ref_sejours["diagnostic_principal"].str[:3].isin(ref_codes) | ref_sejours["sejour_id"].isin(
        ref_diagnostics.loc[ref_diagnostics["code_cim10"].str[:3].isin(ref_codes), "sejour_id"]
    ),
    "patient_id",
]
ref_etapes = ref_sejours[~ref_sejours["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
ref_etapes = ref_etapes.assign(entree="Entrée depuis le domicile", sortie="Retour à domicile")
ref_etapes.loc[ref_etapes["provenance"] == "5", "entree"] = "Entrée par les urgences"
ref_etapes.loc[ref_etapes["mode_entree"] == "7", "entree"] = "Entrée par transfert"
ref_etapes.loc[ref_etapes["mode_sortie"].isin(["6", "7"]), "sortie"] = "Transfert"
ref_etapes.loc[ref_etapes["destination"] == "2", "sortie"] = "Soins de suite (SSR)"
ref_etapes.loc[ref_etapes["destination"] == "7", "sortie"] = "Établissement médico-social"
ref_etapes.loc[ref_etapes["mode_sortie"] == "9", "sortie"] = "Décès"
ref_suivante = ref_etapes.groupby("patient_id")["date_entree"].shift(-1)
ref_etapes["devenir"] = "Pas de réhospitalisation sous 30 jours"
ref_etapes.loc[(ref_suivante - ref_etapes["date_sortie"]).dt.days <= 30, "devenir"] = "Réhospitalisé sous 30 jours"
ref_chroniques = ref_etapes[ref_etapes["patient_id"].isin(ref_ic) | ref_etapes["patient_id"].isin(ref_diabete)]
grade_answer(
    "q8", flux, ref_chroniques.groupby(["entree", "sortie"]).size().reset_index(name="nombre"),
    Table(columns=("entree", "sortie", "nombre")),
    mistakes={
        "Vous avez compté les séjours de tous les patients : gardez d'abord ceux de patients_chroniques "
        "(.isin(...)).": ref_etapes.groupby(["entree", "sortie"]).size().reset_index(name="nombre"),
        "Seulement les insuffisants cardiaques : prenez tous les patients chroniques, patients_chroniques.": (
            ref_etapes[ref_etapes["patient_id"].isin(ref_ic)].groupby(["entree", "sortie"]).size()
            .reset_index(name="nombre")
        ),
        "Seulement les diabétiques : prenez tous les patients chroniques, patients_chroniques.": (
            ref_etapes[ref_etapes["patient_id"].isin(ref_diabete)].groupby(["entree", "sortie"]).size()
            .reset_index(name="nombre")
        ),
        "Vous avez compté des patients distincts : comptez les séjours, avec .size().": (
            ref_chroniques.groupby(["entree", "sortie"])["patient_id"].nunique().reset_index(name="nombre")
        ),
        "Vous avez aussi découpé par devenir : groupez seulement par entree et sortie.": (
            ref_chroniques.groupby(["entree", "sortie", "devenir"]).size().reset_index(name="nombre")
        ),
    },
    hint="Ce ne sont pas les nombres de séjours des patients chroniques par couple (entrée, sortie) ; indice : "
    "parcours_chroniques.groupby([\"entree\", \"sortie\"]).size().reset_index(name=\"nombre\").",
)
### END HIDDEN TESTS

# %% [markdown]
# Le tableau `flux` décrit la première moitié du diagramme. La cellule suivante le recalcule (que
# votre réponse soit juste ou non), puis compte de la même façon la seconde moitié, de la sortie au
# devenir à 30 jours (on écarte les décès, qui terminent le parcours). On met ensuite les deux
# tableaux bout à bout avec `pd.concat`, en nommant `source` l'étape de départ de chaque bande et
# `cible` son étape d'arrivée.

# %%
sejours_chroniques = parcours_reprise[parcours_reprise["patient_id"].isin(patients_chroniques)]
flux_entree_sortie = sejours_chroniques.groupby(["entree", "sortie"]).size().reset_index(name="nombre")
flux_devenir = (sejours_chroniques[sejours_chroniques["sortie"] != "Décès"]
                .groupby(["sortie", "devenir"]).size().reset_index(name="nombre"))
liens = pd.concat([flux_entree_sortie.rename(columns={"entree": "source", "sortie": "cible"}),
                   flux_devenir.rename(columns={"sortie": "source", "devenir": "cible"})],
                  ignore_index=True)
liens

# %% [markdown]
# Pour `plotly.graph_objects.Sankey`, chaque étape (un **nœud**) doit porter un numéro : la
# cellule suivante numérote les libellés, puis décrit chaque bande par le numéro de sa source, le
# numéro de sa cible et son effectif. Passez la souris sur les bandes pour lire les effectifs.

# %%
noeuds = list(pd.unique(pd.concat([liens["source"], liens["cible"]])))
numero = {libelle: position for position, libelle in enumerate(noeuds)}

figure = go.Figure(go.Sankey(
    node=dict(label=noeuds, pad=20, thickness=15),
    link=dict(source=liens["source"].map(numero), target=liens["cible"].map(numero),
              value=liens["nombre"]),
))
figure.update_layout(title="Séjours des patients chroniques : entrée, sortie et devenir à 30 jours")
figure.show()

# %% [markdown]
# **Lire le diagramme.** À gauche, la porte d'entrée : une part importante des séjours des patients
# chroniques commence aux urgences, donc sans avoir été programmée. Au milieu, la sortie : la
# plupart rentrent à domicile, quelques-uns partent en soins de suite ou décèdent. À droite, la
# bande « Réhospitalisé sous 30 jours » montre d'où viennent les retours précoces : en la
# suivant vers la gauche, on voit quelles sorties les alimentent le plus.

# %% [markdown]
# ## 5. De l'analyse à l'action
#
# Vous êtes membre du comité qui pilote le parcours « insuffisance cardiaque » d'un territoire (un
# GHT, par exemple). Vos analyses montrent où les patients chroniques entrent, comment ils sortent et
# quand ils reviennent. Pour passer à l'action :
#
# - **choisir le point d'action** là où les chiffres le justifient : le flux le plus gros, ou
#   celui qui alimente le plus les réhospitalisations ;
# - **choisir une action** qui a fait ses preuves sur ce point du parcours : sortie coordonnée
#   (rendez-vous avec le médecin traitant ou le cardiologue dans les 7 jours), infirmière de
#   coordination, éducation thérapeutique, télésurveillance à domicile (pesée quotidienne), à la
#   manière du programme PRADO de l'Assurance Maladie ;
# - **mesurer son effet** avec un indicateur défini précisément : le taux de réhospitalisation à
#   30 jours de ce carnet, sur une population (les séjours des insuffisants cardiaques) et une
#   période dites à l'avance. Comparer seulement avant et après l'action ne suffit pas : les
#   pratiques et les patients évoluent partout. On compare donc aussi à une **référence** qui n'a
#   pas mis en place l'action (d'autres établissements, un autre territoire : un groupe témoin) ;
#   le carnet 04 montre comment. Et on cite les limites : petits effectifs, recul insuffisant en
#   fin de période, tendance déjà à la baisse avant l'action.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : où agir, et comment le mesurer ? (3 points, corrigée par votre formateur)
#
# En vous appuyant sur les chiffres de ce carnet (taux de réhospitalisation, délais, diagramme de
# Sankey), répondez en cinq à huit phrases :
#
# 1. à quel endroit du parcours agiriez-vous en priorité pour réduire les réhospitalisations,
#    et pourquoi ?
# 2. quelle action concrète proposeriez-vous ?
# 3. avec quel indicateur, calculé comment et comparé à quoi, mesureriez-vous son effet ?
#
# *Écrivez votre réponse dans la cellule ci-dessous (double-cliquez pour la modifier).*

# %% [markdown] kit={"bareme": ["1 point : un point d'action pr\u00e9cis du parcours (sortie \u00e0 domicile, retour \u00e0 domicile apr\u00e8s les urgences\u2026), justifi\u00e9 par un chiffre ou le diagramme du carnet", "1 point : une action concr\u00e8te et r\u00e9aliste (sortie coordonn\u00e9e, consultation pr\u00e9coce, infirmi\u00e8re de coordination, t\u00e9l\u00e9surveillance, \u00e9ducation th\u00e9rapeutique\u2026)", "1 point : un indicateur d\u00e9fini pr\u00e9cis\u00e9ment (taux de r\u00e9hospitalisation \u00e0 30 jours, population, p\u00e9riode) et compar\u00e9 \u00e0 une r\u00e9f\u00e9rence (avant/apr\u00e8s avec groupe t\u00e9moin, autres \u00e9tablissements), en citant au moins une limite (effectifs, recul, tendance)"], "competences": ["argumenter", "pilotage"]} nbgrader={"grade": true, "grade_id": "q9-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# J'agirais **à la sortie d'hospitalisation vers le domicile** des patients insuffisants
# cardiaques : c'est le flux le plus important du diagramme, celui qui alimente le plus la bande
# « Réhospitalisé sous 30 jours », et le taux de réhospitalisation à 30 jours de ces patients est
# nettement supérieur à celui des autres patients. Le retour à domicile après un passage aux urgences est
# un second point d'attention : une partie de ces patients est hospitalisée dans les 30 jours.
#
# Action : un programme de **sortie coordonnée** (rendez-vous avec le médecin traitant ou le
# cardiologue dans les 7 jours, visite d'une infirmière, éducation thérapeutique, pesée
# quotidienne et télésurveillance, à la manière du programme PRADO insuffisance cardiaque).
#
# Mesure : le **taux de réhospitalisation à 30 jours** des séjours d'insuffisants cardiaques
# (même définition qu'ici, hors séances, en écartant les sorties des 30 derniers jours faute de
# recul), suivi chaque trimestre. Comparer l'avant et l'après ne suffit pas (les durées et les
# pratiques évoluent partout) : il faut le comparer à des établissements ou des territoires qui
# n'ont pas mis en place le programme (différence de différences), avec assez de séjours pour que
# l'écart ne soit pas dû au hasard, et suivre en parallèle la mortalité et les passages aux
# urgences pour s'assurer qu'on ne déplace pas le problème.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - Ne comptez comme réhospitalisations que les séjours **entrés par les urgences**
#   (`provenance` `5`), c'est-à-dire non programmés : le taux change-t-il beaucoup ?
# - Écartez les séjours sortis dans les 30 derniers jours des données
#   (`parcours_reprise["date_sortie"].max()` donne la dernière date de sortie), qui n'ont pas de
#   recul, et recalculez le taux de réhospitalisation : l'écart est-il important ?
# - Refaites le diagramme de Sankey pour les seuls insuffisants cardiaques, puis pour les seuls
#   diabétiques : les parcours se ressemblent-ils ?
# - Comparez le taux de réhospitalisation selon la sortie
#   (`parcours_reprise.groupby("sortie")["rehospitalisation"].mean()`) : quelle sortie est la plus à
#   risque ?

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Une cohorte de malades chroniques se repère par les codes CIM-10 (`I50` insuffisance cardiaque,
#   `E10` à `E14` diabète), en diagnostic principal **et** en diagnostic associé ;
#   `.str.startswith(...)` et `.isin(...)` font l'essentiel du travail.
# - `patient_id` relie les tables d'un même patient ; `sejour_id` relie un passage aux urgences au
#   séjour qui l'a suivi.
# - Trier par patient et par date (`sort_values`), puis décaler d'une ligne dans chaque patient
#   (`groupby("patient_id")[...].shift()`), permet de comparer chaque événement au précédent :
#   c'est la base du calcul des réhospitalisations à 30 jours (30 jours compris : `<= 30`).
# - `pd.merge_asof(..., by="patient_id", direction="forward")` associe à chaque événement le
#   premier événement qui le suit dans une autre table.
# - Un tableau de flux (`groupby([...]).size()`) résume des parcours ; le diagramme de Sankey les
#   rend lisibles d'un coup d'œil.
# - Un indicateur de parcours se lit avec ses limites : petits effectifs, recul insuffisant en fin
#   de période, et comparaison à un groupe témoin pour évaluer une action.
