# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Piloter par la donnée : le regard d'une agence régionale de santé
#
# **Durée : 90 minutes.** Dans ce carnet, vous vous mettez à la place d'une agence régionale de
# santé (ARS) qui organise l'offre de soins d'un territoire. Les données sont **entièrement
# synthétiques** : aucune ligne ne décrit une personne ou un établissement réels, mais les ordres de
# grandeur ressemblent à ceux de l'activité hospitalière française.
#
# À la fin de ce carnet, vous saurez :
#
# - relier les séjours aux patients et aux établissements pour mesurer des **flux de patients**
#   (part des séjours hors du département de résidence, matrice de flux avec `pd.crosstab`) ;
# - calculer un **taux d'occupation des lits** mois par mois et le tracer ;
# - comparer les départements avec des **taux de recours pour 1 000 habitants** ;
# - analyser le **coût des séjours** par racine de GHM et confronter coût et durée de séjour par
#   établissement ;
# - **argumenter une recommandation** (où implanter une nouvelle structure ?) en disant les
#   limites des données.
#
# **Le lien avec Innov'Health.** Une innovation organisationnelle dans un hôpital ou un GHT (un
# centre de soins non programmés, une filière partagée entre établissements, des lits réorganisés)
# se décide avec des indicateurs de pilotage : d'où viennent les patients, les lits sont-ils
# saturés, quel territoire recourt le plus aux soins, combien coûtent les séjours. Ce carnet vous
# les fait calculer ; au datathon du module, votre équipe pourra s'en servir pour dire **où** et
# **pourquoi** son innovation serait utile.
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
# trouvent les données, la seconde charge les tables `patients`, `etablissements`, `sejours` et
# `urgences`, ainsi que la durée de la période observée (`nombre_annees`). De la table `patients`, on
# ne charge que l'identifiant, le département et la région : inutile de manipuler les noms et adresses
# pour piloter une offre de soins (c'est le principe de **minimisation** des données). Vous n'avez pas
# besoin de modifier ces cellules, ni les cellules de préparation qui suivent.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd
import plotly.express as px

from participant.checks import check_answer
from participant.data import load_manifest, load_reference, load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français
# Minimisation des données : on ne charge que les colonnes utiles de la table patients.
patients = load_table("patients", DONNEES, colonnes=["patient_id", "departement", "region"])
etablissements = load_table("etablissements", DONNEES)
sejours = load_table("sejours", DONNEES)
urgences = load_table("urgences", DONNEES)
nombre_annees = load_manifest(DONNEES)["options"]["years"]
print(f"{len(patients):,} patients ; {len(sejours):,} séjours ; {len(urgences):,} passages aux urgences ; "
      f"{len(etablissements)} établissements ; {nombre_annees} ans d'observation".replace(",", " "))

# %% [markdown]
# ## 1. Les flux de patients
#
# Première question d'une ARS : **les habitants se font-ils soigner près de chez eux ?** Le
# département de résidence du patient est dans la table `patients` ; celui de l'établissement qui
# le soigne est dans la table `etablissements`. La table `sejours` fait le lien : elle contient le
# `patient_id` et le numéro `finess` de l'établissement.
#
# Pour réunir ces informations, on **fusionne** les tables avec `.merge(..., on="colonne")` : pandas
# recopie, sur chaque séjour, les colonnes du patient (ou de l'établissement) qui a le même
# identifiant. Comme les deux tables ont une colonne `departement`, on la renomme d'abord avec
# `.rename(...)` pour savoir laquelle est laquelle. Les établissements privés n'appartiennent à aucun
# groupement hospitalier de territoire : leur colonne `ght` est vide, et `.fillna(...)` remplace
# cette case vide par « privé (hors GHT) ». Exécutez la cellule suivante.

# %% nbgrader={"grade": false, "grade_id": "preparation-flux", "locked": true, "schema_version": 3, "solution": false, "task": false}
# Le département et la région de résidence de chaque patient
residence = patients.rename(columns={"departement": "departement_patient", "region": "region_patient"})
# Le département, le GHT et la catégorie de chaque établissement
lieu_de_soins = etablissements[["finess", "departement", "ght", "categorie"]].rename(
    columns={"departement": "departement_etablissement"})
lieu_de_soins["ght"] = lieu_de_soins["ght"].fillna("privé (hors GHT)")

