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
# listes de « champ : valeur » entre accolades `{ }`. Chaque question a une cellule de réponse, où vous
# remplacez les trois points `...` par votre code, puis une cellule de vérification : exécutez-la.
# « ✅ Bonne réponse » veut dire que la réponse est juste (et vaudra tous les points de la question) ;
# sinon, un ❌ vous dit ce qui ne va pas. Deux questions demandent une réponse rédigée, corrigée par
# votre formateur.

# %% [markdown] nbgrader={"grade": false, "grade_id": "mise-en-place-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Mise en place
#
# Exécutez simplement les trois cellules suivantes (Maj + Entrée). La première indique où se trouvent
# les données. La deuxième charge les tables `patients`, `sejours`, `diagnostics` et `actes`, les
# nomenclatures CIM-10 et CCAM, et les **modèles FHIR** de la bibliothèque `fhir.resources`. La
# troisième définit deux outils : `verifier_fhir`, qui fait valider une ressource et explique chaque
# faute en français, et `resume_fhir`, qui sert aux cellules de vérification. Vous n'avez pas besoin de
# les modifier.

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

from generators.fhir import ACT_CODE, CCAM, ICD10
from participant.checks import check_answer
from participant.data import load_reference, load_table
from participant.notebook import prepare

prepare()  # graphiques et messages d'erreur en français
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
# Deux outils : verifier_fhir affiche le verdict de la validation en français ; resume_fhir sert aux
# cellules de vérification (il contrôle la structure, puis résume les champs à juger en un texte).
from participant.answer_kinds import is_boolean, is_number, type_name
from participant.checks import WrongAnswer

EXPLICATIONS = {
    "missing": "ce champ est obligatoire et il manque",
    "extra_forbidden": "ce champ n'existe pas dans cette ressource (les noms de champs FHIR sont en anglais, "
                       "majuscules comprises : vérifiez l'orthographe)",
    "list_type": "une liste est attendue ici : mettez la valeur entre crochets [ ]",
    "string_type": "un texte est attendu ici, entre guillemets",
    "string_pattern_mismatch": "caractère interdit (un identifiant FHIR ne contient que des lettres sans accent, "
                               "des chiffres, des tirets et des points)",
}


def fautes_fhir(modele, ressource):
    """Les fautes de structure de la ressource (un dictionnaire), expliquées en français ; [] si elle est conforme."""
    try:
        modele.model_validate(ressource)
    except ValidationError as erreur:
        fautes = []
        for detail in erreur.errors():
            champ = " → ".join("resourceType" if morceau == "resource_type" else str(morceau)
                               for morceau in detail["loc"] if morceau != "root") or "la ressource entière"
            sorte = detail["type"].split(".")[-1]          # la sorte d'erreur, par exemple "missing"
            if sorte in EXPLICATIONS:
                explication = EXPLICATIONS[sorte]
            elif "regex" in detail["msg"] or "timezone" in detail["msg"]:
                explication = ("une date s'écrit en texte AAAA-MM-JJ (par exemple \"1950-03-12\"), "
                               "avec .strftime(\"%Y-%m-%d\")")
            elif "BundleEntry" in detail["msg"]:
                explication = "chaque entrée du Bundle s'écrit {\"resource\": ressource}"
            elif sorte == "fhir-validation-wrong-resource-type":
                explication = f"\"resourceType\" doit valoir \"{modele.__name__}\" (en anglais, avec la majuscule)"
            elif sorte in ("json_invalid", "model_validation_format", "dict_type", "model_type"):
                explication = "un objet est attendu ici, avec ses champs entre accolades { }"
            else:
                explication = "valeur refusée (" + detail["msg"] + ")"
            recu = "" if sorte == "missing" else f" (valeur reçue : {' '.join(str(detail['input']).split())[:40]!r})"
            fautes.append(f"champ « {champ} »{recu} : {explication}")
        return fautes
    return []


def verifier_fhir(modele, ressource):
    """Valide la ressource (un dictionnaire) avec le modèle FHIR et explique chaque faute en français."""
    fautes = fautes_fhir(modele, ressource)
    for faute in fautes:
        print(f"❌ {faute[0].upper()}{faute[1:]}.")
    if not fautes:
        print(f"✅ Ressource {modele.__name__} conforme à la structure FHIR.")


def _sorte(valeur):
    if valeur is None:
        return "vide (None : la fonction a-t-elle un return ?)"
    if hasattr(valeur, "model_dump"):
        return f"un objet {type(valeur).__name__}(...) de fhir.resources"
    if type(valeur).__module__.startswith("pandas"):
        return "une ligne ou une colonne de tableau pandas"
    return type_name(valeur)


def _valeurs(noeud, morceaux, chemin=()):
    """Les valeurs du champ désigné par `morceaux` ("*" : chaque élément d'une liste), avec leur chemin."""
    if not morceaux:
        yield ".".join(chemin), noeud
        return
    tete, reste = morceaux[0], morceaux[1:]
    if tete == "*" and isinstance(noeud, list | tuple):
        for numero, element in enumerate(noeud):
            yield from _valeurs(element, reste, (*chemin, str(numero)))
    elif tete.isdigit():
        dedans = isinstance(noeud, list | tuple) and int(tete) < len(noeud)
        yield from _valeurs(noeud[int(tete)] if dedans else None, reste, (*chemin, tete))
    else:
        yield from _valeurs(noeud.get(tete) if isinstance(noeud, dict) else None, reste, (*chemin, tete))


