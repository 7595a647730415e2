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
# Chaque question se termine par une cellule de vérification : exécutez-la, elle vous dit
# « ✅ Bonne réponse » ou vous donne un indice.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée) : la première indique où se
# trouvent les données, la seconde charge les tables `etablissements` et `sejours`. Vous n'avez pas
# besoin de les modifier.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import numpy as np
import pandas as pd
import plotly.express as px

from participant.data import load_table
from participant.checks import check

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

# %%
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
# Créez la table `sejours_etudies` qui garde les séjours **d'au moins une nuit**
# (`duree_sejour` supérieure à 0) **et** dont le mode de sortie n'est **pas** un décès
# (`mode_sortie` différent de `"9"`).
#
# Indice : `sejours[(condition 1) & (condition 2)]` garde les lignes qui remplissent les deux
# conditions ; mettez chaque condition entre parenthèses. En Python, `!=` signifie « différent de ».

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours_etudies = sejours[(sejours["duree_sejour"] > 0) & (sejours["mode_sortie"] != "9")]
### END SOLUTION
len(sejours_etudies)

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["sejours_etudies"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(sejours_etudies, pd.DataFrame),
      "sejours_etudies doit être une table ; indice : sejours[(...) & (...)].", success=None)
check(0 < len(sejours_etudies) < len(sejours)
      and (sejours_etudies["duree_sejour"] > 0).all() and (sejours_etudies["mode_sortie"] != "9").all(),
      "Gardez seulement les séjours d'au moins une nuit (duree_sejour > 0) "
      "qui ne se terminent pas par un décès (mode_sortie != \"9\").")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES)
ref_etudies = ref_sejours[(ref_sejours["duree_sejour"] > 0) & (ref_sejours["mode_sortie"] != "9")]
check(len(sejours_etudies) == len(ref_etudies)
      and set(sejours_etudies["sejour_id"]) == set(ref_etudies["sejour_id"]),
      "La table ne contient pas exactement les séjours d'au moins une nuit hors décès.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ### Préparer la comparaison
#
# Exécutez la cellule suivante. Elle ajoute à chaque séjour :
#
# - la date de lancement du programme de son établissement : `.merge(...)` rapproche deux tables
#   par une colonne commune, ici `finess` (comme une RECHERCHEV dans un tableur) ;
# - une colonne `groupe` : `"programme"` si l'établissement a lancé le programme, `"autres"` sinon ;
# - une colonne `periode` : `"avant"` ou `"après"` le lancement, selon la date d'entrée.
#
# `np.where(condition, valeur_si_vrai, valeur_si_faux)` choisit une valeur ligne par ligne.
# Les « autres » établissements sont découpés aux **mêmes dates** que ceux du programme.

# %%
sejours_etudies = sejours_etudies.merge(etablissements[["finess", "date_programme_sortie"]],
                                        on="finess", how="left")
sejours_etudies["groupe"] = np.where(sejours_etudies["date_programme_sortie"].notna(), "programme", "autres")
sejours_etudies["periode"] = np.where(sejours_etudies["date_entree"] >= date_debut, "après", "avant")
sejours_etudies[["sejour_id", "finess", "date_entree", "duree_sejour", "groupe", "periode"]].head()

# %% [markdown]
# Combien de séjours dans chaque case ? Un **tableau croisé** (`pivot_table`) range un résultat
# par ligne (`index`) et par colonne (`columns`) ; ici, il compte (`aggfunc="count"`) les séjours
# par groupe et par période. Avec peu de séjours dans une case, les moyennes varient beaucoup par
# hasard : c'est le cas sur un petit échantillon de patients.

# %%
comptage = sejours_etudies.pivot_table(index="groupe", columns="periode", values="sejour_id", aggfunc="count")
comptage[["avant", "après"]]

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : la comparaison avant/après (2 points)
#
# Première idée, la plus courante : comparer la durée moyenne de séjour **dans les établissements
# du programme**, avant et après le lancement.
#
# Calculez l'écart « durée moyenne après − durée moyenne avant » (en nuits ; un nombre négatif
# signifie une baisse) et stockez-le dans `ecart_avant_apres`. Trois étapes :
#
# 1. `programme = sejours_etudies[sejours_etudies["groupe"] == "programme"]` garde les séjours
#    des établissements du programme ;
# 2. `moyennes_programme = programme.groupby("periode")["duree_sejour"].mean()` donne la durée
#    moyenne de chaque période ;
# 3. `moyennes_programme["après"]` lit la moyenne de la période « après » : faites la différence
#    avec celle de la période « avant ».

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
programme = sejours_etudies[sejours_etudies["groupe"] == "programme"]
moyennes_programme = programme.groupby("periode")["duree_sejour"].mean()
ecart_avant_apres = moyennes_programme["après"] - moyennes_programme["avant"]
### END SOLUTION
print(round(ecart_avant_apres, 2))

# %% kit={"competences": ["evaluation-impact", "indicateurs-activite"], "reponses": ["ecart_avant_apres"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(ecart_avant_apres, (int, float)) and not pd.isna(ecart_avant_apres),
      "ecart_avant_apres doit être un nombre ; indice : moyennes_programme[\"après\"] - moyennes_programme[\"avant\"].",
      success=None)
