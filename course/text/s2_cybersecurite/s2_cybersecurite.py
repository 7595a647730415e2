# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Cybersécurité en santé : lire les journaux d'accès
#
# **Durée : 90 minutes.** Domaine du référentiel : **Cybersécurité en santé** (formation socle au
# numérique en santé).
#
# Chaque fois qu'un soignant ouvre le dossier d'un patient, le système d'information de l'hôpital
# l'écrit dans un **journal d'accès** : qui, quand, depuis quel poste, quelle action, sur quel
# dossier. Dans ce carnet, vous prenez la place de l'équipe de sécurité d'un groupe d'hôpitaux :
# quatre semaines de journaux **entièrement synthétiques** (aucune ligne ne décrit une personne
# réelle) cachent trois incidents de sécurité. À vous de les trouver.
#
# À la fin de ce carnet, vous saurez :
#
# - expliquer pourquoi les établissements de santé sont des cibles, et ce que la loi impose
#   (secret médical, traçabilité des accès, notification d'une violation de données) ;
# - explorer un journal d'accès : événements par action et par heure, connexions réussies et
#   échouées, avec `value_counts` et un histogramme plotly ;
# - repérer une attaque par bourrage d'identifiants, une extraction massive de nuit et un agent
#   qui consulte des dossiers par curiosité, avec des filtres et des comptages ;
# - expliquer pourquoi un système ne stocke que l'empreinte d'un mot de passe, salée et lente à
#   calculer, et jamais le mot de passe lui-même ;
# - proposer les mesures d'hygiène numérique qui préviennent ces incidents, et réagir à une fuite.
#
# Chaque question a une cellule de réponse, où vous remplacez les trois points `...` par votre calcul,
# puis une cellule de vérification : exécutez-la. « ✅ Bonne réponse » veut dire que la réponse est juste
# (et vaudra tous les points de la question) ; sinon, un ❌ vous dit ce qui ne va pas. Quand une question
# s'appuie sur le résultat d'une question précédente, un **point de reprise** le recalcule juste avant :
# une erreur en chemin ne vous bloque pas pour la suite.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée). La première indique où se trouve
# le jeu de données du cours. La seconde **fabrique les journaux de ce carnet**, pour que tout le
# monde travaille sur les mêmes : quatre semaines d'accès aux dossiers des patients d'une population
# synthétique de 30 000 personnes, toujours identiques (le tirage est fixé par une « graine »),
# rangées dans un dossier temporaire. Cela prend quelques secondes. Elle charge aussi la table
# `etablissements` qui va avec ces journaux, le module `hashlib`, qui calcule des empreintes
# (section 6), et enfin les journaux du jeu de données du cours (`journaux_du_cours`, pour « Pour
# aller plus loin ») : c'est pour ce jeu que les vérifications de vos réponses ont été préparées.
# Vous n'avez pas besoin de modifier ces cellules.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import plotly.express as px

from generators.generate import Options, generate_dataset
from participant.checks import check_answer
from participant.data import load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français

# Les journaux du carnet : toujours les mêmes (30 000 patients, graine 31), dans un dossier temporaire.
DOSSIER_JOURNAUX = Path(tempfile.mkdtemp()) / "journaux"
generate_dataset(Options(patients=30_000, seed=31), DOSSIER_JOURNAUX,
                 tables=("journaux_acces", "etablissements"))
journaux = load_table("journaux_acces", DOSSIER_JOURNAUX)
etablissements = load_table("etablissements", DOSSIER_JOURNAUX, colonnes=["finess", "categorie", "lits"])
print(f"{len(journaux):,}".replace(",", " "), "événements chargés, du",
      f"{journaux['horodatage'].min():%d/%m/%Y} au {journaux['horodatage'].max():%d/%m/%Y}")

# Les journaux du jeu de données du cours (« Pour aller plus loin »), chargés en dernier : les
# vérifications de vos réponses sont préparées pour ce jeu.
journaux_du_cours = load_table("journaux_acces", DONNEES)

# %% [markdown]
# ## 1. Pourquoi la santé est une cible
#
# Les établissements de santé cumulent trois fragilités qui attirent les attaquants.
#
# - **Des données précieuses.** Diagnostics, traitements, numéro de sécurité sociale, adresse :
#   volées, ces informations servent au chantage, à des escroqueries ciblées (un faux message « de
#   votre hôpital » qui cite vos vrais soins) ou se revendent. Une carte bancaire volée se remplace ;
#   un diagnostic divulgué ne se « renouvelle » pas.
# - **Une activité qui ne peut pas s'arrêter.** Un hôpital bloqué met des patients en danger, ce qui
#   pousse à payer. Plusieurs hôpitaux français frappés par un **rançongiciel** (un logiciel
#   malveillant qui chiffre les fichiers et exige une rançon pour les rendre lisibles) ont dû revenir
#   au papier pendant des semaines, déprogrammer des opérations et transférer des patients.
# - **Des milliers de comptes et de postes.** Médecins, soignants, internes, secrétaires,
#   prestataires, postes partagés allumés jour et nuit : chaque compte est une porte d'entrée.
#
# Fin 2024, les données d'environ **750 000 patients** d'un établissement d'Île-de-France ont été
# volées. L'attaquant n'a rien « cassé » : il s'est servi du compte d'un utilisateur d'un logiciel de
# l'établissement, protégé par un simple identifiant et un mot de passe.
#
# **La traçabilité, une obligation.** Le secret médical (article L1110-4 du code de la santé
# publique) réserve les informations d'un patient aux professionnels qui participent à sa prise en
# charge. Pour le garantir, chaque accès au dossier informatisé est **tracé** : les règles de
# sécurité des systèmes d'information de santé imposent de journaliser les accès, de conserver ces
# traces et de les contrôler. Un patient peut demander à l'établissement quels accès ont eu lieu à son
# dossier ; dans Mon espace santé, il consulte lui-même l'historique des accès à son profil. Ces
# journaux servent enfin à **détecter** les incidents : c'est ce que vous allez faire.

# %% [markdown]
# ## 2. Explorer les journaux
#
# Chaque ligne du journal est un **événement**. Voici les cinq premières :

# %%
journaux.head()

# %% [markdown]
# Les colonnes (le dictionnaire des données, `dictionnaire.md`, les décrit toutes) :
#
# | colonne | ce qu'elle contient |
# | --- | --- |
# | `horodatage` | la date et l'heure de l'événement, à la minute |
# | `finess` | l'établissement dont le système a enregistré l'événement |
# | `agent_id` | le compte utilisé (pour une connexion : le nom d'utilisateur tapé, qui peut ne pas exister) |
# | `service_agent` | le service de l'agent (cardiologie, maternité...) |
# | `poste` | l'ordinateur d'où vient l'événement |
# | `action` | `connexion` (au système), `consultation` (ouverture d'un dossier), `export` (copie d'un dossier hors du logiciel) |
# | `resultat` | `succes` ou `echec` (mot de passe refusé) |
# | `patient_id` | le patient dont le dossier est ouvert (vide pour une connexion) |
# | `service_patient` | le service où ce patient est hospitalisé |
#
# Une case vide s'affiche `NaN` ou `None` (« pas de valeur »).

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : quels types d'événements ? (1 point)
#
# Comptez les événements de chaque type d'action, avec `.value_counts()` appliqué à la colonne
# `action`, et stockez le résultat dans `actions_par_type`. Pour voir le résultat, vous pouvez ajouter
# une dernière ligne `actions_par_type` à la cellule.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
actions_par_type = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
actions_par_type = journaux["action"].value_counts()
### END SOLUTION

