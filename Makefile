# hardgen: the README's two commands are `make test` and `make demo`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HARDGEN := $(VENV)/bin/hardgen
PYTEST_ARGS ?=

.PHONY: setup test demo proto lint typecheck bench-scanner bench-analytics bench-serve fuzz up down images k8s-render clean

setup:
	@bash scripts/setup.sh

test: setup
	$(PY) -m pytest -q $(PYTEST_ARGS)

demo: setup
	@bash scripts/demo.sh

proto: setup
	@bash scripts/gen_proto.sh

lint: setup
	$(PY) -m ruff check services tests scripts
	$(PY) -m mypy services/hardgen

typecheck: lint

bench-scanner: setup
	$(PY) -m hardgen.scanner.bench

bench-analytics: setup
	$(PY) -m hardgen.analytics.bench

bench-serve: setup
	$(PY) -m hardgen.modelserve.bench

clean:
	rm -rf out .pytest_cache
