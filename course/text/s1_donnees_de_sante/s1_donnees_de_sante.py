# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Données de santé : les reconnaître, les coder, les contrôler
#
# **Durée : 85 minutes.** Domaine du référentiel : **Données de santé** (formation socle au numérique
# en santé). Ce carnet vous fait manipuler un jeu de données hospitalières **entièrement
# synthétique** : aucune ligne ne décrit une personne réelle, mais les tables imitent celles que
# produisent les hôpitaux français.
#
# À la fin de ce carnet, vous saurez :
#
# - reconnaître une donnée de santé et citer les règles qui la protègent (article 9 du RGPD, secret
#   médical) ;
# - distinguer une donnée directement identifiante d'une donnée indirectement identifiante ;
# - lire un code CIM-10, un code d'acte CCAM et un GHM, et dire en quelques mots ce que sont le PMSI
#   et le SNDS ;
# - repérer les défauts d'un jeu de données (valeurs manquantes, doublons, codes mal écrits, dates
#   impossibles), le nettoyer et mesurer l'effet du nettoyage sur un indicateur ;
# - expliquer pourquoi un identifiant pseudonyme ne rend pas une table anonyme.
#
# Chaque question a une cellule de réponse, où vous remplacez les trois points `...` par votre calcul,
# puis une cellule de vérification : exécutez-la. « ✅ Bonne réponse » veut dire que la réponse est juste
# (et vaudra tous les points de la question) ; sinon, un ❌ vous dit ce qui ne va pas. Les pourcentages et
# les moyennes sont jugés avec le nombre de décimales que la consigne demande. Deux questions demandent
# une réponse rédigée, corrigée par votre formateur.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les deux cellules suivantes (Maj + Entrée). La première indique où se trouvent
# les données. La seconde fabrique un petit jeu de données **volontairement abîmé**, que vous
# nettoierez dans la partie 3 (cela prend quelques secondes), puis charge les tables du jeu habituel
# (`patients`, `sejours`, `actes`) et les **nomenclatures** de référence (`cim10`, `ccam`). Vous n'avez
# pas besoin de les modifier.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import tempfile
from pathlib import Path

import pandas as pd
import plotly.express as px

from generators.generate import Options, generate_dataset
from participant.checks import check_answer
from participant.data import load_reference, load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français

# Un petit jeu abîmé exprès : 5 000 patients, 3 % des lignes ont un défaut (partie 3)
DOSSIER_DEFAUTS = Path(tempfile.mkdtemp()) / "donnees_a_nettoyer"
generate_dataset(Options(patients=5000, seed=11, defects=0.03), DOSSIER_DEFAUTS)
patients_brut = load_table("patients", DOSSIER_DEFAUTS)
sejours_brut = load_table("sejours", DOSSIER_DEFAUTS)
diagnostics_brut = load_table("diagnostics", DOSSIER_DEFAUTS)

# Le jeu de données habituel, sans défaut (parties 1, 2 et 4)
patients = load_table("patients", DONNEES)
sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "diagnostic_principal", "ghm"])
actes = load_table("actes", DONNEES, colonnes=["code_ccam"])
cim10 = load_reference("cim10")
ccam = load_reference("ccam")

print(f"Jeu habituel : {len(patients):_} patients ; {len(sejours):_} séjours ; {len(actes):_} actes".replace("_", " "))
print(f"Jeu à nettoyer : {len(patients_brut):_} lignes patients ; {len(sejours_brut):_} lignes séjours".replace("_", " "))

# %% [markdown] nbgrader={"grade": false, "grade_id": "partie-1", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Partie 1 — Qu'est-ce qu'une donnée de santé ? (15 minutes)
#
# **La définition (RGPD, article 4).** Le règlement général sur la protection des données (RGPD),
# appliqué dans toute l'Union européenne depuis mai 2018, appelle *données concernant la santé* les
# données personnelles relatives à la santé physique ou mentale d'une personne, **y compris les soins
# qu'elle a reçus**, qui révèlent quelque chose de son état de santé. Un diagnostic, un résultat
# d'analyse, un acte, un traitement en sont ; le simple fait d'avoir été hospitalisé dans un service
# aussi.
#
# **Une catégorie particulière (RGPD, article 9).** Les données de santé font partie des
# *catégories particulières* de données, comme les données génétiques et biométriques, l'origine
# ethnique, les opinions politiques, les convictions religieuses, l'appartenance syndicale, la vie et
# l'orientation sexuelles. Leur traitement est **interdit par principe**, sauf dans les cas que
# l'article énumère : consentement explicite de la personne, prise en charge sanitaire (prévention,
# diagnostic, soins, gestion des services de santé) par des professionnels tenus au secret, motif
# d'intérêt public dans le domaine de la santé publique, recherche scientifique encadrée... En
# France, la loi Informatique et Libertés précise ces règles et la **CNIL** veille à leur respect
# (amendes jusqu'à 20 millions d'euros ou 4 % du chiffre d'affaires mondial).
#
# **Le secret médical.** Indépendamment du RGPD, le code de la santé publique (article L1110-4)
# garantit à toute personne prise en charge le respect de sa vie privée et du secret des informations
# la concernant : seuls les professionnels qui participent à sa prise en charge peuvent les partager,
# et seulement ce qui est nécessaire. Révéler une information couverte par le secret professionnel est
# puni d'un an d'emprisonnement et de 15 000 € d'amende (code pénal, article 226-13).
#
# **Directement ou indirectement identifiante.** Une donnée est *directement identifiante* quand elle
# désigne une personne à elle seule : nom et prénom, adresse, téléphone, numéro de sécurité sociale
# (NIR), photographie. Elle est *indirectement identifiante* quand elle permet de retrouver la
# personne en la croisant avec d'autres : date de naissance, sexe, code postal, dates de séjour...
# Dans les deux cas, ce sont des **données personnelles** : le RGPD s'applique tant que l'on peut, par
# des moyens raisonnables, remonter à la personne.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : données de santé ou non ? (1 point)
#
# Parmi ces huit informations, lesquelles sont des **données de santé** au sens du RGPD ?
#
# - **A.** Le diagnostic principal du séjour d'un patient : `I21.4` (infarctus du myocarde).
# - **B.** Le numéro de téléphone d'un patient.
# - **C.** Le fait qu'une patiente, nommée, a séjourné en maternité du 3 au 6 mars.
# - **D.** Le code d'un acte réalisé pour un patient : `JVJF004` (séance d'hémodialyse).
# - **E.** Le code postal de résidence d'un patient.
# - **F.** Le nombre de lits d'un hôpital.
# - **G.** Le groupe sanguin d'une personne.
# - **H.** La date de naissance d'un patient.
#
# Stockez les lettres choisies dans la **liste** `donnees_de_sante`, chaque lettre en majuscule et
# entre guillemets, par exemple `donnees_de_sante = ["B", "F"]` (ce n'est pas la bonne réponse !).
# L'ordre ne compte pas.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
donnees_de_sante = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
donnees_de_sante = ["A", "C", "D", "G"]
### END SOLUTION