def _simple(valeur):
    if isinstance(valeur, dict):
        return {str(cle): _simple(element) for cle, element in valeur.items()}
    if isinstance(valeur, list | tuple):
        return [_simple(element) for element in valeur]
    if is_boolean(valeur):
        return bool(valeur)
    if is_number(valeur):
        return int(valeur) if float(valeur).is_integer() else float(valeur)
    if valeur is None or isinstance(valeur, str):
        return valeur
    if hasattr(valeur, "isoformat"):
        return f"date {valeur.isoformat()} (pas un texte)"
    return type(valeur).__name__


def resume_fhir(modele, ressource, *champs):
    """Pour les cellules de vérification : contrôle la structure de la ressource (ou de chaque ressource d'une
    liste, quand les champs commencent par "*"), puis résume en un texte la valeur des champs demandés."""
    if ressource is ... or ressource is None:
        return ressource                     # check_answer dit alors que la réponse manque
    liste = champs[0].startswith("*")
    if isinstance(ressource, str):
        try:
            ressource = json.loads(ressource)
        except ValueError:
            raise WrongAnswer("Votre réponse est un texte : écrivez la ressource comme un dictionnaire Python, "
                              "entre accolades { }.") from None
    if liste and not isinstance(ressource, list | tuple):
        raise WrongAnswer(f"Une liste de ressources {modele.__name__} est attendue, entre crochets [ ], "
                          f"pas {_sorte(ressource)}.")
    if not liste and isinstance(ressource, list | tuple):
        raise WrongAnswer("Votre réponse est une liste ou un couple de valeurs : une seule ressource est attendue, "
                          "un dictionnaire entre accolades { } (une virgule en trop après l'accolade fermante ?).")
    for numero, element in enumerate(ressource if liste else [ressource], 1):
        quoi = f"La ressource n° {numero} de la liste" if liste else "Votre réponse"
        if not isinstance(element, dict):
            raise WrongAnswer(f"{quoi} est {_sorte(element)} : une ressource FHIR s'écrit ici comme un "
                              "dictionnaire, entre accolades { }.")
        fautes = fautes_fhir(modele, element)
        if fautes:
            autres = f" ; et {len(fautes) - 2} autre(s) faute(s), que verifier_fhir détaille" if len(fautes) > 2 else ""
            raise WrongAnswer(f"{quoi} n'est pas une ressource {modele.__name__} conforme à FHIR : "
                              + " ; ".join(fautes[:2]) + autres + ".")
    return " ; ".join(f"{chemin} = {json.dumps(_simple(valeur), ensure_ascii=False, sort_keys=True)}"
                      for champ in champs for chemin, valeur in _valeurs(ressource, champ.split(".")))


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
# Voici six des tables du jeu de données (le dictionnaire des données les décrit toutes). Pour chacune,
# indiquez quelle ressource FHIR du tableau ci-dessus décrit une de ses lignes (une même ressource peut
# servir pour deux tables). Copiez le modèle suivant dans la cellule de réponse, à la place des trois
# points, et remplacez chaque `"..."` par le nom de la ressource, écrit exactement comme dans le
# tableau (par exemple `"Patient"`) :
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
ressource_de_table = ...  # VOTRE CODE ICI
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

# %% kit={"competences": ["interoperabilite"], "reponses": ["ressource_de_table"]} nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
check_answer("q1", ressource_de_table)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

attendu = {"patients": "Patient", "etablissements": "Organization", "sejours": "Encounter",
           "urgences": "Encounter", "diagnostics": "Condition", "actes": "Procedure"}
grade_answer(
    "q1", ressource_de_table, attendu, Series(),
    mistakes={
        "Un passage aux urgences est une rencontre entre un patient et une structure de soins : une Encounter, "
        "comme un séjour.": {**attendu, "urgences": "Organization"},
        "Diagnostics et actes sont inversés : un diagnostic est une Condition, un acte une Procedure.": {
            **attendu, "diagnostics": "Procedure", "actes": "Condition"},
        "Les noms des ressources FHIR sont en anglais : Organization s'écrit avec un z.": {
            **attendu, "etablissements": "Organisation"},
        "Un établissement est une structure (Organization) ; la rencontre d'un patient avec lui est une "
        "Encounter.": {**attendu, "etablissements": "Encounter"},
        "Écrivez les noms exactement comme dans le tableau, avec la majuscule (\"Patient\", \"Encounter\"...).": {
            table: ressource.lower() for table, ressource in attendu.items()},
    },
    hint="Reprenez le modèle de la consigne : les six clés (\"patients\", \"etablissements\"...) écrites "
         "exactement ainsi, chacune avec le nom de sa ressource.",
)
### END HIDDEN TESTS

# %% [markdown]
# ## Partie 2 : une ressource Patient
#
# Pour que tout le monde obtienne les mêmes résultats, la cellule suivante choisit pour vous le patient
# de l'exercice : parmi les patients qui ont au moins un séjour « complet » (au moins une nuit, un
# diagnostic associé et des actes sur deux jours), celui qui a eu **le plus de séjours** (à égalité, le plus
# petit identifiant). Elle retient ensuite **son séjour complet le plus récent**. Exécutez-la, puis
# la suivante, qui affiche la ligne du patient dans la table `patients`.

