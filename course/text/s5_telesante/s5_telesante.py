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
# Chaque question a une cellule de réponse, où vous remplacez les trois points `...` par votre calcul,
# puis une cellule de vérification : exécutez-la. « ✅ Bonne réponse » veut dire que la réponse est juste
# (et vaudra tous les points de la question) ; sinon, un ❌ vous dit ce qui ne va pas. Les pourcentages
# sont jugés avec le nombre de décimales que la consigne demande. Les questions s'enchaînent, mais
# chacune peut être réussie seule : après une étape importante, un **point de reprise** recalcule son
# résultat avec un code donné, et la suite du carnet part de là.

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

from participant.checks import check_answer
from participant.data import load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français
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
# - Tous les patients n'ont pas un smartphone, une bonne connexion ni l'habitude du numérique :
#   l'équipe doit pouvoir équiper, former et accompagner les patients âgés ou isolés, sinon la
#   télésanté creuse les inégalités d'accès aux soins (la « fracture numérique »).

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
actes = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
actes = {"A": "télésurveillance", "B": "téléexpertise", "C": "téléconsultation", "D": "télésoin"}
### END SOLUTION

# %% kit={"competences": ["teleconsultation", "telesurveillance"], "reponses": ["actes"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", actes)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series, loose
from participant.checks import grade_answer

attendu = {"A": "télésurveillance", "B": "téléexpertise", "C": "téléconsultation", "D": "télésoin"}
grade_answer(
    "q1", actes, attendu, Series(),
    mistakes={
        "B : le patient n'est pas là ; un médecin demande l'avis d'un confrère, c'est une téléexpertise.": {
            **attendu, "B": "téléconsultation"},
        "D : une orthophoniste est une auxiliaire médicale ; son soin à distance est du télésoin (la "
        "téléconsultation est réservée aux professions médicales).": {**attendu, "D": "téléconsultation"},
        "A : des mesures transmises chaque jour et lues par une équipe qui réagit aux alertes, c'est de la "
        "télésurveillance.": {**attendu, "A": "téléconsultation"},
        "C : une consultation en vidéo avec son médecin est une téléconsultation (la téléexpertise se fait sans "
        "le patient).": {**attendu, "C": "téléexpertise"},
        "B et C sont inversés : la téléexpertise se fait entre professionnels, sans le patient ; la "
        "téléconsultation, avec lui.": {**attendu, "B": "téléconsultation", "C": "téléexpertise"},
        "Copiez les mots avec leurs accents : « télésurveillance », « téléexpertise »...": {
            lettre: loose(pratique) for lettre, pratique in attendu.items()},
    },
    hint="Gardez les quatre clés \"A\" à \"D\" (en majuscules), chacune avec l'un des quatre mots de la consigne.",
)
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
nombre_patients_suivis = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
nombre_patients_suivis = telesurveillance["patient_id"].nunique()
### END SOLUTION

# %% kit={"competences": ["telesurveillance", "charger-decrire"], "reponses": ["nombre_patients_suivis"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", nombre_patients_suivis)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Count
from participant.checks import grade_answer

reference = load_table("telesurveillance", DONNEES, colonnes=["patient_id", "date_mesure"])
grade_answer(
    "q2", nombre_patients_suivis, reference["patient_id"].nunique(), Count(),
    mistakes={
        "C'est le nombre de lignes, une par jour de mesure : comptez les patient_id distincts avec .nunique().": len(
            reference),
        "C'est le nombre de dates de mesure différentes : comptez les valeurs distinctes de patient_id.": reference[
            "date_mesure"].nunique(),
        "Ce sont les patients de la table sejours : comptez ceux de la table telesurveillance.": sejours[
            "patient_id"].nunique(),
    },
    hint="Ce n'est pas le nombre de patients différents de la table telesurveillance ; indice : "
         "telesurveillance[\"patient_id\"].nunique().",
)
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
#    `jours_suivis` (`.sum()`), multipliée par 100. Il est jugé à une décimale près.
#
# Seul `part_jours_mesures` est vérifié ; la table `suivi` est recalculée au point de reprise qui suit.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
suivi = ...  # VOTRE CODE ICI
part_jours_mesures = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
suivi = telesurveillance.groupby("patient_id").agg(
    premiere_mesure=("date_mesure", "min"),
    derniere_mesure=("date_mesure", "max"),
    mesures=("date_mesure", "count"),
)
suivi["jours_suivis"] = (suivi["derniere_mesure"] - suivi["premiere_mesure"]).dt.days + 1
part_jours_mesures = suivi["mesures"].sum() / suivi["jours_suivis"].sum() * 100
### END SOLUTION

