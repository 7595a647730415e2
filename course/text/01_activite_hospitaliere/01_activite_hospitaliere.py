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
# Chaque question se termine par une cellule de vérification : exécutez-la, elle vous dit
# « ✅ Bonne réponse » ou vous donne un indice.

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

from participant.data import load_reference, load_table
from participant.checks import check

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
# `racine` (les 5 premiers caractères).
#
# Indice : `sejours["cmd"] = sejours["ghm"].str[:2]` crée la première colonne ; faites de même
# pour la seconde avec `.str[:5]`.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours["cmd"] = sejours["ghm"].str[:2]
sejours["racine"] = sejours["ghm"].str[:5]
### END SOLUTION
sejours[["ghm", "cmd", "racine"]].head()

# %% kit={"competences": ["nomenclatures"], "reponses": ["sejours"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check({"cmd", "racine"} <= set(sejours.columns),
      "La table sejours doit avoir deux nouvelles colonnes, cmd et racine ; "
      "indice : sejours[\"cmd\"] = sejours[\"ghm\"].str[:2].", success=None)
check((sejours["cmd"].dropna().str.len() == 2).all() and (sejours["racine"].dropna().str.len() == 5).all(),
      "La colonne cmd doit contenir 2 caractères (par exemple \"06\") et la colonne racine 5 "
      "(par exemple \"06C09\").")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES)
check(len(sejours) == len(reference), "La table sejours ne doit ni perdre ni gagner de lignes.", success=None)
check(sejours["cmd"].value_counts().to_dict() == reference["ghm"].str[:2].value_counts().to_dict(),
      "La colonne cmd ne contient pas les 2 premiers caractères du GHM.", success=None)
check(sejours["racine"].value_counts().to_dict() == reference["ghm"].str[:5].value_counts().to_dict(),
      "La colonne racine ne contient pas les 5 premiers caractères du GHM.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## Le case-mix par CMD
#
# Le **case-mix** (ou éventail des cas) est la répartition des séjours entre les différentes prises
# en charge : c'est la carte d'identité de l'activité d'un hôpital, ou ici de tout un territoire.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : quelle part des séjours dans chaque CMD ? (2 points)
#
# Calculez le **pourcentage** de séjours de chaque CMD et stockez-le dans `part_cmd`.
#
# Indice : `sejours["cmd"].value_counts(normalize=True)` donne des proportions (entre 0 et 1) au lieu
# des effectifs ; multipliez-les par 100 pour obtenir des pourcentages.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
part_cmd = sejours["cmd"].value_counts(normalize=True) * 100
### END SOLUTION
part_cmd.round(1)

# %% kit={"competences": ["nomenclatures", "indicateurs-activite"], "reponses": ["part_cmd"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(part_cmd, pd.Series),
      "Le résultat doit être une série pandas ; indice : sejours[\"cmd\"].value_counts(normalize=True) * 100.",
      success=None)
check(abs(part_cmd.sum() - 100) < 0.1,
      f"Les pourcentages de toutes les CMD devraient faire 100 au total, pas {part_cmd.sum():.2f} ; "
      "avez-vous utilisé normalize=True et multiplié par 100 ?")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES)
