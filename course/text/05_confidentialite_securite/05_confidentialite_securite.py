# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Données, confidentialité et sécurité
#
# **Durée : 75 minutes.** Les données de santé comptent parmi les plus sensibles : une fuite expose
# l'intimité de milliers de personnes. Dans ce carnet, vous protégez vous-même un jeu de données
# **entièrement synthétique** (aucune ligne ne décrit une personne réelle), comme le ferait
# l'établissement qui le confie à une équipe du datathon.
#
# À la fin de ce carnet, vous saurez :
#
# - retirer les identifiants directs et les remplacer par un pseudonyme calculé avec une clé secrète ;
# - expliquer pourquoi un simple hachage du nom ne protège pas ;
# - mesurer un risque de réidentification (le k-anonymat) et le réduire en généralisant l'âge et le lieu ;
# - ne garder que les colonnes dont une étude a besoin (la minimisation) ;
# - tirer les leçons d'un vol réel de données de patients : double authentification, moindre
#   privilège, journalisation, chiffrement.
#
# Chaque question se termine par une cellule de vérification : exécutez-la, elle vous dit
# « ✅ Bonne réponse » ou vous donne un indice.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée) : la première indique où se
# trouvent les données, la seconde charge les tables `patients` et `sejours`, ainsi que deux modules
# de Python, `hashlib` et `hmac`, qui calculent des empreintes (vous verrez plus bas à quoi elles
# servent). Vous n'avez pas besoin de les modifier.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import hashlib
import hmac

import pandas as pd
import plotly.express as px

from participant.data import load_table
from participant.checks import check

patients = load_table("patients", DONNEES)
sejours = load_table("sejours", DONNEES)
print(f"{len(patients):,} patients et {len(sejours):,} séjours chargés".replace(",", " "))

# %% [markdown]
# ## 1. Les identifiants directs
#
# Le carnet 0 vous a demandé si la table `patients` était anonyme : elle ne l'est pas. Quatre
# colonnes désignent **directement** une personne : `nom`, `prenom`, `adresse` et `telephone`.
# Les voici pour les cinq premiers patients (les doubles crochets `[[...]]` choisissent une liste
# de colonnes) :

