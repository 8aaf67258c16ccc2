# syntax=docker/dockerfile:1.7
# modelserve (CPU variant): the same service on a CPU-only node, e.g. serving the demo model.
ARG PYTHON_IMAGE=python:3.11.10-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# Optional extra index serving CPU-only torch wheels (smaller image); empty = PyPI's default wheel.
ARG TORCH_EXTRA_INDEX_URL=""
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
COPY services ./services
RUN if [ -n "${TORCH_EXTRA_INDEX_URL}" ]; then pip install --extra-index-url "${TORCH_EXTRA_INDEX_URL}" "torch==2.13.0"; fi \
 && pip install ".[models,scanner]"

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 hardgen \
 && useradd --system --uid 10001 --gid hardgen --home-dir /app --shell /usr/sbin/nologin hardgen
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY scenarios ./scenarios
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HARDGEN_HOME=/app \
    HARDGEN_DATA=/data \
    HARDGEN_MODELS=/models \
    HF_HUB_OFFLINE=1 \
    HARDGEN_LOG_FORMAT=json
USER 10001:10001
EXPOSE 50053 8083
HEALTHCHECK --interval=20s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-m", "hardgen.core.healthcheck", "http://127.0.0.1:8083/health"]
CMD ["python", "-m", "hardgen.modelserve", "--host", "0.0.0.0", "--grpc-port", "50053", "--http-port", "8083", "--model", "demo"]