sejours_complets = sejours.merge(residence, on="patient_id").merge(lieu_de_soins, on="finess")
sejours_complets[["sejour_id", "departement_patient", "finess", "departement_etablissement", "ght"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : quelle part des séjours a lieu hors du département de résidence ? (2 points)
#
# Calculez le **pourcentage** (entre 0 et 100) des séjours de `sejours_complets` pour lesquels le
# département du patient (`departement_patient`) est **différent** du département de
# l'établissement (`departement_etablissement`). Stockez-le dans `part_hors_departement`. Il est
# jugé à une décimale près.
#
# Indice : `a != b` compare deux colonnes ligne par ligne et donne une colonne de Vrai/Faux ; sa
# moyenne (`.mean()`) est la proportion de Vrai, que vous multipliez par 100.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
part_hors_departement = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
part_hors_departement = (sejours_complets["departement_patient"]
                         != sejours_complets["departement_etablissement"]).mean() * 100
### END SOLUTION

# %% kit={"competences": ["pilotage", "parcours"], "reponses": ["part_hors_departement"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", part_hors_departement)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

hors = sejours_complets["departement_patient"] != sejours_complets["departement_etablissement"]
grade_answer(
    "q1", part_hors_departement, hors.mean() * 100, Percentage(decimals=1),
    mistakes={
        "Le dénominateur est le nombre de séjours, pas le nombre de patients : prenez la moyenne de la "
        "comparaison (ou divisez par len(sejours_complets)).": hors.sum() / len(patients) * 100,
        "C'est la part des patients (et non des séjours) soignés au moins une fois hors de leur département : "
        "calculez sur les lignes de sejours_complets, une par séjour.": (
            hors.groupby(sejours_complets["patient_id"]).any().mean() * 100
        ),
    },
    hint="Ce n'est pas la part des séjours hors du département de résidence ; indice : "
    "(sejours_complets[\"departement_patient\"] != sejours_complets[\"departement_etablissement\"]).mean() * 100.",
)
### END HIDDEN TESTS

# %% [markdown]
# **Comment lire ce chiffre ?** C'est le **taux de fuite** que suivent les ARS : la part des séjours
# que les habitants effectuent hors de leur département (attrait du CHU régional, d'une clinique
# spécialisée, séjours pendant les vacances...). Un taux élevé peut signaler une offre locale
# insuffisante, ou simplement un recours normal au CHU pour des soins très spécialisés. Dans ce jeu
# synthétique, les hospitalisations qui suivent un passage aux urgences restent dans le département :
# ce sont les séjours programmés et les transferts qui partent ailleurs, souvent vers le CHU de la
# région.
#
# Une **matrice de flux** montre le détail : `pd.crosstab(lignes, colonnes)` croise deux colonnes et
# compte les séjours de chaque case. La cellule suivante garde les séjours des habitants de Bretagne
# (`sejours_bretagne`) et dresse leur matrice : une ligne par département de résidence, une colonne
# par département de l'établissement. Les séjours « sur place » sont sur la diagonale ; les flux vers
# les autres départements sont en dehors.

# %% nbgrader={"grade": false, "grade_id": "preparation-bretagne", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_bretagne = sejours_complets[sejours_complets["region_patient"] == "Bretagne"]
pd.crosstab(sejours_bretagne["departement_patient"], sejours_bretagne["departement_etablissement"])

# %% [markdown]
# ### Public ou privé : les flux vers les GHT
#
# Un **groupement hospitalier de territoire** (GHT) réunit les hôpitaux publics d'un territoire
# autour d'un projet médical partagé. La colonne `ght` donne le GHT de l'établissement, ou « privé
# (hors GHT) » pour les cliniques et les établissements privés à but non lucratif (ESPIC). Combien de
# séjours des habitants de Bretagne dans chacun ?

# %%
sejours_bretagne["ght"].value_counts()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : où se font soigner les habitants de chaque département breton ? (2 points)
#
# Construisez avec `pd.crosstab` la matrice qui croise le département de résidence
# (`sejours_bretagne["departement_patient"]`, en lignes) et le GHT de l'établissement
# (`sejours_bretagne["ght"]`, en colonnes), **en pourcentage de chaque ligne**, et stockez-la dans
# `parts_ght`. Chaque case est jugée à une décimale près.
#
# Indice : l'option `normalize="index"` de `pd.crosstab` divise chaque case par le total de sa
# ligne (chaque ligne fait alors 1) ; multipliez le résultat par 100 pour avoir des pourcentages.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
parts_ght = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
parts_ght = pd.crosstab(sejours_bretagne["departement_patient"], sejours_bretagne["ght"],
                        normalize="index") * 100
### END SOLUTION

# %% kit={"competences": ["pilotage", "indicateurs-activite"], "reponses": ["parts_ght"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", parts_ght)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Grid
from participant.checks import grade_answer

residents = sejours_bretagne["departement_patient"]
grade_answer(
    "q2", parts_ght, pd.crosstab(residents, sejours_bretagne["ght"], normalize="index") * 100,
    Grid(decimals=1, percent=True),
    mistakes={
        "Ce sont des effectifs : ajoutez normalize=\"index\" et multipliez par 100.": (
            pd.crosstab(residents, sejours_bretagne["ght"])
        ),
        "Chaque colonne fait 100 % : avec normalize=\"index\", c'est chaque ligne (département de résidence) "
        "qui fait 100 %.": pd.crosstab(residents, sejours_bretagne["ght"], normalize="columns") * 100,
        "Toute la matrice fait 100 % : avec normalize=\"index\", c'est chaque ligne qui fait 100 %.": (
            pd.crosstab(residents, sejours_bretagne["ght"], normalize="all") * 100
        ),
        "Les colonnes sont les départements des établissements : croisez avec la colonne ght.": (
            pd.crosstab(residents, sejours_bretagne["departement_etablissement"], normalize="index") * 100
        ),
        "Vous avez pris les séjours de toute la France : partez de sejours_bretagne.": (
            pd.crosstab(sejours_complets["departement_patient"], sejours_complets["ght"], normalize="index") * 100
        ),
    },
    hint="Ce ne sont pas les parts de chaque GHT par département de résidence ; indice : "
    "pd.crosstab(sejours_bretagne[\"departement_patient\"], sejours_bretagne[\"ght\"], normalize=\"index\") * 100.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule la matrice en pourcentages avec
# le code ci-dessous, sous le nom `parts_ght_reprise` ; le graphique qui suit l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q2-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
parts_ght_reprise = pd.crosstab(sejours_bretagne["departement_patient"], sejours_bretagne["ght"],
                                normalize="index") * 100
parts_ght_reprise.round(1)

# %% [markdown]
# Un graphique en barres empilées se lit plus vite qu'un tableau : chaque barre est un département
# de résidence, découpée selon la part de ses séjours dans chaque GHT ou dans le privé. Passez la
# souris sur les barres pour lire les pourcentages.

# %%
figure = px.bar(parts_ght_reprise, title="Où se font hospitaliser les habitants de Bretagne ?",
                labels={"departement_patient": "Département de résidence",
                        "value": "Part des séjours (%)", "ght": "GHT de l'établissement"})
figure.update_xaxes(type="category")          # les codes de département sont des étiquettes, pas des nombres
figure.show()

# %% [markdown]
# ## 2. L'occupation des lits
#
# Un lit d'hospitalisation complète est occupé **la nuit**. Un séjour de 3 nuits occupe donc un lit
# 3 nuits : on parle de 3 **journées d'hospitalisation**. Les séjours ambulatoires et les séances
# (0 nuit) n'occupent pas de lit la nuit : on les écarte, et les séjours d'au moins une nuit forment
# la table `hospitalisations`.
#
# Pour compter les lits occupés chaque nuit, la cellule suivante transforme cette table en une table
# `nuits` **avec une ligne par nuit** : chaque séjour est recopié autant de fois qu'il compte de nuits
# (`.repeat(...)`), puis on ajoute à la date d'entrée le numéro de la nuit (0, 1, 2...). La colonne
# `mois` donne le premier jour du mois de chaque nuit. Cette méthode n'utilise aucune boucle : elle
# reste rapide même sur un million de patients. Exécutez-la.

# %% nbgrader={"grade": false, "grade_id": "preparation-nuits", "locked": true, "schema_version": 3, "solution": false, "task": false}
# Les séjours d'au moins une nuit (hospitalisation complète)
hospitalisations = sejours_complets[sejours_complets["duree_sejour"] > 0]

# Une ligne par nuit : chaque séjour est recopié autant de fois qu'il a de nuits
nuits = hospitalisations.loc[hospitalisations.index.repeat(hospitalisations["duree_sejour"]),
                             ["sejour_id", "date_entree"]]
numero_de_la_nuit = nuits.groupby(level=0).cumcount()          # 0, 1, 2... dans chaque séjour
nuits["date_nuit"] = nuits["date_entree"] + pd.to_timedelta(numero_de_la_nuit, unit="D")
nuits["mois"] = nuits["date_nuit"].dt.to_period("M").dt.to_timestamp()   # le 1er du mois

print(f"{len(hospitalisations):,} hospitalisations et {len(nuits):,} nuits".replace(",", " "))
nuits.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : combien de journées d'hospitalisation par mois ? (2 points)
#
# Comptez les nuits de la table `nuits` **pour chaque mois** (colonne `mois`) et stockez le résultat
# dans `journees_par_mois` : une série avec une valeur par mois, le nombre exact de nuits.
#
# Indice : `.value_counts()` compte les lignes de chaque mois. Pour lire le résultat dans l'ordre
# chronologique, ajoutez `.sort_index()` (l'ordre des mois ne compte pas pour la vérification).

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
journees_par_mois = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
journees_par_mois = nuits["mois"].value_counts().sort_index()
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["journees_par_mois"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", journees_par_mois)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

mois_entree = hospitalisations["date_entree"].dt.to_period("M").dt.to_timestamp()
grade_answer(
    "q3", journees_par_mois, nuits["mois"].value_counts(), Series(),
    mistakes={
        "Ce sont des proportions : sans normalize=True, .value_counts() donne le nombre de nuits.": (
            nuits["mois"].value_counts(normalize=True)
        ),
        "Vous avez compté des séjours, pas des nuits : comptez les lignes de la table nuits (une par nuit).": (
            nuits.groupby("mois")["sejour_id"].nunique()
        ),
        "Vous avez compté toutes les nuits d'un séjour dans son mois d'entrée : comptez les lignes de la table "
        "nuits par mois (colonne mois).": hospitalisations.groupby(mois_entree)["duree_sejour"].sum(),
        "Vous avez compté les séjours par mois d'entrée, pas les nuits : comptez les lignes de la table nuits "
        "par mois.": hospitalisations.groupby(mois_entree)["sejour_id"].count(),
    },
    hint="Ce n'est pas le nombre de nuits de chaque mois ; indice : nuits[\"mois\"].value_counts().",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule les journées de chaque mois,
# dans l'ordre chronologique, avec le code ci-dessous, sous le nom `journees_reprise` ; la suite du
# carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q3-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
journees_reprise = nuits["mois"].value_counts().sort_index()
journees_reprise.head()

# %% [markdown]
# ### Des journées aux lits : le coefficient d'extrapolation
#
# Pour un taux d'occupation, on rapporte les journées d'hospitalisation aux **journées-lits
# disponibles** (nombre de lits × nombre de jours). Attention : notre population simulée ne compte
# qu'une petite fraction des habitants de la France, alors que les lits de la table
# `etablissements` sont ceux d'établissements de taille réelle. On **extrapole** donc les journées
# à toute la population en les multipliant par un **coefficient d'extrapolation** : la population
# française (table de référence des départements) divisée par le nombre de patients simulés.

# %% nbgrader={"grade": false, "grade_id": "preparation-lits", "locked": true, "schema_version": 3, "solution": false, "task": false}
population_france = load_reference("departements")["population"].sum()
coefficient = population_france / len(patients)
lits_total = etablissements["lits"].sum()
print(f"Un patient simulé représente {coefficient:,.0f} habitants ; "
      f"{lits_total:,} lits d'hospitalisation complète au total.".replace(",", " "))

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : le taux d'occupation des lits (2 points)
#
# Calculez, pour chaque mois, le **taux d'occupation en %** et stockez-le dans `taux_occupation`
# (une série, une valeur par mois, chacune jugée à une décimale près) :
#
# journées du mois (`journees_reprise`) × `coefficient` ÷ (`lits_total` × nombre de jours du mois) × 100.
#
# Le nombre de jours de chaque mois est donné par `journees_reprise.index.days_in_month`. Attention
# aux parenthèses : tout le dénominateur (lits × jours) doit être entre parenthèses.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
taux_occupation = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
jours_du_mois = journees_reprise.index.days_in_month
taux_occupation = journees_reprise * coefficient / (lits_total * jours_du_mois) * 100
### END SOLUTION

# %% kit={"competences": ["pilotage", "indicateurs-activite"], "reponses": ["taux_occupation"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", taux_occupation)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

jours = journees_reprise.index.days_in_month
journees_extrapolees = journees_reprise * coefficient
attendu = journees_extrapolees / (lits_total * jours) * 100
grade_answer(
    "q4", taux_occupation, attendu, Series(decimals=1),
    mistakes={
        "Ce sont des proportions (autour de 1) : multipliez par 100 pour un taux en %.": attendu / 100,
        "Vous avez oublié le coefficient d'extrapolation : multipliez les journées par coefficient.": (
            journees_reprise / (lits_total * jours) * 100
        ),
        "Vous avez multiplié par le nombre de jours au lieu de diviser : mettez tout le dénominateur entre "
        "parenthèses, (lits_total * jours du mois).": journees_extrapolees / lits_total * jours * 100,
        "Vous avez oublié le nombre de jours du mois : les journées-lits disponibles sont lits_total × jours "
        "du mois.": journees_extrapolees / lits_total * 100,
        "Vous avez compté 30 jours pour chaque mois : prenez journees_reprise.index.days_in_month.": (
            journees_extrapolees / (lits_total * 30) * 100
        ),
    },
    hint="Ce n'est pas le taux d'occupation de chaque mois ; indice : journees_reprise * coefficient / "
    "(lits_total * journees_reprise.index.days_in_month) * 100.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule le taux d'occupation de chaque
# mois avec le code ci-dessous, sous le nom `taux_occupation_reprise` ; la question suivante le trace.

# %% nbgrader={"grade": false, "grade_id": "q4-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
taux_occupation_reprise = (journees_reprise * coefficient
                           / (lits_total * journees_reprise.index.days_in_month) * 100)
taux_occupation_reprise.round(1).head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : tracer le taux d'occupation (1 point)
#
# Tracez `taux_occupation_reprise` mois par mois avec
# `px.line(x=taux_occupation_reprise.index, y=taux_occupation_reprise.values, ...)` et rangez la
# figure dans `figure_occupation`. Donnez-lui un **titre** (`title="..."`, vérifié) et des noms
# d'axes en français (`labels={"x": "Mois", "y": "Taux d'occupation (%)"}`). Ajoutez ensuite, dans
# la même cellule, `figure_occupation.show()` pour l'afficher. Facultatif :
# `figure_occupation.add_hline(y=100, line_dash="dot")` ajoute une ligne repère à 100 %.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
figure_occupation = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
figure_occupation = px.line(x=taux_occupation_reprise.index, y=taux_occupation_reprise.values,
                            title="Taux d'occupation des lits d'hospitalisation complète, par mois",
                            labels={"x": "Mois", "y": "Taux d'occupation (%)"})
figure_occupation.add_hline(y=100, line_dash="dot")
figure_occupation.show()
### END SOLUTION

# %% kit={"competences": ["visualiser", "pilotage"], "reponses": ["figure_occupation"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", figure_occupation)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Figure
from participant.checks import grade_answer

grade_answer(
    "q5", figure_occupation,
    px.line(x=taux_occupation_reprise.index, y=taux_occupation_reprise.values, title="Taux d'occupation"),
    Figure(points=("x", "y"), title=True, decimals=1),
    mistakes={
        "La figure trace les journées, pas le taux d'occupation : y=taux_occupation_reprise.values.": (
            px.line(x=journees_reprise.index, y=journees_reprise.values, title="Journées")
        ),
        "Les axes sont inversés : les mois en abscisse (x), le taux en ordonnée (y).": (
            px.line(x=taux_occupation_reprise.values, y=taux_occupation_reprise.index, title="Taux")
        ),
        "Ce sont des proportions (autour de 1) : tracez taux_occupation_reprise, déjà en %.": (
            px.line(x=taux_occupation_reprise.index, y=taux_occupation_reprise.values / 100, title="Taux")
        ),
    },
    hint="La figure ne trace pas le taux d'occupation de chaque mois ; indice : "
    "px.line(x=taux_occupation_reprise.index, y=taux_occupation_reprise.values, title=\"...\").",
)
### END HIDDEN TESTS

# %% [markdown]
# **Comment lire cette courbe ?** Cherchez les pics d'hiver (épidémies respiratoires) et la tendance
# sur les trois ans (les durées de séjour raccourcissent, les lits se libèrent). Un taux proche de
# 100 % ou au-delà signale des lits saturés ; un taux bas, des lits sous-utilisés. Sur un petit
# échantillon de patients, la courbe est surtout faite de hasard, en dents de scie : seul un grand
# jeu de données montre nettement ces tendances. Gardez aussi en tête les limites du calcul :
# l'extrapolation suppose que le reste de la population se comporte comme l'échantillon simulé, et
# le total national masque des écarts entre territoires.

# %% [markdown]
# ## 3. Où implanter une nouvelle structure ?
#
# L'ARS envisage d'ouvrir une nouvelle structure (par exemple un centre de soins non programmés).
# Un premier critère : le **taux de recours**, c'est-à-dire le nombre de séjours (ou de passages aux
# urgences) **des habitants** d'un département, rapporté au nombre d'habitants, pour 1 000 habitants
# et par an.
#
# Le numérateur et le dénominateur doivent venir de **la même population** : nous divisons donc par
# le nombre d'habitants **simulés** de chaque département (les patients de la table `patients`), pas
# par la population réelle. La cellule suivante les compte dans `habitants`. Exécutez-la.

# %% nbgrader={"grade": false, "grade_id": "preparation-habitants", "locked": true, "schema_version": 3, "solution": false, "task": false}
habitants = patients["departement"].value_counts()
habitants.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : le taux de recours à l'hospitalisation (2 points)
#
# Calculez, pour chaque département de résidence, le nombre de séjours **pour 1 000 habitants et
# par an**, et stockez-le dans `sejours_pour_1000` (chaque taux est jugé à une décimale près) :
#
# séjours des habitants du département ÷ `habitants` × 1 000 ÷ `nombre_annees`.
#
# Indice : `sejours_complets["departement_patient"].value_counts()` compte les séjours par
# département de résidence. Diviser deux séries pandas associe automatiquement les départements
# de même code. Un département dont aucun habitant n'a été hospitalisé n'apparaît pas dans
# `.value_counts()` : la division lui donne `NaN` (« pas de valeur »). Son taux vaut 0 : terminez
# le calcul par `.fillna(0)`.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
sejours_pour_1000 = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_pour_1000 = (sejours_complets["departement_patient"].value_counts()
                     / habitants * 1000 / nombre_annees).fillna(0)
### END SOLUTION

# %% kit={"competences": ["pilotage", "indicateurs-activite"], "reponses": ["sejours_pour_1000"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", sejours_pour_1000)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

par_departement = sejours_complets["departement_patient"].value_counts()
taux = par_departement / habitants * 1000 / nombre_annees
grade_answer(
    "q6", sejours_pour_1000, taux.fillna(0), Series(decimals=1),
    mistakes={
        "Des départements valent NaN : aucun de leurs habitants n'a été hospitalisé. Leur taux vaut 0 : "
        "terminez le calcul par .fillna(0).": taux,
        "Il manque les départements sans séjour : leur taux vaut 0, gardez-les avec .fillna(0) "
        "(pas .dropna()).": taux.dropna(),
        "C'est un taux sur toute la période : divisez aussi par nombre_annees pour un taux par an.": (
            (par_departement / habitants * 1000).fillna(0)
        ),
        "C'est un taux pour 100 habitants : multipliez par 1 000, pas par 100.": (
            (par_departement / habitants * 100 / nombre_annees).fillna(0)
        ),
        "Vous avez compté les séjours par département de l'établissement : le taux de recours compte les "
        "séjours des habitants, par departement_patient.": (
            (sejours_complets["departement_etablissement"].value_counts() / habitants * 1000 / nombre_annees)
            .fillna(0)
        ),
    },
    hint="Ce ne sont pas les séjours pour 1 000 habitants et par an ; indice : "
    "(sejours_complets[\"departement_patient\"].value_counts() / habitants * 1000 / nombre_annees).fillna(0).",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule le taux de recours à
# l'hospitalisation avec le code ci-dessous, sous le nom `sejours_pour_1000_reprise` ; la carte des
# départements l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q6-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_pour_1000_reprise = (sejours_complets["departement_patient"].value_counts()
                             / habitants * 1000 / nombre_annees).fillna(0)
sejours_pour_1000_reprise.sort_values(ascending=False).round(1).head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : le recours aux urgences (1 point)
#
# Faites de même pour les **passages aux urgences**, en deux étapes :
#
# 1. ajoutez à la table `urgences` le département de résidence du patient, en la fusionnant avec la
#    table `residence` de la partie 1 : `urgences_residence = urgences.merge(residence, on="patient_id")` ;
# 2. calculez le nombre de passages pour 1 000 habitants et par an de chaque département (avec
#    `.fillna(0)` comme à la question 6) et stockez-le dans `urgences_pour_1000`. Chaque taux est
#    jugé à une décimale près.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
urgences_pour_1000 = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
urgences_residence = urgences.merge(residence, on="patient_id")
urgences_pour_1000 = (urgences_residence["departement_patient"].value_counts()
                      / habitants * 1000 / nombre_annees).fillna(0)
### END SOLUTION

# %% kit={"competences": ["pilotage", "parcours"], "reponses": ["urgences_pour_1000"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", urgences_pour_1000)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

passages = urgences.merge(residence, on="patient_id")
par_departement = passages["departement_patient"].value_counts()
taux = par_departement / habitants * 1000 / nombre_annees
grade_answer(
    "q7", urgences_pour_1000, taux.fillna(0), Series(decimals=1),
    mistakes={
        "Des départements valent NaN : aucun de leurs habitants n'est passé aux urgences. Leur taux vaut 0 : "
        "terminez le calcul par .fillna(0).": taux,
        "Il manque les départements sans passage : leur taux vaut 0, gardez-les avec .fillna(0) "
        "(pas .dropna()).": taux.dropna(),
        "C'est un taux sur toute la période : divisez aussi par nombre_annees pour un taux par an.": (
            (par_departement / habitants * 1000).fillna(0)
        ),
        "C'est un taux pour 100 habitants : multipliez par 1 000, pas par 100.": (
            (par_departement / habitants * 100 / nombre_annees).fillna(0)
        ),
        "Vous avez compté des patients, pas des passages : un même patient peut passer plusieurs fois, gardez "
        "toutes les lignes.": (
            (passages.drop_duplicates("patient_id")["departement_patient"].value_counts() / habitants * 1000
             / nombre_annees).fillna(0)
        ),
        "C'est le taux de séjours de la question 6 : comptez les passages de la table urgences.": (
            (sejours_complets["departement_patient"].value_counts() / habitants * 1000 / nombre_annees).fillna(0)
        ),
    },
    hint="Ce ne sont pas les passages pour 1 000 habitants et par an ; indice : "
    "(urgences_residence[\"departement_patient\"].value_counts() / habitants * 1000 / nombre_annees).fillna(0).",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule le taux de passages aux urgences
# avec le code ci-dessous, sous le nom `urgences_pour_1000_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q7-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
urgences_residence_reprise = urgences.merge(residence, on="patient_id")
urgences_pour_1000_reprise = (urgences_residence_reprise["departement_patient"].value_counts()
                              / habitants * 1000 / nombre_annees).fillna(0)
urgences_pour_1000_reprise.sort_values(ascending=False).round(1).head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : le département au plus fort recours aux urgences (1 point)
#
# Stockez dans `departement_prioritaire` le **code** du département où le taux de passages aux
# urgences pour 1 000 habitants (`urgences_pour_1000_reprise`) est le plus élevé. Un code de
# département est un texte, entre guillemets (par exemple `"29"`).
#
# Indice : `.idxmax()` donne l'étiquette (ici le code du département) de la plus grande valeur d'une
# série.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
departement_prioritaire = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
departement_prioritaire = urgences_pour_1000_reprise.idxmax()
### END SOLUTION

# %% kit={"competences": ["pilotage", "parcours"], "reponses": ["departement_prioritaire"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q8", departement_prioritaire)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

attendu = urgences_pour_1000_reprise.idxmax()
noms = load_reference("departements").set_index("code")["nom"]
grade_answer(
    "q8", departement_prioritaire, attendu, Text(),
    mistakes={
        "C'est le département au taux le plus bas : .idxmax() donne le plus élevé.": urgences_pour_1000_reprise.idxmin(),
        "C'est le département qui compte le plus de passages, pas le plus fort taux pour 1 000 habitants : "
        "partez de urgences_pour_1000_reprise.": urgences_residence_reprise["departement_patient"].value_counts().idxmax(),
        "C'est le département au plus fort taux de séjours (question 6) : partez du taux de passages aux "
        "urgences, urgences_pour_1000_reprise.": sejours_pour_1000_reprise.idxmax(),
        "C'est le nom du département : donnez son code, entre guillemets.": noms.get(attendu, attendu),
    },
    hint="Ce n'est pas le département au plus fort taux de passages aux urgences ; indice : "
    "urgences_pour_1000_reprise.idxmax().",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Une carte des taux de recours
#
# La cellule suivante rassemble les indicateurs par département avec la table de référence des
# départements (nom, coordonnées de la préfecture), puis dessine une « carte » : chaque point est
# un département de métropole placé selon sa longitude et sa latitude ; sa taille suit le taux de
# passages aux urgences, sa couleur le taux d'hospitalisation. Passez la souris sur un point pour
# lire son nom et ses valeurs.

# %%
tableau = load_reference("departements").set_index("code")[["nom", "region", "latitude", "longitude"]]
tableau["habitants_simules"] = habitants
tableau["sejours_pour_1000"] = sejours_pour_1000_reprise.round(1)
tableau["urgences_pour_1000"] = urgences_pour_1000_reprise.round(1)
tableau = tableau.fillna(0)

metropole = tableau[tableau.index.str.len() == 2]          # codes à 2 caractères : la métropole
figure = px.scatter(metropole, x="longitude", y="latitude", size="urgences_pour_1000",
                    color="sejours_pour_1000", hover_name="nom",
                    hover_data=["habitants_simules", "sejours_pour_1000", "urgences_pour_1000"],
                    title="Recours aux urgences (taille) et à l'hospitalisation (couleur), par département",
                    labels={"longitude": "Longitude", "latitude": "Latitude",
                            "sejours_pour_1000": "Séjours / 1 000 hab. / an",
                            "urgences_pour_1000": "Passages / 1 000 hab. / an",
                            "habitants_simules": "Habitants simulés"})
figure.update_yaxes(scaleanchor="x", scaleratio=1.45)
figure.show()

# %% [markdown]
# Et les dix départements au plus fort recours aux urgences, avec le nombre d'habitants simulés sur
# lequel repose chaque taux :

# %%
tableau.sort_values("urgences_pour_1000", ascending=False).head(10)

# %% [markdown]
# ### Lire un taux de recours avec prudence
#
# Avant de recommander un lieu, regardez ce que ces taux ne disent pas :
#
# - **les petits effectifs** : un taux calculé sur quelques dizaines d'habitants simulés varie
#   beaucoup au hasard ; comparez-le au nombre d'habitants de la colonne `habitants_simules` ;
# - **l'âge** : les taux ne sont pas **standardisés** sur l'âge ; un département âgé consomme plus
#   de soins sans être moins bien équipé ;
# - **les flux** : une structure attire aussi les habitants des territoires voisins, et une partie
#   des habitants se soigne déjà ailleurs (partie 1) ;
# - **consommation n'est pas besoin** : un taux de recours mesure les soins consommés, pas un besoin
#   non couvert (un territoire sans offre peut avoir un recours faible) ;
# - **les données** : elles sont ici synthétiques ; sur un vrai territoire, elles viendraient du
#   PMSI et de l'Insee, avec leurs propres limites.
#
# Une décision d'implantation croise aussi des informations absentes de ces tables : l'offre de soins
# existante, les temps d'accès, l'évolution de la population, l'avis des acteurs du territoire.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : votre recommandation (3 points, corrigée par votre formateur)
#
# Dans la cellule suivante, en quelques phrases : **dans quel département recommanderiez-vous
# d'implanter la nouvelle structure, et pourquoi ?** Appuyez-vous sur au moins un indicateur calculé
# plus haut (avec sa valeur), puis citez **au moins deux limites** des données ou des indicateurs
# qui invitent à la prudence, et une information qu'il faudrait ajouter avant de décider.

# %% [markdown] kit={"bareme": ["1 point : un d\u00e9partement choisi et justifi\u00e9 par au moins un indicateur calcul\u00e9 (taux de recours aux urgences ou \u00e0 l'hospitalisation pour 1 000 habitants, part hors d\u00e9partement), valeur cit\u00e9e", "1 point : au moins deux limites pertinentes (donn\u00e9es synth\u00e9tiques ; petits effectifs par d\u00e9partement et fluctuations al\u00e9atoires ; taux non standardis\u00e9s sur l'\u00e2ge ; flux entre d\u00e9partements ; le recours mesure la consommation de soins, pas le besoin)", "1 point : au moins une information compl\u00e9mentaire utile \u00e0 la d\u00e9cision (offre de soins existante, temps d'acc\u00e8s, \u00e9volution de la population, avis des acteurs du territoire)"], "competences": ["argumenter", "pilotage"]} nbgrader={"grade": true, "grade_id": "q9-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Je proposerais le département qui a le taux de passages aux urgences pour 1 000 habitants le plus
# élevé (question 8), surtout s'il a aussi un taux d'hospitalisation élevé : une structure de soins
# non programmés y soulagerait le plus les urgences.
#
# Limites : les données sont synthétiques et les flux entre départements y sont simplifiés ; le taux
# de recours compte les habitants du département, alors qu'une structure attire aussi ceux des
# territoires voisins ; certains départements ne comptent que peu d'habitants simulés, donc leurs
# taux fluctuent beaucoup au hasard ; les taux ne sont pas standardisés sur l'âge (un département
# âgé consomme plus de soins sans être moins bien équipé) ; enfin un taux de recours mesure une
# consommation de soins, pas un besoin non couvert.
#
# Avant de décider, il faudrait connaître l'offre existante (médecins généralistes, maisons de santé,
# temps d'accès aux urgences), l'évolution de la population et l'avis des acteurs du territoire.
# ### END SOLUTION

# %% [markdown]
# ## 4. Le regard médico-économique
#
# Chaque séjour est classé dans un **GHM** (groupe homogène de malades), auquel correspond un
# **tarif GHS** : le montant versé à l'établissement par l'Assurance Maladie (colonne `tarif_ghs`,
# en euros). C'est une **recette** pour l'établissement, pas le coût réel du séjour. Les 5 premiers
# caractères du GHM forment sa **racine** (par exemple `05M09`, insuffisances cardiaques) ; le
# dernier caractère donne le niveau de sévérité. La cellule suivante crée la table `sejours_ghm`, une
# copie de `sejours_complets` avec la racine de chaque séjour, et prépare le libellé de chaque
# racine.

# %% nbgrader={"grade": false, "grade_id": "preparation-racines", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejours_ghm = sejours_complets.copy()
sejours_ghm["racine"] = sejours_ghm["ghm"].str[:5]      # les 5 premiers caractères

# Le libellé de chaque racine, sans la fin « , niveau 1 »
libelles = (load_reference("ghm").drop_duplicates("racine").set_index("racine")["libelle"]
            .str.replace(r",[^,]*$", "", regex=True))
libelles.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 10 : combien coûte chaque racine de GHM ? (2 points)
#
# Regroupez les séjours de `sejours_ghm` par `racine` et calculez, sur la colonne `tarif_ghs`, la
# **somme** (colonne `cout_total`) et la **moyenne** (colonne `cout_moyen`). Stockez le tableau dans
# `cout_par_racine` : une ligne par racine, ces deux colonnes. Les montants sont jugés au centime près
# (deux décimales) ; l'ordre des lignes ne compte pas.
#
# Indice : `.groupby("racine")["tarif_ghs"].agg(cout_total="sum", cout_moyen="mean")` calcule les
# deux colonnes d'un coup, chacune nommée à gauche du signe `=`.

# %% nbgrader={"grade": false, "grade_id": "q10-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
cout_par_racine = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
cout_par_racine = sejours_ghm.groupby("racine")["tarif_ghs"].agg(cout_total="sum", cout_moyen="mean")
### END SOLUTION

# %% kit={"competences": ["nomenclatures", "indicateurs-activite"], "reponses": ["cout_par_racine"]} nbgrader={"grade": true, "grade_id": "q10-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q10", cout_par_racine)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Grid
from participant.checks import grade_answer

tarifs = sejours_ghm.groupby("racine")["tarif_ghs"]
grade_answer(
    "q10", cout_par_racine, tarifs.agg(cout_total="sum", cout_moyen="mean"), Grid(decimals=2),
    mistakes={
        "cout_moyen est la médiane : le coût moyen s'obtient avec \"mean\".": (
            tarifs.agg(cout_total="sum", cout_moyen="median")
        ),
        "cout_total compte les séjours : le coût total est la somme des tarifs, \"sum\".": (
            tarifs.agg(cout_total="count", cout_moyen="mean")
        ),
        "Les bonnes valeurs, mais les colonnes s'appellent sum et mean : nommez-les cout_total et cout_moyen, "
        "avec .agg(cout_total=\"sum\", cout_moyen=\"mean\").": tarifs.agg(["sum", "mean"]),
        "Vous avez gardé seulement les séjours d'au moins une nuit : prenez tous les séjours de sejours_ghm.": (
            sejours_ghm[sejours_ghm["duree_sejour"] > 0].groupby("racine")["tarif_ghs"]
            .agg(cout_total="sum", cout_moyen="mean")
        ),
        "Vous avez regroupé par GHM complet (avec son niveau de sévérité) : regroupez par racine.": (
            sejours_ghm.groupby("ghm")["tarif_ghs"].agg(cout_total="sum", cout_moyen="mean")
        ),
    },
    hint="Ce ne sont pas le coût total et le coût moyen de chaque racine ; indice : "
    "sejours_ghm.groupby(\"racine\")[\"tarif_ghs\"].agg(cout_total=\"sum\", cout_moyen=\"mean\").",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule le coût de chaque racine avec le
# code ci-dessous, trié du coût total le plus élevé au plus faible (`.sort_values(...)`), sous le nom
# `cout_par_racine_reprise` ; le graphique qui suit l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q10-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
cout_par_racine_reprise = (sejours_ghm.groupby("racine")["tarif_ghs"]
                           .agg(cout_total="sum", cout_moyen="mean")
                           .sort_values("cout_total", ascending=False))
cout_par_racine_reprise.round(2).head()

# %% [markdown]
# Voici les dix racines qui pèsent le plus, avec leur libellé. Comparez le coût **total** et le coût
# **moyen** : une racine peut peser lourd parce que ses séjours sont chers, ou parce qu'ils sont très
# nombreux.

# %%
dix_premieres = cout_par_racine_reprise.head(10).join(libelles)
figure = px.bar(dix_premieres, x="cout_total", y="libelle", orientation="h", hover_data=["cout_moyen"],
                title="Les dix racines de GHM au coût total le plus élevé",
                labels={"cout_total": "Coût total sur la période (euros)", "libelle": "",
                        "cout_moyen": "Coût moyen d'un séjour (euros)"})
figure.update_yaxes(autorange="reversed")
figure.show()

# %% [markdown]
# ### Comparer des établissements qui ne soignent pas les mêmes patients
#
# Un établissement qui prend en charge des patients plus lourds (son **case-mix**, vu au carnet 01)
# a mécaniquement des séjours plus longs et des tarifs plus élevés. Pour comparer les établissements
# entre eux, on compare donc **à GHM égal** : par exemple la durée de séjour observée à la durée
# attendue pour les mêmes GHM (c'est l'idée de l'indice de performance de la DMS, l'IP-DMS). Et ni la
# durée ni le tarif ne mesurent la qualité des soins : il faut pour cela un indicateur de qualité, comme
# le taux de réhospitalisation à 30 jours (carnet 02).

# %% [markdown] nbgrader={"grade": false, "grade_id": "q11-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 11 : durée de séjour et tarif moyen par établissement (2 points)
#
# Pour chaque établissement (`finess`), calculez sur les séjours d'au moins une nuit (la table
# `hospitalisations` de la partie 2) la **durée moyenne de séjour** (colonne `dms`, à partir de
# `duree_sejour`) et le **tarif moyen** (colonne `tarif_moyen`, à partir de `tarif_ghs`). Stockez le
# tableau dans `qualite_cout` : une ligne par établissement, ces deux colonnes, jugées à deux
# décimales près.
#
# Indice : `.groupby("finess").agg(dms=("duree_sejour", "mean"), tarif_moyen=("tarif_ghs", "mean"))` :
# chaque nouvelle colonne est définie par un couple (colonne de départ, calcul).

# %% nbgrader={"grade": false, "grade_id": "q11-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
qualite_cout = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
qualite_cout = hospitalisations.groupby("finess").agg(dms=("duree_sejour", "mean"),
                                                      tarif_moyen=("tarif_ghs", "mean"))
### END SOLUTION

# %% kit={"competences": ["indicateurs-activite", "pilotage"], "reponses": ["qualite_cout"]} nbgrader={"grade": true, "grade_id": "q11-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q11", qualite_cout)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Grid
from participant.checks import grade_answer


def par_etablissement(table, calcul="mean"):
    return table.groupby("finess").agg(dms=("duree_sejour", calcul), tarif_moyen=("tarif_ghs", calcul))


grade_answer(
    "q11", qualite_cout, par_etablissement(hospitalisations), Grid(decimals=2),
    mistakes={
        "Vous avez pris tous les séjours, y compris l'ambulatoire et les séances (0 nuit) : partez de la table "
        "hospitalisations.": par_etablissement(sejours_complets),
        "Vous avez écarté les séjours d'une nuit : la table hospitalisations garde les séjours d'au moins une "
        "nuit (duree_sejour > 0).": par_etablissement(sejours_complets[sejours_complets["duree_sejour"] > 1]),
        "Ce sont des médianes : la durée moyenne et le tarif moyen s'obtiennent avec \"mean\".": (
            par_etablissement(hospitalisations, "median")
        ),
        "Les colonnes sont inversées : dms vient de duree_sejour, tarif_moyen de tarif_ghs.": (
            hospitalisations.groupby("finess").agg(dms=("tarif_ghs", "mean"), tarif_moyen=("duree_sejour", "mean"))
        ),
    },
    hint="Ce ne sont pas la durée moyenne et le tarif moyen de chaque établissement ; indice : "
    "hospitalisations.groupby(\"finess\").agg(dms=(\"duree_sejour\", \"mean\"), tarif_moyen=(\"tarif_ghs\", \"mean\")).",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q11-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule la durée moyenne et le tarif
# moyen de chaque établissement avec le code ci-dessous, sous le nom `qualite_cout_reprise` ; le
# nuage de points qui suit l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q11-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
qualite_cout_reprise = hospitalisations.groupby("finess").agg(dms=("duree_sejour", "mean"),
                                                              tarif_moyen=("tarif_ghs", "mean"))
qualite_cout_reprise.round(2).head()

# %% [markdown]
# Plaçons chaque établissement sur un nuage de points : en abscisse le tarif moyen, en ordonnée la
# durée moyenne de séjour, la couleur indique la catégorie et la taille le nombre d'hospitalisations.
# Passez la souris sur un point pour lire le nom de l'établissement.

# %%
nuage = qualite_cout_reprise.join(etablissements.set_index("finess")[["nom", "categorie", "lits"]])
nuage["hospitalisations"] = hospitalisations["finess"].value_counts()
figure = px.scatter(nuage, x="tarif_moyen", y="dms", color="categorie", size="hospitalisations",
                    hover_name="nom", hover_data=["lits"],
                    title="Durée moyenne de séjour et tarif moyen, par établissement",
                    labels={"tarif_moyen": "Tarif GHS moyen d'un séjour (euros)",
                            "dms": "Durée moyenne de séjour (nuits)", "categorie": "Catégorie",
                            "hospitalisations": "Hospitalisations", "lits": "Lits"})
figure.show()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q12-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 12 : lire le nuage de points (2 points, corrigée par votre formateur)
#
# Un établissement situé **en haut à droite** du nuage (durée de séjour longue, tarif moyen élevé)
# est-il forcément moins efficient, ou de moins bonne qualité, que les autres ? Répondez en deux ou
# trois phrases : qu'est-ce qui peut expliquer sa position, et quel indicateur ou quelle précaution
# ajouteriez-vous avant de conclure ?

# %% [markdown] kit={"bareme": ["1 point : la position s'explique par la lourdeur des patients (case-mix) : des s\u00e9jours plus graves ou plus complexes ont un tarif plus \u00e9lev\u00e9 et durent plus longtemps ; le tarif est une recette vers\u00e9e par l'Assurance Maladie, pas le co\u00fbt r\u00e9el", "1 point : une pr\u00e9caution ou un indicateur adapt\u00e9 : comparer \u00e0 GHM \u00e9gal (DMS attendue, IP-DMS), tenir compte des petits effectifs par \u00e9tablissement, ajouter un indicateur de qualit\u00e9 (r\u00e9hospitalisation \u00e0 30 jours)"], "competences": ["argumenter", "visualiser"]} nbgrader={"grade": true, "grade_id": "q12-reponse", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Non. Un tarif moyen élevé et une durée de séjour longue reflètent d'abord la lourdeur des patients
# (le case-mix) : un CHU qui prend en charge des séjours graves ou chirurgicaux aura mécaniquement des
# tarifs et des durées plus élevés. Le tarif GHS est de plus ce que verse l'Assurance Maladie, pas le
# coût réel du séjour, et la durée de séjour mesure l'efficience plutôt que la qualité.
#
# Avant de conclure, je comparerais les durées à GHM égal (durée attendue compte tenu des GHM, comme
# l'indice de performance de la DMS), je vérifierais le nombre de séjours de chaque établissement, et
# j'ajouterais un indicateur de qualité comme le taux de réhospitalisation à 30 jours.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - **Un indicateur de qualité** : calculez la part des hospitalisations suivies d'une nouvelle
#   hospitalisation du même patient dans les 30 jours. Triez les séjours par patient et date
#   (`.sort_values(["patient_id", "date_entree"])`), récupérez l'entrée suivante du même patient avec
#   `.groupby("patient_id")["date_entree"].shift(-1)`, puis comparez-la à `date_sortie` (pensez à
#   écarter les séances, dont le GHM commence par `28`). Placez ensuite ce taux dans le nuage de
#   points à la place de `dms`.
# - **L'occupation par semaine** : dans une nouvelle cellule, comptez les nuits par semaine avec
#   `nuits["date_nuit"].dt.to_period("W").dt.to_timestamp().value_counts().sort_index()` et tracez la
#   courbe : les pics d'hiver ressortent plus nettement sur un grand jeu de données.
# - **L'occupation par région** : rapportez les journées de chaque région (extrapolées avec la
#   population de la région) aux lits de ses établissements. Vous verrez des écarts considérables :
#   dans ce jeu synthétique, le nombre d'établissements et de lits d'une région ne suit pas sa
#   population. Une bonne raison de toujours confronter un indicateur à ce que l'on sait du terrain.
# - **Standardiser sur l'âge** : un département âgé consomme plus de soins. Rechargez la date de
#   naissance (`load_table("patients", DONNEES, colonnes=["patient_id", "date_naissance"])`), calculez
#   le taux de recours par tranche d'âge dans chaque département, puis appliquez ces taux à une même
#   population de référence (la France entière) pour comparer les départements à âge égal.

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - `.merge(..., on="...")` relie deux tables par un identifiant commun : c'est ainsi qu'on passe
#   des séjours aux patients et aux établissements.
# - `pd.crosstab(lignes, colonnes)` construit une matrice de flux ; `normalize="index"` la met en
#   part de chaque ligne (× 100 pour des pourcentages).
# - Un taux d'occupation rapporte des journées d'hospitalisation (les nuits) aux journées-lits
#   disponibles ; `.repeat(...)` permet de compter les nuits sans boucle.
# - Un échantillon se rapporte à la population entière par un coefficient d'extrapolation ; un taux
#   de recours se calcule avec un numérateur et un dénominateur issus de la même population, et un
#   territoire sans séjour a un taux de 0 (`.fillna(0)`), pas « pas de valeur ».
# - `.groupby(...).agg(...)` résume une table par groupe (GHM, établissement) en plusieurs colonnes.
# - Un indicateur éclaire une décision sans la dicter : effectifs, âge, case-mix et qualité des
#   données doivent accompagner toute recommandation, pour l'ARS comme pour le projet d'innovation
#   que vous défendrez au datathon.
