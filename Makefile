# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv from the
# lock file first (Python 3.11+, pip and venv are all they need).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo docs test lint typecheck pytest eval clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)  ## ingest the bundled demo corpus into SQLite, print tallies and claims
	rm -f tollbook-demo.db
	$(BIN)/tollbook demo --db tollbook-demo.db

docs: $(STAMP)  ## rerun every example of README.md and docs/*.md and write its output there
	$(BIN)/python scripts/docs_examples.py

test: lint typecheck pytest  ## the whole test suite, as CI runs it

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q -n 2

clean:
	rm -rf $(VENV) artifacts tollbook-demo.db
