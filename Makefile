# Two commands set everything up on a fresh machine:
#   make serve   build the site from the shipped data and serve it with live reload
#   make test    lint and run the test suite (builds the real site)
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint catalogs bench clean

$(BIN)/mkdocs: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve

build: $(BIN)/mkdocs
	$(BIN)/kakehashi build

lint: $(BIN)/mkdocs
	$(BIN)/ruff check hooks tests bench

# The words the generator writes (README: "Translating the site's words"):
# pybabel extract of the messages glossary.py declares into the template, then
# pybabel update of every language's catalog; it lists what is left to translate.
catalogs: $(BIN)/mkdocs
	$(BIN)/kakehashi catalog update

# axe-core, the Nu Html Checker and Lighthouse for the reader-side tests, and
# Leaflet and pmtiles to compare their copies in docs/assets/vendor/ with, where
# npm is there (no install scripts: vnu-jar's would fetch a Java runtime).
node_modules/.package-lock.json: package.json package-lock.json
	if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund; fi

test: lint node_modules/.package-lock.json
	$(BIN)/pytest

# Build speed and memory at 100, 1,000 and 3,000 records per section (about an hour).
bench: $(BIN)/mkdocs
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/build_bench.py --sizes 100 1000 3000 --runs 3 --profile

clean:
	rm -rf site $(VENV) .pytest_cache .ruff_cache
