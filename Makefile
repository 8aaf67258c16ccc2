# hardgen: the README's two commands are `make test` and `make demo`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HARDGEN := $(VENV)/bin/hardgen
PYTEST_ARGS ?=

.PHONY: setup test demo bench-demo proto lint typecheck agreement bench-scanner bench-analytics bench-serve bench-load bench-fix fuzz selfscan up down images images-gpu images-test images-lock compose-demo k8s-render clean

setup:
	@bash scripts/setup.sh

test: setup
	$(PY) -m pytest -q $(PYTEST_ARGS)

# scripts/demo.sh runs the set-up itself, so that its time is part of the recorded phases.
demo:
	@bash scripts/demo.sh

# Where make demo's time went (docs/performance.md): the last run's out/demo/timings.json as a table
# (BENCH_DEMO_ARGS="--format json" for JSON); runs make demo first when no run was recorded.
BENCH_DEMO_ARGS ?=
bench-demo:
	@if [ ! -f out/demo/timings.json ]; then bash scripts/demo.sh; fi
	@$(PY) -m hardgen.cli.demobench $(BENCH_DEMO_ARGS)

proto: setup
	@bash scripts/gen_proto.sh

lint: setup
	$(PY) -m ruff check services tests scripts
	$(PY) -m mypy services/hardgen

typecheck: lint

# Per-query recall/precision of the default profile on rules/<language>/agreement/ (issue 11).
# make agreement ARGS="--language go --format json" ; ARGS="--language go --record" writes the baseline.
ARGS ?=
agreement: setup
	$(PY) -m hardgen.scanner.agreement $(ARGS)

bench-scanner: setup
	$(PY) -m hardgen.scanner.bench

bench-analytics: setup
	$(PY) -m hardgen.analytics.bench

bench-serve: setup
	$(PY) -m hardgen.modelserve.bench

# Gateway + scanner on loopback, 16 clients for 60 s (issue 8; figures in the README).
bench-load: setup
	$(PY) -m hardgen.gateway.loadtest

# hardgen fix over the corpus's insecure references with the offline demo model (issue 15; figures
# in the README). Builds the demo model first when it is missing (reused when present).
BENCH_FIX_MODEL ?= hf/demo
BENCH_FIX_ARGS ?=
bench-fix: setup
	@if [ "$(BENCH_FIX_MODEL)" = "hf/demo" ]; then $(HARDGEN) model build-demo -f json > /dev/null; fi
	$(PY) -m hardgen.refinement.fixbench --model $(BENCH_FIX_MODEL) $(BENCH_FIX_ARGS)

# atheris on the archive and SARIF readers, FUZZ_SECONDS each (make test runs them for seconds).
FUZZ_SECONDS ?= 300
fuzz: setup
	@mkdir -p out/fuzz/seeds out/fuzz/archive out/fuzz/sarif
	$(PY) -m tests.fuzz.targets seeds out/fuzz/seeds
	set -o pipefail; for target in archive sarif; do \
	  $(PY) -m tests.fuzz.targets $$target -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=out/fuzz/ \
	    out/fuzz/$$target out/fuzz/seeds 2>&1 | grep -v '^INFO: Instrumenting' || exit 1; \
	done

# The project's own scanner (semgrep + bandit engines) over every module, not only the edge code.
selfscan: setup
	HARDGEN_SELFSCAN_FULL=1 $(PY) -m pytest -q tests/reliability/test_selfscan.py

up: setup
	$(HARDGEN) dev up

down:
	$(HARDGEN) dev down

# Images (issue 12; docs/deploy.md): hardgen/base first, then each service FROM it, tagged with the
# project version and dev (k8s/base + gpu overlay pull the version, the dev overlay and compose dev).
# Docker when a daemon answers, else podman (scripts/podman_setup.sh installs it and builds the
# stand-in bases). Build seconds and sizes: out/images/build.json.
images:
	@bash scripts/images.sh

images-gpu:
	@bash scripts/images.sh modelserve

# Builds the images and runs each as Kubernetes would, the scanner on a mounted folder, the rendered
# Deployments under `podman kube play`, and a reduced study through the compose stack.
# `make test` runs the same tests; they skip, with the reason, only where podman cannot run.
images-test: setup
	@rc=0; bash scripts/podman_setup.sh || rc=$$?; \
	if [ $$rc -eq 3 ]; then echo "*** PODMAN CANNOT RUN HERE: image, kube play and compose tests skipped ***" >&2; \
	elif [ $$rc -ne 0 ]; then exit $$rc; \
	else $(PY) -m pytest -q -rs tests/deploy/test_images.py tests/deploy/test_kube_play.py tests/deploy/test_compose.py; fi

# Pins for every image build (deploy/constraints.txt) from the project venv's resolution.
images-lock: setup
	@{ sed -n 1,2p deploy/constraints.txt; $(VENV)/bin/pip freeze --exclude-editable | grep -v -E '^(torch==|hardgen|-e )'; } > deploy/constraints.txt.new
	@mv deploy/constraints.txt.new deploy/constraints.txt && echo "deploy/constraints.txt updated"

# The compose stack runs studies/demo.yaml (STUDY=... for another) and fetches the HTML report
# from the gateway with an API key (scripts/compose_demo.sh; figures in out/compose-demo/).
compose-demo: setup
	@bash scripts/compose_demo.sh

k8s-render:
	@mkdir -p out/k8s
	for overlay in dev gpu; do kubectl kustomize k8s/overlays/$$overlay > out/k8s/$$overlay.yaml || exit 1; done
	@echo "rendered: out/k8s/dev.yaml out/k8s/gpu.yaml"

clean:
	rm -rf out .pytest_cache
