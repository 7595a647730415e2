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
# Chaque question se termine par une cellule de vérification : exécutez-la, elle vous dit
# « ✅ Bonne réponse » ou vous donne un indice.

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

from participant.data import load_reference, load_table
from participant.checks import check

sejours = load_table("sejours", DONNEES)
diagnostics = load_table("diagnostics", DONNEES)
urgences = load_table("urgences", DONNEES)
print(len(sejours), "séjours,", len(diagnostics), "diagnostics associés,", len(urgences), "passages aux urgences")

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
# - `E10` à `E14` regroupent les **diabètes** (`E11` : diabète de type 2, `E11.9` : sans complication).
#
# La cellule suivante affiche les libellés de ces codes dans la table de référence du kit.

# %%
cim10 = load_reference("cim10")
cim10[cim10["code"].str.startswith(("I50", "E10", "E11", "E12", "E13", "E14"))]

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : les séjours pour insuffisance cardiaque (1 point)
#
# Sélectionnez les séjours dont le **diagnostic principal** commence par `I50`, et stockez-les
# (toutes les colonnes) dans la variable `sejours_dp_ic`.
#
# Indice : `sejours["diagnostic_principal"].str.startswith("I50")` donne une colonne de
# Vrai/Faux ; `sejours[...]` garde les lignes où elle vaut Vrai.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours_dp_ic = sejours[sejours["diagnostic_principal"].str.startswith("I50")]
### END SOLUTION
sejours_dp_ic.head()

# %% kit={"competences": ["nomenclatures"], "reponses": ["sejours_dp_ic"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(isinstance(sejours_dp_ic, pd.DataFrame) and len(sejours_dp_ic) > 0,
      "Le résultat doit être une table non vide : sejours[ ...condition... ].", success=None)
check(sejours_dp_ic["diagnostic_principal"].str.startswith("I50").all(),
      "Certains séjours gardés n'ont pas un diagnostic principal commençant par I50.")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES)
attendu = set(reference.loc[reference["diagnostic_principal"].str.startswith("I50"), "sejour_id"])
check(set(sejours_dp_ic["sejour_id"]) == attendu,
      "Il manque des séjours dont le diagnostic principal commence par I50.", success=None)
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
# Construisez `patients_ic`, la liste **sans doublon** des `patient_id` ayant au moins un séjour
# avec un code `I50` en diagnostic principal ou associé. Trois étapes :
#
# 1. les identifiants des séjours ayant un diagnostic associé `I50` :
#    `diagnostics.loc[diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]` ;
# 2. une colonne de Vrai/Faux : le DP commence par `I50` **ou** (`|`) le séjour fait partie de la
#    liste de l'étape 1 (`sejours["sejour_id"].isin(...)`) ;
# 3. les patients de ces séjours, sans doublon : `sejours.loc[condition, "patient_id"].unique()`.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours_das_ic = diagnostics.loc[diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
condition_ic = (sejours["diagnostic_principal"].str.startswith("I50")
                | sejours["sejour_id"].isin(sejours_das_ic))
patients_ic = sejours.loc[condition_ic, "patient_id"].unique()
### END SOLUTION
len(patients_ic)

# %% kit={"competences": ["nomenclatures", "parcours"], "reponses": ["patients_ic", "sejours_dp_ic"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(len(patients_ic) > 0, "La cohorte est vide : vérifiez la condition sur le code I50.", success=None)
check(len(set(patients_ic)) == len(patients_ic),
      "Un patient apparaît plusieurs fois : ajoutez .unique() à la fin.", success=None)
check(set(sejours_dp_ic["patient_id"]) <= set(patients_ic),
      "Il manque des patients qui ont un I50 en diagnostic principal : avez-vous gardé les deux "
      "conditions, reliées par | ?", success=None)
check(len(patients_ic) > sejours_dp_ic["patient_id"].nunique(),
      "Vous n'avez que les patients avec un I50 en diagnostic principal : ajoutez ceux dont un "
      "séjour a un I50 en diagnostic associé (table diagnostics).")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES)