# %% kit={"competences": ["cadre-juridique"], "reponses": ["donnees_de_sante"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", donnees_de_sante)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Collection
from participant.checks import grade_answer

sante = ["A", "C", "D", "G"]
grade_answer(
    "q1", donnees_de_sante, sante, Collection(),
    mistakes={
        "B, le numéro de téléphone, identifie la personne mais ne dit rien de sa santé : ce n'est pas "
        "une donnée de santé.": sante + ["B"],
        "E, le code postal, aide à identifier la personne mais ne dit rien de sa santé : ce n'est pas "
        "une donnée de santé.": sante + ["E"],
        "H, la date de naissance, aide à identifier la personne mais ne dit rien de sa santé : ce n'est "
        "pas une donnée de santé.": sante + ["H"],
        "F, le nombre de lits d'un hôpital, ne concerne aucune personne : ce n'est même pas une donnée "
        "personnelle.": sante + ["F"],
        "Il manque C : avoir séjourné en maternité révèle un état de santé (une grossesse) ; les soins "
        "reçus comptent.": ["A", "D", "G"],
        "Il manque D : un acte réalisé pour un patient est un soin reçu, donc une donnée de santé.": [
            "A", "C", "G"
        ],
        "Il manque G : le groupe sanguin est une information biologique sur la santé de la "
        "personne.": ["A", "C", "D"],
        "Il manque C et G : un séjour en maternité et un groupe sanguin disent aussi quelque chose de la "
        "santé, même sans code de diagnostic.": ["A", "D"],
        "Ce sont toutes les lettres : une donnée seulement identifiante (téléphone, code postal, date de "
        "naissance) ou qui ne concerne personne (lits) n'est pas une donnée de santé.": list("ABCDEFGH"),
        "Écrivez les lettres en majuscules, comme dans la consigne : \"A\", pas \"a\".": ["a", "c", "d", "g"],
    },
    hint="Pas tout à fait : une donnée de santé révèle quelque chose de l'état de santé d'une personne, "
         "soins reçus compris ; une donnée seulement identifiante n'en est pas une.",
)
### END HIDDEN TESTS

# %% [markdown]
# Le téléphone, le code postal et la date de naissance ne disent rien de la santé : ce sont des
# données **identifiantes** (directement pour le téléphone, indirectement pour les deux autres).
# Mais dès qu'elles sont dans le même fichier qu'un diagnostic, elles permettent de relier ce
# diagnostic à une personne : tout le fichier doit alors être protégé comme une donnée de santé.

# %% [markdown]
# ## Partie 2 — Les nomenclatures : parler la même langue (20 minutes)
#
# Pour que des millions de séjours puissent être comptés et comparés, chaque hôpital les décrit avec
# les mêmes **nomenclatures**, des listes de codes nationales ou internationales.
#
# **Le PMSI** (programme de médicalisation des systèmes d'information). À la fin de chaque séjour en
# médecine, chirurgie ou obstétrique (MCO), l'établissement en rédige un résumé standardisé : dates,
# modes d'entrée et de sortie, diagnostics codés en **CIM-10**, actes codés en **CCAM**. Un logiciel
# national classe ensuite le séjour dans un **GHM** (groupe homogène de malades), auquel correspond un
# tarif : c'est la base du financement des hôpitaux (la tarification à l'activité, T2A). Les résumés
# partent, sans nom ni NIR, vers l'ATIH (Agence technique de l'information sur l'hospitalisation) ;
# on les appelle résumés de sortie *anonymes* (RSA), même si un numéro pseudonyme permet de relier
# les séjours d'une même personne. La table `sejours` imite ces RSA.
#
# **Le SNDS** (système national des données de santé). C'est la grande base nationale qui réunit,
# pour presque toute la population, les remboursements de l'Assurance Maladie (consultations,
# médicaments, examens), les séjours hospitaliers du PMSI, les causes médicales de décès et des
# données sur le handicap. Les personnes y sont désignées par un pseudonyme calculé à partir du NIR,
# jamais par leur nom. On n'y accède que pour des études d'intérêt public, avec une autorisation
# (CNIL, Plateforme des données de santé, dite *Health Data Hub*).
#
# ### La CIM-10
#
# La **CIM-10** (classification internationale des maladies, 10e révision, publiée par l'OMS ; l'ATIH
# en tient une version française pour le PMSI) code les diagnostics. Un code commence par **une
# lettre et deux chiffres**, la *catégorie* (`E11` : diabète de type 2), parfois suivis d'un point et
# d'un ou deux chiffres, la *sous-catégorie* (`E11.9` : sans complication). L'ATIH ajoute parfois un
# cinquième caractère (`E11.98` : sans complication, non insulinotraité) ; le code « père » `E11.9` ne
# se code alors jamais seul (type 3 dans la table). Les catégories sont rangées en 22 **chapitres**,
# numérotés en chiffres romains. Voici un extrait de la table de référence `cim10` du kit :

# %%
cim10.head(8)

# %% [markdown]
# Les chapitres présents dans le kit :
#
# | chapitre | codes | contenu |
# | --- | --- | --- |
# | I | A, B | maladies infectieuses et parasitaires |
# | II | C, D00-D48 | tumeurs |
# | III | D50-D89 | maladies du sang |
# | IV | E | maladies endocriniennes, nutritionnelles et métaboliques |
# | V | F | troubles mentaux et du comportement |
# | VI | G | maladies du système nerveux |
# | VII | H00-H59 | maladies de l'œil |
# | IX | I | maladies de l'appareil circulatoire |
# | X | J | maladies de l'appareil respiratoire |
# | XI | K | maladies de l'appareil digestif |
# | XIII | M | maladies du système ostéo-articulaire et des muscles |
# | XIV | N | maladies de l'appareil génito-urinaire |
# | XV | O | grossesse, accouchement et suites de couches |
# | XVIII | R | symptômes et signes anormaux |
# | XIX | S, T | lésions traumatiques et empoisonnements |
# | XXI | Z | facteurs influant sur l'état de santé et motifs de recours aux soins |

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : combien de séjours par chapitre de la CIM-10 ? (2 points)
#
# La table `sejours` donne le code du diagnostic principal (colonne `diagnostic_principal`), mais pas
# son chapitre : celui-ci est dans la table `cim10` (colonne `chapitre`). Il faut donc **relier les
# deux tables** : `merge` ajoute à chaque séjour la ligne de `cim10` dont le `code` est égal à son
# `diagnostic_principal`. Comme les deux colonnes n'ont pas le même nom, on les précise :
#
# ```python
# sejours.merge(cim10, left_on="diagnostic_principal", right_on="code")
# ```
#
# Comptez ensuite les séjours de chaque chapitre avec `.value_counts()` appliqué à la colonne
# `chapitre` du résultat, et stockez ce comptage dans `sejours_par_chapitre`.

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
sejours_par_chapitre = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_avec_chapitre = sejours.merge(cim10, left_on="diagnostic_principal", right_on="code")
sejours_par_chapitre = sejours_avec_chapitre["chapitre"].value_counts()
### END SOLUTION

