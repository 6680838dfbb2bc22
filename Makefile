# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
STORE  := .kg
CORPUS := examples/corpus

.PHONY: demo serve test test-fast docs bench clean browser compile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# (setup.py compiles the hot extraction modules with mypyc when it can: a few minutes, once; pure Python otherwise)
$(STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml setup.py $(STAMP)
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

# Compile the extraction modules again after editing extraction's code (kg/extract, kg/records, keys.py,
# vocab.py): until then kg.extract runs its sources, slower, with a warning. KG_PURE_PYTHON=1: no compiling.
compile: | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@$(BIN)/python -c "import kg.extract; print('kg.extract:', kg.extract.MODE)"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf .kg exports/*.ttl exports/*.html
