"""What each table and column means: the source of the data dictionary (in French, for participants)."""

TABLES = {
    "patients": {
        "description": "Population résidente simulée : une ligne par personne, "
                       "vivante au début de la période.",
        "columns": {
            "patient_id": "Identifiant pseudonyme (hachage salé, comme dans le SNDS) ; ce n'est pas un NIR.",
            "sexe": "M ou F.",
            "date_naissance": "Date de naissance.",
            "code_postal": "Code postal de résidence.",
            "commune": "Commune de résidence (le chef-lieu est réel, les autres communes sont fictives).",
            "departement": "Code du département de résidence (01 à 95, 2A, 2B, 971 à 976).",
            "region": "Région de résidence (13 régions métropolitaines, 5 d'outre-mer).",
            "date_deces": "Date du décès s'il survient pendant la période, sinon vide.",
            "nom": "Nom de famille (fictif) : donnée directement identifiante, pour les exercices de protection des données.",
            "prenom": "Prénom (fictif) : donnée directement identifiante.",
            "adresse": "Numéro et voie (fictifs) : donnée directement identifiante.",
            "telephone": "Numéro de téléphone (fictif) : donnée directement identifiante.",
        },
    },
}


def data_dictionary_markdown() -> str:
    lines = ["# Dictionnaire des données", "",
             "Données entièrement synthétiques : aucune ligne ne décrit une personne réelle.", ""]
    for table, spec in TABLES.items():
        lines += [f"## `{table}`", "", spec["description"], "", "| colonne | signification |", "| --- | --- |"]
        lines += [f"| `{column}` | {meaning} |" for column, meaning in spec["columns"].items()]
        lines.append("")
    return "\n".join(lines)
