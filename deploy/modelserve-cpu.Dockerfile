# syntax=docker/dockerfile:1.7
# modelserve (CPU variant): the same service on a CPU-only node, e.g. serving the demo model. torch
# comes from the CPU wheel index before anything else, so no CUDA wheel (nvidia-*, ~3 GB) is pulled
# in; TORCH_PIP_ARGS points elsewhere for a mirror (scripts/images.sh uses a local wheel when one
# exists). The scanner is reached over gRPC (HARDGEN_SCANNER_ADDR), so the scanner extra is not here.
# FROM hardgen/base (deploy/base.Dockerfile): user 10001, /data and /models owned by it, HOME=/tmp.
ARG BASE_IMAGE=hardgen/base:dev

FROM ${BASE_IMAGE}
ARG TORCH_VERSION=2.13.0+cpu
ARG TORCH_PIP_ARGS="--extra-index-url https://download.pytorch.org/whl/cpu"
USER 0
# hadolint ignore=SC2086
RUN pip install --no-cache-dir ${TORCH_PIP_ARGS} "torch==${TORCH_VERSION}"
COPY pyproject.toml /src/pyproject.toml
RUN python /opt/hardgen/requirements.py /src/pyproject.toml models > /tmp/requirements.txt \
 && pip install --no-cache-dir -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt
COPY README.md /src/README.md
COPY services /src/services
RUN pip install --no-cache-dir --no-deps /src && rm -rf /src
COPY scenarios /app/scenarios
ENV HARDGEN_MODELS=/models \
    HF_HUB_OFFLINE=1 \
    HF_HOME=/tmp/huggingface
USER 10001:10001
EXPOSE 50053 8083
HEALTHCHECK --interval=20s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-m", "hardgen.core.healthcheck", "http://127.0.0.1:8083/health"]
# The demo model is built into /models/demo by a one-shot container first (compose: modelserve-init;
# k8s: the build-demo-model init container): `hardgen model build-demo`.
CMD ["python", "-m", "hardgen.modelserve", "--host", "0.0.0.0", "--grpc-port", "50053", "--http-port", "8083", "--model", "demo"]
