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
# Chaque question se termine par une cellule de vérification : exécutez-la, elle vous dit
# « ✅ Bonne réponse » ou vous donne un indice.

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
import plotly.graph_objects as go

from participant.data import load_table
from participant.checks import check

sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "finess", "date_entree",
                                                   "date_sortie", "duree_sejour", "mode_sortie", "ghm"])
patients = load_table("patients", DONNEES, colonnes=["patient_id", "sexe", "date_naissance"])
etablissements = load_table("etablissements", DONNEES, colonnes=["finess", "nom", "categorie"])
print(len(sejours), "séjours,", len(patients), "patients,", len(etablissements), "établissements")

# %% [markdown]
# Voici les cinq premiers séjours. `duree_sejour` est la durée en nuits (0 pour une prise en
# charge sans nuitée) ; `mode_sortie` dit comment le patient est sorti (`8` domicile, `7`
# transfert vers un autre établissement, `9` décès) ; `ghm` est le groupe de séjours du PMSI.

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
#    `sejours_nuit = sejours_nuit.merge(patients[["patient_id", "sexe"]], on="patient_id")` ;
# 3. calculez la moyenne par sexe :
#    `dms_par_sexe = sejours_nuit.groupby("sexe", as_index=False).agg(duree_moyenne=("duree_sejour", "mean"))`.
#
# `groupby("sexe")` range les séjours en deux paquets (femmes, hommes) ; `.agg(...)` calcule, pour
# chaque paquet, une nouvelle colonne `duree_moyenne` qui est la moyenne (`"mean"`) de `duree_sejour`.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours_nuit = sejours[sejours["duree_sejour"] >= 1]
sejours_nuit = sejours_nuit.merge(patients[["patient_id", "sexe"]], on="patient_id")
dms_par_sexe = sejours_nuit.groupby("sexe", as_index=False).agg(duree_moyenne=("duree_sejour", "mean"))
### END SOLUTION
dms_par_sexe

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["dms_par_sexe"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(dms_par_sexe, pd.DataFrame) and {"sexe", "duree_moyenne"} <= set(dms_par_sexe.columns),
      "dms_par_sexe doit être une table avec les colonnes sexe et duree_moyenne : "
      "utilisez groupby(\"sexe\", as_index=False).agg(duree_moyenne=(\"duree_sejour\", \"mean\")).",
      success=None)
check(len(dms_par_sexe) == 2, "La table doit avoir deux lignes : une pour F, une pour M.", success=None)
check((dms_par_sexe["duree_moyenne"] >= 1).all(),
      "Une moyenne de séjours d'au moins une nuit vaut au moins 1 : avez-vous gardé seulement "
      "les séjours avec duree_sejour >= 1 ?")
### BEGIN HIDDEN TESTS
ref = load_table("sejours", DONNEES, colonnes=["patient_id", "duree_sejour"])
ref = ref[ref["duree_sejour"] >= 1].merge(
    load_table("patients", DONNEES, colonnes=["patient_id", "sexe"]), on="patient_id")
