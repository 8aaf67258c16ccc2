# syntax=docker/dockerfile:1.7
# gateway: the public REST API (FastAPI). Talks to refinement, scanner and analytics over gRPC.
ARG PYTHON_IMAGE=python:3.11.10-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
COPY services ./services
RUN pip install .

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
    HARDGEN_LOG_FORMAT=json
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=15s --retries=3 \
  CMD ["python", "-m", "hardgen.core.healthcheck", "http://127.0.0.1:8080/healthz"]
CMD ["python", "-m", "hardgen.gateway", "--host", "0.0.0.0", "--port", "8080"]