# %% kit={"competences": ["telesurveillance", "indicateurs-activite"], "reponses": ["part_jours_mesures"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", part_jours_mesures)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

dates = telesurveillance.groupby("patient_id")["date_mesure"]
ecart = (dates.max() - dates.min()).dt.days
mesures = dates.count()
grade_answer(
    "q3", part_jours_mesures, mesures.sum() / (ecart + 1).sum() * 100, Percentage(decimals=1),
    mistakes={
        "Les jours de suivi se comptent bornes comprises : ajoutez 1 au nombre de jours entre la première et la "
        "dernière mesure.": mesures.sum() / ecart.sum() * 100,
        "C'est la moyenne des pourcentages de chaque patient : divisez la somme de mesures par la somme de "
        "jours_suivis, tous patients confondus.": (mesures / (ecart + 1)).mean() * 100,
        "C'est la moyenne du pourcentage par patient, sans le + 1 : divisez les sommes, et comptez les jours "
        "bornes comprises.": (mesures / ecart.where(ecart > 0)).mean() * 100,
    },
    hint="Ce n'est pas le pourcentage attendu ; indice : suivi[\"mesures\"].sum() / suivi[\"jours_suivis\"].sum() "
         "* 100.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule le résumé du suivi avec le code
# ci-dessous, sous le nom `suivi_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q3-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
suivi_reprise = telesurveillance.groupby("patient_id").agg(
    premiere_mesure=("date_mesure", "min"),
    derniere_mesure=("date_mesure", "max"),
    mesures=("date_mesure", "count"),
)
suivi_reprise["jours_suivis"] = (suivi_reprise["derniere_mesure"] - suivi_reprise["premiere_mesure"]).dt.days + 1
print(round(suivi_reprise["mesures"].sum() / suivi_reprise["jours_suivis"].sum() * 100, 1),
      "% des jours de suivi ont une mesure")
suivi_reprise.head()

# %% [markdown]
# La plupart des patients envoient une mesure la grande majorité des jours ; quelques suivis sont
# bien plus courts (un patient décédé, ou un suivi qui commence peu avant la fin de la période des
# données). L'histogramme suivant montre la répartition du nombre de jours de mesure par patient ;
# la médiane (`.median()`) est la valeur qui partage les patients en deux moitiés.

# %%
figure = px.histogram(suivi_reprise, x="mesures", nbins=30,
                      title="Nombre de jours de mesure par patient télésurveillé",
                      labels={"mesures": "Jours de mesure"})
figure.update_yaxes(title_text="Patients")
figure.show()
print("Nombre médian de jours de mesure par patient :", suivi_reprise["mesures"].median())

# %% [markdown]
# ### La courbe de poids d'un patient
#
# Une **décompensation** est ici un nouveau séjour dont le diagnostic principal commence par `I50`
# (insuffisance cardiaque dans la CIM-10, la classification internationale des maladies). La
# cellule suivante extrait ces séjours de `sejours` dans une table `decompensations`, triée par date
# (le premier séjour `I50` de chaque patient, celui qui a déclenché le suivi, y figure aussi).
# Exécutez-la : la suite du carnet s'en sert.

# %% nbgrader={"grade": false, "grade_id": "decompensations", "locked": true, "schema_version": 3, "solution": false, "task": false}
decompensations = (
    sejours.loc[sejours["diagnostic_principal"].str.startswith("I50"), ["patient_id", "date_entree"]]
    .rename(columns={"date_entree": "date_decompensation"})
    .sort_values("date_decompensation")
)
print(len(decompensations), "séjours pour insuffisance cardiaque (I50)")

# %% [markdown]
# Regardons la courbe de poids du patient qui a eu le **plus de séjours `I50` pendant son suivi**
# (entre sa première et sa dernière mesure) ; en cas d'égalité, le premier par ordre
# d'identifiant (`.idxmax()` rend le premier des maximums). Les traits rouges marquent l'entrée
# de ces séjours (`figure.add_vline` trace une ligne verticale).

# %%
pendant_suivi = decompensations.merge(suivi_reprise.reset_index(), on="patient_id")
pendant_suivi = pendant_suivi[pendant_suivi["date_decompensation"].between(pendant_suivi["premiere_mesure"],
                                                                           pendant_suivi["derniere_mesure"])]
sejours_pendant_suivi = pendant_suivi["patient_id"].value_counts().reindex(suivi_reprise.index, fill_value=0)
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
# elle reste faible et se distingue mal des variations habituelles : c'est pourquoi aucune règle
# fondée sur le poids ne repère toutes les décompensations. Les longs segments sans point sont des jours sans mesure, par exemple pendant
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
# 4. ajoutez une colonne `a_risque`, Vrai si ce délai est compris entre 1 et 7 jours, **bornes
#    comprises** : `jours["delai_decompensation"].between(1, 7)` (une valeur vide donne Faux).
#
# La vérification compare, ligne à ligne, les colonnes `patient_id`, `date_mesure`,
# `delai_decompensation` et `a_risque` de votre table avec celles attendues.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
jours = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
jours = pd.merge_asof(telesurveillance.sort_values("date_mesure"), decompensations,
                      left_on="date_mesure", right_on="date_decompensation",
                      by="patient_id", direction="forward")
jours = jours.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
jours["delai_decompensation"] = (jours["date_decompensation"] - jours["date_mesure"]).dt.days
jours["a_risque"] = jours["delai_decompensation"].between(1, 7)
### END SOLUTION

# %% kit={"competences": ["parcours", "telesurveillance"], "reponses": ["jours"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", jours)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer


def relier(direction="forward", bas=1, haut=7, sens=1):
    """La table attendue, ou une variante fautive (sens de merge_asof, bornes de la fenêtre, signe du délai)."""
    table = pd.merge_asof(telesurveillance.sort_values("date_mesure"), decompensations,
                          left_on="date_mesure", right_on="date_decompensation",
                          by="patient_id", direction=direction)
    table["delai_decompensation"] = sens * (table["date_decompensation"] - table["date_mesure"]).dt.days
    table["a_risque"] = table["delai_decompensation"].between(bas, haut)
    return table


grade_answer(
    "q4", jours, relier(), Table(columns=("patient_id", "date_mesure", "delai_decompensation", "a_risque")),
    mistakes={
        "Avec direction=\"backward\", chaque jour est relié au séjour I50 d'avant ; il faut le suivant : "
        "direction=\"forward\".": relier(direction="backward"),
        "Avec direction=\"nearest\", un jour peut être relié au séjour d'avant ; il faut le suivant : "
        "direction=\"forward\".": relier(direction="nearest"),
        "La fenêtre va de 1 à 7 jours, bornes comprises : le 7e jour avant la décompensation est à risque "
        "(.between(1, 7)).": relier(haut=6),
        "La fenêtre s'arrête à 7 jours : .between(1, 7), pas au-delà.": relier(haut=8),
        "La fenêtre commence à 1 jour : le jour même de l'entrée à l'hôpital n'est pas « avant » "
        "(.between(1, 7)).": relier(bas=0),
        "Le délai est négatif : calculez date_decompensation - date_mesure (la décompensation vient après).": relier(
            sens=-1),
    },
    hint="Ce n'est pas la table attendue ; reprenez les quatre étapes de la consigne (merge_asof avec "
         "by=\"patient_id\" et direction=\"forward\", puis le délai et .between(1, 7)).",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule la table des jours de mesure avec le
# code ci-dessous, sous le nom `jours_reprise` (triée par patient puis par date) ; la suite du carnet
# l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q4-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
jours_reprise = pd.merge_asof(telesurveillance.sort_values("date_mesure"), decompensations,
                              left_on="date_mesure", right_on="date_decompensation",
                              by="patient_id", direction="forward")
jours_reprise = jours_reprise.sort_values(["patient_id", "date_mesure"]).reset_index(drop=True)
jours_reprise["delai_decompensation"] = (jours_reprise["date_decompensation"] - jours_reprise["date_mesure"]).dt.days
jours_reprise["a_risque"] = jours_reprise["delai_decompensation"].between(1, 7)
print(jours_reprise["a_risque"].sum(), "jours à risque sur", len(jours_reprise), "jours de mesure")
jours_reprise.head()

# %% [markdown]
# ## 4. Une règle d'alerte : au moins 2 kg de plus en 7 jours
#
# L'éducation thérapeutique apprend aux patients insuffisants cardiaques à réagir à une prise de
# poids rapide. Nous testons la règle : **alerte si le poids du jour dépasse d'au moins 2 kg celui
# d'il y a 7 jours**.
#
# Pour trouver « le poids d'il y a 7 jours », on décale la colonne de 7 lignes **à l'intérieur de
# chaque patient** : `jours_alertes.groupby("patient_id")["poids_kg"].shift(7)`. Comme la table est
# triée par patient puis par date, c'est le poids de 7 mesures plus tôt. S'il manque des jours (un oubli,
# une hospitalisation), ces 7 mesures couvrent un peu plus de 7 jours de calendrier : la règle est
# alors approximative, ce qui nous suffit ici. Les 7 premières mesures d'un patient n'ont pas de
# poids de comparaison : la valeur est vide et ne déclenche pas d'alerte.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : programmer l'alerte (2 points)
#
# Partez d'une **copie** de la table du point de reprise, `jours_alertes = jours_reprise.copy()` (la
# copie évite de modifier `jours_reprise`), puis ajoutez à `jours_alertes` trois colonnes :
#
# 1. `poids_7j_avant` : `jours_alertes.groupby("patient_id")["poids_kg"].shift(7)` ;
# 2. `prise_poids_7j` : `poids_kg - poids_7j_avant`, **arrondie au dixième** avec `.round(1)`
#    (les poids sont au dixième ; sans arrondi, l'ordinateur peut calculer 1,9999999 au lieu de 2) ;
# 3. `alerte` : Vrai si `prise_poids_7j` vaut **2 ou plus** (`>= 2`).
#
# La vérification compare les colonnes `patient_id`, `date_mesure`, `prise_poids_7j` (au dixième) et
# `alerte` avec celles attendues.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
jours_alertes = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
jours_alertes = jours_reprise.copy()
jours_alertes["poids_7j_avant"] = jours_alertes.groupby("patient_id")["poids_kg"].shift(7)
jours_alertes["prise_poids_7j"] = (jours_alertes["poids_kg"] - jours_alertes["poids_7j_avant"]).round(1)
jours_alertes["alerte"] = jours_alertes["prise_poids_7j"] >= 2
### END SOLUTION

# %% kit={"competences": ["telesurveillance"], "reponses": ["jours_alertes"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", jours_alertes)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer


def alerter(avant, seuil=2, strict=False, sens=1):
    """La table attendue, ou une variante fautive, à partir du poids de comparaison `avant`."""
    prise = (sens * (jours_reprise["poids_kg"] - avant)).round(1)
    return jours_reprise.assign(prise_poids_7j=prise, alerte=prise > seuil if strict else prise >= seuil)


par_patient = jours_reprise.groupby("patient_id")["poids_kg"]
grade_answer(
    "q5", jours_alertes, alerter(par_patient.shift(7)),
    Table(columns=("patient_id", "date_mesure", "prise_poids_7j", "alerte"), decimals=1),
    mistakes={
        "Décalez à l'intérieur de chaque patient : jours_alertes.groupby(\"patient_id\")[\"poids_kg\"].shift(7) ; "
        "sans groupby, un patient est comparé au patient d'avant.": alerter(jours_reprise["poids_kg"].shift(7)),
        "shift(-7) regarde 7 mesures plus tard ; pour le poids d'il y a 7 mesures, c'est shift(7).": alerter(
            par_patient.shift(-7)),
        "shift(1) compare au poids de la veille ; la règle compare à 7 mesures plus tôt : shift(7).": alerter(
            par_patient.shift(1)),
        "La règle est « 2 kg ou plus » : >= 2, pas > 2.": alerter(par_patient.shift(7), strict=True),
        "La prise de poids est poids_kg - poids_7j_avant (le poids d'aujourd'hui moins celui d'avant).": alerter(
            par_patient.shift(7), sens=-1),
    },
    hint="Ce n'est pas la table attendue ; reprenez les trois colonnes de la consigne, sur une copie de "
         "jours_reprise.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule les alertes avec le code ci-dessous,
# sous le nom `jours_alertes_reprise` ; les questions suivantes l'utilisent.

# %% nbgrader={"grade": false, "grade_id": "q5-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
jours_alertes_reprise = jours_reprise.copy()
jours_alertes_reprise["poids_7j_avant"] = jours_alertes_reprise.groupby("patient_id")["poids_kg"].shift(7)
jours_alertes_reprise["prise_poids_7j"] = (jours_alertes_reprise["poids_kg"]
                                           - jours_alertes_reprise["poids_7j_avant"]).round(1)
jours_alertes_reprise["alerte"] = jours_alertes_reprise["prise_poids_7j"] >= 2
print(jours_alertes_reprise["alerte"].sum(), "jours d'alerte")
jours_alertes_reprise[["patient_id", "date_mesure", "poids_kg", "poids_7j_avant", "prise_poids_7j", "alerte"]].head(10)

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
# Attention à ne pas les confondre : la sensibilité regarde les décompensations (ont-elles été
# annoncées ?), la spécificité regarde les jours sans décompensation à venir (la règle s'est-elle tue ?).
#
# Sur un très petit jeu de données, il peut n'y avoir **aucune** décompensation pendant les suivis :
# la sensibilité ne se calcule pas (elle vaut `nan`, « pas un nombre », car on divise 0 par 0) et la
# question 6 ne peut pas être vérifiée ; signalez-le à votre formateur.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : la sensibilité (1 point)
#
# 1. Gardez les jours à risque de la table du point de reprise
#    (`jours_alertes_reprise[jours_alertes_reprise["a_risque"]]`), regroupez-les **par
#    décompensation** (`.groupby(["patient_id", "date_decompensation"])`) et demandez si la colonne
#    `alerte` contient au moins un Vrai (`["alerte"].any()`). Stockez ce résultat dans
#    `alerte_par_decompensation` : une ligne par décompensation, Vrai si elle a été annoncée ;
# 2. stockez dans `sensibilite` la moyenne de `alerte_par_decompensation` (`.mean()`), multipliée
#    par 100. Elle est jugée à une décimale près.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
alerte_par_decompensation = ...  # VOTRE CODE ICI
sensibilite = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
alerte_par_decompensation = (jours_alertes_reprise[jours_alertes_reprise["a_risque"]]
                             .groupby(["patient_id", "date_decompensation"])["alerte"].any())
sensibilite = alerte_par_decompensation.mean() * 100
### END SOLUTION

# %% kit={"competences": ["telesurveillance", "indicateurs-activite"], "reponses": ["sensibilite"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", sensibilite)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

a_risque = jours_alertes_reprise["a_risque"]
alerte = jours_alertes_reprise["alerte"]
annoncees = jours_alertes_reprise[a_risque].groupby(["patient_id", "date_decompensation"])["alerte"].any()
attendu = annoncees.mean() * 100
erreurs = {
    "C'est la spécificité (les jours sans décompensation à venir, sans alerte) : la sensibilité porte sur les "
    "décompensations annoncées.": (~alerte[~a_risque]).mean() * 100,
    "C'est la part des jours à risque qui ont une alerte : comptez par décompensation "
    "(.groupby([\"patient_id\", \"date_decompensation\"])[\"alerte\"].any()), une alerte dans la semaine "
    "suffit.": alerte[a_risque].mean() * 100,
    "C'est la part de tous les jours qui ont une alerte : gardez seulement les jours à risque.": alerte.mean() * 100,
}
if annoncees.sum() != attendu / 100:  # sinon, c'est aussi la proportion (entre 0 et 1), déjà reconnue
    erreurs["C'est le nombre de décompensations annoncées : .mean() * 100 en donne la part, en pourcentage."] = (
        annoncees.sum())
grade_answer(
    "q6", sensibilite, attendu, Percentage(decimals=1),
    mistakes={message: valeur for message, valeur in erreurs.items() if 0 <= valeur <= 100},
    hint="Ce n'est pas la part des décompensations annoncées par au moins une alerte ; indice : "
         "alerte_par_decompensation.mean() * 100.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : la spécificité (1 point)
#
# Stockez dans `specificite`, parmi les jours **qui ne sont pas** à risque
# (`jours_alertes_reprise.loc[~jours_alertes_reprise["a_risque"], "alerte"]`), le pourcentage de jours
# **sans** alerte. Le symbole `~` inverse Vrai et Faux : `(~ ...).mean() * 100`. Elle est jugée à
# **deux** décimales près (elle est proche de 100 : une décimale ne suffirait pas à distinguer les
# calculs).

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
specificite = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
specificite = (~jours_alertes_reprise.loc[~jours_alertes_reprise["a_risque"], "alerte"]).mean() * 100
### END SOLUTION

# %% kit={"competences": ["telesurveillance", "indicateurs-activite"], "reponses": ["specificite"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", specificite)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

a_risque = jours_alertes_reprise["a_risque"]
alerte = jours_alertes_reprise["alerte"]
erreurs = {
    "C'est la part des jours sans alerte parmi tous les jours : gardez seulement ceux qui ne sont pas à "
    "risque (~jours_alertes_reprise[\"a_risque\"]).": (~alerte).mean() * 100,
    "C'est la part des jours AVEC alerte : la spécificité compte les jours sans alerte, (~ ...).mean() * 100.": (
        alerte[~a_risque].mean() * 100),
    "Ce sont les jours à risque sans alerte : la spécificité porte sur les jours qui ne sont PAS à risque "
    "(~jours_alertes_reprise[\"a_risque\"]).": (~alerte[a_risque]).mean() * 100,
    "C'est la sensibilité (les décompensations annoncées) : la spécificité porte sur les jours sans "
    "décompensation à venir.": jours_alertes_reprise[a_risque].groupby(["patient_id", "date_decompensation"])[
        "alerte"].any().mean() * 100,
}
grade_answer(
    "q7", specificite, (~alerte[~a_risque]).mean() * 100, Percentage(decimals=2),
    mistakes={message: valeur for message, valeur in erreurs.items() if 0 <= valeur <= 100},
    hint="Ce n'est pas la part des jours sans alerte parmi les jours qui ne sont pas à risque ; indice : "
         "(~jours_alertes_reprise.loc[~jours_alertes_reprise[\"a_risque\"], \"alerte\"]).mean() * 100.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : la charge de travail de l'équipe (1 point)
#
# Stockez dans `alertes_par_patient_mois` le nombre d'alertes pour **30 jours de suivi** (un « mois
# patient ») : le nombre total d'alertes (`jours_alertes_reprise["alerte"].sum()`) divisé par le
# nombre total de jours de suivi (`suivi_reprise["jours_suivis"].sum()`), multiplié par 30. Il est
# jugé à deux décimales près.
#
# Attention : ce n'est pas le nombre d'alertes **par patient** sur tout son suivi, qui dépend de la
# durée de chaque suivi ; ramené à 30 jours, il se compare d'une équipe à l'autre.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
alertes_par_patient_mois = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
alertes_par_patient_mois = jours_alertes_reprise["alerte"].sum() / suivi_reprise["jours_suivis"].sum() * 30
### END SOLUTION

# %% kit={"competences": ["telesurveillance", "indicateurs-activite"], "reponses": ["alertes_par_patient_mois"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q8", alertes_par_patient_mois)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Number
from participant.checks import grade_answer

alertes = jours_alertes_reprise["alerte"].sum()
jours_de_suivi = suivi_reprise["jours_suivis"].sum()
alertes_par_patient = jours_alertes_reprise.groupby("patient_id")["alerte"].sum()
grade_answer(
    "q8", alertes_par_patient_mois, alertes / jours_de_suivi * 30, Number(decimals=2),
    mistakes={
        "C'est le nombre d'alertes par patient sur tout son suivi : ramenez-le à 30 jours de suivi (divisez par "
        "la somme de jours_suivis, multipliez par 30).": alertes / len(suivi_reprise),
        "C'est le nombre d'alertes par jour de suivi : multipliez par 30 pour un mois.": alertes / jours_de_suivi,
        "Vous avez divisé par le nombre de jours de mesure (lignes de la table) : divisez par le nombre de jours "
        "de suivi, suivi_reprise[\"jours_suivis\"].sum().": alertes / len(jours_alertes_reprise) * 30,
        "C'est la moyenne des taux de chaque patient : divisez le total des alertes par le total des jours de "
        "suivi, tous patients confondus.": (alertes_par_patient / suivi_reprise["jours_suivis"] * 30).mean(),
        "C'est le nombre total d'alertes : divisez-le par les jours de suivi et multipliez par 30.": alertes,
        "Le « mois patient » de cet indicateur compte 30 jours de suivi : multipliez par 30.": (
            alertes / jours_de_suivi * 31),
    },
    hint="Ce n'est pas le nombre d'alertes pour 30 jours de suivi ; indice : jours_alertes_reprise[\"alerte\"].sum() "
         "/ suivi_reprise[\"jours_suivis\"].sum() * 30.",
)
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
# Faut-il alerter dès 1,5 kg, à 2 kg, ou seulement à 3 kg ? La fonction `evaluer_seuil` de la cellule
# suivante refait les calculs des questions 5 à 8, à partir des tables des points de reprise, pour un
# seuil quelconque, et rend les indicateurs sous forme de dictionnaire. Exécutez-la : la dernière
# ligne l'essaie avec 2 kg, vous devez retrouver les résultats des questions 6 à 8.

# %% nbgrader={"grade": false, "grade_id": "evaluer-seuil", "locked": true, "schema_version": 3, "solution": false, "task": false}
def evaluer_seuil(seuil):
    """Les indicateurs de la règle « au moins `seuil` kg de plus qu'il y a 7 mesures »."""
    essai = jours_alertes_reprise.assign(alerte=jours_alertes_reprise["prise_poids_7j"] >= seuil)
    par_decompensation = essai[essai["a_risque"]].groupby(["patient_id", "date_decompensation"])["alerte"].any()
    return {
        "seuil": seuil,
        "sensibilite": par_decompensation.mean() * 100,
        "specificite": (~essai.loc[~essai["a_risque"], "alerte"]).mean() * 100,
        "alertes_par_patient_mois": essai["alerte"].sum() / suivi_reprise["jours_suivis"].sum() * 30,
        "valeur_predictive_positive": essai.loc[essai["alerte"], "a_risque"].mean() * 100,
    }


pd.Series(evaluer_seuil(2)).round(2)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : le tableau de comparaison (1 point)
#
# Appelez `evaluer_seuil` pour les seuils **1,5 kg, 2 kg et 3 kg** (en Python, la virgule décimale
# s'écrit avec un point : `1.5`) et rassemblez les trois résultats dans une table `comparaison`, une
# ligne par seuil. Les nombres sont jugés à deux décimales près.
#
# Indice : `pd.DataFrame([evaluer_seuil(1.5), evaluer_seuil(2), evaluer_seuil(3)])` construit une
# table à partir d'une liste de dictionnaires.

# %% nbgrader={"grade": false, "grade_id": "q9-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
comparaison = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
comparaison = pd.DataFrame([evaluer_seuil(1.5), evaluer_seuil(2), evaluer_seuil(3)])
### END SOLUTION

# %% kit={"competences": ["telesurveillance", "indicateurs-activite"], "reponses": ["comparaison"]} nbgrader={"grade": true, "grade_id": "q9-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q9", comparaison)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

colonnes = ("seuil", "sensibilite", "specificite", "alertes_par_patient_mois")
attendu = pd.DataFrame([evaluer_seuil(1.5), evaluer_seuil(2), evaluer_seuil(3)])
grade_answer(
    "q9", comparaison, attendu, Table(columns=colonnes, decimals=2),
    mistakes={
        "Le premier seuil est 1,5 kg, qui s'écrit 1.5 en Python (avec un point).": pd.DataFrame(
            [evaluer_seuil(1), evaluer_seuil(2), evaluer_seuil(3)]),
        "Les seuils sont en kilos : 1.5, 2 et 3 (pas 15, 20 et 30).": pd.DataFrame(
            [evaluer_seuil(15), evaluer_seuil(20), evaluer_seuil(30)]),
        "Arrondi trop fort : gardez au moins deux décimales (ou n'arrondissez pas).": attendu.round(1),
    },
    hint="Ce n'est pas le tableau attendu : une ligne par seuil 1.5, 2 et 3, construite avec "
         "pd.DataFrame([evaluer_seuil(1.5), evaluer_seuil(2), evaluer_seuil(3)]).",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante construit le tableau avec le code ci-dessous,
# sous le nom `comparaison_reprise` ; la question 10 l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q9-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
comparaison_reprise = pd.DataFrame([evaluer_seuil(1.5), evaluer_seuil(2), evaluer_seuil(3)])
comparaison_reprise.round(2)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 10 : le graphique du compromis (1 point)
#
# Tracez la **sensibilité** (axe vertical) en fonction du **nombre d'alertes par patient et par
# mois** (axe horizontal), un point par seuil, à partir de `comparaison_reprise`, et stockez la figure
# dans `figure_compromis` :
#
# ```python
# figure_compromis = px.line(comparaison_reprise, x="alertes_par_patient_mois", y="sensibilite",
#                            text="seuil", markers=True, title="...",
#                            labels={"alertes_par_patient_mois": "Alertes par patient et par mois",
#                                    "sensibilite": "Sensibilité (%)", "seuil": "Seuil (kg)"})
# ```
#
# Remplacez les `...` par un titre en français qui dit ce que montre la figure. Le paramètre
# `text="seuil"` écrit le seuil à côté de chaque point ; `labels` donne des noms d'axes lisibles. La
# vérification regarde les points tracés et la présence d'un titre ; la cellule qui suit la
# vérification affiche le graphique.

# %% nbgrader={"grade": false, "grade_id": "q10-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
figure_compromis = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
figure_compromis = px.line(comparaison_reprise, x="alertes_par_patient_mois", y="sensibilite",
                           text="seuil", markers=True,
                           title="Règle d'alerte sur le poids : décompensations repérées et charge de l'équipe",
                           labels={"alertes_par_patient_mois": "Alertes par patient et par mois",
                                   "sensibilite": "Sensibilité (%)", "seuil": "Seuil (kg)"})
figure_compromis.update_traces(textposition="top center")
### END SOLUTION

# %% kit={"competences": ["visualiser", "telesurveillance"], "reponses": ["figure_compromis"]} nbgrader={"grade": true, "grade_id": "q10-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q10", figure_compromis)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Figure
from participant.checks import grade_answer

attendu = px.line(comparaison_reprise, x="alertes_par_patient_mois", y="sensibilite", title="compromis")
grade_answer(
    "q10", figure_compromis, attendu, Figure(points=("x", "y"), title=True),
    mistakes={
        "Les axes sont inversés : x=\"alertes_par_patient_mois\" (horizontal), y=\"sensibilite\" (vertical).": px.line(
            comparaison_reprise, x="sensibilite", y="alertes_par_patient_mois", title="compromis"),
        "L'axe vertical porte la sensibilité (y=\"sensibilite\"), pas la spécificité.": px.line(
            comparaison_reprise, x="alertes_par_patient_mois", y="specificite", title="compromis"),
        "L'axe horizontal porte le nombre d'alertes par patient et par mois (x=\"alertes_par_patient_mois\"), "
        "pas le seuil.": px.line(comparaison_reprise, x="seuil", y="sensibilite", title="compromis"),
    },
    hint="Ce n'est pas le graphique attendu : un point par seuil, x=\"alertes_par_patient_mois\", "
         "y=\"sensibilite\", à partir de comparaison_reprise.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre figure soit juste ou non, la cellule suivante trace le graphique du compromis avec le code
# ci-dessous : lisez-le avant la dernière question.

# %% nbgrader={"grade": false, "grade_id": "q10-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
figure_reprise = px.line(comparaison_reprise, x="alertes_par_patient_mois", y="sensibilite",
                         text="seuil", markers=True,
                         title="Règle d'alerte sur le poids : décompensations repérées et charge de l'équipe",
                         labels={"alertes_par_patient_mois": "Alertes par patient et par mois",
                                 "sensibilite": "Sensibilité (%)", "seuil": "Seuil (kg)"})
figure_reprise.update_traces(textposition="top center")
figure_reprise

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

# %% [markdown] nbgrader={"grade": false, "grade_id": "q11-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 11 : quel seuil proposer ? (3 points, corrigée par votre formateur)
#
# L'équipe infirmière d'insuffisance cardiaque de votre hôpital vous demande quel seuil retenir.
# En cinq à dix lignes :
#
# 1. proposez un seuil et justifiez-le avec les chiffres de `comparaison_reprise` (décompensations
#    repérées, alertes à traiter) ;
# 2. dites comment l'équipe devrait s'organiser pour traiter les alertes ;
# 3. citez ce que vous vérifieriez avant de généraliser la règle à tous les patients.

# %% [markdown] kit={"bareme": ["1 point : un seuil est propos\u00e9 et justifi\u00e9 par les chiffres du tableau (sensibilit\u00e9, alertes par patient et par mois), en nommant le compromis entre d\u00e9compensations manqu\u00e9es et fatigue d'alerte", "1 point : l'organisation du traitement des alertes est d\u00e9crite (qui lit les alertes, dans quel d\u00e9lai, week-ends compris, conduite \u00e0 tenir, charge ramen\u00e9e au nombre de patients suivis)", "1 point : au moins deux v\u00e9rifications avant de g\u00e9n\u00e9raliser parmi : consentement et information du patient, petit nombre de d\u00e9compensations (incertitude, validation sur d'autres donn\u00e9es), fausses alertes et valeur pr\u00e9dictive positive, \u00e9quit\u00e9 d'acc\u00e8s aux appareils et au num\u00e9rique, h\u00e9bergement HDS des donn\u00e9es"], "competences": ["argumenter", "telesurveillance"]} nbgrader={"grade": true, "grade_id": "q11-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Je proposerais **2 kg en 7 jours** : dans notre tableau, ce seuil repère la plupart des
# décompensations tout en restant à une alerte de loin en loin par patient, alors que 1,5 kg n'en
# repère pas ou à peine davantage mais multiplie les alertes (dont beaucoup de fausses : fatigue
# d'alerte), et que 3 kg en laisse passer beaucoup plus.
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
