# Two entry points for a newcomer: `make review` and `make test`. Both build their own
# virtual environment (idempotent: the stamps are rebuilt only when pyproject.toml or
# requirements/*.txt change). `make review` installs what the app needs; `make test` adds the
# development tools (requirements/dev.txt) and the cluster extra (requirements/cluster.txt) to
# the same .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
DB ?= db/quotes.db
# The stage modules compiled with mypyc (quotes/compiled.py): rebuilt when a module changes; used
# only while current, so a stale build is never run.
COMPILED := $(VENV)/quotes-compiled/manifest.json
# Quiet pip, and no "pip's dependency resolver does not currently take into account" noise.
PIP := $(BIN)/python -m pip install -q

.PHONY: setup review test lint bench clean

setup: $(DEV_STAMP)

# camel-tools is installed last and without its dependencies: they are torch, transformers,
# scipy, pandas and scikit-learn (1.5 GB, two minutes) for modules quotes never imports. What its
# morphology imports is in requirements/camel-morphology.txt, installed with quotes before it.
# --clear: a changed requirement rebuilds the environment from scratch, so nothing dropped from
# the lists (an older .venv's torch) stays behind.
$(STAMP): pyproject.toml requirements/base.txt requirements/camel-morphology.txt requirements/camel-tools.txt requirements/build.txt
	$(PYTHON) -m venv --clear $(VENV)
	# A current pip: an older one (23.2) reads justext's lxml[html_clean] as no extra at all, and
	# trafilatura then fails to import for want of lxml_html_clean.
	$(PIP) --upgrade pip
	$(PIP) -e .
	$(PIP) --no-deps -r requirements/camel-tools.txt
	$(PIP) -r requirements/build.txt
	# pip byte-compiles what it installs, but not an editable project: without this every
	# process (and PYTHONDONTWRITEBYTECODE keeps it so) compiles quotes again, ~0.1 s a start.
	$(BIN)/python -m compileall -q quotes gui
	touch $(STAMP)

# The cluster extra too: tests/test_cluster.py runs extraction on a LocalCluster in CI.
# `make review` does not need it and does not install it.
$(DEV_STAMP): $(STAMP) requirements/dev.txt requirements/cluster.txt
	$(PIP) -r requirements/dev.txt -r requirements/cluster.txt
	touch $(DEV_STAMP)

# Without a C compiler the build says so in one line and quotes runs as pure Python.
$(COMPILED): $(STAMP) $(wildcard quotes/*.py)
	$(BIN)/python -m quotes.compile_stages

review: $(STAMP) $(COMPILED)
	$(BIN)/quotes extract seeds --db $(DB)
	$(BIN)/quotes review --db $(DB)

test: $(DEV_STAMP) $(COMPILED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check .
	$(BIN)/mypy

lint: $(DEV_STAMP)
	$(BIN)/ruff check .

bench: $(STAMP) $(COMPILED)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info
