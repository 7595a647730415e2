# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Piloter par la donnée : le regard d'une agence régionale de santé
#
# **Durée : 90 minutes.** Dans ce carnet, vous vous mettez à la place d'une agence régionale de
# santé (ARS) qui doit organiser l'offre de soins d'un territoire. Les données sont
# **entièrement synthétiques** : aucune ligne ne décrit une personne ou un établissement réels,
# mais les ordres de grandeur ressemblent à ceux de l'activité hospitalière française.
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
# Chaque question se termine par une cellule de vérification : exécutez-la, elle vous dit
# « ✅ Bonne réponse » ou vous donne un indice. Exécutez les cellules **dans l'ordre** : chaque
# partie réutilise les tables construites dans les précédentes.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée) : la première indique où se
# trouvent les données, la seconde charge les tables `patients`, `etablissements`, `sejours` et
# `urgences`, ainsi que la durée de la période observée (`nombre_annees`). De la table `patients`, on
# ne garde que l'identifiant, le département et la région : inutile de manipuler les noms et adresses
# pour piloter une offre de soins (c'est le principe de **minimisation** des données). Vous n'avez pas
# besoin de modifier ces cellules.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd
import plotly.express as px

from participant.data import load_manifest, load_reference, load_table
from participant.checks import check

# Minimisation des données : on ne garde que les colonnes utiles de la table patients.
patients = load_table("patients", DONNEES)[["patient_id", "departement", "region"]]
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
# `.rename(...)` pour savoir laquelle est laquelle. Exécutez la cellule suivante.

# %%
# Le département et la région de résidence de chaque patient
residence = patients[["patient_id", "departement", "region"]].rename(
    columns={"departement": "departement_patient", "region": "region_patient"})
# Le département, le GHT et la catégorie de chaque établissement
lieu_de_soins = etablissements[["finess", "departement", "ght", "categorie"]].rename(
    columns={"departement": "departement_etablissement"})

