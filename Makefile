# Every target creates .venv and installs the kit when needed: a fresh machine
# needs only Python 3.11+ and make.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
SAMPLE := datasets/sample
SANDBOX_WORKS = $(PY) -c 'import sys; from grading.sandbox import sandbox_available; sys.exit(not sandbox_available())'

.PHONY: demo test bench lab notebooks clean

$(INSTALLED): pyproject.toml binder/overrides.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0] + ": run make PYTHON=python3.11 ...")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,ci]'
	mkdir -p $(VENV)/share/jupyter/lab/settings && cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/  # JupyterLab in French
	@touch $@

## demo: generate the default dataset, release the assignments, grade the sample submissions, report
demo: $(INSTALLED)
	$(PY) -m generators --overwrite
	$(PY) -m grading release
	$(PY) -m grading samples
	@$(SANDBOX_WORKS) || echo "bubblewrap cannot run here: the demo grades its own trusted samples without a sandbox"
	$(PY) -m grading autograde $$($(SANDBOX_WORKS) || echo --no-sandbox)
	$(PY) -m grading report
	@echo
	@echo "Done. Results:"
	@echo "  dataset            datasets/generated/ (see dictionnaire.md)"
	@echo "  student notebooks  release/"
	@echo "  graded notebooks   autograded/  (gradebook: gradebook.db, open with 'make lab' > Nbgrader > Formgrader)"
	@echo "  grades             reports/grades.csv, reports/dashboard.html (class dashboard); for Moodle, see the README"

## test: lint and format check (ruff), then the whole suite: unit and end-to-end tests, nbval on every source notebook
test: $(INSTALLED)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

## bench: throughput figures, each against a baseline measured in the same run
bench: $(INSTALLED)
	$(PY) benchmarks/run.py
	$(PY) benchmarks/autograde_speed.py
	$(PY) benchmarks/autograde_cluster.py
	$(PY) benchmarks/notebooks.py

## lab: open JupyterLab on the kit
lab: $(INSTALLED)
	$(PY) -m jupyter lab

## notebooks: bring each source notebook and its text twin (course/text/, the one to edit) in line, then re-execute the notebooks on the committed sample, to refresh the outputs nbval compares
notebooks: $(INSTALLED)
	$(VENV)/bin/jupytext --sync course/source/*/*.ipynb
	KIT_DATASET=$(CURDIR)/$(SAMPLE) $(PY) -m jupyter nbconvert --to notebook --execute --inplace --NotebookClient.record_timing=False course/source/*/*.ipynb
	$(VENV)/bin/jupytext --sync course/source/*/*.ipynb

clean:
	rm -rf datasets/generated release submitted submitted-history autograded feedback gradebook.db status reports .answer-keys