# %% kit={"competences": ["detection-incidents"], "reponses": ["actions_par_type"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", actions_par_type)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

grade_answer(
    "q1", actions_par_type, journaux["action"].value_counts(), Series(),
    mistakes={
        "Ce sont des proportions : sans normalize=True, .value_counts() donne des effectifs.": (
            journaux["action"].value_counts(normalize=True)
        ),
        "Ce sont des pourcentages : .value_counts() seul donne des effectifs.": (
            journaux["action"].value_counts(normalize=True) * 100
        ),
        "Vous avez compté les résultats (succes, echec) : comptez la colonne action.": (
            journaux["resultat"].value_counts()
        ),
        "Vous n'avez compté que les événements réussis : comptez toutes les lignes de journaux.": (
            journaux[journaux["resultat"] == "succes"]["action"].value_counts()
        ),
    },
    hint="Ce ne sont pas les effectifs par action ; indice : journaux[\"action\"].value_counts().",
)
### END HIDDEN TESTS

# %% [markdown]
# Les connexions réussissent-elles toutes ? `pd.crosstab` croise deux colonnes : une ligne par action,
# une colonne par résultat, et dans chaque case le nombre d'événements.

# %%
pd.crosstab(journaux["action"], journaux["resultat"])

# %% [markdown]
# Seules les connexions peuvent échouer (mot de passe refusé). Quelques échecs sont normaux : une
# faute de frappe, un mot de passe oublié après les congés. Toute la question est de savoir **où** et
# **quand** ils se produisent.
#
# Ajoutons maintenant l'heure de chaque événement : `.dt.hour` extrait l'heure (de 0 à 23) d'une
# date et heure. La cellule suivante (verrouillée, exécutez-la simplement) range le résultat dans une
# nouvelle colonne `heure` de `journaux`.

