# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Télésanté : télésurveillance de l'insuffisance cardiaque
#
# **Durée : 90 minutes.** Domaine du référentiel : **Télésanté** (formation socle au numérique en
# santé).
#
# Un patient insuffisant cardiaque rentre chez lui après une hospitalisation. Chaque matin, il se
# pèse, prend sa tension et son pouls ; les mesures partent vers une équipe de **télésurveillance**.
# Une prise de poids rapide est souvent le premier signe d'une **décompensation** (le cœur ne suffit
# plus, l'eau s'accumule dans le corps) : repérée tôt, elle peut être traitée à domicile, avant qu'il
# faille hospitaliser. Dans ce carnet, vous construisez et évaluez une telle règle d'alerte sur un
# jeu de données **entièrement synthétique** : aucune ligne ne décrit une personne réelle.
#
# À la fin de ce carnet, vous saurez :
#
# - distinguer les quatre pratiques de la télésanté (téléconsultation, téléexpertise,
#   télésurveillance, télésoin) et citer les grandes règles de leur cadre en France ;
# - décrire une activité de télésurveillance : patients suivis, mesures transmises, assiduité ;
# - relier chaque jour de mesure à la décompensation qui le suit, avec `pd.merge_asof` ;
# - programmer une règle d'alerte sur la prise de poids et en mesurer la sensibilité, la
#   spécificité et la charge de travail pour l'équipe ;
# - comparer plusieurs seuils et argumenter un choix entre décompensations manquées et fatigue
#   d'alerte.
#
# Chaque question se termine par une cellule de vérification : exécutez-la, elle vous dit
# « ✅ Bonne réponse » ou vous donne un indice.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée) : la première indique où se
# trouvent les données, la seconde charge les deux tables dont nous aurons besoin :
#
# - `telesurveillance` : une ligne par jour de mesure d'un patient suivi à domicile ;
# - `sejours` : les hospitalisations (une ligne par séjour), dont nous ne gardons que quatre colonnes.
#
# Les deux tables partagent la colonne `patient_id` : c'est elle qui permet de suivre une même
# personne d'une table à l'autre.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd
import plotly.express as px

from participant.data import load_table
from participant.checks import check

telesurveillance = load_table("telesurveillance", DONNEES)
sejours = load_table("sejours", DONNEES,
                     colonnes=["patient_id", "date_entree", "date_sortie", "diagnostic_principal"])
print(f"{len(telesurveillance):,} jours de mesure et {len(sejours):,} séjours chargés".replace(",", " "))

# %% [markdown]
# ## 1. La télésanté en quelques mots
#
# La **télésanté** regroupe les pratiques de soin à distance qui passent par le numérique. On en
# distingue quatre :
#
# | pratique | qui fait quoi | exemple |
# | --- | --- | --- |
# | **téléconsultation** | un professionnel médical (médecin, sage-femme, chirurgien-dentiste) consulte un patient à distance, en vidéo | un suivi de traitement avec son médecin traitant |
# | **téléexpertise** | un professionnel demande l'avis d'un confrère à distance, **sans le patient** | un généraliste envoie la photo d'une lésion à un dermatologue |
# | **télésurveillance** | une équipe interprète à distance des mesures transmises régulièrement par le patient ou par un appareil, et réagit aux alertes | le poids quotidien d'un insuffisant cardiaque |
# | **télésoin** | un pharmacien ou un auxiliaire médical (infirmier, kinésithérapeute, orthophoniste…) réalise un soin à distance | une séance d'orthophonie en vidéo |
#
# Les trois premières relèvent de la **télémédecine**, pratiquée par les professionnels médicaux ;
# le télésoin, créé en 2019, étend le soin à distance aux pharmaciens et aux auxiliaires médicaux.
#
# **Le cadre français, en clair :**
#
# - La téléconsultation (depuis 2018) et la téléexpertise (depuis 2019) sont remboursées par
#   l'Assurance Maladie.
# - La télésurveillance a d'abord été financée à titre d'expérimentation, par le programme
#   **ETAPES** (expérimentations de télémédecine pour l'amélioration des parcours en santé), pour
#   quelques maladies chroniques dont l'insuffisance cardiaque. La loi de financement de la
#   sécurité sociale pour 2022 l'a fait entrer dans le **droit commun** : depuis le 1er juillet
#   2023, à la fin d'ETAPES, elle est remboursée comme les autres soins. Un forfait rémunère
#   l'équipe qui surveille (l'« opérateur de télésurveillance »), un autre l'appareil (un
#   dispositif médical numérique).
# - Le patient est **informé** et donne son **consentement** ; il peut arrêter quand il le souhaite.
# - Les données sont de santé : elles doivent être **hébergées chez un hébergeur certifié HDS**
#   (hébergeur de données de santé) et échangées par des messageries sécurisées.
# - Une alerte n'a de valeur que si quelqu'un la lit : l'équipe doit organiser qui traite les
#   alertes, quand (week-ends compris) et comment elle rappelle le patient.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : quelle pratique de télésanté ? (2 points)
#
# Voici quatre situations :
#
# - **A** : Mme L., 78 ans, insuffisante cardiaque, envoie chaque matin son poids depuis une balance
#   connectée ; une infirmière de l'hôpital lit les alertes et la rappelle si besoin.
# - **B** : un médecin généraliste envoie à un dermatologue la photo d'un grain de beauté pour avoir
#   son avis, sans que le patient soit présent.
# - **C** : une étudiante consulte son médecin traitant en vidéo pour renouveler un traitement.
# - **D** : une orthophoniste fait une séance de rééducation en vidéo avec un enfant.
#
# Complétez le dictionnaire `actes` : à chaque lettre, associez **l'un des quatre mots**
# `"téléconsultation"`, `"téléexpertise"`, `"télésurveillance"` ou `"télésoin"` (copiez-les
# avec leurs accents). Un dictionnaire s'écrit entre accolades : `{"A": "...", "B": "...", ...}`.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
actes = {"A": "télésurveillance", "B": "téléexpertise", "C": "téléconsultation", "D": "télésoin"}
### END SOLUTION
actes

