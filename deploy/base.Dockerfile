# syntax=docker/dockerfile:1.7
# hardgen/base: what every Python service image shares, built once so the service images only add
# their own extra and the package (scripts/images.sh builds it first; CI builds six images in minutes).
#   * the non-root user 10001 and the mount points /data and /models, created and owned by 10001,
#     because Docker copies an image's folder ownership into a fresh named volume (compose) and a
#     container without a volume must still be able to write its cache;
#   * HOME=/tmp: tools that write to $HOME (Semgrep's ~/.semgrep, matplotlib) get the writable tmpfs
#     under a read-only root;
#   * a venv with hardgen's core dependencies (pyproject.toml [project.dependencies]), and
#     PIP_CONSTRAINT=deploy/constraints.txt (the project venv's resolution) for every later install:
#     without it pip backtracks for minutes over semgrep's pins (4.5 min for the scanner extra).
ARG PYTHON_IMAGE=python:3.11.10-slim-bookworm

FROM ${PYTHON_IMAGE} AS deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml deploy/requirements.py deploy/constraints.txt ./
RUN python3 -m venv /opt/venv \
 && python3 requirements.py pyproject.toml > requirements.txt \
 && /opt/venv/bin/pip install --constraint constraints.txt -r requirements.txt

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 hardgen \
 && useradd --system --uid 10001 --gid hardgen --home-dir /tmp --no-create-home --shell /usr/sbin/nologin hardgen \
 && mkdir -p /app /data /models \
 && chown 10001:10001 /data /models
COPY --from=deps /opt/venv /opt/venv
COPY deploy/requirements.py deploy/constraints.txt /opt/hardgen/
WORKDIR /app
ENV PATH=/opt/venv/bin:$PATH \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_CONSTRAINT=/opt/hardgen/constraints.txt \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HOME=/tmp \
    HARDGEN_HOME=/app \
    HARDGEN_DATA=/data \
    HARDGEN_LOG_FORMAT=json
USER 10001:10001
HEALTHCHECK NONE
CMD ["python", "-c", "import hardgen"]