check(-30 < ecart_avant_apres < 30,
      "Un écart de durée moyenne se compte en nuits : vérifiez que vous soustrayez deux moyennes.")
### BEGIN HIDDEN TESTS
ref_etablissements = load_table("etablissements", DONNEES)
ref_sejours = load_table("sejours", DONNEES)
ref_sejours = ref_sejours[(ref_sejours["duree_sejour"] > 0) & (ref_sejours["mode_sortie"] != "9")]
ref_sejours = ref_sejours.merge(ref_etablissements[["finess", "date_programme_sortie"]], on="finess", how="left")
ref_debut = ref_etablissements["date_programme_sortie"].min()
ref_sejours["groupe"] = np.where(ref_sejours["date_programme_sortie"].notna(), "programme", "autres")
ref_sejours["periode"] = np.where(ref_sejours["date_entree"] >= ref_debut, "après", "avant")
ref_moyennes = ref_sejours.groupby(["groupe", "periode"])["duree_sejour"].mean()
ref_attendu = ref_moyennes["programme", "après"] - ref_moyennes["programme", "avant"]
check(abs(ecart_avant_apres - ref_attendu) < 1e-6,
      "Ce n'est pas l'écart après − avant de la durée moyenne dans les établissements du programme.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# Il est tentant de s'arrêter là et d'attribuer tout cet écart au programme. Mais pendant ce temps,
# que s'est-il passé **ailleurs** ? Les durées de séjour évoluent aussi pour d'autres raisons
# (virage ambulatoire, nouvelles techniques, réorganisations nationales...). Si elles ont baissé
# partout, une partie de la baisse aurait eu lieu **même sans le programme**.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : le tableau des quatre moyennes (2 points)
#
# La **différence de différences** compare l'évolution dans les établissements du programme à
# l'évolution, sur les mêmes périodes, dans les autres établissements (le **groupe témoin**) : les
# autres montrent ce qui se serait passé sans le programme. Elle a besoin de quatre moyennes :
# deux groupes × deux périodes.
#
# Créez `tableau_moyennes`, le tableau croisé de la durée moyenne de séjour par groupe (en lignes)
# et par période (en colonnes).
#
# Indice : reprenez le `pivot_table` du comptage ci-dessus, avec `values="duree_sejour"` et
# `aggfunc="mean"`.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
tableau_moyennes = sejours_etudies.pivot_table(index="groupe", columns="periode",
                                               values="duree_sejour", aggfunc="mean")
### END SOLUTION
tableau_moyennes[["avant", "après"]].round(2)

# %% kit={"competences": ["indicateurs-activite", "evaluation-impact"], "reponses": ["tableau_moyennes"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(tableau_moyennes, pd.DataFrame),
      "tableau_moyennes doit être une table ; indice : sejours_etudies.pivot_table(...).", success=None)
check(set(tableau_moyennes.index) == {"programme", "autres"} and set(tableau_moyennes.columns) == {"avant", "après"},
      "Le tableau doit avoir les groupes en lignes (index=\"groupe\") et les périodes en colonnes "
      "(columns=\"periode\").")