# %%
patients[["nom", "prenom", "adresse", "telephone"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : retirer les identifiants directs (1 point)
#
# Première règle : une équipe qui étudie des séjours n'a pas besoin de savoir comment s'appellent
# les patients. Créez la table `extrait`, copie de `patients` **sans** ces quatre colonnes.
#
# Indice : `patients.drop(columns=["nom", "prenom", "adresse", "telephone"])` renvoie la table
# sans les colonnes citées (la table `patients` elle-même n'est pas modifiée).

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
extrait = patients.drop(columns=["nom", "prenom", "adresse", "telephone"])
### END SOLUTION
extrait.head()

# %% kit={"competences": ["pseudonymisation"], "reponses": ["extrait"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(isinstance(extrait, pd.DataFrame),
      "extrait doit être une table ; indice : patients.drop(columns=[...]).", success=None)
restantes = {"nom", "prenom", "adresse", "telephone"} & set(extrait.columns)
check(not restantes, f"Il reste des identifiants directs dans extrait : {', '.join(sorted(restantes))}.")
### BEGIN HIDDEN TESTS
reference = load_table("patients", DONNEES)
attendues = [c for c in reference.columns if c not in ("nom", "prenom", "adresse", "telephone")]
check(list(extrait.columns) == attendues and len(extrait) == len(reference),
      "extrait doit garder toutes les autres colonnes et tous les patients.", success=None)
del reference
### END HIDDEN TESTS

# %% [markdown]
# ## 2. Pourquoi un simple hachage du nom ne suffit pas
#
# Pour relier les séjours d'un même patient sans connaître son nom, on remplace son identité par un
# **pseudonyme**. Une idée répandue consiste à « hacher » l'identité : une **fonction de hachage**
# (ici SHA-256, du module `hashlib`) transforme un texte en une empreinte illisible, toujours la même
# pour le même texte, et dont on ne peut pas retrouver le texte par un calcul à l'envers.
#
# La cellule suivante construit, pour chaque patient, le texte « nom|prénom|date de naissance »
# (rangé dans `identite`), puis définit avec `def` une **fonction** `hachage_simple` : un petit
# programme réutilisable qui reçoit un texte et renvoie les 16 premiers caractères de son empreinte.
# Exécutez-la : le même texte donne toujours la même empreinte, le même texte en majuscules en donne
# une toute différente.

# %%
identite = (patients["nom"] + "|" + patients["prenom"] + "|"
            + patients["date_naissance"].dt.strftime("%Y-%m-%d"))


def hachage_simple(texte):
    return hashlib.sha256(texte.encode()).hexdigest()[:16]


exemple = identite.iloc[0]
print(exemple, "→", hachage_simple(exemple))
print(exemple, "→", hachage_simple(exemple), "(même texte, même empreinte)")
print(exemple.upper(), "→", hachage_simple(exemple.upper()), "(en majuscules : tout change)")

# %% [markdown]
# Supposons que l'établissement partage un extrait où l'identité est remplacée par cette empreinte
# (`extrait_naif` ci-dessous). Le problème : **n'importe qui peut refaire le même calcul**. La recette
# SHA-256 est publique ; il suffit à un attaquant de détenir un fichier de noms, prénoms et dates de
# naissance (un fichier de clients, un annuaire, ou les données volées lors d'une autre fuite) pour
# calculer l'empreinte de chacun et la chercher dans l'extrait.
#
# La cellule suivante simule cette attaque : l'attaquant détient un fichier d'identités et de
# téléphones couvrant 30 % de la population (tiré au hasard, de façon reproductible grâce à
# `random_state`) et calcule les empreintes avec la même fonction. `.map(fonction)` applique une
# fonction à chaque valeur d'une colonne.

# %%
extrait_naif = extrait.copy()
extrait_naif["empreinte"] = identite.map(hachage_simple)

fichier_attaquant = patients[["nom", "prenom", "date_naissance", "telephone"]].sample(
    frac=0.3, random_state=2024)
fichier_attaquant["empreinte"] = (fichier_attaquant["nom"] + "|" + fichier_attaquant["prenom"] + "|"
                                  + fichier_attaquant["date_naissance"].dt.strftime("%Y-%m-%d")
                                  ).map(hachage_simple)
fichier_attaquant.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : combien de patients l'attaquant réidentifie-t-il ? (2 points)
#
# Comptez les personnes de `fichier_attaquant` dont l'empreinte figure dans `extrait_naif` : pour
# chacune, l'attaquant connaît désormais le nom, le téléphone **et** toutes les données de santé
# rattachées à l'empreinte. Stockez ce nombre dans `nombre_reidentifies`.
#
# Indice : `fichier_attaquant["empreinte"].isin(extrait_naif["empreinte"])` donne Vrai pour chaque
# empreinte retrouvée dans l'extrait ; `.sum()` compte les Vrai.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
nombre_reidentifies = fichier_attaquant["empreinte"].isin(extrait_naif["empreinte"]).sum()
### END SOLUTION
print(nombre_reidentifies, "personnes réidentifiées sur", len(fichier_attaquant))

# %% kit={"competences": ["reidentification"], "reponses": ["nombre_reidentifies"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(pd.api.types.is_integer(nombre_reidentifies),
      "Le résultat doit être un nombre entier ; indice : terminez par .sum().", success=None)
check(nombre_reidentifies > 0,
      "Aucune empreinte retrouvée ? Comparez la colonne empreinte des deux tables avec .isin(...).")
### BEGIN HIDDEN TESTS
reference = load_table("patients", DONNEES, colonnes=["nom", "prenom", "date_naissance"])
textes = (reference["nom"] + "|" + reference["prenom"] + "|"
          + reference["date_naissance"].dt.strftime("%Y-%m-%d"))


def empreinte_publique(texte):
    return hashlib.sha256(texte.encode()).hexdigest()[:16]


