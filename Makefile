# Two commands on a fresh machine: `make demo` and `make test`. Each builds .venv first from
# hashed locks (Python 3.11+ with venv is all they need): requirements/bootstrap.lock pins the
# installer, then one lock per install set (core for the demo, dev for the tests).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet
# A set's stamp: .venv/.core, .venv/.web, .venv/.dev ... (`make install-web` and so on)
SETS   := core web postgres spark parquet datasette fast rust dev
# cargo from rustup when it is there; Debian's cargo is on the PATH already.
CARGO_BIN ?= $(HOME)/.cargo/bin

.PHONY: demo test lint typecheck pytest docs lock clean rust $(addprefix install-,$(SETS))

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.bootstrap: requirements/bootstrap.lock | $(BIN)/python
	$(PIP) install --require-hashes -r requirements/bootstrap.lock
	touch $@

$(VENV)/.%: requirements/%.lock pyproject.toml $(VENV)/.bootstrap
	$(PIP) install --require-hashes -r requirements/$*.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(addprefix install-,$(SETS)): install-%: $(VENV)/.%

demo: $(VENV)/.core  ## ingest the bundled demo corpus into SQLite, print tallies and claims
	rm -f tollbook-demo.db
	$(BIN)/tollbook demo --db tollbook-demo.db

docs: $(VENV)/.core  ## rerun every example of README.md and docs/*.md and write its output there
	$(BIN)/python scripts/docs_examples.py

test: lint typecheck pytest  ## the whole test suite, as CI runs it

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests scripts bench

typecheck: $(VENV)/.dev
	$(BIN)/mypy

pytest: $(VENV)/.dev $(VENV)/.scan  # both scanner engines: the compiled one is built first
	$(BIN)/pytest -q -n 2

# The compiled scanner (rust/, issue 23), optional: `make demo` never needs it. Built offline
# from Debian's packaged crates (scripts/rust_deps.sh says what to install) with the pinned
# maturin of the `rust` set (in dev too), installed into the venv as tollbook_scan.
rust: $(VENV)/.rust $(VENV)/.scan  ## build and install the compiled scanner (needs cargo, Debian's librust-*-dev)

$(VENV)/.scan: rust/Cargo.toml rust/Cargo.lock $(wildcard rust/src/*.rs) rust/tollbook_scan.pyi rust/pyproject.toml | $(VENV)/.bootstrap
	PATH="$(CARGO_BIN):$$PATH" scripts/rust_deps.sh
	test -x $(BIN)/maturin || $(MAKE) $(VENV)/.rust
	rm -rf rust/target/wheels
	cd rust && PATH="$(CARGO_BIN):$$PATH" $(abspath $(BIN))/maturin build --release \
		--interpreter $(abspath $(BIN))/python --out target/wheels
	$(PIP) install --no-deps --force-reinstall rust/target/wheels/tollbook_scan-*.whl
	touch $@

lock:  ## rewrite requirements/*.lock from pyproject.toml (pinned uv; --upgrade: ARGS=--upgrade)
	scripts/lock.sh $(ARGS)

clean:
	rm -rf $(VENV) artifacts tollbook-demo.db rust/target