# %% kit={"competences": ["teleconsultation", "telesurveillance"], "reponses": ["actes"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
pratiques = {"téléconsultation", "téléexpertise", "télésurveillance", "télésoin"}
check(isinstance(actes, dict) and set(actes) == {"A", "B", "C", "D"},
      "actes doit être un dictionnaire avec exactement les clés \"A\", \"B\", \"C\" et \"D\".",
      success=None)
check(set(actes.values()) <= pratiques,
      "Chaque réponse doit être l'un des quatre mots téléconsultation, téléexpertise, "
      "télésurveillance ou télésoin, écrit exactement (en minuscules, avec les accents).")
### BEGIN HIDDEN TESTS
check(actes == {"A": "télésurveillance", "B": "téléexpertise", "C": "téléconsultation", "D": "télésoin"},
      "Au moins une situation est mal classée : qui agit, et le patient est-il présent ?", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## 2. Explorer la table de télésurveillance
#
# Chaque ligne de `telesurveillance` est **un jour de mesure d'un patient** : son poids
# (`poids_kg`), sa pression artérielle (`pression_systolique`, `pression_diastolique`, en mmHg) et
# sa fréquence cardiaque au repos (`frequence_cardiaque`, en battements par minute). Le suivi
# commence au retour à domicile après le premier séjour pour insuffisance cardiaque et dure au
# plus 6 mois. Il n'y a pas de ligne les jours d'hospitalisation, ni les jours où le patient n'a
# rien envoyé.

# %%
telesurveillance.head()

# %% [markdown]
# `.describe()` résume chaque colonne numérique : nombre de valeurs (`count`), moyenne (`mean`),
# écart-type (`std`), minimum, quartiles et maximum.

# %%
telesurveillance[["poids_kg", "pression_systolique", "pression_diastolique", "frequence_cardiaque"]].describe().round(1)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : combien de patients télésurveillés ? (1 point)
#
# Un même patient occupe une ligne par jour de mesure. Stockez dans `nombre_patients_suivis` le
# nombre de patients **différents** de la table `telesurveillance`.
#
# Indice : `.nunique()` appliqué à une colonne compte ses valeurs distinctes.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
nombre_patients_suivis = telesurveillance["patient_id"].nunique()
### END SOLUTION
nombre_patients_suivis

# %% kit={"competences": ["telesurveillance", "charger-decrire"], "reponses": ["nombre_patients_suivis"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(pd.api.types.is_integer(nombre_patients_suivis),
      "Le résultat doit être un nombre entier ; indice : telesurveillance[\"patient_id\"].nunique().",
      success=None)
check(0 < nombre_patients_suivis < len(telesurveillance),
      "Il y a plusieurs lignes par patient : comptez les patient_id distincts avec .nunique(), "
      "pas les lignes.")
### BEGIN HIDDEN TESTS
reference = load_table("telesurveillance", DONNEES, colonnes=["patient_id"])
check(nombre_patients_suivis == reference["patient_id"].nunique(),
      "Ce n'est pas le nombre de patients distincts de la table telesurveillance.", success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : les patients envoient-ils leurs mesures ? (2 points)
#
# Une télésurveillance ne vaut que si les mesures arrivent. Résumons le suivi de chaque patient
# avec `groupby` et `.agg`, qui calcule plusieurs résumés à la fois (chaque résumé s'écrit
# `nom_de_la_nouvelle_colonne=("colonne", "fonction")`) :
#
# ```python
# suivi = telesurveillance.groupby("patient_id").agg(
#     premiere_mesure=("date_mesure", "min"),
#     derniere_mesure=("date_mesure", "max"),
#     mesures=("date_mesure", "count"),
# )
# ```
#
# 1. Créez `suivi` avec cette instruction (une ligne par patient) ;
# 2. ajoutez-lui une colonne `jours_suivis`, la durée du suivi en jours, bornes comprises :
#    `(derniere_mesure - premiere_mesure)` en jours (`.dt.days`), **plus 1** ;
# 3. stockez dans `part_jours_mesures` le **pourcentage** de jours de suivi où une mesure est
#    arrivée, tous patients confondus : la somme de `mesures` divisée par la somme de
#    `jours_suivis` (`.sum()`), multipliée par 100.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
suivi = telesurveillance.groupby("patient_id").agg(
    premiere_mesure=("date_mesure", "min"),
    derniere_mesure=("date_mesure", "max"),
    mesures=("date_mesure", "count"),
)
suivi["jours_suivis"] = (suivi["derniere_mesure"] - suivi["premiere_mesure"]).dt.days + 1
part_jours_mesures = suivi["mesures"].sum() / suivi["jours_suivis"].sum() * 100
### END SOLUTION
print(round(part_jours_mesures, 1), "% des jours de suivi ont une mesure")
suivi.head()

# %% kit={"competences": ["telesurveillance", "indicateurs-activite"], "reponses": ["part_jours_mesures", "suivi"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(suivi, pd.DataFrame) and {"mesures", "jours_suivis"} <= set(suivi.columns),
      "suivi doit être une table avec (au moins) les colonnes mesures et jours_suivis.", success=None)
check(len(suivi) == telesurveillance["patient_id"].nunique(),
      "suivi doit avoir une ligne par patient : groupby(\"patient_id\").", success=None)
check((suivi["mesures"] <= suivi["jours_suivis"]).all(),
      "Un patient ne peut pas avoir plus de mesures que de jours de suivi : avez-vous ajouté 1 "
      "au nombre de jours entre la première et la dernière mesure ?", success=None)
check(1 < part_jours_mesures <= 100,
      "part_jours_mesures est un pourcentage entre 0 et 100 : avez-vous multiplié par 100 ?")
### BEGIN HIDDEN TESTS
reference = load_table("telesurveillance", DONNEES, colonnes=["patient_id", "date_mesure"])
dates = reference.groupby("patient_id")["date_mesure"]
attendu_jours = (dates.max() - dates.min()).dt.days + 1
check(len(suivi) == len(attendu_jours)
      and (suivi["jours_suivis"].sort_index().to_numpy() == attendu_jours.sort_index().to_numpy()).all(),
      "La colonne jours_suivis ne correspond pas : (dernière mesure - première mesure) en jours, plus 1.",
      success=None)