empreintes = textes.map(empreinte_publique)
fichier = reference.sample(frac=0.3, random_state=2024)
attendu = empreintes.loc[fichier.index].isin(empreintes).sum()
check(nombre_reidentifies == attendu,
      "Ce n'est pas le nombre d'empreintes du fichier de l'attaquant présentes dans extrait_naif.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# Toutes les personnes du fichier de l'attaquant sont retrouvées : le hachage simple n'a rien
# protégé. Un hachage sans secret est un **déguisement**, pas une protection.

# %% [markdown]
# ## 3. Le hachage avec clé secrète
#
# La parade consiste à mélanger au calcul une **clé secrète** : c'est le principe du HMAC (module
# `hmac`), et celui des pseudonymes du Système national des données de santé (SNDS), calculés avec
# une clé que les utilisateurs ne connaissent pas. Sans la clé, impossible de recalculer les
# pseudonymes, même en connaissant le nom du patient.
#
# La clé est conservée **à part**, par une personne ou un service qui ne reçoit pas les données
# (un « tiers de confiance ») ; ici, elle est écrite dans la cellule pour l'exercice, ce qu'on ne
# ferait jamais en vrai. Le `b` devant les guillemets indique une suite d'octets, la forme
# qu'attend `hmac`.

# %%
CLE_SECRETE = b"exemple-de-cle-a-ne-jamais-ecrire-dans-un-carnet"


def hachage_avec_cle(texte):
    return hmac.new(CLE_SECRETE, texte.encode(), hashlib.sha256).hexdigest()[:16]


print(exemple, "→", hachage_simple(exemple), "(sans clé : recalculable par tous)")
print(exemple, "→", hachage_avec_cle(exemple), "(avec la clé)")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : pseudonymiser avec la clé (2 points)
#
# Ajoutez à `extrait` une colonne `pseudonyme`, obtenue en appliquant `hachage_avec_cle` à chaque
# texte de `identite`.
#
# Indice : sur le modèle de la cellule de l'attaque, `identite.map(hachage_avec_cle)` ; on ajoute une
# colonne à une table avec `extrait["pseudonyme"] = ...`.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
extrait["pseudonyme"] = identite.map(hachage_avec_cle)
### END SOLUTION
extrait[["patient_id", "sexe", "date_naissance", "pseudonyme"]].head()

# %% kit={"appels": {"hachage_simple": ["identite.iloc[0]"]}, "competences": ["pseudonymisation"], "reponses": ["extrait", "identite"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check("pseudonyme" in extrait.columns,
      "extrait n'a pas de colonne pseudonyme ; indice : extrait[\"pseudonyme\"] = identite.map(hachage_avec_cle).",
      success=None)
check(extrait["pseudonyme"].iloc[0] != hachage_simple(identite.iloc[0]),
      "Ce pseudonyme est le hachage simple, que tout le monde peut recalculer : utilisez hachage_avec_cle.")
### BEGIN HIDDEN TESTS
reference = load_table("patients", DONNEES, colonnes=["nom", "prenom", "date_naissance"])
textes = (reference["nom"] + "|" + reference["prenom"] + "|"
          + reference["date_naissance"].dt.strftime("%Y-%m-%d"))


def pseudonyme_attendu(texte):
    return hmac.new(b"exemple-de-cle-a-ne-jamais-ecrire-dans-un-carnet", texte.encode(), hashlib.sha256).hexdigest()[:16]


check(extrait["pseudonyme"].tolist() == textes.map(pseudonyme_attendu).tolist(),
      "Les pseudonymes ne correspondent pas à hachage_avec_cle appliqué à identite.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# L'attaquant recommence avec son fichier, cette fois contre la colonne `pseudonyme` :

# %%
retrouves = fichier_attaquant["empreinte"].isin(extrait["pseudonyme"]).sum()
print("Personnes réidentifiées par l'attaquant :", retrouves)

# %% [markdown]
# Plus personne. Mais attention : le même texte avec la même clé donne toujours le même pseudonyme.
# C'est ce qui permet de relier les séjours d'un même patient, et c'est aussi pourquoi on parle de
# données **pseudonymisées**, pas anonymes : qui détient la clé et les identités peut refaire le lien.

# %% [markdown]
# ## 4. Le risque de réidentification : le k-anonymat
#
# Retirer le nom ne suffit pas. En 1997, la chercheuse américaine Latanya Sweeney a retrouvé le
# dossier médical du gouverneur du Massachusetts dans une base hospitalière dont les noms avaient été
# retirés, en la croisant avec la liste électorale sur trois informations : la date de naissance, le
# sexe et le code postal. Ces colonnes, anodines une à une, sont des **quasi-identifiants** : leur
# combinaison désigne souvent une seule personne.
#
# Le **k-anonymat** mesure ce risque. On regroupe les patients qui partagent exactement les mêmes
# valeurs de quasi-identifiants ; la taille de son groupe est le « k » de chaque patient. Un patient
# seul dans son groupe (k = 1) est unique : quiconque connaît sa date de naissance, son sexe et son
# code postal (un voisin, un collègue, un employeur) le retrouve, avec tous ses séjours. Un jeu est
# dit « k-anonyme » quand chaque groupe compte au moins k personnes.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : la taille des groupes (2 points)
#
# Comptez les patients de chaque combinaison (date de naissance, sexe, code postal) de `extrait`, et
# stockez le résultat dans `taille_groupes`.
#
# Indice : `extrait.groupby(["date_naissance", "sexe", "code_postal"]).size()` donne une série : une
# ligne par combinaison présente, avec le nombre de patients qui la partagent.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
taille_groupes = extrait.groupby(["date_naissance", "sexe", "code_postal"]).size()
### END SOLUTION
taille_groupes.head()

# %% kit={"competences": ["reidentification"], "reponses": ["extrait", "taille_groupes"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(taille_groupes, pd.Series),
      "taille_groupes doit être une série ; indice : extrait.groupby([...]).size().", success=None)