attendu = reference["ghm"].str[:2].value_counts(normalize=True) * 100
check(set(part_cmd.index) == set(attendu.index), "Les CMD ne sont pas l'index du résultat.", success=None)
check(all(abs(part_cmd[cmd] - attendu[cmd]) < 0.01 for cmd in attendu.index),
      "Ce ne sont pas les pourcentages de séjours par CMD.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Les codes seuls parlent peu : la cellule suivante leur associe le nom de chaque CMD (un
# dictionnaire Python, `{code: nom}`, que `.map(...)` applique à la colonne), puis trace le
# case-mix. Passez la souris sur les barres pour lire les pourcentages.

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
tableau_cmd = part_cmd.round(1).rename("pourcentage").reset_index()
tableau_cmd["libelle"] = tableau_cmd["cmd"].map(libelles_cmd)
figure = px.bar(tableau_cmd, x="pourcentage", y="libelle", orientation="h",
                labels={"pourcentage": "Part des séjours (%)", "libelle": "CMD"},
                title="Case-mix : part des séjours dans chaque CMD")
figure.update_yaxes(categoryorder="total ascending")
figure.show()

# %% [markdown]
# Deux CMD demandent une lecture attentive :
#
# - la **CMD 28** regroupe les **séances** (dialyse, chimiothérapie) : un patient dialysé en compte
#   plus de cent par an, toujours sans nuit à l'hôpital ; elles pèsent lourd en nombre de séjours,
#   beaucoup moins en journées ;
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
# `sejours.merge(racines, on="racine")` renvoie la table des séjours, avec en plus la colonne
# `libelle_racine`.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : les 10 racines les plus fréquentes (2 points)
#
# Créez `top_racines` : le nombre de séjours des 10 racines de GHM les plus fréquentes, désignées
# par leur **libellé**. Trois étapes :
#
# 1. `sejours_libelles = sejours.merge(racines, on="racine")` ajoute le libellé à chaque séjour ;
# 2. `.value_counts()` appliqué à la colonne `libelle_racine` de `sejours_libelles` compte les
#    séjours de chaque racine, de la plus fréquente à la moins fréquente ;
# 3. `.head(10)` garde les 10 premières lignes.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours_libelles = sejours.merge(racines, on="racine")
top_racines = sejours_libelles["libelle_racine"].value_counts().head(10)
### END SOLUTION
top_racines

# %% kit={"competences": ["nomenclatures"], "reponses": ["racines", "sejours", "top_racines"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(top_racines, pd.Series),
      "Le résultat doit être une série pandas ; indice : sejours_libelles[\"libelle_racine\"].value_counts().head(10).",
      success=None)
check(len(top_racines) == min(10, sejours["racine"].nunique()),
      f"Le résultat a {len(top_racines)} lignes au lieu de 10 ; avez-vous ajouté .head(10) ?", success=None)
check(set(top_racines.index) <= set(racines["libelle_racine"]),
      "L'index doit contenir les libellés des racines (par exemple \"Hémodialyse\"), pas les codes ; "
      "comptez sur la colonne libelle_racine.")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES)
nomenclature = load_reference("ghm")
libelles = dict(zip(nomenclature["racine"], nomenclature["libelle"].str.rsplit(", ", n=1).str[0]))
attendu = reference["ghm"].str[:5].map(libelles).value_counts()
check(list(top_racines.sort_values(ascending=False)) == list(attendu.head(10)),
      "Ce ne sont pas les effectifs des 10 racines les plus fréquentes.", success=None)
