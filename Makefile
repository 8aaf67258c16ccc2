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

up: setup
	$(HARDGEN) dev up

down:
	$(HARDGEN) dev down

# Build the service images (needs a Docker engine; none runs on the CI machines).
IMAGE_TAG ?= dev
images:
	for svc in gateway refinement scanner analytics modelserve modelserve-cpu; do \
	  docker build -f deploy/$$svc.Dockerfile -t hardgen/$$svc:$(IMAGE_TAG) . || exit 1; \
	done

k8s-render:
	@mkdir -p out/k8s
	for overlay in dev gpu; do kubectl kustomize k8s/overlays/$$overlay > out/k8s/$$overlay.yaml || exit 1; done
	@echo "rendered: out/k8s/dev.yaml out/k8s/gpu.yaml"

clean:
	rm -rf out .pytest_cache