check(taille_groupes.sum() == len(extrait),
      "La somme des tailles des groupes doit redonner le nombre de patients ; avez-vous utilisé .size() ?")
### BEGIN HIDDEN TESTS
reference = load_table("patients", DONNEES, colonnes=["date_naissance", "sexe", "code_postal"])
attendu = reference.groupby(["date_naissance", "sexe", "code_postal"]).size()
check(sorted(taille_groupes.tolist()) == sorted(attendu.tolist()),
      "Ces groupes ne sont pas ceux de la date de naissance, du sexe et du code postal.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Combien de groupes de chaque taille ? La cellule suivante compte les groupes de taille 1, 2, 3...
# (première colonne : la taille ; seconde : le nombre de groupes de cette taille).

# %%
taille_groupes.value_counts().sort_index()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : quelle part de patients uniques ? (2 points)
#
# Un groupe de taille 1 contient exactement un patient : le nombre de patients uniques est donc le
# nombre de groupes de taille 1. Calculez le **pourcentage** de patients uniques (un nombre entre 0
# et 100) et stockez-le dans `pourcentage_uniques`.
#
# Indice : `(taille_groupes == 1).sum()` compte les groupes de taille 1 ; divisez par `len(extrait)`,
# puis multipliez par 100.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
pourcentage_uniques = (taille_groupes == 1).sum() / len(extrait) * 100
### END SOLUTION
print(round(pourcentage_uniques, 1), "% de patients uniques")

# %% kit={"competences": ["reidentification"], "reponses": ["pourcentage_uniques"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(0 <= pourcentage_uniques <= 100,
      "Un pourcentage est compris entre 0 et 100 ; divisez par len(extrait) puis multipliez par 100.")
