# Two commands matter: `make run` and `make test` (see README).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test
# pytest processes side by side (pytest-xdist): `auto` is one per CPU core.
WORKERS ?= auto

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
	$(BIN)/python -m bot

test: $(TESTSTAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup

bench: $(TESTSTAMP)
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/updates.py
	$(BIN)/python bench/telegram.py
	$(BIN)/python bench/telegram_calls.py
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) var
