# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Données, confidentialité et sécurité
#
# **Durée : 75 minutes.** Les données de santé comptent parmi les plus sensibles : une fuite expose
# l'intimité de milliers de personnes. Dans ce carnet, vous protégez vous-même un jeu de données
# **entièrement synthétique** (aucune ligne ne décrit une personne réelle), comme le ferait
# l'établissement qui le confie à une équipe du datathon.
#
# Ce carnet clôt le module « La donnée au service de l'innovation » du programme **Innov'Health**.
# Pendant le datathon, un hôpital ou un GHT ouvre ses données à des équipes qui imaginent une
# organisation nouvelle ; toute innovation bâtie sur des données de patients commence par les
# protéger. Vous jouez ici le rôle de l'établissement qui prépare l'extrait confié aux équipes.
#
# À la fin de ce carnet, vous saurez :
#
# - reconnaître les identifiants directs et les retirer avant tout partage ;
# - expliquer pourquoi un simple hachage du nom ne protège pas, et calculer un pseudonyme avec une
#   clé secrète ;
# - mesurer un risque de réidentification (le k-anonymat) et le réduire en généralisant l'âge et le lieu ;
# - ne garder que les colonnes dont une étude a besoin (la minimisation) ;
# - tirer les leçons d'un vol réel de données de patients : double authentification, moindre
#   privilège, journalisation, chiffrement.
#
# Chaque question a une cellule de réponse, où vous remplacez les trois points `...` par votre calcul,
# puis une cellule de vérification : exécutez-la. « ✅ Bonne réponse » veut dire que la réponse est juste
# (et vaudra tous les points de la question) ; sinon, un ❌ vous dit ce qui ne va pas. Les pourcentages
# sont jugés avec le nombre de décimales que la consigne demande.

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

from participant.checks import check_answer
from participant.data import load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français
patients = load_table("patients", DONNEES)
sejours = load_table("sejours", DONNEES)
print(f"{len(patients):,} patients et {len(sejours):,} séjours chargés".replace(",", " "))

# %% [markdown]
# ## 1. Les identifiants directs
#
# Le carnet 0 vous a demandé si la table `patients` était anonyme : elle ne l'est pas. Un
# **identifiant direct** désigne une personne à lui seul, sans autre information : son nom et son
# prénom, son adresse, son numéro de téléphone, son adresse électronique, son numéro de sécurité
# sociale (NIR), sa photographie.
#
# D'autres colonnes ne désignent personne à elles seules, mais le font une fois combinées : la date de
# naissance, le sexe, le code postal, la commune. Ce sont des **identifiants indirects**, ou
# **quasi-identifiants** ; nous les mesurerons plus loin. Quant à `patient_id`, c'est un
# **pseudonyme** : un code calculé (ce n'est pas le NIR) qui relie les lignes d'une même personne
# sans dire qui elle est.
#
# Voici les premières lignes de la table `patients` et la liste de ses colonnes (`patients.columns`) :

# %%
patients.head()

# %%
list(patients.columns)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : quels sont les identifiants directs ? (1 point)
#
# Première règle : une équipe qui étudie des séjours n'a pas besoin de savoir comment s'appellent les
# patients. Stockez dans `identifiants_directs` la **liste des colonnes** de `patients` qui sont des
# identifiants directs, et seulement celles-là.
#
# Une liste s'écrit entre crochets, chaque nom de colonne entre guillemets, écrit exactement comme dans
# `patients.columns` (sans accent) : `["colonne_a", "colonne_b"]`. L'ordre ne compte pas.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
identifiants_directs = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
identifiants_directs = ["nom", "prenom", "adresse", "telephone"]
### END SOLUTION

# %% kit={"competences": ["pseudonymisation"], "reponses": ["identifiants_directs"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", identifiants_directs)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Collection
from participant.checks import grade_answer

