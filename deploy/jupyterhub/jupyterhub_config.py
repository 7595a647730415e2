"""JupyterHub for a course of the kit: students log in with their Unix account and password (PAM), each
gets a JupyterLab of their own (in French, with nbgrader's Assignments tab) running as their account,
and assignments and feedback go through nbgrader's exchange, a folder they all share.

Start it as root from the kit's environment, with configurable-http-proxy on PATH
(`npm install -g configurable-http-proxy`):

    KIT_HUB_USERS=alice,bob KIT_HUB_ADMINS=prof .venv/bin/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

Every setting that differs from one machine to another is an environment variable (KIT_...), read
below with its default; tests/test_jupyterhub.py starts this very file on free ports. The students'
nbgrader settings (exchange and course id) are in nbgrader_config.py, beside this file.

Put the hub behind your faculty's HTTPS reverse proxy (or set c.JupyterHub.ssl_cert / ssl_key): it
serves plain HTTP.
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)
HERE = Path(__file__).resolve().parent

# --- Network: the public address (what the browsers open), the hub's internal API (single-user servers
# talk to it) and the proxy's API (the hub adds a route per running server).
c.JupyterHub.bind_url = os.environ.get("KIT_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{os.environ.get('KIT_HUB_API_PORT', '8081')}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('KIT_HUB_PROXY_API_PORT', '8001')}"

# --- The hub's own state: its database, cookie secret and the proxy's process id, in a folder only
# root reads (it holds secrets).
STATE = Path(os.environ.get("KIT_HUB_STATE", "/srv/jupyterhub"))
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")

# --- Who logs in: JupyterHub's default authenticator, PAM, checks the account's own Unix password (the
# hub runs as root to read it). Only the accounts listed may log in; for a whole class, a Unix group is
# simpler: c.PAMAuthenticator.allowed_groups = {"etudiants-sante"}.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = {name for name in os.environ.get("KIT_HUB_USERS", "").split(",") if name}
c.Authenticator.admin_users = {name for name in os.environ.get("KIT_HUB_ADMINS", "").split(",") if name}

# --- Each user's JupyterLab: a process of their own account (LocalProcessSpawner, the default) in
# their home folder. The Python that runs it must be readable by every account: by default this hub's
# own (the kit's .venv, installed with `make` or `pip install -e '.[ci]'`, whose share/jupyter holds
# nbgrader's lab extension and binder/overrides.json, the setting that makes JupyterLab French).
PYTHON = os.environ.get("KIT_STUDENT_PYTHON", sys.executable)
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [PYTHON, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab"
# Kernels reached through Unix sockets in the student's own runtime folder, not TCP ports on 127.0.0.1 that
# every account of the machine may connect to and listen on (what a cell prints, answers included).
c.Spawner.args = ["--KernelManager.transport=ipc"]
c.Spawner.notebook_dir = "~"
c.Spawner.start_timeout = 120  # a first start on a busy machine imports a lot
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    "PATH": os.pathsep.join([str(Path(PYTHON).parent), "/usr/local/bin", "/usr/bin", "/bin"]),
    # nbgrader reads its configuration from Jupyter's config path: this folder's nbgrader_config.py.
    "JUPYTER_CONFIG_PATH": str(HERE),
    "KIT_EXCHANGE": os.environ.get("KIT_EXCHANGE", "/srv/nbgrader/exchange"),
    "KIT_COURSE_ID": os.environ.get("KIT_COURSE_ID", "innov-health"),
    # The class's dataset (read-only for students): the notebooks' load_table reads it, and the answer keys
    # of `python -m grading release --data DIR` were made on it, so that « ✅ Bonne réponse » is right.
    "KIT_DATASET": os.environ.get("KIT_DATASET", "/srv/innov-health/datasets/generated"),
}
# Stop the single-user servers with the hub (the default), so that nothing keeps running as a student.
c.JupyterHub.cleanup_servers = True