attendu = ref.groupby("sexe")["duree_sejour"].mean()
obtenu = dms_par_sexe.set_index("sexe")["duree_moyenne"].reindex(attendu.index)
check(((obtenu - attendu).abs() < 1e-6).all(),
      "Ce ne sont pas les durées moyennes des séjours d'au moins une nuit, par sexe.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ### Un graphique trompeur
#
# Voici comment ces deux moyennes pourraient apparaître dans une présentation. Exécutez la
# cellule et regardez la hauteur des barres.

# %%
bas = dms_par_sexe["duree_moyenne"].min() * 0.98
haut = dms_par_sexe["duree_moyenne"].max() * 1.005
figure_trompeuse = px.bar(dms_par_sexe, x="sexe", y="duree_moyenne",
                          labels={"sexe": "Sexe", "duree_moyenne": "Durée moyenne de séjour (nuits)"},
                          title="Durée de séjour : un écart spectaculaire entre femmes et hommes ?")
figure_trompeuse.update_yaxes(range=[bas, haut])
figure_trompeuse.show()

# %% [markdown]
# Aucun chiffre n'est faux, et pourtant le graphique ment : l'axe vertical ne part pas de zéro
# mais juste en dessous de la plus petite valeur (on dit qu'il est **tronqué**). L'œil compare la
# **hauteur** des barres, pas les graduations. La cellule suivante chiffre l'illusion.

# %%
valeurs = dms_par_sexe["duree_moyenne"]
rapport_apparent = (valeurs.max() - bas) / (valeurs.min() - bas)
ecart_reel = (valeurs.max() / valeurs.min() - 1) * 100
print(f"Sur ce graphique, la barre la plus haute paraît {rapport_apparent:.1f} fois plus haute que l'autre.")
print(f"En réalité, la plus grande durée moyenne ne dépasse la plus petite que de {ecart_reel:.0f} %.")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : le graphique honnête (2 points)
#
# Construisez la version honnête du graphique et stockez-la dans `figure_honnete` :
#
# - un diagramme en barres : `px.bar(dms_par_sexe, x="sexe", y="duree_moyenne", ...)` ;
# - un **titre neutre**, qui décrit sans juger : `title="..."` ;
# - des **noms d'axes en français**, sans tiret bas : `labels={"sexe": "Sexe", "duree_moyenne": "..."}` ;
# - un axe vertical qui **part de 0**, imposé explicitement :
#   `figure_honnete.update_yaxes(range=[0, dms_par_sexe["duree_moyenne"].max() * 1.1])`
#   (le `* 1.1` laisse un peu de place au-dessus de la plus haute barre).
#
# Plotly fait souvent partir les barres de 0 tout seul, mais d'autres logiciels (un tableur, par
# exemple) ne le font pas : l'écrire vous-même est la seule garantie. Partez du code de la cellule
# du graphique trompeur et corrigez-le.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
figure_honnete = px.bar(dms_par_sexe, x="sexe", y="duree_moyenne",
                        labels={"sexe": "Sexe", "duree_moyenne": "Durée moyenne de séjour (nuits)"},
                        title="Durée moyenne des séjours d'au moins une nuit, selon le sexe du patient")
figure_honnete.update_yaxes(range=[0, dms_par_sexe["duree_moyenne"].max() * 1.1])
### END SOLUTION
figure_honnete.show()

# %% kit={"competences": ["visualiser"], "reponses": ["figure_honnete"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(figure_honnete, go.Figure), "figure_honnete doit être une figure plotly : px.bar(...).",
      success=None)
check(len(figure_honnete.data) > 0 and figure_honnete.data[0].type == "bar",
      "Tracez un diagramme en barres avec px.bar.", success=None)
axe_y = figure_honnete.layout.yaxis
check((axe_y.range is not None and axe_y.range[0] == 0) or axe_y.rangemode == "tozero",
      "L'axe vertical doit partir de 0 : figure_honnete.update_yaxes(range=[0, ...]).", success=None)
check(axe_y.range is None or axe_y.range[1] >= max(figure_honnete.data[0].y),
      "Le haut de l'axe coupe la plus haute barre : prenez le maximum des durées multiplié par 1.1.",
      success=None)
check(bool(figure_honnete.layout.title.text), "Donnez un titre à la figure : title=\"...\".", success=None)
noms_axes = [figure_honnete.layout.xaxis.title.text or "", axe_y.title.text or ""]
check(all(nom and "_" not in nom for nom in noms_axes),
      "Nommez les deux axes en français, sans tiret bas : labels={\"sexe\": \"Sexe\", \"duree_moyenne\": \"...\"}.")
### BEGIN HIDDEN TESTS
ref = load_table("sejours", DONNEES, colonnes=["patient_id", "duree_sejour"])
ref = ref[ref["duree_sejour"] >= 1].merge(
    load_table("patients", DONNEES, colonnes=["patient_id", "sexe"]), on="patient_id")
