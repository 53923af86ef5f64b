# The two commands of the README: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lint bench clean screenshots web translations assets

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Browser signing's PKI.js bundle (not committed): npm ci + esbuild, pinned by the lock file.
## Without npm: a notice (a failure under CI=true); the portal then signs by .p7s upload only.
ASSETS := backoffice/web/assets
VENDOR := backoffice/web/static/vendor/pkijs.js
$(VENDOR): $(ASSETS)/package.json $(ASSETS)/package-lock.json $(ASSETS)/entry.js $(ASSETS)/build.sh
	bash $(ASSETS)/build.sh

assets: $(VENDOR)

## Migrate and seed the embedded SQLite demo database (first time only), then start.
run: $(STAMP) assets
	$(BIN)/backoffice-admin init
	$(BIN)/backoffice-admin seed --scale seed --if-empty
	$(BIN)/backoffice

## The resident portal on http://127.0.0.1:8080/ over the same database (migrated and seeded).
web: $(STAMP) assets
	$(BIN)/backoffice-admin init
	$(BIN)/backoffice-admin seed --scale seed --if-empty
	$(BIN)/backoffice-web

## Lint, then the whole suite on SQLite and again on PostgreSQL.
test: $(STAMP) assets
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

## The desktop's English: collect the Ukrainian source strings into resources/i18n/backoffice_en.ts
## (translate the new ones there, e.g. with Qt Linguist), then compile backoffice_en.qm.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(git ls-files 'backoffice/ui/*.py' 'backoffice/ui/**/*.py') \
		-source-language uk -target-language en -ts resources/i18n/backoffice_en.ts -no-obsolete
	$(BIN)/pyside6-lrelease resources/i18n/backoffice_en.ts -qm resources/i18n/backoffice_en.qm
