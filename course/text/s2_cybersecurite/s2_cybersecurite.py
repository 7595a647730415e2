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
# Chaque question se termine par une cellule de vérification : exécutez-la, elle vous dit
# « ✅ Bonne réponse » ou vous donne un indice.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée). La première indique où se trouve
# le jeu de données du cours ; ce carnet ne s'en sert pas directement (voir « Pour aller plus
# loin »). La seconde **fabrique ses propres journaux**, pour que tout le monde travaille sur les
# mêmes : quatre semaines d'accès aux dossiers des patients d'une population synthétique de
# 100 000 personnes, toujours identiques (le tirage est fixé par une « graine »), rangées dans un
# dossier temporaire. Cela prend quelques secondes. Elle charge aussi la table `etablissements` et
# le module `hashlib`, qui calcule des empreintes (section 6). Vous n'avez pas besoin de les modifier.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import plotly.express as px

from participant.data import load_table
from generators.generate import Options, generate_dataset
from participant.checks import check

# Les journaux du carnet : toujours les mêmes (100 000 patients, graine 1), dans un dossier temporaire.
DOSSIER_JOURNAUX = Path(tempfile.mkdtemp()) / "journaux"
generate_dataset(Options(patients=30_000, seed=31), DOSSIER_JOURNAUX,
                 tables=("journaux_acces", "etablissements"))
journaux = load_table("journaux_acces", DOSSIER_JOURNAUX)
etablissements = load_table("etablissements", DOSSIER_JOURNAUX, colonnes=["finess", "categorie", "lits"])
print(f"{len(journaux):,}".replace(",", " "), "événements chargés, du",
      f"{journaux['horodatage'].min():%d/%m/%Y} au {journaux['horodatage'].max():%d/%m/%Y}")

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
# `action`, et stockez le résultat dans `actions_par_type`.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
actions_par_type = journaux["action"].value_counts()
### END SOLUTION
actions_par_type

# %% kit={"competences": ["detection-incidents"], "reponses": ["actions_par_type"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(isinstance(actions_par_type, pd.Series),
      "Le résultat doit être une série pandas ; indice : journaux[\"action\"].value_counts().",
      success=None)
check("consultation" in actions_par_type.index,
      "Les actions (connexion, consultation, export) doivent être l'index du résultat ; "
      "avez-vous compté sur la colonne action ?")
### BEGIN HIDDEN TESTS
reference = load_table("journaux_acces", DOSSIER_JOURNAUX, colonnes=["action"])
attendu = reference["action"].value_counts()
check(actions_par_type.sort_index().equals(attendu.sort_index()),
      "Les effectifs par action ne correspondent pas à la table journaux.", success=None)
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
# date et heure. La ligne suivante range le résultat dans une nouvelle colonne `heure`.