colonnes = list(load_table("patients", DONNEES).columns)
directs = [c for c in colonnes if c in ("nom", "prenom", "adresse", "telephone")]
grade_answer(
    "q1", identifiants_directs, directs, Collection(),
    mistakes={
        "La date de naissance ne désigne personne à elle seule : c'est un quasi-identifiant, pas un "
        "identifiant direct.": directs + ["date_naissance"],
        "Le code postal ne désigne personne à lui seul : c'est un quasi-identifiant, pas un identifiant "
        "direct.": directs + ["code_postal"],
        "La commune ne désigne personne à elle seule : c'est un quasi-identifiant, pas un identifiant "
        "direct.": directs + ["commune"],
        "patient_id est un pseudonyme (un code calculé, pas le NIR) : il ne dit pas qui est la "
        "personne.": directs + ["patient_id"],
        "Ce sont les quasi-identifiants (identifiants indirects) : cherchez les colonnes qui désignent "
        "une personne à elles seules.": ["date_naissance", "sexe", "code_postal"],
        "Ce sont toutes les colonnes : gardez seulement celles qui désignent une personne à elles "
        "seules.": colonnes,
        "Il en manque : l'adresse et le numéro de téléphone désignent, eux aussi, directement une "
        "personne.": ["nom", "prenom"],
        "Il manque le téléphone : un numéro de téléphone désigne directement une personne.": [
            "nom", "prenom", "adresse"
        ],
        "Il manque l'adresse : une adresse désigne directement une personne.": ["nom", "prenom", "telephone"],
        "Les noms de colonnes s'écrivent sans accent, comme dans patients.columns : prenom, "
        "telephone.": ["nom", "prénom", "adresse", "téléphone"],
    },
    hint="Ce n'est pas la liste des identifiants directs : gardez les colonnes qui, à elles seules, "
         "désignent une personne, écrites exactement comme dans patients.columns.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante retire les quatre identifiants directs avec
# le code ci-dessous et range le résultat sous le nom `extrait` ; la suite du carnet l'utilise.
# `.drop(columns=[...])` renvoie la table sans les colonnes citées (la table `patients` elle-même
# n'est pas modifiée).

# %% nbgrader={"grade": false, "grade_id": "q1-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
extrait = patients.drop(columns=["nom", "prenom", "adresse", "telephone"])

# %%
extrait.head()

# %% [markdown]
# ## 2. Pourquoi un simple hachage du nom ne suffit pas
#
# Pour relier les séjours d'un même patient sans connaître son nom, on remplace son identité par un
# **pseudonyme**. Une idée répandue consiste à « hacher » l'identité : une **fonction de hachage**
# (ici SHA-256, du module `hashlib`) transforme un texte en une empreinte illisible, toujours la même
# pour le même texte, et dont on ne peut pas retrouver le texte par un calcul à l'envers.
#
# La cellule suivante construit, pour chaque patient, le texte « nom|prénom|date de naissance »
# (rangé dans `identite` ; celui du premier patient s'appelle `exemple`), puis définit avec `def` une
# **fonction** `hachage_simple` : un petit programme réutilisable qui reçoit un texte (son
# **paramètre**, ici `texte`) et renvoie (`return`) les 16 premiers caractères de son empreinte. Les
# lignes d'une fonction sont décalées de quatre espaces sous la ligne `def`. Exécutez la cellule : le
# même texte donne toujours la même empreinte, le même texte en majuscules en donne une toute
# différente.

# %% nbgrader={"grade": false, "grade_id": "hachage-simple", "locked": true, "schema_version": 3, "solution": false, "task": false}
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
# La cellule suivante simule cette attaque. Le fichier de l'attaquant mélange des patients de
# l'établissement (30 % d'entre eux, tirés au hasard de façon reproductible grâce à `random_state`) et
# des personnes qui n'y ont jamais été soignées (pour l'exercice, on les fabrique en vieillissant d'un
# an d'autres patients) ; `pd.concat([...])` met les deux tables bout à bout. L'attaquant calcule
# ensuite les empreintes avec la même fonction : `.map(fonction)` applique une fonction à chaque valeur
# d'une colonne, et `.assign(nom=valeurs)` renvoie la table avec une colonne de plus.

# %%
extrait_naif = extrait.assign(empreinte=identite.map(hachage_simple))

personnes = patients[["nom", "prenom", "date_naissance", "telephone"]]
soignes_ici = personnes.sample(frac=0.3, random_state=2024)
autres = personnes.sample(frac=0.2, random_state=2025)
jamais_soignes_ici = autres.assign(date_naissance=autres["date_naissance"] - pd.DateOffset(years=1))
fichier = pd.concat([soignes_ici, jamais_soignes_ici], ignore_index=True)
fichier_attaquant = fichier.assign(
    empreinte=(fichier["nom"] + "|" + fichier["prenom"] + "|"
               + fichier["date_naissance"].dt.strftime("%Y-%m-%d")).map(hachage_simple))
print(len(fichier_attaquant), "personnes dans le fichier de l'attaquant")
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
nombre_reidentifies = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
nombre_reidentifies = fichier_attaquant["empreinte"].isin(extrait_naif["empreinte"]).sum()
### END SOLUTION

# %% kit={"competences": ["reidentification"], "reponses": ["nombre_reidentifies"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", nombre_reidentifies)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Count
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["nom", "prenom", "date_naissance", "telephone"])


def empreintes_publiques(table):
    textes = table["nom"] + "|" + table["prenom"] + "|" + table["date_naissance"].dt.strftime("%Y-%m-%d")
    return textes.map(lambda texte: hashlib.sha256(texte.encode()).hexdigest()[:16])


