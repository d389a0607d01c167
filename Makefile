VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: demo test install install-test data bench clean

$(VENV)/bin/activate:
	python3 -m venv $(VENV)
	$(PIP) install -q -U pip

install: $(VENV)/bin/activate
	$(PIP) install -q -e .

install-test: $(VENV)/bin/activate
	$(PIP) install -q -e '.[test]'

demo: install
	$(VENV)/bin/eventcoder code examples/kazakhstan_unrest.txt --table
	$(VENV)/bin/eventcoder ingest examples --db events.duckdb
	$(VENV)/bin/eventcoder dyad RUS KAZ --db events.duckdb --by month

test: install-test
	$(VENV)/bin/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo 'no tests collected'; exit 0; fi; exit $$rc

data: install
	$(PY) scripts/build_data.py

bench: install
	$(PY) benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
