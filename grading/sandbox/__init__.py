"""Running untrusted notebooks: bubblewrap around them (bubblewrap.py), the runner inside (run_notebook.py),
and the small result file the runner writes and the grader reads (result.py)."""

from grading.sandbox.bubblewrap import Limits, Sandbox, SandboxUnavailable, sandbox_available
from grading.sandbox.result import Outcome

__all__ = ["Limits", "Outcome", "Sandbox", "SandboxUnavailable", "sandbox_available"]
