#!/usr/bin/env bash
# `make demo`: the whole study offline on the embedded stack.
#   1. build the demo model when missing (reused afterwards)
#   2. `hardgen dev up`: NATS JetStream + every service as local processes on loopback
#   3. `hardgen study run studies/demo.yaml --resume`: publish the grid, follow it live
#   4. wait until analytics holds every sample (`hardgen study status --wait`), stop the stack
#   5. tables (CSV + Markdown) and the HTML report into out/demo/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
hardgen=".venv/bin/hardgen"
out="${HARDGEN_DEMO_OUT:-out/demo}"
study="${HARDGEN_DEMO_STUDY:-studies/demo.yaml}"
started=$(date +%s)

cleanup() { "$hardgen" dev down >/dev/null 2>&1 || true; }
trap cleanup EXIT

models_dir="${HARDGEN_MODELS:-data/models}"
if [ ! -f "$models_dir/demo/config.json" ]; then
  echo "demo: building the demo model (once; reused afterwards)" >&2
  "$hardgen" model build-demo
fi

echo "demo: starting the local stack" >&2
"$hardgen" dev up --workers 2

name="$(.venv/bin/python -c 'import sys; from hardgen.core.study import load_study; print(load_study(sys.argv[1]).name)' "$study")"
"$hardgen" study run "$study" --resume

echo "demo: waiting for analytics to hold every sample" >&2
"$hardgen" study status "$name" --wait --timeout 300 >/dev/null
"$hardgen" dev down

mkdir -p "$out"
"$hardgen" analyze tables --study "$name" --out "$out"
"$hardgen" analyze report --study "$name" --out "$out"
elapsed=$(( $(date +%s) - started ))
echo "demo: done in ${elapsed}s — report: $out/report.html (tables: $out/*.csv, *.md)"