attendu = len(reference) / attendu_jours.sum() * 100
check(abs(part_jours_mesures - attendu) < 1e-6,
      "Ce n'est pas le pourcentage de jours de suivi avec une mesure.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# La plupart des patients envoient une mesure la grande majorité des jours ; quelques suivis sont
# bien plus courts (un patient décédé, ou un suivi qui commence peu avant la fin de la période des
# données). L'histogramme suivant montre la répartition du nombre de jours de mesure par patient ;
# la médiane (`.median()`) est la valeur qui partage les patients en deux moitiés.

# %%
figure = px.histogram(suivi, x="mesures", nbins=30,
                      title="Nombre de jours de mesure par patient télésurveillé",
                      labels={"mesures": "Jours de mesure"})
figure.update_yaxes(title_text="Patients")
figure.show()
print("Nombre médian de jours de mesure par patient :", suivi["mesures"].median())

# %% [markdown]
# ### La courbe de poids d'un patient
#
# Une **décompensation** est ici un nouveau séjour dont le diagnostic principal commence par `I50`
# (insuffisance cardiaque dans la CIM-10, la classification internationale des maladies). La
# cellule suivante extrait ces séjours de `sejours` dans une table `decompensations`, triée par date
# (le premier séjour `I50` de chaque patient, celui qui a déclenché le suivi, y figure aussi).

# %%
decompensations = sejours.loc[sejours["diagnostic_principal"].str.startswith("I50"), ["patient_id", "date_entree"]]
decompensations = decompensations.rename(columns={"date_entree": "date_decompensation"}).sort_values("date_decompensation")
print(len(decompensations), "séjours pour insuffisance cardiaque (I50)")

# %% [markdown]
# Regardons la courbe de poids du patient qui a eu le **plus de séjours `I50` pendant son suivi**
# (entre sa première et sa dernière mesure) ; en cas d'égalité, le premier par ordre
# d'identifiant (`.idxmax()` rend le premier des maximums). Les traits rouges marquent l'entrée
# de ces séjours (`figure.add_vline` trace une ligne verticale).

# %%
pendant_suivi = decompensations.merge(suivi.reset_index(), on="patient_id")
pendant_suivi = pendant_suivi[pendant_suivi["date_decompensation"].between(pendant_suivi["premiere_mesure"],
                                                                           pendant_suivi["derniere_mesure"])]
sejours_pendant_suivi = pendant_suivi["patient_id"].value_counts().reindex(suivi.index, fill_value=0)
patient_exemple = sejours_pendant_suivi.idxmax()

courbe = telesurveillance[telesurveillance["patient_id"] == patient_exemple]
figure = px.line(courbe, x="date_mesure", y="poids_kg", markers=True,
                 title=f"Poids du patient {patient_exemple} (traits rouges : séjours pour insuffisance cardiaque)",
                 labels={"date_mesure": "Date de la mesure", "poids_kg": "Poids (kg)"})
for date in pendant_suivi.loc[pendant_suivi["patient_id"] == patient_exemple, "date_decompensation"]:
    figure.add_vline(x=date, line_color="red", line_dash="dash")
figure.show()

# %% [markdown]
# D'un jour à l'autre, le poids varie de quelques centaines de grammes (l'heure de la pesée, les
# repas). Dans la semaine qui précède un séjour pour insuffisance cardiaque, il monte : c'est l'eau
# que le corps retient. Chez certains patients la hausse atteint plusieurs kilos ; chez d'autres,
# comme parfois sur cette courbe, elle reste faible et se distingue mal des variations
# habituelles : c'est pourquoi aucune règle fondée sur le poids ne repère toutes les
# décompensations. Les longs segments sans point sont des jours sans mesure, par exemple pendant
# l'hospitalisation. Passez la souris sur la courbe pour lire les valeurs ; vous pouvez zoomer en
# sélectionnant une zone.

# %% [markdown]
# ## 3. La vérité : quels jours précèdent une décompensation ?
#
# Pour juger une règle d'alerte, il faut savoir, pour **chaque jour de mesure**, si une
# décompensation est arrivée peu après. Cette vérité est dans les données : c'est le prochain
# séjour `I50` du même patient. Nous appelons **jour à risque** un jour de mesure suivi d'une
# décompensation **1 à 7 jours plus tard** : c'est la semaine où une alerte serait utile.
#
# La fonction `pd.merge_asof` associe à chaque ligne de gauche **la première ligne de droite dont
# la date est égale ou postérieure** (`direction="forward"`), pour le même patient
# (`by="patient_id"`). Les deux tables doivent être triées par date. Un jour qui n'est suivi
# d'aucun séjour `I50` reçoit une date vide (`NaT`, « pas une date »).

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : relier chaque jour à la décompensation suivante (2 points)
#
# 1. Créez la table `jours` :
#
#    ```python
#    jours = pd.merge_asof(telesurveillance.sort_values("date_mesure"), decompensations,
#                          left_on="date_mesure", right_on="date_decompensation",
#                          by="patient_id", direction="forward")
#    ```
#
# 2. remettez-la dans l'ordre **par patient, puis par date** (indispensable pour la suite) :
#    `jours = jours.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)` ;
# 3. ajoutez une colonne `delai_decompensation` : `(date_decompensation - date_mesure)` en jours
#    (`.dt.days`) ; elle est vide s'il n'y a pas de décompensation après ce jour ;
# 4. ajoutez une colonne `a_risque`, Vrai si ce délai est compris entre 1 et 7 jours :
#    `jours["delai_decompensation"].between(1, 7)` (une valeur vide donne Faux).

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
jours = pd.merge_asof(telesurveillance.sort_values("date_mesure"), decompensations,
                      left_on="date_mesure", right_on="date_decompensation",
                      by="patient_id", direction="forward")
jours = jours.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
jours["delai_decompensation"] = (jours["date_decompensation"] - jours["date_mesure"]).dt.days
jours["a_risque"] = jours["delai_decompensation"].between(1, 7)
### END SOLUTION
print(jours["a_risque"].sum(), "jours à risque sur", len(jours), "jours de mesure")
jours.head()

# %% kit={"competences": ["parcours", "telesurveillance"], "reponses": ["jours"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(jours, pd.DataFrame)
      and {"date_decompensation", "delai_decompensation", "a_risque"} <= set(jours.columns),
      "jours doit être une table avec les colonnes date_decompensation, delai_decompensation et a_risque.",
      success=None)