### BEGIN HIDDEN TESTS
ref_etablissements = load_table("etablissements", DONNEES)
ref_sejours = load_table("sejours", DONNEES)
ref_sejours = ref_sejours[(ref_sejours["duree_sejour"] > 0) & (ref_sejours["mode_sortie"] != "9")]
ref_sejours = ref_sejours.merge(ref_etablissements[["finess", "date_programme_sortie"]], on="finess", how="left")
ref_debut = ref_etablissements["date_programme_sortie"].min()
ref_sejours["groupe"] = np.where(ref_sejours["date_programme_sortie"].notna(), "programme", "autres")
ref_sejours["periode"] = np.where(ref_sejours["date_entree"] >= ref_debut, "après", "avant")
ref_moyennes = ref_sejours.groupby(["groupe", "periode"])["duree_sejour"].mean()
check(all(abs(tableau_moyennes.loc[g, p] - ref_moyennes[g, p]) < 1e-6
          for g in ("programme", "autres") for p in ("avant", "après")),
      "Les valeurs ne sont pas les durées moyennes de séjour (values=\"duree_sejour\", aggfunc=\"mean\").",
      success=None)
### END HIDDEN TESTS

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
# Calculez-le à partir de `tableau_moyennes` et stockez-le dans `difference_de_differences`.
# Indice : `tableau_moyennes.loc["programme", "après"]` lit la case de la ligne `programme` et de
# la colonne `après`.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
difference_de_differences = (
    (tableau_moyennes.loc["programme", "après"] - tableau_moyennes.loc["programme", "avant"])
    - (tableau_moyennes.loc["autres", "après"] - tableau_moyennes.loc["autres", "avant"]))
### END SOLUTION
print(round(difference_de_differences, 2))

# %% kit={"competences": ["evaluation-impact"], "reponses": ["difference_de_differences"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(difference_de_differences, (int, float)) and not pd.isna(difference_de_differences),
      "difference_de_differences doit être un nombre ; indice : utilisez tableau_moyennes.loc[ligne, colonne].",
      success=None)
check(-30 < difference_de_differences < 30,
      "Une différence de différences de durées se compte en nuits : vérifiez les quatre cases utilisées.")
### BEGIN HIDDEN TESTS
ref_etablissements = load_table("etablissements", DONNEES)
ref_sejours = load_table("sejours", DONNEES)
ref_sejours = ref_sejours[(ref_sejours["duree_sejour"] > 0) & (ref_sejours["mode_sortie"] != "9")]
ref_sejours = ref_sejours.merge(ref_etablissements[["finess", "date_programme_sortie"]], on="finess", how="left")
ref_debut = ref_etablissements["date_programme_sortie"].min()
ref_sejours["groupe"] = np.where(ref_sejours["date_programme_sortie"].notna(), "programme", "autres")
ref_sejours["periode"] = np.where(ref_sejours["date_entree"] >= ref_debut, "après", "avant")
ref_moyennes = ref_sejours.groupby(["groupe", "periode"])["duree_sejour"].mean()
ref_attendu = ((ref_moyennes["programme", "après"] - ref_moyennes["programme", "avant"])
               - (ref_moyennes["autres", "après"] - ref_moyennes["autres", "avant"]))
