#!/usr/bin/env bash
# Idempotent set-up used by `make setup` (and so by `make test` and `make demo`):
#   1. system packages the tests and the demo need, installed with apt-get when missing;
#   2. .venv with the project (editable) and its test extras.
# A stamp file keyed on pyproject.toml skips the install step when nothing changed.
#
# Installs go through uv when it can be had (`pip install uv` into the venv): it resolves and
# installs the ~150 packages in parallel, several times faster than pip (docs/performance.md).
# uv reads no pip configuration, so pip's own (pip.conf files and PIP_* variables: index URLs,
# find-links, constraints, certificate) is handed to it as flags and the same packages come from
# the same places; HARDGEN_SETUP_PIP=1, or any uv failure, uses pip as before.
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
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

# pip's effective configuration as uv flags (one per line): index-url, extra-index-url, find-links,
# constraint and cert from every pip.conf and PIP_* variable `pip config list` shows.
uv_flags() {
  .venv/bin/python -m pip config list 2>/dev/null | .venv/bin/python -c '
import shlex, sys
flags, index = [], None
for line in sys.stdin:
    key, _, value = line.strip().partition("=")
    key = key.rsplit(".", 1)[-1]
    values = shlex.split(value.strip().strip("\x27\x22"))
    if key == "index-url" and values:
        index = values[0]
    for v in values:
        flag = {"extra-index-url": "--extra-index-url", "find-links": "--find-links", "constraint": "--constraint"}.get(key)
        if flag and [flag, v] not in [flags[i:i + 2] for i in range(0, len(flags), 2)]:
            flags += [flag, v]
if index:
    flags = ["--index-url", index] + flags
print("\n".join(flags))
'
}

install_with_uv() {
  .venv/bin/pip install -q uv >/dev/null 2>&1 || return 1  # quiet: pip warns about every file index
  local flags=()
  mapfile -t flags < <(uv_flags)
  local cert
  cert="$(.venv/bin/python -m pip config list 2>/dev/null | sed -n "s/^.*\.cert='\(.*\)'$/\1/p" | head -1)"
  # pip merges every index and takes the best version; uv's default stops at the first index
  # that has the package, so ask for pip's behaviour
  local uv=(env ${cert:+SSL_CERT_FILE="$cert"} .venv/bin/uv pip install --quiet --python .venv/bin/python
            --index-strategy unsafe-best-match "${flags[@]}")
  # torch first and exactly pinned: the CPU build this machine kind serves from local disk
  "${uv[@]}" "torch==2.13.0" && "${uv[@]}" -e ".[test]"
}

installed=0
if [ "${HARDGEN_SETUP_PIP:-0}" != "1" ]; then
  if install_with_uv; then
    installed=1
  else
    echo "setup: uv unavailable or failed; installing with pip" >&2
  fi
fi
if [ "$installed" = "0" ]; then
  .venv/bin/pip install -q --upgrade pip setuptools wheel
  # torch first and exactly pinned: the CPU build this machine kind serves from local disk.
  .venv/bin/pip install -q "torch==2.13.0"
  .venv/bin/pip install -q -e ".[test]"
fi
echo "$want" > "$stamp"