attendu = sorted(ref.groupby("sexe")["duree_sejour"].mean())
obtenu = sorted(float(y) for trace in figure_honnete.data for y in trace.y)
check(len(obtenu) == len(attendu) and all(abs(a - b) < 1e-6 for a, b in zip(obtenu, attendu)),
      "Les barres ne montrent pas les durées moyennes par sexe de la question 1.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Comparez les deux graphiques : sur le graphique honnête, l'écart apparaît pour ce qu'il est. Un
# graphique en **barres** doit toujours partir de zéro, car c'est la longueur de la barre qui porte
# l'information. (Une **courbe** qui suit une évolution peut, elle, commencer ailleurs qu'à zéro, à
# condition que l'axe soit clairement gradué.)
#
# ## 2. Risque absolu, risque relatif
#
# Passons à un indicateur que les patients et les familles comprennent tout de suite : le risque
# de **revenir à l'hôpital** peu après en être sorti. Un séjour est suivi d'une **réhospitalisation
# à 30 jours** quand le même patient est de nouveau hospitalisé dans les 30 jours qui suivent sa
# sortie.
#
# On écarte d'abord les **séances** (dialyse, chimiothérapie…, GHM commençant par `28`) : ces
# venues sont programmées et répétées, ce ne sont pas des réhospitalisations. Le `~` devant la
# condition veut dire « non » : on garde les séjours dont le GHM ne commence **pas** par `28`.

# %%
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
# 4. Ajoutez une colonne `rehospitalisation_30j` qui vaut Vrai quand ce délai est inférieur ou égal
#    à 30 jours : `parcours["delai_jours"] <= 30` (un séjour sans suivant vaut Faux).
#
# N'oubliez pas le `groupby("patient_id")` : sans lui, le dernier séjour d'un patient recevrait la
# date d'entrée du premier séjour du patient suivant !

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
parcours = sejours_hors_seances.sort_values(["patient_id", "date_entree"])
parcours["entree_suivante"] = parcours.groupby("patient_id")["date_entree"].shift(-1)
parcours["delai_jours"] = (parcours["entree_suivante"] - parcours["date_sortie"]).dt.days
parcours["rehospitalisation_30j"] = parcours["delai_jours"] <= 30
### END SOLUTION
parcours[["patient_id", "date_entree", "date_sortie", "entree_suivante", "delai_jours", "rehospitalisation_30j"]].head()

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["parcours"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(parcours, pd.DataFrame)
      and {"entree_suivante", "delai_jours", "rehospitalisation_30j"} <= set(parcours.columns),
      "parcours doit avoir les colonnes entree_suivante, delai_jours et rehospitalisation_30j.",
      success=None)
check(not parcours["ghm"].str.startswith("28").any(),
      "parcours contient des séances : partez de sejours_hors_seances.", success=None)
check(parcours["entree_suivante"].isna().sum() == parcours["patient_id"].nunique(),
      "Chaque patient devrait avoir exactement un séjour sans suivant (son dernier) : avez-vous trié "
      "par patient puis date d'entrée, et utilisé groupby(\"patient_id\") avant shift(-1) ?",
      success=None)
check(parcours["rehospitalisation_30j"].dtype == bool and parcours["rehospitalisation_30j"].any(),
      "rehospitalisation_30j doit être une colonne de Vrai/Faux : parcours[\"delai_jours\"] <= 30.")
### BEGIN HIDDEN TESTS
ref = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "finess", "date_entree",
                                              "date_sortie", "mode_sortie", "ghm"])
ref = ref[~ref["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
suivante = ref.groupby("patient_id")["date_entree"].shift(-1)
ref["rehospitalisation"] = (suivante - ref["date_sortie"]).dt.days <= 30
attendu = ref.set_index("sejour_id")["rehospitalisation"]
obtenu = parcours.set_index("sejour_id")["rehospitalisation_30j"].reindex(attendu.index)
check(len(parcours) == len(ref) and (obtenu == attendu).all(),
      "Les réhospitalisations ne correspondent pas à un séjour suivant du même patient dans les 30 jours "
      "après la sortie.", success=None)
### END HIDDEN TESTS

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
# La cellule suivante calcule la dernière date de sortie utilisable (`date_limite`) et ajoute l'âge
# du patient à l'entrée (en années révolues : nombre de jours divisé par 365, sans la virgule, `//`).

# %%
date_limite = sejours["date_sortie"].max() - pd.Timedelta(days=30)
parcours = parcours.merge(patients[["patient_id", "date_naissance"]], on="patient_id", how="left")
parcours["age"] = (parcours["date_entree"] - parcours["date_naissance"]).dt.days // 365
print("Dernière date de sortie retenue :", date_limite.date())

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : les séjours index (1 point)
#
# Créez `sejours_index` : les lignes de `parcours` dont le mode de sortie n'est **pas** un décès
# **et** dont la date de sortie est au plus tard `date_limite`.
#
# Indice : `parcours[(parcours["mode_sortie"] != "9") & (parcours["date_sortie"] <= date_limite)]`.
# Le `&` veut dire « et » : les deux conditions doivent être vraies ; chacune est entre parenthèses.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours_index = parcours[(parcours["mode_sortie"] != "9") & (parcours["date_sortie"] <= date_limite)]
### END SOLUTION
print(len(parcours), "séjours hors séances ;", len(sejours_index), "séjours index")

# %% kit={"competences": ["communiquer-risque", "indicateurs-activite"], "reponses": ["date_limite", "sejours_index"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(isinstance(sejours_index, pd.DataFrame) and "rehospitalisation_30j" in sejours_index.columns,
      "sejours_index doit être une partie des lignes de parcours : parcours[ ...conditions... ].",
      success=None)
check(not (sejours_index["mode_sortie"] == "9").any(),
      "Il reste des séjours terminés par un décès : ajoutez la condition parcours[\"mode_sortie\"] != \"9\".",
      success=None)
check(sejours_index["date_sortie"].max() <= date_limite,
      "Il reste des séjours sortis après date_limite : ajoutez la condition "
      "parcours[\"date_sortie\"] <= date_limite.")
### BEGIN HIDDEN TESTS
ref = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "finess", "date_entree",
                                              "date_sortie", "mode_sortie", "ghm"])