check(abs(difference_de_differences - ref_attendu) < 1e-6,
      "Ce n'est pas (programme après − programme avant) − (autres après − autres avant).", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Mettons les deux estimations côte à côte. Exprimer un écart **en pourcentage** de la durée
# d'avant (une valeur relative) aide à le comparer à d'autres établissements ou à d'autres études.

# %%
evolution_autres = tableau_moyennes.loc["autres", "après"] - tableau_moyennes.loc["autres", "avant"]
duree_avant = tableau_moyennes.loc["programme", "avant"]
print(f"Avant/après dans le programme : {ecart_avant_apres:+.2f} nuit ({100 * ecart_avant_apres / duree_avant:+.1f} %)")
print(f"Évolution chez les autres     : {evolution_autres:+.2f} nuit")
print(f"Différence de différences     : {difference_de_differences:+.2f} nuit "
      f"({100 * difference_de_differences / duree_avant:+.1f} %)")

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
# Deux moyennes « avant » et « après » résument dix-huit mois chacune. Un graphique mois par mois
# montre ce qu'elles cachent. La cellule suivante ajoute une colonne `mois` : `.dt.to_period("M")`
# ramène chaque date d'entrée à son mois, et `.dt.to_timestamp()` en fait le premier jour du mois.

# %%
sejours_etudies["mois"] = sejours_etudies["date_entree"].dt.to_period("M").dt.to_timestamp()
sejours_etudies[["date_entree", "mois"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : la durée moyenne par mois et par groupe (2 points)
#
# Calculez la durée moyenne de séjour pour chaque mois et chaque groupe, et stockez-la dans
# `duree_par_mois`, sous la forme d'une table avec trois colonnes : `mois`, `groupe` et
# `duree_sejour`.
#
# Indice : `sejours_etudies.groupby(["mois", "groupe"])["duree_sejour"].mean()` calcule les
# moyennes ; ajoutez `.reset_index()` à la fin pour transformer le résultat en table ordinaire
# (c'est la forme qu'attend le graphique).

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
duree_par_mois = sejours_etudies.groupby(["mois", "groupe"])["duree_sejour"].mean().reset_index()
### END SOLUTION
duree_par_mois.head()

# %% kit={"competences": ["indicateurs-activite", "visualiser"], "reponses": ["duree_par_mois"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(duree_par_mois, pd.DataFrame),
      "duree_par_mois doit être une table ; avez-vous ajouté .reset_index() à la fin ?", success=None)
check({"mois", "groupe", "duree_sejour"} <= set(duree_par_mois.columns),
      "La table doit avoir les colonnes mois, groupe et duree_sejour ; indice : "
      "groupby([\"mois\", \"groupe\"])[\"duree_sejour\"].mean().reset_index().")
### BEGIN HIDDEN TESTS
ref_etablissements = load_table("etablissements", DONNEES)
ref_sejours = load_table("sejours", DONNEES)
ref_sejours = ref_sejours[(ref_sejours["duree_sejour"] > 0) & (ref_sejours["mode_sortie"] != "9")]
ref_sejours = ref_sejours.merge(ref_etablissements[["finess", "date_programme_sortie"]], on="finess", how="left")
ref_debut = ref_etablissements["date_programme_sortie"].min()
ref_sejours["groupe"] = np.where(ref_sejours["date_programme_sortie"].notna(), "programme", "autres")
ref_sejours["periode"] = np.where(ref_sejours["date_entree"] >= ref_debut, "après", "avant")
ref_moyennes = ref_sejours.groupby(["groupe", "periode"])["duree_sejour"].mean()
ref_sejours["mois"] = ref_sejours["date_entree"].dt.to_period("M").dt.to_timestamp()
ref_attendu = ref_sejours.groupby(["mois", "groupe"])["duree_sejour"].mean()
ref_obtenu = duree_par_mois.set_index(["mois", "groupe"])["duree_sejour"]
check(len(ref_obtenu) == len(ref_attendu)
      and np.allclose(ref_obtenu.reindex(ref_attendu.index).to_numpy(dtype=float), ref_attendu.to_numpy(dtype=float)),
      "Ce ne sont pas les durées moyennes de séjour par mois et par groupe.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Traçons les deux courbes, avec une ligne verticale au lancement du programme. Passez la souris
# sur les points pour lire les valeurs.

# %%
figure = px.line(duree_par_mois, x="mois", y="duree_sejour", color="groupe", markers=True,
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
### BEGIN SOLUTION
reponse_hypothese = "b"
### END SOLUTION
reponse_hypothese

# %% kit={"competences": ["evaluation-impact"], "reponses": ["reponse_hypothese"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(reponse_hypothese in ("a", "b", "c", "d"),
      "La réponse doit être une seule lettre minuscule entre guillemets : \"a\", \"b\", \"c\" ou \"d\".",
      success="✅ Réponse enregistrée : elle sera vérifiée à la correction.")
### BEGIN HIDDEN TESTS
check(reponse_hypothese == "b",
      "Relisez le graphique : la méthode accepte des niveaux différents et une tendance commune.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# Cette hypothèse des **tendances parallèles** ne se démontre pas, mais elle se discute : le
# graphique mois par mois, **avant** le lancement, est votre meilleur argument. La méthode tolère
# que les deux groupes partent de niveaux différents et que les durées baissent avec le temps :
# c'est justement ce qu'elle retire.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : cinq indicateurs pour suivre le programme (2 points)
#
# La durée de séjour ne suffit pas : un programme qui ferait sortir les patients trop tôt
# raccourcirait les séjours... et ferait revenir les patients. Un bon tableau de bord associe des
# **indicateurs de résultat** (ce que le programme veut améliorer) et des **indicateurs
# d'équilibre** (ce qu'il pourrait dégrader). Un indicateur qui décrit la structure de
# l'établissement ou sa patientèle ne mesure pas l'impact du programme.
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
# Choisissez **cinq** indicateurs d'impact et stockez leurs **codes** dans la liste
# `indicateurs_choisis`, entre crochets, chaque code entre guillemets et séparé par une virgule :
# `indicateurs_choisis = ["code_1", "code_2", "code_3", "code_4", "code_5"]`.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
indicateurs_choisis = ["duree_moyenne_sejour", "taux_readmission_30j", "part_sejours_longs",
                       "retours_urgences_7j", "satisfaction_sortie"]
### END SOLUTION
indicateurs_choisis

# %% kit={"competences": ["pilotage"], "reponses": ["indicateurs_choisis"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
menu = {"duree_moyenne_sejour", "taux_readmission_30j", "part_sejours_longs", "retours_urgences_7j",
        "journees_hospitalisation", "part_sorties_domicile", "satisfaction_sortie", "nombre_lits",
        "part_femmes", "age_moyen_patients", "nombre_etablissements_ght"}
check(isinstance(indicateurs_choisis, list) and len(set(indicateurs_choisis)) == 5,
      "Il faut une liste de cinq codes différents, entre crochets : [\"code_1\", \"code_2\", ...].",
      success=None)
inconnus = [code for code in indicateurs_choisis if code not in menu]
check(not inconnus, f"Ces codes ne sont pas dans le menu : {inconnus} ; recopiez-les exactement.",
      success="✅ Réponse enregistrée : le choix des indicateurs sera vérifié à la correction.")
### BEGIN HIDDEN TESTS
check(set(indicateurs_choisis) <= {"duree_moyenne_sejour", "taux_readmission_30j", "part_sejours_longs",
                                   "retours_urgences_7j", "journees_hospitalisation",
                                   "part_sorties_domicile", "satisfaction_sortie"},
      "Au moins un indicateur choisi décrit la structure ou la patientèle, pas l'impact du programme.",
      success=None)
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
#   possible avec les données de ce carnet ;
# - **Responsables** : qui pilote chaque action (une fonction, pas un nom).
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
#   créez `sejours_etudies["long"] = sejours_etudies["duree_sejour"] > 7`, puis un `pivot_table`
#   avec `values="long"` et `aggfunc="mean"`.
# - Un **test placebo** : ne gardez que les séjours d'avant le lancement, faites comme si le
#   programme avait démarré neuf mois plus tôt, et recalculez la différence de différences. Elle
#   devrait être proche de zéro ; sinon, les tendances n'étaient pas parallèles.
# - Lissez les courbes en remplaçant `.to_period("M")` par `.to_period("Q")` (trimestres).
# - Comparez la catégorie des établissements des deux groupes
#   (`etablissements.groupby(dans_le_programme)["categorie"].value_counts()`) : le groupe témoin
#   ressemble-t-il au groupe du programme ?

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Délimitez d'abord la population concernée par l'intervention (ici les séjours d'au moins une
#   nuit, hors décès), puis comparez des périodes identiques.
# - Un **avant/après** mélange l'effet de l'intervention et tout ce qui a changé en même temps
#   (la tendance de fond) : il peut fortement surestimer ou sous-estimer l'effet.
# - La **différence de différences** retire l'évolution observée dans un groupe témoin :
#   (programme après − programme avant) − (autres après − autres avant). Elle suppose que, sans
#   l'intervention, les deux groupes auraient évolué de la même façon.
# - `pivot_table(index=..., columns=..., values=..., aggfunc="mean")` construit le tableau des
#   moyennes ; `groupby(...).mean().reset_index()` prépare les données d'un graphique.
# - Un graphique mois par mois, avec la date de l'intervention, montre la tendance et le décrochage.
# - Un tableau de bord d'impact associe des indicateurs de résultat et des indicateurs d'équilibre
#   (réadmissions, retours aux urgences), chacun avec un responsable.
