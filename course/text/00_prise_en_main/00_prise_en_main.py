# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Prise en main : explorer une population de patients
#
# **Durée : 45 minutes.** Ce premier carnet vous fait manipuler un jeu de données de santé
# **entièrement synthétique** : aucune ligne ne décrit une personne réelle, mais les chiffres
# ressemblent à ceux d'une population française.
#
# À la fin de ce carnet, vous saurez :
#
# - charger une table de données et en afficher les premières lignes ;
# - compter des lignes et calculer une proportion ;
# - résumer une table par groupe et lire un graphique ;
# - distinguer une donnée pseudonymisée d'une donnée anonyme.
#
# Ce carnet ouvre le module « La donnée au service de l'innovation » du programme **Innov'Health** :
# avant d'imaginer une innovation pour un hôpital ou un GHT, il faut savoir décrire la population qu'il
# sert.
#
# Chaque question a une cellule de réponse, où vous remplacez les trois points `...` par votre calcul,
# puis une cellule de vérification : exécutez-la. « ✅ Bonne réponse » veut dire que la réponse est juste
# (et vaudra tous les points de la question) ; sinon, un ❌ vous dit ce qui ne va pas. Les pourcentages et
# les moyennes sont jugés avec le nombre de décimales que la consigne demande.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée) : la première indique où se
# trouvent les données, la seconde charge la table `patients`. Vous n'avez pas besoin de les modifier.

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
patients = load_table("patients", DONNEES)
print(f"{len(patients):,} patients chargés".replace(",", " "))

# %% [markdown]
# Regardons les cinq premières lignes. Chaque ligne est une personne ; chaque colonne, une
# information sur elle (le dictionnaire des données les décrit toutes).

# %%
patients.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : combien de patients ? (1 point)
#
# Une table pandas a autant de lignes que d'individus. Stockez le nombre de patients dans la
# variable `nombre_patients`. Indice : la fonction `len(...)` donne le nombre de lignes d'une table.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
nombre_patients = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
nombre_patients = len(patients)
### END SOLUTION

# %% kit={"competences": ["charger-decrire"], "reponses": ["nombre_patients"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", nombre_patients)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Count
from participant.checks import grade_answer

