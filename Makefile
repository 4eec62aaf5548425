# Two commands: `make run` and `make test`. Everything else they need is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint format setup services clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)  ## virtualenv, dependencies, secrets, migrated databases
	$(BIN)/medichain init

run: setup  ## start the embedded platform on http://127.0.0.1:8000
	$(BIN)/medichain serve

services:  ## MariaDB and Redis for the tests (installed and started when absent)
	bash scripts/services.sh

test: $(STAMP) services  ## the whole suite against SQLite, MariaDB and Redis
	$(BIN)/ruff check .
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache
