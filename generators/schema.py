"""Every table and column the generator writes: Arrow type, French meaning, code lists.

The one source of the Parquet schemas, the CSV rendering and the data
dictionary (dictionnaire.md beside the data, and datasets/README.md).
"""

from dataclasses import dataclass, field

import pyarrow as pa

TYPES = {  # column kind -> (Arrow type, how the dictionary names it)
    "text": (pa.string(), "texte"),
    "code": (pa.string(), "code (texte)"),
    "int": (pa.int32(), "entier"),
    "euros": (pa.int32(), "entier (euros)"),
    "bool": (pa.bool_(), "booléen"),
    "float": (pa.float64(), "nombre décimal"),
    "date": (pa.timestamp("ms"), "date"),
    "datetime": (pa.timestamp("ms"), "date et heure"),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    meaning: str
    codes: dict[str, str] = field(default_factory=dict)
    distinct: bool = False  # values (nearly) all different: not worth a dictionary in the file


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    columns: tuple[Column, ...]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, TYPES[c.kind][0]) for c in self.columns])

    def date_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.kind == "date"]


MODE_ENTREE = {
    "6": "mutation (autre unité du même établissement)",
    "7": "transfert (autre établissement)",
    "8": "domicile",
}
PROVENANCE = {"1": "MCO", "2": "soins de suite et de réadaptation (SSR)", "5": "passage aux urgences"}
MODE_SORTIE = {"6": "mutation", "7": "transfert", "8": "domicile", "9": "décès"}
DESTINATION = {
    "1": "MCO",
    "2": "soins de suite et de réadaptation (SSR)",
    "7": "structure d'hébergement médico-sociale",
}