### BEGIN HIDDEN TESTS
reference = load_table("patients", DONNEES, colonnes=["date_naissance", "sexe", "code_postal"])
groupes = reference.groupby(["date_naissance", "sexe", "code_postal"]).size()
attendu = (groupes == 1).sum() / len(reference) * 100
check(abs(pourcentage_uniques - attendu) < 0.01,
      "Ce n'est pas le pourcentage de patients seuls dans leur groupe.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# La quasi-totalité des patients sont uniques : même sans nom et avec un pseudonyme irréprochable,
# ces trois colonnes suffisent à les retrouver. Une précision : on mesure ici l'unicité **dans
# l'extrait**. C'est bien le risque qui compte, car un proche qui sait qu'une personne a été soignée
# dans l'établissement n'a besoin que de l'extrait pour la retrouver.

# %% [markdown]
# ## 5. Généraliser pour réduire le risque
#
# Pour agrandir les groupes, on **généralise** les quasi-identifiants : l'année de naissance au lieu
# de la date, le département au lieu du code postal, une tranche d'âge au lieu de l'âge exact. On
# perd en précision, on gagne en protection. La cellule suivante ajoute l'année de naissance à
# `extrait` (`.dt.year` extrait l'année d'une date) ; la colonne `departement` existe déjà.

# %%
extrait["annee_naissance"] = extrait["date_naissance"].dt.year
extrait[["date_naissance", "annee_naissance", "code_postal", "departement"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : l'année de naissance et le département (2 points)
#
# Refaites les calculs des questions 4 et 5 avec les quasi-identifiants `annee_naissance`, `sexe` et
# `departement`, et stockez le pourcentage de patients uniques dans `pourcentage_uniques_annee`.
#
# Indice : `groupes = extrait.groupby([...]).size()`, puis `(groupes == 1).sum() / len(extrait) * 100`.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
groupes = extrait.groupby(["annee_naissance", "sexe", "departement"]).size()
pourcentage_uniques_annee = (groupes == 1).sum() / len(extrait) * 100
### END SOLUTION
print(round(pourcentage_uniques_annee, 1), "% de patients uniques")

# %% kit={"competences": ["reidentification"], "reponses": ["pourcentage_uniques_annee"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(0 <= pourcentage_uniques_annee <= 100,
      "Un pourcentage est compris entre 0 et 100 ; divisez par len(extrait) puis multipliez par 100.")
### BEGIN HIDDEN TESTS
reference = load_table("patients", DONNEES, colonnes=["date_naissance", "sexe", "departement"])
reference["annee_naissance"] = reference["date_naissance"].dt.year
groupes_reference = reference.groupby(["annee_naissance", "sexe", "departement"]).size()
attendu = (groupes_reference == 1).sum() / len(reference) * 100
check(abs(pourcentage_uniques_annee - attendu) < 0.01,
      "Ce n'est pas le pourcentage de patients uniques sur l'année, le sexe et le département.",
      success=None)
### END HIDDEN TESTS

# %% [markdown]
# Allons plus loin avec l'âge par tranches de 10 ans. Les très grands âges restent rares, donc
# identifiants : on les réunit dans une seule tranche « 90 ans et plus » grâce à `.clip(upper=90)`,
# qui ramène à 90 toute valeur plus grande. L'opérateur `//` est la division entière : `age // 10 * 10`
# vaut 0 pour 0 à 9 ans, 10 pour 10 à 19 ans, et ainsi de suite. La cellule affiche ensuite le nombre
# de patients par tranche.

# %%
age = (pd.Timestamp("2022-01-01") - extrait["date_naissance"]).dt.days // 365
extrait["tranche_age"] = age.clip(upper=90) // 10 * 10
extrait["tranche_age"].value_counts().sort_index()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : combien de patients dans de petits groupes ? (2 points)
#
# Être unique n'est pas le seul danger : dans un groupe de deux ou trois personnes, un proche devine
# souvent de qui il s'agit. Les producteurs de données fixent donc un seuil ; prenons k = 5. Avec les
# quasi-identifiants `tranche_age`, `sexe` et `departement`, calculez le **pourcentage** de patients
# qui appartiennent à un groupe de **moins de 5** personnes, et stockez-le dans
# `pourcentage_petits_groupes`.
#
# Indice : `groupes = extrait.groupby([...]).size()` ; `groupes[groupes < 5]` ne garde que les petits
# groupes, et leur somme (`.sum()`) est le nombre de patients qu'ils contiennent.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
groupes = extrait.groupby(["tranche_age", "sexe", "departement"]).size()
pourcentage_petits_groupes = groupes[groupes < 5].sum() / len(extrait) * 100
### END SOLUTION
print(round(pourcentage_petits_groupes, 1), "% de patients dans un groupe de moins de 5")

# %% kit={"competences": ["reidentification"], "reponses": ["pourcentage_petits_groupes"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(0 <= pourcentage_petits_groupes <= 100,
      "Un pourcentage est compris entre 0 et 100 ; divisez le nombre de patients des petits groupes "
      "par len(extrait), puis multipliez par 100.")
### BEGIN HIDDEN TESTS
reference = load_table("patients", DONNEES, colonnes=["date_naissance", "sexe", "departement"])
age_reference = (pd.Timestamp("2022-01-01") - reference["date_naissance"]).dt.days // 365
reference["tranche_age"] = age_reference.clip(upper=90) // 10 * 10
groupes_reference = reference.groupby(["tranche_age", "sexe", "departement"]).size()
attendu = groupes_reference[groupes_reference < 5].sum() / len(reference) * 100
check(abs(pourcentage_petits_groupes - attendu) < 0.01,
      "Ce n'est pas le pourcentage de patients dans un groupe de moins de 5 (tranche d'âge, sexe, "
      "département).", success=None)
### END HIDDEN TESTS

# %% [markdown]
# La cellule suivante compare cinq niveaux de généralisation, du plus précis au plus grossier : pour
# chacun, la part de patients uniques et la part de patients dans un groupe de moins de 5. Elle
# refait exactement vos calculs, niveau par niveau (la boucle `for` répète les mêmes lignes pour
# chaque niveau), puis trace le résultat.

# %%
niveaux = {
    "date, sexe, code postal": ["date_naissance", "sexe", "code_postal"],
    "année, sexe, code postal": ["annee_naissance", "sexe", "code_postal"],
    "année, sexe, département": ["annee_naissance", "sexe", "departement"],
    "tranche d'âge, sexe, département": ["tranche_age", "sexe", "departement"],
    "tranche d'âge, sexe, région": ["tranche_age", "sexe", "region"],
}
lignes = []
for niveau, colonnes in niveaux.items():
    groupes = extrait.groupby(colonnes).size()
    lignes.append({"niveau": niveau, "mesure": "patients uniques (k = 1)",
                   "pourcentage": (groupes == 1).sum() / len(extrait) * 100})
    lignes.append({"niveau": niveau, "mesure": "patients dans un groupe de moins de 5",
                   "pourcentage": groupes[groupes < 5].sum() / len(extrait) * 100})
risques = pd.DataFrame(lignes)

figure = px.bar(risques, x="niveau", y="pourcentage", color="mesure", barmode="group",
                labels={"niveau": "Quasi-identifiants conservés", "pourcentage": "% des patients",
                        "mesure": "Mesure"},
                title="Plus on généralise, moins les patients sont isolés")
figure.show()

# %% [markdown]
# Lisez le graphique de gauche à droite : chaque généralisation fait reculer la part des patients
# isolés, au prix de la précision. Le résultat dépend aussi de la **taille du jeu** : avec peu de
# patients (un service, une maladie rare, ou le petit échantillon de 2 000 patients du kit), les
# groupes restent petits même après généralisation. Le bon niveau se choisit donc en **mesurant**,
# pas à l'intuition ; on peut aussi supprimer ou regrouper les derniers patients isolés.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : anonyme, cette fois ? (2 points, corrigée par votre formateur)
#
# Le carnet 0 posait la question pour la table brute ; allons plus loin. Imaginez un extrait qui ne
# contient plus que le `pseudonyme` (calculé avec la clé), la `tranche_age`, le `sexe`, le
# `departement` et les séjours de chaque patient. Au sens du RGPD, ces données sont-elles
# **anonymes** ou **pseudonymisées** ? Répondez en trois ou quatre phrases : dites qui pourrait
# encore réidentifier un patient, et appuyez-vous sur ce que vous avez mesuré.

# %% [markdown] kit={"bareme": ["1 point : pseudonymis\u00e9es, pas anonymes : ce sont encore des donn\u00e9es personnelles de sant\u00e9 soumises au RGPD, car le d\u00e9tenteur de la cl\u00e9 (et des identit\u00e9s) peut refaire le lien", "1 point : un argument de r\u00e9identification tir\u00e9 du carnet (patients encore uniques ou en petits groupes, dates de s\u00e9jour, \u00e9tablissement ou diagnostic rare comme quasi-identifiants suppl\u00e9mentaires)"], "competences": ["cadre-juridique", "pseudonymisation"]} nbgrader={"grade": true, "grade_id": "q8-reponse", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Elles restent **pseudonymisées**, donc des données personnelles (et même des données de santé)
# soumises au RGPD. Le détenteur de la clé secrète, qui connaît aussi les identités, peut recalculer
# le pseudonyme de n'importe quel patient et retrouver ses séjours : le lien est réversible. De plus,
# certains patients restent seuls ou presque dans leur groupe (tranche d'âge, sexe, département), et
# les séjours eux-mêmes ajoutent des quasi-identifiants (dates d'entrée, établissement, diagnostic
# rare). Des données ne sont anonymes que si personne, avec des moyens raisonnables, ne peut plus
# isoler une personne, relier ses données d'un fichier à l'autre ni déduire une information sur elle.
# ### END SOLUTION

# %% [markdown]
# ## 6. La minimisation : ne garder que ce qui sert
#
# Le RGPD (article 5) veut que les données soient « adéquates, pertinentes et limitées à ce qui est
# nécessaire » au regard de la finalité : c'est le principe de **minimisation**. On part de la
# question d'étude et on ne garde que les colonnes qui servent à y répondre. Une colonne absente ne
# peut ni fuiter ni servir à réidentifier.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : un extrait minimal pour une étude (2 points)
#
# Une équipe du datathon veut comparer la **durée des séjours** selon la **tranche d'âge** et le
# **sexe** des patients, **établissement par établissement**. Construisez `extrait_etude` : une ligne
# par séjour, avec seulement les colonnes `finess`, `tranche_age`, `sexe` et `duree_sejour`.
#
# Indice : `sejours.merge(extrait, on="patient_id")` ajoute à chaque séjour les colonnes de son
# patient ; en ajoutant `[["finess", "tranche_age", "sexe", "duree_sejour"]]` à la fin de la même
# ligne, on ne garde que ces quatre colonnes.

# %% nbgrader={"grade": false, "grade_id": "q9-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
extrait_etude = sejours.merge(extrait, on="patient_id")[["finess", "tranche_age", "sexe", "duree_sejour"]]
### END SOLUTION
extrait_etude.head()

# %% kit={"competences": ["pseudonymisation", "cadre-juridique"], "reponses": ["extrait_etude"]} nbgrader={"grade": true, "grade_id": "q9-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(extrait_etude, pd.DataFrame),
      "extrait_etude doit être une table ; indice : sejours.merge(extrait, on=\"patient_id\")[[...]].",
      success=None)
