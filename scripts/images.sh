#!/usr/bin/env bash
# Build hardgen's images: hardgen/base first (shared layers), then each service image FROM it.
#   scripts/images.sh                    the CPU images: gateway refinement scanner analytics modelserve-cpu
#   scripts/images.sh scanner gateway    only these (base is always built first; cached layers are reused)
#   scripts/images.sh modelserve         the CUDA image (needs a registry that serves nvidia/cuda)
#   scripts/images.sh --tags [IMAGE...]  print the image references the build produces (k8s overlays
#                                        and tests/deploy/test_k8s_topology.py check against these)
# Every image gets the tags in HARDGEN_IMAGE_TAGS (default: the pyproject version, e.g. 0.1.0, which
# k8s/base and the gpu overlay pull, and `dev`, which the dev overlay and docker-compose use).
# Docker when a daemon answers, else podman (scripts/podman_setup.sh installs it and builds the
# stand-in Python base from Debian packages, because base images cannot be pulled on CI machines).
# Figures (seconds and bytes per image) go to out/images/build.json and stdout.
# Exit 3 when no container engine can run here (callers skip loudly).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

version="$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
read -r -a tags <<<"${HARDGEN_IMAGE_TAGS:-$version dev}"
cpu_images=(gateway refinement scanner analytics modelserve-cpu)

if [ "${1:-}" = "--tags" ]; then
  shift
  [ $# -gt 0 ] || set -- "${cpu_images[@]}" modelserve
  for image in "$@"; do for tag in "${tags[@]}"; do echo "hardgen/$image:$tag"; done; done
  exit 0
fi
[ $# -gt 0 ] || set -- "${cpu_images[@]}"

engine="${CONTAINER_ENGINE:-}"
if [ -z "$engine" ]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then engine=docker; else engine=podman; fi
fi

args=()
python_image="${HARDGEN_PYTHON_IMAGE:-}"
if [ "$engine" = podman ]; then
  bash scripts/podman_setup.sh || exit $?
  python_image="${python_image:-localhost/hardgen-python:bookworm}"
  # HEALTHCHECK is kept only in the docker image format; the host's network and CA bundle let pip
  # reach the package index from inside the build.
  args+=(--format docker --network host)
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    args+=(-v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro)
  fi
fi
[ -z "$python_image" ] || args+=(--build-arg "PYTHON_IMAGE=$python_image")

torch_args=()
torch_wheel="$(ls /opt/wheels/torch-2.13.0+cpu-cp311-*.whl 2>/dev/null | head -1 || true)"
if [ "$engine" = podman ] && [ -n "$torch_wheel" ]; then
  # A local CPU torch wheel (this machine kind keeps one) saves a 180 MB download.
  torch_args+=(-v /opt/wheels:/wheels:ro --build-arg "TORCH_PIP_ARGS=--find-links /wheels")
fi

mkdir -p out/images
figures="out/images/build.json"
[ -f "$figures" ] || echo "{}" >"$figures"

build() {  # build <image> <dockerfile> [extra args...]
  local image="$1" dockerfile="$2"
  shift 2
  local tag_args=() start end size
  for tag in "${tags[@]}"; do tag_args+=(-t "hardgen/$image:$tag"); done
  echo "images: building hardgen/$image (${tags[*]}) with $engine" >&2
  start=$(date +%s.%N)
  "$engine" build -q "${args[@]}" "$@" -f "$dockerfile" "${tag_args[@]}" . >/dev/null
  end=$(date +%s.%N)
  size=$("$engine" image inspect --format '{{.Size}}' "hardgen/$image:${tags[0]}")
  python3 - "$figures" "$image" "$start" "$end" "$size" <<'EOF'
import json, sys
path, image, start, end, size = sys.argv[1:]
data = json.load(open(path))
data[image] = {"seconds": round(float(end) - float(start), 1), "bytes": int(size)}
json.dump(data, open(path, "w"), indent=2)
print(f"images: hardgen/{image:<15} {data[image]['seconds']:6.1f} s  {int(size) // 1_000_000:5d} MB")
EOF
}

base_ref="hardgen/base:${tags[0]}"
for image in "$@"; do
  case "$image" in
    modelserve)
      build modelserve deploy/modelserve.Dockerfile ;;
    gateway|refinement|scanner|analytics|modelserve-cpu)
      if [ -z "${base_built:-}" ]; then build base deploy/base.Dockerfile; base_built=1; fi
      extra=()
      [ "$image" != modelserve-cpu ] || extra=("${torch_args[@]}")
      build "$image" "deploy/$image.Dockerfile" --build-arg "BASE_IMAGE=$base_ref" "${extra[@]}" ;;
    *)
      echo "images: unknown image $image (known: ${cpu_images[*]} modelserve)" >&2
      exit 2 ;;
  esac
done
echo "images: figures in $figures" >&2