check(len(jours) == len(telesurveillance),
      "jours doit garder une ligne par jour de mesure, comme telesurveillance : pd.merge_asof ne "
      "change pas le nombre de lignes de la table de gauche.", success=None)
check(jours["patient_id"].is_monotonic_increasing,
      "Triez jours par patient puis par date : jours.sort_values([\"patient_id\", \"date_mesure\"]).",
      success=None)
check(jours["a_risque"].dtype == bool and not (jours["delai_decompensation"] < 0).any(),
      "a_risque doit être une colonne de Vrai/Faux, et aucun délai ne doit être négatif "
      "(avez-vous bien mis direction=\"forward\" ?).")
### BEGIN HIDDEN TESTS
ref = load_table("telesurveillance", DONNEES, colonnes=["patient_id", "date_mesure", "poids_kg"])
ref_sejours = load_table("sejours", DONNEES, colonnes=["patient_id", "date_entree", "diagnostic_principal"])
ref_i50 = ref_sejours.loc[ref_sejours["diagnostic_principal"].str.startswith("I50"), ["patient_id", "date_entree"]]
ref = pd.merge_asof(ref.sort_values("date_mesure"), ref_i50.sort_values("date_entree"),
                    left_on="date_mesure", right_on="date_entree", by="patient_id", direction="forward")
ref = ref.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
ref["delai"] = (ref["date_entree"] - ref["date_mesure"]).dt.days
ref["risque"] = (ref["delai"] >= 1) & (ref["delai"] <= 7)
ref["prise"] = (ref["poids_kg"] - ref.groupby("patient_id")["poids_kg"].shift(7)).round(1)
ref_jours_suivis = ((ref.groupby("patient_id")["date_mesure"].max()
                     - ref.groupby("patient_id")["date_mesure"].min()).dt.days + 1).sum()


def ref_indicateurs(seuil):
    alerte = ref["prise"] >= seuil
    fenetres = ref.assign(alerte=alerte)[ref["risque"]]
    return {"sensibilite": fenetres.groupby(["patient_id", "date_entree"])["alerte"].any().mean() * 100,
            "specificite": (~alerte[~ref["risque"]]).mean() * 100,
            "alertes_par_patient_mois": alerte.sum() / ref_jours_suivis * 30}


def proche(a, b):
    return bool((pd.isna(a) and pd.isna(b)) or abs(a - b) < 1e-6)
participant = jours.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
check(((participant["delai_decompensation"].fillna(-1) - ref["delai"].fillna(-1)).abs() < 1e-9).all(),
      "Les délais jusqu'au prochain séjour I50 ne correspondent pas.", success=None)
check(participant["a_risque"].sum() == ref["risque"].sum(),
      "Le nombre de jours à risque (décompensation 1 à 7 jours plus tard) ne correspond pas.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## 4. Une règle d'alerte : au moins 2 kg de plus en 7 jours
#
# L'éducation thérapeutique apprend aux patients insuffisants cardiaques à réagir à une prise de
# poids rapide. Nous testons la règle : **alerte si le poids du jour dépasse d'au moins 2 kg celui
# d'il y a 7 jours**.
#
# Pour trouver « le poids d'il y a 7 jours », on décale la colonne de 7 lignes **à l'intérieur de
# chaque patient** : `jours.groupby("patient_id")["poids_kg"].shift(7)`. Comme `jours` est trié par
# patient puis par date, c'est le poids de 7 mesures plus tôt. S'il manque des jours (un oubli,
# une hospitalisation), ces 7 mesures couvrent un peu plus de 7 jours de calendrier : la règle est
# alors approximative, ce qui nous suffit ici. Les 7 premières mesures d'un patient n'ont pas de
# poids de comparaison : la valeur est vide et ne déclenche pas d'alerte.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : programmer l'alerte (2 points)
#
# Ajoutez à `jours` trois colonnes :
#
# 1. `poids_7j_avant` : `jours.groupby("patient_id")["poids_kg"].shift(7)` ;
# 2. `prise_poids_7j` : `poids_kg - poids_7j_avant`, **arrondie au dixième** avec `.round(1)`
#    (les poids sont au dixième ; sans arrondi, l'ordinateur peut calculer 1,9999999 au lieu de 2) ;
# 3. `alerte` : Vrai si `prise_poids_7j` vaut **2 ou plus** (`>= 2`).

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
jours["poids_7j_avant"] = jours.groupby("patient_id")["poids_kg"].shift(7)
jours["prise_poids_7j"] = (jours["poids_kg"] - jours["poids_7j_avant"]).round(1)
jours["alerte"] = jours["prise_poids_7j"] >= 2
### END SOLUTION
print(jours["alerte"].sum(), "jours d'alerte")
jours[["patient_id", "date_mesure", "poids_kg", "poids_7j_avant", "prise_poids_7j", "alerte"]].head(10)

# %% kit={"competences": ["telesurveillance"], "reponses": ["jours"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check({"poids_7j_avant", "prise_poids_7j", "alerte"} <= set(jours.columns),
      "jours doit avoir les colonnes poids_7j_avant, prise_poids_7j et alerte.", success=None)
check(jours.drop_duplicates("patient_id")["poids_7j_avant"].isna().all(),
      "La première mesure de chaque patient n'a pas de poids 7 jours avant : avez-vous écrit "
      "jours.groupby(\"patient_id\")[\"poids_kg\"].shift(7) ?", success=None)
check(jours["alerte"].dtype == bool and (jours.loc[jours["alerte"], "prise_poids_7j"] >= 2).all(),
      "alerte doit être une colonne de Vrai/Faux, Vrai quand prise_poids_7j >= 2.")
### BEGIN HIDDEN TESTS
ref = load_table("telesurveillance", DONNEES, colonnes=["patient_id", "date_mesure", "poids_kg"])
ref_sejours = load_table("sejours", DONNEES, colonnes=["patient_id", "date_entree", "diagnostic_principal"])
ref_i50 = ref_sejours.loc[ref_sejours["diagnostic_principal"].str.startswith("I50"), ["patient_id", "date_entree"]]
ref = pd.merge_asof(ref.sort_values("date_mesure"), ref_i50.sort_values("date_entree"),
                    left_on="date_mesure", right_on="date_entree", by="patient_id", direction="forward")
