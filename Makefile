# The two commands of the README: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lint bench clean screenshots web

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Migrate and seed the embedded SQLite demo database (first time only), then start.
run: $(STAMP)
	$(BIN)/backoffice-admin init
	$(BIN)/backoffice-admin seed --scale seed --if-empty
	$(BIN)/backoffice

## Lint, then the whole suite on SQLite and again on PostgreSQL.
test: $(STAMP)
	bash .ci/test-all.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python benchmarks/seed.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info

## Every desktop tab with the demo data, as PNG files in resources/screenshots/.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m backoffice.ui.screenshots
