#!/usr/bin/env bash
# Idempotent set-up used by `make setup` (and so by `make test` and `make demo`):
#   1. system packages the tests and the demo need, installed with apt-get when missing;
#   2. .venv with the project (editable) and its test extras.
# A stamp file keyed on pyproject.toml skips the pip step when nothing changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

need_apt=()
command -v go >/dev/null 2>&1 || need_apt+=(golang-go)
command -v kubectl >/dev/null 2>&1 || need_apt+=(kubectl)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)  # the PDF report's screenshot test
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing system packages: ${need_apt[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # Each package on its own, so that one missing package does not block the others.
    for pkg in "${need_apt[@]}"; do
      apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null || echo "setup: could not install $pkg" >&2
    done
  else
    echo "setup: missing system packages (${need_apt[*]}); tests needing them will be skipped" >&2
  fi
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=".venv/.hardgen-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/pip install -q --upgrade pip setuptools wheel
  # torch first and exactly pinned: the CPU build this machine kind serves from local disk.
  .venv/bin/pip install -q "torch==2.13.0"
  .venv/bin/pip install -q -e ".[test]"
  echo "$want" > "$stamp"
fi