ref = ref.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
ref["delai"] = (ref["date_entree"] - ref["date_mesure"]).dt.days
ref["risque"] = (ref["delai"] >= 1) & (ref["delai"] <= 7)
ref["prise"] = (ref["poids_kg"] - ref.groupby("patient_id")["poids_kg"].shift(7)).round(1)
ref_jours_suivis = ((ref.groupby("patient_id")["date_mesure"].max()
                     - ref.groupby("patient_id")["date_mesure"].min()).dt.days + 1).sum()


def ref_indicateurs(seuil):
    alerte = ref["prise"] >= seuil
    fenetres = ref.assign(alerte=alerte)[ref["risque"]]
    return {"sensibilite": fenetres.groupby(["patient_id", "date_entree"])["alerte"].any().mean() * 100,
            "specificite": (~alerte[~ref["risque"]]).mean() * 100,
            "alertes_par_patient_mois": alerte.sum() / ref_jours_suivis * 30}


def proche(a, b):
    return bool((pd.isna(a) and pd.isna(b)) or abs(a - b) < 1e-6)
participant = jours.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
check(((participant["prise_poids_7j"].fillna(-99) - ref["prise"].fillna(-99)).abs() < 1e-6).all(),
      "La prise de poids sur 7 mesures ne correspond pas.", success=None)
check(participant["alerte"].sum() == (ref["prise"] >= 2).sum(),
      "Le nombre de jours d'alerte ne correspond pas à la règle « au moins 2 kg de plus ».", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## 5. La règle est-elle bonne ? Sensibilité, spécificité, charge de travail
#
# Trois questions, trois indicateurs :
#
# - **Voit-elle venir les décompensations ?** La **sensibilité** est la part des décompensations
#   précédées d'**au moins une alerte** dans les 7 jours d'avant. On la compte **par
#   décompensation** et non par jour : une seule alerte dans la semaine suffit pour agir. On ne
#   retient que les décompensations dont au moins un jour de mesure tombe dans ces 7 jours.
# - **Se tait-elle quand tout va bien ?** La **spécificité** est la part des jours **sans
#   décompensation à venir** (les jours qui ne sont pas à risque) où la règle n'a **pas** donné
#   d'alerte. Chaque alerte à tort est un appel inutile pour l'équipe et une inquiétude pour le
#   patient.
# - **Combien de travail pour l'équipe ?** Le nombre d'**alertes par patient et par mois** (30
#   jours de suivi) : chaque alerte demande qu'une infirmière lise la courbe et rappelle le patient.
#
# Sur un petit échantillon, il peut n'y avoir **aucune** décompensation pendant les suivis : la
# sensibilité vaut alors `nan` (« pas un nombre », car on divise 0 par 0). Ce n'est pas une erreur.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : sensibilité et spécificité (2 points)
#
# 1. Gardez les jours à risque (`jours[jours["a_risque"]]`), regroupez-les **par décompensation**
#    (`groupby(["patient_id", "date_decompensation"])`) et demandez si la colonne `alerte` contient
#    au moins un Vrai (`["alerte"].any()`). Stockez ce résultat dans `alerte_par_decompensation` ;
# 2. `sensibilite` : la moyenne de `alerte_par_decompensation` (`.mean()`), multipliée par 100 ;
# 3. `specificite` : parmi les jours **qui ne sont pas** à risque
#    (`jours.loc[~jours["a_risque"], "alerte"]`), le pourcentage de jours **sans** alerte. Le
#    symbole `~` inverse Vrai et Faux : `(~ ...).mean() * 100`.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
alerte_par_decompensation = jours[jours["a_risque"]].groupby(["patient_id", "date_decompensation"])["alerte"].any()
sensibilite = alerte_par_decompensation.mean() * 100
specificite = (~jours.loc[~jours["a_risque"], "alerte"]).mean() * 100
### END SOLUTION
print(len(alerte_par_decompensation), "décompensation(s) précédée(s) d'au moins une mesure dans les 7 jours")
print("Sensibilité :", round(sensibilite, 1), "%")
print("Spécificité :", round(specificite, 2), "%")

# %% kit={"competences": ["telesurveillance", "indicateurs-activite"], "reponses": ["sensibilite", "specificite"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(pd.api.types.is_number(sensibilite) and (pd.isna(sensibilite) or 0 <= sensibilite <= 100),
      "sensibilite doit être un pourcentage entre 0 et 100 (ou nan s'il n'y a aucune décompensation) : "
      "la moyenne de alerte_par_decompensation, multipliée par 100.", success=None)
check(pd.api.types.is_number(specificite) and 1 < specificite <= 100,
      "specificite doit être un pourcentage entre 0 et 100 : avez-vous multiplié par 100, et pris "
      "les jours SANS alerte (le symbole ~) ?")
### BEGIN HIDDEN TESTS
ref = load_table("telesurveillance", DONNEES, colonnes=["patient_id", "date_mesure", "poids_kg"])
ref_sejours = load_table("sejours", DONNEES, colonnes=["patient_id", "date_entree", "diagnostic_principal"])
ref_i50 = ref_sejours.loc[ref_sejours["diagnostic_principal"].str.startswith("I50"), ["patient_id", "date_entree"]]
ref = pd.merge_asof(ref.sort_values("date_mesure"), ref_i50.sort_values("date_entree"),
                    left_on="date_mesure", right_on="date_entree", by="patient_id", direction="forward")
ref = ref.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
ref["delai"] = (ref["date_entree"] - ref["date_mesure"]).dt.days
ref["risque"] = (ref["delai"] >= 1) & (ref["delai"] <= 7)
ref["prise"] = (ref["poids_kg"] - ref.groupby("patient_id")["poids_kg"].shift(7)).round(1)
ref_jours_suivis = ((ref.groupby("patient_id")["date_mesure"].max()
                     - ref.groupby("patient_id")["date_mesure"].min()).dt.days + 1).sum()


