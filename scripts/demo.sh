#!/usr/bin/env bash
# `make demo`: the whole study offline on the embedded stack.
#   0. set-up (scripts/setup.sh: system packages, .venv; a no-op when nothing changed)
#   1. build the demo model when missing (reused afterwards)
#   2. `hardgen dev up`: NATS JetStream + every service as local processes on loopback
#   3. `hardgen study run studies/demo.yaml --resume`: publish the grid, follow it live
#   4. wait until analytics holds every sample (`hardgen study status --wait`), stop the stack
#   5. tables (CSV + Markdown) and the HTML report into out/demo/
# Each phase's wall clock goes to out/demo/timings.json, with the CPU seconds each service used;
# `make bench-demo` prints them with the study's own breakdown (docs/performance.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
hardgen=".venv/bin/hardgen"
out="${HARDGEN_DEMO_OUT:-out/demo}"
study="${HARDGEN_DEMO_STUDY:-studies/demo.yaml}"
# Two workers holding 16 items each: modelserve batches their model calls, the scanner merges their
# scans into shared Semgrep runs (docs/performance.md has the measurements behind these numbers).
workers="${HARDGEN_DEMO_WORKERS:-2}"
concurrency="${HARDGEN_DEMO_WORKER_CONCURRENCY:-16}"
# torch's OpenMP threads sleep instead of spinning while they wait: with the cores shared, two
# spinning training threads made a demo-model step 4x slower (docs/performance.md)
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# One Semgrep run at a time: every request that arrives meanwhile joins the next run. A run costs
# seconds of start-up however few files it gets (fresh clone, 2 runs at once: 7-9 s each for 1-10
# files), so on two cores fewer, larger runs leave more CPU to the model
export HARDGEN_SCANNER_CONCURRENCY="${HARDGEN_SCANNER_CONCURRENCY:-1}"
mkdir -p "$out"
phases="$out/.phases"
: > "$phases"
now() { date +%s.%N; }
mark() { echo "$1 $2 $3" >> "$phases"; }  # phase start end (epoch seconds)
started=$(now)

cleanup() { "$hardgen" dev down >/dev/null 2>&1 || true; }
trap cleanup EXIT

t0=$(now)
bash scripts/setup.sh
mark setup "$t0" "$(now)"

models_dir="${HARDGEN_MODELS:-data/models}"
t0=$(now)
model_built=0
if [ ! -f "$models_dir/demo/config.json" ]; then
  echo "demo: building the demo model (once; reused afterwards)" >&2
  "$hardgen" model build-demo
  model_built=1
fi
mark model "$t0" "$(now)"

name="$(.venv/bin/python -c 'import sys; from hardgen.core.study import load_study; print(load_study(sys.argv[1]).name)' "$study")"
"$hardgen" dev down >/dev/null 2>&1 || true
if [ "${HARDGEN_DEMO_RESUME:-0}" != "1" ]; then
  # every run generates, scans and counts every sample again (HARDGEN_DEMO_RESUME=1 finishes a stopped one)
  .venv/bin/python -m hardgen.cli.demobench reset --study "$name"
fi
echo "demo: starting the local stack" >&2
t0=$(now)
"$hardgen" dev up --workers "$workers" --worker-concurrency "$concurrency"
mark stack_start "$t0" "$(now)"

t0=$(now)
"$hardgen" study run "$study" --resume
echo "demo: waiting for analytics to hold every sample" >&2
"$hardgen" study status "$name" --wait --timeout 600 >/dev/null
mark study "$t0" "$(now)"

t0=$(now)
.venv/bin/python -m hardgen.cli.demobench record-cpu --out "$out/cpu.json" || true
"$hardgen" dev down
mark stack_stop "$t0" "$(now)"

t0=$(now)
"$hardgen" analyze tables --study "$name" --out "$out"
mark tables "$t0" "$(now)"
t0=$(now)
"$hardgen" analyze report --study "$name" --out "$out"
mark report "$t0" "$(now)"

.venv/bin/python -m hardgen.cli.demobench record --phases "$phases" --out "$out/timings.json" \
  --study "$name" --started "$started" --model-built "$model_built" --workers "$workers" \
  --concurrency "$concurrency" --cpu "$out/cpu.json"
rm -f "$phases"
elapsed=$(.venv/bin/python -c 'import sys; print(round(float(sys.argv[2]) - float(sys.argv[1])))' "$started" "$(now)")
echo "demo: done in ${elapsed}s — report: $out/report.html (tables: $out/*.csv, *.md; timings: make bench-demo)"
