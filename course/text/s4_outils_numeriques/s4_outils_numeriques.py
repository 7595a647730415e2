# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Outils numériques en santé : l'interopérabilité
#
# **Durée : 90 minutes.** Domaine du référentiel : **Outils numériques en santé** (formation socle au
# numérique en santé). Ce carnet vous fait manipuler un jeu de données hospitalières **entièrement
# synthétique** : aucune ligne ne décrit une personne réelle, mais les tables imitent celles que
# produisent les hôpitaux français.
#
# Un même patient a des données dans le logiciel de l'hôpital, dans celui du laboratoire, dans celui
# de son médecin traitant et de son pharmacien. Pour que ces logiciels se comprennent, il faut une
# langue commune : c'est l'**interopérabilité**. Vous allez transformer le séjour d'un patient en
# messages au standard international **HL7 FHIR**, et les faire valider par une bibliothèque Python.
#
# À la fin de ce carnet, vous saurez :
#
# - expliquer ce qu'est l'interopérabilité et pourquoi un standard commun (HL7 FHIR) est nécessaire ;
# - transformer une ligne de tableau en **ressource FHIR** (Patient, Encounter, Condition, Procedure),
#   avec les bonnes nomenclatures (CIM-10, CCAM), et la faire valider ;
# - lire un message d'erreur de validation et corriger la ressource ;
# - regrouper des ressources dans un **Bundle** et écrire une petite fonction qui compte les
#   ressources à échanger ;
# - décrire **Mon espace santé** et l'**ordonnance numérique**, et les droits du patient sur ses données.
#
# Pas besoin d'être informaticien : vous écrirez surtout des **dictionnaires** Python, c'est-à-dire des
# listes de « champ : valeur » entre accolades `{ }`. Chaque question se termine par une cellule de
# vérification : exécutez-la, elle vous dit « ✅ Bonne réponse » ou vous donne un indice. Deux
# questions demandent une réponse rédigée, corrigée par votre formateur.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les trois cellules suivantes (Maj + Entrée). La première indique où se trouvent
# les données. La deuxième charge les tables `patients`, `sejours`, `diagnostics` et `actes`, les
# nomenclatures CIM-10 et CCAM, et les **modèles FHIR** de la bibliothèque `fhir.resources`. La
# troisième définit deux outils de vérification. Vous n'avez pas besoin de les modifier.

# %% nbgrader={"grade": false, "grade_id": "parametres", "locked": true, "schema_version": 3, "solution": false, "task": false} tags=["parameters"]
# Le dossier du jeu de données : None désigne le jeu par défaut. Ne modifiez pas cette cellule.
DONNEES = None

# %% nbgrader={"grade": false, "grade_id": "mise-en-place", "locked": true, "schema_version": 3, "solution": false, "task": false}
import json

import pandas as pd
import plotly.express as px
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.procedure import Procedure
from pydantic import ValidationError

from participant.data import load_reference, load_table
from generators.fhir import ACT_CODE, CCAM, ICD10
from participant.checks import check

patients = load_table("patients", DONNEES, colonnes=["patient_id", "sexe", "date_naissance", "nom", "prenom"])
sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "finess", "date_entree",
                                                   "date_sortie", "duree_sejour", "diagnostic_principal", "ghm"])
diagnostics = load_table("diagnostics", DONNEES)
actes = load_table("actes", DONNEES)
cim10 = load_reference("cim10")
ccam = load_reference("ccam")
print(f"{len(patients):_} patients ; {len(sejours):_} séjours ; {len(diagnostics):_} diagnostics associés ; "
      f"{len(actes):_} actes".replace("_", " "))

# %% nbgrader={"grade": false, "grade_id": "outils", "locked": true, "schema_version": 3, "solution": false, "task": false}
# Deux outils : verifier_fhir affiche le verdict en français, est_conforme répond seulement Vrai/Faux.
EXPLICATIONS = {
    "missing": "ce champ est obligatoire et il manque",
    "extra_forbidden": "ce champ n'existe pas dans cette ressource (les noms de champs FHIR sont en anglais, "
                       "majuscules comprises : vérifiez l'orthographe)",
    "list_type": "une liste est attendue ici : mettez la valeur entre crochets [ ]",
    "string_type": "un texte est attendu ici, entre guillemets",
    "string_pattern_mismatch": "caractère interdit (un identifiant FHIR ne contient que des lettres sans accent, "
                               "des chiffres, des tirets et des points)",
}


def verifier_fhir(modele, ressource):
    """Valide la ressource (un dictionnaire) avec le modèle FHIR et explique chaque erreur en français."""
    try:
        modele.model_validate(ressource)
    except ValidationError as erreur:
        for detail in erreur.errors():
            champ = " → ".join(str(morceau) for morceau in detail["loc"])
            sorte = detail["type"].split(".")[-1]          # la sorte d'erreur, par exemple "missing"
            if sorte in EXPLICATIONS:
                explication = EXPLICATIONS[sorte]
            elif "regex" in detail["msg"]:
                explication = "format incorrect : une date s'écrit AAAA-MM-JJ (par exemple 1950-03-12)"
            elif sorte in ("json_invalid", "model_validation_format", "dict_type", "model_type"):
                explication = "un objet est attendu ici, avec ses champs entre accolades { }"
            else:
                explication = "valeur refusée (" + detail["msg"] + ")"
            recu = "" if sorte == "missing" else f" (valeur reçue : {str(detail['input'])[:40]!r})"
            print(f"❌ Champ « {champ} »{recu} : {explication}.")
        return
    print(f"✅ Ressource {modele.__name__} conforme à la structure FHIR.")


def est_conforme(modele, ressource):
    """Vrai si la ressource respecte la structure du modèle FHIR, Faux sinon (sans rien afficher)."""
    try:
        modele.model_validate(ressource)
    except ValidationError:
        return False
    return True


# %% [markdown]
# ## Partie 1 : pourquoi l'interopérabilité ?
#
# Prenons Mme M., 87 ans, insuffisante cardiaque. Elle est hospitalisée au centre hospitalier (son
# séjour est saisi dans le **dossier patient informatisé** de l'hôpital), fait une prise de sang dans un
# **laboratoire** de ville, est suivie par son **médecin traitant** (logiciel de cabinet) et va chaque
# mois à la **pharmacie**. Chaque logiciel enregistre la même personne à sa façon : le sexe peut
# s'écrire `F`, `2` ou `Femme` ; la date de naissance `12/03/1950` ou `1950-03-12` ; le diagnostic en
# texte libre ou en code CIM-10. Sans langue commune, chaque échange demande une **ressaisie**, avec
# son lot d'erreurs et d'oublis.
#
# L'**interopérabilité**, c'est la capacité de systèmes différents à **échanger** des données et à les
# **comprendre de la même façon**. Elle a deux étages :
#
# - **syntaxique** : la même structure (quels champs, écrits comment) ;
# - **sémantique** : les mêmes codes pour dire la même chose (CIM-10 pour les diagnostics, CCAM pour
#   les actes...).
#
# **HL7 FHIR** (*Fast Healthcare Interoperability Resources*, prononcé « faïeur ») est le standard
# international le plus utilisé aujourd'hui pour cela ; en France, l'Agence du numérique en santé
# (ANS) s'en sert dans le **cadre d'interopérabilité** des systèmes d'information de santé (CI-SIS).
# FHIR découpe l'information en petits blocs normalisés, les **ressources**, écrites en texte
# **JSON** (lisible par un logiciel et par un humain). Voici celles de ce carnet :
#
# | ressource FHIR | ce qu'elle décrit |
# | --- | --- |
# | `Patient` | une personne prise en charge (sexe, date de naissance, nom...) |
# | `Organization` | une structure : un hôpital, un laboratoire, un cabinet |
# | `Encounter` | une **rencontre** entre un patient et une structure de soins : consultation, hospitalisation, passage aux urgences |
# | `Condition` | un problème de santé, un diagnostic |
# | `Procedure` | un acte réalisé sur le patient (examen, intervention) |
#
# Les ressources se relient par des **références** de la forme `"Type/identifiant"` : un séjour
# (`Encounter`) désigne son patient par `{"reference": "Patient/123"}`, comme un dossier papier
# renverrait au « dossier n° 123 ». En Python, une ressource s'écrit comme un **dictionnaire** ;
# exécutez la cellule suivante pour voir un exemple et le texte JSON qui circulerait sur le réseau.