# %% nbgrader={"grade": false, "grade_id": "choix-patient", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 1. Les séjours « complets » : au moins une nuit, un diagnostic associé, et des actes sur au moins deux
#    jours, le premier après le jour d'entrée (ainsi chaque date du séjour compte dans l'exercice)
jours_actes = actes.groupby("sejour_id")["date_acte"].agg(["nunique", "min"])
complet = ((sejours["duree_sejour"] > 0) & sejours["sejour_id"].isin(diagnostics["sejour_id"])
           & sejours["sejour_id"].map(jours_actes["nunique"]).ge(2)
           & (sejours["sejour_id"].map(jours_actes["min"]) > sejours["date_entree"]))
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
# quatre champs ci-dessus. Vous pouvez copier ce modèle dans la cellule de réponse, à la place de la
# ligne `patient_fhir = ...`, puis remplacer les `...` :
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
# La cellule de vérification fait valider votre dictionnaire par le modèle officiel
# (`Patient.model_validate(...)`), puis compare ses quatre champs avec la table `patients`. Pour voir
# le détail de la validation, vous pouvez aussi écrire `verifier_fhir(Patient, patient_fhir)` dans une
# nouvelle cellule (bouton « + » de la barre d'outils).

# %% nbgrader={"grade": false, "grade_id": "q2-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
patient_fhir = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
patient_fhir = {
    "resourceType": "Patient",
    "id": ligne_patient["patient_id"],
    "gender": {"F": "female", "M": "male"}[ligne_patient["sexe"]],
    "birthDate": ligne_patient["date_naissance"].strftime("%Y-%m-%d"),
}
### END SOLUTION

# %% kit={"competences": ["interoperabilite"], "reponses": ["patient_fhir"]} nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q2", resume_fhir(Patient, patient_fhir, "resourceType", "id", "gender", "birthDate"))
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

champs = ("resourceType", "id", "gender", "birthDate")
attendu = {
    "resourceType": "Patient",
    "id": ligne_patient["patient_id"],
    "gender": {"F": "female", "M": "male"}[ligne_patient["sexe"]],
    "birthDate": ligne_patient["date_naissance"].strftime("%Y-%m-%d"),
}


def variante(**changes):
    """La ressource attendue avec quelques champs changés (None : le champ manque), résumée comme la réponse."""
    ressource = {cle: valeur for cle, valeur in {**attendu, **changes}.items() if valeur is not None}
    return resume_fhir(Patient, ressource, *champs) if not fautes_fhir(Patient, ressource) else None


autre_sexe = {"female": "male", "male": "female"}[attendu["gender"]]
erreurs = {
    "\"gender\" doit être un code FHIR en anglais, \"female\" ou \"male\" : traduisez F et M avec la table de "
    "correspondance {\"F\": \"female\", \"M\": \"male\"}.": variante(gender=ligne_patient["sexe"]),
    "\"gender\" doit être un code FHIR en anglais (\"female\" ou \"male\"), pas un mot français.": variante(
        gender={"female": "femme", "male": "homme"}[attendu["gender"]]),
    "Le sexe est inversé : F se traduit \"female\" et M \"male\".": variante(gender=autre_sexe),
    "\"birthDate\" doit être un texte AAAA-MM-JJ, pas une date pandas : ajoutez .strftime(\"%Y-%m-%d\").": variante(
        birthDate=ligne_patient["date_naissance"]),
    "Le jour et le mois sont inversés : le format est \"%Y-%m-%d\" (année, mois, jour).": variante(
        birthDate=ligne_patient["date_naissance"].strftime("%Y-%d-%m")),
    "Il manque le champ \"resourceType\": \"Patient\".": variante(resourceType=None),
    "Il manque l'identifiant : \"id\": ligne_patient[\"patient_id\"].": variante(id=None),
    "Ce n'est pas l'identifiant du patient : prenez ligne_patient[\"patient_id\"].": variante(id=sejour_id_choisi),
}
grade_answer(
    "q2", resume_fhir(Patient, patient_fhir, *champs), resume_fhir(Patient, attendu, *champs), Text(),
    mistakes={message: valeur for message, valeur in erreurs.items() if valeur is not None},
    hint="Ce n'est pas encore la ressource du patient choisi : reprenez le modèle de la consigne (quatre champs, "
         "valeurs lues dans ligne_patient).",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante construit la ressource `Patient` avec le code
# ci-dessous, sous le nom `patient_reprise` ; la suite du carnet (le Bundle de la question 7) l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q2-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
patient_reprise = {
    "resourceType": "Patient",
    "id": ligne_patient["patient_id"],
    "gender": {"F": "female", "M": "male"}[ligne_patient["sexe"]],
    "birthDate": ligne_patient["date_naissance"].strftime("%Y-%m-%d"),
}
verifier_fhir(Patient, patient_reprise)

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
# comme FHIR l'exige. Corrigez les **trois** problèmes (la date, le nom et le code du sexe). La
# cellule de vérification fait valider la ressource ; `verifier_fhir(Patient, patient_corrige)`, dans une
# nouvelle cellule, en montre le détail.

# %% nbgrader={"grade": false, "grade_id": "q3-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
patient_corrige = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
patient_corrige = {
    "resourceType": "Patient",
    "id": "exemple-1",
    "gender": "female",
    "birthDate": "1950-03-12",
    "name": [{"family": "Martin"}],
}
### END SOLUTION

# %% kit={"competences": ["interoperabilite"], "reponses": ["patient_corrige"]} nbgrader={"grade": true, "grade_id": "q3-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q3", resume_fhir(Patient, patient_corrige, "resourceType", "id", "gender", "birthDate", "name.0.family"))
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

champs = ("resourceType", "id", "gender", "birthDate", "name.0.family")
attendu = {"resourceType": "Patient", "id": "exemple-1", "gender": "female", "birthDate": "1950-03-12",
           "name": [{"family": "Martin"}]}


def variante(**changes):
    """La ressource attendue avec quelques champs changés (None : le champ manque), résumée comme la réponse."""
    return resume_fhir(Patient, {cle: valeur for cle, valeur in {**attendu, **changes}.items() if valeur is not None},
                       *champs)


grade_answer(
    "q3", resume_fhir(Patient, patient_corrige, *champs), resume_fhir(Patient, attendu, *champs), Text(),
    mistakes={
        "Le sexe doit utiliser un code FHIR (female, male, other, unknown) : \"femme\" n'en est pas un.": variante(
            gender="femme"),
        "Mme Martin est une femme : \"female\".": variante(gender="male"),
        "Le jour et le mois sont inversés : le 12 mars 1950 s'écrit \"1950-03-12\" (année, mois, jour).": variante(
            birthDate="1950-12-03"),
        "Le nom de famille a disparu : en FHIR il s'écrit \"name\": [{\"family\": \"Martin\"}].": variante(name=None),
        "Le nom de famille se range dans \"family\" : \"name\": [{\"family\": \"Martin\"}].": variante(
            name=[{"text": "Martin"}]),
        "Le nom de famille se range dans \"family\" (\"given\" est le prénom).": variante(name=[{"given": ["Martin"]}]),
        "L'identifiant doit rester \"exemple-1\".": variante(id=None),
        "Il manque le champ \"resourceType\": \"Patient\".": variante(resourceType=None),
    },
    hint="Ce n'est pas encore la ressource de Mme Martin corrigée : identifiant \"exemple-1\", \"female\", "
         "\"1950-03-12\" et \"name\": [{\"family\": \"Martin\"}].",
)
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
sejour_fhir = ...  # VOTRE CODE ICI
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

# %% kit={"competences": ["interoperabilite"], "reponses": ["sejour_fhir"]} nbgrader={"grade": true, "grade_id": "q4-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q4", resume_fhir(Encounter, sejour_fhir, "resourceType", "id", "status", "class.system", "class.code",
                               "subject.reference", "period.start", "period.end"))
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