ref = ref[~ref["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
suivante = ref.groupby("patient_id")["date_entree"].shift(-1)
ref["rehospitalisation"] = (suivante - ref["date_sortie"]).dt.days <= 30
limite = ref["date_sortie"].max() - pd.Timedelta(days=30)
ref = ref[(ref["mode_sortie"] != "9") & (ref["date_sortie"] <= limite)]
check(set(sejours_index["sejour_id"]) == set(ref["sejour_id"]) and len(sejours_index) == len(ref),
      "Ce ne sont pas les séjours hors séances, sans décès, sortis au plus tard à date_limite.",
      success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : le risque de réhospitalisation selon l'âge (2 points)
#
# Comparons deux groupes de patients âgés. Calculez, **en pourcentage** (entre 0 et 100), la part
# des séjours index suivis d'une réhospitalisation à 30 jours :
#
# - chez les patients de **80 ans et plus** : stockez-la dans `risque_80_plus` ;
# - chez les patients de **65 à 79 ans** : stockez-la dans `risque_65_79`.
#
# Indice : `sejours_index.loc[sejours_index["age"] >= 80, "rehospitalisation_30j"].mean() * 100` ;
# pour le second groupe, la condition est `sejours_index["age"].between(65, 79)` (entre 65 et 79
# ans, bornes comprises). La moyenne d'une colonne de Vrai/Faux est la proportion de Vrai.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
risque_80_plus = sejours_index.loc[sejours_index["age"] >= 80, "rehospitalisation_30j"].mean() * 100
risque_65_79 = sejours_index.loc[sejours_index["age"].between(65, 79), "rehospitalisation_30j"].mean() * 100
### END SOLUTION
print("80 ans et plus :", round(float(risque_80_plus), 1), "% ; 65 à 79 ans :", round(float(risque_65_79), 1), "%")

# %% kit={"competences": ["communiquer-risque", "indicateurs-activite"], "reponses": ["risque_65_79", "risque_80_plus"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(0 <= risque_80_plus <= 100 and 0 <= risque_65_79 <= 100,
      "Un pourcentage est compris entre 0 et 100.", success=None)
check(risque_80_plus > 1 and risque_65_79 > 1,
      "Ces risques sont très faibles : avez-vous bien multiplié les proportions par 100 ?", success=None)
check(risque_80_plus != risque_65_79,
      "Les deux risques sont identiques : avez-vous changé la condition sur l'âge pour le second groupe ?")
### BEGIN HIDDEN TESTS
ref = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "finess", "date_entree",
                                              "date_sortie", "mode_sortie", "ghm"])