soignes_reference = reference.sample(frac=0.3, random_state=2024)
autres_reference = reference.sample(frac=0.2, random_state=2025)
autres_reference = autres_reference.assign(
    date_naissance=autres_reference["date_naissance"] - pd.DateOffset(years=1))
fichier_reference = pd.concat([soignes_reference, autres_reference], ignore_index=True)
retrouves_reference = empreintes_publiques(fichier_reference).isin(empreintes_publiques(reference))
grade_answer(
    "q2", nombre_reidentifies, retrouves_reference.sum(), Count(),
    mistakes={
        "C'est le nombre de personnes du fichier de l'attaquant, retrouvées ou non : .sum() compte "
        "seulement les Vrai (.count() compte toutes les lignes).": len(fichier_reference),
        "C'est le nombre de personnes du fichier qui ne sont PAS retrouvées : comptez les Vrai de "
        ".isin(...), sans ~.": (~retrouves_reference).sum(),
        "C'est le nombre de patients de l'extrait : comptez les personnes du fichier de l'attaquant "
        "dont l'empreinte est dans extrait_naif.": len(reference),
        "Aucune personne retrouvée : comparez la colonne empreinte de fichier_attaquant à la colonne "
        "empreinte de extrait_naif.": 0,
    },
    hint="Ce n'est pas le nombre d'empreintes du fichier de l'attaquant présentes dans extrait_naif ; "
         "indice : fichier_attaquant[\"empreinte\"].isin(extrait_naif[\"empreinte\"]).sum().",
)
### END HIDDEN TESTS

# %% [markdown]
# Chaque patient de l'établissement présent dans le fichier de l'attaquant est retrouvé, avec son nom
# et son téléphone ; seules les personnes jamais soignées ici lui échappent. Le hachage simple n'a
# rien protégé : un hachage sans secret est un **déguisement**, pas une protection.

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

# %% nbgrader={"grade": false, "grade_id": "cle-secrete", "locked": true, "schema_version": 3, "solution": false, "task": false}
CLE_SECRETE = b"exemple-de-cle-a-ne-jamais-ecrire-dans-un-carnet"

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : une fonction qui pseudonymise avec la clé (2 points)
#
# Sur le modèle de `hachage_simple`, écrivez la fonction `hachage_avec_cle` : elle reçoit un `texte`
# et renvoie les 16 premiers caractères de son empreinte calculée **avec la clé** `CLE_SECRETE`.
# Seule la recette change :
#
# - `hmac.new(CLE_SECRETE, texte.encode(), hashlib.sha256)` prépare le calcul avec la clé (à la place
#   de `hashlib.sha256(texte.encode())`) ;
# - `.hexdigest()` donne l'empreinte sous forme de texte, et `[:16]` en garde les 16 premiers
#   caractères, comme dans `hachage_simple`.
#
# Dans la cellule de réponse, remplacez seulement les trois points après `return`, en gardant le
# décalage de quatre espaces. La vérification appelle votre fonction sur les textes de deux patients
# (`identite.iloc[1]` et `identite.iloc[2]`) : elle doit marcher pour n'importe quel texte reçu.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
def hachage_avec_cle(texte):
    return ...  # VOTRE CODE ICI
### BEGIN SOLUTION
def hachage_avec_cle(texte):
    return hmac.new(CLE_SECRETE, texte.encode(), hashlib.sha256).hexdigest()[:16]
### END SOLUTION

# %% kit={"appels": {"hachage_avec_cle": ["identite.iloc[1]", "identite.iloc[2]"]}, "competences": ["pseudonymisation"], "reponses": []} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", [hachage_avec_cle(identite.iloc[1]), hachage_avec_cle(identite.iloc[2])])
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Collection
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["nom", "prenom", "date_naissance"])
textes_reference = (reference["nom"] + "|" + reference["prenom"] + "|"
                    + reference["date_naissance"].dt.strftime("%Y-%m-%d"))