def ref_indicateurs(seuil):
    alerte = ref["prise"] >= seuil
    fenetres = ref.assign(alerte=alerte)[ref["risque"]]
    return {"sensibilite": fenetres.groupby(["patient_id", "date_entree"])["alerte"].any().mean() * 100,
            "specificite": (~alerte[~ref["risque"]]).mean() * 100,
            "alertes_par_patient_mois": alerte.sum() / ref_jours_suivis * 30}


def proche(a, b):
    return bool((pd.isna(a) and pd.isna(b)) or abs(a - b) < 1e-6)
attendu = ref_indicateurs(2)
check(proche(sensibilite, attendu["sensibilite"]),
      "Ce n'est pas la part des décompensations précédées d'au moins une alerte dans les 7 jours.",
      success=None)
check(proche(specificite, attendu["specificite"]),
      "Ce n'est pas la part des jours sans décompensation à venir qui n'ont pas d'alerte.", success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : la charge de travail de l'équipe (1 point)
#
# Stockez dans `alertes_par_patient_mois` le nombre d'alertes pour **30 jours de suivi** : le
# nombre total d'alertes (`jours["alerte"].sum()`) divisé par le nombre total de jours de suivi
# (`suivi["jours_suivis"].sum()`), multiplié par 30.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
alertes_par_patient_mois = jours["alerte"].sum() / suivi["jours_suivis"].sum() * 30
### END SOLUTION
print(round(alertes_par_patient_mois, 3), "alerte par patient et par mois")

# %% kit={"competences": ["telesurveillance", "indicateurs-activite"], "reponses": ["alertes_par_patient_mois"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(pd.api.types.is_number(alertes_par_patient_mois) and 0 <= alertes_par_patient_mois <= 30,
      "Le résultat doit être un nombre entre 0 et 30 : alertes divisées par jours de suivi, fois 30.")
### BEGIN HIDDEN TESTS
ref = load_table("telesurveillance", DONNEES, colonnes=["patient_id", "date_mesure", "poids_kg"])
ref_sejours = load_table("sejours", DONNEES, colonnes=["patient_id", "date_entree", "diagnostic_principal"])
ref_i50 = ref_sejours.loc[ref_sejours["diagnostic_principal"].str.startswith("I50"), ["patient_id", "date_entree"]]
ref = pd.merge_asof(ref.sort_values("date_mesure"), ref_i50.sort_values("date_entree"),
                    left_on="date_mesure", right_on="date_entree", by="patient_id", direction="forward")
ref = ref.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
ref["delai"] = (ref["date_entree"] - ref["date_mesure"]).dt.days
ref["risque"] = (ref["delai"] >= 1) & (ref["delai"] <= 7)
ref["prise"] = (ref["poids_kg"] - ref.groupby("patient_id")["poids_kg"].shift(7)).round(1)
ref_jours_suivis = ((ref.groupby("patient_id")["date_mesure"].max()
                     - ref.groupby("patient_id")["date_mesure"].min()).dt.days + 1).sum()


def ref_indicateurs(seuil):
    alerte = ref["prise"] >= seuil
    fenetres = ref.assign(alerte=alerte)[ref["risque"]]
    return {"sensibilite": fenetres.groupby(["patient_id", "date_entree"])["alerte"].any().mean() * 100,
            "specificite": (~alerte[~ref["risque"]]).mean() * 100,
            "alertes_par_patient_mois": alerte.sum() / ref_jours_suivis * 30}


def proche(a, b):
    return bool((pd.isna(a) and pd.isna(b)) or abs(a - b) < 1e-6)
check(proche(alertes_par_patient_mois, ref_indicateurs(2)["alertes_par_patient_mois"]),
      "Ce n'est pas le nombre d'alertes pour 30 jours de suivi.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Pour une équipe qui suit des centaines de patients, multipliez ce chiffre par le nombre de
# patients : c'est le nombre d'appels à passer chaque mois. Un dernier indicateur complète le
# tableau : parmi les alertes, la part qui précède vraiment une décompensation (la **valeur
# prédictive positive**). Les autres sont de fausses alertes : un repas trop salé, un diurétique
# oublié font aussi monter le poids, sans hospitalisation.

# %% [markdown]
# ## 6. Comparer plusieurs seuils
#
# Faut-il alerter dès 1,5 kg, à 2 kg, ou seulement à 3 kg ? La fonction suivante reprend **vos**
# calculs des questions 5 à 7 pour un seuil quelconque et rend les indicateurs sous forme de
# dictionnaire. Exécutez-la : la dernière ligne l'essaie avec 2 kg, vous devez retrouver vos
# réponses.

# %%
def evaluer_seuil(seuil):
    """Les indicateurs de la règle « au moins `seuil` kg de plus qu'il y a 7 mesures »."""
    essai = jours.assign(alerte=jours["prise_poids_7j"] >= seuil)
    par_decompensation = essai[essai["a_risque"]].groupby(["patient_id", "date_decompensation"])["alerte"].any()
    return {
        "seuil": seuil,
        "sensibilite": par_decompensation.mean() * 100,
        "specificite": (~essai.loc[~essai["a_risque"], "alerte"]).mean() * 100,
        "alertes_par_patient_mois": essai["alerte"].sum() / suivi["jours_suivis"].sum() * 30,
        "valeur_predictive_positive": essai.loc[essai["alerte"], "a_risque"].mean() * 100,
    }


pd.Series(evaluer_seuil(2)).round(2)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : le tableau de comparaison (1 point)
#
# Appelez `evaluer_seuil` pour les seuils **1,5 kg, 2 kg et 3 kg** (dans cet ordre ; en Python, la
# virgule décimale s'écrit avec un point : `1.5`) et rassemblez les trois résultats dans une table
# `comparaison`, une ligne par seuil.
#
# Indice : `pd.DataFrame([evaluer_seuil(1.5), evaluer_seuil(2), evaluer_seuil(3)])` construit une
# table à partir d'une liste de dictionnaires.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
comparaison = pd.DataFrame([evaluer_seuil(1.5), evaluer_seuil(2), evaluer_seuil(3)])
### END SOLUTION
comparaison.round(2)

# %% kit={"competences": ["telesurveillance", "indicateurs-activite"], "reponses": ["comparaison"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(isinstance(comparaison, pd.DataFrame) and len(comparaison) == 3,
      "comparaison doit être une table de trois lignes, une par seuil.", success=None)
