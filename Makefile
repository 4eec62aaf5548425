# Two commands: `make run` and `make test`. Everything else they need is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test test-hardening lint format setup services browser frontend clean

$(RUN_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

$(TEST_STAMP): pyproject.toml $(RUN_STAMP)
	$(BIN)/pip install --quiet -e '.[dev,llm,bench]'
	touch $(TEST_STAMP)

frontend:  ## build the web client into frontend/dist (needs Node 20+)
	@if command -v npm >/dev/null 2>&1; then bash scripts/build-frontend.sh; \
	else echo "npm not found: the API runs without the web client (install Node 20 to get it)"; fi

setup: $(RUN_STAMP) frontend  ## virtualenv, dependencies, web client, secrets, databases, bundled data
	$(BIN)/medichain init

run: setup  ## start the embedded platform with the web UI on http://127.0.0.1:8000
	$(BIN)/medichain serve

services:  ## MariaDB and Redis for the tests (installed and started when absent)
	bash scripts/services.sh

browser:  ## Debian's Chromium and Korean fonts for the browser tests
	bash scripts/browser.sh

test: $(TEST_STAMP) services browser frontend  ## everything: lint, unit, MariaDB/Redis, LLM server, browser
	$(BIN)/ruff check .
	cd frontend && npm test --silent
	$(BIN)/pytest -q -m "not e2e and not hardening"
	$(BIN)/pytest -q -m e2e  # its own run: Playwright's sync API keeps an event loop in the main thread

FUZZ_EXAMPLES ?= 25

test-hardening: $(TEST_STAMP) services  ## the long runs: faults under load, security suite, fuzzing; then a summary
	mkdir -p test-artifacts
	status=0; \
	$(BIN)/pytest -q tests/hardening --junitxml=test-artifacts/hardening-junit.xml || status=1; \
	$(BIN)/pytest -q tests/security --junitxml=test-artifacts/security-junit.xml || status=1; \
	MEDICHAIN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) HYPOTHESIS_PROFILE=hardening \
		$(BIN)/pytest -q tests/fuzz --junitxml=test-artifacts/fuzz-junit.xml || status=1; \
	$(BIN)/python scripts/hardening-summary.py || status=1; \
	exit $$status

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TEST_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache frontend/dist frontend/node_modules
