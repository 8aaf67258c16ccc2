#!/usr/bin/env bash
# Regenerate the committed Python stubs for proto/hardgen/v1 into services/hardgen/v1.
# Run via `make proto`; tests/test_proto.py fails when the committed stubs are stale.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/services}"
python="${PYTHON:-$root/.venv/bin/python}"
mkdir -p "$out/hardgen/v1"
"$python" -m grpc_tools.protoc -I "$root/proto" \
  --python_out="$out" --grpc_python_out="$out" --pyi_out="$out" \
  "$root"/proto/hardgen/v1/*.proto
touch "$out/hardgen/v1/__init__.py"
