# Two entry points for a newcomer: `make demo` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= redline.duckdb

.PHONY: demo test bench clean browser

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
	@echo "Store: $(abspath $(DB))   (try: $(BIN)/redline docs --db $(DB); $(BIN)/redline show <doc> --db $(DB))"
	@echo "Dashboard: $(BIN)/redline serve --db $(DB)   (then open http://127.0.0.1:8765/; add --review to correct)"

# The browser tests drive Debian's Chromium; a fresh machine (CI runs as root) gets it here.
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: $(VENV)/.installed browser
	$(BIN)/pytest -q
	$(BIN)/mypy

bench: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e '.[bench]'
	$(BIN)/python bench/peers.py
	$(BIN)/python bench/check_speed.py

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache
