# syntax=docker/dockerfile:1.7
# refinement: model backends (openai/, gemini/, tgi/, replay/) and the strategies; also runs as a
# NATS work-queue worker (`python -m hardgen.refinement.worker`). Local hf/ models live in modelserve.
ARG PYTHON_IMAGE=python:3.11.10-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
COPY services ./services
RUN pip install ".[refinement]"

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 hardgen \
 && useradd --system --uid 10001 --gid hardgen --home-dir /app --shell /usr/sbin/nologin hardgen
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY scenarios ./scenarios
COPY studies ./studies
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HARDGEN_HOME=/app \
    HARDGEN_DATA=/data \
    HARDGEN_LOG_FORMAT=json
USER 10001:10001
EXPOSE 50052
HEALTHCHECK --interval=15s --timeout=5s --start-period=15s --retries=3 \
  CMD ["python", "-m", "hardgen.core.healthcheck", "grpc://127.0.0.1:50052/hardgen.v1.Refinement"]
CMD ["python", "-m", "hardgen.refinement", "--host", "0.0.0.0", "--grpc-port", "50052"]
