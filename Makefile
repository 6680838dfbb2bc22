# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
STORE  := .kg/demo
CORPUS := examples/corpus

.PHONY: demo test bench clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(STAMP)
	@mkdir -p exports
	$(BIN)/kg build $(CORPUS) --store $(STORE) --rebuild
	$(BIN)/kg export --store $(STORE) --format ttl -o exports/graph.ttl
	$(BIN)/kg html --store $(STORE) -o exports/graph.html
	$(BIN)/kg lineage "Nemotron-Nano-9B-v2" --store $(STORE) --html exports/lineage.html
	$(BIN)/kg query lineage --store $(STORE) --bind model="MN-Minitron-8B" --format csv

# Headless chromium for the browser tests (Debian's package; playwright drives it).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; browser tests will fail"; }

test: $(TSTAMP) browser
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf .kg exports/*.ttl exports/*.html
