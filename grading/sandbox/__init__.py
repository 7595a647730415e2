"""Running untrusted notebooks: bubblewrap around them (bubblewrap.py, cgroup.py), the runner inside
(run_notebook.py), the tests' own process (check_answers.py), and how a run ended (result.py)."""

from grading.sandbox.bubblewrap import Limits, Sandbox, SandboxUnavailable, sandbox_available
from grading.sandbox.result import Outcome

__all__ = ["Limits", "Outcome", "Sandbox", "SandboxUnavailable", "sandbox_available"]