check(all(top_racines[libelle] == attendu.get(libelle) for libelle in top_racines.index),
      "Un libellé n'a pas le bon nombre de séjours.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## La durée moyenne de séjour (DMS)
#
# La colonne `duree_sejour` compte les **nuits** passées à l'hôpital ; 0 veut dire que le patient
# est sorti le jour même (séjour ambulatoire ou séance). Le graphique suivant montre combien de
# séjours durent 0, 1, 2... nuits (les séjours de 30 nuits ou plus sont regroupés à 30) : la barre
# des séjours sans nuit écrase souvent les autres.

# %%
repartition = sejours["duree_sejour"].clip(upper=30).value_counts().sort_index()
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
# Calculez deux nombres :
#
# - `dms_tous_sejours` : la moyenne de `duree_sejour` sur tous les séjours ;
# - `dms_hospitalisation_complete` : la moyenne de `duree_sejour` sur les seuls séjours d'au moins
#   une nuit.
#
# Indice : `sejours[sejours["duree_sejour"] > 0]` est un **filtre** : il ne garde que les lignes où
# la condition est vraie. Stockez-le par exemple dans `hospitalisation_complete`, puis prenez la
# moyenne (`.mean()`) de sa colonne `duree_sejour`.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
dms_tous_sejours = sejours["duree_sejour"].mean()
hospitalisation_complete = sejours[sejours["duree_sejour"] > 0]
dms_hospitalisation_complete = hospitalisation_complete["duree_sejour"].mean()
### END SOLUTION
print(f"DMS, tous séjours : {dms_tous_sejours:.2f} nuits")
print(f"DMS en hospitalisation complète : {dms_hospitalisation_complete:.2f} nuits")

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["dms_hospitalisation_complete", "dms_tous_sejours"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(0 < dms_tous_sejours < 60 and 0 < dms_hospitalisation_complete < 60,
      "Une DMS se compte en nuits, entre 0 et quelques dizaines ; utilisez .mean() sur la colonne duree_sejour.",
      success=None)
check(dms_hospitalisation_complete > dms_tous_sejours,
      "Sans les séjours de 0 nuit, la DMS doit être plus élevée ; "
      "indice : sejours[sejours[\"duree_sejour\"] > 0][\"duree_sejour\"].mean().")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES)
check(abs(dms_tous_sejours - reference["duree_sejour"].mean()) < 0.01,
      "dms_tous_sejours n'est pas la moyenne de duree_sejour sur tous les séjours.", success=None)
attendu = reference.loc[reference["duree_sejour"] > 0, "duree_sejour"].mean()
check(abs(dms_hospitalisation_complete - attendu) < 0.01,
      "dms_hospitalisation_complete n'est pas la moyenne sur les séjours d'au moins une nuit.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## Relier les séjours aux établissements
#
# La table `sejours` ne dit pas si un séjour a eu lieu dans un CHU ou dans une clinique : cette
# information est dans la table `etablissements`, une ligne par établissement. Les deux tables
# partagent la colonne `finess`, le numéro d'identification de l'établissement.

# %%
etablissements[["finess", "nom", "categorie", "departement", "lits"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : ajouter l'établissement à chaque séjour (1 point)
#
# Reliez `sejours` et `etablissements` par la colonne `finess` avec `merge`, comme à la question 3,
# et stockez le résultat dans `sejours_etab`. Chaque séjour y gagne les colonnes de son
# établissement (`categorie`, `departement`, `nom`...).

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejours_etab = sejours.merge(etablissements, on="finess")
### END SOLUTION
sejours_etab[["sejour_id", "finess", "nom", "categorie", "duree_sejour"]].head()

# %% kit={"competences": ["charger-decrire"], "reponses": ["sejours", "sejours_etab"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(isinstance(sejours_etab, pd.DataFrame) and "categorie" in sejours_etab.columns,
      "sejours_etab doit être une table avec la colonne categorie ; "
      "indice : sejours.merge(etablissements, on=\"finess\").", success=None)
check(len(sejours_etab) == len(sejours),
      "Chaque séjour doit garder exactement une ligne : reliez sejours (à gauche) et etablissements "
      "par la colonne finess.")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES).merge(load_table("etablissements", DONNEES), on="finess")
check(len(sejours_etab) == len(reference), "Le nombre de lignes ne correspond pas.", success=None)
check(sejours_etab["categorie"].value_counts().to_dict() == reference["categorie"].value_counts().to_dict(),
      "Les catégories d'établissement ne correspondent pas aux séjours.", success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : la DMS par catégorie d'établissement (2 points)
#
# Calculez `dms_par_categorie` : la DMS en **hospitalisation complète** (séjours d'au moins une
# nuit) de chaque catégorie d'établissement (CHU, CH, ESPIC, clinique privée).
#
# Indice : filtrez d'abord `sejours_etab` comme à la question 4, puis utilisez
# `.groupby("categorie")["duree_sejour"].mean()`. `groupby` range les lignes en groupes, ici un
# par catégorie, et calcule la moyenne dans chacun.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
complet_etab = sejours_etab[sejours_etab["duree_sejour"] > 0]
dms_par_categorie = complet_etab.groupby("categorie")["duree_sejour"].mean()
### END SOLUTION
dms_par_categorie.round(2)

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["dms_par_categorie"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(dms_par_categorie, pd.Series),
      "Le résultat doit être une série pandas ; indice : ....groupby(\"categorie\")[\"duree_sejour\"].mean().",
      success=None)
check(set(dms_par_categorie.index) <= {"CHU", "CH", "ESPIC", "clinique privée"} and len(dms_par_categorie) > 0,
      "L'index doit contenir les catégories d'établissement ; regroupez avec groupby(\"categorie\").",
      success=None)
check((dms_par_categorie >= 1).all(),
      "En hospitalisation complète, chaque séjour dure au moins une nuit : la DMS ne peut pas être "
      "inférieure à 1 ; avez-vous gardé les seuls séjours où duree_sejour > 0 ?")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES).merge(load_table("etablissements", DONNEES), on="finess")
attendu = reference[reference["duree_sejour"] > 0].groupby("categorie")["duree_sejour"].mean()
check(set(dms_par_categorie.index) == set(attendu.index), "Il manque une catégorie.", success=None)
check(all(abs(dms_par_categorie[c] - attendu[c]) < 0.01 for c in attendu.index),
      "Ce ne sont pas les DMS en hospitalisation complète par catégorie.", success=None)
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
# La cellule suivante garde les séjours hors séances et leur ajoute une colonne `ambulatoire`,
# Vrai pour un séjour sans nuit, Faux sinon. Exécutez-la.

# %%
hors_seances = sejours_etab[sejours_etab["cmd"] != "28"].copy()
hors_seances["ambulatoire"] = hors_seances["duree_sejour"] == 0
print(f"Taux d'ambulatoire hors séances : {hors_seances['ambulatoire'].mean() * 100:.1f} %")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : le taux d'ambulatoire par catégorie d'établissement (2 points)
#
# Calculez `taux_ambulatoire_categorie` : le **pourcentage** de séjours ambulatoires (hors séances)
# dans chaque catégorie d'établissement.
#
# Indice : comme au carnet 00, la moyenne d'une colonne de Vrai/Faux est une proportion ;
# `hors_seances.groupby("categorie")["ambulatoire"].mean()` donne donc la proportion de chaque
# catégorie. Multipliez par 100.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
taux_ambulatoire_categorie = hors_seances.groupby("categorie")["ambulatoire"].mean() * 100
### END SOLUTION
taux_ambulatoire_categorie.round(1)

# %% kit={"competences": ["indicateurs-activite"], "reponses": ["taux_ambulatoire_categorie"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(taux_ambulatoire_categorie, pd.Series),
      "Le résultat doit être une série pandas ; indice : hors_seances.groupby(\"categorie\")[\"ambulatoire\"].mean() * 100.",
      success=None)
check(set(taux_ambulatoire_categorie.index) <= {"CHU", "CH", "ESPIC", "clinique privée"}
      and len(taux_ambulatoire_categorie) > 0,
      "L'index doit contenir les catégories d'établissement ; regroupez avec groupby(\"categorie\").",
      success=None)
check(taux_ambulatoire_categorie.between(0, 100).all() and taux_ambulatoire_categorie.max() > 1,
      "Des pourcentages sont attendus, entre 0 et 100 : avez-vous multiplié la proportion par 100 ?")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES).merge(load_table("etablissements", DONNEES), on="finess")
