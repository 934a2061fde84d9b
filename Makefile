# Two entry points for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Wheels of every dependency, so tests/package/test_wheel.py installs the package as users do,
# into a fresh venv, without reaching the network during the tests.
WHEELHOUSE := $(VENV)/wheelhouse
WHEELS := $(WHEELHOUSE)/.built

.PHONY: demo test test-fast lint eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,handwriting]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/govarchive demo

$(WHEELS): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip wheel --quiet -w $(WHEELHOUSE) . 'setuptools>=77' wheel
	touch $(WHEELS)

# pywb (the recovery tests' web archive) pins old libraries: its own venv, never the project's.
PYWB := .venv-pywb/.installed

$(PYWB):
	$(PYTHON) -m venv .venv-pywb
	.venv-pywb/bin/python -m pip install --quiet 'pywb>=2.8,<3' 'wacz>=0.5'
	touch $(PYWB)

test: $(STAMP) $(WHEELS) $(PYWB)
	GOVARCHIVE_WHEELHOUSE=$(abspath $(WHEELHOUSE)) $(BIN)/python -m pytest -q -n auto --dist loadfile

# Everything but real crawls and servers: under a minute.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n auto -m "not crawl"

eval: $(STAMP)
	$(BIN)/python -m tests.gold.evaluate
	@echo
	$(BIN)/python -m tests.gold.peers
	@echo
	$(BIN)/python -m tests.gold.learning
	@echo
	$(BIN)/python -m tests.gold.layouts
	@echo
	$(BIN)/python -m tests.gold.mutations
	@echo
	$(BIN)/python -m tests.gold.documents

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .venv-pywb demo.db demo.db-* warcs locks *.egg-info .pytest_cache build dist