# %%
exemple = {
    "resourceType": "Encounter",               # le type de ressource
    "id": "sejour-42",                         # son identifiant
    "status": "finished",                      # le séjour est terminé
    "subject": {"reference": "Patient/123"},   # une référence vers le patient 123
}
print(json.dumps(exemple, indent=2))

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 1 : quelle ressource pour quelle table ? (1 point)
#
# Le jeu de données contient six tables. Pour chacune, indiquez quelle ressource FHIR du tableau
# ci-dessus décrit une de ses lignes (une même ressource peut servir pour deux tables). Copiez le
# modèle suivant dans la cellule de réponse et remplacez chaque `"..."` par le nom de la ressource,
# écrit exactement comme dans le tableau (par exemple `"Patient"`) :
#
# ```python
# ressource_de_table = {
#     "patients": "...",
#     "etablissements": "...",
#     "sejours": "...",
#     "urgences": "...",
#     "diagnostics": "...",
#     "actes": "...",
# }
# ```
#
# Indice : un passage aux urgences est, lui aussi, une rencontre entre un patient et une structure de soins.

# %% nbgrader={"grade": false, "grade_id": "q1-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
ressource_de_table = {
    "patients": "Patient",
    "etablissements": "Organization",
    "sejours": "Encounter",
    "urgences": "Encounter",
    "diagnostics": "Condition",
    "actes": "Procedure",
}
### END SOLUTION
ressource_de_table

# %% kit={"competences": ["interoperabilite"], "reponses": ["ressource_de_table"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check(isinstance(ressource_de_table, dict)
      and set(ressource_de_table) == {"patients", "etablissements", "sejours", "urgences", "diagnostics", "actes"},
      "ressource_de_table doit être un dictionnaire avec les six tables comme clés : copiez le modèle de la consigne.",
      success=None)
check(set(ressource_de_table.values()) <= {"Patient", "Organization", "Encounter", "Condition", "Procedure"},
      "Chaque valeur doit être l'un des noms Patient, Organization, Encounter, Condition ou Procedure, "
      "écrit exactement ainsi (en anglais, avec la majuscule).")
### BEGIN HIDDEN TESTS
attendu = {"patients": "Patient", "etablissements": "Organization", "sejours": "Encounter",
           "urgences": "Encounter", "diagnostics": "Condition", "actes": "Procedure"}
check(ressource_de_table == attendu, "Au moins une table n'est pas associée à la bonne ressource.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## Partie 2 : une ressource Patient
#
# Pour que tout le monde obtienne les mêmes résultats, la cellule suivante choisit pour vous le patient
# de l'exercice : parmi les patients qui ont au moins un séjour « complet » (avec au moins un
# diagnostic associé et au moins un acte), celui qui a eu **le plus de séjours** (à égalité, le plus
# petit identifiant). Elle retient ensuite **son séjour complet le plus récent**. Exécutez-la, puis
# la suivante, qui affiche la ligne du patient dans la table `patients`.

# %% nbgrader={"grade": false, "grade_id": "choix-patient", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 1. Les séjours « complets » : au moins un diagnostic associé ET au moins un acte
complet = sejours["sejour_id"].isin(diagnostics["sejour_id"]) & sejours["sejour_id"].isin(actes["sejour_id"])
# 2. Parmi les patients qui en ont un, celui qui a le plus de séjours (groupby trie les identifiants,
#    idxmax garde le premier en cas d'égalité)
candidats = sejours[sejours["patient_id"].isin(sejours.loc[complet, "patient_id"])]
patient_id_choisi = candidats.groupby("patient_id").size().idxmax()
# 3. Son séjour complet le plus récent, ses diagnostics associés et ses actes
sejour_choisi = sejours[complet & (sejours["patient_id"] == patient_id_choisi)] \
    .sort_values(["date_entree", "sejour_id"]).iloc[-1]
sejour_id_choisi = sejour_choisi["sejour_id"]
ligne_patient = patients[patients["patient_id"] == patient_id_choisi].iloc[0]
das_choisis = diagnostics[diagnostics["sejour_id"] == sejour_id_choisi].sort_values("rang")
actes_choisis = actes[actes["sejour_id"] == sejour_id_choisi].sort_values(["date_acte", "code_ccam"])
print(f"Patient {patient_id_choisi} : {(sejours['patient_id'] == patient_id_choisi).sum()} séjours ; "
      f"séjour retenu {sejour_id_choisi}, {len(das_choisis)} diagnostic(s) associé(s), {len(actes_choisis)} acte(s).")

# %%
ligne_patient

# %% [markdown]
# Une ressource `Patient` minimale a quatre champs :
#
# - `"resourceType": "Patient"` ;
# - `"id"` : l'identifiant du patient (ici la valeur de `ligne_patient["patient_id"]`) ;
# - `"gender"` : le sexe, avec les **codes FHIR**, en anglais : `"female"`, `"male"`, `"other"` ou
#   `"unknown"`. Notre table écrit `F` et `M` : il faut traduire. Un petit dictionnaire sert de
#   **table de correspondance** : `{"F": "female", "M": "male"}[ligne_patient["sexe"]]` donne `"female"`
#   si le sexe vaut `F` ;
# - `"birthDate"` : la date de naissance, **en texte** au format international année-mois-jour
#   (`AAAA-MM-JJ`, norme ISO 8601). `ligne_patient["date_naissance"].strftime("%Y-%m-%d")` écrit la date
#   ainsi (`%Y` l'année, `%m` le mois, `%d` le jour).

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 2 : construire la ressource Patient (2 points)
#
# Créez la variable `patient_fhir`, un dictionnaire qui décrit le patient `ligne_patient` avec les
# quatre champs ci-dessus. Vous pouvez partir de ce modèle et remplacer les `...` :
#
# ```python
# patient_fhir = {
#     "resourceType": "Patient",
#     "id": ligne_patient["patient_id"],
#     "gender": ...,      # "female" ou "male", selon ligne_patient["sexe"]
#     "birthDate": ...,   # la date de naissance, en texte AAAA-MM-JJ
# }
# ```
#
# La cellule affiche ensuite le verdict de `verifier_fhir(Patient, patient_fhir)`, qui fait valider
# votre dictionnaire par le modèle officiel (`Patient.model_validate(...)`).

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
patient_fhir = {
    "resourceType": "Patient",
    "id": ligne_patient["patient_id"],
    "gender": {"F": "female", "M": "male"}[ligne_patient["sexe"]],
    "birthDate": ligne_patient["date_naissance"].strftime("%Y-%m-%d"),
}
### END SOLUTION
verifier_fhir(Patient, patient_fhir)
patient_fhir

# %% kit={"competences": ["interoperabilite"], "reponses": ["patient_fhir"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(patient_fhir, dict) and patient_fhir.get("resourceType") == "Patient",
      "patient_fhir doit être un dictionnaire dont le champ \"resourceType\" vaut \"Patient\".", success=None)
check(est_conforme(Patient, patient_fhir),
      "La ressource n'est pas conforme à FHIR : lisez les messages ❌ de verifier_fhir(Patient, patient_fhir).",
      success=None)
# La bibliothèque ne vérifie pas les codes autorisés : nous le faisons ici.
check(patient_fhir.get("gender") in {"female", "male", "other", "unknown"},
      "\"gender\" doit être un code FHIR en anglais : \"female\" ou \"male\" (et non F, M ou femme).", success=None)
check(isinstance(patient_fhir.get("birthDate"), str) and len(patient_fhir["birthDate"]) == 10,
      "\"birthDate\" doit être un texte de la forme AAAA-MM-JJ ; indice : .strftime(\"%Y-%m-%d\").")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "date_entree", "date_sortie",
                                                       "duree_sejour", "diagnostic_principal"])
ref_das = load_table("diagnostics", DONNEES)
ref_actes = load_table("actes", DONNEES)
ref_complet = ref_sejours["sejour_id"].isin(ref_das["sejour_id"]) & ref_sejours["sejour_id"].isin(ref_actes["sejour_id"])
ref_candidats = ref_sejours[ref_sejours["patient_id"].isin(ref_sejours.loc[ref_complet, "patient_id"])]
ref_patient = ref_candidats.groupby("patient_id").size().idxmax()
ref_sejour = ref_sejours[ref_complet & (ref_sejours["patient_id"] == ref_patient)] \
    .sort_values(["date_entree", "sejour_id"]).iloc[-1]
ref_ligne = load_table("patients", DONNEES, colonnes=["patient_id", "sexe", "date_naissance"]) \
    .set_index("patient_id").loc[ref_patient]
Patient.model_validate(patient_fhir)
check(patient_fhir["id"] == ref_patient, "L'identifiant n'est pas celui du patient choisi.", success=None)
check(patient_fhir["gender"] == {"F": "female", "M": "male"}[ref_ligne["sexe"]],
      "Le sexe ne correspond pas à la table patients.", success=None)
check(patient_fhir["birthDate"] == ref_ligne["date_naissance"].strftime("%Y-%m-%d"),
      "La date de naissance ne correspond pas à la table patients.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ### Quand la ressource est mal formée
#
# Voici une ressource écrite « à la française » par un logiciel imaginaire. La cellule suivante la
# fait valider par `Patient.model_validate(...)` : en cas de faute de structure, le modèle **lève une
# erreur** (`ValidationError`, de la bibliothèque pydantic). L'instruction `try ... except` permet de
# l'attraper pour afficher son contenu au lieu d'arrêter le carnet. Les messages bruts sont en anglais
# et assez techniques.

# %%
patient_errone = {
    "resourceType": "Patient",
    "id": "exemple-1",
    "gender": "femme",
    "birthDate": "12/03/1950",
    "nom": "Martin",
}
try:
    Patient.model_validate(patient_errone)
except ValidationError as erreur:
    print(f"Validation refusée : {erreur.error_count()} erreur(s).")
    for detail in erreur.errors():
        print("-", detail["loc"], ":", detail["msg"])

# %% [markdown]
# L'outil `verifier_fhir` de la mise en place fait la même validation, mais traduit chaque erreur en
# français :

# %%
verifier_fhir(Patient, patient_errone)

# %% [markdown]
# Deux erreurs sont signalées :
#
# - `"12/03/1950"` : en France, c'est le 12 mars ; aux États-Unis, le 3 décembre ! C'est pour lever ce
#   genre d'ambiguïté que FHIR impose l'écriture internationale `1950-03-12` ;
# - `"nom"` n'existe pas : en FHIR le nom s'écrit `"name"`, et c'est une **liste** (une personne peut
#   avoir un nom de naissance et un nom d'usage) : `"name": [{"family": "Martin"}]`.
#
# **Attention, piège :** `"gender": "femme"` n'a **pas** été signalé. La bibliothèque vérifie la
# **structure** (les champs existent, les dates sont bien écrites), mais pas les **jeux de valeurs**,
# c'est-à-dire la liste des codes autorisés (`female`, `male`, `other`, `unknown`). Un logiciel qui
# recevrait `"femme"` ne saurait pas quoi en faire. C'est pourquoi les cellules de vérification de ce
# carnet ajoutent leurs propres contrôles sur les codes.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 3 : corriger la ressource (2 points)
#
# Écrivez dans `patient_corrige` une version **corrigée** de `patient_errone` : les mêmes informations
# (identifiant `"exemple-1"`, une femme, née le 12 mars 1950, de nom de famille Martin), mais écrites
# comme FHIR l'exige. Corrigez les **trois** problèmes (la date, le nom et le code du sexe), puis
# vérifiez avec `verifier_fhir`.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
patient_corrige = {
    "resourceType": "Patient",
    "id": "exemple-1",
    "gender": "female",
    "birthDate": "1950-03-12",
    "name": [{"family": "Martin"}],
}
### END SOLUTION
verifier_fhir(Patient, patient_corrige)
patient_corrige

# %% kit={"competences": ["interoperabilite"], "reponses": ["patient_corrige"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(patient_corrige, dict) and est_conforme(Patient, patient_corrige),
      "patient_corrige n'est pas encore conforme : lisez les messages ❌ de verifier_fhir(Patient, patient_corrige).",
      success=None)
check(patient_corrige.get("gender") in {"female", "male", "other", "unknown"},
      "Le sexe doit utiliser un code FHIR (female, male, other, unknown) : \"femme\" n'en est pas un.", success=None)
check("name" in patient_corrige,
      "Le nom de famille a disparu : en FHIR il s'écrit \"name\": [{\"family\": \"Martin\"}].")
### BEGIN HIDDEN TESTS
Patient.model_validate(patient_corrige)
check(patient_corrige.get("id") == "exemple-1", "L'identifiant doit rester \"exemple-1\".", success=None)
check(patient_corrige["gender"] == "female", "Mme Martin est une femme : \"female\".", success=None)
check(patient_corrige.get("birthDate") == "1950-03-12", "La date doit être \"1950-03-12\".", success=None)
check(patient_corrige["name"][0].get("family") == "Martin", "Le nom de famille doit être Martin.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## Partie 3 : le séjour, une ressource Encounter
#
# Voici le séjour retenu (`sejour_choisi`), tel que la table `sejours` le décrit :

# %%
sejour_choisi

# %% [markdown]
# Une ressource `Encounter` a besoin de :
#
# - `"resourceType": "Encounter"` et `"id"` : l'identifiant du séjour (`sejour_id_choisi`) ;
# - `"status"` : où en est la rencontre ; un séjour terminé vaut `"finished"` ;
# - `"class"` : le type de prise en charge, un **code** accompagné du **système** de codes qui le
#   définit : `{"system": ACT_CODE, "code": "IMP"}`. `ACT_CODE` est une constante importée de
#   `generators.fhir` (le fichier qui produit l'export FHIR du jeu de données) : c'est l'adresse de la
#   liste de codes HL7 où `IMP` signifie hospitalisation complète (*inpatient*) et `AMB` prise en charge
#   ambulatoire. Un séjour **sans nuit** (`duree_sejour` égale à 0) est `AMB`, les autres `IMP`.
#   L'écriture Python `"IMP" if sejour_choisi["duree_sejour"] > 0 else "AMB"` donne l'un ou l'autre
#   selon la condition ;
# - `"subject"` : la référence vers le patient, `{"reference": "Patient/" + patient_id_choisi}` ;
# - `"period"` : la période, `{"start": ..., "end": ...}`, avec les dates d'entrée et de sortie en texte
#   `AAAA-MM-JJ` (toujours `.strftime("%Y-%m-%d")`).

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 4 : construire la ressource Encounter (2 points)
#
# Créez la variable `sejour_fhir`, un dictionnaire qui décrit `sejour_choisi` avec les six champs
# ci-dessus (`resourceType`, `id`, `status`, `class`, `subject`, `period`). Les valeurs se lisent dans
# `sejour_choisi["date_entree"]`, `sejour_choisi["date_sortie"]`, `sejour_choisi["duree_sejour"]`...

# %% nbgrader={"grade": false, "grade_id": "q4-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sejour_fhir = {
    "resourceType": "Encounter",
    "id": sejour_id_choisi,
    "status": "finished",
    "class": {"system": ACT_CODE, "code": "IMP" if sejour_choisi["duree_sejour"] > 0 else "AMB"},
    "subject": {"reference": "Patient/" + patient_id_choisi},
    "period": {"start": sejour_choisi["date_entree"].strftime("%Y-%m-%d"),
               "end": sejour_choisi["date_sortie"].strftime("%Y-%m-%d")},
}
### END SOLUTION
verifier_fhir(Encounter, sejour_fhir)
sejour_fhir

# %% kit={"competences": ["interoperabilite"], "reponses": ["sejour_fhir"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(sejour_fhir, dict) and est_conforme(Encounter, sejour_fhir),
      "sejour_fhir n'est pas conforme : lisez les messages ❌ de verifier_fhir(Encounter, sejour_fhir).",
      success=None)
check(sejour_fhir.get("status") == "finished", "Un séjour terminé a le statut \"finished\".", success=None)
check(sejour_fhir["class"].get("code") in {"IMP", "AMB"} and sejour_fhir["class"].get("system") == ACT_CODE,
      "\"class\" doit valoir {\"system\": ACT_CODE, \"code\": \"IMP\"} ou \"AMB\" selon la durée du séjour.",
      success=None)
check(str(sejour_fhir.get("subject", {}).get("reference", "")).startswith("Patient/"),
      "\"subject\" doit être une référence de la forme {\"reference\": \"Patient/...\"}.", success=None)
check(all(isinstance(sejour_fhir.get("period", {}).get(borne), str) for borne in ("start", "end")),
      "\"period\" doit contenir \"start\" et \"end\", en texte AAAA-MM-JJ ; indice : .strftime(\"%Y-%m-%d\").")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "date_entree", "date_sortie",
                                                       "duree_sejour", "diagnostic_principal"])
ref_das = load_table("diagnostics", DONNEES)
ref_actes = load_table("actes", DONNEES)
ref_complet = ref_sejours["sejour_id"].isin(ref_das["sejour_id"]) & ref_sejours["sejour_id"].isin(ref_actes["sejour_id"])
ref_candidats = ref_sejours[ref_sejours["patient_id"].isin(ref_sejours.loc[ref_complet, "patient_id"])]
ref_patient = ref_candidats.groupby("patient_id").size().idxmax()
ref_sejour = ref_sejours[ref_complet & (ref_sejours["patient_id"] == ref_patient)] \
    .sort_values(["date_entree", "sejour_id"]).iloc[-1]
Encounter.model_validate(sejour_fhir)
check(sejour_fhir["id"] == ref_sejour["sejour_id"], "Ce n'est pas l'identifiant du séjour retenu.", success=None)
check(sejour_fhir["class"]["code"] == ("AMB" if ref_sejour["duree_sejour"] == 0 else "IMP"),
      "La classe IMP/AMB ne correspond pas à la durée du séjour.", success=None)
check(sejour_fhir["subject"]["reference"] == "Patient/" + ref_patient, "La référence au patient est fausse.",
      success=None)
check(sejour_fhir["period"]["start"] == ref_sejour["date_entree"].strftime("%Y-%m-%d")
      and sejour_fhir["period"]["end"] == ref_sejour["date_sortie"].strftime("%Y-%m-%d"),
      "Les dates de la période ne correspondent pas au séjour.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## Partie 4 : diagnostics et actes, avec leurs nomenclatures
#
# Le séjour a un **diagnostic principal** (colonne `diagnostic_principal` de `sejours`) et des
# **diagnostics associés** (table `diagnostics`), codés en CIM-10, ainsi que des **actes** (table
# `actes`) codés en CCAM. Exécutez la cellule suivante : elle les affiche avec leurs libellés, tirés des
# nomenclatures de référence.

# %%
diagnostics_du_sejour = pd.DataFrame({"code": [sejour_choisi["diagnostic_principal"]] + list(das_choisis["code_cim10"]),
                                      "type": ["principal"] + ["associé"] * len(das_choisis)})
display(diagnostics_du_sejour.merge(cim10[["code", "libelle"]], on="code", how="left"))
actes_choisis.merge(ccam, left_on="code_ccam", right_on="code", how="left")[["code_ccam", "date_acte", "libelle"]]

# %% [markdown]
# Pour qu'un logiciel comprenne un code, il faut lui dire **de quelle nomenclature** il vient : en FHIR,
# un code s'écrit `{"coding": [{"system": ..., "code": ...}]}`, où `system` est l'adresse (URL) de la
# nomenclature. Utilisez les mêmes constantes que l'export FHIR du kit (`generators/fhir.py`) :
#
# - `ICD10` : l'adresse officielle de la CIM-10 chez HL7 (CIM-10 se dit ICD-10 en anglais) ;
# - `CCAM` : l'adresse de la CCAM. Celle du kit est une adresse d'exemple (`example.org`) : un échange
#   réel utiliserait celle du serveur de terminologies de l'ANS, inaccessible hors ligne.
#
# Une ressource `Condition` (un diagnostic) contient : `"resourceType": "Condition"`, le `"code"`, le
# `"subject"` (la référence au patient) et l'`"encounter"` (la référence au séjour,
# `{"reference": "Encounter/" + sejour_id_choisi}`).

# %%
print("CIM-10 :", ICD10)
print("CCAM   :", CCAM)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 5 : les diagnostics, des ressources Condition (2 points)
#
# Il faut une `Condition` par diagnostic : une pour le diagnostic principal, puis une par diagnostic
# associé. Pour ne pas écrire plusieurs fois le même dictionnaire, on écrit une **fonction** : une
# recette qui reçoit un code et rend la ressource correspondante (`def` la définit, `return` donne le
# résultat).
#
# 1. Complétez et exécutez la fonction `creer_condition(code_cim10)`, qui rend un dictionnaire
#    `Condition` avec les champs `resourceType`, `code` (système `ICD10`), `subject` et `encounter` :
#
#    ```python
#    def creer_condition(code_cim10):
#        return {
#            "resourceType": "Condition",
#            "code": {"coding": [{"system": ICD10, "code": code_cim10}]},
#            "subject": ...,
#            "encounter": ...,
#        }
#    ```
#
# 2. Créez la liste `conditions_fhir` : le diagnostic principal **d'abord**, puis les diagnostics
#    associés dans l'ordre de leur rang. Indice :
#    `codes = [sejour_choisi["diagnostic_principal"]] + list(das_choisis["code_cim10"])` donne la liste
#    des codes, et `[creer_condition(code) for code in codes]` fabrique une ressource « pour chaque code
#    de la liste » (on appelle cela une *compréhension de liste*).

# %% nbgrader={"grade": false, "grade_id": "q5-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
def creer_condition(code_cim10):
    return {
        "resourceType": "Condition",
        "code": {"coding": [{"system": ICD10, "code": code_cim10}]},
        "subject": {"reference": "Patient/" + patient_id_choisi},
        "encounter": {"reference": "Encounter/" + sejour_id_choisi},
    }


codes = [sejour_choisi["diagnostic_principal"]] + list(das_choisis["code_cim10"])
conditions_fhir = [creer_condition(code) for code in codes]
### END SOLUTION
for condition in conditions_fhir:
    verifier_fhir(Condition, condition)
conditions_fhir[0]

# %% kit={"competences": ["interoperabilite", "nomenclatures"], "reponses": ["conditions_fhir"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(conditions_fhir, list) and len(conditions_fhir) == 1 + len(das_choisis),
      "conditions_fhir doit être une liste avec une Condition pour le diagnostic principal et une par diagnostic "
      "associé (1 + len(das_choisis) éléments).", success=None)