check(sorted(extrait_etude.columns) == ["duree_sejour", "finess", "sexe", "tranche_age"],
      "extrait_etude doit contenir exactement les colonnes finess, tranche_age, sexe et duree_sejour "
      f"(il contient : {', '.join(extrait_etude.columns)}).")
### BEGIN HIDDEN TESTS
reference = load_table("patients", DONNEES, colonnes=["patient_id", "date_naissance", "sexe"])
age_reference = (pd.Timestamp("2022-01-01") - reference["date_naissance"]).dt.days // 365
reference["tranche_age"] = age_reference.clip(upper=90) // 10 * 10
sejours_reference = load_table("sejours", DONNEES, colonnes=["patient_id", "finess", "duree_sejour"]).merge(reference, on="patient_id")
attendu = sejours_reference.groupby(["finess", "tranche_age", "sexe"])["duree_sejour"].sum()
obtenu = extrait_etude.groupby(["finess", "tranche_age", "sexe"])["duree_sejour"].sum()
check(len(extrait_etude) == len(sejours_reference) and obtenu.sort_index().equals(attendu.sort_index()),
      "Il faut une ligne par séjour, avec la tranche d'âge et le sexe de son patient.", success=None)
### END HIDDEN TESTS

# %%
print("Table patients :", patients.shape[1], "colonnes, dont 4 identifiants directs")
print("Extrait de l'étude :", extrait_etude.shape[1], "colonnes, sans identité, sans date exacte, "
      "sans lieu de résidence")