sejours_complets = sejours.merge(residence, on="patient_id").merge(lieu_de_soins, on="finess")
sejours_complets[["sejour_id", "departement_patient", "finess", "departement_etablissement", "ght"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : quelle part des séjours a lieu hors du département de résidence ? (2 points)
#
# Calculez le **pourcentage** (entre 0 et 100) des séjours de `sejours_complets` pour lesquels le
# département du patient (`departement_patient`) est **différent** du département de
# l'établissement (`departement_etablissement`). Stockez-le dans `part_hors_departement`.
#
# Indice : `a != b` compare deux colonnes ligne par ligne et donne une colonne de Vrai/Faux ; sa
# moyenne (`.mean()`) est la proportion de Vrai, que vous multipliez par 100.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
part_hors_departement = (sejours_complets["departement_patient"]
                         != sejours_complets["departement_etablissement"]).mean() * 100
### END SOLUTION
print(f"{part_hors_departement:.1f} % des séjours ont lieu hors du département de résidence")

# %% kit={"competences": ["pilotage", "parcours"], "reponses": ["part_hors_departement"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(part_hors_departement, (int, float)),
      "La réponse doit être un seul nombre ; indice : (colonne_a != colonne_b).mean() * 100.",
      success=None)
check(0 <= part_hors_departement <= 100,
      "Un pourcentage est compris entre 0 et 100.")
### BEGIN HIDDEN TESTS
ref_patients = load_table("patients", DONNEES)[["patient_id", "departement", "region"]]
ref_etablissements = load_table("etablissements", DONNEES)
ref_sejours = load_table("sejours", DONNEES)
ref = (ref_sejours[["patient_id", "finess"]]
       .merge(ref_patients[["patient_id", "departement"]], on="patient_id")
       .merge(ref_etablissements[["finess", "departement"]], on="finess", suffixes=("_p", "_e")))
attendu = (ref["departement_p"] != ref["departement_e"]).mean() * 100
del ref_patients, ref_etablissements, ref_sejours, ref
check(abs(part_hors_departement - attendu) < 0.01,
      "Ce n'est pas le pourcentage de séjours hors du département de résidence.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# **Comment lire ce chiffre ?** C'est le **taux de fuite** que suivent les ARS : la part des séjours
# que les habitants effectuent hors de leur département (attrait du CHU régional, d'une clinique
# spécialisée, séjours pendant les vacances...). Un taux élevé peut signaler une offre locale
# insuffisante, ou simplement un recours normal au CHU pour des soins très spécialisés. Dans ce jeu
# synthétique, les passages aux urgences restent dans le département : seuls les séjours programmés
# partent ailleurs, souvent vers le CHU de la région.
#
# Une **matrice de flux** montre le détail : `pd.crosstab(lignes, colonnes)` croise deux colonnes et
# compte les séjours de chaque case. Ici, une ligne par département de résidence et une colonne par
# département de l'établissement, pour les habitants de Bretagne. Les séjours « sur place » sont sur
# la diagonale ; les flux vers les autres départements sont en dehors.

# %%
sejours_bretagne = sejours_complets[sejours_complets["region_patient"] == "Bretagne"]
pd.crosstab(sejours_bretagne["departement_patient"], sejours_bretagne["departement_etablissement"])

# %% [markdown]
# ### Public ou privé : les flux vers les GHT
#
# Un **groupement hospitalier de territoire** (GHT) réunit les hôpitaux publics d'un territoire
# autour d'un projet médical partagé. La colonne `ght` est vide pour les établissements privés
# (cliniques, ESPIC) : la cellule suivante la remplit avec « privé (hors GHT) » grâce à `.fillna(...)`,
# qui remplace les valeurs manquantes.

# %%
sejours_complets["ght"] = sejours_complets["ght"].fillna("privé (hors GHT)")
sejours_bretagne = sejours_complets[sejours_complets["region_patient"] == "Bretagne"]
sejours_bretagne["ght"].value_counts()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : où se font soigner les habitants de chaque département breton ? (2 points)
#
# Construisez avec `pd.crosstab` la matrice qui croise le département de résidence
# (`sejours_bretagne["departement_patient"]`, en lignes) et le GHT de l'établissement
# (`sejours_bretagne["ght"]`, en colonnes), **en pourcentage de chaque ligne**, et stockez-la dans
# `parts_ght`.
#
# Indice : l'option `normalize="index"` de `pd.crosstab` divise chaque case par le total de sa
# ligne (chaque ligne fait alors 1) ; multipliez le résultat par 100 pour avoir des pourcentages.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
parts_ght = pd.crosstab(sejours_bretagne["departement_patient"], sejours_bretagne["ght"],
                        normalize="index") * 100
### END SOLUTION
parts_ght.round(1)

# %% kit={"competences": ["pilotage", "indicateurs-activite"], "reponses": ["parts_ght"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(parts_ght, pd.DataFrame),
      "Le résultat doit être un tableau (DataFrame) ; indice : pd.crosstab(lignes, colonnes, normalize=\"index\") * 100.",
      success=None)
check((parts_ght.sum(axis=1) - 100).abs().max() < 0.01,
      "Chaque ligne doit faire 100 % : avez-vous utilisé normalize=\"index\" et multiplié par 100 ?")
### BEGIN HIDDEN TESTS
ref_patients = load_table("patients", DONNEES)[["patient_id", "departement", "region"]]
ref_etablissements = load_table("etablissements", DONNEES)
ref_sejours = load_table("sejours", DONNEES)
ref = (ref_sejours[["patient_id", "finess"]]
       .merge(ref_patients[["patient_id", "departement", "region"]], on="patient_id")
       .merge(ref_etablissements[["finess", "ght"]], on="finess"))
ref = ref[ref["region"] == "Bretagne"]
attendu = pd.crosstab(ref["departement"], ref["ght"].fillna("privé (hors GHT)"), normalize="index") * 100
del ref_patients, ref_etablissements, ref_sejours, ref
check(parts_ght.shape == attendu.shape,
      "La matrice n'a pas le bon nombre de lignes (départements) ou de colonnes (GHT).", success=None)
reponse = parts_ght.reindex(index=attendu.index, columns=attendu.columns)
check(reponse.notna().all().all() and (reponse - attendu).abs().max().max() < 0.01,
      "Les pourcentages ne correspondent pas aux séjours des habitants de Bretagne.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Un graphique en barres empilées se lit plus vite qu'un tableau : chaque barre est un département
# de résidence, découpée selon la part de ses séjours dans chaque GHT ou dans le privé. Passez la
# souris sur les barres pour lire les pourcentages.

# %%
figure = px.bar(parts_ght, title="Où se font hospitaliser les habitants de Bretagne ?",
                labels={"departement_patient": "Département de résidence",
                        "value": "Part des séjours (%)", "ght": "GHT de l'établissement"})
figure.update_xaxes(type="category")          # les codes de département sont des étiquettes, pas des nombres
figure.show()

# %% [markdown]
# ## 2. L'occupation des lits
#
# Un lit d'hospitalisation complète est occupé **la nuit**. Un séjour de 3 nuits occupe donc un lit
# 3 nuits : on parle de 3 **journées d'hospitalisation**. Les séjours ambulatoires et les séances
# (0 nuit) n'occupent pas de lit la nuit : on les écarte.
#
# Pour compter les lits occupés chaque nuit, la cellule suivante transforme la table des séjours en
# une table **avec une ligne par nuit** : chaque séjour est recopié autant de fois qu'il compte de
# nuits (`.repeat(...)`), puis on ajoute à la date d'entrée le numéro de la nuit (0, 1, 2...).
# Cette méthode n'utilise aucune boucle : elle reste rapide même sur un million de patients.
# Exécutez-la.

# %%
# Les séjours d'au moins une nuit (hospitalisation complète)
hospitalisations = sejours_complets[sejours_complets["duree_sejour"] > 0]

# Une ligne par nuit : chaque séjour est recopié autant de fois qu'il a de nuits
nuits = hospitalisations.loc[hospitalisations.index.repeat(hospitalisations["duree_sejour"]),
                             ["sejour_id", "date_entree"]]
numero_de_la_nuit = nuits.groupby(level=0).cumcount()          # 0, 1, 2... dans chaque séjour
nuits["date_nuit"] = nuits["date_entree"] + pd.to_timedelta(numero_de_la_nuit, unit="D")
nuits["mois"] = nuits["date_nuit"].dt.to_period("M").dt.to_timestamp()   # le 1er du mois

print(f"{len(hospitalisations):,} hospitalisations, {len(nuits):,} nuits".replace(",", " "))
nuits.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : combien de journées d'hospitalisation par mois ? (2 points)
#
# Comptez les nuits de la table `nuits` **pour chaque mois** (colonne `mois`) et stockez le résultat,
# **trié par date**, dans `journees_par_mois`.
#
# Indice : `.value_counts()` compte les lignes de chaque mois ; `.sort_index()` remet ensuite les
# mois dans l'ordre chronologique.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
journees_par_mois = nuits["mois"].value_counts().sort_index()
### END SOLUTION
journees_par_mois.head()

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["journees_par_mois", "nuits"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(journees_par_mois, pd.Series),
      "Le résultat doit être une série pandas ; indice : nuits[\"mois\"].value_counts().sort_index().",
      success=None)
check(journees_par_mois.sum() == len(nuits),
      "Chaque nuit doit être comptée une fois : comptez les lignes de la table nuits par mois.",
      success=None)
check(journees_par_mois.index.is_monotonic_increasing,
      "Les mois doivent être dans l'ordre chronologique : ajoutez .sort_index().")
### BEGIN HIDDEN TESTS
# Autre méthode : lits occupés la nuit du jour J = entrées jusqu'à J moins sorties jusqu'à J
ref_sejours = load_table("sejours", DONNEES)
ref = ref_sejours[ref_sejours["duree_sejour"] > 0]
jours = pd.date_range(ref["date_entree"].min(), ref["date_sortie"].max())
occupes = (ref["date_entree"].value_counts().reindex(jours, fill_value=0).cumsum()
           - ref["date_sortie"].value_counts().reindex(jours, fill_value=0).cumsum())
attendu = occupes.groupby(occupes.index.to_period("M")).sum()
attendu = attendu[attendu > 0]
del ref_sejours, ref
check(len(journees_par_mois) == len(attendu)
      and (journees_par_mois.sort_index().to_numpy() == attendu.to_numpy()).all(),
      "Les journées par mois ne correspondent pas aux séjours d'au moins une nuit.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ### Des journées aux lits : le coefficient d'extrapolation
#
# Pour un taux d'occupation, on rapporte les journées d'hospitalisation aux **journées-lits
# disponibles** (nombre de lits × nombre de jours). Attention : notre population simulée ne compte
# qu'une petite fraction des habitants de la France, alors que les lits de la table
# `etablissements` sont ceux d'établissements de taille réelle. On **extrapole** donc les journées
# à toute la population en les multipliant par un **coefficient d'extrapolation** : la population
# française (table de référence des départements) divisée par le nombre de patients simulés.

# %%
population_france = load_reference("departements")["population"].sum()
coefficient = population_france / len(patients)
lits_total = etablissements["lits"].sum()
print(f"Un patient simulé représente {coefficient:,.0f} habitants ; "
      f"{lits_total:,} lits d'hospitalisation complète au total.".replace(",", " "))

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : tracer le taux d'occupation des lits (3 points)
#
# 1. Calculez, pour chaque mois, le **taux d'occupation en %** et stockez-le dans
#    `taux_occupation` :
#    journées du mois × `coefficient` ÷ (`lits_total` × nombre de jours du mois) × 100.
#    Le nombre de jours de chaque mois est donné par `journees_par_mois.index.days_in_month`.
# 2. Tracez-le avec `px.line(x=taux_occupation.index, y=taux_occupation.values, ...)`, dans une
#    figure nommée `figure_occupation`, avec un **titre** (`title="..."`) et des noms d'axes en
#    français (`labels={"x": "Mois", "y": "..."}`), puis affichez-la avec `figure_occupation.show()`.
#    Facultatif : `figure_occupation.add_hline(y=100, line_dash="dot")` ajoute une ligne repère à 100 %.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
jours_du_mois = journees_par_mois.index.days_in_month
taux_occupation = journees_par_mois * coefficient / (lits_total * jours_du_mois) * 100
figure_occupation = px.line(x=taux_occupation.index, y=taux_occupation.values,
                            title="Taux d'occupation des lits d'hospitalisation complète, par mois",
                            labels={"x": "Mois", "y": "Taux d'occupation (%)"})
figure_occupation.add_hline(y=100, line_dash="dot")
### END SOLUTION
figure_occupation.show()

# %% kit={"competences": ["pilotage", "visualiser"], "reponses": ["figure_occupation", "journees_par_mois", "taux_occupation"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
check(isinstance(taux_occupation, pd.Series) and len(taux_occupation) == len(journees_par_mois),
      "taux_occupation doit être une série avec une valeur par mois ; partez de journees_par_mois.",
      success=None)
check(10 < taux_occupation.median() < 1000,
      "Les taux ne sont pas de l'ordre de quelques dizaines de % : avez-vous multiplié par le "
      "coefficient et par 100, et divisé par lits_total × jours du mois ?", success=None)
check(bool(figure_occupation.layout.title.text),
      "Donnez un titre à la figure : px.line(..., title=\"...\").", success=None)
check(figure_occupation.layout.yaxis.title.text not in (None, "", "y"),
      "Nommez l'axe vertical en français : labels={\"x\": \"Mois\", \"y\": \"Taux d'occupation (%)\"}.")
### BEGIN HIDDEN TESTS
ref_patients = load_table("patients", DONNEES)[["patient_id", "departement", "region"]]
ref_etablissements = load_table("etablissements", DONNEES)
ref_sejours = load_table("sejours", DONNEES)
ref = ref_sejours[ref_sejours["duree_sejour"] > 0]
jours = pd.date_range(ref["date_entree"].min(), ref["date_sortie"].max())
occupes = (ref["date_entree"].value_counts().reindex(jours, fill_value=0).cumsum()
           - ref["date_sortie"].value_counts().reindex(jours, fill_value=0).cumsum())
par_mois = occupes.groupby(occupes.index.to_period("M")).agg(["sum", "size"])
par_mois = par_mois[par_mois["sum"] > 0]
extrapolation = load_reference("departements")["population"].sum() / len(ref_patients)
attendu = (par_mois["sum"] * extrapolation / (ref_etablissements["lits"].sum() * par_mois.index.days_in_month)
           * 100).to_numpy()
del ref_patients, ref_etablissements, ref_sejours, ref
check(len(taux_occupation) == len(attendu)
      and abs(taux_occupation.sort_index().to_numpy() - attendu).max() < 0.01,
      "Les taux d'occupation ne sont pas les bons.", success=None)
trace = figure_occupation.data[0]
check(len(trace.y) == len(attendu) and abs(pd.Series(trace.y, dtype=float).to_numpy() - attendu).max() < 0.01,
      "La figure ne trace pas taux_occupation.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# **Comment lire cette courbe ?** Repérez les pics d'hiver (épidémies respiratoires) et la tendance
# sur les trois ans (les durées de séjour raccourcissent). Un taux proche de 100 % ou au-delà
# signale des lits saturés ; un taux bas, des lits sous-utilisés. Gardez en tête les limites de ce
# calcul : l'extrapolation suppose que le reste de la population se comporte comme l'échantillon
# simulé, et le total national masque des écarts entre territoires.

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
# par la population réelle. Exécutez la cellule suivante.

# %%
habitants = patients["departement"].value_counts()
habitants.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : le taux de recours à l'hospitalisation (2 points)
#
# Calculez, pour chaque département de résidence, le nombre de séjours **pour 1 000 habitants et
# par an**, et stockez-le dans `sejours_pour_1000` :
#
# séjours des habitants du département ÷ `habitants` × 1 000 ÷ `nombre_annees`.
#
# Indice : `sejours_complets["departement_patient"].value_counts()` compte les séjours par
# département de résidence. Diviser deux séries pandas associe automatiquement les départements
# de même code.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours_pour_1000 = (sejours_complets["departement_patient"].value_counts()
                     / habitants * 1000 / nombre_annees)
### END SOLUTION
sejours_pour_1000.sort_values(ascending=False).head()

# %% kit={"competences": ["pilotage", "indicateurs-activite"], "reponses": ["sejours_pour_1000"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(sejours_pour_1000, pd.Series),
      "Le résultat doit être une série pandas, avec un taux par département.", success=None)
check(50 < sejours_pour_1000.median() < 450,
      "Les taux ne sont pas de l'ordre de quelques centaines de séjours pour 1 000 habitants par an : "
      "avez-vous multiplié par 1 000 et divisé par nombre_annees ?")
### BEGIN HIDDEN TESTS
ref_patients = load_table("patients", DONNEES)[["patient_id", "departement", "region"]]
ref_sejours = load_table("sejours", DONNEES)
annees = load_manifest(DONNEES)["options"]["years"]
ref_habitants = ref_patients["departement"].value_counts()
ref_sejours_dep = ref_sejours.merge(ref_patients[["patient_id", "departement"]], on="patient_id")["departement"]
attendu = (ref_sejours_dep.value_counts() / ref_habitants * 1000 / annees).fillna(0)
del ref_patients, ref_sejours, ref_sejours_dep
check(set(sejours_pour_1000.dropna().index) <= set(attendu.index)
      and (sejours_pour_1000.reindex(attendu.index).fillna(0) - attendu).abs().max() < 0.01,
      "Les taux ne correspondent pas aux séjours des habitants de chaque département.", success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : le recours aux urgences et le département prioritaire (2 points)
#
# Faites de même pour les **passages aux urgences** :
#
# 1. ajoutez à la table `urgences` le département de résidence du patient, en la fusionnant avec la
#    table `residence` créée dans la partie 1 : `urgences.merge(residence, on="patient_id")` ;
# 2. calculez le nombre de passages pour 1 000 habitants et par an de chaque département et
#    stockez-le dans `urgences_pour_1000` ;
# 3. stockez dans `departement_prioritaire` le **code** du département où ce taux est le plus
#    élevé (indice : `.idxmax()`).

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
urgences_residence = urgences.merge(residence, on="patient_id")
urgences_pour_1000 = (urgences_residence["departement_patient"].value_counts()
                      / habitants * 1000 / nombre_annees)
departement_prioritaire = urgences_pour_1000.idxmax()
### END SOLUTION
departement_prioritaire

# %% kit={"competences": ["pilotage", "parcours"], "reponses": ["departement_prioritaire", "habitants", "urgences_pour_1000"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(urgences_pour_1000, pd.Series) and 50 < urgences_pour_1000.median() < 1000,
      "urgences_pour_1000 doit être une série de taux pour 1 000 habitants et par an, "
      "calculée comme à la question 5.", success=None)
check(isinstance(departement_prioritaire, str) and departement_prioritaire in habitants.index,
      "departement_prioritaire doit être un code de département, entre guillemets (par exemple \"29\") ; "
      "indice : urgences_pour_1000.idxmax().")
### BEGIN HIDDEN TESTS
ref_patients = load_table("patients", DONNEES)[["patient_id", "departement", "region"]]
ref_urgences = load_table("urgences", DONNEES)
annees = load_manifest(DONNEES)["options"]["years"]
ref_habitants = ref_patients["departement"].value_counts()
ref_urgences_dep = ref_urgences.merge(ref_patients[["patient_id", "departement"]], on="patient_id")["departement"]
attendu = (ref_urgences_dep.value_counts() / ref_habitants * 1000 / annees).fillna(0)
del ref_patients, ref_urgences, ref_urgences_dep
check(set(urgences_pour_1000.dropna().index) <= set(attendu.index)
      and (urgences_pour_1000.reindex(attendu.index).fillna(0) - attendu).abs().max() < 0.01,
      "Les taux de passages aux urgences ne sont pas les bons.", success=None)
check(attendu[departement_prioritaire] > attendu.max() - 1e-9,
      "Ce n'est pas le département au taux de passages le plus élevé.", success=None)
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
tableau["sejours_pour_1000"] = sejours_pour_1000.round(1)
tableau["urgences_pour_1000"] = urgences_pour_1000.round(1)
tableau = tableau.fillna(0)

metropole = tableau[tableau.index.str.len() == 2]          # codes à 2 caractères : la métropole
figure = px.scatter(metropole, x="longitude", y="latitude", size="urgences_pour_1000",
                    color="sejours_pour_1000", hover_name="nom",
                    hover_data=["habitants_simules", "sejours_pour_1000", "urgences_pour_1000"],
                    title="Recours aux urgences (taille) et à l'hospitalisation (couleur), par département",
                    labels={"sejours_pour_1000": "Séjours / 1 000 hab. / an",
                            "urgences_pour_1000": "Passages / 1 000 hab. / an",
                            "habitants_simules": "Habitants simulés"})
figure.update_yaxes(scaleanchor="x", scaleratio=1.45)
figure.show()

# %% [markdown]
# Et les dix départements au plus fort recours aux urgences, avec le nombre d'habitants simulés sur
# lequel repose chaque taux :

# %%
tableau.sort_values("urgences_pour_1000", ascending=False).head(10)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : votre recommandation (3 points, corrigée par votre formateur)
#
# Dans la cellule suivante, en quelques phrases : **dans quel département recommanderiez-vous
# d'implanter la nouvelle structure, et pourquoi ?** Appuyez-vous sur au moins un indicateur calculé
# plus haut (avec sa valeur), puis citez **au moins deux limites** des données ou des indicateurs
# qui invitent à la prudence, et une information qu'il faudrait ajouter avant de décider.

# %% [markdown] kit={"bareme": ["1 point : un d\u00e9partement choisi et justifi\u00e9 par au moins un indicateur calcul\u00e9 (taux de recours aux urgences ou \u00e0 l'hospitalisation pour 1 000 habitants, part hors d\u00e9partement), valeur cit\u00e9e", "1 point : au moins deux limites pertinentes (donn\u00e9es synth\u00e9tiques ; petits effectifs par d\u00e9partement et fluctuations al\u00e9atoires ; taux non standardis\u00e9s sur l'\u00e2ge ; flux entre d\u00e9partements simplifi\u00e9s ou ignor\u00e9s ; le recours mesure la consommation de soins, pas le besoin)", "1 point : au moins une information compl\u00e9mentaire utile \u00e0 la d\u00e9cision (temps d'acc\u00e8s, offre existante et d\u00e9mographie m\u00e9dicale, projections de population, avis des acteurs du territoire)"], "competences": ["argumenter", "pilotage"]} nbgrader={"grade": true, "grade_id": "q7-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Je proposerais le département qui a le taux de passages aux urgences pour 1 000 habitants le plus
# élevé (question 6), surtout s'il a aussi un taux d'hospitalisation élevé : une structure de soins
# non programmés y soulagerait le plus les urgences.
#
# Limites : les données sont synthétiques et les flux entre départements y sont simplifiés ; le taux
# de recours compte les habitants du département, alors qu'une structure attire aussi ceux des
# territoires voisins ; certains
# départements ne comptent que quelques centaines d'habitants simulés (voire moins), donc leurs taux
# fluctuent beaucoup au hasard ; les taux ne sont pas standardisés sur l'âge (un département âgé
# consomme plus de soins sans être moins bien équipé) ; enfin un taux de recours mesure une
# consommation de soins, pas un besoin non couvert.
#
# Avant de décider, il faudrait connaître l'offre existante (médecins généralistes, maisons de santé,
# temps d'accès aux urgences), les projections de population et l'avis des acteurs du territoire.
# ### END SOLUTION

# %% [markdown]
# ## 4. Le regard médico-économique
#
# Chaque séjour est classé dans un **GHM** (groupe homogène de malades), auquel correspond un
# **tarif GHS** : le montant versé à l'établissement par l'Assurance Maladie (colonne `tarif_ghs`,
# en euros). Les 5 premiers caractères du GHM forment sa **racine** (par exemple `05M09`,
# insuffisances cardiaques) ; le dernier caractère donne le niveau de sévérité. La cellule suivante
# ajoute la racine à chaque séjour et prépare le libellé de chaque racine.

# %%
sejours_complets["racine"] = sejours_complets["ghm"].str[:5]      # les 5 premiers caractères

# Le libellé de chaque racine, sans la fin « , niveau 1 »
libelles = (load_reference("ghm").drop_duplicates("racine").set_index("racine")["libelle"]
            .str.replace(r",[^,]*$", "", regex=True))
libelles.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : combien coûte chaque racine de GHM ? (2 points)
#
# Regroupez les séjours de `sejours_complets` par `racine` et calculez, sur la colonne `tarif_ghs`,
# la **somme** (colonne `cout_total`) et la **moyenne** (colonne `cout_moyen`). Triez le résultat du
# coût total le plus élevé au plus faible et stockez-le dans `cout_par_racine`.
#
# Indice : `.groupby("racine")["tarif_ghs"].agg(cout_total="sum", cout_moyen="mean")` calcule les
# deux colonnes d'un coup ; `.sort_values("cout_total", ascending=False)` les trie.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
cout_par_racine = (sejours_complets.groupby("racine")["tarif_ghs"]
                   .agg(cout_total="sum", cout_moyen="mean")
                   .sort_values("cout_total", ascending=False))
### END SOLUTION
cout_par_racine.head()

# %% kit={"competences": ["nomenclatures", "indicateurs-activite"], "reponses": ["cout_par_racine"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(cout_par_racine, pd.DataFrame)
      and {"cout_total", "cout_moyen"} <= set(cout_par_racine.columns),
      "Le résultat doit être un tableau avec les colonnes cout_total et cout_moyen ; "
      "indice : .agg(cout_total=\"sum\", cout_moyen=\"mean\").", success=None)
check(cout_par_racine["cout_total"].is_monotonic_decreasing,
      "Triez du coût total le plus élevé au plus faible : .sort_values(\"cout_total\", ascending=False).")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES)
