"""EmbedAnswerKeys: at release, appends the notebook's answer key (grading.answer_keys) to the set-up cell
that imports check_answer, before nbgrader computes the locked cells' checksums and saves them in the
gradebook: the released notebook, its Validate button and the grading all see the same set-up cell."""

from pathlib import Path

from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from grading.questions import is_setup

KEY_LINES = (
    "\n\n# Empreintes illisibles des bonnes réponses, pour les cellules de vérification. Ne pas modifier.\n"
    "from participant.checks import load_answer_keys\n"
    'load_answer_keys("{key}")\n'
)


class EmbedAnswerKeys(NbGraderPreprocessor):
    keys_directory = Unicode("", help="folder of NOTEBOOK.key files for the assignment being released").tag(config=True)

    def preprocess(self, nb, resources):
        key_file = Path(self.keys_directory) / f"{resources['unique_key']}.key"
        if not self.keys_directory or not key_file.is_file():
            return nb, resources
        setup = [cell for cell in nb.cells if is_setup(cell) and "check_answer" in cell.source]
        if not setup:
            raise ValueError(f"{resources['unique_key']}: no locked set-up cell imports check_answer")
        setup[0].source = setup[0].source.rstrip() + KEY_LINES.format(key=key_file.read_text(encoding="utf-8"))
        return nb, resources
