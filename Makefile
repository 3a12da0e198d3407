# The two set-up commands of the README:
#   make site   installs the project into .venv and builds the shipped seeds into site/
#   make test   installs the project with its test and translation extras, the browser and
#               validators the tests drive, then runs ruff, mypy and the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: site test install install-test tools lint clean

site: install
	$(VENV)/bin/digest build

install:
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .

# torch first, pinned: argostranslate needs it (via stanza), and an unpinned torch is a multi-GB CUDA build.
install-test: install
	$(PIP) install --quiet "torch==2.13.0"
	$(PIP) install --quiet -e ".[translate,test]"

tools:
	tests/setup-tools.sh

lint: install-test
	$(VENV)/bin/ruff check
	$(VENV)/bin/mypy generator

test: install-test tools lint
	$(PY) -m pytest

clean:
	rm -rf site .cache