check({"seuil", "sensibilite", "specificite", "alertes_par_patient_mois"} <= set(comparaison.columns)
      and list(comparaison["seuil"]) == [1.5, 2, 3],
      "Les lignes doivent correspondre aux seuils 1.5, 2 et 3, dans cet ordre : "
      "pd.DataFrame([evaluer_seuil(1.5), evaluer_seuil(2), evaluer_seuil(3)]).")
### BEGIN HIDDEN TESTS
ref = load_table("telesurveillance", DONNEES, colonnes=["patient_id", "date_mesure", "poids_kg"])
ref_sejours = load_table("sejours", DONNEES, colonnes=["patient_id", "date_entree", "diagnostic_principal"])
ref_i50 = ref_sejours.loc[ref_sejours["diagnostic_principal"].str.startswith("I50"), ["patient_id", "date_entree"]]
ref = pd.merge_asof(ref.sort_values("date_mesure"), ref_i50.sort_values("date_entree"),
                    left_on="date_mesure", right_on="date_entree", by="patient_id", direction="forward")
ref = ref.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
ref["delai"] = (ref["date_entree"] - ref["date_mesure"]).dt.days
ref["risque"] = (ref["delai"] >= 1) & (ref["delai"] <= 7)
ref["prise"] = (ref["poids_kg"] - ref.groupby("patient_id")["poids_kg"].shift(7)).round(1)
ref_jours_suivis = ((ref.groupby("patient_id")["date_mesure"].max()
                     - ref.groupby("patient_id")["date_mesure"].min()).dt.days + 1).sum()


def ref_indicateurs(seuil):
    alerte = ref["prise"] >= seuil
    fenetres = ref.assign(alerte=alerte)[ref["risque"]]
    return {"sensibilite": fenetres.groupby(["patient_id", "date_entree"])["alerte"].any().mean() * 100,
            "specificite": (~alerte[~ref["risque"]]).mean() * 100,
            "alertes_par_patient_mois": alerte.sum() / ref_jours_suivis * 30}


def proche(a, b):
    return bool((pd.isna(a) and pd.isna(b)) or abs(a - b) < 1e-6)