ref = ref[~ref["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
suivante = ref.groupby("patient_id")["date_entree"].shift(-1)
ref["rehospitalisation"] = (suivante - ref["date_sortie"]).dt.days <= 30
limite = ref["date_sortie"].max() - pd.Timedelta(days=30)
ref = ref[(ref["mode_sortie"] != "9") & (ref["date_sortie"] <= limite)]
naissances = load_table("patients", DONNEES, colonnes=["patient_id", "date_naissance"])
ref = ref.merge(naissances, on="patient_id", how="left")
ref_age = (ref["date_entree"] - ref["date_naissance"]).dt.days // 365
ref_80 = ref.loc[ref_age >= 80, "rehospitalisation"].mean() * 100
ref_65 = ref.loc[ref_age.between(65, 79), "rehospitalisation"].mean() * 100
check(abs(risque_80_plus - ref_80) < 0.01,
      "Ce n'est pas le risque de réhospitalisation à 30 jours des séjours index des 80 ans et plus.",
      success=None)
check(abs(risque_65_79 - ref_65) < 0.01,
      "Ce n'est pas le risque de réhospitalisation à 30 jours des séjours index des 65-79 ans.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# ### Trois façons de dire la même différence
#
# Imaginons un risque qui passe de 2 % dans un groupe à 3 % dans l'autre. On peut dire :
#
# - **différence absolue** : 3 − 2 = **1 point de pourcentage** (on dit « point », pas « % », quand
#   on soustrait deux pourcentages) ;
# - **risque relatif** : 3 / 2 = **1,5**, soit « un risque augmenté de 50 % » ;
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
# À partir de `risque_80_plus` et `risque_65_79`, calculez :
#
# - `difference_points` : la différence absolue, en points de pourcentage
#   (`risque_80_plus - risque_65_79`) ;
# - `risque_relatif` : le rapport des deux risques (`risque_80_plus / risque_65_79`) ;
# - `patients_pour_un_cas_de_plus` : le nombre de patients de 80 ans et plus parmi lesquels on
#   observe **une** réhospitalisation de plus que parmi autant de patients de 65 à 79 ans
#   (`100 / difference_points`).

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
difference_points = risque_80_plus - risque_65_79
risque_relatif = risque_80_plus / risque_65_79
patients_pour_un_cas_de_plus = 100 / difference_points
### END SOLUTION
print(f"Différence absolue : {difference_points:.1f} points de pourcentage")
print(f"Risque relatif : {risque_relatif:.2f}, soit un risque augmenté de {(risque_relatif - 1) * 100:.0f} %")
print(f"Une réhospitalisation de plus pour environ {patients_pour_un_cas_de_plus:.0f} patients de 80 ans et plus")

# %% kit={"competences": ["communiquer-risque"], "reponses": ["difference_points", "patients_pour_un_cas_de_plus", "risque_65_79", "risque_80_plus", "risque_relatif"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(abs(difference_points - (risque_80_plus - risque_65_79)) < 1e-9,
      "difference_points est la soustraction risque_80_plus - risque_65_79.", success=None)
check(abs(risque_relatif - risque_80_plus / risque_65_79) < 1e-9,
      "risque_relatif est la division risque_80_plus / risque_65_79.", success=None)
check(abs(patients_pour_un_cas_de_plus * difference_points - 100) < 1e-6,
      "patients_pour_un_cas_de_plus est 100 divisé par difference_points.")
### BEGIN HIDDEN TESTS
ref = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "finess", "date_entree",
                                              "date_sortie", "mode_sortie", "ghm"])