# %% [markdown]
# Cette étude n'a même pas besoin du pseudonyme : elle ne suit pas les patients d'un séjour à
# l'autre. Une étude des réhospitalisations, elle, en aurait besoin ; la minimisation se décide
# question par question.

# %% [markdown]
# ## 7. Les leçons d'un vol de données réel
#
# Fin 2024, la presse a titré : « Ce que l'on sait du vol de données de santé de plus de 750 000
# patients d'un établissement francilien ». Les faits rendus publics sont simples :
#
# - les données d'environ **750 000 patients** ont été volées ;
# - l'attaquant n'a pas eu besoin de « casser » un système : il s'est servi du **compte d'un
#   utilisateur** d'un logiciel employé par l'établissement ;
# - ce compte n'était pas protégé par une **authentification forte** : un identifiant et un mot de
#   passe suffisaient pour entrer.
#
# Quatre mesures d'hygiène numérique répondent directement à ce scénario :
#
# | mesure | en pratique | ce qu'elle empêche ou limite |
# | --- | --- | --- |
# | **Double authentification** | un mot de passe **et** un second facteur (code reçu sur un téléphone, carte CPS, clé physique) | un mot de passe volé ne suffit plus pour se connecter |
# | **Moindre privilège** | chaque compte n'accède qu'aux données utiles à sa mission (comme `extrait_etude`) | un compte compromis n'expose qu'une petite partie des données |
# | **Journalisation** | chaque accès est enregistré (qui, quand, quoi) et les journaux sont surveillés | une extraction massive inhabituelle est repérée, et l'enquête sait ce qui est sorti |
# | **Chiffrement** | les données stockées et échangées sont illisibles sans la clé | un fichier copié ou perdu reste inexploitable |
#
# Ce carnet en a ajouté trois, du côté des données elles-mêmes : retirer les identifiants directs,
# pseudonymiser avec une clé, minimiser et généraliser. **Ce qui n'est pas dans le fichier ne peut
# pas être volé.**

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 10 : vous êtes le DPO (3 points, corrigée par votre formateur)
#
# Vous êtes le délégué à la protection des données (DPO) de l'établissement qui fournit son jeu de
# données au datathon. Proposez **trois mesures** concrètes, chacune justifiée en une ou deux phrases
# par un résultat de ce carnet ou par la leçon du vol de données.

