# syntax=docker/dockerfile:1.7
# gateway: the public REST API (FastAPI). Talks to refinement, scanner and analytics over gRPC.
# FROM hardgen/base (deploy/base.Dockerfile): user 10001, /data and /models owned by it, HOME=/tmp,
# the core dependencies and their pinned versions; this image adds only its own layers.
ARG BASE_IMAGE=hardgen/base:dev

FROM ${BASE_IMAGE}
USER 0
COPY pyproject.toml README.md /src/
COPY services /src/services
RUN pip install --no-cache-dir --no-deps /src && rm -rf /src
COPY scenarios /app/scenarios
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-m", "hardgen.core.healthcheck", "http://127.0.0.1:8080/healthz"]
CMD ["python", "-m", "hardgen.gateway", "--host", "0.0.0.0", "--port", "8080"]