reference = reference[reference["ghm"].str[:2] != "28"]
attendu = (reference["duree_sejour"] == 0).groupby(reference["categorie"]).mean() * 100
check(set(taux_ambulatoire_categorie.index) == set(attendu.index), "Il manque une catégorie.", success=None)
check(all(abs(taux_ambulatoire_categorie[c] - attendu[c]) < 0.01 for c in attendu.index),
      "Ce ne sont pas les pourcentages de séjours sans nuit, hors séances, par catégorie.", success=None)
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
activite_departements = sejours_etab.groupby("departement").size().reset_index(name="sejours")
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
# - `hover_name="nom"` : le nom du département s'affiche au survol ;
# - `title="..."` : un titre en français, qui dit ce que montre la carte.
#
# La suite de la cellule est déjà écrite : elle garde les proportions de la France
# (`scaleanchor`) et affiche la carte.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
carte = px.scatter(metropole, x="longitude", y="latitude", size="sejours", hover_name="nom",
                   labels={"longitude": "Longitude", "latitude": "Latitude", "sejours": "Séjours"},
                   title="Séjours MCO selon le département de l'établissement")
### END SOLUTION
carte.update_yaxes(scaleanchor="x", scaleratio=1.45)
carte.show()

# %% kit={"competences": ["visualiser"], "reponses": ["carte", "metropole"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
import plotly.graph_objects as go