# %% [markdown] kit={"bareme": ["1 point : une mesure sur les identit\u00e9s (retrait des identifiants directs, pseudonyme calcul\u00e9 avec une cl\u00e9 secr\u00e8te gard\u00e9e \u00e0 part), justifi\u00e9e (un hachage simple se recalcule, question 2)", "1 point : une mesure contre la r\u00e9identification ou de minimisation (g\u00e9n\u00e9ralisation, seuil de k v\u00e9rifi\u00e9 avant livraison, colonnes limit\u00e9es \u00e0 la question d'\u00e9tude), justifi\u00e9e par un chiffre ou un constat du carnet", "1 point : une mesure de s\u00e9curit\u00e9 des acc\u00e8s (double authentification, moindre privil\u00e8ge, journalisation, chiffrement), reli\u00e9e au vol des donn\u00e9es des 750 000 patients"], "competences": ["argumenter", "hygiene-securite", "pseudonymisation", "reidentification"]} nbgrader={"grade": true, "grade_id": "q10-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# 1. **Retirer les identités et pseudonymiser avec une clé.** Les équipes reçoivent un pseudonyme
#    calculé avec une clé secrète conservée par un tiers de confiance, jamais le nom ni le téléphone.
#    La question 2 a montré qu'un hachage simple laissait réidentifier toutes les personnes d'un
#    fichier d'identités ; avec la clé, aucune.
# 2. **Minimiser et généraliser, en mesurant.** Chaque équipe ne reçoit que les colonnes de sa
#    question, avec la tranche d'âge et le département plutôt que la date de naissance et le code
#    postal : sur ces trois colonnes précises, la quasi-totalité des patients étaient uniques. Avant
#    de livrer, on vérifie qu'aucun groupe ne compte moins de 5 patients, sinon on regroupe encore.
# 3. **Sécuriser les accès à l'environnement du datathon.** Comptes nominatifs avec double
#    authentification, droits limités à l'extrait de l'équipe (moindre privilège), journalisation
#    des accès et des exports, données chiffrées et effacées à la fin de l'événement. Le vol des
#    données de 750 000 patients est parti d'un compte protégé par un simple mot de passe.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - **La l-diversité.** Le k-anonymat ne suffit pas si tous les patients d'un groupe partagent le
#   même diagnostic : on l'apprend sans savoir qui est qui. Comptez les diagnostics différents par
#   groupe : `sejours.merge(extrait, on="patient_id").groupby(["tranche_age", "sexe", "departement"])["diagnostic_principal"].nunique()`,
#   puis repérez les groupes qui n'en ont qu'un.
# - **Les séjours aussi identifient.** Mesurez la part de séjours uniques sur l'établissement, la
#   date d'entrée, le sexe et la tranche d'âge (`sejours.merge(extrait, on="patient_id")`, puis
#   `groupby(["finess", "date_entree", "sexe", "tranche_age"]).size()`) : qui sait qu'un voisin a été
#   hospitalisé tel jour dans tel établissement le retrouve.
# - **Changer la clé.** Modifiez `CLE_SECRETE` et réexécutez les cellules : tous les pseudonymes
#   changent. Pourquoi la clé doit-elle rester la même pendant toute une étude ? Sa destruction
#   à la fin rend-elle les données anonymes (pensez aux quasi-identifiants) ?

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Les identifiants directs (nom, prénom, adresse, téléphone) se retirent avant tout partage :
#   `.drop(columns=[...])`.
# - Un hachage simple se recalcule par quiconque possède une liste d'identités : ce n'est pas une
#   protection. Un hachage avec une clé secrète gardée à part (HMAC) en est une.
# - Des données pseudonymisées restent des données personnelles soumises au RGPD ; l'anonymisation
#   doit rendre la réidentification impossible, pour tous.
# - Les quasi-identifiants (date de naissance, sexe, code postal) réidentifient :
#   `groupby([...]).size()` donne la taille des groupes, et k = 1 signifie « unique ».
# - Généraliser (année, tranche d'âge, département) agrandit les groupes : on mesure avant de livrer.
# - Minimiser : ne garder que les colonnes utiles à la question d'étude.
# - Côté accès : double authentification, moindre privilège, journalisation, chiffrement.
