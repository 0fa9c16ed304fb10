# Two commands do all the set-up on a fresh machine:
#   make demo   installs dragoman in .venv, ingests the sample corpus, prints a summary, serves the dashboard
#   make test   installs dragoman and its test tools (and Debian's chromium), runs the whole test suite
#   make test-fast  the edit-test loop: the whole suite less slow, browser and server tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==26.3

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

/usr/bin/chromium:
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
	  || echo "chromium could not be installed: browser tests will fail"

demo: $(VENV)/.runtime
	$(BIN)/dragoman demo

test: $(VENV)/.dev /usr/bin/chromium
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-fast: $(VENV)/.dev
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not slow and not browser and not server"

# Layers (import-linter contracts in pyproject.toml), dead code (vulture) and unused or
# unpinned dependencies (deptry), beside style and types.
lint: $(VENV)/.dev
	$(BIN)/ruff check dragoman tests benchmarks
	$(BIN)/ruff format --check dragoman tests benchmarks
	$(BIN)/mypy dragoman benchmarks tests
	$(BIN)/lint-imports
	$(BIN)/vulture
	$(BIN)/deptry dragoman

bench: $(VENV)/.dev
	$(BIN)/python -m benchmarks.throughput

clean:
	rm -rf $(VENV) demo.duckdb