check(all(isinstance(c, dict) and est_conforme(Condition, c) for c in conditions_fhir),
      "Au moins une Condition n'est pas conforme : lisez les messages ❌ de verifier_fhir.", success=None)
check(all(c.get("code", {}).get("coding", [{}])[0].get("system") == ICD10 for c in conditions_fhir),
      "Chaque code doit indiquer sa nomenclature : \"system\": ICD10.", success=None)
check(all(c.get("encounter", {}).get("reference") == "Encounter/" + sejour_id_choisi for c in conditions_fhir),
      "Chaque Condition doit pointer vers le séjour : {\"reference\": \"Encounter/\" + sejour_id_choisi}.")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "date_entree", "date_sortie",
                                                       "duree_sejour", "diagnostic_principal"])
ref_das = load_table("diagnostics", DONNEES)
ref_actes = load_table("actes", DONNEES)
ref_complet = ref_sejours["sejour_id"].isin(ref_das["sejour_id"]) & ref_sejours["sejour_id"].isin(ref_actes["sejour_id"])
ref_candidats = ref_sejours[ref_sejours["patient_id"].isin(ref_sejours.loc[ref_complet, "patient_id"])]
ref_patient = ref_candidats.groupby("patient_id").size().idxmax()
ref_sejour = ref_sejours[ref_complet & (ref_sejours["patient_id"] == ref_patient)] \
    .sort_values(["date_entree", "sejour_id"]).iloc[-1]
ref_codes = [ref_sejour["diagnostic_principal"]] + list(
    ref_das[ref_das["sejour_id"] == ref_sejour["sejour_id"]].sort_values("rang")["code_cim10"])
for ref_c in conditions_fhir:
    Condition.model_validate(ref_c)
ref_recus = [c["code"]["coding"][0]["code"] for c in conditions_fhir]
check(ref_recus[0] == ref_codes[0], "La première Condition doit être le diagnostic principal.", success=None)
check(sorted(ref_recus) == sorted(ref_codes), "Les codes CIM-10 ne sont pas ceux du séjour.", success=None)
check(all(c["subject"]["reference"] == "Patient/" + ref_patient
          and c["encounter"]["reference"] == "Encounter/" + ref_sejour["sejour_id"] for c in conditions_fhir),
      "Les références au patient ou au séjour sont fausses.", success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 6 : un acte, une ressource Procedure (2 points)
#
# Créez la variable `procedure_fhir` pour le **premier acte** du séjour, `actes_choisis.iloc[0]`
# (`.iloc[0]` donne la première ligne d'une table). Une `Procedure` contient :
#
# - `"resourceType": "Procedure"` et `"status": "completed"` (l'acte a été réalisé) ;
# - `"code"` : le code CCAM de l'acte, avec le système `CCAM` (même forme que pour les diagnostics) ;
# - `"subject"` et `"encounter"` : les références au patient et au séjour ;
# - `"performedDateTime"` : la date de l'acte (colonne `date_acte`), en texte `AAAA-MM-JJ`.

# %% nbgrader={"grade": false, "grade_id": "q6-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
acte = actes_choisis.iloc[0]
procedure_fhir = {
    "resourceType": "Procedure",
    "status": "completed",
    "code": {"coding": [{"system": CCAM, "code": acte["code_ccam"]}]},
    "subject": {"reference": "Patient/" + patient_id_choisi},
    "encounter": {"reference": "Encounter/" + sejour_id_choisi},
    "performedDateTime": acte["date_acte"].strftime("%Y-%m-%d"),
}
### END SOLUTION
verifier_fhir(Procedure, procedure_fhir)
procedure_fhir

# %% kit={"competences": ["interoperabilite", "nomenclatures"], "reponses": ["procedure_fhir"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(procedure_fhir, dict) and est_conforme(Procedure, procedure_fhir),
      "procedure_fhir n'est pas conforme : lisez les messages ❌ de verifier_fhir(Procedure, procedure_fhir).",
      success=None)
check(procedure_fhir.get("status") == "completed", "Un acte réalisé a le statut \"completed\".", success=None)
check(procedure_fhir.get("code", {}).get("coding", [{}])[0].get("system") == CCAM,
      "Le code de l'acte doit indiquer sa nomenclature : \"system\": CCAM.", success=None)
check(isinstance(procedure_fhir.get("performedDateTime"), str),
      "\"performedDateTime\" doit être la date de l'acte en texte AAAA-MM-JJ ; indice : .strftime(\"%Y-%m-%d\").")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "date_entree", "date_sortie",
                                                       "duree_sejour", "diagnostic_principal"])
ref_das = load_table("diagnostics", DONNEES)
ref_actes = load_table("actes", DONNEES)
ref_complet = ref_sejours["sejour_id"].isin(ref_das["sejour_id"]) & ref_sejours["sejour_id"].isin(ref_actes["sejour_id"])
ref_candidats = ref_sejours[ref_sejours["patient_id"].isin(ref_sejours.loc[ref_complet, "patient_id"])]
ref_patient = ref_candidats.groupby("patient_id").size().idxmax()
ref_sejour = ref_sejours[ref_complet & (ref_sejours["patient_id"] == ref_patient)] \
    .sort_values(["date_entree", "sejour_id"]).iloc[-1]
