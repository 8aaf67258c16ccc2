#!/usr/bin/env bash
# `make compose-demo`: the compose stack runs a study end to end.
#   1. builds the images (scripts/images.sh; cached layers make a rebuild quick);
#   2. brings up docker-compose.yml (docker compose, else podman-compose); the one-shot
#      modelserve-init service builds the demo model into the models volume first;
#   3. waits until every service passes its own healthcheck;
#   4. creates an API key in the gateway's key store, runs the study (the one-shot `study`
#      service: STUDY, default studies/demo.yaml) against the containers and waits for every sample;
#   5. fetches the HTML report from the gateway with the key into out/compose-demo/<study>.html.
# Environment: STUDY (a study file), HARDGEN_DEMO_EPOCHS, HARDGEN_GATEWAY_PORT (default 8080),
# HARDGEN_IMAGES_BUILT=1 (skip the build: `make images` just ran),
# COMPOSE_PROJECT_NAME (default hardgen), KEEP=1 leaves the stack running.
# Exit 0 with the report written; 1 when a step fails (its output names it); 3 when no container
# engine can run here.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

study_file="${STUDY:-studies/demo.yaml}"
[ -f "$study_file" ] || { echo "compose-demo: no study file $study_file" >&2; exit 2; }
study_name="$(python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["name"])' "$study_file" 2>/dev/null \
  || sed -n 's/^name: *//p' "$study_file" | head -1)"
export HARDGEN_GATEWAY_PORT="${HARDGEN_GATEWAY_PORT:-8080}"
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-hardgen}"
out="out/compose-demo"
mkdir -p "$out"
started=$(date +%s)
say() { echo "compose-demo [$(( $(date +%s) - started )) s]: $*" >&2; }

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  engine=docker
  compose=(docker compose)
else
  engine=podman
  bash scripts/podman_setup.sh || exit $?
  # base images cannot be pulled here: the stand-ins that podman_setup.sh built
  export HARDGEN_NATS_IMAGE="${HARDGEN_NATS_IMAGE:-localhost/hardgen-nats:bookworm}"
  pc="$(command -v podman-compose || echo "$root/.venv/bin/podman-compose")"
  [ -x "$pc" ] || { echo "compose-demo: podman-compose is not installed (pip install podman-compose)" >&2; exit 3; }
  compose=("$pc")
fi
compose+=(-f docker-compose.yml)

if [ "${HARDGEN_IMAGES_BUILT:-0}" = 1 ]; then
  say "using the images already built (HARDGEN_IMAGES_BUILT=1)"
else
  say "building images"
  CONTAINER_ENGINE="$engine" bash scripts/images.sh >/dev/null
fi
build_done=$(date +%s)

down() {
  if [ "${KEEP:-0}" != 1 ]; then "${compose[@]}" down -v >/dev/null 2>&1 || true; fi
}
trap down EXIT

say "starting the stack ($engine, project $COMPOSE_PROJECT_NAME, gateway on 127.0.0.1:$HARDGEN_GATEWAY_PORT)"
"${compose[@]}" up -d >"$out/up.log" 2>&1 || { tail -20 "$out/up.log" >&2; exit 1; }

# Each service's own healthcheck, run on demand (podman without systemd runs no healthcheck timers).
services=(nats scanner modelserve refinement refinement-worker analytics gateway)
health() {  # health <service>: 0 when its healthcheck passes
  local id
  id="$("$engine" ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" \
        --filter "label=com.docker.compose.service=$1" | head -1)"
  [ -n "$id" ] || return 1
  if [ "$engine" = podman ]; then podman healthcheck run "$id" >/dev/null 2>&1
  else [ "$(docker inspect --format '{{.State.Health.Status}}' "$id")" = healthy ]; fi
}
deadline=$(( $(date +%s) + ${HEALTH_TIMEOUT:-900} ))
for service in "${services[@]}"; do
  until health "$service"; do
    if [ "$(date +%s)" -gt "$deadline" ]; then
      echo "compose-demo: $service did not become healthy; its last log lines:" >&2
      "${compose[@]}" logs --tail 20 "$service" >&2 || true
      exit 1
    fi
    sleep 3
  done
  say "$service healthy"
done
healthy_at=$(date +%s)

key="$("${compose[@]}" exec -T gateway hardgen keys create --name compose-demo --scope study --format json \
       | python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])')"

say "running $study_file (study $study_name)"
run_args=(run --rm)
if [ "$study_file" != "studies/demo.yaml" ]; then
  run_args+=(-v "$(cd "$(dirname "$study_file")" && pwd)/$(basename "$study_file"):/app/studies/compose-study.yaml:ro")
  study_path=/app/studies/compose-study.yaml
else
  study_path=/app/studies/demo.yaml
fi
"${compose[@]}" --profile study "${run_args[@]}" study \
  hardgen study run "$study_path" --resume --wait >"$out/study.log" 2>&1 \
  || { tail -30 "$out/study.log" >&2; exit 1; }
study_done=$(date +%s)

report="$out/$study_name.html"
url="http://127.0.0.1:$HARDGEN_GATEWAY_PORT/v1/studies/$study_name/report"
python3 - "$url" "$key" "$report" <<'EOF'
import sys, urllib.request
url, key, path = sys.argv[1:]
request = urllib.request.Request(url, headers={"X-API-Key": key})
with urllib.request.urlopen(request, timeout=300) as answer:
    body = answer.read()
open(path, "wb").write(body)
EOF
finished=$(date +%s)
python3 - "$out/figures.json" "$study_name" "$((build_done - started))" "$((healthy_at - build_done))" \
  "$((study_done - healthy_at))" "$((finished - started))" "$(wc -c <"$report")" <<'EOF'
import json, sys
path, study, build, up, run, total, size = sys.argv[1:]
figures = {"study": study, "images_s": int(build), "stack_up_s": int(up), "study_s": int(run), "total_s": int(total),
           "report_bytes": int(size)}
json.dump(figures, open(path, "w"), indent=2)
print(json.dumps(figures))
EOF
say "report: $report (fetched from the gateway with an API key)"
