# Two entry points for a newcomer: `make demo` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= redline.duckdb

WHEEL_DIR := build/wheel
WHEEL_VENV := build/wheel-venv

.PHONY: demo test bench clean wheel-check browser

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/redline ingest examples/corpus --db $(DB)
	$(BIN)/redline positions --db $(DB)
	$(BIN)/redline check examples/proposal.yaml --db $(DB) --alternatives 3
	@echo
	@echo "Store: $(abspath $(DB))"
	@echo "Try:   $(BIN)/redline docs --db $(DB)"
	@echo "       $(BIN)/redline show <doc> --db $(DB)"
	@echo "Dashboard (then open http://127.0.0.1:8765/; add --review to correct):"
	@echo "       $(BIN)/redline serve --db $(DB)"

# The browser tests drive Debian's Chromium; a fresh machine (CI runs as root) gets it here.
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: $(VENV)/.installed wheel-check browser
	$(BIN)/pytest -q
	$(BIN)/mypy

# What a user's `pip install redline` gets: the wheel alone, in a fresh environment, without
# the constraints file, so an undeclared dependency fails here. Packages come from the pip
# cache and the local mirror, and the smoke ingest skips analysis, so this stays quick.
wheel-check: $(VENV)/.installed
	rm -rf $(WHEEL_DIR) $(WHEEL_VENV)
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir $(WHEEL_DIR) .
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/pip install --quiet --no-compile $(WHEEL_DIR)/redline-*.whl
	$(WHEEL_VENV)/bin/redline --help > /dev/null
	$(WHEEL_VENV)/bin/redline ingest examples/corpus/05_courier_coalition_troops.html \
		--db $(WHEEL_VENV)/smoke.duckdb --no-analyse > /dev/null
	@echo "wheel-check: the wheel installs and runs in a fresh environment"

bench: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e '.[bench]'
	$(BIN)/python bench/peers.py
	$(BIN)/python bench/check_speed.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