champs = ("resourceType", "id", "status", "class.system", "class.code", "subject.reference", "period.start",
          "period.end")
classe = "IMP" if sejour_choisi["duree_sejour"] > 0 else "AMB"
entree, sortie = sejour_choisi["date_entree"].strftime("%Y-%m-%d"), sejour_choisi["date_sortie"].strftime("%Y-%m-%d")
attendu = {
    "resourceType": "Encounter",
    "id": sejour_id_choisi,
    "status": "finished",
    "class": {"system": ACT_CODE, "code": classe},
    "subject": {"reference": "Patient/" + patient_id_choisi},
    "period": {"start": entree, "end": sortie},
}


def variante(**changes):
    """La ressource attendue avec quelques champs changés (None : le champ manque), résumée comme la réponse."""
    ressource = {cle: valeur for cle, valeur in {**attendu, **changes}.items() if valeur is not None}
    return resume_fhir(Encounter, ressource, *champs) if not fautes_fhir(Encounter, ressource) else None


erreurs = {
    "La classe dépend de la durée du séjour : \"IMP\" s'il a duré au moins une nuit (duree_sejour > 0), \"AMB\" "
    "sinon.": variante(**{"class": {"system": ACT_CODE, "code": {"IMP": "AMB", "AMB": "IMP"}[classe]}}),
    "Un séjour terminé a le statut \"finished\" (\"completed\" sert aux actes, les Procedure).": variante(
        status="completed"),
    "Il manque le statut du séjour : \"status\": \"finished\".": variante(status=None),
    "Le code de la classe doit indiquer son système : {\"system\": ACT_CODE, \"code\": ...}.": variante(
        **{"class": {"code": classe}}),
    "Une référence s'écrit \"Type/identifiant\" : \"Patient/\" + patient_id_choisi.": variante(
        subject={"reference": patient_id_choisi}),
    "\"subject\" désigne le patient : \"Patient/\" + patient_id_choisi (pas le séjour).": variante(
        subject={"reference": "Patient/" + sejour_id_choisi}),
    "\"id\" est l'identifiant du séjour (sejour_id_choisi), pas celui du patient.": variante(id=patient_id_choisi),
    "ACT_CODE est une constante Python qui contient l'adresse du système de codes : écrivez-la sans guillemets.": variante(
        **{"class": {"system": "ACT_CODE", "code": classe}}),
    "Le début et la fin de la période sont inversés : \"start\" est la date d'entrée, \"end\" la date de "
    "sortie.": variante(period={"start": sortie, "end": entree}),
    "Il manque la fin du séjour : \"period\": {\"start\": ..., \"end\": ...}.": variante(period={"start": entree}),
}
grade_answer(
    "q4", resume_fhir(Encounter, sejour_fhir, *champs), resume_fhir(Encounter, attendu, *champs), Text(),
    mistakes={message: valeur for message, valeur in erreurs.items() if valeur is not None},
    hint="Ce n'est pas encore la ressource du séjour retenu : reprenez les six champs de la consigne, avec les "
         "valeurs de sejour_choisi.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante construit la ressource `Encounter` du séjour
# avec le code ci-dessous, sous le nom `sejour_reprise` ; la question 7 l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q4-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
sejour_reprise = {
    "resourceType": "Encounter",
    "id": sejour_id_choisi,
    "status": "finished",
    "class": {"system": ACT_CODE, "code": "IMP" if sejour_choisi["duree_sejour"] > 0 else "AMB"},
    "subject": {"reference": "Patient/" + patient_id_choisi},
    "period": {"start": sejour_choisi["date_entree"].strftime("%Y-%m-%d"),
               "end": sejour_choisi["date_sortie"].strftime("%Y-%m-%d")},
}
verifier_fhir(Encounter, sejour_reprise)

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
# 1. Dans la cellule de réponse, remplacez la fonction inachevée `creer_condition(code_cim10)` par
#    celle-ci, complétée : elle rend un dictionnaire `Condition` avec les champs `resourceType`, `code`
#    (système `ICD10`), `subject` et `encounter` :
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
def creer_condition(code_cim10):
    return ...  # VOTRE CODE ICI


conditions_fhir = ...  # VOTRE CODE ICI
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

# %% kit={"competences": ["interoperabilite", "nomenclatures"], "reponses": ["conditions_fhir"]} nbgrader={"grade": true, "grade_id": "q5-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q5", resume_fhir(Condition, conditions_fhir, "*.resourceType", "*.code.coding.0.system",
                               "*.code.coding.0.code", "*.subject.reference", "*.encounter.reference"))
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

champs = ("*.resourceType", "*.code.coding.0.system", "*.code.coding.0.code", "*.subject.reference",
          "*.encounter.reference")
principal, associes = sejour_choisi["diagnostic_principal"], list(das_choisis["code_cim10"])


def conditions(codes, systeme=ICD10, patient="Patient/" + patient_id_choisi, sejour="Encounter/" + sejour_id_choisi):
    """Les Condition de ces codes, résumées comme la réponse."""
    return resume_fhir(Condition, [{"resourceType": "Condition", "code": {"coding": [{"system": systeme, "code": code}]},
                                    "subject": {"reference": patient}, "encounter": {"reference": sejour}}
                                   for code in codes], *champs)


erreurs = {
    "Il manque le diagnostic principal : il vient en tête de liste, avant les diagnostics associés.": conditions(
        associes),
    "Il manque les diagnostics associés (das_choisis[\"code_cim10\"]) : une Condition pour chacun, après le "
    "diagnostic principal.": conditions([principal]),
    "Le diagnostic principal vient d'abord, puis les diagnostics associés.": conditions(associes + [principal]),
    "Les diagnostics sont codés en CIM-10 : \"system\": ICD10 (CCAM sert aux actes).": conditions(
        [principal] + associes, systeme=CCAM),
    "Une référence s'écrit \"Type/identifiant\" : \"Encounter/\" + sejour_id_choisi.": conditions(
        [principal] + associes, sejour=sejour_id_choisi),
    "Une référence s'écrit \"Type/identifiant\" : \"Patient/\" + patient_id_choisi.": conditions(
        [principal] + associes, patient=patient_id_choisi),
    "\"subject\" et \"encounter\" sont inversés : subject désigne le patient, encounter le séjour.": conditions(
        [principal] + associes, patient="Encounter/" + sejour_id_choisi, sejour="Patient/" + patient_id_choisi),
}
grade_answer(
    "q5", resume_fhir(Condition, conditions_fhir, *champs), conditions([principal] + associes), Text(),
    mistakes=erreurs,
    hint="Ce ne sont pas encore les Condition du séjour : une par code de la liste "
         "[sejour_choisi[\"diagnostic_principal\"]] + list(das_choisis[\"code_cim10\"]), avec le système ICD10 et "
         "les références au patient et au séjour.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante construit la liste des `Condition` du séjour
# avec le code ci-dessous, sous le nom `conditions_reprise` ; la question 7 l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q5-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
conditions_reprise = [
    {
        "resourceType": "Condition",
        "code": {"coding": [{"system": ICD10, "code": code}]},
        "subject": {"reference": "Patient/" + patient_id_choisi},
        "encounter": {"reference": "Encounter/" + sejour_id_choisi},
    }
    for code in [sejour_choisi["diagnostic_principal"]] + list(das_choisis["code_cim10"])
]
for condition in conditions_reprise:
    verifier_fhir(Condition, condition)

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
procedure_fhir = ...  # VOTRE CODE ICI
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

# %% kit={"competences": ["interoperabilite", "nomenclatures"], "reponses": ["procedure_fhir"]} nbgrader={"grade": true, "grade_id": "q6-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q6", resume_fhir(Procedure, procedure_fhir, "resourceType", "status", "code.coding.0.system",
                               "code.coding.0.code", "subject.reference", "encounter.reference", "performedDateTime"))
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

champs = ("resourceType", "status", "code.coding.0.system", "code.coding.0.code", "subject.reference",
          "encounter.reference", "performedDateTime")


def procedure(acte, **changes):
    """La Procedure de cet acte, avec quelques champs changés (None : le champ manque), résumée comme la réponse."""
    ressource = {
        "resourceType": "Procedure",
        "status": "completed",
        "code": {"coding": [{"system": CCAM, "code": acte["code_ccam"]}]},
        "subject": {"reference": "Patient/" + patient_id_choisi},
        "encounter": {"reference": "Encounter/" + sejour_id_choisi},
        "performedDateTime": acte["date_acte"].strftime("%Y-%m-%d"),
    }
    ressource = {cle: valeur for cle, valeur in {**ressource, **changes}.items() if valeur is not None}
    return resume_fhir(Procedure, ressource, *champs) if not fautes_fhir(Procedure, ressource) else None