# %% kit={"competences": ["nomenclatures", "charger-decrire"], "reponses": ["sejours_par_chapitre"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", sejours_par_chapitre)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

reference = load_table("sejours", DONNEES, colonnes=["diagnostic_principal"])
reliee = reference.merge(load_reference("cim10"), left_on="diagnostic_principal", right_on="code")
attendu = reliee["chapitre"].value_counts()
grade_answer(
    "q2", sejours_par_chapitre, attendu, Series(),
    mistakes={
        "Ce sont des proportions : sans normalize=True, .value_counts() donne des effectifs.": (
            reliee["chapitre"].value_counts(normalize=True)
        ),
        "Ce sont des pourcentages : .value_counts() seul donne des effectifs.": (
            reliee["chapitre"].value_counts(normalize=True) * 100
        ),
        "Ce sont les effectifs par code de diagnostic : comptez la colonne chapitre de la table reliée.": (
            reference["diagnostic_principal"].value_counts()
        ),
        "Ce sont les effectifs par libellé : comptez la colonne chapitre de la table reliée.": (
            reliee["libelle"].value_counts()
        ),
        "Ce sont les effectifs par première lettre du code : un chapitre peut couvrir plusieurs lettres "
        "(C et D00-D48) ; comptez la colonne chapitre de la table reliée.": (
            reference["diagnostic_principal"].str[0].value_counts()
        ),
        "Seulement les cinq premiers chapitres : .head() coupe la série ; gardez tous les chapitres.": (
            attendu.head()
        ),
    },
    hint="Ce ne sont pas les effectifs de séjours par chapitre ; indice : "
         "sejours.merge(cim10, left_on=\"diagnostic_principal\", right_on=\"code\")[\"chapitre\"].value_counts().",
)
### END HIDDEN TESTS

# %% [markdown]
# Le graphique suivant montre la même chose. Attention en le lisant : les séances (dialyse,
# chimiothérapie) ont un diagnostic principal du chapitre XXI (codes en Z), et un patient dialysé
# compte à lui seul environ 150 séances par an. Un nombre de séjours n'est pas un nombre de malades.

# %%
comptage = sejours.merge(cim10, left_on="diagnostic_principal", right_on="code")["chapitre"].value_counts()
figure = px.bar(x=comptage.index, y=comptage.values,
                labels={"x": "Chapitre de la CIM-10", "y": "Nombre de séjours"},
                title="Séjours par chapitre du diagnostic principal")
figure.show()

# %% [markdown]
# ### La CCAM
#
# La **CCAM** (classification commune des actes médicaux) code les actes techniques : chirurgie,
# imagerie, endoscopie, accouchement... Un code compte **quatre lettres et trois chiffres**. Les
# quatre lettres décrivent l'appareil, l'organe, l'action et la voie d'abord ou la technique ; la
# première indique l'appareil : `A` système nerveux, `B` œil, `D` cœur, `H` appareil digestif,
# `J` appareils urinaire et génital, `N` membre inférieur, `Q` peau et sein, `Z` actes non
# spécifiques d'un appareil (radiographie du thorax...). Les trois chiffres distinguent les actes
# voisins. Exécutez la cellule : elle relie la table `actes` à la table de référence `ccam` pour
# afficher les libellés des cinq actes les plus fréquents.

# %%
actes_avec_libelle = actes.merge(ccam, left_on="code_ccam", right_on="code")
actes_avec_libelle[["code_ccam", "libelle"]].value_counts().head(5)

# %% [markdown]
# ### Le GHM
#
# Un **GHM** s'écrit avec six caractères, par exemple `06C12J` :
#
# | position | exemple | signification |
# | --- | --- | --- |
# | 1 et 2 | `06` | la **CMD** (catégorie majeure de diagnostic) : le grand domaine, souvent un appareil (`05` circulatoire, `06` digestif, `14` grossesse et accouchement, `28` séances...) |
# | 3 | `C` | le **type** : `C` chirurgical (avec un acte opératoire), `K` avec un acte non opératoire, par exemple une endoscopie, `M` médical (sans acte classant), `Z` indifférencié (séances, accouchements par voie basse...) |
# | 4 et 5 | `12` | le numéro de la **racine** dans la CMD |
# | 6 | `J` | le **niveau** : sévérité `1` à `4` (`A` à `D` en obstétrique), `J` ambulatoire, `T` très courte durée, `Z` non segmenté |
#
# `06C12J` se lit donc : appareil digestif, chirurgie, racine 12 (cures de hernie de l'aine), en
# ambulatoire. En Python, on extrait des caractères d'un texte par leur **position, comptée à partir
# de 0** : `.str[:2]` donne les deux premiers caractères (positions 0 et 1), `.str[2]` donne le
# **troisième** (position 2).

# %%
sejours["ghm"].str[:2].value_counts().head(5)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : quelle part de séjours chirurgicaux ? (2 points)
#
# Calculez le **pourcentage** (entre 0 et 100) de séjours dont le GHM est de type chirurgical,
# c'est-à-dire dont le troisième caractère est `"C"`, et stockez-le dans `pourcentage_chirurgie`. Il est
# jugé à une décimale près.
#
# Indice : `sejours["ghm"].str[2] == "C"` donne une colonne de Vrai/Faux ; sa moyenne (`.mean()`) est
# la proportion de Vrai, entre 0 et 1.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
pourcentage_chirurgie = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
pourcentage_chirurgie = (sejours["ghm"].str[2] == "C").mean() * 100
### END SOLUTION

# %% kit={"competences": ["nomenclatures"], "reponses": ["pourcentage_chirurgie"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", pourcentage_chirurgie)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Percentage
from participant.checks import grade_answer