Procedure.model_validate(procedure_fhir)
ref_du_sejour = ref_actes[ref_actes["sejour_id"] == ref_sejour["sejour_id"]]
ref_paires = set(zip(ref_du_sejour["code_ccam"], ref_du_sejour["date_acte"].dt.strftime("%Y-%m-%d")))
check((procedure_fhir["code"]["coding"][0]["code"], procedure_fhir["performedDateTime"]) in ref_paires,
      "Le code ou la date ne correspondent à aucun acte du séjour.", success=None)
check(procedure_fhir["subject"]["reference"] == "Patient/" + ref_patient
      and procedure_fhir["encounter"]["reference"] == "Encounter/" + ref_sejour["sejour_id"],
      "Les références au patient ou au séjour sont fausses.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# ## Partie 5 : tout envoyer ensemble, le Bundle
#
# Pour transmettre le séjour au médecin traitant, on regroupe les ressources dans une **enveloppe**,
# la ressource `Bundle`. Son champ `"type"` dit à quoi elle sert (`"collection"` : un simple
# regroupement) et son champ `"entry"` est une liste d'entrées de la forme `{"resource": ...}`.
# Grâce aux références (`Patient/...`, `Encounter/...`), le destinataire sait relier chaque diagnostic
# et chaque acte au bon séjour et au bon patient.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : construire et valider le Bundle (2 points)
#
# Créez la variable `bundle_fhir` : un `Bundle` de type `"collection"` qui contient, dans cet ordre,
# `patient_fhir`, `sejour_fhir`, toutes les ressources de `conditions_fhir` et `procedure_fhir`.
#
# Indice : `ressources = [patient_fhir, sejour_fhir] + conditions_fhir + [procedure_fhir]` met bout à
# bout les ressources (le `+` colle deux listes), puis
# `[{"resource": ressource} for ressource in ressources]` fabrique la liste des entrées.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
ressources = [patient_fhir, sejour_fhir] + conditions_fhir + [procedure_fhir]
bundle_fhir = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [{"resource": ressource} for ressource in ressources],
}
### END SOLUTION
verifier_fhir(Bundle, bundle_fhir)
print(len(bundle_fhir["entry"]), "ressources dans le Bundle")

# %% kit={"competences": ["interoperabilite"], "reponses": ["bundle_fhir", "conditions_fhir"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(bundle_fhir, dict) and est_conforme(Bundle, bundle_fhir),
      "bundle_fhir n'est pas conforme : lisez les messages ❌ de verifier_fhir(Bundle, bundle_fhir).", success=None)
check(bundle_fhir.get("type") == "collection", "Le Bundle doit avoir le type \"collection\".", success=None)
check(len(bundle_fhir.get("entry", [])) == 3 + len(conditions_fhir),
      "Le Bundle doit contenir le patient, le séjour, toutes les Conditions et la Procedure, chacun dans une "
      "entrée {\"resource\": ...}.")
### BEGIN HIDDEN TESTS
ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id", "date_entree", "date_sortie",
                                                       "duree_sejour", "diagnostic_principal"])
ref_das = load_table("diagnostics", DONNEES)
ref_actes = load_table("actes", DONNEES)
ref_complet = ref_sejours["sejour_id"].isin(ref_das["sejour_id"]) & ref_sejours["sejour_id"].isin(ref_actes["sejour_id"])
ref_candidats = ref_sejours[ref_sejours["patient_id"].isin(ref_sejours.loc[ref_complet, "patient_id"])]
ref_patient = ref_candidats.groupby("patient_id").size().idxmax()
ref_sejour = ref_sejours[ref_complet & (ref_sejours["patient_id"] == ref_patient)] \
    .sort_values(["date_entree", "sejour_id"]).iloc[-1]
Bundle.model_validate(bundle_fhir)
ref_types = [e["resource"]["resourceType"] for e in bundle_fhir["entry"]]
ref_nb_das = int((ref_das["sejour_id"] == ref_sejour["sejour_id"]).sum())
check(sorted(ref_types) == sorted(["Patient", "Encounter", "Procedure"] + ["Condition"] * (1 + ref_nb_das)),
      "Le Bundle n'a pas le bon nombre de ressources de chaque type.", success=None)