attendu = ref_sejours.groupby(ref_sejours["ghm"].str[:5])["tarif_ghs"].agg(["sum", "mean"])
del ref_sejours
reponse = cout_par_racine.reindex(attendu.index)
check(len(cout_par_racine) == len(attendu)
      and (reponse["cout_total"] - attendu["sum"]).abs().max() < 0.5
      and (reponse["cout_moyen"] - attendu["mean"]).abs().max() < 0.01,
      "Les coûts par racine de GHM ne sont pas les bons.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Voici les dix racines qui pèsent le plus, avec leur libellé. Comparez le coût **total** et le coût
# **moyen** : une racine peut peser lourd parce que ses séjours sont chers, ou parce qu'ils sont très
# nombreux.

# %%
dix_premieres = cout_par_racine.head(10).join(libelles)
figure = px.bar(dix_premieres, x="cout_total", y="libelle", orientation="h", hover_data=["cout_moyen"],
                title="Les dix racines de GHM au coût total le plus élevé",
                labels={"cout_total": "Coût total sur la période (euros)", "libelle": "",
                        "cout_moyen": "Coût moyen d'un séjour (euros)"})
figure.update_yaxes(autorange="reversed")
figure.show()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : durée de séjour et tarif moyen par établissement (2 points)
#
# Pour chaque établissement (`finess`), calculez sur les séjours d'au moins une nuit (la table
# `hospitalisations` de la partie 2) la **durée moyenne de séjour** (colonne `dms`, à partir de
# `duree_sejour`) et le **tarif moyen** (colonne `tarif_moyen`, à partir de `tarif_ghs`). Stockez le
# résultat dans `qualite_cout`.
#
# Indice : `.groupby("finess").agg(dms=("duree_sejour", "mean"), tarif_moyen=("tarif_ghs", "mean"))` :
# chaque nouvelle colonne est définie par un couple (colonne de départ, calcul).

# %% nbgrader={"grade": false, "grade_id": "q9-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
qualite_cout = hospitalisations.groupby("finess").agg(dms=("duree_sejour", "mean"),
                                                      tarif_moyen=("tarif_ghs", "mean"))
### END SOLUTION
qualite_cout.head()

# %% kit={"competences": ["indicateurs-activite", "pilotage"], "reponses": ["qualite_cout"]} nbgrader={"grade": true, "grade_id": "q9-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(qualite_cout, pd.DataFrame) and {"dms", "tarif_moyen"} <= set(qualite_cout.columns),
      "Le résultat doit être un tableau avec les colonnes dms et tarif_moyen, une ligne par établissement.",
      success=None)