cle_reference = b"exemple-de-cle-a-ne-jamais-ecrire-dans-un-carnet"
textes_verifies = [textes_reference.iloc[1].encode(), textes_reference.iloc[2].encode()]
empreintes_cle = [hmac.new(cle_reference, texte, hashlib.sha256).hexdigest() for texte in textes_verifies]
grade_answer(
    "q3", [hachage_avec_cle(identite.iloc[1]), hachage_avec_cle(identite.iloc[2])],
    [empreinte[:16] for empreinte in empreintes_cle], Collection(),
    mistakes={
        "C'est le hachage simple, sans clé, que tout le monde peut recalculer : utilisez "
        "hmac.new(CLE_SECRETE, texte.encode(), hashlib.sha256).": [
            hashlib.sha256(texte).hexdigest()[:16] for texte in textes_verifies
        ],
        "C'est l'empreinte complète : gardez ses 16 premiers caractères avec [:16].": empreintes_cle,
        "Votre fonction calcule toujours l'empreinte de exemple (le premier patient) : utilisez son "
        "paramètre, texte.": [
            hmac.new(cle_reference, textes_reference.iloc[0].encode(), hashlib.sha256).hexdigest()[:16]
        ],
        "Votre fonction rend la même empreinte quel que soit le texte reçu : calculez-la à partir de son "
        "paramètre, texte.": [empreintes_cle[0][:16]],
        "Coller la clé au texte avant un hachage simple n'est pas la recette HMAC : utilisez "
        "hmac.new(CLE_SECRETE, texte.encode(), hashlib.sha256).": [
            hashlib.sha256(cle_reference + texte).hexdigest()[:16] for texte in textes_verifies
        ],
        "La clé et le texte sont inversés : hmac.new(CLE_SECRETE, texte.encode(), hashlib.sha256), la clé "
        "d'abord.": [hmac.new(texte, cle_reference, hashlib.sha256).hexdigest()[:16] for texte in textes_verifies],
        "Presque : l'empreinte s'écrit en minuscules, telle que .hexdigest() la rend (sans .upper()).": [
            empreinte[:16].upper() for empreinte in empreintes_cle
        ],
        "Votre fonction ne renvoie rien (None) : print(...) affiche l'empreinte sans la rendre ; écrivez "
        "return devant le calcul.": [None],
    },
    hint="Ce n'est pas l'empreinte avec clé du texte reçu ; indice : "
         "return hmac.new(CLE_SECRETE, texte.encode(), hashlib.sha256).hexdigest()[:16].",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre fonction soit juste ou non, la cellule suivante définit avec le code ci-dessous la fonction
# `hachage_avec_cle_reprise`, qui pseudonymise avec la clé ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q3-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
def hachage_avec_cle_reprise(texte):
    return hmac.new(CLE_SECRETE, texte.encode(), hashlib.sha256).hexdigest()[:16]

# %% [markdown]
# Comparons les deux empreintes du premier patient, puis laissons l'attaquant recommencer avec son
# fichier, cette fois contre un extrait où l'identité est remplacée par le pseudonyme calculé avec la
# clé (`extrait_pseudonymise`) :

# %%
print(exemple, "→", hachage_simple(exemple), "(sans clé : recalculable par tous)")
print(exemple, "→", hachage_avec_cle_reprise(exemple), "(avec la clé)")

extrait_pseudonymise = extrait.assign(pseudonyme=identite.map(hachage_avec_cle_reprise))
retrouves = fichier_attaquant["empreinte"].isin(extrait_pseudonymise["pseudonyme"]).sum()
print("Personnes réidentifiées par l'attaquant :", retrouves)

# %% [markdown]
# Plus personne. Mais attention : le même texte avec la même clé donne toujours le même pseudonyme.
# C'est ce qui permet de relier les séjours d'un même patient, et c'est aussi pourquoi on parle de
# données **pseudonymisées**, pas anonymes : qui détient la clé et les identités peut refaire le lien.
#
# Le RGPD tire la conséquence : des données pseudonymisées restent des **données personnelles** (ici,
# des données de santé) et le règlement s'applique à elles. Seules des données **anonymes**, pour
# lesquelles plus personne ne peut, avec des moyens raisonnables, isoler une personne, relier ses
# données d'un fichier à l'autre ou déduire une information sur elle, en sortent.

# %% [markdown]
# ## 4. Le risque de réidentification : le k-anonymat
#
# Retirer le nom ne suffit pas. En 1997, la chercheuse américaine Latanya Sweeney a retrouvé le
# dossier médical du gouverneur du Massachusetts dans une base hospitalière dont les noms avaient été
# retirés, en la croisant avec la liste électorale sur trois informations : la date de naissance, le
# sexe et le code postal. Ces colonnes, anodines une à une, sont les **quasi-identifiants** vus plus
# haut : leur combinaison désigne souvent une seule personne.
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
taille_groupes = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
taille_groupes = extrait.groupby(["date_naissance", "sexe", "code_postal"]).size()
### END SOLUTION

# %% kit={"competences": ["reidentification"], "reponses": ["taille_groupes"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", taille_groupes)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["date_naissance", "sexe", "code_postal", "departement"])
grade_answer(
    "q4", taille_groupes, reference.groupby(["date_naissance", "sexe", "code_postal"]).size(), Series(),
    mistakes={
        "Il manque le code postal : regroupez sur les trois colonnes date_naissance, sexe et code_postal.": (
            reference.groupby(["date_naissance", "sexe"]).size()
        ),
        "Un seul quasi-identifiant : regroupez sur les trois colonnes date_naissance, sexe et code_postal.": (
            reference.groupby("date_naissance").size()
        ),
        "C'est le département : la question demande le code postal (code_postal).": (
            reference.groupby(["date_naissance", "sexe", "departement"]).size()
        ),
    },
    hint="Ce ne sont pas les tailles des groupes (date de naissance, sexe, code postal) ; indice : "
         "extrait.groupby([\"date_naissance\", \"sexe\", \"code_postal\"]).size(), dans cet ordre.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante recalcule la taille des groupes avec le code
# ci-dessous, sous le nom `taille_groupes_reprise` ; la suite du carnet l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q4-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
taille_groupes_reprise = extrait.groupby(["date_naissance", "sexe", "code_postal"]).size()

# %% [markdown]
# Combien de groupes de chaque taille ? La cellule suivante compte les groupes de taille 1, 2, 3...
# (première colonne : la taille ; seconde : le nombre de groupes de cette taille).

# %%
taille_groupes_reprise.value_counts().sort_index()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : quelle part de patients uniques ? (2 points)
#
# Un groupe de taille 1 contient exactement un patient : le nombre de patients uniques est donc le
# nombre de groupes de taille 1. Calculez le **pourcentage** de patients uniques (un nombre entre 0
# et 100) et stockez-le dans `pourcentage_uniques`. Il est jugé à une décimale près.
#
# Indice : `(taille_groupes_reprise == 1).sum()` compte les groupes de taille 1 ; divisez par le nombre
# de patients, `len(extrait)`, puis multipliez par 100.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
pourcentage_uniques = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
pourcentage_uniques = (taille_groupes_reprise == 1).sum() / len(extrait) * 100
### END SOLUTION

# %% kit={"competences": ["reidentification"], "reponses": ["pourcentage_uniques"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", pourcentage_uniques)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["date_naissance", "sexe", "code_postal"])
groupes_reference = reference.groupby(["date_naissance", "sexe", "code_postal"]).size()
grade_answer(
    "q5", pourcentage_uniques, (groupes_reference == 1).sum() / len(reference) * 100, Percentage(decimals=1),
    mistakes={
        "Vous avez divisé par le nombre de groupes : divisez par le nombre de patients, len(extrait).": (
            (groupes_reference == 1).sum() / len(groupes_reference) * 100
        ),
        "C'est le nombre de groupes rapporté au nombre de patients : comptez seulement les groupes de "
        "taille 1 (== 1).": len(groupes_reference) / len(reference) * 100,
    },
    hint="Ce n'est pas le pourcentage de patients seuls dans leur groupe ; indice : "
         "(taille_groupes_reprise == 1).sum() / len(extrait) * 100.",
)
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
# perd en précision, on gagne en protection. La cellule suivante crée `extrait_annee`, copie de
# `extrait` avec une colonne de plus, l'année de naissance (`.dt.year` extrait l'année d'une date) ;
# la colonne `departement` existe déjà.

# %%
extrait_annee = extrait.assign(annee_naissance=extrait["date_naissance"].dt.year)
extrait_annee[["date_naissance", "annee_naissance", "code_postal", "departement"]].head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : l'année de naissance et le département (2 points)
#
# Refaites les calculs des questions 4 et 5 sur `extrait_annee`, avec les quasi-identifiants
# `annee_naissance`, `sexe` et `departement`, et stockez le **pourcentage** de patients uniques dans
# `pourcentage_uniques_annee`. Il est jugé à une décimale près.
#
# Indice : `groupes = extrait_annee.groupby([...]).size()`, puis
# `(groupes == 1).sum() / len(extrait_annee) * 100`.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
pourcentage_uniques_annee = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
groupes = extrait_annee.groupby(["annee_naissance", "sexe", "departement"]).size()
pourcentage_uniques_annee = (groupes == 1).sum() / len(extrait_annee) * 100
### END SOLUTION

# %% kit={"competences": ["reidentification"], "reponses": ["pourcentage_uniques_annee"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", pourcentage_uniques_annee)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["date_naissance", "sexe", "code_postal", "departement"])
reference = reference.assign(annee_naissance=reference["date_naissance"].dt.year)


def part_uniques(colonnes):
    groupes_reference = reference.groupby(colonnes).size()
    return (groupes_reference == 1).sum() / len(reference) * 100


groupes_annee = reference.groupby(["annee_naissance", "sexe", "departement"]).size()
grade_answer(
    "q6", pourcentage_uniques_annee, part_uniques(["annee_naissance", "sexe", "departement"]),
    Percentage(decimals=1),
    mistakes={
        "C'est le résultat de la question 5 : regroupez sur annee_naissance, sexe et departement.": (
            part_uniques(["date_naissance", "sexe", "code_postal"])
        ),
        "Vous avez gardé le code postal : remplacez-le par departement.": (
            part_uniques(["annee_naissance", "sexe", "code_postal"])
        ),
        "Vous avez gardé la date de naissance exacte : remplacez-la par annee_naissance.": (
            part_uniques(["date_naissance", "sexe", "departement"])
        ),
        "Il manque le département : regroupez sur annee_naissance, sexe et departement.": (
            part_uniques(["annee_naissance", "sexe"])
        ),
        "Vous avez divisé par le nombre de groupes : divisez par le nombre de patients, "
        "len(extrait_annee).": (groupes_annee == 1).sum() / len(groupes_annee) * 100,
    },
    hint="Ce n'est pas le pourcentage de patients uniques sur l'année de naissance, le sexe et le "
         "département ; indice : (groupes == 1).sum() / len(extrait_annee) * 100.",
)
### END HIDDEN TESTS

# %% [markdown]
# Allons plus loin avec l'âge par tranches de 10 ans. Les très grands âges restent rares, donc
# identifiants : on les réunit dans une seule tranche « 90 ans et plus » grâce à `.clip(upper=90)`,
# qui ramène à 90 toute valeur plus grande. L'opérateur `//` est la division entière : `age // 10 * 10`
# vaut 0 pour 0 à 9 ans, 10 pour 10 à 19 ans, et ainsi de suite. La cellule crée `extrait_tranches`,
# copie de `extrait_annee` avec la colonne `tranche_age`, puis affiche le nombre de patients par
# tranche.

# %%
age = (pd.Timestamp("2022-01-01") - extrait_annee["date_naissance"]).dt.days // 365
extrait_tranches = extrait_annee.assign(tranche_age=age.clip(upper=90) // 10 * 10)
extrait_tranches["tranche_age"].value_counts().sort_index()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : combien de patients dans de petits groupes ? (2 points)
#
# Être unique n'est pas le seul danger : dans un groupe de deux ou trois personnes, un proche devine
# souvent de qui il s'agit. Les producteurs de données fixent donc un seuil ; prenons k = 5. Avec les
# quasi-identifiants `tranche_age`, `sexe` et `departement` de `extrait_tranches`, calculez le
# **pourcentage** de patients qui appartiennent à un groupe de **moins de 5** personnes, et
# stockez-le dans `pourcentage_petits_groupes`. Il est jugé à une décimale près.
#
# Indice : `groupes = extrait_tranches.groupby([...]).size()` ; `groupes[groupes < 5]` ne garde que les
# petits groupes, et leur somme (`.sum()`) est le nombre de patients qu'ils contiennent.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
pourcentage_petits_groupes = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
groupes = extrait_tranches.groupby(["tranche_age", "sexe", "departement"]).size()
pourcentage_petits_groupes = groupes[groupes < 5].sum() / len(extrait_tranches) * 100
### END SOLUTION

# %% kit={"competences": ["reidentification"], "reponses": ["pourcentage_petits_groupes"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", pourcentage_petits_groupes)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

reference = load_table("patients", DONNEES, colonnes=["date_naissance", "sexe", "departement", "region"])
age_reference = (pd.Timestamp("2022-01-01") - reference["date_naissance"]).dt.days // 365
reference = reference.assign(tranche_age=age_reference.clip(upper=90) // 10 * 10,
                             annee_naissance=reference["date_naissance"].dt.year)
groupes_reference = reference.groupby(["tranche_age", "sexe", "departement"]).size()


def part_petits_groupes(colonnes):
    groupes_colonnes = reference.groupby(colonnes).size()
    return groupes_colonnes[groupes_colonnes < 5].sum() / len(reference) * 100


grade_answer(
    "q7", pourcentage_petits_groupes, part_petits_groupes(["tranche_age", "sexe", "departement"]),
    Percentage(decimals=1),
    mistakes={
        "Vous avez compté aussi les groupes de 5 : « moins de 5 » s'écrit < 5, pas <= 5.": (
            groupes_reference[groupes_reference <= 5].sum() / len(reference) * 100
        ),
        "Vous avez compté les groupes, pas les patients qu'ils contiennent : additionnez leurs tailles, "
        "groupes[groupes < 5].sum().": (groupes_reference < 5).sum() / len(reference) * 100,
        "C'est la part des groupes de moins de 5 parmi les groupes : comptez les patients qu'ils "
        "contiennent, divisés par le nombre de patients.": (groupes_reference < 5).mean() * 100,
        "C'est la part des patients uniques (k = 1) : gardez tous les groupes de moins de 5.": (
            groupes_reference[groupes_reference == 1].sum() / len(reference) * 100
        ),
        "C'est la région : la question demande le département (departement).": (
            part_petits_groupes(["tranche_age", "sexe", "region"])
        ),
    },
    hint="Ce n'est pas le pourcentage de patients dans un groupe de moins de 5 (tranche d'âge, sexe, "
         "département) ; indice : groupes[groupes < 5].sum() / len(extrait_tranches) * 100.",
)
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
    groupes_niveau = extrait_tranches.groupby(colonnes).size()
    lignes.append({"niveau": niveau, "mesure": "patients uniques (k = 1)",
                   "pourcentage": (groupes_niveau == 1).sum() / len(extrait_tranches) * 100})
    lignes.append({"niveau": niveau, "mesure": "patients dans un groupe de moins de 5",
                   "pourcentage": groupes_niveau[groupes_niveau < 5].sum() / len(extrait_tranches) * 100})
risques = pd.DataFrame(lignes)

figure = px.bar(risques, x="niveau", y="pourcentage", color="mesure", barmode="group",
                labels={"niveau": "Quasi-identifiants conservés", "pourcentage": "% des patients",
                        "mesure": "Mesure"},
                title="Plus on généralise, moins les patients sont isolés")
figure.show()

# %% [markdown]
# Lisez le graphique de gauche à droite : chaque généralisation fait reculer (ou, au pire, laisse
# au même niveau) la part des patients isolés, au prix de la précision. Le résultat dépend aussi de la
# **taille du jeu** : avec peu de patients (un service, une maladie rare, un petit jeu de données
# comme l'échantillon de démonstration du kit), les groupes restent petits même après généralisation.
# Le bon niveau se choisit donc en **mesurant**, pas à l'intuition ; on peut aussi supprimer ou
# regrouper les derniers patients isolés.
#
# Les patients ne sont pas les seuls à pouvoir être reconnus : les **séjours** ajoutent leurs propres
# quasi-identifiants. Qui sait qu'un voisin a été hospitalisé tel jour dans tel établissement, ou
# qu'il souffre d'une maladie rare, peut le retrouver par la date d'entrée, l'établissement ou le
# diagnostic.

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
#
# La cellule suivante relie chaque séjour aux colonnes de son patient (`sejours.merge(..., on="patient_id")`)
# et affiche la liste des colonnes de la table obtenue, `sejours_patients` : une ligne par séjour.

# %%
sejours_patients = sejours.merge(extrait_tranches, on="patient_id")
list(sejours_patients.columns)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : un extrait minimal pour une étude (2 points)
#
# Une équipe du datathon veut comparer la **durée des séjours** selon la **tranche d'âge** et le
# **sexe** des patients, **établissement par établissement** (la colonne `finess` identifie
# l'établissement). L'établissement lui fournira une ligne par séjour, tirée de `sejours_patients`.
#
# Stockez dans `colonnes_etude` la liste des colonnes de `sejours_patients` dont cette étude a besoin,
# et seulement celles-là, écrites comme dans la liste ci-dessus. L'ordre ne compte pas.

# %% nbgrader={"grade": false, "grade_id": "q9-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
colonnes_etude = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
colonnes_etude = ["finess", "tranche_age", "sexe", "duree_sejour"]
### END SOLUTION

# %% kit={"competences": ["pseudonymisation", "cadre-juridique"], "reponses": ["colonnes_etude"]} nbgrader={"grade": true, "grade_id": "q9-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q9", colonnes_etude)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Collection
from participant.checks import grade_answer

utiles = ["finess", "tranche_age", "sexe", "duree_sejour"]
colonnes_sejours = list(load_table("sejours", DONNEES).columns)
colonnes_patients = [c for c in load_table("patients", DONNEES).columns
                     if c not in ("nom", "prenom", "adresse", "telephone", "patient_id")]
toutes = colonnes_sejours + colonnes_patients + ["annee_naissance", "tranche_age"]
grade_answer(
    "q9", colonnes_etude, utiles, Collection(),
    mistakes={
        "patient_id n'est pas utile : l'étude compare des groupes de séjours, elle ne suit pas un patient "
        "d'un séjour à l'autre.": utiles + ["patient_id"],
        "sejour_id n'est pas utile : chaque ligne est déjà un séjour, et l'étude ne la relie à aucune "
        "autre table.": utiles + ["sejour_id"],
        "La date de naissance exacte est bien plus identifiante que la tranche d'âge, qui suffit à "
        "l'étude : retirez date_naissance.": utiles + ["date_naissance"],
        "La tranche d'âge suffit à l'étude : la date de naissance exacte, bien plus identifiante, n'est "
        "pas nécessaire.": ["finess", "date_naissance", "sexe", "duree_sejour"],
        "L'étude demande la tranche d'âge : l'année de naissance, plus précise, n'est pas nécessaire.": [
            "finess", "annee_naissance", "sexe", "duree_sejour"
        ],
        "Le lieu de résidence ne sert pas à cette étude : retirez departement.": utiles + ["departement"],
        "Le lieu de résidence ne sert pas à cette étude : retirez code_postal.": utiles + ["code_postal"],
        "Les dates d'entrée et de sortie ne sont pas nécessaires : duree_sejour suffit, et une date de "
        "séjour aide à reconnaître un patient.": utiles + ["date_entree", "date_sortie"],
        "Le diagnostic ne sert pas à cette question d'étude : retirez diagnostic_principal.": utiles + [
            "diagnostic_principal"
        ],
        "Il manque l'établissement (finess) : l'étude compare les établissements.": [
            "tranche_age", "sexe", "duree_sejour"
        ],
        "Ce sont toutes les colonnes : minimiser, c'est ne garder que celles de la question d'étude.": toutes,
    },
    hint="Ce n'est pas la liste minimale : gardez la durée du séjour, la tranche d'âge, le sexe et "
         "l'établissement, et rien d'autre, écrits comme dans la liste des colonnes.",
)
### END HIDDEN TESTS

# %% [markdown]
# Voici l'extrait minimal que recevrait l'équipe, comparé à la table de départ :

# %%
extrait_etude = sejours_patients[["finess", "tranche_age", "sexe", "duree_sejour"]]
print("Table patients :", patients.shape[1], "colonnes, dont 4 identifiants directs")
print("Extrait de l'étude :", extrait_etude.shape[1], "colonnes, sans identité, sans date exacte, "
      "sans lieu de résidence")
extrait_etude.head()

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
# Vous êtes le délégué à la protection des données (DPO : la personne qui, dans l'établissement,
# veille au respect du RGPD) de l'hôpital qui fournit son jeu de données au datathon Innov'Health.
# Proposez **trois mesures** concrètes, chacune justifiée en une ou deux phrases par un résultat de ce
# carnet ou par la leçon du vol de données.

# %% [markdown] kit={"bareme": ["1 point : une mesure sur les identit\u00e9s (retrait des identifiants directs, pseudonyme calcul\u00e9 avec une cl\u00e9 secr\u00e8te gard\u00e9e \u00e0 part), justifi\u00e9e (un hachage simple se recalcule, question 2)", "1 point : une mesure contre la r\u00e9identification ou de minimisation (g\u00e9n\u00e9ralisation, seuil de k v\u00e9rifi\u00e9 avant livraison, colonnes limit\u00e9es \u00e0 la question d'\u00e9tude), justifi\u00e9e par un chiffre ou un constat du carnet", "1 point : une mesure de s\u00e9curit\u00e9 des acc\u00e8s (double authentification, moindre privil\u00e8ge, journalisation, chiffrement), reli\u00e9e au vol des donn\u00e9es des 750 000 patients"], "competences": ["argumenter", "hygiene-securite", "pseudonymisation", "reidentification"]} nbgrader={"grade": true, "grade_id": "q10-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# 1. **Retirer les identités et pseudonymiser avec une clé.** Les équipes reçoivent un pseudonyme
#    calculé avec une clé secrète conservée par un tiers de confiance, jamais le nom ni le téléphone.
#    La question 2 a montré qu'un hachage simple laissait réidentifier chaque patient présent dans un
#    fichier d'identités ; avec la clé, aucun.
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
#   groupe : `sejours_patients.groupby(["tranche_age", "sexe", "departement"])["diagnostic_principal"].nunique()`,
#   puis repérez les groupes qui n'en ont qu'un.
# - **Les séjours aussi identifient.** Mesurez la part de séjours uniques sur l'établissement, la
#   date d'entrée, le sexe et la tranche d'âge :
#   `sejours_patients.groupby(["finess", "date_entree", "sexe", "tranche_age"]).size()`, puis la part
#   des groupes de taille 1.
# - **Changer la clé.** Calculez le pseudonyme de `exemple` avec une autre clé :
#   `hmac.new(b"une-autre-cle", exemple.encode(), hashlib.sha256).hexdigest()[:16]`. Tout change :
#   pourquoi la clé doit-elle rester la même pendant toute une étude ? Sa destruction à la fin
#   rend-elle les données anonymes (pensez aux quasi-identifiants) ?

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Les identifiants directs (nom, prénom, adresse, téléphone, NIR...) se retirent avant tout partage :
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
