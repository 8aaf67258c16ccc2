# syntax=docker/dockerfile:1.7
# scanner: Semgrep OSS with the project's rule packs baked in (inside the package), Bandit, the Go
# AST checks. Build with --build-arg CODEQL_BUNDLE=<path to a codeql-bundle tar.gz in the build
# context> to add a real CodeQL engine (the image then sets HARDGEN_CODEQL).
ARG PYTHON_IMAGE=python:3.11.10-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
COPY services ./services
RUN pip install ".[scanner]"

FROM ${PYTHON_IMAGE} AS codeql
ARG CODEQL_BUNDLE=""
WORKDIR /opt
COPY deploy/codeql/ /tmp/codeql/
# An empty /opt/codeql when no bundle is given: the codeql engine then reports itself unavailable.
RUN mkdir -p /opt/codeql \
 && if [ -n "${CODEQL_BUNDLE}" ]; then tar -xzf "/tmp/codeql/${CODEQL_BUNDLE}" -C /opt; fi

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 hardgen \
 && useradd --system --uid 10001 --gid hardgen --home-dir /app --shell /usr/sbin/nologin hardgen
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=codeql /opt/codeql /opt/codeql
COPY scenarios ./scenarios
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HARDGEN_HOME=/app \
    HARDGEN_DATA=/data \
    HARDGEN_CACHE=/data/cache \
    HARDGEN_CODEQL=/opt/codeql/codeql \
    SEMGREP_SEND_METRICS=off \
    HARDGEN_LOG_FORMAT=json
USER 10001:10001
EXPOSE 50051 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-m", "hardgen.core.healthcheck", "http://127.0.0.1:8081/healthz"]
CMD ["python", "-m", "hardgen.scanner", "--host", "0.0.0.0", "--grpc-port", "50051", "--http-port", "8081"]
