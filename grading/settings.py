"""Every default of grading, in one place: the step functions' keyword defaults, and through them the
command line's defaults and help texts, come from here."""

import os
from datetime import timedelta

from generators.settings import DATASET_DIR

# The course, in nbgrader's terms.
COURSE_ID = "innov-health"
COURSE_TIMEZONE = "Europe/Paris"  # due dates without an offset, datathon days
CODE_STUB = ""  # answer cells carry their own stub line: `variable = ...  # VOTRE CODE ICI`
TEXT_STUB = "VOTRE RÉPONSE ICI"

# Where things go under the workspace root (besides nbgrader's own folders).
DATA_DIR = DATASET_DIR  # the public dataset submissions read
WORK_DIRECTORY = ".grading-work"  # how each submission's run ended (outcome files)
ANSWER_KEYS_DIR = ".answer-keys"  # the self-checks' answer keys, per notebook and dataset (grading.answer_keys)

# Running a submission.
WORKERS = os.cpu_count() or 1  # submissions graded at once
NOTEBOOK_TIMEOUT = 600  # seconds for a whole notebook
CELL_TIMEOUT = 120  # seconds per cell
MEMORY_GB = 2.0  # a notebook and all its processes, as on Binder (per process where cgroups are missing)
PROCESSES = 256  # processes and threads of one sandboxed notebook
FILE_BYTES = 256 * 2**20  # no file larger than this
WORK_BYTES = 2**30  # the sandbox's working folder (a tmpfs), and its /dev/shm
SANDBOX_UIDS = range(61000, 65000)  # one unused user id per running notebook (as root)
MAX_CELL_OUTPUT = 100_000  # characters of printed text kept per cell
MAX_NOTEBOOK_BYTES = 16 * 2**20  # a handed-in notebook; read outside the sandbox, its JSON may weigh 200 times more
MAX_RESULT_BYTES = 96 * 2**20  # what a sandboxed run may send back: the executed notebook and its answers
MAX_ANSWER_BYTES = 32 * 2**20  # the values one question's answer may hold, encoded
MAX_OUTPUT_BYTES = 8 * 2**20  # outputs of a graded notebook kept (images included); the rest is cut, with a note

# Collecting.
MAX_ZIP_BYTES = 2 * 2**30  # a zip of submissions may unpack to at most this
CLAIMED_TIME_SLACK = timedelta(minutes=5)  # an exchange submission may say it was handed in this long before
# its folder was written (nbgrader submit copying the files); earlier, the folder's time is taken

# Moodle.
MOODLE_MATCH_FIELDS = ("email", "idnumber", "username")  # what its gradebook's CSV import can match on
MOODLE_MATCH = "email"

# The datathon.
MINIMUM_SECRET_SEED = 10**36  # a given secret seed has at least 37 digits (about 120 bits)
SECRET_SEED_DIGITS = 40  # what prepare draws: 40 digits, over 129 bits
MAX_PREDICTIONS_BYTES = 64 * 2**20  # a team's predictions file
PREDICTION_TOLERANCE = 1e-6  # re-executed predictions may differ by this much
