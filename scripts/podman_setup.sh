#!/usr/bin/env bash
# Idempotent container set-up for `make images`, `make images-test` and `make compose-demo` on a
# machine without Docker (CI, this project's machines):
#   1. podman, runc and mmdebstrap from Debian when missing (needs root and apt-get);
#   2. /etc/containers/containers.conf for a container-in-VM host: runc, cgroupfs, no ulimits;
#   3. the stand-in Python base image (registries cannot be reached, so python:3.11-slim cannot be
#      pulled): Debian bookworm minbase with python3 and venv, built by mmdebstrap and imported as
#      $HARDGEN_PYTHON_IMAGE (default localhost/hardgen-python:bookworm);
#   4. the stand-in NATS image for compose (nats:2.10-alpine cannot be pulled either): Debian's
#      nats-server package with wget for the healthcheck, entrypoint nats-server, as
#      $HARDGEN_NATS_IMAGE (default localhost/hardgen-nats:bookworm).
# Prints the reason and exits 3 when podman cannot run here, so callers can skip loudly.
set -euo pipefail

BASE_IMAGE="${HARDGEN_PYTHON_IMAGE:-localhost/hardgen-python:bookworm}"
NATS_IMAGE="${HARDGEN_NATS_IMAGE:-localhost/hardgen-nats:bookworm}"

need=()
command -v podman >/dev/null 2>&1 || need+=(podman)
command -v runc >/dev/null 2>&1 || [ -x /usr/sbin/runc ] || need+=(runc)
command -v mmdebstrap >/dev/null 2>&1 || need+=(mmdebstrap)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "podman-setup: cannot install ${need[*]} (needs root and apt-get)" >&2
    exit 3
  fi
  echo "podman-setup: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" uidmap >/dev/null; }; then
    echo "podman-setup: apt-get could not install ${need[*]}" >&2
    exit 3
  fi
fi

conf=/etc/containers/containers.conf
if [ "$(id -u)" = "0" ] && [ ! -f "$conf" ]; then
  mkdir -p /etc/containers
  cat >"$conf" <<'EOF'
# Written by hardgen scripts/podman_setup.sh: podman inside a VM/container without systemd.
[containers]
default_ulimits = []

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
fi

if ! podman info >/dev/null 2>&1; then
  echo "podman-setup: podman is installed but cannot run here: $(podman info 2>&1 | tail -1)" >&2
  exit 3
fi

if ! podman image exists "$BASE_IMAGE"; then
  echo "podman-setup: building the stand-in base $BASE_IMAGE with mmdebstrap" >&2
  mmdebstrap --quiet --variant=minbase \
    --include=python3,python3-venv,python3-pip,ca-certificates \
    --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' \
    bookworm - | podman import --change 'CMD ["python3"]' - "$BASE_IMAGE" >/dev/null
fi
if ! podman image exists "$NATS_IMAGE"; then
  echo "podman-setup: building the stand-in NATS image $NATS_IMAGE with mmdebstrap" >&2
  mmdebstrap --quiet --variant=minbase --include=nats-server,wget \
    --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' \
    bookworm - | podman import --change 'ENTRYPOINT ["/usr/sbin/nats-server"]' - "$NATS_IMAGE" >/dev/null
fi
echo "podman-setup: ready (base image $BASE_IMAGE, NATS image $NATS_IMAGE)" >&2