check(qualite_cout["dms"].min() >= 1,
      "Une durée moyenne de séjour inférieure à 1 nuit : avez-vous bien pris la table hospitalisations "
      "(séjours d'au moins une nuit) ?")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES)
ref = ref_sejours[ref_sejours["duree_sejour"] > 0]
attendu = ref.groupby("finess").agg(dms=("duree_sejour", "mean"), tarif_moyen=("tarif_ghs", "mean"))
del ref_sejours, ref
reponse = qualite_cout.reindex(attendu.index)
check(len(qualite_cout) == len(attendu)
      and (reponse["dms"] - attendu["dms"]).abs().max() < 0.01
      and (reponse["tarif_moyen"] - attendu["tarif_moyen"]).abs().max() < 0.01,
      "La DMS ou le tarif moyen par établissement ne sont pas les bons.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Plaçons chaque établissement sur un nuage de points : en abscisse le tarif moyen, en ordonnée la
# durée moyenne de séjour, la couleur indique la catégorie et la taille le nombre d'hospitalisations.
# Passez la souris sur un point pour lire le nom de l'établissement.

# %%
nuage = qualite_cout.join(etablissements.set_index("finess")[["nom", "categorie", "lits"]])
nuage["hospitalisations"] = hospitalisations["finess"].value_counts()
figure = px.scatter(nuage, x="tarif_moyen", y="dms", color="categorie", size="hospitalisations",
                    hover_name="nom", hover_data=["lits"],
                    title="Durée moyenne de séjour et tarif moyen, par établissement",
                    labels={"tarif_moyen": "Tarif GHS moyen d'un séjour (euros)",
                            "dms": "Durée moyenne de séjour (nuits)", "categorie": "Catégorie",
                            "hospitalisations": "Hospitalisations", "lits": "Lits"})
figure.show()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 10 : lire le nuage de points (2 points, corrigée par votre formateur)
#
# Un établissement situé **en haut à droite** du nuage (durée de séjour longue, tarif moyen élevé)
# est-il forcément moins efficient, ou de moins bonne qualité, que les autres ? Répondez en deux ou
# trois phrases : qu'est-ce qui peut expliquer sa position, et quel indicateur ou quelle précaution
# ajouteriez-vous avant de conclure ?

# %% [markdown] kit={"bareme": ["1 point : la position s'explique par la lourdeur des patients (case-mix) : des s\u00e9jours plus graves ou plus complexes ont un tarif plus \u00e9lev\u00e9 et durent plus longtemps ; le tarif est une recette vers\u00e9e par l'Assurance Maladie, pas le co\u00fbt r\u00e9el", "1 point : une pr\u00e9caution ou un indicateur adapt\u00e9 : comparer \u00e0 GHM \u00e9gal (ou DMS attendue, IP-DMS), tenir compte des petits effectifs par \u00e9tablissement, ajouter un vrai indicateur de qualit\u00e9 (r\u00e9hospitalisation \u00e0 30 jours, mortalit\u00e9)"], "competences": ["argumenter", "visualiser"]} nbgrader={"grade": true, "grade_id": "q10-reponse", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
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
#   écarter les séances, dont le GHM commence par `28`). Remplacez ensuite `dms` par ce taux dans le
#   nuage de points.
# - **L'occupation par semaine** : remplacez `.dt.to_period("M")` par `.dt.to_period("W")` dans la
#   table `nuits` et retracez la courbe : les pics d'hiver sont plus nets.
# - **L'occupation par région** : rapportez les journées de chaque région (extrapolées avec la
#   population de la région) aux lits de ses établissements. Vous verrez des écarts considérables :
#   dans ce jeu synthétique, le nombre d'établissements et de lits d'un département ne suit pas sa
#   population. Une bonne raison de toujours confronter un indicateur à ce que l'on sait du terrain.
# - **Standardiser sur l'âge** : un département âgé consomme plus de soins. Rechargez la date de
#   naissance (`load_table("patients", DONNEES)[["patient_id", "date_naissance"]]`), calculez le taux
#   de recours par tranche d'âge dans chaque département, puis appliquez ces taux à une même
#   population de référence (la France entière) pour comparer les départements à âge égal.

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - `.merge(..., on="...")` relie deux tables par un identifiant commun : c'est ainsi qu'on passe
#   des séjours aux patients et aux établissements.
# - `pd.crosstab(lignes, colonnes)` construit une matrice de flux ; `normalize="index"` la met en
#   pourcentage de chaque ligne.
# - Un taux d'occupation rapporte des journées d'hospitalisation (les nuits) aux journées-lits
#   disponibles ; `.repeat(...)` permet de compter les nuits sans boucle.
# - Un échantillon se rapporte à la population entière par un coefficient d'extrapolation ; un taux
#   de recours se calcule avec un numérateur et un dénominateur issus de la même population.
# - `.groupby(...).agg(...)` résume une table par groupe (GHM, établissement) en plusieurs colonnes.
# - Un indicateur éclaire une décision sans la dicter : effectifs, âge, case-mix et qualité des
#   données doivent accompagner toute recommandation.
