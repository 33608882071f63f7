# TaiMei Exchange: `make demo` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint fmt typecheck eval bench messages install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/taimei demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/taimei check
	$(BIN)/taimei makemigrations --check --dry-run
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy taimei

eval: $(STAMP)
	@set -e; for script in eval/*_eval.py; do echo "== $$script"; $(BIN)/python $$script; done

bench: $(STAMP)
	@set -e; for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script; done

messages: $(STAMP)
	cd taimei && for app in core accounts members news search opportunities events dashboard operations; do \
	  [ -d $$app ] && (cd $$app && ../../$(BIN)/taimei makemessages -l zh_Hant -l en --no-obsolete >/dev/null; ../../$(BIN)/taimei compilemessages >/dev/null) || true; done
	cd taimei && ../$(BIN)/taimei makemessages -l zh_Hant -l en --no-obsolete -i '*/*' >/dev/null && ../$(BIN)/taimei compilemessages >/dev/null

clean:
	rm -rf $(VENV) var test-artifacts
