# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
STORE  := .kg
CORPUS := examples/corpus

.PHONY: demo serve test test-fast docs bench clean browser

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
	@echo
	@echo "The graph is in $(STORE): every command of the README works on it as it is (.venv/bin/kg ...)."
	@echo "To explore it in a browser: make serve   (then open http://127.0.0.1:7878/)"

# The explorer and the SPARQL endpoint over the demo store, on this machine only.
serve: $(STAMP)
	@test -d $(STORE) || $(MAKE) --no-print-directory demo
	$(BIN)/kg serve --store $(STORE)

# Headless chromium for the browser tests (Debian's package; playwright drives it).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; browser tests will fail"; }

test: $(TSTAMP) browser
	$(BIN)/python -m pytest

# Everything but the tests marked slow (kill tests, big inputs, every browser test): for the edit-test loop.
test-fast: $(TSTAMP)
	$(BIN)/python -m pytest -m "not slow" -q

# The pictures in docs/img, taken from the real pages in headless Chromium (never by `make test`).
docs: $(TSTAMP) browser
	$(BIN)/python tools/screenshots.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf .kg exports/*.ttl exports/*.html