ref_diagnostics = load_table("diagnostics", DONNEES)
das = ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
garde = ref_sejours["diagnostic_principal"].str.startswith("I50") | ref_sejours["sejour_id"].isin(das)
check(set(patients_ic) == set(ref_sejours.loc[garde, "patient_id"]),
      "Ce n'est pas la liste des patients ayant un I50 en diagnostic principal ou associé.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# Comparez les deux effectifs : combien de patients la prise en compte des diagnostics associés
# a-t-elle ajoutés ?

# %%
print("Patients avec un I50 en diagnostic principal :", sejours_dp_ic["patient_id"].nunique())
print("Patients avec un I50 en diagnostic principal ou associé :", len(patients_ic))

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : la cohorte des diabétiques (1 point)
#
# Faites de même pour le diabète : construisez `patients_diabete`, la liste sans doublon des
# patients ayant au moins un séjour avec un code `E10`, `E11`, `E12`, `E13` ou `E14` en diagnostic
# principal ou associé.
#
# Indice : plusieurs codes possibles, donc on compare les **trois premiers caractères** du code à
# une liste : `colonne.str[:3].isin(codes_diabete)`, avec
# `codes_diabete = ["E10", "E11", "E12", "E13", "E14"]`.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
codes_diabete = ["E10", "E11", "E12", "E13", "E14"]
sejours_das_diabete = diagnostics.loc[diagnostics["code_cim10"].str[:3].isin(codes_diabete), "sejour_id"]
condition_diabete = (sejours["diagnostic_principal"].str[:3].isin(codes_diabete)
                     | sejours["sejour_id"].isin(sejours_das_diabete))
patients_diabete = sejours.loc[condition_diabete, "patient_id"].unique()
### END SOLUTION
len(patients_diabete)

# %% kit={"competences": ["nomenclatures"], "reponses": ["patients_diabete"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(len(patients_diabete) > 0, "La cohorte est vide : vérifiez la liste des codes E10 à E14.",
      success=None)
check(len(set(patients_diabete)) == len(patients_diabete),
      "Un patient apparaît plusieurs fois : ajoutez .unique() à la fin.")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES)
ref_diagnostics = load_table("diagnostics", DONNEES)
codes = ["E10", "E11", "E12", "E13", "E14"]
das = ref_diagnostics.loc[ref_diagnostics["code_cim10"].str[:3].isin(codes), "sejour_id"]
garde = ref_sejours["diagnostic_principal"].str[:3].isin(codes) | ref_sejours["sejour_id"].isin(das)
check(set(patients_diabete) == set(ref_sejours.loc[garde, "patient_id"]),
      "Ce n'est pas la liste des patients ayant un code E10 à E14 en diagnostic principal ou associé.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# Réunissons les deux cohortes en une seule, celle des **patients chroniques**. Un `set` est un
# ensemble sans doublon ; l'opérateur `|` en fait la réunion (un patient à la fois diabétique et
# insuffisant cardiaque n'est compté qu'une fois).

# %%
patients_chroniques = set(patients_ic) | set(patients_diabete)
print("Insuffisants cardiaques :", len(patients_ic))
print("Diabétiques :", len(patients_diabete))
print("Les deux à la fois :", len(set(patients_ic) & set(patients_diabete)))
print("Patients chroniques (au moins l'un des deux) :", len(patients_chroniques))

# %% [markdown]
# ### Le parcours d'un patient
#
# Avant de calculer des indicateurs, regardons un parcours concret : celui du patient
# insuffisant cardiaque qui est passé le plus souvent aux urgences. Ses hospitalisations, dans
# l'ordre chronologique :

# %%
exemple = urgences.loc[urgences["patient_id"].isin(patients_ic), "patient_id"].value_counts().index[0]
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
# Un séjour est une **réhospitalisation à 30 jours** quand il commence dans les 30 jours qui
# suivent la sortie du **séjour précédent du même patient**. C'est un indicateur suivi de près :
# une réhospitalisation précoce signale souvent une sortie mal préparée ou un suivi insuffisant.
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
# dernier séjour du patient précédent !

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
parcours = sejours_hors_seances.sort_values(["patient_id", "date_entree"])
parcours["sortie_precedente"] = parcours.groupby("patient_id")["date_sortie"].shift()
### END SOLUTION
parcours[["patient_id", "date_entree", "date_sortie", "sortie_precedente"]].head()

# %% kit={"competences": ["parcours"], "reponses": ["parcours"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(parcours, pd.DataFrame) and "sortie_precedente" in parcours.columns,
      "parcours doit être une table avec une colonne sortie_precedente.", success=None)
check(not parcours["ghm"].str.startswith("28").any(),
      "parcours contient des séances : partez de sejours_hors_seances.", success=None)
check(parcours["sortie_precedente"].isna().sum() == parcours["patient_id"].nunique(),
      "Chaque patient devrait avoir exactement un séjour sans précédent (son premier) : avez-vous "
      "trié par patient puis date d'entrée, et utilisé groupby(\"patient_id\") avant shift() ?")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES)
reference = reference[~reference["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
attendu = reference.groupby("patient_id")["date_sortie"].shift()
attendu.index = reference["sejour_id"]
obtenu = parcours.set_index("sejour_id")["sortie_precedente"].reindex(attendu.index)
identiques = (obtenu == attendu) | (obtenu.isna() & attendu.isna())
check(len(parcours) == len(reference) and identiques.mean() > 0.999,
      "La date de sortie précédente ne correspond pas à celle du séjour précédent du même patient.",
      success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : le taux de réhospitalisation à 30 jours (2 points)
#
# Dans `parcours` :
#
# 1. ajoutez une colonne `delai_jours` : le nombre de jours entre la sortie précédente et l'entrée,
#    `(parcours["date_entree"] - parcours["sortie_precedente"]).dt.days` ;
# 2. ajoutez une colonne `rehospitalisation` qui vaut Vrai quand ce délai est inférieur ou égal
#    à 30 jours : `parcours["delai_jours"] <= 30` (un premier séjour, sans délai, vaut Faux) ;
# 3. stockez dans `taux_rehospitalisation` le **pourcentage** de séjours qui sont des
#    réhospitalisations (un nombre entre 0 et 100).
#
# Indice : comme dans le carnet précédent, la moyenne (`.mean()`) d'une colonne de Vrai/Faux est
# une proportion, qu'il reste à multiplier par 100.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
parcours["delai_jours"] = (parcours["date_entree"] - parcours["sortie_precedente"]).dt.days
parcours["rehospitalisation"] = parcours["delai_jours"] <= 30
taux_rehospitalisation = parcours["rehospitalisation"].mean() * 100
### END SOLUTION
round(float(taux_rehospitalisation), 1)

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["parcours", "taux_rehospitalisation"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check("rehospitalisation" in parcours.columns,
      "Ajoutez d'abord la colonne rehospitalisation à parcours.", success=None)
check(0 <= taux_rehospitalisation <= 100,
      "Un pourcentage est compris entre 0 et 100.", success=None)
check(taux_rehospitalisation > 1,
      "Ce taux est très faible : avez-vous bien multiplié la proportion par 100 ?")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES)
reference = reference[~reference["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
precedente = reference.groupby("patient_id")["date_sortie"].shift()
attendu = ((reference["date_entree"] - precedente).dt.days <= 30).mean() * 100
check(abs(taux_rehospitalisation - attendu) < 0.01,
      "Ce n'est pas le pourcentage de séjours commençant 30 jours ou moins après la sortie précédente.",
      success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : et chez les insuffisants cardiaques ? (2 points)
#
# Calculez le même pourcentage, mais seulement sur les séjours des patients de la cohorte
# `patients_ic`, et stockez-le dans `taux_rehospitalisation_ic`.
#
# Indice : `parcours[parcours["patient_id"].isin(patients_ic)]` garde les séjours de ces patients ;
# prenez ensuite la moyenne de leur colonne `rehospitalisation`, multipliée par 100.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours_ic = parcours[parcours["patient_id"].isin(patients_ic)]
taux_rehospitalisation_ic = sejours_ic["rehospitalisation"].mean() * 100
### END SOLUTION
round(float(taux_rehospitalisation_ic), 1)

# %% kit={"competences": ["indicateurs-activite", "parcours"], "reponses": ["taux_rehospitalisation", "taux_rehospitalisation_ic"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(0 <= taux_rehospitalisation_ic <= 100,
      "Un pourcentage est compris entre 0 et 100.", success=None)
check(taux_rehospitalisation_ic > 1,
      "Ce taux est très faible : avez-vous bien multiplié la proportion par 100 ?", success=None)
check(taux_rehospitalisation_ic != taux_rehospitalisation,
      "Vous avez le taux de tous les séjours : ne gardez que ceux des patients de patients_ic.")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES)
ref_diagnostics = load_table("diagnostics", DONNEES)
das = ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50"), "sejour_id"]
garde = ref_sejours["diagnostic_principal"].str.startswith("I50") | ref_sejours["sejour_id"].isin(das)
cohorte = ref_sejours.loc[garde, "patient_id"].unique()
reference = ref_sejours[~ref_sejours["ghm"].str.startswith("28")].sort_values(["patient_id", "date_entree"])
reference = reference.assign(precedente=reference.groupby("patient_id")["date_sortie"].shift())
reference = reference[reference["patient_id"].isin(cohorte)]
attendu = ((reference["date_entree"] - reference["precedente"]).dt.days <= 30).mean() * 100
check(abs(taux_rehospitalisation_ic - attendu) < 0.01,
      "Ce n'est pas le taux de réhospitalisation des séjours des patients insuffisants cardiaques.",
      success=None)
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
parcours["groupe"] = "Autres patients"
parcours.loc[parcours["patient_id"].isin(patients_diabete), "groupe"] = "Diabète"
parcours.loc[parcours["patient_id"].isin(patients_ic), "groupe"] = "Insuffisance cardiaque"

resume = parcours.groupby("groupe").agg(
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
# Les malades chroniques reviennent plus souvent et plus vite. Deux précautions de lecture :
#
# - sur le petit échantillon, chaque groupe ne compte que quelques dizaines de séjours : un écart
#   de quelques points peut être dû au hasard ;
# - les séjours sortis fin décembre 2024 n'ont pas 30 jours de recul : une réhospitalisation
#   éventuelle, en janvier 2025, n'est pas dans les données.

# %% [markdown]
# ## 3. Des urgences à l'hospitalisation
#
# Le passage aux urgences est souvent la porte d'entrée du parcours. Commençons par comparer la
# part des passages suivis d'une hospitalisation (ceux dont `sejour_id` est rempli, `.notna()`)
# chez les patients chroniques et chez les autres.

# %%
urgences["hospitalise"] = urgences["sejour_id"].notna()
urgences["patient_chronique"] = urgences["patient_id"].isin(patients_chroniques)
(urgences.groupby("patient_chronique")["hospitalise"].mean() * 100).round(1)

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
#    ignore les valeurs vides).

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
passages_suivis = pd.merge_asof(passages_domicile, sejours_dates,
                                left_on="date_passage", right_on="date_entree",
                                by="patient_id", direction="forward")
passages_suivis["delai_jours"] = (passages_suivis["date_entree"] - passages_suivis["date_passage"]).dt.days
delai_median_urgences_sejour = passages_suivis["delai_jours"].median()
### END SOLUTION
float(delai_median_urgences_sejour)

# %% kit={"competences": ["parcours", "indicateurs-activite"], "reponses": ["delai_median_urgences_sejour"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(pd.api.types.is_number(delai_median_urgences_sejour) and delai_median_urgences_sejour == delai_median_urgences_sejour,
      "Le résultat doit être un nombre de jours : la médiane de la colonne delai_jours.", success=None)
check(delai_median_urgences_sejour >= 0,
      "Un délai entre un passage et le séjour qui le suit ne peut pas être négatif : avez-vous "
      "calculé date_entree - date_passage, avec direction=\"forward\" ?")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES)
ref_diagnostics = load_table("diagnostics", DONNEES)
ref_urgences = load_table("urgences", DONNEES)
codes = ["E10", "E11", "E12", "E13", "E14"]
das = ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50")
                          | ref_diagnostics["code_cim10"].str[:3].isin(codes), "sejour_id"]
garde = (ref_sejours["diagnostic_principal"].str.startswith("I50")
         | ref_sejours["diagnostic_principal"].str[:3].isin(codes) | ref_sejours["sejour_id"].isin(das))
cohorte = ref_sejours.loc[garde, "patient_id"].unique()
ref_passages = ref_urgences[ref_urgences["patient_id"].isin(cohorte) & (ref_urgences["mode_sortie"] == "8")]
ref_passages = ref_passages.assign(date_passage=ref_passages["date_heure_arrivee"].dt.normalize())
ref_dates = ref_sejours.loc[~ref_sejours["ghm"].str.startswith("28"), ["patient_id", "date_entree"]]
ref_suivis = pd.merge_asof(ref_passages.sort_values("date_passage"), ref_dates.sort_values("date_entree"),
                           left_on="date_passage", right_on="date_entree", by="patient_id", direction="forward")
attendu = (ref_suivis["date_entree"] - ref_suivis["date_passage"]).dt.days.median()
check(abs(delai_median_urgences_sejour - attendu) < 0.01,
      "Ce n'est pas le délai médian entre un retour à domicile après les urgences et le séjour suivant.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# La médiane résume mal une distribution très étalée : regardons-la en entier. La barre la plus à
# gauche correspond aux patients hospitalisés dans les jours qui suivent leur retour à domicile.

# %%
part_30_jours = (passages_suivis["delai_jours"] <= 30).mean() * 100
print(f"{part_30_jours:.1f} % de ces passages sont suivis d'une hospitalisation dans les 30 jours")
figure = px.histogram(passages_suivis, x="delai_jours", nbins=36,
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
# La cellule suivante traduit ces codes PMSI en libellés lisibles. `.loc[condition, "colonne"] = ...`
# remplace la valeur seulement sur les lignes où la condition est vraie ; pour le devenir,
# `shift(-1)` décale dans l'autre sens et donne la date d'entrée du séjour **suivant**.

# %%
parcours["entree"] = "Entrée depuis le domicile"
parcours.loc[parcours["provenance"] == "5", "entree"] = "Entrée par les urgences"
parcours.loc[parcours["mode_entree"] == "7", "entree"] = "Entrée par transfert"

parcours["sortie"] = "Retour à domicile"
parcours.loc[parcours["mode_sortie"].isin(["6", "7"]), "sortie"] = "Transfert"
parcours.loc[parcours["destination"] == "2", "sortie"] = "Soins de suite (SSR)"
parcours.loc[parcours["destination"] == "7", "sortie"] = "Établissement médico-social"
parcours.loc[parcours["mode_sortie"] == "9", "sortie"] = "Décès"

parcours["entree_suivante"] = parcours.groupby("patient_id")["date_entree"].shift(-1)
delai_suivant = (parcours["entree_suivante"] - parcours["date_sortie"]).dt.days
parcours["devenir"] = "Pas de réhospitalisation sous 30 jours"
parcours.loc[delai_suivant <= 30, "devenir"] = "Réhospitalisé sous 30 jours"

parcours[["entree", "sortie", "devenir"]].value_counts().head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : le tableau des flux (2 points)
#
# 1. Créez `parcours_chroniques` : les lignes de `parcours` dont le patient fait partie de
#    `patients_chroniques` (avec `.isin(...)`, comme à la question 6).
# 2. Comptez les séjours pour chaque couple (entrée, sortie) et stockez le résultat dans `flux`,
#    une table de trois colonnes `entree`, `sortie` et `nombre`.
#
# Indice : `parcours_chroniques.groupby(["entree", "sortie"]).size()` compte les lignes de chaque
# couple ; `.reset_index(name="nombre")` transforme ce résultat en table et nomme la colonne des
# effectifs.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
parcours_chroniques = parcours[parcours["patient_id"].isin(patients_chroniques)]
flux = parcours_chroniques.groupby(["entree", "sortie"]).size().reset_index(name="nombre")
### END SOLUTION
flux

# %% kit={"competences": ["parcours", "visualiser"], "reponses": ["flux", "parcours", "parcours_chroniques"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(flux, pd.DataFrame) and {"entree", "sortie", "nombre"} <= set(flux.columns),
      "flux doit être une table avec les colonnes entree, sortie et nombre ; "
      "indice : .reset_index(name=\"nombre\").", success=None)
check(flux["nombre"].sum() == len(parcours_chroniques) < len(parcours),
      "La somme des flux doit égaler le nombre de séjours des patients chroniques : "
      "avez-vous filtré parcours sur patients_chroniques, puis compté avec .size() ?")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES)
ref_diagnostics = load_table("diagnostics", DONNEES)
codes = ["E10", "E11", "E12", "E13", "E14"]
das = ref_diagnostics.loc[ref_diagnostics["code_cim10"].str.startswith("I50")
                          | ref_diagnostics["code_cim10"].str[:3].isin(codes), "sejour_id"]
garde = (ref_sejours["diagnostic_principal"].str.startswith("I50")
         | ref_sejours["diagnostic_principal"].str[:3].isin(codes) | ref_sejours["sejour_id"].isin(das))
cohorte = ref_sejours.loc[garde, "patient_id"].unique()
ref = ref_sejours[~ref_sejours["ghm"].str.startswith("28") & ref_sejours["patient_id"].isin(cohorte)].copy()
ref["entree"] = "Entrée depuis le domicile"
ref.loc[ref["provenance"] == "5", "entree"] = "Entrée par les urgences"
ref.loc[ref["mode_entree"] == "7", "entree"] = "Entrée par transfert"
ref["sortie"] = "Retour à domicile"
ref.loc[ref["mode_sortie"].isin(["6", "7"]), "sortie"] = "Transfert"
ref.loc[ref["destination"] == "2", "sortie"] = "Soins de suite (SSR)"
ref.loc[ref["destination"] == "7", "sortie"] = "Établissement médico-social"
ref.loc[ref["mode_sortie"] == "9", "sortie"] = "Décès"
attendu = ref.groupby(["entree", "sortie"]).size().to_dict()
obtenu = flux.groupby(["entree", "sortie"])["nombre"].sum().to_dict()
check(obtenu == attendu, "Les effectifs par couple (entrée, sortie) ne correspondent pas aux séjours "
      "des patients chroniques.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Le tableau `flux` décrit la première moitié du diagramme. La seconde moitié, de la sortie au
# devenir à 30 jours, se compte de la même façon (on écarte les décès, qui terminent le parcours).
# On met ensuite les deux tableaux bout à bout avec `pd.concat`, en nommant `source` l'étape de
# départ de chaque bande et `cible` son étape d'arrivée.

# %%
flux_devenir = (parcours_chroniques[parcours_chroniques["sortie"] != "Décès"]
                .groupby(["sortie", "devenir"]).size().reset_index(name="nombre"))
liens = pd.concat([flux.rename(columns={"entree": "source", "sortie": "cible"}),
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
# **Lire le diagramme.** À gauche, la porte d'entrée : une grande partie des séjours des patients
# chroniques commence aux urgences, donc sans avoir été programmée. Au milieu, la sortie : la
# plupart rentrent à domicile, quelques-uns partent en soins de suite ou décèdent. À droite, la
# bande « Réhospitalisé sous 30 jours » montre d'où viennent les retours précoces : en la
# suivant vers la gauche, on voit quelles sorties les alimentent le plus.

# %% [markdown]
# ## 5. De l'analyse à l'action
#
# Vous êtes membre du comité qui pilote le parcours « insuffisance cardiaque » d'un territoire. Vos
# analyses montrent où les patients chroniques entrent, comment ils sortent et quand ils
# reviennent.

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
# - Écartez les séjours sortis après le 1er décembre 2024, qui n'ont pas 30 jours de recul, et
#   recalculez `taux_rehospitalisation` : l'écart est-il important ?
# - Refaites le diagramme de Sankey pour les seuls insuffisants cardiaques, puis pour les seuls
#   diabétiques : les parcours se ressemblent-ils ?
# - Comparez le taux de réhospitalisation selon la sortie (`parcours.groupby("sortie")["rehospitalisation"].mean()`) :
#   quelle sortie est la plus à risque ?

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
#   c'est la base du calcul des réhospitalisations à 30 jours.
# - `pd.merge_asof(..., by="patient_id", direction="forward")` associe à chaque événement le
#   premier événement qui le suit dans une autre table.
# - Un tableau de flux (`groupby([...]).size()`) résume des parcours ; le diagramme de Sankey les
#   rend lisibles d'un coup d'œil.
# - Un indicateur de parcours se lit avec ses limites : petits effectifs, recul insuffisant en fin
#   de période, et comparaison à un groupe témoin pour évaluer une action.
