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
# extract the messages glossary.py declares into the template, then merge the
# template into the catalog of every language. A new message arrives untranslated
# and a changed English source arrives fuzzy; the tests fail on both until a
# translator has filled it in.
LOCALES := hooks/kakehashi/site/locales
catalogs: $(BIN)/mkdocs
	$(BIN)/pybabel extract -F pyproject.toml --no-location --no-wrap --sort-by-file \
	  --project=kakehashi --version=0.1.0 --copyright-holder="the Bochum–Tsukuba knowledge base" \
	  -o $(LOCALES)/kakehashi.pot hooks/kakehashi/site
	$(BIN)/pybabel update -D kakehashi -d $(LOCALES) -i $(LOCALES)/kakehashi.pot \
	  --no-wrap --ignore-pot-creation-date

# axe-core, the Nu Html Checker and Lighthouse for the reader-side tests, where
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
