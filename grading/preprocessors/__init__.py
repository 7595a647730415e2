"""The kit's nbgrader preprocessors, one per file, in nbgrader's own pipeline (see grading.nbgrader_setup)."""

from grading.preprocessors.embed_answer_keys import EmbedAnswerKeys
from grading.preprocessors.plotly_offline import PlotlyOffline
from grading.preprocessors.restore_locked_cells import RestoreLockedCells
from grading.preprocessors.sandboxed_execute import SandboxedExecute
from grading.preprocessors.sanitize_outputs import SanitizeOutputs

__all__ = ["EmbedAnswerKeys", "PlotlyOffline", "RestoreLockedCells", "SandboxedExecute", "SanitizeOutputs"]