reference = load_table("sejours", DONNEES, colonnes=["ghm"])
type_ghm = reference["ghm"].str[2]
grade_answer(
    "q3", pourcentage_chirurgie, (type_ghm == "C").mean() * 100, Percentage(decimals=1),
    mistakes={
        "Aucun séjour trouvé : vérifiez la position (.str[2] donne le troisième caractère, on compte à "
        "partir de 0) et la lettre, en majuscule (\"C\").": 0.0,
        "C'est la part des GHM avec un acte non opératoire (K) : le type chirurgical est \"C\".": (
            (type_ghm == "K").mean() * 100
        ),
        "C'est la part des GHM médicaux (M) : le type chirurgical est \"C\".": (type_ghm == "M").mean() * 100,
        "C'est la part des GHM qui contiennent un C n'importe où (le niveau C existe en obstétrique) : "
        "regardez seulement le troisième caractère, .str[2].": reference["ghm"].str.contains("C").mean() * 100,
    },
    hint="Ce n'est pas le pourcentage de séjours dont le GHM a un C en troisième position ; indice : "
         "(sejours[\"ghm\"].str[2] == \"C\").mean() * 100.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "partie-3", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Partie 3 — La qualité des données (35 minutes)
#
# Les vraies données contiennent des erreurs : une case oubliée à la saisie, une ligne exportée deux
# fois, un code tapé en minuscules, une date inversée. Un indicateur calculé sur des données abîmées
# peut être faux sans que rien ne le signale. Avant toute analyse, on **contrôle** donc la qualité. À
# l'hôpital, c'est l'une des missions du **département d'information médicale** (DIM), qui vérifie le
# codage des séjours du PMSI avant leur envoi et signale les anomalies aux services.
#
# La cellule de mise en place a fabriqué un jeu de 5 000 patients où 3 % des lignes ont reçu **un
# défaut** de l'une de ces familles :
#
# - une **valeur manquante** (case vide) ;
# - un **doublon** (la même ligne deux fois) ;
# - un **code mal écrit** : `e11.98` ou `E1198` au lieu de `E11.98`, un sexe noté `1`/`2` au lieu de `M`/`F` ;
# - une **date impossible** : une sortie avant l'entrée, une naissance dans le futur.
#
# Ses tables s'appellent `patients_brut`, `sejours_brut` et `diagnostics_brut` (les diagnostics
# associés de chaque séjour). Elles ne changent pas d'une exécution à l'autre. Ne les modifiez pas :
# créez de nouvelles variables quand vous nettoyez.

# %%
sejours_brut.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : combien de valeurs manquantes par colonne ? (1 point)
#
# `sejours_brut.isna()` renvoie un tableau de Vrai/Faux de même taille que la table : Vrai là où la
# case est vide. Sa somme par colonne, `.sum()`, compte donc les cases vides de chaque colonne.
# Stockez ce comptage, un nombre de cases vides par colonne, dans `manquants_sejours`.

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
manquants_sejours = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
manquants_sejours = sejours_brut.isna().sum()
### END SOLUTION

# %% kit={"competences": ["qualite-donnees", "charger-decrire"], "reponses": ["manquants_sejours"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", manquants_sejours)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

reference = sejours_brut  # la table abîmée de la mise en place, que le carnet ne modifie jamais
grade_answer(
    "q4", manquants_sejours, reference.isna().sum(), Series(),
    mistakes={
        "Ce sont les cases remplies : .isna() repère les cases vides (.notna() et .count() comptent les "
        "autres).": reference.notna().sum(),
        "Ce sont des proportions de cases vides : .sum() les compte.": reference.isna().mean(),
        "Ce sont des pourcentages de cases vides : .sum() compte les cases.": reference.isna().mean() * 100,
        "Vous avez compté ligne par ligne (axis=1) : .sum() sans argument compte colonne par "
        "colonne.": reference.isna().sum(axis=1),
        "C'est la table patients_brut : comptez les cases vides de sejours_brut.": (
            patients_brut.isna().sum()
        ),
    },
    hint="Ce n'est pas le nombre de cases vides de chaque colonne de sejours_brut ; indice : "
         "sejours_brut.isna().sum().",
)
### END HIDDEN TESTS

# %% [markdown]
# **Une case vide n'est pas toujours une erreur.** Les colonnes `provenance` et `destination` sont
# vides pour la plupart des séjours, et c'est normal : le dictionnaire des données dit qu'elles ne
# sont remplies que dans certains cas (un patient venu de son domicile sans passer par les urgences
# n'a pas de provenance). En revanche, un séjour sans `diagnostic_principal`, sans établissement
# (`finess`) ou sans `mode_sortie` est incomplet : il ne peut pas être classé dans un GHM. Avant de
# juger, lisez toujours le dictionnaire des données.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : combien de lignes en double ? (1 point)
#
# `sejours_brut.duplicated()` renvoie Vrai pour chaque ligne **identique en tout point** à une ligne
# déjà vue plus haut (la première occurrence reste Faux : on compte les copies en trop, pas la ligne
# d'origine). Comptez ces doublons avec `.sum()` et stockez le nombre dans `nombre_doublons`.

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
nombre_doublons = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
nombre_doublons = sejours_brut.duplicated().sum()
### END SOLUTION

# %% kit={"competences": ["qualite-donnees"], "reponses": ["nombre_doublons"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", nombre_doublons)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Count
from participant.checks import grade_answer

reference = sejours_brut  # la table abîmée de la mise en place, que le carnet ne modifie jamais
grade_answer(
    "q5", nombre_doublons, reference.duplicated().sum(), Count(),
    mistakes={
        "Vous avez compté aussi la première occurrence de chaque ligne répétée (keep=False) : "
        ".duplicated() seul compte les copies en trop.": reference.duplicated(keep=False).sum(),
        "C'est le nombre de lignes de la table : comptez seulement les Vrai de .duplicated(), avec "
        ".sum().": len(reference),
        "C'est le nombre de lignes sans les doublons : le nombre de doublons est la différence avec le "
        "nombre de lignes.": len(reference.drop_duplicates()),
        "Un patient peut avoir plusieurs séjours : c'est la ligne entière (ou sejour_id) qui ne doit pas "
        "se répéter, pas patient_id.": reference["patient_id"].duplicated().sum(),
        "C'est la table patients_brut : comptez les doublons de sejours_brut.": (
            patients_brut.duplicated().sum()
        ),
    },
    hint="Ce n'est pas le nombre de lignes en double de sejours_brut ; indice : sejours_brut.duplicated().sum().",
)
### END HIDDEN TESTS

# %% [markdown]
# Un séjour compté deux fois gonfle l'activité et les recettes d'un hôpital. Ici, chaque séjour a un
# identifiant `sejour_id` : il doit être unique. Vérifions que les doublons portent bien sur des
# identifiants répétés :

# %%
sejours_brut["sejour_id"].duplicated().sum()

# %% [markdown]
# ### Repérer un code mal écrit : les expressions régulières
#
# Comment vérifier que des milliers de codes CIM-10 sont bien écrits sans les relire un par un ? On décrit la
# **forme** attendue d'un code avec une *expression régulière* (un « motif »), puis on demande à
# Python quels codes ont exactement cette forme. Le motif d'un code CIM-10 est :
#
# ```
# [A-Z]\d\d(\.\d{1,2})?
# ```
#
# Lisons-le lentement, de gauche à droite :
#
# | morceau | signification | dans `E11.98` |
# | --- | --- | --- |
# | `[A-Z]` | une lettre **majuscule**, de A à Z | `E` |
# | `\d` | un chiffre (*digit*) | `1` |
# | `\d` | un second chiffre | `1` |
# | `\.` | un point ; la barre oblique inversée est nécessaire car un point seul veut dire « n'importe quel caractère » | `.` |
# | `\d{1,2}` | un ou deux chiffres | `98` |
# | `( ... )?` | les parenthèses regroupent le point et ses chiffres ; le `?` rend ce groupe **facultatif** | `.98` |
#
# La méthode `.str.fullmatch(motif)` renvoie Vrai quand le code **entier** suit le motif, du premier
# au dernier caractère. Le `r` devant les guillemets (`r"..."`) dit à Python de laisser les barres
# obliques inversées telles quelles. Essayons sur quelques exemples :

# %%
motif_cim10 = r"[A-Z]\d\d(\.\d{1,2})?"
exemples = pd.Series(["E11.98", "I10", "N18.5", "e11.98", "E1198", "E11.", "11.98"])
pd.DataFrame({"code": exemples, "bien écrit": exemples.str.fullmatch(motif_cim10)})

# %% [markdown]
# `I10` est bien écrit : c'est une catégorie sans sous-catégorie, le groupe facultatif est absent.
# `e11.98` (minuscule), `E1198` (point oublié), `E11.` (rien après le point) et `11.98` (pas de lettre)
# sont refusés.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : combien de codes CIM-10 mal écrits ? (2 points)
#
# Dans la table `diagnostics_brut`, comptez les codes de la colonne `code_cim10` qui **ne suivent
# pas** le motif `motif_cim10`, et stockez ce nombre dans `nombre_codes_mal_ecrits`.
#
# Deux précautions :
#
# 1. les cases vides sont déjà comptées à la question 4 : retirez-les d'abord avec `.dropna()` ;
# 2. le signe `~` devant une colonne de Vrai/Faux les inverse (Vrai devient Faux) : on veut les codes
#    qui ne correspondent **pas**.
#
# ```python
# codes = diagnostics_brut["code_cim10"].dropna()
# (~codes.str.fullmatch(motif_cim10)).sum()
# ```

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
nombre_codes_mal_ecrits = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
codes = diagnostics_brut["code_cim10"].dropna()
nombre_codes_mal_ecrits = (~codes.str.fullmatch(motif_cim10)).sum()
### END SOLUTION

# %% kit={"competences": ["qualite-donnees", "nomenclatures"], "reponses": ["nombre_codes_mal_ecrits"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", nombre_codes_mal_ecrits)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Count
from participant.checks import grade_answer

motif_reference = r"[A-Z]\d\d(\.\d{1,2})?"
toutes_cases = diagnostics_brut["code_cim10"]  # les tables abîmées de la mise en place
reference = toutes_cases.dropna()
bien_ecrits = reference.str.fullmatch(motif_reference)
diagnostics_principaux = sejours_brut["diagnostic_principal"].dropna()
grade_answer(
    "q6", nombre_codes_mal_ecrits, (~bien_ecrits).sum(), Count(),
    mistakes={
        "C'est le nombre de codes bien écrits : le signe ~ devant la colonne de Vrai/Faux garde ceux qui "
        "ne suivent pas le motif.": bien_ecrits.sum(),
        "Vous avez compté aussi les cases vides (déjà comptées à la question 4) : retirez-les d'abord "
        "avec .dropna().": (~toutes_cases.str.fullmatch(motif_reference)).sum(),
        ".str.match ou .str.contains ne regardent que le début ou un morceau du code : .str.fullmatch "
        "vérifie le code entier, du premier au dernier caractère.": (
            ~reference.str.match(motif_reference)
        ).sum(),
        "Avec ce motif, les codes sans sous-catégorie (I10) sont refusés : gardez le groupe facultatif "
        "(\\.\\d{1,2})? de motif_cim10.": (~reference.str.fullmatch(r"[A-Z]\d\d\.\d{1,2}")).sum(),
        "C'est le nombre de lignes de diagnostics_brut : comptez seulement les codes qui ne suivent pas "
        "le motif.": len(toutes_cases),
        "C'est la colonne diagnostic_principal de sejours_brut : la question porte sur la colonne "
        "code_cim10 de diagnostics_brut.": (~diagnostics_principaux.str.fullmatch(motif_reference)).sum(),
    },
    hint="Ce n'est pas le nombre de codes présents qui ne suivent pas le motif CIM-10 ; indice : "
         "(~codes.str.fullmatch(motif_cim10)).sum(), avec codes = diagnostics_brut[\"code_cim10\"].dropna().",
)
### END HIDDEN TESTS

# %% [markdown]
# Voici ces codes mal écrits. Pour les **corriger**, on met tout en majuscules (`.str.upper()`), puis
# on remet le point oublié : le motif `^([A-Z]\d\d)(\d)` repère une lettre et deux chiffres au
# début du code (`^`), suivis directement d'un chiffre, et `.str.replace(..., r"\1.\2")` réécrit
# les deux morceaux entre parenthèses (`\1` et `\2`) avec un point entre eux. On vérifie enfin que
# tous les codes corrigés existent dans la nomenclature (`.isin(...)`).

# %%
codes_bruts = diagnostics_brut["code_cim10"].dropna()
print("Exemples de codes mal écrits :", list(codes_bruts[~codes_bruts.str.fullmatch(motif_cim10)].drop_duplicates().head(8)))

codes_corriges = codes_bruts.str.upper().str.replace(r"^([A-Z]\d\d)(\d)", r"\1.\2", regex=True)
print("Codes encore mal écrits après correction :", (~codes_corriges.str.fullmatch(motif_cim10)).sum())
print("Codes absents de la nomenclature :", (~codes_corriges.isin(cim10["code"])).sum())
print("Codes différents avant correction :", codes_bruts.nunique(), "; après :", codes_corriges.nunique())

# %% [markdown]
# Avant correction, un même diagnostic apparaissait sous plusieurs écritures, donc sur plusieurs
# lignes d'un comptage. Les codes ne sont pas les seuls concernés : regardez la colonne `sexe` de
# `patients_brut`, où quelques personnes sont notées `1` (homme) ou `2` (femme), le codage du NIR.
# `.replace({"1": "M", "2": "F"})` remet tout dans la même convention.

# %%
print(patients_brut["sexe"].value_counts(dropna=False))
sexe_corrige = patients_brut["sexe"].replace({"1": "M", "2": "F"})
print(sexe_corrige.value_counts(dropna=False))

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : combien de sorties avant l'entrée ? (1 point)
#
# Un séjour ne peut pas se terminer avant d'avoir commencé. Comparez les deux colonnes de dates de
# `sejours_brut` : `sejours_brut["date_sortie"] < sejours_brut["date_entree"]` vaut Vrai pour les
# séjours impossibles. Comptez-les avec `.sum()` et stockez le nombre dans
# `nombre_sorties_avant_entree`.
#
# Attention au signe : `<` est strict. Une sortie **le jour même** de l'entrée (une chirurgie
# ambulatoire, une séance) est tout à fait possible, et ne doit pas être comptée.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
nombre_sorties_avant_entree = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
nombre_sorties_avant_entree = (sejours_brut["date_sortie"] < sejours_brut["date_entree"]).sum()
### END SOLUTION

# %% kit={"competences": ["qualite-donnees"], "reponses": ["nombre_sorties_avant_entree"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", nombre_sorties_avant_entree)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Count
from participant.checks import grade_answer

reference = sejours_brut[["date_entree", "date_sortie", "duree_sejour"]]  # la table abîmée de la mise en place
sortie, entree = reference["date_sortie"], reference["date_entree"]
grade_answer(
    "q7", nombre_sorties_avant_entree, (sortie < entree).sum(), Count(),
    mistakes={
        "Vous avez compté aussi les sorties le jour même de l'entrée, qui sont possibles : utilisez < "
        "(strictement avant), pas <=.": (sortie <= entree).sum(),
        "C'est le nombre de séjours dont la sortie suit l'entrée (les séjours normaux) : le sens de la "
        "comparaison est date_sortie < date_entree.": (sortie > entree).sum(),
        "C'est le nombre de séjours possibles (sortie le jour même ou après) : comptez ceux dont la "
        "sortie est strictement avant l'entrée.": (sortie >= entree).sum(),
        "Aucun séjour trouvé : la colonne duree_sejour n'a pas été abîmée ; comparez les deux colonnes de "
        "dates, date_sortie < date_entree.": (reference["duree_sejour"] < 0).sum(),
    },
    hint="Ce n'est pas le nombre de séjours dont la sortie précède l'entrée ; indice : "
         "(sejours_brut[\"date_sortie\"] < sejours_brut[\"date_entree\"]).sum().",
)
### END HIDDEN TESTS

# %% [markdown]
# Même contrôle pour les naissances : les données s'arrêtent fin 2024, une date de naissance
# postérieure au 1er janvier 2025 est donc impossible.

# %%
naissances_futures = patients_brut["date_naissance"] > pd.Timestamp("2025-01-01")
print("Naissances dans le futur :", naissances_futures.sum())
patients_brut.loc[naissances_futures, ["patient_id", "date_naissance"]].head(3)

# %% [markdown]
# ### Ce que les défauts font à un indicateur
#
# La **durée moyenne de séjour** (DMS) est un indicateur clé de l'hôpital. Calculons-la sur les
# données brutes, à partir des dates : `(date_sortie - date_entree).dt.days` donne le nombre de jours
# entre les deux dates.

# %%
dms_brute = (sejours_brut["date_sortie"] - sejours_brut["date_entree"]).dt.days.mean()
print(f"DMS calculée sur les données brutes : {dms_brute:.2f} jours")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : nettoyer, puis recalculer la DMS (2 points)
#
# La DMS brute est absurde : quelques séjours « négatifs » suffisent à la fausser. Nettoyez la table
# en deux étapes, chacune dans une **nouvelle** variable (la table `sejours_brut` reste intacte) :
#
# 1. retirez les doublons : `sejours_dedoublonnes = sejours_brut.drop_duplicates()` garde une seule
#    fois chaque ligne répétée (la première) ;
# 2. ne gardez que les séjours dont la sortie n'est pas avant l'entrée : `table[condition]` garde les
#    lignes où la condition est Vraie, ici
#    `sejours_propres = sejours_dedoublonnes[sejours_dedoublonnes["date_sortie"] >= sejours_dedoublonnes["date_entree"]]`
#    (`>=` garde les sorties le jour même).
#
# Stockez ensuite dans `nombre_sejours_propres` le nombre de séjours qui restent (`len(...)`), et dans
# `dms_propre` la DMS calculée sur `sejours_propres` comme dans la cellule précédente. La vérification
# juge les deux valeurs ensemble, la DMS à deux décimales près.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
nombre_sejours_propres = ...  # VOTRE CODE ICI
dms_propre = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
sejours_dedoublonnes = sejours_brut.drop_duplicates()
sejours_propres = sejours_dedoublonnes[sejours_dedoublonnes["date_sortie"] >= sejours_dedoublonnes["date_entree"]]
nombre_sejours_propres = len(sejours_propres)
dms_propre = (sejours_propres["date_sortie"] - sejours_propres["date_entree"]).dt.days.mean()
### END SOLUTION

# %% kit={"competences": ["qualite-donnees", "indicateurs-activite"], "reponses": ["nombre_sejours_propres", "dms_propre"]} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q8", {"nombre_sejours_propres": nombre_sejours_propres, "dms_propre": dms_propre})
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

brut = sejours_brut  # la table abîmée de la mise en place, que le carnet ne modifie jamais


def bilan(table, moyenne=True):
    durees = (table["date_sortie"] - table["date_entree"]).dt.days
    return {"nombre_sejours_propres": len(table), "dms_propre": durees.mean() if moyenne else durees.median()}


def sorties_possibles(table, strict=False):
    if strict:
        return table[table["date_sortie"] > table["date_entree"]]
    return table[table["date_sortie"] >= table["date_entree"]]


dedoublonnes = brut.drop_duplicates()
grade_answer(
    "q8", {"nombre_sejours_propres": nombre_sejours_propres, "dms_propre": dms_propre},
    bilan(sorties_possibles(dedoublonnes)), Series(decimals=2),
    mistakes={
        "Les doublons sont restés : retirez-les d'abord avec .drop_duplicates().": bilan(sorties_possibles(brut)),
        "Les sorties avant l'entrée sont restées : ne gardez que les lignes où date_sortie >= "
        "date_entree.": bilan(dedoublonnes),
        "Rien n'a été nettoyé : ce sont le nombre de lignes et la DMS de sejours_brut.": bilan(brut),
        "Vous avez retiré aussi les sorties le jour même de l'entrée, qui sont possibles : gardez-les avec "
        ">=, pas >.": bilan(sorties_possibles(dedoublonnes, strict=True)),
        "Vous avez retiré les deux exemplaires de chaque doublon (keep=False) : .drop_duplicates() seul "
        "garde le premier.": bilan(sorties_possibles(brut.drop_duplicates(keep=False))),
        "Vous avez gardé seulement les séjours impossibles : la condition à garder est date_sortie >= "
        "date_entree.": bilan(dedoublonnes[dedoublonnes["date_sortie"] < dedoublonnes["date_entree"]]),
        "C'est la durée médiane : la DMS est une moyenne, .mean().": bilan(sorties_possibles(dedoublonnes), False),
        "La DMS est arrondie trop fort : gardez deux décimales, ou ne l'arrondissez pas.": {
            **bilan(sorties_possibles(dedoublonnes)),
            "dms_propre": round(bilan(sorties_possibles(dedoublonnes))["dms_propre"], 1),
        },
    },
    hint="Ce ne sont pas le nombre de séjours et la DMS après nettoyage ; indice : retirez les doublons "
         "(.drop_duplicates()), gardez date_sortie >= date_entree, puis len(...) et la moyenne des durées.",
)
### END HIDDEN TESTS

# %% [markdown]
# Avant et après : la cellule suivante refait le nettoyage avec le code de la consigne et compare les
# deux calculs.

# %%
sejours_sans_doublons = sejours_brut.drop_duplicates()
sejours_nettoyes = sejours_sans_doublons[sejours_sans_doublons["date_sortie"] >= sejours_sans_doublons["date_entree"]]
dms_nettoyee = (sejours_nettoyes["date_sortie"] - sejours_nettoyes["date_entree"]).dt.days.mean()
print(f"Avant : {len(sejours_brut)} lignes, DMS {dms_brute:.2f} jours")
print(f"Après : {len(sejours_nettoyes)} séjours, DMS {dms_nettoyee:.2f} jours")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : expliquer le nettoyage (2 points, corrigée par votre formateur)
#
# Vous présentez la DMS de votre service à la direction. En trois ou quatre phrases, dans la cellule
# ci-dessous : pourquoi la DMS brute était-elle fausse, et quels **contrôles** proposeriez-vous, au
# moment de la saisie ou avant chaque analyse, pour que ces défauts ne se reproduisent pas ?

# %% [markdown] kit={"bareme": ["1 point : la cause est expliqu\u00e9e (doublons compt\u00e9s deux fois et surtout dates de sortie avant l'entr\u00e9e, qui donnent des dur\u00e9es n\u00e9gatives)", "1 point : au moins deux contr\u00f4les concrets et pertinents (contr\u00f4le de coh\u00e9rence des dates \u00e0 la saisie, format ou liste ferm\u00e9e des codes, unicit\u00e9 de l'identifiant, colonnes obligatoires, signalement au DIM...)"], "competences": ["qualite-donnees", "argumenter"]} nbgrader={"grade": true, "grade_id": "q9-reponse", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# La DMS brute était fausse pour deux raisons : les séjours en double étaient comptés deux fois, et
# quelques séjours dont la date de sortie précède la date d'entrée avaient une durée négative de
# plusieurs centaines de jours, qui tirait la moyenne vers zéro. Après nettoyage, la DMS redevient
# plausible (autour de deux jours). Contrôles proposés : à la saisie, refuser une date de sortie
# antérieure à la date d'entrée et vérifier le format des codes CIM-10 (liste déroulante issue de la
# nomenclature) ; avant chaque analyse, compter les doublons d'identifiant de séjour et les cases vides
# des colonnes obligatoires, et signaler les anomalies au département d'information médicale (DIM)
# plutôt que de les corriger en silence.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "partie-4", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Partie 4 — Pseudonymiser n'est pas anonymiser (10 minutes)
#
# Dans toutes les tables, un patient est désigné par `patient_id`, un **pseudonyme** : une suite de
# caractères calculée (par un *hachage salé*, comme dans le SNDS) à partir d'un identifiant réel.
# Il permet de relier les séjours d'une même personne sans afficher son nom. Mais des données
# **pseudonymisées** restent des données personnelles au sens du RGPD : avec la clé, ou en croisant
# d'autres colonnes, on peut retrouver la personne. Seules des données réellement **anonymes**
# (aucun retour possible à la personne, par aucun moyen raisonnable) sortent du RGPD. Regardons la
# table `patients` :

# %%
patients.head(3)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 10 : quelles colonnes identifient directement une personne ? (1 point)
#
# Dans la table `patients`, quelles colonnes sont **directement identifiantes** (elles désignent une
# personne à elles seules) ? Stockez leurs noms, écrits exactement comme dans la table (sans accent)
# et entre guillemets, dans la liste `colonnes_directement_identifiantes`. L'ordre ne compte pas.

# %% nbgrader={"grade": false, "grade_id": "q10-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
colonnes_directement_identifiantes = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
colonnes_directement_identifiantes = ["nom", "prenom", "adresse", "telephone"]
### END SOLUTION

# %% kit={"competences": ["pseudonymisation", "cadre-juridique"], "reponses": ["colonnes_directement_identifiantes"]} nbgrader={"grade": true, "grade_id": "q10-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q10", colonnes_directement_identifiantes)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Collection
from participant.checks import grade_answer

colonnes = list(load_table("patients", DONNEES).columns)
directes = [c for c in colonnes if c in ("nom", "prenom", "adresse", "telephone")]
grade_answer(
    "q10", colonnes_directement_identifiantes, directes, Collection(),
    mistakes={
        "La date de naissance ne désigne personne à elle seule : elle est indirectement identifiante.": (
            directes + ["date_naissance"]
        ),
        "Le code postal ne désigne personne à lui seul : il est indirectement identifiant.": (
            directes + ["code_postal"]
        ),
        "La commune ne désigne personne à elle seule : elle est indirectement identifiante.": (
            directes + ["commune"]
        ),
        "patient_id est un pseudonyme : il relie les lignes d'une même personne sans dire qui elle "
        "est.": directes + ["patient_id"],
        "Ce sont des données indirectement identifiantes : cherchez les colonnes qui désignent une "
        "personne à elles seules.": ["date_naissance", "sexe", "code_postal"],
        "Ce sont toutes les colonnes : gardez seulement celles qui désignent une personne à elles "
        "seules.": colonnes,
        "Il en manque : l'adresse et le numéro de téléphone désignent, eux aussi, directement une "
        "personne.": ["nom", "prenom"],
        "Il manque le téléphone : un numéro de téléphone désigne directement une personne.": [
            "nom", "prenom", "adresse"
        ],
        "Il manque l'adresse : une adresse désigne directement une personne.": ["nom", "prenom", "telephone"],
        "Les noms de colonnes s'écrivent sans accent, comme dans la table : prenom, telephone.": [
            "nom", "prénom", "adresse", "téléphone"
        ],
    },
    hint="Pas tout à fait : gardez les colonnes qui désignent une personne à elles seules, sans les croiser "
         "avec d'autres, écrites exactement comme dans la table patients.",
)
### END HIDDEN TESTS

# %% [markdown]
# Retirer ces quatre colonnes ne suffit pas. La cellule suivante compte les patients qui sont
# **seuls** à avoir leur combinaison de date de naissance, de sexe et de code postal, trois données
# indirectement identifiantes : pour eux, quiconque connaît ces trois informations (un voisin, un
# employeur) retrouve la ligne, et donc les séjours. Le carnet consacré à la confidentialité mesure
# ce risque plus finement (le k-anonymat).

# %%
extrait = patients.drop(columns=["nom", "prenom", "adresse", "telephone"])
uniques = ~extrait.duplicated(subset=["date_naissance", "sexe", "code_postal"], keep=False)
print(f"{uniques.mean() * 100:.1f} % des patients sont seuls à avoir leur date de naissance, "
      "leur sexe et leur code postal")

# %% [markdown]
# ### Transmettre des données de santé : les règles à connaître
#
# Avant de faire sortir des données de santé de l'établissement, cinq questions se posent :
#
# - **Le cadre.** Pour quelle **finalité** (le but précis de l'usage) et sur quelle **base légale** ?
#   Une étude ou une recherche sur des données de santé suit une **formalité auprès de la CNIL** :
#   déclaration de conformité à une *méthodologie de référence* ou demande d'autorisation. Un
#   **contrat** fixe les obligations de celui qui reçoit les données (souvent un *sous-traitant* au
#   sens du RGPD). Le **délégué à la protection des données** (DPO, *data protection officer*), que
#   chaque hôpital doit désigner, conseille et vérifie : on le consulte avant tout transfert.
# - **La minimisation** (RGPD, article 5). Ne transmettre que les colonnes et les lignes nécessaires à
#   la finalité : retirer les identifiants directs, réduire les identifiants indirects (année de
#   naissance plutôt que date, département plutôt que code postal). Des données ainsi
#   **pseudonymisées** restent des données personnelles.
# - **Le transport.** Jamais de courriel ordinaire, dont le contenu circule en clair : une
#   **messagerie sécurisée de santé** (MSSanté) ou un fichier **chiffré** sur une plateforme d'échange
#   sécurisée, la clé transmise par un autre canal.
# - **L'hébergement.** Celui qui conserve des données de santé pour le compte d'un établissement
#   (un prestataire, une start-up qui les stocke sur ses serveurs ou dans le « cloud ») doit être un
#   **hébergeur de données de santé certifié** (certification **HDS**, code de la santé publique,
#   article L1111-8).
# - **Les accès.** Seules les personnes qui en ont besoin accèdent aux données, avec une
#   authentification forte, et leurs accès sont tracés.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q11-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 11 : un extrait envoyé par courriel ? (3 points, corrigée par votre formateur)
#
# Un collègue veut envoyer par courriel un extrait de ces tables (patients et séjours, avec les
# diagnostics) à une start-up qui développe un outil de prédiction des réhospitalisations. Que
# vérifiez-vous avant tout envoi, et selon quelles règles ? Répondez en cinq à huit phrases dans la
# cellule ci-dessous.

# %% [markdown] kit={"bareme": ["1 point : le cadre est nomm\u00e9 (donn\u00e9es de sant\u00e9, cat\u00e9gorie particuli\u00e8re de l'article 9 du RGPD et/ou secret m\u00e9dical) et des conditions sont v\u00e9rifi\u00e9es (finalit\u00e9, base l\u00e9gale ou formalit\u00e9 CNIL, contrat, d\u00e9l\u00e9gu\u00e9 \u00e0 la protection des donn\u00e9es)", "1 point : minimisation et pseudonymisation (retirer les identifiants directs, r\u00e9duire les identifiants indirects, pseudonymis\u00e9 n'est pas anonyme)", "1 point : s\u00e9curit\u00e9 de la transmission et de l'h\u00e9bergement (pas de courriel en clair : messagerie s\u00e9curis\u00e9e ou chiffrement ; h\u00e9bergement certifi\u00e9 HDS ; acc\u00e8s limit\u00e9s)"], "competences": ["cadre-juridique", "pseudonymisation", "argumenter"]} nbgrader={"grade": true, "grade_id": "q11-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Ces tables contiennent des données de santé, catégorie particulière de l'article 9 du RGPD, couvertes
# par le secret médical (article L1110-4 du code de la santé publique) : leur transmission est interdite
# sauf base légale et finalité précises. Je vérifie donc d'abord le cadre : quelle finalité, quelle base
# légale (une recherche ou une étude suit une procédure CNIL, par exemple une méthodologie de référence
# ou une autorisation), un contrat avec la start-up qui fixe ses obligations (sous-traitant ou
# responsable conjoint), l'information des patients, l'avis du délégué à la protection des données et,
# si besoin, une analyse d'impact. Ensuite la minimisation : ne transmettre que les colonnes utiles,
# retirer les identifiants directs (nom, prénom, adresse, téléphone), réduire les identifiants
# indirects (année ou tranche d'âge plutôt que date de naissance, département plutôt que code postal),
# en rappelant que des données pseudonymisées restent des données personnelles. Enfin la sécurité : pas
# de courriel ordinaire mais une messagerie sécurisée de santé ou une plateforme chiffrée, et un
# hébergement certifié HDS (hébergeur de données de santé) chez la start-up, avec des accès limités et
# tracés.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - Comptez les valeurs manquantes et les doublons de `patients_brut` et de `diagnostics_brut` :
#   quelles colonnes sont touchées ? Lesquelles sont vides « normalement » (par exemple `date_deces`) ?
# - Les GHM de `sejours_brut` ont aussi des défauts : écrivez un motif pour un GHM (deux chiffres, une
#   lettre parmi C, K, M, Z, deux chiffres, puis un caractère) et comptez ceux qui ne le suivent pas.
# - Comptez les diagnostics de diabète de type 2 (catégorie `E11`) dans `diagnostics_brut` avant et après
#   correction des codes et suppression des doublons : les deux défauts se compensent-ils ?
# - Tracez le nombre de séjours par CMD (`sejours["ghm"].str[:2]`) avec `px.bar`.

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - Une donnée de santé révèle l'état de santé d'une personne, soins reçus compris ; c'est une
#   catégorie particulière (article 9 du RGPD), interdite de traitement sauf exceptions, et couverte
#   par le secret médical.
# - Identifiants directs (nom, adresse, téléphone, NIR) et indirects (date de naissance, sexe, code
#   postal) sont tous des données personnelles.
# - CIM-10 : une lettre, deux chiffres, puis une sous-catégorie facultative ; CCAM : quatre lettres,
#   trois chiffres ; GHM : CMD (2 caractères), type C/K/M/Z (3e), racine, niveau. Le PMSI décrit les
#   séjours hospitaliers ; le SNDS réunit PMSI, remboursements et causes de décès.
# - `.isna().sum()` compte les cases vides, `.duplicated().sum()` les doublons,
#   `.str.fullmatch(motif)` contrôle la forme d'un code ; une case vide n'est pas toujours une erreur.
# - Nettoyer (`.drop_duplicates()`, filtrer les dates impossibles, normaliser les codes) peut changer
#   complètement un indicateur : contrôlez toujours avant d'analyser.
# - Un pseudonyme n'anonymise pas : des données pseudonymisées restent soumises au RGPD.
# - Transmettre des données de santé : une finalité et ses formalités (CNIL, contrat, avis du DPO),
#   la minimisation, une messagerie sécurisée ou un fichier chiffré, un hébergeur certifié HDS.