for ligne in comparaison.itertuples():
    attendu = ref_indicateurs(ligne.seuil)
    check(proche(ligne.sensibilite, attendu["sensibilite"]) and proche(ligne.specificite, attendu["specificite"])
          and proche(ligne.alertes_par_patient_mois, attendu["alertes_par_patient_mois"]),
          f"Les indicateurs du seuil {ligne.seuil} kg ne correspondent pas.", success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : le graphique du compromis (1 point)
#
# Tracez la **sensibilité** (axe vertical) en fonction du **nombre d'alertes par patient et par
# mois** (axe horizontal), un point par seuil, et stockez la figure dans `figure_compromis` :
#
# ```python
# figure_compromis = px.line(comparaison, x="alertes_par_patient_mois", y="sensibilite",
#                            text="seuil", markers=True,
#                            title="...", labels={"alertes_par_patient_mois": "...", "sensibilite": "..."})
# ```
#
# Remplacez les `...` par un titre et des noms d'axes lisibles en français (par exemple
# « Alertes par patient et par mois » et « Sensibilité (%) »), puis affichez-la avec
# `figure_compromis.show()`. Le paramètre `text="seuil"` écrit le seuil à côté de chaque point.

# %% nbgrader={"grade": false, "grade_id": "q9-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
figure_compromis = px.line(comparaison, x="alertes_par_patient_mois", y="sensibilite",
                           text="seuil", markers=True,
                           title="Règle d'alerte sur le poids : décompensations repérées et charge de l'équipe",
                           labels={"alertes_par_patient_mois": "Alertes par patient et par mois",
                                   "sensibilite": "Sensibilité (%)"})
figure_compromis.update_traces(textposition="top center")
### END SOLUTION
figure_compromis.show()

# %% kit={"competences": ["visualiser", "telesurveillance"], "reponses": ["figure_compromis"]} nbgrader={"grade": true, "grade_id": "q9-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
import plotly.graph_objects as go

check(isinstance(figure_compromis, go.Figure) and len(figure_compromis.data) > 0,
      "figure_compromis doit être une figure plotly : px.line(comparaison, ...).", success=None)
check(bool(figure_compromis.layout.title.text),
      "Donnez un titre à la figure avec title=\"...\".", success=None)
check(figure_compromis.layout.xaxis.title.text not in (None, "", "alertes_par_patient_mois")
      and figure_compromis.layout.yaxis.title.text not in (None, "", "sensibilite"),
      "Donnez des noms d'axes lisibles en français avec labels={...}.")
### BEGIN HIDDEN TESTS
ref = load_table("telesurveillance", DONNEES, colonnes=["patient_id", "date_mesure", "poids_kg"])
ref_sejours = load_table("sejours", DONNEES, colonnes=["patient_id", "date_entree", "diagnostic_principal"])
ref_i50 = ref_sejours.loc[ref_sejours["diagnostic_principal"].str.startswith("I50"), ["patient_id", "date_entree"]]
ref = pd.merge_asof(ref.sort_values("date_mesure"), ref_i50.sort_values("date_entree"),
                    left_on="date_mesure", right_on="date_entree", by="patient_id", direction="forward")
ref = ref.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
ref["delai"] = (ref["date_entree"] - ref["date_mesure"]).dt.days
ref["risque"] = (ref["delai"] >= 1) & (ref["delai"] <= 7)
ref["prise"] = (ref["poids_kg"] - ref.groupby("patient_id")["poids_kg"].shift(7)).round(1)
ref_jours_suivis = ((ref.groupby("patient_id")["date_mesure"].max()
                     - ref.groupby("patient_id")["date_mesure"].min()).dt.days + 1).sum()


def ref_indicateurs(seuil):
    alerte = ref["prise"] >= seuil
    fenetres = ref.assign(alerte=alerte)[ref["risque"]]
    return {"sensibilite": fenetres.groupby(["patient_id", "date_entree"])["alerte"].any().mean() * 100,
            "specificite": (~alerte[~ref["risque"]]).mean() * 100,
            "alertes_par_patient_mois": alerte.sum() / ref_jours_suivis * 30}


def proche(a, b):
    return bool((pd.isna(a) and pd.isna(b)) or abs(a - b) < 1e-6)
attendu = sorted(ref_indicateurs(seuil)["alertes_par_patient_mois"] for seuil in (1.5, 2, 3))
trace = sorted(float(x) for x in figure_compromis.data[0].x)
check(len(trace) == 3 and all(proche(a, b) for a, b in zip(trace, attendu)),
      "L'axe horizontal doit porter le nombre d'alertes par patient et par mois des trois seuils.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# ### Lire le compromis
#
# Le coin idéal est **en haut à gauche** : beaucoup de décompensations repérées, peu d'alertes.
# Aucun seuil n'y est :
#
# - un seuil **bas** repère davantage de décompensations, mais multiplie les alertes, dont beaucoup
#   sont fausses. Trop d'alertes inutiles créent une **fatigue d'alerte** : l'équipe finit par les
#   traiter moins vite, et le patient par ne plus y croire ;
# - un seuil **haut** soulage l'équipe, mais laisse passer des décompensations qui finiront aux
#   urgences : c'est justement ce que la télésurveillance devait éviter.
#
# Gardez aussi en tête que la sensibilité repose sur **peu d'événements** : avec quelques dizaines
# de décompensations, une de plus ou de moins la fait bouger de plusieurs points. Sur le petit
# échantillon, elle peut ne reposer que sur une ou deux décompensations, voire aucune.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 10 : quel seuil proposer ? (3 points, corrigée par votre formateur)
#
# L'équipe infirmière d'insuffisance cardiaque de votre hôpital vous demande quel seuil retenir.
# En cinq à dix lignes :
#
# 1. proposez un seuil et justifiez-le avec les chiffres de `comparaison` (décompensations
#    repérées, alertes à traiter) ;
# 2. dites comment l'équipe devrait s'organiser pour traiter les alertes ;
# 3. citez ce que vous vérifieriez avant de généraliser la règle à tous les patients.

# %% [markdown] kit={"bareme": ["1 point : un seuil est propos\u00e9 et justifi\u00e9 par les chiffres du tableau (sensibilit\u00e9, alertes par patient et par mois), en nommant le compromis entre d\u00e9compensations manqu\u00e9es et fatigue d'alerte", "1 point : l'organisation du traitement des alertes est d\u00e9crite (qui lit les alertes, dans quel d\u00e9lai, week-ends compris, conduite \u00e0 tenir, charge ramen\u00e9e au nombre de patients suivis)", "1 point : au moins deux v\u00e9rifications avant de g\u00e9n\u00e9raliser parmi : consentement et information du patient, petit nombre de d\u00e9compensations (incertitude, validation sur d'autres donn\u00e9es), fausses alertes et valeur pr\u00e9dictive positive, \u00e9quit\u00e9 d'acc\u00e8s aux appareils et au num\u00e9rique, h\u00e9bergement HDS des donn\u00e9es"], "competences": ["argumenter", "telesurveillance"]} nbgrader={"grade": true, "grade_id": "q10-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Je proposerais **2 kg en 7 jours** : dans notre tableau, ce seuil repère la plupart des
# décompensations tout en restant à une alerte de loin en loin par patient, alors que 1,5 kg en
# repère un peu plus mais multiplie les alertes (dont beaucoup de fausses : fatigue d'alerte), et
# que 3 kg en laisse passer beaucoup plus.
#
# Organisation : une infirmière référente lit les alertes chaque matin, week-ends compris, et
# rappelle le patient dans la journée selon un protocole écrit (questions sur l'essoufflement et
# les œdèmes, adaptation du diurétique avec le cardiologue, consultation rapide) ; la charge se
# calcule en multipliant les alertes par patient et par mois par le nombre de patients suivis.
#
# Avant de généraliser : vérifier le résultat sur davantage de décompensations (les chiffres
# reposent sur peu d'événements), suivre la part de fausses alertes, s'assurer que chaque patient
# a donné son consentement éclairé et que les données sont hébergées chez un hébergeur certifié
# HDS, et veiller à l'équité : les patients âgés, isolés ou peu à l'aise avec le numérique doivent
# pouvoir être équipés, formés et aidés, sans quoi la télésurveillance creuse les inégalités.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - Ajoutez la **fréquence cardiaque** à la règle : alerte si le poids monte d'au moins 2 kg **ou**
#   si le pouls monte d'au moins 10 battements par minute en 7 mesures (le symbole `|` veut dire
#   « ou »). La sensibilité s'améliore-t-elle ? À quel prix en alertes ?
# - Rendez le décalage exact : au lieu de `shift(7)`, cherchez le poids du jour `date_mesure - 7 jours`
#   avec un `merge` sur `patient_id` et la date (`pd.Timedelta(days=7)`), et comparez le nombre
#   d'alertes.
# - Tracez la courbe d'un patient qui a des alertes **sans** décompensation : à quoi ressemblent
#   les fausses alertes ?
# - Changez la définition du jour à risque (1 à 14 jours au lieu de 1 à 7) : comment bougent la
#   sensibilité et la spécificité ?

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - La télésanté compte quatre pratiques : téléconsultation, téléexpertise, télésurveillance et
#   télésoin. La télésurveillance est remboursée dans le droit commun depuis le 1er juillet 2023,
#   après les expérimentations ETAPES ; elle suppose le consentement du patient et un hébergement
#   des données chez un hébergeur certifié HDS.
# - `groupby(...).agg(...)` résume un suivi par patient ; `.nunique()` compte les patients distincts.
# - `pd.merge_asof(..., by="patient_id", direction="forward")` relie chaque jour de mesure au
#   prochain événement du même patient : c'est la vérité qui permet d'évaluer une alerte.
# - `groupby("patient_id")[...].shift(7)` compare chaque mesure à celle d'une semaine avant, sur
#   une table triée par patient et par date.
# - Une règle d'alerte s'évalue par sa **sensibilité** (par décompensation), sa **spécificité**
#   (par jour) et sa **charge de travail** (alertes par patient et par mois).
# - Choisir un seuil, c'est arbitrer entre décompensations manquées et fatigue d'alerte, en tenant
#   compte de l'organisation de l'équipe et du petit nombre d'événements.