premier = actes_choisis.iloc[0]
erreurs = {
    "C'est le dernier acte du séjour : la question porte sur le premier, actes_choisis.iloc[0].": procedure(
        actes_choisis.iloc[-1]),
    "Les actes sont codés en CCAM : \"system\": CCAM (ICD10 sert aux diagnostics).": procedure(
        premier, code={"coding": [{"system": ICD10, "code": premier["code_ccam"]}]}),
    "Un acte réalisé a le statut \"completed\" (\"finished\" sert aux séjours, les Encounter).": procedure(
        premier, status="finished"),
    "Il manque le statut de l'acte : \"status\": \"completed\".": procedure(premier, status=None),
    "La date de l'acte est dans la colonne date_acte, pas la date d'entrée du séjour.": procedure(
        premier, performedDateTime=sejour_choisi["date_entree"].strftime("%Y-%m-%d")),
    "Il manque la date de l'acte : \"performedDateTime\": acte[\"date_acte\"].strftime(\"%Y-%m-%d\").": procedure(
        premier, performedDateTime=None),
    "Une référence s'écrit \"Type/identifiant\" : \"Encounter/\" + sejour_id_choisi.": procedure(
        premier, encounter={"reference": sejour_id_choisi}),
    "Une référence s'écrit \"Type/identifiant\" : \"Patient/\" + patient_id_choisi.": procedure(
        premier, subject={"reference": patient_id_choisi}),
    "Il manque la référence au séjour : \"encounter\": {\"reference\": \"Encounter/\" + sejour_id_choisi}.": procedure(
        premier, encounter=None),
}
grade_answer(
    "q6", resume_fhir(Procedure, procedure_fhir, *champs), procedure(premier), Text(),
    mistakes={message: valeur for message, valeur in erreurs.items() if valeur is not None},
    hint="Ce n'est pas encore la Procedure du premier acte : reprenez les champs de la consigne, avec les valeurs "
         "de actes_choisis.iloc[0].",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante construit la `Procedure` du premier acte avec
# le code ci-dessous, sous le nom `procedure_reprise` ; la question 7 l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q6-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
procedure_reprise = {
    "resourceType": "Procedure",
    "status": "completed",
    "code": {"coding": [{"system": CCAM, "code": actes_choisis.iloc[0]["code_ccam"]}]},
    "subject": {"reference": "Patient/" + patient_id_choisi},
    "encounter": {"reference": "Encounter/" + sejour_id_choisi},
    "performedDateTime": actes_choisis.iloc[0]["date_acte"].strftime("%Y-%m-%d"),
}
verifier_fhir(Procedure, procedure_reprise)

# %% [markdown]
# ## Partie 5 : tout envoyer ensemble, le Bundle
#
# Pour transmettre le séjour au médecin traitant, on regroupe les ressources dans une **enveloppe**,
# la ressource `Bundle`. Son champ `"type"` dit à quoi elle sert (`"collection"` : un simple
# regroupement) et son champ `"entry"` est une liste d'entrées de la forme `{"resource": ...}`.
# Grâce aux références (`Patient/...`, `Encounter/...`), le destinataire sait relier chaque diagnostic
# et chaque acte au bon séjour et au bon patient.
#
# Le Bundle ne remplace pas le compte rendu que le médecin lit : le document lisible (souvent un PDF)
# reste utile et voyage en complément des données structurées (FHIR sait même joindre un document).
# L'un est fait pour être lu par un humain, l'autre pour être intégré par un logiciel sans ressaisie.

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Question 7 : construire et valider le Bundle (2 points)
#
# Créez la variable `bundle_fhir` : un `Bundle` de type `"collection"` qui contient, dans cet ordre, le
# patient, le séjour, tous les diagnostics et l'acte. Pour que cette question ne dépende pas de vos
# réponses précédentes, utilisez les ressources des points de reprise : `patient_reprise`,
# `sejour_reprise`, toutes les ressources de la liste `conditions_reprise`, puis `procedure_reprise`.
#
# Indice : `ressources = [patient_reprise, sejour_reprise] + conditions_reprise + [procedure_reprise]`
# met bout à bout les ressources (le `+` colle deux listes), puis
# `[{"resource": ressource} for ressource in ressources]` fabrique la liste des entrées.

# %% nbgrader={"grade": false, "grade_id": "q7-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
bundle_fhir = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
ressources = [patient_reprise, sejour_reprise] + conditions_reprise + [procedure_reprise]
bundle_fhir = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [{"resource": ressource} for ressource in ressources],
}
### END SOLUTION

# %% kit={"competences": ["interoperabilite"], "reponses": ["bundle_fhir"]} nbgrader={"grade": true, "grade_id": "q7-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q7", resume_fhir(Bundle, bundle_fhir, "resourceType", "type", "entry.*.resource.resourceType",
                               "entry.*.resource.id", "entry.*.resource.code.coding.0.code"))
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Text
from participant.checks import grade_answer

champs = ("resourceType", "type", "entry.*.resource.resourceType", "entry.*.resource.id",
          "entry.*.resource.code.coding.0.code")


def bundle(ressources, sorte="collection"):
    """Le Bundle de ces ressources, résumé comme la réponse."""
    return resume_fhir(Bundle, {"resourceType": "Bundle", "type": sorte,
                                "entry": [{"resource": ressource} for ressource in ressources]}, *champs)