# %% nbgrader={"grade": false, "grade_id": "ajout-heure", "locked": true, "schema_version": 3, "solution": false, "task": false}
journaux["heure"] = journaux["horodatage"].dt.hour
journaux[["horodatage", "heure", "action"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : l'activité heure par heure (2 points)
#
# Un **histogramme** compte les lignes d'une table selon les valeurs d'une colonne et les dessine en
# barres. Tracez avec `px.histogram` celui de **tous** les événements de `journaux` selon l'`heure`,
# avec un titre en français, et stockez la figure dans `figure_heures`. Pour la voir, ajoutez une
# dernière ligne `figure_heures` à la cellule.
#
# Indice : `px.histogram(journaux, x="heure", nbins=24, color="action", title="...")` ;
# `nbins=24` demande une barre par heure, `color="action"` colore chaque barre selon l'action.
# Vous pouvez renommer les axes avec `labels={"heure": "Heure de la journée"}`.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
figure_heures = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
figure_heures = px.histogram(journaux, x="heure", nbins=24, color="action",
                             labels={"heure": "Heure de la journée", "action": "Action"},
                             title="Événements du journal selon l'heure de la journée")
### END SOLUTION

# %% kit={"competences": ["visualiser", "detection-incidents"], "reponses": ["figure_heures"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", figure_heures)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Figure
from participant.checks import grade_answer

grade_answer(
    "q2", figure_heures, px.histogram(journaux, x="heure", title="attendu"),
    Figure(points=("x", "y", "histfunc", "histnorm", "cumulative.enabled")),
    mistakes={
        "L'axe horizontal porte la date et l'heure complètes : prenez la colonne heure (x=\"heure\").": (
            px.histogram(journaux, x="horodatage", title="erreur")
        ),
        "Seules les connexions sont comptées : tracez l'histogramme de toute la table journaux.": (
            px.histogram(journaux[journaux["action"] == "connexion"], x="heure", title="erreur")
        ),
        "L'heure est sur l'axe vertical : mettez-la en abscisse, avec x=\"heure\" (pas y=).": (
            px.histogram(journaux, y="heure", title="erreur")
        ),
        "L'axe horizontal porte les actions : il doit porter l'heure (x=\"heure\") ; color=\"action\" "
        "colore les barres selon l'action.": px.histogram(journaux, x="action", title="erreur"),
        "Ce sont des effectifs déjà comptés, tracés en barres : la question demande px.histogram(journaux, "
        "x=\"heure\", ...), qui compte lui-même les événements.": (
            px.bar(journaux["heure"].value_counts(), title="erreur")
        ),
        "Ce sont des événements cumulés (cumulative=True) : chaque barre doit compter les événements de "
        "son heure seulement.": px.histogram(journaux, x="heure", cumulative=True, title="erreur"),
        "Ce sont des pourcentages (histnorm) : l'histogramme demandé compte les événements, sans "
        "histnorm.": px.histogram(journaux, x="heure", histnorm="percent", title="erreur"),
    },
    hint="Ce n'est pas l'histogramme des événements selon l'heure ; indice : "
         "px.histogram(journaux, x=\"heure\", title=\"...\").",
)
### END HIDDEN TESTS

# %% [markdown]
# Que votre figure soit juste ou non, la cellule suivante trace l'histogramme attendu. Lisez-le
# (passez la souris sur les barres pour lire les effectifs). L'activité suit la journée de travail :
# beaucoup d'événements de 7 h à 21 h, une activité réduite la nuit, celle des équipes de garde. Mais
# entre 1 h et 4 h du matin, les barres remontent : des **exports** en pleine nuit, et une poussée de
# **connexions** vers 2 h. Gardez-les en tête : ce sont deux des trois incidents.

# %%
figure = px.histogram(journaux, x="heure", nbins=24, color="action",
                      labels={"heure": "Heure de la journée", "action": "Action"},
                      title="Événements du journal selon l'heure de la journée")
figure.show()

# %% [markdown]
# ## 3. Le bourrage d'identifiants
#
# Après chaque grande fuite de données (un site marchand, un réseau social...), des millions de
# couples « identifiant + mot de passe » circulent. Comme beaucoup de gens réutilisent le même mot de
# passe partout, les attaquants les essaient en masse sur d'autres services : c'est le **bourrage
# d'identifiants** (en anglais *credential stuffing*). Un programme enchaîne des centaines d'essais
# en quelques minutes ; presque tous échouent, quelques-uns réussissent... et ouvrent la porte.
#
# Commençons par ne garder que les connexions. `journaux["action"] == "connexion"` donne, pour chaque
# ligne, Vrai ou Faux ; placé entre crochets derrière `journaux`, ce test ne garde que les lignes
# où il vaut Vrai. C'est un **filtre**.

# %%
connexions = journaux[journaux["action"] == "connexion"]
print(len(connexions), "connexions")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : quel poste accumule les échecs ? (2 points)
#
# Créez, dans cet ordre, trois variables :
#
# 1. `echecs` : les lignes de `connexions` dont le `resultat` vaut `"echec"` (même filtre que
#    ci-dessus, sur la colonne `resultat`) ;
# 2. `echecs_par_poste` : le nombre d'échecs de chaque poste, avec `.value_counts()` appliqué à la
#    colonne `poste` de `echecs` ;
# 3. `poste_suspect` : le nom du poste qui compte le plus d'échecs, avec `.idxmax()`.
#
# La vérification juge `poste_suspect`. Pour voir le classement, ajoutez une dernière ligne
# `echecs_par_poste.head()`.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
echecs = ...  # VOTRE CODE ICI
echecs_par_poste = ...  # VOTRE CODE ICI
poste_suspect = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
echecs = connexions[connexions["resultat"] == "echec"]
echecs_par_poste = echecs["poste"].value_counts()
poste_suspect = echecs_par_poste.idxmax()
### END SOLUTION

# %% kit={"competences": ["detection-incidents"], "reponses": ["poste_suspect"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", poste_suspect)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

connexions_attendues = journaux[journaux["action"] == "connexion"]
echecs_attendus = connexions_attendues[connexions_attendues["resultat"] == "echec"]
reussites_attendues = connexions_attendues[connexions_attendues["resultat"] == "succes"]
grade_answer(
    "q3", poste_suspect, echecs_attendus["poste"].value_counts().idxmax(), Text(),
    mistakes={
        "C'est le poste qui compte le MOINS d'échecs : .idxmax() donne celui qui en compte le plus.": (
            echecs_attendus["poste"].value_counts().idxmin()
        ),
        "C'est le poste qui compte le plus de connexions réussies : gardez resultat == \"echec\".": (
            reussites_attendues["poste"].value_counts().idxmax()
        ),
        "C'est un compte (agent_id), pas un poste : comptez la colonne poste de echecs.": (
            echecs_attendus["agent_id"].value_counts().idxmax()
        ),
    },
    hint="Ce n'est pas le poste qui compte le plus d'échecs ; indice : "
         "echecs[\"poste\"].value_counts().idxmax().",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule les connexions échouées
# (`echecs_reprise`) et le poste qui en compte le plus (`poste_suspect_reprise`) avec le code
# ci-dessous ; la suite du carnet les utilise.

# %% nbgrader={"grade": false, "grade_id": "q3-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
echecs_reprise = journaux[(journaux["action"] == "connexion") & (journaux["resultat"] == "echec")]
poste_suspect_reprise = echecs_reprise["poste"].value_counts().idxmax()
print("Poste suspect :", poste_suspect_reprise)
echecs_reprise["poste"].value_counts().head()

# %% [markdown]
# Un poste sort nettement du lot : les autres ne comptent que quelques échecs en quatre semaines.
# Son nom ne ressemble d'ailleurs pas à ceux des postes des services. **Quand** ces échecs se
# sont-ils produits ? Comptons les échecs de connexion heure par heure sur les quatre semaines :
# `.dt.floor("h")` arrondit chaque horodatage à l'heure entière inférieure, puis
# `.groupby(...).size()` compte les lignes de chaque heure.

# %%
echecs_par_heure = (echecs_reprise.groupby(echecs_reprise["horodatage"].dt.floor("h")).size()
                    .reset_index(name="echecs"))
figure = px.bar(echecs_par_heure, x="horodatage", y="echecs",
                labels={"horodatage": "Date et heure", "echecs": "Connexions échouées"},
                title="Connexions échouées, heure par heure, sur quatre semaines")
figure.show()

# %% [markdown]
# Une seule heure écrase toutes les autres. Zoomons sur le poste suspect, minute par minute, en
# gardant cette fois les réussites **et** les échecs. `.nunique()` compte les valeurs différentes
# d'une colonne : ici, le nombre de noms d'utilisateur différents essayés.

# %%
tentatives = connexions[connexions["poste"] == poste_suspect_reprise]
print("Première tentative :", tentatives["horodatage"].min())
print("Dernière tentative :", tentatives["horodatage"].max())
print("Tentatives :", len(tentatives), "sur", tentatives["agent_id"].nunique(), "noms d'utilisateur différents")

par_minute = tentatives.groupby(["horodatage", "resultat"]).size().reset_index(name="tentatives")
figure = px.bar(par_minute, x="horodatage", y="tentatives", color="resultat",
                labels={"horodatage": "Minute", "tentatives": "Tentatives de connexion",
                        "resultat": "Résultat"},
                title=f"Connexions depuis le poste {poste_suspect_reprise}, minute par minute")
figure.show()

# %% [markdown]
# Une quinzaine d'essais par minute pendant vingt-cinq minutes, en pleine nuit, sur plus d'une
# centaine de noms d'utilisateur différents : aucun humain ne tape aussi vite. Certains noms, ceux qui
# commencent par `admin`, n'existent même pas dans l'établissement : l'attaquant essaie une liste toute
# faite. C'est la signature d'un programme de bourrage d'identifiants.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : quels comptes sont compromis ? (2 points)
#
# Quelques essais ont **réussi** : l'attaquant connaît désormais le mot de passe de ces comptes.
# Stockez dans `comptes_compromis` la liste des `agent_id` dont la connexion a réussi depuis le poste
# suspect.
#
# Indice : filtrez `tentatives` (les connexions du poste suspect, cellule précédente) sur la colonne
# `resultat` égale à `"succes"`, puis prenez la colonne `agent_id` et terminez par `.tolist()`, qui la
# transforme en liste.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
comptes_compromis = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
comptes_compromis = tentatives[tentatives["resultat"] == "succes"]["agent_id"].tolist()
### END SOLUTION

# %% kit={"competences": ["detection-incidents", "hygiene-securite"], "reponses": ["comptes_compromis"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", comptes_compromis)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Collection
from participant.checks import grade_answer

connexions_attendues = journaux[journaux["action"] == "connexion"]
poste_attendu = connexions_attendues[connexions_attendues["resultat"] == "echec"]["poste"].value_counts().idxmax()
tentatives_attendues = connexions_attendues[connexions_attendues["poste"] == poste_attendu]
grade_answer(
    "q4", comptes_compromis, tentatives_attendues[tentatives_attendues["resultat"] == "succes"]["agent_id"],
    Collection(),
    mistakes={
        "Ce sont les noms dont la connexion a échoué : gardez resultat == \"succes\".": (
            tentatives_attendues[tentatives_attendues["resultat"] == "echec"]["agent_id"]
        ),
        "Ce sont tous les noms essayés depuis le poste : gardez seulement les connexions réussies.": (
            tentatives_attendues["agent_id"]
        ),
        "Ce sont toutes les connexions réussies du journal : partez de tentatives, les connexions du poste "
        "suspect.": connexions_attendues[connexions_attendues["resultat"] == "succes"]["agent_id"],
        "Ce sont des noms de postes : prenez la colonne agent_id.": (
            tentatives_attendues[tentatives_attendues["resultat"] == "succes"]["poste"]
        ),
    },
    hint="Ce ne sont pas les comptes connectés avec succès depuis le poste suspect ; indice : "
         "tentatives[tentatives[\"resultat\"] == \"succes\"][\"agent_id\"].tolist().",
)
### END HIDDEN TESTS

# %% [markdown]
# Voici ces connexions réussies, avec leur heure :

# %%
tentatives[tentatives["resultat"] == "succes"][["horodatage", "agent_id", "service_agent"]]

# %% [markdown]
# Que faire ? Bloquer le poste (ou l'adresse réseau) d'où viennent les essais ; désactiver ces
# comptes, fermer leurs sessions ouvertes et en changer le mot de passe ; vérifier ce qu'ils ont fait
# après la connexion ; prévenir leurs titulaires : si leur mot de passe a été trouvé parmi si peu
# d'essais, c'est qu'il a fuité ailleurs et qu'ils le réutilisent. Avec une **double
# authentification** (un second facteur en plus du mot de passe), ces mots de passe volés n'auraient
# ouvert aucune porte.

# %% [markdown]
# ## 4. L'extraction nocturne
#
# Un soignant de garde ouvre quelques dossiers la nuit ; personne n'a besoin d'**exporter** (copier
# hors du logiciel) des centaines de dossiers à 2 h du matin. Un compte volé, utilisé la nuit quand
# personne ne regarde, si.
#
# Gardons les accès aux dossiers, c'est-à-dire les consultations et les exports : le symbole `!=`
# veut dire « différent de », donc ce filtre écarte les connexions.

# %%
acces = journaux[journaux["action"] != "connexion"]
print(len(acces), "accès à des dossiers")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : qui ouvre des dossiers en pleine nuit ? (2 points)
#
# Créez, dans cet ordre :
#
# 1. `nuit` : les lignes de `acces` dont l'`heure` est inférieure à 5 (de 0 h à 4 h 59), avec le
#    filtre `acces["heure"] < 5` ;
# 2. `acces_nuit_par_agent` : le nombre d'accès de nuit de chaque agent (`.value_counts()` sur la
#    colonne `agent_id` de `nuit`).
#
# La vérification juge `acces_nuit_par_agent`. Pour voir les agents les plus actifs la nuit, ajoutez
# une dernière ligne `acces_nuit_par_agent.head()`.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
nuit = ...  # VOTRE CODE ICI
acces_nuit_par_agent = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
nuit = acces[acces["heure"] < 5]
acces_nuit_par_agent = nuit["agent_id"].value_counts()
### END SOLUTION

# %% kit={"competences": ["detection-incidents"], "reponses": ["acces_nuit_par_agent"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", acces_nuit_par_agent)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

acces_attendus = journaux[journaux["action"] != "connexion"]
grade_answer(
    "q5", acces_nuit_par_agent, acces_attendus[acces_attendus["heure"] < 5]["agent_id"].value_counts(), Series(),
    mistakes={
        "Vous avez gardé aussi l'heure de 5 h : « inférieure à 5 » s'écrit < 5, pas <= 5.": (
            acces_attendus[acces_attendus["heure"] <= 5]["agent_id"].value_counts()
        ),
        "Ce sont les accès de jour (5 h et après) : la nuit, c'est acces[\"heure\"] < 5.": (
            acces_attendus[acces_attendus["heure"] >= 5]["agent_id"].value_counts()
        ),
        "Les connexions sont comptées aussi : partez de acces (consultations et exports), pas de journaux.": (
            journaux[journaux["heure"] < 5]["agent_id"].value_counts()
        ),
        "Vous avez oublié le filtre de nuit : comptez les lignes de nuit, pas tous les accès.": (
            acces_attendus["agent_id"].value_counts()
        ),
        "Ce sont des postes : comptez la colonne agent_id de nuit.": (
            acces_attendus[acces_attendus["heure"] < 5]["poste"].value_counts()
        ),
        "Ce sont des proportions : sans normalize=True, .value_counts() donne des effectifs.": (
            acces_attendus[acces_attendus["heure"] < 5]["agent_id"].value_counts(normalize=True)
        ),
    },
    hint="Ce ne sont pas les accès de nuit par agent ; indice : nuit = acces[acces[\"heure\"] < 5], "
         "puis nuit[\"agent_id\"].value_counts().",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule les accès de nuit par agent avec
# le code ci-dessous, et garde dans `agent_nocturne_reprise` l'agent qui en compte le plus
# (`.idxmax()`) ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q5-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
acces_nuit_reprise = journaux[(journaux["action"] != "connexion") & (journaux["heure"] < 5)]
acces_nuit_par_agent_reprise = acces_nuit_reprise["agent_id"].value_counts()
agent_nocturne_reprise = acces_nuit_par_agent_reprise.idxmax()
print("Agent le plus actif la nuit :", agent_nocturne_reprise)
acces_nuit_par_agent_reprise.head()

# %% [markdown]
# Un agent sort nettement du lot. Fait-il partie d'une équipe de nuit très active ? Comptons d'abord
# **qui exporte** des dossiers, sur les quatre semaines :

# %%
journaux[journaux["action"] == "export"]["agent_id"].value_counts()

# %% [markdown]
# Un seul compte exporte, et il le fait en masse. Regardons son activité jour par jour :
# `.dt.date` garde la date sans l'heure.

# %%
activite = journaux[journaux["agent_id"] == agent_nocturne_reprise]
par_jour = activite.groupby([activite["horodatage"].dt.date, "action"]).size().reset_index(name="evenements")
figure = px.bar(par_jour, x="horodatage", y="evenements", color="action",
                labels={"horodatage": "Jour", "evenements": "Événements", "action": "Action"},
                title=f"Activité du compte {agent_nocturne_reprise}, jour par jour")
figure.update_yaxes(type="log", title_text="Événements (échelle logarithmique)")
figure.show()

# %% [markdown]
# L'axe vertical est en **échelle logarithmique** (chaque graduation vaut dix fois la précédente),
# pour voir sur le même graphique les jours ordinaires et la nuit de l'extraction. Les autres jours,
# le compte a l'activité d'un agent ordinaire : une connexion, quelques dossiers de son service. C'est
# la marque d'un **compte compromis** : le titulaire n'est pas forcément le coupable, quelqu'un s'est
# peut-être servi de ses identifiants.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : combien de patients touchés ? (2 points)
#
# Pour prévenir les personnes concernées, il faut savoir **combien** de dossiers sont sortis. Créez :
#
# 1. `exports_nocturnes` : les lignes de `journaux` où l'`agent_id` est `agent_nocturne_reprise`
#    (l'agent trouvé au point de reprise) **et** l'`action` est `"export"`. Deux conditions se
#    combinent avec `&`, chacune entre parenthèses : `journaux[(condition 1) & (condition 2)]` ;
# 2. `nombre_dossiers_exportes` : le nombre de patients **différents** exportés, avec `.nunique()`
#    appliqué à la colonne `patient_id` de `exports_nocturnes`.
#
# La vérification juge `nombre_dossiers_exportes`.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
exports_nocturnes = ...  # VOTRE CODE ICI
nombre_dossiers_exportes = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
exports_nocturnes = journaux[(journaux["agent_id"] == agent_nocturne_reprise) & (journaux["action"] == "export")]
nombre_dossiers_exportes = exports_nocturnes["patient_id"].nunique()
### END SOLUTION

# %% kit={"competences": ["detection-incidents", "cadre-juridique"], "reponses": ["nombre_dossiers_exportes"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", nombre_dossiers_exportes)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Count
from participant.checks import grade_answer

acces_nuit_attendus = journaux[(journaux["action"] != "connexion") & (journaux["heure"] < 5)]
agent_attendu = acces_nuit_attendus["agent_id"].value_counts().idxmax()
activite_attendue = journaux[journaux["agent_id"] == agent_attendu]
grade_answer(
    "q6", nombre_dossiers_exportes,
    activite_attendue[activite_attendue["action"] == "export"]["patient_id"].nunique(), Count(),
    mistakes={
        "C'est le nombre de lignes de toute l'activité de l'agent (connexions et consultations comprises) : "
        "ajoutez la condition journaux[\"action\"] == \"export\".": len(activite_attendue),
        "Ce sont les dossiers que l'agent a consultés, pas exportés : l'action doit valoir \"export\".": (
            activite_attendue[activite_attendue["action"] == "consultation"]["patient_id"].nunique()
        ),
        "C'est le nombre d'accès de nuit de tous les agents : gardez seulement les exports de "
        "agent_nocturne_reprise.": len(acces_nuit_attendus),
        "Ce sont les patients ouverts la nuit par tous les agents : gardez seulement les exports de "
        "agent_nocturne_reprise.": acces_nuit_attendus["patient_id"].nunique(),
    },
    hint="Ce n'est pas le nombre de patients différents exportés par l'agent de la nuit ; indice : "
         "exports_nocturnes[\"patient_id\"].nunique().",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule les exports de cet agent
# (`exports_nocturnes_reprise`) avec le code ci-dessous ; la suite du carnet les utilise.

# %% nbgrader={"grade": false, "grade_id": "q6-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
exports_nocturnes_reprise = journaux[(journaux["agent_id"] == agent_nocturne_reprise)
                                     & (journaux["action"] == "export")]
print(exports_nocturnes_reprise["patient_id"].nunique(), "dossiers de patients exportés")

# %% [markdown]
# Mettons ce chiffre en regard de l'établissement visé et du travail normal de ses équipes :

# %%
finess_vise = exports_nocturnes_reprise["finess"].iloc[0]
print(etablissements[etablissements["finess"] == finess_vise])
print("Premier export :", exports_nocturnes_reprise["horodatage"].min(),
      "; dernier :", exports_nocturnes_reprise["horodatage"].max())
consultes = journaux[(journaux["finess"] == finess_vise) & (journaux["action"] == "consultation")]
print("Dossiers différents ouverts par les équipes de l'établissement en quatre semaines :",
      consultes["patient_id"].nunique())

# %% [markdown]
# En trois heures, un seul compte a copié bien plus de dossiers que toutes les équipes de ce CHU n'en
# ont ouvert en quatre semaines : les dossiers de **tous** les patients passés par l'établissement
# ces trois dernières années, y compris ceux qui n'y ont plus mis les pieds depuis longtemps. Notre
# population synthétique ne compte que 30 000 habitants pour toute la France, plus de 2 000 fois
# moins que la réalité (68 millions) : à l'échelle réelle, ce seraient des centaines de milliers de
# patients, comme dans la fuite de 2024.
#
# **Ce que dit la loi.** Une telle copie non autorisée est une **violation de données
# personnelles** au sens du RGPD. L'établissement doit la notifier à la CNIL dans les meilleurs
# délais, si possible dans les **72 heures** après en avoir pris connaissance (article 33), et
# informer les patients concernés quand le risque pour eux est élevé (article 34), ce qui est le cas
# pour des données de santé. Il doit aussi signaler l'incident grave de sécurité à son agence
# régionale de santé (article L1111-8-2 du code de la santé publique), qui s'appuie sur le CERT Santé
# de l'Agence du numérique en santé. En interne, on prévient aussitôt la direction et le **délégué à
# la protection des données** (DPO), qui conduit la notification ; un dépôt de plainte est aussi
# recommandé. Pour dire **combien** de personnes et **quelles** données sont touchées, il faut des
# journaux : vous venez de le calculer.
#
# **Réagir dans la première heure.** D'abord **contenir** : désactiver le compte, fermer ses sessions
# ouvertes, changer son mot de passe, bloquer le poste ou l'accès utilisé. Ensuite **préserver les
# preuves** : copier et mettre à l'abri les journaux, ne rien effacer ni réinstaller, car ce sont eux
# qui disent ce qui est sorti. Enfin **vérifier les autres comptes**, à commencer par ceux que le
# bourrage d'identifiants a ouverts.

# %% [markdown]
# ## 5. L'agent curieux
#
# Tous les incidents ne viennent pas de l'extérieur. Un agent qui ouvre le dossier d'un voisin, d'un
# collègue ou d'une personnalité hospitalisée, sans participer à sa prise en charge, viole le secret
# médical, même s'il ne copie rien. C'est une faute, passible de sanctions disciplinaires ; les
# habilitations doivent la rendre difficile et la **revue des accès** doit la repérer.
#
# Le journal le permet : pour chaque consultation, on compare le service de l'agent
# (`service_agent`) au service où le patient est hospitalisé (`service_patient`). La cellule suivante
# garde les consultations (`.copy()` en fait une table à part, à laquelle on peut ajouter une
# colonne) et ajoute la colonne `hors_service` : Vrai quand les deux services diffèrent.

# %%
consultations = journaux[journaux["action"] == "consultation"].copy()
consultations["hors_service"] = consultations["service_patient"] != consultations["service_agent"]
consultations[["agent_id", "service_agent", "service_patient", "hors_service"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : qui consulte hors de son service ? (2 points)
#
# Pour chaque agent, calculez le nombre de consultations et la part de consultations hors de son
# service, puis trouvez l'agent dont la part est la plus forte **parmi ceux qui ont au moins 10
# consultations** (sur une ou deux consultations, une part ne veut rien dire : un seul dossier ouvert
# hors service donnerait 100 %). Créez :
#
# 1. `bilan_agents`, avec
#    `consultations.groupby("agent_id")["hors_service"].agg(nombre="size", part_hors_service="mean")` :
#    une ligne par agent, une colonne `nombre` (ses consultations) et une colonne `part_hors_service`
#    (la moyenne des Vrai/Faux, c'est-à-dire la part de Vrai, entre 0 et 1) ;
# 2. `agent_curieux` : l'`agent_id` dont la `part_hors_service` est la plus forte parmi les lignes de
#    `bilan_agents` où `nombre` vaut au moins 10. Indice : filtrez avec
#    `bilan_agents[bilan_agents["nombre"] >= 10]`, puis prenez la colonne `part_hors_service` et
#    `.idxmax()`.
#
# La vérification juge `agent_curieux`.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
bilan_agents = ...  # VOTRE CODE ICI
agent_curieux = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
bilan_agents = consultations.groupby("agent_id")["hors_service"].agg(nombre="size", part_hors_service="mean")
agent_curieux = bilan_agents[bilan_agents["nombre"] >= 10]["part_hors_service"].idxmax()
### END SOLUTION

# %% kit={"competences": ["detection-incidents", "cadre-juridique"], "reponses": ["agent_curieux"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", agent_curieux)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

consultations_attendues = journaux[journaux["action"] == "consultation"]
ailleurs = consultations_attendues["service_patient"] != consultations_attendues["service_agent"]
bilan_attendu = ailleurs.groupby(consultations_attendues["agent_id"]).agg(nombre="size", part_hors_service="mean")
assez = bilan_attendu[bilan_attendu["nombre"] >= 10]
grade_answer(
    "q7", agent_curieux, assez["part_hors_service"].idxmax(), Text(),
    mistakes={
        "C'est l'agent à la plus forte part sans le seuil : gardez d'abord les agents qui ont au moins "
        "10 consultations (bilan_agents[\"nombre\"] >= 10).": bilan_attendu["part_hors_service"].idxmax(),
        "C'est l'agent à la plus FAIBLE part : .idxmax() donne la plus forte.": (
            assez["part_hors_service"].idxmin()
        ),
        "C'est l'agent qui a le plus de consultations : prenez la colonne part_hors_service, pas nombre.": (
            assez["nombre"].idxmax()
        ),
    },
    hint="Ce n'est pas l'agent à la plus forte part de consultations hors de son service (parmi ceux qui "
         "en ont au moins 10) ; indice : bilan_agents[bilan_agents[\"nombre\"] >= 10][\"part_hors_service\"]"
         ".idxmax().",
)
### END HIDDEN TESTS

# %% [markdown]
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule le bilan par agent
# (`bilan_agents_reprise`) et l'agent curieux (`agent_curieux_reprise`) avec le code ci-dessous ; la
# suite du carnet les utilise.

# %% nbgrader={"grade": false, "grade_id": "q7-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
consultations_reprise = journaux[journaux["action"] == "consultation"].copy()
consultations_reprise["hors_service"] = (consultations_reprise["service_patient"]
                                         != consultations_reprise["service_agent"])
bilan_agents_reprise = consultations_reprise.groupby("agent_id")["hors_service"].agg(
    nombre="size", part_hors_service="mean")
agent_curieux_reprise = bilan_agents_reprise[bilan_agents_reprise["nombre"] >= 10]["part_hors_service"].idxmax()
print("Agent curieux :", agent_curieux_reprise)
bilan_agents_reprise[bilan_agents_reprise["nombre"] >= 10].sort_values("part_hors_service", ascending=False).head()

# %% [markdown]
# Quels dossiers cet agent a-t-il ouverts ? La cellule suivante donne son service, puis compte ses
# consultations selon le service du patient.

# %%
curieux = consultations_reprise[consultations_reprise["agent_id"] == agent_curieux_reprise]
print("Service de l'agent :", curieux["service_agent"].iloc[0])
curieux["service_patient"].value_counts()

# %% [markdown]
# Tous les dossiers qu'il a ouverts sont ceux de patients d'autres services. Et les autres agents ?
# La cellule suivante compte, pour chaque agent, ses consultations hors de son service, de la plus
# grande à la plus petite.

# %%
hors_service_par_agent = consultations_reprise[consultations_reprise["hors_service"]]["agent_id"].value_counts()
print("Agents avec au moins une consultation hors de leur service :", len(hors_service_par_agent),
      "sur", len(bilan_agents_reprise))
hors_service_par_agent.head()

# %% [markdown]
# D'autres agents ont ouvert un ou deux dossiers hors de leur service en quatre semaines : un avis
# demandé à un spécialiste, par exemple. Un seul en a ouvert une série, sans jamais ouvrir un dossier
# de son propre service. Un accès hors service peut être **légitime** : avis d'un spécialiste, patient
# transféré, remplacement dans un autre service, urgence vitale (certains logiciels demandent alors un
# « bris de glace » motivé, contrôlé après coup). Le journal ne fait que **signaler** : avant toute
# sanction, on vérifie avec l'agent et son encadrement. Un repérage de ce type se fait aussi à la
# demande d'un patient qui veut savoir qui a ouvert son dossier.

# %% [markdown]
# ## 6. Les mots de passe : ne jamais les stocker en clair
#
# Le bourrage d'identifiants marche parce que des mots de passe ont fuité ailleurs. Si un site
# stocke les mots de passe tels quels (« en clair »), la moindre fuite de sa base les livre
# directement. Un système bien conçu ne stocke qu'une **empreinte** : le résultat d'une **fonction de
# hachage** (ici SHA-256, du module `hashlib`), qui transforme un texte en une suite de 64 caractères
# illisible, toujours la même pour le même texte, et dont on ne peut pas retrouver le texte par un
# calcul à l'envers. À la connexion, le système hache le mot de passe tapé et compare les empreintes.
#
# La cellule suivante (verrouillée) définit avec `def` une **fonction** `hacher` (un petit programme
# réutilisable qui reçoit un texte et renvoie son empreinte ; `.encode()` transforme le texte en
# octets, la forme qu'attend `hashlib`). Exécutez-la : le même mot de passe donne la même empreinte ;
# une seule majuscule la change complètement.

# %% nbgrader={"grade": false, "grade_id": "fonction-hacher", "locked": true, "schema_version": 3, "solution": false, "task": false}
def hacher(texte):
    return hashlib.sha256(texte.encode()).hexdigest()


print("soleil →", hacher("soleil"))
print("soleil →", hacher("soleil"), "(même texte, même empreinte)")
print("Soleil →", hacher("Soleil"), "(une majuscule : tout change)")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : l'empreinte d'un mot de passe (1 point)
#
# Calculez l'empreinte SHA-256 du mot de passe `"Hopital2024"` et stockez-la dans
# `empreinte_hopital`. Indice : `hacher("Hopital2024")`.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
empreinte_hopital = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
empreinte_hopital = hacher("Hopital2024")
### END SOLUTION

# %% kit={"competences": ["hygiene-securite"], "reponses": ["empreinte_hopital"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q8", empreinte_hopital)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

grade_answer(
    "q8", empreinte_hopital, hashlib.sha256("Hopital2024".encode()).hexdigest(), Text(),
    mistakes={
        "C'est l'empreinte de \"hopital2024\", sans la majuscule : une seule lettre change toute l'empreinte.": (
            hashlib.sha256("hopital2024".encode()).hexdigest()
        ),
        "C'est l'empreinte de \"Hopital 2024\", avec une espace : recopiez exactement \"Hopital2024\".": (
            hashlib.sha256("Hopital 2024".encode()).hexdigest()
        ),
        "C'est une empreinte MD5 (32 caractères) : la question demande SHA-256, avec hacher(...).": (
            hashlib.md5("Hopital2024".encode()).hexdigest()
        ),
        "C'est une empreinte SHA-1 (40 caractères) : la question demande SHA-256, avec hacher(...).": (
            hashlib.sha1("Hopital2024".encode()).hexdigest()
        ),
        "C'est le mot de passe lui-même : la question demande son empreinte, hacher(\"Hopital2024\").": "Hopital2024",
    },
    hint="Ce n'est pas l'empreinte SHA-256 de \"Hopital2024\" ; indice : hacher(\"Hopital2024\").",
)
### END HIDDEN TESTS

# %% [markdown]
# Une empreinte ne se « déchiffre » pas. Mais les gens choisissent souvent les **mêmes** mots de
# passe. Voici une base de comptes qui a fuité : elle ne contient que des empreintes SHA-256, sans
# rien d'autre. Remarquez déjà que deux comptes ont exactement la même empreinte, donc le même mot de
# passe. Voici aussi une liste de mots de passe parmi les plus courants (ces listes circulent
# librement). Exécutez la cellule (verrouillée) qui les crée :

# %% nbgrader={"grade": false, "grade_id": "fuite", "locked": true, "schema_version": 3, "solution": false, "task": false}
fuite = pd.DataFrame({
    "identifiant": ["secretariat.cardio", "iade.bloc", "cadre.pneumo",
                    "interne.urgences", "accueil.maternite", "medecin.neuro",
                    "pharmacie.garde", "kine.ortho", "labo.nuit",
                    "admin.dpi"],
    "empreinte": [
        "8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92",
        "f2d81a260dea8a100dd517984e53c56a7523d96942a834b9cdc249bd4e8c7aa9",
        "e93e24c1b877a15df5e4a8cbb20f351b891b750779cf5e8fb99119a7142d89cf",
        "2eae92cb42a8d8c720618c6c945255d2f1ff98722fd6bed9efd8029bafe8c67b",
        "967520ae23e8ee14888bae72809031b98398ae4a636773e18fff917d77679334",
        "2d924d42928a9a5285efa00c007cc4d70884cfe995c26efcef35853c77255d4c",
        "8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92",
        "f0bbe998d53b298263f3bc89ab593f0e8a7b2d011b01a100547345e7fb4ee129",
        "eef711ccb027de18417b9b6946c876cf7045b3ef176580c10fa67ed71071dca6",
        "19903fb87652e8a24f21cb2fba4b3a9976d60ef8da2d2f60dad21ea1ab1ea2ba",
    ],
})

mots_de_passe_courants = ["123456", "123456789", "azerty", "password", "motdepasse", "000000", "12345678",
                          "qwerty", "soleil", "doudou", "loulou", "chouchou", "marseille", "bonjour",
                          "1234", "azertyuiop", "iloveyou", "admin", "Hopital123", "Hopital2024"]

fuite

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : casser les mots de passe avec une table précalculée (2 points)
#
# L'attaquant n'a pas besoin de « déchiffrer » quoi que ce soit : il calcule **une fois pour toutes**
# l'empreinte de chaque mot de passe courant (une **table précalculée**), puis cherche ces empreintes
# dans la fuite. Faites comme lui :
#
# 1. `table_precalculee = pd.DataFrame({"mot_de_passe": mots_de_passe_courants})` crée une table d'une
#    colonne ;
# 2. ajoutez-lui la colonne `empreinte` : `table_precalculee["mot_de_passe"].map(hacher)`
#    (`.map(fonction)` applique une fonction à chaque valeur d'une colonne) ;
# 3. `comptes_casses = fuite.merge(table_precalculee, on="empreinte")` : `merge` relie deux tables par
#    leur colonne commune et ne garde que les empreintes présentes des deux côtés.
#
# La vérification juge les colonnes `identifiant` et `mot_de_passe` de `comptes_casses`.

# %% nbgrader={"grade": false, "grade_id": "q9-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
table_precalculee = ...  # VOTRE CODE ICI
comptes_casses = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
table_precalculee = pd.DataFrame({"mot_de_passe": mots_de_passe_courants})
table_precalculee["empreinte"] = table_precalculee["mot_de_passe"].map(hacher)
comptes_casses = fuite.merge(table_precalculee, on="empreinte")
### END SOLUTION

# %% kit={"competences": ["hygiene-securite"], "reponses": ["comptes_casses"]} nbgrader={"grade": true, "grade_id": "q9-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q9", comptes_casses)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Table
from participant.checks import grade_answer

precalcul = pd.DataFrame({"mot_de_passe": mots_de_passe_courants})
precalcul["empreinte"] = precalcul["mot_de_passe"].map(hacher)
grade_answer(
    "q9", comptes_casses, fuite.merge(precalcul, on="empreinte"), Table(columns=("identifiant", "mot_de_passe")),
    mistakes={
        "Vous avez gardé tous les comptes de la fuite, même ceux dont le mot de passe n'est pas trouvé "
        "(how=\"left\") : sans how, merge ne garde que les empreintes présentes des deux côtés.": (
            fuite.merge(precalcul, on="empreinte", how="left")
        ),
        "Vous avez gardé toutes les lignes des deux tables (how=\"outer\") : sans how, merge ne garde que "
        "les empreintes présentes des deux côtés.": fuite.merge(precalcul, on="empreinte", how="outer"),
        "Vous avez gardé tous les mots de passe courants, même absents de la fuite (how=\"right\") : sans "
        "how, merge ne garde que les empreintes présentes des deux côtés.": (
            fuite.merge(precalcul, on="empreinte", how="right")
        ),
        "Vous avez empilé les deux tables (pd.concat) : pour les relier par l'empreinte, utilisez "
        "fuite.merge(table_precalculee, on=\"empreinte\").": pd.concat([fuite, precalcul]),
    },
    hint="Ce ne sont pas les comptes de la fuite dont l'empreinte figure dans la table précalculée ; indice : "
         "fuite.merge(table_precalculee, on=\"empreinte\").",
)
### END HIDDEN TESTS

# %% [markdown]
# Voici les comptes cassés (la cellule suivante refait le calcul, que votre réponse soit juste ou
# non) :

# %%
empreintes_courantes = pd.DataFrame({"mot_de_passe": mots_de_passe_courants})
empreintes_courantes["empreinte"] = empreintes_courantes["mot_de_passe"].map(hacher)
fuite.merge(empreintes_courantes, on="empreinte")[["identifiant", "mot_de_passe"]]

# %% [markdown]
# Plus de la moitié des comptes tombent en une fraction de seconde, et l'empreinte de la question 8
# (`Hopital2024`) en fait partie. Deux parades, que tout système sérieux combine :
#
# - **Le sel.** Avant de hacher, on ajoute au mot de passe un **sel** : une suite d'octets tirée au
#   hasard, différente pour chaque compte, et stockée à côté de l'empreinte. Deux comptes qui
#   choisissent `123456` n'ont plus la même empreinte, et une table précalculée ne sert plus à rien :
#   il faudrait la recalculer pour chaque sel.
# - **La lenteur.** SHA-256 est conçu pour être rapide : une seule carte graphique en calcule
#   plusieurs milliards par seconde. Les fonctions faites pour les mots de passe (`pbkdf2_hmac` et
#   `scrypt` dans `hashlib`, ou Argon2) répètent le calcul des centaines de milliers de fois :
#   imperceptible pour l'utilisateur qui se connecte, ruineux pour l'attaquant qui essaie des
#   milliards de mots de passe.
#
# La cellule suivante hache le même mot de passe avec deux sels différents et 600 000 répétitions
# (un réglage recommandé aujourd'hui pour `pbkdf2_hmac`). En vrai, chaque sel est tiré au hasard
# avec `os.urandom(16)` ; ici, ils sont fixés pour que le carnet donne toujours le même résultat.
# `bytes.fromhex(...)` écrit une suite d'octets en hexadécimal.

# %%
sel_compte_1 = bytes.fromhex("5f2b9c0e7a1d4b3f8e6a2c9d0b1e7f43")
sel_compte_2 = bytes.fromhex("a81c3e5d7f90b2c4e6a8d0f1b3c5e7a9")
print("123456 + sel 1 →", hashlib.pbkdf2_hmac("sha256", "123456".encode(), sel_compte_1, 600_000).hex())
print("123456 + sel 2 →", hashlib.pbkdf2_hmac("sha256", "123456".encode(), sel_compte_2, 600_000).hex())

# %% [markdown]
# Même mot de passe, empreintes sans rapport. Et la lenteur change tout pour l'attaquant : faisons le
# calcul pour un mot de passe de 8 lettres minuscules, en supposant une machine qui calcule 10
# milliards d'empreintes SHA-256 par seconde.

# %%
essais = 26 ** 8                      # tous les mots de 8 lettres minuscules
empreintes_par_seconde = 10_000_000_000
secondes_sha256 = essais / empreintes_par_seconde
secondes_pbkdf2 = secondes_sha256 * 600_000     # chaque essai coûte 600 000 calculs
print(f"Tout essayer avec SHA-256 : {secondes_sha256:.0f} secondes")
print(f"Tout essayer avec 600 000 répétitions : {secondes_pbkdf2 / 86_400:.0f} jours")

# %% [markdown]
# Ces protections relèvent de ceux qui conçoivent les logiciels. Votre part : un mot de passe
# **long** (une phrase de passe de plusieurs mots vaut mieux qu'un mot court compliqué), **différent
# pour chaque service** (un gestionnaire de mots de passe s'en souvient pour vous), jamais partagé ni
# collé sur l'écran, et la **double authentification** partout où elle existe. À l'hôpital, la carte
# CPS ou l'application e-CPS jouent ce rôle de second facteur.

# %% [markdown]
# ## 7. Les bonnes pratiques
#
# Chacun des incidents de ce carnet aurait été évité, limité ou repéré plus tôt par des mesures
# simples :
#
# | mesure | en pratique | incidents du carnet |
# | --- | --- | --- |
# | **Double authentification** | un mot de passe **et** un second facteur (carte CPS, e-CPS, code reçu sur un téléphone, clé physique) | bourrage d'identifiants ; compte volé de l'extraction |
# | **Moindre privilège** | chaque compte n'accède qu'aux dossiers et aux fonctions utiles à sa mission ; l'export en masse réservé à quelques comptes, de jour | extraction nocturne ; agent curieux |
# | **Journalisation et revue des accès** | journaux conservés et protégés ; alertes automatiques (échecs en rafale, accès de nuit, volumes d'export inhabituels) ; contrôles réguliers et à la demande des patients | les trois : c'est ce que vous venez de faire |
# | **Sauvegardes hors ligne** | copies régulières **déconnectées** du réseau (un rançongiciel chiffre aussi les sauvegardes qu'il atteint), restauration testée | rançongiciel : redémarrer sans payer |
# | **Mises à jour et vigilance** | correctifs de sécurité appliqués vite ; méfiance envers les courriels piégés (hameçonnage) ; session verrouillée dès qu'on quitte le poste | porte d'entrée de nombreuses attaques |
#
# Depuis fin 2023, le programme national CaRE (Cybersécurité accélération et résilience des
# établissements) aide les établissements de santé à mettre en place ces mesures, à commencer par
# les sauvegardes et les exercices de crise.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 10 : vous êtes le RSSI (3 points, corrigée par votre formateur)
#
# Vous êtes le RSSI (responsable de la sécurité des systèmes d'information) de l'établissement dont
# les dossiers ont été exportés cette nuit (section 4) ; vous le découvrez ce matin dans les
# journaux. Que faites-vous **dans la première heure** ? **Qui** prévenez-vous, et dans quels délais ?
# Que **changez-vous ensuite** pour que cela ne se reproduise pas ? Répondez en six à dix phrases, en
# vous appuyant sur ce que vous avez mesuré.

# %% [markdown] kit={"bareme": ["1 point : contenir dans l'heure : d\u00e9sactiver le compte et fermer ses sessions, changer le mot de passe, bloquer le poste ou l'acc\u00e8s, conserver les journaux et les preuves (ne rien effacer), v\u00e9rifier les autres comptes", "1 point : notifier : CNIL dans les 72 heures (RGPD, article 33), ARS / CERT Sant\u00e9 (incident grave de s\u00e9curit\u00e9), information des patients concern\u00e9s ; direction et DPO (plainte en plus)", "1 point : pr\u00e9venir, appuy\u00e9 sur un constat du carnet : double authentification, alertes sur les volumes d'export et les acc\u00e8s de nuit, moindre privil\u00e8ge (droit d'export restreint), revue r\u00e9guli\u00e8re des acc\u00e8s"], "competences": ["argumenter", "cadre-juridique", "hygiene-securite", "detection-incidents"]} nbgrader={"grade": true, "grade_id": "q10-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Dans la première heure : contenir et préserver les preuves.** Je fais désactiver le compte
# utilisé et fermer ses sessions ouvertes, je fais changer son mot de passe et bloquer le poste ou
# l'adresse d'où venaient les exports. Je fais copier et mettre à l'abri les journaux (rien ne doit
# être effacé : ce sont les preuves, et la seule façon de savoir ce qui est sorti). Je vérifie
# aussitôt les autres comptes suspects, par exemple ceux dont le mot de passe a été trouvé par le
# bourrage d'identifiants, et je préviens la direction et le DPO.
#
# **Notifier.** La copie des dossiers de tous les patients passés par l'établissement est une
# violation de données de santé : notification à la CNIL dans les 72 heures (RGPD, article 33),
# signalement de l'incident grave à l'ARS, qui s'appuie sur le CERT Santé, information des patients
# concernés, car le risque est élevé (article 34), et dépôt de plainte. Les journaux donnent la liste exacte des
# patients touchés et l'heure des faits.
#
# **Ensuite : prévenir.** Double authentification pour tous les comptes, surtout en accès distant ;
# droit d'export réservé à quelques comptes (moindre privilège) ; alertes automatiques sur les
# volumes d'export et les accès de nuit (ici, un seul compte a exporté entre 1 h et 4 h plus de
# dossiers que toutes les équipes de l'établissement n'en ouvrent en quatre semaines) ; revue
# régulière des accès ; formation des agents aux mots de passe et à l'hameçonnage.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - **Une règle d'alerte.** Comptez les exports de chaque agent, jour par jour :
#   `exports = journaux[journaux["action"] == "export"]`, puis
#   `exports.groupby(["agent_id", exports["horodatage"].dt.date]).size()`. Quel seuil déclencherait
#   une alerte sans déranger l'équipe de sécurité pour rien ?
# - **Le bourrage autrement.** Un poste qui essaie beaucoup de noms différents est suspect, même
#   lentement : `echecs_reprise.groupby("poste")["agent_id"].nunique().sort_values()`.
# - **« Qui a vu mon dossier ? »** Choisissez un patient
#   (`patient = consultations_reprise["patient_id"].iloc[0]`) et listez les accès à son dossier :
#   `journaux[journaux["patient_id"] == patient]`. Que pourrait-on lui répondre ?
# - **Les journaux du jeu du cours.** La mise en place a chargé dans `journaux_du_cours` ceux du jeu
#   de données du cours. Refaites-y les trois détections : sur un petit jeu (comme l'échantillon de
#   5 000 patients), certains incidents sont-ils encore visibles ? Pourquoi ?

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Les établissements de santé sont des cibles : données précieuses, activité qui ne peut pas
#   s'arrêter, milliers de comptes. Chaque accès au dossier d'un patient est tracé, et ces traces
#   doivent être contrôlées.
# - Un filtre (`table[table["colonne"] == valeur]`), un comptage (`.value_counts()`, `.nunique()`) et
#   un maximum (`.idxmax()`) suffisent à repérer beaucoup d'anomalies dans un journal.
# - Bourrage d'identifiants : des échecs de connexion en rafale depuis un même poste, sur beaucoup de
#   noms ; les quelques réussites sont des comptes à bloquer.
# - Extraction nocturne : des accès en pleine nuit et des exports en masse par un seul compte ; le
#   compte peut être volé. Une fuite se notifie à la CNIL dans les 72 heures.
# - Agent curieux : une part élevée de dossiers hors de son service, à vérifier avant de conclure.
# - Un mot de passe ne se stocke jamais en clair, ni même en simple empreinte : avec un sel et une
#   fonction lente (`pbkdf2_hmac`, `scrypt`, Argon2).
# - Double authentification, moindre privilège, journalisation et revue des accès, sauvegardes hors
#   ligne.