reference = load_table("patients", DONNEES)
grade_answer(
    "q1", nombre_patients, len(reference), Count(),
    mistakes={
        "C'est le nombre de colonnes : len(patients) compte les lignes, une par patient.": reference.shape[1],
        "C'est le nombre de cases du tableau (lignes × colonnes) : comptez seulement les lignes.": reference.size,
        "C'est le nombre de régions : comptez les lignes de la table patients.": reference["region"].nunique(),
    },
    hint="Ce n'est pas le nombre de lignes de la table patients ; indice : len(patients).",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : quelle part de femmes ? (2 points)
#
# La colonne `sexe` vaut `"F"` ou `"M"`. Calculez le **pourcentage** de femmes (un nombre entre
# 0 et 100) et stockez-le dans `pourcentage_femmes`. Il est jugé à une décimale près : 51.5 et
# 51.4876 sont justes si la réponse exacte est 51.4876.
#
# Indice : `patients["sexe"] == "F"` donne une colonne de Vrai/Faux ; sa moyenne (`.mean()`) est
# la proportion de Vrai, entre 0 et 1.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
pourcentage_femmes = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
pourcentage_femmes = (patients["sexe"] == "F").mean() * 100
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["pourcentage_femmes"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", pourcentage_femmes)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["sexe"])
femmes = reference["sexe"] == "F"
grade_answer(
    "q2", pourcentage_femmes, femmes.mean() * 100, Percentage(decimals=1),
    mistakes={
        "C'est le pourcentage d'hommes : la condition doit être == \"F\".": (reference["sexe"] == "M").mean() * 100,
    },
    hint="Ce n'est pas le pourcentage de femmes ; indice : (patients[\"sexe\"] == \"F\").mean() * 100.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : combien de patients par région ? (2 points)
#
# Comptez les patients de chaque région avec `.value_counts()` appliqué à la colonne `region`, et
# stockez le résultat dans `patients_par_region`.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
patients_par_region = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
patients_par_region = patients["region"].value_counts()
### END SOLUTION

# %% kit={"competences": ["charger-decrire"], "reponses": ["patients_par_region"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", patients_par_region)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["region", "departement"])
grade_answer(
    "q3", patients_par_region, reference["region"].value_counts(), Series(),
    mistakes={
        "Ce sont des proportions : sans normalize=True, .value_counts() donne des effectifs.": (
            reference["region"].value_counts(normalize=True)
        ),
        "Ce sont des pourcentages : .value_counts() seul donne des effectifs.": (
            reference["region"].value_counts(normalize=True) * 100
        ),
        "Ce sont les effectifs par département : comptez sur la colonne region.": reference["departement"].value_counts(),
    },
    hint="Ce ne sont pas les effectifs par région ; indice : patients[\"region\"].value_counts().",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : quelle région compte le plus de patients ? (2 points)
#
# Stockez dans `region_principale` le **nom** de la région qui compte le plus de patients.
#
# Indice : `.value_counts()` range les régions de la plus fréquente à la moins fréquente ; `.idxmax()`
# donne directement le nom de la plus fréquente.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
region_principale = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
region_principale = patients["region"].value_counts().idxmax()
### END SOLUTION

# %% kit={"competences": ["charger-decrire"], "reponses": ["region_principale"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", region_principale)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["region", "departement"])
effectifs = reference["region"].value_counts()
grade_answer(
    "q4", region_principale, effectifs.idxmax(), Text(choices=tuple(sorted(effectifs.index))),
    mistakes={"C'est la région la moins représentée : .idxmax() donne la plus fréquente.": effectifs.idxmin()},
    hint="Ce n'est pas la région la plus représentée ; indice : patients[\"region\"].value_counts().idxmax().",
)
### END HIDDEN TESTS

# %% [markdown]
# ## La pyramide des âges
#
# Exécutez la cellule suivante : elle calcule l'âge de chacun au début de la période et trace la
# répartition par âge et par sexe. Passez la souris sur les barres pour lire les effectifs.

# %%
debut_periode = pd.Timestamp("2022-01-01")
patients["age"] = (debut_periode - patients["date_naissance"]).dt.days // 365
figure = px.histogram(patients, x="age", color="sexe", nbins=21, barmode="group",
                      labels={"age": "Âge au 1er janvier 2022", "count": "Patients"},
                      title="Répartition des patients par âge et par sexe")
figure.show()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : quel âge moyen ? (2 points)
#
# La cellule précédente a ajouté une colonne `age` (l'âge au 1er janvier 2022). Calculez l'âge
# moyen des patients avec `.mean()` et stockez-le dans `age_moyen`. Il est jugé à une décimale près.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
age_moyen = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
age_moyen = patients["age"].mean()
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["age_moyen"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", age_moyen)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Number
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["date_naissance", "sexe"])
ages = (pd.Timestamp("2022-01-01") - reference["date_naissance"]).dt.days // 365
grade_answer(
    "q5", age_moyen, ages.mean(), Number(decimals=1),
    mistakes={
        "C'est l'âge médian (la moitié des patients au-dessus) : la moyenne s'obtient avec .mean().": ages.median(),
        "C'est l'âge moyen des femmes seulement : prenez tous les patients.": ages[reference["sexe"] == "F"].mean(),
        "C'est l'âge moyen des hommes seulement : prenez tous les patients.": ages[reference["sexe"] == "M"].mean(),
        "C'est l'âge le plus élevé : la moyenne s'obtient avec .mean().": ages.max(),
    },
    hint="Ce n'est pas l'âge moyen de la colonne age ; indice : patients[\"age\"].mean().",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : pseudonymisée ou anonyme ? (2 points, corrigée par votre formateur)
#
# La colonne `patient_id` ne contient pas le NIR (numéro de sécurité sociale) mais un identifiant
# pseudonyme. Cette table est-elle pour autant **anonyme** ? Répondez en deux ou trois phrases,
# en citant au moins deux colonnes qui permettraient de réidentifier une personne.

# %% [markdown] kit={"bareme": ["1 point : la table est pseudonymis\u00e9e, pas anonyme (un pseudonyme se relie encore \u00e0 la personne)", "1 point : au moins deux colonnes r\u00e9identifiantes cit\u00e9es (nom, adresse, t\u00e9l\u00e9phone, ou date de naissance + sexe + code postal)"], "competences": ["pseudonymisation", "cadre-juridique"]} nbgrader={"grade": true, "grade_id": "q6-reponse", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Non : la table est pseudonymisée, pas anonyme. Les colonnes `nom`, `prenom`, `adresse` et
# `telephone` identifient directement la personne ; même sans elles, la combinaison
# `date_naissance`, `sexe` et `code_postal` suffit souvent à réidentifier quelqu'un.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - Comparez l'âge moyen des femmes et des hommes : `patients.groupby("sexe")["age"].mean()`.
# - Tracez le nombre de patients par région avec `px.bar(patients_par_region)`.
# - Ouvrez le dictionnaire des données (`dictionnaire.md`, à côté des données ou à la racine du kit) et repérez les colonnes de la table
#   `sejours` : ce sera le sujet du carnet suivant.

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - `load_table("...")` charge une table ; `.head()` en montre le début ; `len(...)` compte les lignes.
# - Une comparaison (`==`) donne une colonne de Vrai/Faux dont la moyenne est une proportion.
# - `.value_counts()` compte les effectifs par modalité ; `.idxmax()` donne la plus fréquente.
# - `.mean()` calcule une moyenne.
# - Pseudonymiser n'est pas anonymiser : des données indirectement identifiantes suffisent souvent
#   à retrouver une personne.
