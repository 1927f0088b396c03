# Confide: `make demo` runs the app with synthetic data, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The local demo serves plain http on 127.0.0.1; production keeps TLS-only cookies.
DEMO_ENV := CONFIDE_TLS=false

.DEFAULT_GOAL := help
.PHONY: help install demo test lint format bench tagger browser lock clean

help: ## show the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

install: $(VENV)/.installed ## create .venv and install the locked dependencies

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

demo: install ## set up var/, seed the demo organisation and serve http://127.0.0.1:8000
	$(DEMO_ENV) $(BIN)/confide init
	$(DEMO_ENV) $(BIN)/confide demo
	$(DEMO_ENV) $(BIN)/confide serve --bind 127.0.0.1:8000

test: install browser ## lint, then the whole suite on SQLite and (when reachable) PostgreSQL
	scripts/run-tests

lint: install ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## print the benchmark figures
	$(BIN)/python bench/run.py

tagger: install ## retrain the de-identification tagger's weights after changing the rules
	$(BIN)/python eval/deid/train_tagger.py

browser: ## install Debian's Chromium and axe-core for the browser tests when missing
	@scripts/install-chromium

lock: ## re-resolve requirements.lock from pyproject.toml
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--no-header -o requirements.lock

clean: ## remove the virtualenv and local data (var/ holds the demo's keys and database)
	rm -rf $(VENV) var test-artifacts node_modules
