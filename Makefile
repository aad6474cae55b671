# Two commands matter: `make run` and `make test` (see README).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test
# pytest processes side by side (pytest-xdist): `auto` is one per CPU core.
WORKERS ?= auto
# Byte code for our own packages, written once: with PYTHONDONTWRITEBYTECODE set (as on our
# machines) every start of the bot would compile all of them again (~0.2 s CPU). Incremental.
COMPILE = $(BIN)/python -m compileall -q bot handlers storage scheduler web

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(TESTSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP) $@

run: $(STAMP)
	@mkdir -p var
	@$(COMPILE)
	$(BIN)/python -m bot

test: $(TESTSTAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	@$(COMPILE)
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup

bench: $(TESTSTAMP)
	@$(COMPILE)
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/updates.py
	$(BIN)/python bench/telegram.py
	$(BIN)/python bench/telegram_calls.py
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) var