TABLES = {
    t.name: t
    for t in (
        Table(
            "patients",
            "Population résidente simulée : une ligne par personne vivante au début de la période, puis "
            "une par enfant né pendant la période (date de naissance dans la période, même adresse que sa mère).",
            (
                Column(
                    "patient_id",
                    "code",
                    "Identifiant pseudonyme (hachage salé, comme dans le SNDS) ; ce n'est pas un NIR.",
                    distinct=True,
                ),
                Column("sexe", "code", "Sexe.", {"F": "femme", "M": "homme"}),
                Column("date_naissance", "date", "Date de naissance."),
                Column("code_postal", "code", "Code postal de résidence (La Poste)."),
                Column("commune", "text", "Commune de résidence (réelle, tirée en proportion de sa population)."),
                Column(
                    "code_commune",
                    "code",
                    "Code officiel géographique (INSEE) de la commune de résidence ; à Paris, Lyon et "
                    "Marseille, celui de l'arrondissement.",
                ),
                Column("departement", "code", "Code du département de résidence (01 à 95, 2A, 2B, 971 à 976)."),
                Column("region", "text", "Région de résidence (13 régions métropolitaines, 5 d'outre-mer)."),
                Column("date_deces", "date", "Date du décès s'il survient pendant la période, sinon vide."),
                Column(
                    "nom",
                    "text",
                    "Nom de famille (fictif) : donnée directement identifiante, "
                    "pour les exercices de protection des données.",
                ),
                Column("prenom", "text", "Prénom (fictif) : donnée directement identifiante."),
                Column("adresse", "text", "Numéro et voie (fictifs) : donnée directement identifiante.", distinct=True),
                Column(
                    "telephone",
                    "text",
                    "Numéro de téléphone (fictif) : donnée directement identifiante.",
                    distinct=True,
                ),
            ),
        ),
        Table(
            "etablissements",
            "Établissements de santé MCO (médecine, chirurgie, obstétrique) fictifs, dans des communes réelles.",
            (
                Column(
                    "finess",
                    "code",
                    "Numéro FINESS fictif de l'établissement (9 caractères, clé de contrôle comprise).",
                ),
                Column("nom", "text", "Nom de l'établissement (fictif, sauf la ville et les CHU, CHR et CLCC)."),
                Column(
                    "categorie",
                    "code",
                    "Catégorie.",
                    {
                        "CHU": "centre hospitalier universitaire (ou régional : CHR), dans une ville de CHU réelle",
                        "CH": "centre hospitalier",
                        "ESPIC": "établissement privé d'intérêt collectif",
                        "clinique privée": "clinique privée à but lucratif",
                        "CLCC": "centre de lutte contre le cancer, dans une ville de CLCC réelle",
                    },
                ),
                Column("departement", "code", "Département d'implantation."),
                Column("region", "text", "Région d'implantation."),
                Column("commune", "text", "Commune d'implantation (réelle)."),
                Column("code_commune", "code", "Code officiel géographique (INSEE) de la commune d'implantation."),
                Column("latitude", "float", "Latitude de la commune (degrés)."),
                Column("longitude", "float", "Longitude de la commune (degrés)."),
                Column("ght", "code", "Groupement hospitalier de territoire (établissements publics), sinon vide."),
                Column("lits", "int", "Nombre de lits d'hospitalisation complète."),
                Column("urgences", "bool", "L'établissement a-t-il un service d'urgences ?"),
                Column(
                    "date_programme_sortie",
                    "date",
                    "Date à laquelle l'établissement a lancé un programme de sortie "
                    "coordonnée (innovation organisationnelle à évaluer), sinon vide.",
                ),
            ),
        ),
        Table(
            "sejours",
            "Séjours hospitaliers MCO, à la manière des résumés de sortie anonymes (RSA) du PMSI.",
            (
                Column("sejour_id", "code", "Identifiant du séjour.", distinct=True),
                Column("patient_id", "code", "Patient hospitalisé (voir la table patients).", distinct=True),
                Column("finess", "code", "Établissement (voir la table etablissements)."),
                Column("date_entree", "date", "Date d'entrée."),
                Column("date_sortie", "date", "Date de sortie."),
                Column("duree_sejour", "int", "Durée du séjour en nuits (0 : ambulatoire ou séance)."),
                Column("mode_entree", "code", "Mode d'entrée (codes PMSI).", MODE_ENTREE),
                Column(
                    "provenance",
                    "code",
                    "Provenance, précise le mode d'entrée (codes PMSI) ; vide si domicile sans passage aux urgences.",
                    PROVENANCE,
                ),
                Column("mode_sortie", "code", "Mode de sortie (codes PMSI).", MODE_SORTIE),
                Column(
                    "destination",
                    "code",
                    "Destination, précise le mode de sortie (codes PMSI) ; souvent vide.",
                    DESTINATION,
                ),
                Column("diagnostic_principal", "code", "Diagnostic principal, code CIM-10."),
                Column(
                    "ghm",
                    "code",
                    "Groupe homogène de malades (6 caractères : CMD, type, racine, sévérité ; "
                    "28Z.. = séances, 14.. = obstétrique).",
                ),
                Column(
                    "tarif_ghs",
                    "euros",
                    "Tarif du groupe homogène de séjours (tarif GHS de l'année de sortie, secteur public, euros).",
                ),
                Column(
                    "sejour_mere_id",
                    "code",
                    "Séjour d'un nouveau-né (CMD 15) : le séjour d'accouchement de sa mère (chaînage "
                    "mère-enfant) ; vide pour les autres séjours.",
                ),
            ),
        ),
        Table(
            "diagnostics",
            "Diagnostics associés (secondaires) de chaque séjour.",
            (
                Column("sejour_id", "code", "Séjour (voir la table sejours).", distinct=True),
                Column("rang", "int", "Rang du diagnostic associé dans le séjour (1, 2, ...)."),
                Column("code_cim10", "code", "Diagnostic associé, code CIM-10."),
            ),
        ),
        Table(
            "actes",
            "Actes médicaux réalisés pendant les séjours (CCAM).",
            (
                Column("sejour_id", "code", "Séjour (voir la table sejours).", distinct=True),
                Column("code_ccam", "code", "Code de l'acte dans la Classification commune des actes médicaux."),
                Column("date_acte", "date", "Date de réalisation."),
            ),
        ),
        Table(
            "urgences",
            "Passages aux urgences, à la manière des résumés de passage aux urgences (RPU).",
            (
                Column("passage_id", "code", "Identifiant du passage.", distinct=True),
                Column("patient_id", "code", "Patient (voir la table patients).", distinct=True),
                Column("finess", "code", "Établissement (voir la table etablissements)."),
                Column("date_heure_arrivee", "datetime", "Date et heure d'arrivée."),
                Column("date_heure_sortie", "datetime", "Date et heure de sortie des urgences."),
                Column(
                    "niveau_tri",
                    "int",
                    "Niveau de tri infirmier (échelle FRENCH : 1 = urgence vitale ... 5 = non urgent).",
                ),
                Column(
                    "mode_sortie",
                    "code",
                    "Mode de sortie des urgences.",
                    {"6": "hospitalisation dans l'établissement", "8": "retour à domicile"},
                ),
                Column(
                    "sejour_id", "code", "Séjour qui a suivi le passage (hospitalisation), sinon vide.", distinct=True
                ),
            ),
        ),
        Table(
            "telesurveillance",
            "Télésurveillance à domicile de l'insuffisance cardiaque : une ligne par jour de mesure, "
            "pendant les 6 mois qui suivent le premier séjour pour insuffisance cardiaque (I50). "
            "Une décompensation se lit dans la table sejours : un nouveau séjour I50.",
            (
                Column("patient_id", "code", "Patient télésurveillé (voir la table patients)."),
                Column(
                    "date_mesure",
                    "date",
                    "Jour de la mesure (pas de mesure pendant une hospitalisation ni certains jours).",
                ),
                Column("poids_kg", "float", "Poids (kg, au dixième)."),
                Column("pression_systolique", "int", "Pression artérielle systolique (mmHg)."),
                Column("pression_diastolique", "int", "Pression artérielle diastolique (mmHg)."),
                Column("frequence_cardiaque", "int", "Fréquence cardiaque au repos (battements par minute)."),
            ),
        ),
        Table(
            "journaux_acces",
            "Journaux d'accès au dossier patient informatisé, sur les 4 dernières semaines de la période : "
            "connexions des agents et dossiers ouverts. Quelques incidents de sécurité s'y cachent.",
            (
                Column("horodatage", "datetime", "Date et heure de l'événement (à la minute)."),
                Column("finess", "code", "Établissement dont le système d'information enregistre l'événement."),
                Column(
                    "agent_id",
                    "code",
                    "Compte utilisateur de l'agent (ou nom d'utilisateur essayé, pour une connexion).",
                ),
                Column("service_agent", "code", "Service de l'agent ; vide pour un nom d'utilisateur inconnu."),
                Column("poste", "code", "Poste de travail d'où vient l'événement."),
                Column(
                    "action",
                    "code",
                    "Ce que fait l'agent.",
                    {
                        "connexion": "connexion au système d'information",
                        "consultation": "ouverture du dossier d'un patient",
                        "export": "export du dossier d'un patient",
                    },
                ),
                Column("resultat", "code", "Résultat.", {"succes": "réussi", "echec": "échec (mot de passe refusé)"}),
                Column("patient_id", "code", "Patient dont le dossier est ouvert ; vide pour une connexion."),
                Column(
                    "service_patient",
                    "code",
                    "Service où le patient est hospitalisé au moment de l'accès ; vide s'il ne l'est pas.",
                ),
            ),
        ),
    )
}


def data_dictionary_markdown() -> str:
    lines = [
        "# Dictionnaire des données",
        "",
        "Données entièrement synthétiques : aucune ligne ne décrit une personne réelle. "
        "Codes CIM-10, CCAM et GHM : voir les tables de référence du générateur (`generators/reference/`).",
        "",
    ]
    for table in TABLES.values():
        lines += [
            f"## `{table.name}`",
            "",
            table.meaning,
            "",
            "| colonne | type | signification |",
            "| --- | --- | --- |",
        ]
        for column in table.columns:
            meaning = column.meaning
            if column.codes:
                meaning += " " + " ; ".join(f"`{code}` {label}" for code, label in column.codes.items()) + "."
            lines.append(f"| `{column.name}` | {TYPES[column.kind][1]} | {meaning} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m generators.schema > ... prints the dictionary
    print(data_dictionary_markdown(), end="")
