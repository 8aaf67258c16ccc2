#!/usr/bin/env bash
# `make demo`: the main job. For now: scan the scenario corpus and print a table.
# The full pipeline (dev up, demo model, studies/demo.yaml, tables and report) arrives with the
# pipeline issue.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
.venv/bin/hardgen scenarios list