ref_par_type = {e["resource"]["resourceType"]: e["resource"] for e in bundle_fhir["entry"]}
check(ref_par_type["Patient"].get("id") == ref_patient and ref_par_type["Encounter"].get("id") == ref_sejour["sejour_id"],
      "Le patient ou le séjour du Bundle ne sont pas ceux de l'exercice.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Voici le texte JSON de votre Bundle : c'est exactement ce qui circulerait entre le logiciel de
# l'hôpital et celui du médecin traitant, qui saurait le lire sans ressaisie.

# %%
print(json.dumps(bundle_fhir, indent=1, ensure_ascii=False))


# %% [markdown]
# ## Partie 6 : combien de ressources à échanger ?
#
# Le générateur du kit sait exporter **tout** le jeu de données en FHIR (commande
# `python -m generators ... --fhir`, un fichier par type de ressource). Avant d'envoyer un lot, il est
# utile de prévoir son volume : une ressource `Patient` par patient, une `Encounter` par séjour, une
# `Condition` par diagnostic principal (une par séjour) et une par ligne de la table `diagnostics`, une
# `Procedure` par ligne de la table `actes`.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 8 : une fonction qui compte les ressources (2 points)
#
# Écrivez la fonction `compter_ressources(identifiants)`, qui reçoit une **liste d'identifiants de
# patients** et rend un dictionnaire `{"Patient": ..., "Encounter": ..., "Condition": ..., "Procedure": ...}`
# avec le nombre de ressources de chaque type pour ces patients. Vous pouvez partir de ce modèle :
#
# ```python
# def compter_ressources(identifiants):
#     sejours_du_groupe = sejours[sejours["patient_id"].isin(identifiants)]
#     return {
#         "Patient": ...,     # les patients de la table patients dont l'identifiant est dans la liste
#         "Encounter": ...,   # les séjours du groupe
#         "Condition": ...,   # un diagnostic principal par séjour + les diagnostics associés de ces séjours
#         "Procedure": ...,   # les actes de ces séjours
#     }
# ```
#
# Indices : `.isin(liste)` donne Vrai pour les lignes dont la valeur est dans la liste ; `.sum()`
# compte les Vrai ; `len(...)` compte les lignes ; par exemple
# `actes["sejour_id"].isin(sejours_du_groupe["sejour_id"]).sum()` compte les actes des séjours du groupe.

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
def compter_ressources(identifiants):
    sejours_du_groupe = sejours[sejours["patient_id"].isin(identifiants)]
    return {
        "Patient": int(patients["patient_id"].isin(identifiants).sum()),
        "Encounter": len(sejours_du_groupe),
        "Condition": len(sejours_du_groupe) + int(diagnostics["sejour_id"].isin(sejours_du_groupe["sejour_id"]).sum()),
        "Procedure": int(actes["sejour_id"].isin(sejours_du_groupe["sejour_id"]).sum()),
    }
### END SOLUTION
compter_ressources([patient_id_choisi])

# %% kit={"appels": {"compter_ressources": ["[patient_id_choisi]", "list(load_table('patients', DONNEES, colonnes=['patient_id'])['patient_id'].sort_values().iloc[:30])", "list(load_table('sejours', DONNEES, colonnes=['sejour_id', 'patient_id']).groupby('patient_id').size().sort_values(ascending=False, kind='stable').index[:5]) + ['inconnu']"]}, "competences": ["interoperabilite", "parcours"], "reponses": []} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
ressources_du_patient = compter_ressources([patient_id_choisi])
check(isinstance(ressources_du_patient, dict)
      and set(ressources_du_patient) == {"Patient", "Encounter", "Condition", "Procedure"},
      "La fonction doit rendre un dictionnaire avec les clés Patient, Encounter, Condition et Procedure.",
      success=None)
check(ressources_du_patient["Patient"] == 1
      and ressources_du_patient["Encounter"] == (sejours["patient_id"] == patient_id_choisi).sum(),
      "Pour le seul patient choisi, il faut 1 Patient et une Encounter par séjour de ce patient.", success=None)
check(ressources_du_patient["Condition"] >= ressources_du_patient["Encounter"],
      "Il faut au moins une Condition par séjour (le diagnostic principal), plus les diagnostics associés.")
### BEGIN HIDDEN TESTS
ref_patients = load_table("patients", DONNEES, colonnes=["patient_id"])["patient_id"]
ref_sejours = load_table("sejours", DONNEES, colonnes=["sejour_id", "patient_id"])
ref_das = load_table("diagnostics", DONNEES, colonnes=["sejour_id"])
ref_actes = load_table("actes", DONNEES, colonnes=["sejour_id"])
ref_plus_hospitalises = ref_sejours.groupby("patient_id").size().sort_values(ascending=False, kind="stable").index[:5]
for ref_groupe in (list(ref_patients.sort_values().iloc[:30]), list(ref_plus_hospitalises) + ["inconnu"]):
    ref_s = ref_sejours[ref_sejours["patient_id"].isin(ref_groupe)]
    ref_attendu = {"Patient": int(ref_patients.isin(ref_groupe).sum()), "Encounter": len(ref_s),
                   "Condition": len(ref_s) + int(ref_das["sejour_id"].isin(ref_s["sejour_id"]).sum()),
                   "Procedure": int(ref_actes["sejour_id"].isin(ref_s["sejour_id"]).sum())}
    ref_recu = compter_ressources(ref_groupe)
    check(all(ref_recu[k] == v for k, v in ref_attendu.items()),
          f"Pour un autre groupe de patients, on attendait {ref_attendu}.", success=None)
### END HIDDEN TESTS

# %% [markdown]
# Appliquons votre fonction aux dix patients les plus hospitalisés : exécutez la cellule pour voir le
# volume de ressources qu'il faudrait échanger pour eux.

# %%
dix_patients = sejours.groupby("patient_id").size().sort_values(ascending=False, kind="stable").index[:10]
volumes = pd.Series(compter_ressources(list(dix_patients)), name="ressources")
figure = px.bar(x=volumes.index, y=volumes.values, text_auto=True,
                labels={"x": "Type de ressource FHIR", "y": "Nombre de ressources"},
                title="Ressources FHIR à échanger pour les 10 patients les plus hospitalisés")
figure.show()

# %% [markdown]
# ## Partie 7 : Mon espace santé et l'ordonnance numérique
#
# Ces standards servent tous les jours, y compris aux services numériques destinés aux patients.
#
# **Mon espace santé** est le carnet de santé numérique de chaque personne, un service public gratuit
# de l'Assurance maladie et du ministère de la Santé, généralisé en 2022. Il est ouvert
# **automatiquement** pour chaque assuré, sauf s'il s'y oppose, et peut être fermé à tout moment. Il
# réunit quatre rubriques :
#
# - le **dossier médical**, qui reprend le **DMP** (dossier médical partagé) : comptes rendus
#   d'hospitalisation, résultats d'examens, ordonnances, vaccinations, profil médical (allergies,
#   antécédents...) ; les professionnels qui soignent le patient y déposent leurs documents ;
# - une **messagerie sécurisée de santé** : le patient y reçoit des messages et des documents de ses
#   professionnels de santé, dans un espace protégé (ce n'est pas une messagerie grand public) ;
# - un **agenda** : rendez-vous médicaux, rappels de vaccins et de dépistages ;
# - un **catalogue de services** : des applications de santé **référencées par les pouvoirs publics**,
#   qui respectent des exigences de sécurité et d'interopérabilité.
#
# Le patient garde la main : seuls les professionnels qui participent à sa prise en charge peuvent
# consulter son dossier ; il peut **masquer** un document (il reste visible de son auteur et du médecin
# traitant), **bloquer** l'accès d'un professionnel et consulter l'**historique des accès**. Un
# employeur, un médecin du travail, une mutuelle ou un assureur **n'y ont jamais accès**.
#
# **L'ordonnance numérique** (e-prescription) : le médecin rédige l'ordonnance dans son logiciel ; elle
# est enregistrée dans une **base sécurisée de l'Assurance maladie** (et déposée dans le DMP). Le
# patient reçoit toujours son ordonnance, sur papier ou sous forme numérique, avec un **QR code** qui
# porte un numéro unique de prescription. À la pharmacie, le pharmacien **scanne le QR code** et
# retrouve la prescription dans la base, puis y enregistre ce qu'il a délivré. Résultat : plus de
# problème de lecture, une ordonnance infalsifiable (une photocopie ne permet pas de se faire délivrer
# deux fois les mêmes médicaments) et moins de ressaisies. Un décret du 20 décembre 2023 en a fait la
# règle pour les prescripteurs ; elle se généralise depuis 2025.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 9 : vrai ou faux ? (2 points)
#
# Pour chaque affirmation, indiquez `True` (vrai) ou `False` (faux), **sans guillemets**, dans le
# dictionnaire `reponses_quiz` : `reponses_quiz = {"a": True, "b": ..., ..., "h": ...}`.
#
# - **a.** Mon espace santé est ouvert automatiquement pour chaque assuré, sauf s'il s'y est opposé.
# - **b.** Une fois ouvert, Mon espace santé ne peut plus être fermé.
# - **c.** Le dossier médical de Mon espace santé reprend le dossier médical partagé (DMP).
# - **d.** Un employeur, une mutuelle ou un assureur peut consulter Mon espace santé d'un assuré.
# - **e.** Le patient peut masquer un document et consulter l'historique des accès à son dossier.
# - **f.** La messagerie de Mon espace santé est sécurisée : le patient y reçoit des messages de ses
#   professionnels de santé.
# - **g.** Avec l'ordonnance numérique, le pharmacien scanne un QR code pour retrouver la prescription
#   dans une base sécurisée de l'Assurance maladie.
# - **h.** Avec l'ordonnance numérique, une photocopie de l'ordonnance permet d'obtenir deux fois les
#   mêmes médicaments dans deux pharmacies.

# %% nbgrader={"grade": false, "grade_id": "q9-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
reponses_quiz = {"a": True, "b": False, "c": True, "d": False, "e": True, "f": True, "g": True, "h": False}
### END SOLUTION
reponses_quiz

# %% kit={"competences": ["services-numeriques", "cadre-juridique"], "reponses": ["reponses_quiz"]} nbgrader={"grade": true, "grade_id": "q9-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check(isinstance(reponses_quiz, dict) and set(reponses_quiz) == set("abcdefgh"),
      "reponses_quiz doit être un dictionnaire avec les clés \"a\" à \"h\".", success=None)