toutes = [patient_reprise, sejour_reprise] + conditions_reprise + [procedure_reprise]
grade_answer(
    "q7", resume_fhir(Bundle, bundle_fhir, *champs), bundle(toutes), Text(),
    mistakes={
        "Le Bundle de cet exercice est un simple regroupement : \"type\": \"collection\".": bundle(
            toutes, "transaction"),
        "Le Bundle de cet exercice est un simple regroupement : \"type\": \"collection\" (pas \"document\", qui "
        "demanderait une ressource Composition en tête).": bundle(toutes, "document"),
        "Il manque des diagnostics : ajoutez toute la liste conditions_reprise (avec +), pas seulement sa première "
        "ressource.": bundle([patient_reprise, sejour_reprise, conditions_reprise[0], procedure_reprise]),
        "Il manque les diagnostics : ajoutez la liste conditions_reprise, avec +.": bundle(
            [patient_reprise, sejour_reprise, procedure_reprise]),
        "Il manque l'acte : terminez la liste par [procedure_reprise].": bundle(
            [patient_reprise, sejour_reprise] + conditions_reprise),
        "Il manque le patient : la liste commence par patient_reprise.": bundle(
            [sejour_reprise] + conditions_reprise + [procedure_reprise]),
        "Les ressources ne sont pas dans l'ordre demandé : patient, séjour, diagnostics, acte.": bundle(
            conditions_reprise + [patient_reprise, sejour_reprise, procedure_reprise]),
    },
    hint="Ce n'est pas encore le Bundle attendu : type \"collection\" et une entrée {\"resource\": ...} par "
         "ressource, dans l'ordre patient, séjour, diagnostics, acte.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre réponse soit juste ou non, la cellule suivante assemble le Bundle avec le code ci-dessous, sous
# le nom `bundle_reprise`, et affiche son texte JSON : c'est exactement ce qui circulerait entre le
# logiciel de l'hôpital et celui du médecin traitant, qui saurait le lire sans ressaisie.

# %% nbgrader={"grade": false, "grade_id": "q7-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
bundle_reprise = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [{"resource": ressource}
              for ressource in [patient_reprise, sejour_reprise] + conditions_reprise + [procedure_reprise]],
}
verifier_fhir(Bundle, bundle_reprise)
print(json.dumps(bundle_reprise, indent=1, ensure_ascii=False))


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
# avec le nombre de ressources de chaque type pour ces patients. Vous pouvez partir de ce modèle, à
# coller à la place de la fonction inachevée de la cellule de réponse :
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
#
# La cellule de vérification appelle votre fonction pour un groupe de patients : `dix_patients`, la
# liste des dix patients les plus hospitalisés, que la cellule suivante prépare. Exécutez-la.

# %% nbgrader={"grade": false, "grade_id": "groupe-dix-patients", "locked": true, "schema_version": 3, "solution": false, "task": false}
dix_patients = list(sejours.groupby("patient_id").size().sort_values(ascending=False, kind="stable").index[:10])
print(len(dix_patients), "patients ; le premier :", dix_patients[0])

# %% nbgrader={"grade": false, "grade_id": "q8-reponse", "locked": false, "schema_version": 3, "solution": true, "task": false}
def compter_ressources(identifiants):
    return ...  # VOTRE CODE ICI


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

# %% kit={"appels": {"compter_ressources": ["dix_patients"]}, "competences": ["interoperabilite", "parcours"], "reponses": []} nbgrader={"grade": true, "grade_id": "q8-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q8", compter_ressources(dix_patients))
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