# %%
journaux["heure"] = journaux["horodatage"].dt.hour
journaux[["horodatage", "heure", "action"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : l'activité heure par heure (2 points)
#
# Un **histogramme** compte les lignes d'une table selon les valeurs d'une colonne et les dessine en
# barres. Tracez celui des événements selon l'`heure`, avec un titre en français, et stockez la
# figure dans `figure_heures` (la dernière ligne de la cellule l'affiche).
#
# Indice : `px.histogram(journaux, x="heure", nbins=24, color="action", title="...")` ;
# `nbins=24` demande une barre par heure, `color="action"` colore chaque barre selon l'action.
# Vous pouvez renommer les axes avec `labels={"heure": "Heure de la journée"}`.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
figure_heures = px.histogram(journaux, x="heure", nbins=24, color="action",
                             labels={"heure": "Heure de la journée", "action": "Action"},
                             title="Événements du journal selon l'heure de la journée")
figure_heures.update_yaxes(title_text="Nombre d'événements")
### END SOLUTION
figure_heures.show()

# %% kit={"competences": ["visualiser", "detection-incidents"], "reponses": ["figure_heures", "journaux"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(len(figure_heures.data) > 0 and figure_heures.data[0].type == "histogram",
      "figure_heures doit être un histogramme ; indice : px.histogram(journaux, x=\"heure\", ...).",
      success=None)
check(sum(len(trace.x) for trace in figure_heures.data if trace.x is not None) == len(journaux),
      "L'histogramme doit compter chaque événement une fois : x=\"heure\" sur toute la table journaux.",
      success=None)
check(bool(figure_heures.layout.title.text),
      "Donnez un titre à votre graphique : ajoutez title=\"...\" dans px.histogram(...).")
### BEGIN HIDDEN TESTS
from collections import Counter
reference = load_table("journaux_acces", DOSSIER_JOURNAUX, colonnes=["horodatage"])
attendu = Counter(reference["horodatage"].dt.hour.tolist())
obtenu = Counter(int(valeur) for trace in figure_heures.data for valeur in trace.x)
check(obtenu == attendu, "L'histogramme ne porte pas sur l'heure (0 à 23) de chaque événement.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# Lisez le graphique (passez la souris sur les barres pour lire les effectifs). L'activité suit la
# journée de travail : beaucoup d'événements de 7 h à 21 h, une activité réduite la nuit, celle des
# équipes de garde. Mais entre 1 h et 4 h du matin, les barres remontent : des **exports** en pleine
# nuit, et une poussée de **connexions** vers 2 h. Gardez-les en tête : ce sont deux des trois
# incidents.

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

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
echecs = connexions[connexions["resultat"] == "echec"]
echecs_par_poste = echecs["poste"].value_counts()
poste_suspect = echecs_par_poste.idxmax()
### END SOLUTION
print("Poste suspect :", poste_suspect)
echecs_par_poste.head()

# %% kit={"competences": ["detection-incidents"], "reponses": ["echecs_par_poste", "journaux", "poste_suspect"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(echecs_par_poste, pd.Series),
      "echecs_par_poste doit être une série ; indice : echecs[\"poste\"].value_counts().",
      success=None)
check(isinstance(poste_suspect, str) and poste_suspect in set(journaux["poste"]),
      "poste_suspect doit être le nom d'un poste du journal, entre guillemets ; "
      "indice : echecs_par_poste.idxmax().")
### BEGIN HIDDEN TESTS
reference = load_table("journaux_acces", DOSSIER_JOURNAUX, colonnes=["action", "resultat", "poste"])
echecs_reference = reference[(reference["action"] == "connexion") & (reference["resultat"] == "echec")]
attendu = echecs_reference["poste"].value_counts()
check(echecs_par_poste.sort_index().equals(attendu.sort_index()),
      "echecs_par_poste ne compte pas les connexions échouées de chaque poste.", success=None)
check(poste_suspect == attendu.idxmax(), "Ce n'est pas le poste qui compte le plus d'échecs.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# Un poste sort nettement du lot : les autres ne comptent que quelques échecs en quatre semaines.
# Son nom ne ressemble d'ailleurs pas à ceux des postes des services. **Quand** ces échecs se
# sont-ils produits ? Comptons les échecs de connexion heure par heure sur les quatre semaines :
# `.dt.floor("h")` arrondit chaque horodatage à l'heure entière inférieure, puis
# `.groupby(...).size()` compte les lignes de chaque heure.

# %%
echecs_par_heure = echecs.groupby(echecs["horodatage"].dt.floor("h")).size().reset_index(name="echecs")
figure = px.bar(echecs_par_heure, x="horodatage", y="echecs",
                labels={"horodatage": "Date et heure", "echecs": "Connexions échouées"},
                title="Connexions échouées, heure par heure, sur quatre semaines")
figure.show()

# %% [markdown]
# Une seule heure écrase toutes les autres. Zoomons sur le poste suspect, minute par minute, en
# gardant cette fois les réussites **et** les échecs. `.nunique()` compte les valeurs différentes
# d'une colonne : ici, le nombre de noms d'utilisateur différents essayés.

# %%
tentatives = connexions[connexions["poste"] == poste_suspect]
print("Première tentative :", tentatives["horodatage"].min())
print("Dernière tentative :", tentatives["horodatage"].max())
print("Tentatives :", len(tentatives), "sur", tentatives["agent_id"].nunique(), "noms d'utilisateur différents")

par_minute = tentatives.groupby(["horodatage", "resultat"]).size().reset_index(name="tentatives")
figure = px.bar(par_minute, x="horodatage", y="tentatives", color="resultat",
                labels={"horodatage": "Minute", "tentatives": "Tentatives de connexion",
                        "resultat": "Résultat"},
                title=f"Connexions depuis le poste {poste_suspect}, minute par minute")
figure.show()

# %% [markdown]
# Une quinzaine d'essais par minute pendant vingt-cinq minutes, en pleine nuit, sur des centaines de
# comptes différents : aucun humain ne tape aussi vite. Certains noms, comme `admin12`, n'existent
# même pas dans l'établissement : l'attaquant essaie une liste toute faite. C'est la signature d'un
# programme de bourrage d'identifiants.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : quels comptes sont compromis ? (2 points)
#
# Quelques essais ont **réussi** : l'attaquant connaît désormais le mot de passe de ces comptes.
# Stockez dans `comptes_compromis` la liste des `agent_id` dont la connexion a réussi depuis
# `poste_suspect`.
#
# Indice : filtrez `tentatives` sur la colonne `resultat` égale à `"succes"`, puis prenez la colonne
# `agent_id` et terminez par `.tolist()`, qui la transforme en liste.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
comptes_compromis = tentatives[tentatives["resultat"] == "succes"]["agent_id"].tolist()
### END SOLUTION
comptes_compromis

# %% kit={"competences": ["detection-incidents", "hygiene-securite"], "reponses": ["comptes_compromis"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(len(comptes_compromis) > 0 and all(isinstance(compte, str) for compte in comptes_compromis),
      "comptes_compromis doit être une liste non vide d'identifiants (agent_id) ; indice : "
      "tentatives[tentatives[\"resultat\"] == \"succes\"][\"agent_id\"].tolist().")
### BEGIN HIDDEN TESTS
reference = load_table("journaux_acces", DOSSIER_JOURNAUX, colonnes=["action", "resultat", "poste", "agent_id"])
connexions_reference = reference[reference["action"] == "connexion"]
poste_reference = connexions_reference[connexions_reference["resultat"] == "echec"]["poste"].value_counts().idxmax()
reussites = connexions_reference[(connexions_reference["poste"] == poste_reference)
                                 & (connexions_reference["resultat"] == "succes")]
check(set(comptes_compromis) == set(reussites["agent_id"]),
      "Ce ne sont pas les comptes connectés avec succès depuis le poste suspect.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Que faire ? Bloquer le poste (ou l'adresse réseau) d'où viennent les essais ; désactiver ces
# comptes et en changer le mot de passe ; vérifier ce qu'ils ont fait après la connexion ; prévenir
# leurs titulaires : si leur mot de passe a été deviné du premier coup, c'est qu'il a fuité ailleurs
# et qu'ils le réutilisent. Avec une **double authentification** (un second facteur en plus du mot de
# passe), ces mots de passe volés n'auraient ouvert aucune porte.

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
#    colonne `agent_id` de `nuit`) ;
# 3. `agent_nocturne` : l'`agent_id` qui en compte le plus (`.idxmax()`).

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
nuit = acces[acces["heure"] < 5]
acces_nuit_par_agent = nuit["agent_id"].value_counts()
agent_nocturne = acces_nuit_par_agent.idxmax()
### END SOLUTION
print("Agent le plus actif la nuit :", agent_nocturne)
acces_nuit_par_agent.head()

# %% kit={"competences": ["detection-incidents"], "reponses": ["acces_nuit_par_agent", "agent_nocturne", "journaux"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(acces_nuit_par_agent, pd.Series),
      "acces_nuit_par_agent doit être une série ; indice : nuit[\"agent_id\"].value_counts().",
      success=None)
check(isinstance(agent_nocturne, str) and agent_nocturne in set(journaux["agent_id"]),
      "agent_nocturne doit être un agent_id du journal, entre guillemets ; "
      "indice : acces_nuit_par_agent.idxmax().")
### BEGIN HIDDEN TESTS
reference = load_table("journaux_acces", DOSSIER_JOURNAUX, colonnes=["horodatage", "action", "agent_id"])
nuit_reference = reference[(reference["action"] != "connexion") & (reference["horodatage"].dt.hour < 5)]
check(agent_nocturne == nuit_reference["agent_id"].value_counts().idxmax(),
      "Ce n'est pas l'agent qui compte le plus d'accès entre 0 h et 5 h.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Cet agent fait-il partie d'une équipe de nuit très active ? Comptons d'abord **qui exporte** des
# dossiers, sur les quatre semaines :

# %%
journaux[journaux["action"] == "export"]["agent_id"].value_counts()

# %% [markdown]
# Un seul compte exporte, et il le fait en masse. Regardons son activité jour par jour :
# `.dt.date` garde la date sans l'heure.

# %%
activite = journaux[journaux["agent_id"] == agent_nocturne]
par_jour = activite.groupby([activite["horodatage"].dt.date, "action"]).size().reset_index(name="evenements")
figure = px.bar(par_jour, x="horodatage", y="evenements", color="action",
                labels={"horodatage": "Jour", "evenements": "Événements", "action": "Action"},
                title=f"Activité du compte {agent_nocturne}, jour par jour")
figure.update_yaxes(type="log", title_text="Événements (échelle logarithmique)")
figure.show()

# %% [markdown]
# L'axe vertical est en **échelle logarithmique** (chaque graduation vaut dix fois la précédente),
# pour voir sur le même graphique les jours ordinaires et la nuit de l'extraction. Les autres jours,
# le compte a l'activité d'un agent ordinaire : une connexion, quelques dossiers de son service. C'est
# la marque d'un **compte compromis** : le titulaire n'est pas forcément le coupable, quelqu'un s'est
# servi de ses identifiants.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : combien de patients touchés ? (2 points)
#
# Pour prévenir les personnes concernées, il faut savoir **combien** de dossiers sont sortis. Créez :
#
# 1. `exports_nocturnes` : les lignes de `journaux` où l'`agent_id` est `agent_nocturne` **et**
#    l'`action` est `"export"`. Deux conditions se combinent avec `&`, chacune entre parenthèses :
#    `journaux[(condition 1) & (condition 2)]` ;
# 2. `nombre_dossiers_exportes` : le nombre de patients **différents** exportés, avec `.nunique()`
#    appliqué à la colonne `patient_id` de `exports_nocturnes`.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
exports_nocturnes = journaux[(journaux["agent_id"] == agent_nocturne) & (journaux["action"] == "export")]
nombre_dossiers_exportes = exports_nocturnes["patient_id"].nunique()
### END SOLUTION
print(nombre_dossiers_exportes, "dossiers de patients exportés")

# %% kit={"competences": ["detection-incidents", "cadre-juridique"], "reponses": ["exports_nocturnes", "nombre_dossiers_exportes"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(exports_nocturnes, pd.DataFrame),
      "exports_nocturnes doit être une table ; indice : journaux[(...) & (...)].", success=None)
check(pd.api.types.is_integer(nombre_dossiers_exportes) and nombre_dossiers_exportes > 0,
      "nombre_dossiers_exportes doit être un nombre entier positif ; indice : "
      "exports_nocturnes[\"patient_id\"].nunique().")
### BEGIN HIDDEN TESTS
reference = load_table("journaux_acces", DOSSIER_JOURNAUX,
                       colonnes=["horodatage", "action", "agent_id", "patient_id"])
nuit_reference = reference[(reference["action"] != "connexion") & (reference["horodatage"].dt.hour < 5)]
agent_reference = nuit_reference["agent_id"].value_counts().idxmax()
exports_reference = reference[(reference["agent_id"] == agent_reference) & (reference["action"] == "export")]
check(nombre_dossiers_exportes == exports_reference["patient_id"].nunique(),
      "Ce n'est pas le nombre de patients différents exportés par l'agent de la nuit.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Mettons ce chiffre en regard de l'établissement visé et du travail normal de ses équipes :

# %%
finess_vise = exports_nocturnes["finess"].iloc[0]
print(etablissements[etablissements["finess"] == finess_vise])
print("Premier export :", exports_nocturnes["horodatage"].min(), "; dernier :", exports_nocturnes["horodatage"].max())
consultes = journaux[(journaux["finess"] == finess_vise) & (journaux["action"] == "consultation")]
print("Dossiers différents ouverts par les équipes de l'établissement en quatre semaines :",
      consultes["patient_id"].nunique())

# %% [markdown]
# En trois heures, un seul compte a copié bien plus de dossiers que toutes les équipes de ce CHU n'en
# ont ouvert en quatre semaines : les dossiers de **tous** les patients passés par l'établissement
# ces trois dernières années, y compris ceux qui n'y ont plus mis les pieds depuis longtemps. Notre
# population synthétique ne compte que 100 000 habitants pour toute la France, environ 680 fois
# moins que la réalité : à l'échelle réelle, ce seraient des centaines de milliers de patients, comme
# dans la fuite de 2024.
#
# **Ce que dit la loi.** Une telle copie non autorisée est une **violation de données
# personnelles** au sens du RGPD. L'établissement doit la notifier à la CNIL dans les meilleurs
# délais, si possible dans les **72 heures** après en avoir pris connaissance (article 33), et
# informer les patients concernés quand le risque pour eux est élevé (article 34), ce qui est le cas
# pour des données de santé. Il doit aussi signaler l'incident grave de sécurité à son agence
# régionale de santé (article L1111-8-2 du code de la santé publique), qui s'appuie sur le CERT Santé
# de l'Agence du numérique en santé. Pour dire **combien** de personnes et **quelles** données sont
# touchées, il faut des journaux : vous venez de le calculer.

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

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
bilan_agents = consultations.groupby("agent_id")["hors_service"].agg(nombre="size", part_hors_service="mean")
agent_curieux = bilan_agents[bilan_agents["nombre"] >= 10]["part_hors_service"].idxmax()
### END SOLUTION
print("Agent curieux :", agent_curieux)
bilan_agents.sort_values("part_hors_service", ascending=False).head()

# %% kit={"competences": ["detection-incidents", "cadre-juridique"], "reponses": ["agent_curieux", "bilan_agents", "journaux"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(bilan_agents, pd.DataFrame) and "part_hors_service" in bilan_agents.columns,
      "bilan_agents doit être une table avec une colonne part_hors_service ; indice : "
      ".agg(nombre=\"size\", part_hors_service=\"mean\").", success=None)
check(isinstance(agent_curieux, str) and agent_curieux in set(journaux["agent_id"]),
      "agent_curieux doit être un agent_id du journal, entre guillemets ; indice : .idxmax().")
### BEGIN HIDDEN TESTS
reference = load_table("journaux_acces", DOSSIER_JOURNAUX,
                       colonnes=["action", "agent_id", "service_agent", "service_patient"])
consultations_reference = reference[reference["action"] == "consultation"]
ailleurs = consultations_reference["service_patient"] != consultations_reference["service_agent"]
bilan_reference = ailleurs.groupby(consultations_reference["agent_id"]).agg(["size", "mean"])
check(agent_curieux == bilan_reference[bilan_reference["size"] >= 10]["mean"].idxmax(),
      "Ce n'est pas l'agent qui a la plus forte part de consultations hors de son service "
      "(parmi les agents qui ont au moins 10 consultations).", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Quels dossiers cet agent a-t-il ouverts ? La cellule suivante compte ses consultations selon le
# service du patient, puis compte les agents qui ont ouvert au moins un dossier hors de leur service.

# %%
print(consultations[consultations["agent_id"] == agent_curieux]["service_patient"].value_counts())
print("Agents avec au moins une consultation hors de leur service :",
      (bilan_agents["part_hors_service"] > 0).sum(), "sur", len(bilan_agents))


# %% [markdown]
# Dans ces journaux synthétiques, les autres agents n'ouvrent que les dossiers de leur service : la
# frontière est nette. Dans un vrai hôpital, elle l'est beaucoup moins, et un accès hors service
# peut être **légitime** : avis d'un spécialiste, patient transféré, remplacement dans un autre
# service, urgence vitale (certains logiciels demandent alors un « bris de glace » motivé, contrôlé
# après coup). Le journal ne fait que **signaler** : avant toute sanction, on vérifie avec l'agent et
# son encadrement. Un repérage de ce type se fait aussi à la demande d'un patient qui veut savoir
# qui a ouvert son dossier.

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
# La cellule suivante définit avec `def` une **fonction** `hacher` (un petit programme réutilisable
# qui reçoit un texte et renvoie son empreinte ; `.encode()` transforme le texte en octets, la forme
# qu'attend `hashlib`). Exécutez-la : le même mot de passe donne la même empreinte ; une seule
# majuscule la change complètement.

# %%
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
### BEGIN SOLUTION
empreinte_hopital = hacher("Hopital2024")
### END SOLUTION
empreinte_hopital

# %% kit={"competences": ["hygiene-securite"], "reponses": ["empreinte_hopital"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(isinstance(empreinte_hopital, str) and len(empreinte_hopital) == 64,
      "Une empreinte SHA-256 est un texte de 64 caractères ; indice : hacher(\"Hopital2024\").")
### BEGIN HIDDEN TESTS
check(empreinte_hopital == hashlib.sha256("Hopital2024".encode()).hexdigest(),
      "Ce n'est pas l'empreinte SHA-256 de \"Hopital2024\" (attention aux majuscules).", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Une empreinte ne se « déchiffre » pas. Mais les gens choisissent souvent les **mêmes** mots de
# passe. Voici une base de comptes qui a fuité : elle ne contient que des empreintes SHA-256, sans
# rien d'autre. Remarquez déjà que deux comptes ont exactement la même empreinte, donc le même mot de
# passe. Voici aussi une liste de mots de passe parmi les plus courants (ces listes circulent
# librement) :

# %%
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

# %% nbgrader={"grade": false, "grade_id": "q9-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
table_precalculee = pd.DataFrame({"mot_de_passe": mots_de_passe_courants})
table_precalculee["empreinte"] = table_precalculee["mot_de_passe"].map(hacher)
comptes_casses = fuite.merge(table_precalculee, on="empreinte")
### END SOLUTION
comptes_casses[["identifiant", "mot_de_passe"]]

# %% kit={"competences": ["hygiene-securite"], "reponses": ["comptes_casses"]} nbgrader={"grade": true, "grade_id": "q9-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(comptes_casses, pd.DataFrame)
      and {"identifiant", "mot_de_passe"} <= set(comptes_casses.columns),
      "comptes_casses doit être une table avec les colonnes identifiant et mot_de_passe ; "
      "indice : fuite.merge(table_precalculee, on=\"empreinte\").")
### BEGIN HIDDEN TESTS
empreintes_fuite = {
    "secretariat.cardio": "8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92",
    "iade.bloc": "f2d81a260dea8a100dd517984e53c56a7523d96942a834b9cdc249bd4e8c7aa9",
    "cadre.pneumo": "e93e24c1b877a15df5e4a8cbb20f351b891b750779cf5e8fb99119a7142d89cf",
    "interne.urgences": "2eae92cb42a8d8c720618c6c945255d2f1ff98722fd6bed9efd8029bafe8c67b",
    "accueil.maternite": "967520ae23e8ee14888bae72809031b98398ae4a636773e18fff917d77679334",
    "medecin.neuro": "2d924d42928a9a5285efa00c007cc4d70884cfe995c26efcef35853c77255d4c",
    "pharmacie.garde": "8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92",
    "kine.ortho": "f0bbe998d53b298263f3bc89ab593f0e8a7b2d011b01a100547345e7fb4ee129",
    "labo.nuit": "eef711ccb027de18417b9b6946c876cf7045b3ef176580c10fa67ed71071dca6",
    "admin.dpi": "19903fb87652e8a24f21cb2fba4b3a9976d60ef8da2d2f60dad21ea1ab1ea2ba",
}
courants = ["123456", "123456789", "azerty", "password", "motdepasse", "000000", "12345678",
            "qwerty", "soleil", "doudou", "loulou", "chouchou", "marseille", "bonjour",
            "1234", "azertyuiop", "iloveyou", "admin", "Hopital123", "Hopital2024"]
casses = {(identifiant, mot) for identifiant, empreinte in empreintes_fuite.items() for mot in courants
          if hashlib.sha256(mot.encode()).hexdigest() == empreinte}
obtenu = set(zip(comptes_casses["identifiant"], comptes_casses["mot_de_passe"]))
check(obtenu == casses and len(comptes_casses) == len(casses),
      "Ce ne sont pas les comptes de la fuite dont l'empreinte figure dans la table précalculée.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# Plus de la moitié des comptes tombent en une fraction de seconde, et votre empreinte de la
# question 8 en fait partie. Deux parades, que tout système sérieux combine :
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
# **Notifier.** La copie des dossiers de plusieurs centaines de patients est une violation de
# données de santé : notification à la CNIL dans les 72 heures (RGPD, article 33), signalement de
# l'incident grave à l'ARS, qui s'appuie sur le CERT Santé, information des patients concernés, car
# le risque est élevé (article 34), et dépôt de plainte. Les journaux donnent la liste exacte des
# patients touchés et l'heure des faits.
#
# **Ensuite : prévenir.** Double authentification pour tous les comptes, surtout en accès distant ;
# droit d'export réservé à quelques comptes (moindre privilège) ; alertes automatiques sur les
# volumes d'export et les accès de nuit (ici, un seul compte a exporté des centaines de dossiers
# entre 1 h et 4 h, ce qu'aucun agent ne fait normalement) ; revue régulière des accès ; formation
# des agents aux mots de passe et à l'hameçonnage.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - **Une règle d'alerte.** Comptez les exports de chaque agent, jour par jour :
#   `exports = journaux[journaux["action"] == "export"]`, puis
#   `exports.groupby(["agent_id", exports["horodatage"].dt.date]).size()`. Quel seuil déclencherait
#   une alerte sans déranger l'équipe de sécurité pour rien ?
# - **Le bourrage autrement.** Un poste qui essaie beaucoup de noms différents est suspect, même
#   lentement : `echecs.groupby("poste")["agent_id"].nunique().sort_values()`.
# - **« Qui a vu mon dossier ? »** Choisissez un patient
#   (`patient = consultations["patient_id"].iloc[0]`) et listez les accès à son dossier :
#   `journaux[journaux["patient_id"] == patient]`. Que pourrait-on lui répondre ?
# - **Les journaux du jeu du cours.** `load_table("journaux_acces", DONNEES)` charge ceux du jeu de
#   données du cours. Refaites-y les trois détections : sur un petit jeu (comme l'échantillon de
#   2 000 patients), certains incidents sont-ils encore visibles ? Pourquoi ?

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