check(all(isinstance(v, bool) for v in reponses_quiz.values()),
      "Chaque réponse doit être True ou False, sans guillemets.")
### BEGIN HIDDEN TESTS
ref_quiz = {"a": True, "b": False, "c": True, "d": False, "e": True, "f": True, "g": True, "h": False}
check(reponses_quiz == ref_quiz, "Au moins une réponse du quiz est inexacte.", success=None)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 10 : « Pourquoi pas un simple PDF ? » (3 points, corrigée par votre formateur)
#
# Le médecin traitant du patient de l'exercice vous demande : « Pourquoi l'hôpital ne m'envoie-t-il pas
# simplement le compte rendu en PDF ? » Répondez-lui en cinq à huit phrases, dans la cellule suivante
# (double-cliquez dessus pour écrire) : ce que FHIR apporte de plus qu'un PDF, et les **risques** à
# maîtriser quand on échange des données de santé structurées.

# %% [markdown] kit={"bareme": ["1 point : un PDF se lit mais ne s'exploite pas par le logiciel (ressaisie, erreurs) ; FHIR transmet des donn\u00e9es structur\u00e9es et cod\u00e9es (CIM-10, CCAM, dates normalis\u00e9es) que le logiciel int\u00e8gre automatiquement", "1 point : les r\u00e9f\u00e9rences relient chaque diagnostic et acte au bon patient et au bon s\u00e9jour ; l'identit\u00e9 du patient doit \u00eatre s\u00fbre (identitovigilance, INS) ; le document lisible (PDF) reste utile en compl\u00e9ment", "1 point : au moins deux risques avec une parade : confidentialit\u00e9 (messagerie s\u00e9curis\u00e9e, authentification, chiffrement, tra\u00e7abilit\u00e9), erreur de code ou de patient propag\u00e9e automatiquement (contr\u00f4le des jeux de valeurs, validation), donn\u00e9es en trop (minimisation)"], "competences": ["interoperabilite", "argumenter", "cadre-juridique"]} nbgrader={"grade": true, "grade_id": "q10-reponse", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Un PDF se lit à l'écran, mais votre logiciel ne peut rien en faire : il faudrait ressaisir les
# diagnostics et les actes, avec un risque d'erreur. Avec FHIR, l'hôpital envoie des **données
# structurées et codées** (diagnostics en CIM-10, actes en CCAM, dates au format international) : votre
# logiciel les intègre automatiquement dans le dossier, peut les rechercher, déclencher des alertes ou
# suivre l'évolution. Les **références** relient chaque diagnostic et chaque acte au bon séjour et au bon
# patient, à condition que l'identité soit sûre (identité nationale de santé, identitovigilance). Le
# compte rendu lisible reste utile : les deux se complètent. Les risques à maîtriser sont la
# **confidentialité** (envoi par messagerie sécurisée de santé, authentification, chiffrement, traçabilité
# des accès), la **propagation automatique d'une erreur** (mauvais code, mauvais patient : d'où la
# validation et le contrôle des codes autorisés, que la bibliothèque ne fait pas seule) et l'envoi de
# **données inutiles** (ne transmettre que ce qui sert à la prise en charge).
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "q11-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 11 : expliquer Mon espace santé à une patiente (2 points, corrigée par votre formateur)
#
# Une patiente de 72 ans, hospitalisée pour une insuffisance cardiaque, vous confie : « Je ne veux pas
# que n'importe qui lise mes résultats sur internet. » En trois à cinq phrases simples, expliquez-lui
# ce que contient Mon espace santé, **qui** peut y accéder, et ce qu'elle peut **décider elle-même**.

# %% [markdown] kit={"bareme": ["1 point : contenu (documents du DMP, messagerie s\u00e9curis\u00e9e, agenda) et acc\u00e8s r\u00e9serv\u00e9 aux professionnels qui la soignent ; jamais l'employeur, le m\u00e9decin du travail, la mutuelle ni l'assureur", "1 point : au moins deux de ses droits, en mots simples : masquer un document, bloquer un professionnel, consulter l'historique des acc\u00e8s, fermer son espace ou s'y opposer"], "competences": ["services-numeriques", "cadre-juridique", "argumenter"]} nbgrader={"grade": true, "grade_id": "q11-reponse", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# Mon espace santé est votre carnet de santé numérique : on y trouve vos comptes rendus, résultats et
# ordonnances (le dossier médical partagé), une messagerie sécurisée avec vos soignants et un agenda.
# Seuls les professionnels qui vous soignent peuvent le consulter ; votre employeur, le médecin du
# travail, votre mutuelle ou un assureur n'y ont jamais accès. Vous pouvez masquer un document,
# bloquer l'accès d'un professionnel et voir qui a consulté votre dossier dans l'historique des accès.
# Vous pouvez aussi fermer votre espace à tout moment.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "grade_id": "pour-aller-plus-loin", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Pour aller plus loin
#
# - Enrichissez `patient_fhir` avec le nom (`"name": [{"family": ligne_patient["nom"], "given": [ligne_patient["prenom"]]}]`)
#   et `sejour_fhir` avec l'établissement (`"serviceProvider": {"reference": "Organization/" + sejour_choisi["finess"]}`),
#   puis revalidez-les avec `verifier_fhir`.
# - Dans un terminal, exportez un petit jeu complet en FHIR :
#   `python -m generators --patients 2000 --out /tmp/essai_fhir --fhir`, puis lisez un fichier avec
#   `pd.read_json("/tmp/essai_fhir/fhir/Patient.ndjson", lines=True)` et comparez les volumes avec votre
#   fonction `compter_ressources`.
# - Un passage aux urgences serait aussi une `Encounter`, de classe `"EMER"` : construisez-en une à partir
#   d'une ligne de la table `urgences` (`load_table("urgences", DONNEES)`).
# - Parcourez la spécification FHIR (hl7.org/fhir) : la ressource `Observation` porte les résultats de
#   biologie (codes LOINC), `MedicationRequest` une prescription de médicament.

# %% [markdown] nbgrader={"grade": false, "grade_id": "recap", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## À retenir
#
# - L'**interopérabilité**, c'est échanger des données **et** les comprendre de la même façon : même
#   structure (syntaxe) et mêmes codes (sémantique).
# - **HL7 FHIR** découpe l'information en **ressources** (`Patient`, `Encounter`, `Condition`,
#   `Procedure`...) écrites en JSON, reliées par des **références** `"Type/identifiant"` et regroupées dans
#   un `Bundle`.
# - Un code n'a de sens qu'avec sa **nomenclature** (`system`) : CIM-10 pour les diagnostics, CCAM pour
#   les actes ; les dates s'écrivent `AAAA-MM-JJ`.
# - `Modele.model_validate(dictionnaire)` vérifie la **structure** et lève une `ValidationError` en cas de
#   faute ; elle ne vérifie **pas** les codes autorisés (`"femme"` passe) : il faut l'ajouter soi-même.
# - **Mon espace santé** (dossier médical/DMP, messagerie sécurisée, agenda, catalogue de services) laisse
#   le patient décider : masquer, bloquer, voir l'historique des accès ; jamais d'accès pour l'employeur
#   ou l'assureur.
# - L'**ordonnance numérique** : un QR code, une base sécurisée de l'Assurance maladie, une ordonnance
#   infalsifiable que le pharmacien retrouve sans ressaisie.