check(isinstance(carte, go.Figure),
      "carte doit être une figure plotly ; indice : carte = px.scatter(metropole, x=\"longitude\", ...).",
      success=None)
check(sum(len(trace.x) for trace in carte.data) == len(metropole),
      "La carte doit avoir un point par département de la table metropole : px.scatter(metropole, ...).",
      success=None)
check(bool(carte.layout.title.text),
      "Donnez un titre en français à la carte, avec title=\"...\" dans px.scatter.")
### BEGIN HIDDEN TESTS
reference = load_table("sejours", DONNEES).merge(load_table("etablissements", DONNEES), on="finess")
reference = reference.groupby("departement").size()
reference = reference[reference.index.isin(load_reference("departements")["code"]) & (reference.index.str.len() == 2)]
nomenclature = load_reference("departements").set_index("code")
check(all(trace.marker.size is not None for trace in carte.data),
      "La taille des points doit suivre le nombre de séjours : size=\"sejours\".", success=None)
tailles = sorted(int(taille) for trace in carte.data for taille in trace.marker.size)
check(tailles == sorted(reference.tolist()), "La taille des points ne suit pas le nombre de séjours.", success=None)
longitudes = sorted(float(x) for trace in carte.data for x in trace.x)
attendu = sorted(nomenclature.loc[reference.index, "longitude"].tolist())
check(len(longitudes) == len(attendu) and all(abs(a - b) < 1e-6 for a, b in zip(longitudes, attendu)),
      "L'axe horizontal doit être la longitude des préfectures (x=\"longitude\").", success=None)
latitudes = sorted(float(y) for trace in carte.data for y in trace.y)
attendu = sorted(nomenclature.loc[reference.index, "latitude"].tolist())
check(all(abs(a - b) < 1e-6 for a, b in zip(latitudes, attendu)),
      "L'axe vertical doit être la latitude des préfectures (y=\"latitude\").", success=None)
### END HIDDEN TESTS

# %% [markdown]
# **Ce qu'y lit un directeur d'hôpital.** La carte montre où se concentre l'activité MCO : les
# grandes métropoles, avec leur CHU et de nombreux établissements, forment les plus gros points ;
# c'est là que se trouvent à la fois les partenaires d'un groupement et les concurrents. Deux
# précautions : la taille des points suit d'abord la population du département, et la carte place
# les séjours là où se trouve l'**établissement**, pas là où vit le patient. Dans la réalité, un
# gros point peut donc traduire l'attractivité d'un établissement pour les départements voisins, un
# petit point des habitants qui vont se faire soigner ailleurs (dans ce jeu synthétique, chaque
# patient est hospitalisé dans son département de résidence).

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
#   `complet_etab.groupby(["racine", "categorie"])["duree_sejour"].mean().unstack()`.
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