du_groupe = sejours[sejours["patient_id"].isin(dix_patients)]
das_du_groupe = int(diagnostics["sejour_id"].isin(du_groupe["sejour_id"]).sum())
attendu = {
    "Patient": int(patients["patient_id"].isin(dix_patients).sum()),
    "Encounter": len(du_groupe),
    "Condition": len(du_groupe) + das_du_groupe,
    "Procedure": int(actes["sejour_id"].isin(du_groupe["sejour_id"]).sum()),
}
grade_answer(
    "q8", compter_ressources(dix_patients), attendu, Series(),
    mistakes={
        "\"Condition\" : il manque les diagnostics principaux, un par séjour du groupe, à ajouter aux diagnostics "
        "associés.": {**attendu, "Condition": das_du_groupe},
        "\"Condition\" : il manque les diagnostics associés des séjours du groupe (table diagnostics).": {
            **attendu, "Condition": len(du_groupe)},
        "\"Condition\" : comptez seulement les diagnostics associés des séjours du groupe "
        "(diagnostics[\"sejour_id\"].isin(...)), pas toute la table.": {
            **attendu, "Condition": len(du_groupe) + len(diagnostics)},
        "\"Procedure\" : comptez seulement les actes des séjours du groupe "
        "(actes[\"sejour_id\"].isin(sejours_du_groupe[\"sejour_id\"]).sum()), pas toute la table.": {
            **attendu, "Procedure": len(actes)},
        "\"Encounter\" : comptez les séjours du groupe (len(sejours_du_groupe)), pas toute la table.": {
            **attendu, "Encounter": len(sejours)},
        "\"Patient\" : comptez les patients de la liste (.isin(identifiants).sum()), pas toute la table.": {
            **attendu, "Patient": len(patients)},
        "\"Procedure\" : les actes se relient aux séjours par sejour_id ; comparez-les aux séjours du groupe, "
        "pas aux identifiants de patients.": {**attendu, "Procedure": 0},
    },
    hint="Ce ne sont pas les bons nombres pour ce groupe : reprenez le modèle de la consigne, une clé après l'autre.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8-reprise-consigne", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Point de reprise
#
# Que votre fonction soit juste ou non, la cellule suivante définit avec le code ci-dessous la fonction
# `compter_ressources_reprise`, qui compte de la même façon ; le graphique qui suit l'utilise.

# %% nbgrader={"grade": false, "grade_id": "q8-reprise", "locked": true, "schema_version": 3, "solution": false, "task": false}
def compter_ressources_reprise(identifiants):
    sejours_du_groupe = sejours[sejours["patient_id"].isin(identifiants)]
    return {
        "Patient": int(patients["patient_id"].isin(identifiants).sum()),
        "Encounter": len(sejours_du_groupe),
        "Condition": len(sejours_du_groupe) + int(diagnostics["sejour_id"].isin(sejours_du_groupe["sejour_id"]).sum()),
        "Procedure": int(actes["sejour_id"].isin(sejours_du_groupe["sejour_id"]).sum()),
    }


# %% [markdown]
# Voici le volume de ressources qu'il faudrait échanger pour les dix patients les plus hospitalisés :
# exécutez la cellule.

# %%
volumes = pd.Series(compter_ressources_reprise(dix_patients), name="ressources")
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
# dictionnaire `reponses_quiz`, qui a une clé par lettre, de `"a"` à `"h"` :
# `reponses_quiz = {"a": ..., "b": ..., "c": ..., "d": ..., "e": ..., "f": ..., "g": ..., "h": ...}`.
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
reponses_quiz = ...  # VOTRE CODE ICI
### BEGIN SOLUTION
reponses_quiz = {"a": True, "b": False, "c": True, "d": False, "e": True, "f": True, "g": True, "h": False}
### END SOLUTION

# %% kit={"competences": ["services-numeriques", "cadre-juridique"], "reponses": ["reponses_quiz"]} nbgrader={"grade": true, "grade_id": "q9-test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
check_answer("q9", reponses_quiz)
### BEGIN HIDDEN TESTS
from participant.answer_kinds import Series
from participant.checks import grade_answer

attendu = {"a": True, "b": False, "c": True, "d": False, "e": True, "f": True, "g": True, "h": False}
a_relire = {
    "a": "l'ouverture de Mon espace santé",
    "b": "la fermeture de Mon espace santé",
    "c": "le dossier médical et le DMP",
    "d": "qui peut consulter Mon espace santé",
    "e": "ce que le patient peut décider lui-même",
    "f": "la messagerie de Mon espace santé",
    "g": "le QR code de l'ordonnance numérique",
    "h": "ce que l'ordonnance numérique change pour une photocopie",
}
grade_answer(
    "q9", reponses_quiz, attendu, Series(),
    mistakes={
        "Toutes vos réponses sont inversées : True veut dire vrai, False veut dire faux.": {
            lettre: not reponse for lettre, reponse in attendu.items()},
        "Toutes les affirmations ne sont pas vraies : relisez la partie 7, certaines sont fausses.": dict.fromkeys(
            attendu, True),
        "Toutes les affirmations ne sont pas fausses : relisez la partie 7, certaines sont vraies.": dict.fromkeys(
            attendu, False),
        **{f"Une seule affirmation est mal jugée : relisez ce que dit la partie 7 sur {sujet}.": {
            **attendu, lettre: not attendu[lettre]} for lettre, sujet in a_relire.items()},
    },
    hint="Gardez les huit clés \"a\" à \"h\", en minuscules, chacune avec True ou False (sans guillemets).",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "identite-ins", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Échanger sans se tromper de patient : INS, identitovigilance et sécurité
#
# Les références `Patient/...` relient automatiquement chaque diagnostic et chaque acte à un patient :
# une erreur d'identité se propage donc à tout ce qui est échangé. D'où deux notions à connaître.
#
# - L'**identité nationale de santé (INS)** : depuis le 1er janvier 2021, les professionnels et les
#   établissements doivent référencer les données de santé qu'ils échangent avec l'INS du patient. Elle
#   se compose du **matricule INS** (le numéro de sécurité sociale, NIR, ou à défaut un numéro d'attente,
#   NIA) et des **traits d'identité de référence** : nom et prénom(s) de naissance, date et lieu de
#   naissance, sexe. Le logiciel la récupère auprès de l'Assurance maladie par le téléservice **INSi** ;
#   dans une ressource FHIR `Patient`, elle figure dans le champ `identifier`.
# - L'**identitovigilance** : l'organisation et les contrôles qui garantissent que « le bon patient
#   reçoit le bon soin » et que ses données sont rangées dans le bon dossier : vérifier une pièce
#   d'identité à l'accueil avant de qualifier l'INS, éviter les doublons (un patient, deux dossiers) et
#   les collisions (deux patients, un dossier), signaler et corriger les erreurs.
#
# Échanger des données structurées demande aussi de maîtriser trois risques :
#
# - la **confidentialité** : envoyer par une messagerie sécurisée de santé (pas une messagerie grand
#   public), avec des professionnels authentifiés (carte CPS ou e-CPS), des échanges chiffrés et des accès
#   tracés ;
# - l'**erreur propagée automatiquement** : un mauvais code ou un mauvais patient passe tout seul d'un
#   logiciel à l'autre ; d'où la validation des ressources et le contrôle des codes autorisés, que la
#   bibliothèque ne fait pas seule (vous l'avez vu avec `"femme"`) ;
# - les **données en trop** : n'envoyer que ce qui sert à la prise en charge (principe de
#   **minimisation** du RGPD).

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
# - Enrichissez une copie de `patient_reprise` avec le nom (`"name": [{"family": ligne_patient["nom"], "given": [ligne_patient["prenom"]]}]`)
#   et une copie de `sejour_reprise` avec l'établissement (`"serviceProvider": {"reference": "Organization/" + sejour_choisi["finess"]}`),
#   puis revalidez-les avec `verifier_fhir` (`{**patient_reprise, "name": [...]}` fait une copie enrichie).
# - Dans un terminal, exportez un petit jeu complet en FHIR :
#   `python -m generators --patients 2000 --out /tmp/essai_fhir --fhir`, puis lisez un fichier avec
#   `pd.read_json("/tmp/essai_fhir/fhir/Patient.ndjson", lines=True)` et comparez les volumes avec la
#   fonction `compter_ressources_reprise`.
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
# - Une donnée échangée se rattache au bon patient grâce à l'**INS** (matricule et traits d'identité) et à
#   l'**identitovigilance** ; un échange sûr est confidentiel, validé et limité au nécessaire.
