"""nbgrader's settings for the students' JupyterLab on the kit's JupyterHub (jupyterhub_config.py beside
this file puts this folder on JUPYTER_CONFIG_PATH): where the exchange is and which course it serves.

The instructor uses the same two values with the kit's commands:

    python -m grading release 00_prise_en_main --exchange /srv/nbgrader/exchange --course-id innov-health
    python -m grading collect /srv/nbgrader/exchange --assignment 00_prise_en_main --due "2026-11-30 18:00"
    python -m grading feedback --exchange /srv/nbgrader/exchange --course-id innov-health

The exchange is a folder every account may write, with the sticky bit, made once by root as nbgrader's
documentation asks ("Setting up the exchange"):

    mkdir -p /srv/nbgrader/exchange && chmod 1777 /srv/nbgrader/exchange

nbgrader then makes COURSE/outbound (released assignments, read by all), COURSE/inbound (submissions:
each student writes a folder of their own, nobody lists the others') and COURSE/feedback inside it.
"""

import os

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.Exchange.root = os.environ.get("KIT_EXCHANGE", "/srv/nbgrader/exchange")
c.CourseDirectory.course_id = os.environ.get("KIT_COURSE_ID", "innov-health")
