"""publish: the student-facing kit, a folder ready to push to a repository that participants
open in JupyterLab or on Binder.

DIR/
  LISEZMOI.md (README.md too)   for participants, in French, with a Binder link per notebook
  carnets/NAME/NAME.ipynb        the release notebooks (no solution, no hidden test)
  datathon/                      the starting kits of the challenges (not their data, not their labels)
  dictionnaire.md                the data dictionary
  participant/                   what the notebooks import: the dataset loader and the self-checks
  generators/, common/           the generator, to make the data (Binder does it at build time)
  pyproject.toml, environment.yml, binder/

Nothing else of the instructor's kit goes there: no course sources, samples or challenge
files, no gradebook, no truth file, no datathon labels. Every text file is checked for the
markers of solutions and hidden tests before the folder is put in place.
"""

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import nbformat

from common.files import staged_folder
from generators.settings import DATASET_DIR
from grading.errors import GradingError
from grading.paths import KIT_DIR, Workspace
from grading.steps.release import release

MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
BINDER = "https://mybinder.org/v2/gh/{repository}/HEAD?urlpath=lab/tree/{path}"
PACKAGES = ("participant", "generators", "common")  # whole, as they are in the kit
KIT_FILES = ("pyproject.toml", "environment.yml", "binder/environment.yml", "binder/postBuild")


def publish_kit(
    workspace: Workspace,
    out: Path,
    repository: str | None = None,
    overwrite: bool = False,
    say: Callable[[str], None] = lambda line: None,
) -> list[Path]:
    """publish's command: `repository` (OWNER/REPO) gives the README its Binder links."""
    if repository and not re.fullmatch(r"[\w.-]+/[\w.-]+", repository):
        raise GradingError(f"--github expects OWNER/REPO, got {repository!r}")
    notebooks = publish(workspace, out, repository, overwrite)
    say(
        f"published {len(notebooks)} notebook(s) into {out}; push it to "
        + (f"https://github.com/{repository}" if repository else "a repository (see --github for Binder links)")
    )
    return notebooks


def publish(workspace: Workspace, out: Path, repository: str | None = None, overwrite: bool = False) -> list[Path]:
    """Writes the student kit into `out` (atomically); returns its notebooks."""
    if out.resolve() == KIT_DIR or KIT_DIR in out.resolve().parents:
        raise GradingError(f"{out} is inside the instructor's kit; publish somewhere else")
    with staged_folder(out, overwrite) as staging:
        notebooks = _write(workspace, staging, repository)
        leaks = [path for path in staging.rglob("*") if path.is_file() and _has_markers(path)]
        if leaks:
            raise GradingError(
                f"{leaks[0].relative_to(staging)} still holds a solution or a hidden test; "
                "nothing published: check its nbgrader metadata"
            )
        relative = [n.relative_to(staging) for n in notebooks]
    return [out / n for n in relative]


def _write(workspace: Workspace, folder: Path, repository: str | None) -> list[Path]:
    notebooks = []
    with tempfile.TemporaryDirectory() as scratch:
        released = Workspace(root=Path(scratch), course=workspace.course)
        for assignment in released.assignments():
            release(released, assignment)
            for notebook in sorted(released.release_dir(assignment).glob("*.ipynb")):
                target = folder / "carnets" / assignment / notebook.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(notebook, target)
                notebooks.append(target)
    for kit in sorted((workspace.course / "datathon").glob("kit_de_depart_*.ipynb")):
        (folder / "datathon").mkdir(exist_ok=True)
        shutil.copy(kit, folder / "datathon" / kit.name)
    for package in PACKAGES:
        shutil.copytree(KIT_DIR / package, folder / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in KIT_FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(KIT_DIR / name, folder / name)
    from generators.schema import data_dictionary_markdown

    (folder / "dictionnaire.md").write_text(data_dictionary_markdown(), encoding="utf-8")
    (folder / ".gitignore").write_text(f"{DATASET_DIR.as_posix()}/\n.venv/\n.ipynb_checkpoints/\n")
    readme = _readme(folder, notebooks, repository)
    (folder / "LISEZMOI.md").write_text(readme, encoding="utf-8")
    (folder / "README.md").write_text(readme, encoding="utf-8")
    return notebooks


def _has_markers(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    return any(marker in text for marker in MARKERS)


def binder_link(repository: str, path: str) -> str:
    return BINDER.format(repository=repository, path=path)


def _readme(folder: Path, notebooks: list[Path], repository: str | None) -> str:
    rows = []
    for notebook in notebooks:
        path = notebook.relative_to(folder).as_posix()
        title = nbformat.read(notebook, as_version=4).cells[0].source.splitlines()[0].lstrip("# ").strip()
        link = f"[ouvrir sur Binder]({binder_link(repository, path)})" if repository else "—"
        rows.append(f"| {title} | `{path}` | {link} |")
    binder = (
        f"[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/{repository}/HEAD?urlpath=lab)"
        if repository
        else "(Votre formateur ajoute ici le lien Binder du dépôt où il a publié ce kit.)"
    )
    return f"""# Kit Innov'Health : carnets pour apprendre à questionner des données de santé

Ce dossier contient les carnets Jupyter de votre formation, en français. Toutes les données sont
**synthétiques** : elles ressemblent à des données hospitalières françaises, mais aucune ligne ne
décrit une personne réelle.

## Ouvrir les carnets sur Binder (rien à installer)

{binder}

Binder ouvre JupyterLab dans votre navigateur ; la première ouverture prend quelques minutes
(il prépare l'environnement et génère les données). Pensez à **télécharger votre carnet** (menu
*File › Download*) avant de fermer l'onglet : Binder n'enregistre rien.

| carnet | fichier | lien |
| --- | --- | --- |
{chr(10).join(rows)}

## Ou sur votre ordinateur

Avec Python 3.11 ou plus récent :

```sh
python -m venv .venv && . .venv/bin/activate
pip install -e .
python -m generators                               # les données (une dizaine de secondes)
jupyter lab
```

## Travailler dans un carnet

1. Exécutez les cellules dans l'ordre (Maj + Entrée), en commençant par la mise en place.
2. Répondez dans les cellules marquées `# VOTRE CODE ICI` (ou `VOTRE RÉPONSE ICI` pour un texte).
3. Exécutez la cellule de vérification sous chaque question : elle répond « ✅ Bonne réponse » ou
   vous donne un indice. Votre formateur corrige ensuite avec des tests complémentaires.
4. Rendez le carnet comme votre formateur l'indique (dépôt Moodle ou bouton *Submit*).

Le dictionnaire des données est dans `dictionnaire.md`. Les kits de départ du datathon sont dans
`datathon/` ; les données du datathon vous sont remises le jour de l'épreuve.
"""