ref = ref[~ref["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
suivante = ref.groupby("patient_id")["date_entree"].shift(-1)
ref["rehospitalisation"] = (suivante - ref["date_sortie"]).dt.days <= 30
limite = ref["date_sortie"].max() - pd.Timedelta(days=30)
ref = ref[(ref["mode_sortie"] != "9") & (ref["date_sortie"] <= limite)]
naissances = load_table("patients", DONNEES, colonnes=["patient_id", "date_naissance"])
ref = ref.merge(naissances, on="patient_id", how="left")
ref_age = (ref["date_entree"] - ref["date_naissance"]).dt.days // 365
ref_80 = ref.loc[ref_age >= 80, "rehospitalisation"].mean() * 100
ref_65 = ref.loc[ref_age.between(65, 79), "rehospitalisation"].mean() * 100
check(abs(difference_points - (ref_80 - ref_65)) < 0.01
      and abs(risque_relatif - ref_80 / ref_65) < 0.001
      and abs(patients_pour_un_cas_de_plus - 100 / (ref_80 - ref_65)) < 0.01,
      "Ces valeurs ne correspondent pas aux risques recalculés à partir des données.", success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : une phrase pour un patient (1 point)
#
# Un patient de 85 ans et sa fille vous demandent : « Est-ce qu'il risque de revenir vite à
# l'hôpital ? » Les pourcentages et les rapports parlent mal ; une **fréquence naturelle** (« sur
# 100 personnes comme vous… ») parle bien. Dire aussi combien **ne reviennent pas** évite d'effrayer.
#
# Stockez dans `phrase_patient` une phrase de ce type, qui contient le nombre de patients sur 100
# (le risque `risque_80_plus` arrondi à l'entier le plus proche, `round(risque_80_plus)`) :
#
# ```python
# phrase_patient = f"Sur 100 patients de 80 ans et plus qui sortent de l'hôpital, environ {round(risque_80_plus)} y reviennent dans le mois ; les {100 - round(risque_80_plus)} autres, non."
# ```
#
# Le `f` devant les guillemets fait une **f-chaîne** : ce qui est écrit entre accolades `{...}` est
# calculé puis remplacé par sa valeur dans le texte. Vous pouvez reformuler la phrase à votre façon,
# tant qu'elle contient « 100 » et le nombre arrondi.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
phrase_patient = (f"Sur 100 patients de 80 ans et plus qui sortent de l'hôpital, environ "
                  f"{round(risque_80_plus)} y reviennent dans le mois ; les {100 - round(risque_80_plus)} autres, non.")
### END SOLUTION
print(phrase_patient)

# %% kit={"competences": ["communiquer-risque"], "reponses": ["phrase_patient", "risque_80_plus"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(isinstance(phrase_patient, str), "phrase_patient doit être un texte, entre guillemets.", success=None)
check("100" in phrase_patient, "La phrase doit parler de « 100 patients » : écrivez « Sur 100 patients… ».",
      success=None)
arrondis = {str(round(risque_80_plus)), str(int(risque_80_plus))}
check(any(nombre in phrase_patient.replace("100", " ") for nombre in arrondis),
      "La phrase doit contenir le risque arrondi : {round(risque_80_plus)} dans une f-chaîne.")
### BEGIN HIDDEN TESTS
ref = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "finess", "date_entree",
                                              "date_sortie", "mode_sortie", "ghm"])
ref = ref[~ref["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
suivante = ref.groupby("patient_id")["date_entree"].shift(-1)
ref["rehospitalisation"] = (suivante - ref["date_sortie"]).dt.days <= 30
limite = ref["date_sortie"].max() - pd.Timedelta(days=30)
ref = ref[(ref["mode_sortie"] != "9") & (ref["date_sortie"] <= limite)]
naissances = load_table("patients", DONNEES, colonnes=["patient_id", "date_naissance"])
ref = ref.merge(naissances, on="patient_id", how="left")
ref_age = (ref["date_entree"] - ref["date_naissance"]).dt.days // 365
ref_80 = ref.loc[ref_age >= 80, "rehospitalisation"].mean() * 100
ref_65 = ref.loc[ref_age.between(65, 79), "rehospitalisation"].mean() * 100
import re
nombres = set(re.findall(r"\d+", phrase_patient))
check(str(round(ref_80)) in nombres or str(int(ref_80)) in nombres,
      "La phrase ne contient pas le nombre de réhospitalisations sur 100 patients de 80 ans et plus.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# ### 100 points valent mieux qu'un pourcentage
#
# Un **graphique à 100 personnages** (on dit aussi *icon array*) montre chaque patient par un point :
# on voit d'un coup d'œil combien sont concernés, **et combien ne le sont pas**. Exécutez la cellule :
# chaque panneau représente 100 patients d'un groupe d'âge, les points rouges ceux qui reviennent à
# l'hôpital dans le mois.

# %%
nombres_sur_100 = {"65 à 79 ans": round(risque_65_79), "80 ans et plus": round(risque_80_plus)}
icones = pd.DataFrame({"rang": list(range(100)) * 2,
                       "groupe": ["65 à 79 ans"] * 100 + ["80 ans et plus"] * 100})
icones["colonne"] = icones["rang"] % 10
icones["ligne"] = icones["rang"] // 10
icones["issue"] = "Pas de réhospitalisation"
icones.loc[icones["rang"] < icones["groupe"].map(nombres_sur_100), "issue"] = "Réhospitalisé dans les 30 jours"

figure = px.scatter(icones, x="colonne", y="ligne", color="issue", facet_col="groupe",
                    color_discrete_map={"Réhospitalisé dans les 30 jours": "firebrick",
                                        "Pas de réhospitalisation": "lightgray"},
                    labels={"issue": "", "groupe": "Groupe d'âge"},
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
# Construisez `par_etablissement`, une ligne par établissement (`finess`), avec trois colonnes :
#
# - `sejours` : le nombre de séjours index ;
# - `rehospitalisations` : le nombre de ceux qui sont suivis d'une réhospitalisation à 30 jours ;
# - `taux` : `rehospitalisations` divisé par `sejours`, multiplié par 100.
#
# Indice :
#
# ```python
# par_etablissement = sejours_index.groupby("finess", as_index=False).agg(
#     sejours=("sejour_id", "size"), rehospitalisations=("rehospitalisation_30j", "sum"))
# ```
#
# `"size"` compte les lignes de chaque paquet ; `"sum"` d'une colonne de Vrai/Faux compte les Vrai.
# Ajoutez ensuite la colonne `taux` : `par_etablissement["taux"] = ...`.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
par_etablissement = sejours_index.groupby("finess", as_index=False).agg(
    sejours=("sejour_id", "size"), rehospitalisations=("rehospitalisation_30j", "sum"))
par_etablissement["taux"] = par_etablissement["rehospitalisations"] / par_etablissement["sejours"] * 100
### END SOLUTION
par_etablissement.head()

# %% kit={"competences": ["indicateurs-activite", "communiquer-risque"], "reponses": ["par_etablissement", "sejours_index"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(par_etablissement, pd.DataFrame)
      and {"finess", "sejours", "rehospitalisations", "taux"} <= set(par_etablissement.columns),
      "par_etablissement doit avoir les colonnes finess, sejours, rehospitalisations et taux "
      "(avez-vous écrit as_index=False ?).", success=None)
check(par_etablissement["sejours"].sum() == len(sejours_index),
      "Le total de la colonne sejours doit être le nombre de séjours index : partez de sejours_index.",
      success=None)
check(par_etablissement["taux"].between(0, 100).all() and par_etablissement["taux"].max() > 1,
      "taux est un pourcentage entre 0 et 100 : rehospitalisations / sejours * 100.")
### BEGIN HIDDEN TESTS
ref = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "finess", "date_entree",
                                              "date_sortie", "mode_sortie", "ghm"])
ref = ref[~ref["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
suivante = ref.groupby("patient_id")["date_entree"].shift(-1)
ref["rehospitalisation"] = (suivante - ref["date_sortie"]).dt.days <= 30
limite = ref["date_sortie"].max() - pd.Timedelta(days=30)
ref = ref[(ref["mode_sortie"] != "9") & (ref["date_sortie"] <= limite)]
attendu = ref.groupby("finess").agg(sejours=("sejour_id", "size"), rehospitalisations=("rehospitalisation", "sum"))
obtenu = par_etablissement.set_index("finess").reindex(attendu.index)
check(len(par_etablissement) == len(attendu)
      and (obtenu["sejours"] == attendu["sejours"]).all()
      and (obtenu["rehospitalisations"] == attendu["rehospitalisations"]).all()
      and ((obtenu["taux"] - attendu["rehospitalisations"] / attendu["sejours"] * 100).abs() < 1e-6).all(),
      "Les effectifs ou les taux par établissement ne correspondent pas aux séjours index.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ### Le « palmarès » trompeur
#
# Voici les dix établissements qui ont le **taux** le plus élevé. Regardez la colonne `sejours` :
# sur combien de séjours index ces taux spectaculaires reposent-ils ?

# %%
par_etablissement = par_etablissement.merge(etablissements, on="finess", how="left")
par_etablissement.sort_values(["taux", "sejours"], ascending=False).head(10).round(1)

# %% [markdown]
# En tête du classement, on trouve surtout des établissements qui n'ont que **quelques** séjours :
# avec 1 réhospitalisation sur 2 séjours, le taux vaut 50 % ; il suffit d'un patient pour passer
# de 0 % à 50 %. Ces taux extrêmes sont surtout l'effet du **hasard**.
#
# Le graphique suivant, dit **en entonnoir** (*funnel plot*), place chaque établissement selon son
# nombre de séjours (axe horizontal, en échelle logarithmique : 1, 10, 100…) et son taux. La ligne
# pointillée est le taux de tous les séjours réunis ; la courbe rouge est la limite au-delà de
# laquelle un taux a moins de 2,5 % de chances d'être dû au seul hasard. Elle est très haute pour les
# petits établissements et se resserre pour les grands : seuls les points **au-dessus de la courbe**
# méritent une enquête. En dessous de 10 séjours, la courbe n'est pas tracée : aucun taux n'y est
# interprétable (et le calcul de la limite, approché, n'y est plus valable).

# %%
taux_global = sejours_index["rehospitalisation_30j"].mean() * 100
p = taux_global / 100
par_etablissement["limite_haute"] = (p + 1.96 * (p * (1 - p) / par_etablissement["sejours"]) ** 0.5) * 100
interpretables = par_etablissement[par_etablissement["sejours"] >= 10]
limites = interpretables.sort_values("sejours")

figure = px.scatter(par_etablissement, x="sejours", y="taux", hover_name="nom", log_x=True,
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
# montrent ce qui se passe vraiment : une activité à peu près stable, avec des variations
# saisonnières (les épidémies d'hiver). Pour comparer deux mois, comparez le même mois d'une année
# sur l'autre.
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
# dans `par_etablissement`. En vous appuyant sur ce que vous avez observé dans ce carnet, que lui
# conseillez-vous ? Répondez en trois à cinq phrases.

# %% [markdown] kit={"bareme": ["1 point : les petits effectifs rendent les taux instables (hasard) ; donner les effectifs avec les taux, fixer un effectif minimal ou montrer un graphique en entonnoir plut\u00f4t qu'un classement", "1 point : les \u00e9tablissements n'accueillent pas les m\u00eames patients (\u00e2ge, maladies chroniques) : un taux brut les compare injustement, il faut tenir compte de ces diff\u00e9rences (ajustement)"], "competences": ["argumenter", "visualiser", "communiquer-risque"]} nbgrader={"grade": true, "grade_id": "q10-reponse", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Je déconseille un classement brut. D'abord, beaucoup d'établissements n'ont que quelques séjours :
# leur taux varie surtout au hasard, et la tête du classement est occupée par ces petits
# établissements. Il faut au minimum afficher le nombre de séjours à côté de chaque taux, écarter
# les effectifs trop faibles et préférer un graphique en entonnoir, qui ne signale que les écarts
# improbables. Ensuite, le risque dépend fortement de l'âge des patients (il est bien plus élevé
# après 80 ans) : un établissement qui accueille des patients plus âgés ou plus malades aurait un
# taux plus élevé sans être moins bon. Il faudrait donc ajuster les taux sur l'âge et les maladies
# chroniques avant toute comparaison.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - Refaites le graphique à 100 points pour les patients de moins de 65 ans
#   (`sejours_index["age"] < 65`) : comment présenteriez-vous la comparaison avec les 80 ans et plus ?
# - Tracez la durée moyenne de séjour par catégorie d'établissement (`categorie` de la table
#   `etablissements`, à relier par `finess`), d'abord avec un axe tronqué, puis honnêtement.
# - Le **camembert** est un autre piège : tracez `px.pie(par_etablissement, names="categorie",
#   values="sejours")` puis `px.bar` des mêmes données. Lequel permet de comparer le plus facilement
#   les catégories ?
# - Cherchez dans la presse un titre qui annonce « + X % de risque » : retrouvez les risques absolus
#   dans l'article, s'ils y sont.

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Un graphique en barres part **toujours de zéro** ; un titre neutre et des axes nommés en
#   français font partie de l'honnêteté : `fig.update_yaxes(range=[0, ...])`.
# - Un risque est une fraction : vérifiez le **dénominateur** (qui pouvait être concerné ? avec
#   quel recul ?) avant de le calculer.
# - Trier puis décaler (`sort_values`, `groupby(...).shift(-1)`) donne l'événement suivant d'un même
#   patient.
# - Une **différence absolue** se dit en points de pourcentage ; un **risque relatif** est un
#   rapport ; « + 50 % » peut ne représenter qu'un patient de plus sur 100.
# - Pour un patient : une **fréquence naturelle** (« sur 100 patients comme vous, X… et les autres
#   non »), illustrée par 100 points.
# - Un pourcentage sans effectif ne veut rien dire : sur de petits nombres, les taux extrêmes sont
#   souvent dus au hasard ; une courbe cumulée monte toujours.
