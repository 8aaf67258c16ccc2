# syntax=docker/dockerfile:1.7
# scanner: Semgrep OSS with the project's rule packs baked in (inside the package), Bandit, the Go
# AST checks. FROM hardgen/base (deploy/base.Dockerfile: user 10001, /data, /models, HOME=/tmp, the
# core dependencies). Build with --build-arg CODEQL_BUNDLE=<path to a codeql-bundle tar.gz in
# deploy/codeql/> to add a real CodeQL engine (the image then sets HARDGEN_CODEQL).
ARG BASE_IMAGE=hardgen/base:dev

FROM ${BASE_IMAGE} AS codeql
ARG CODEQL_BUNDLE=""
COPY deploy/codeql/ /tmp/codeql/
# An empty /opt/codeql when no bundle is given: the codeql engine then reports itself unavailable.
RUN mkdir -p /tmp/opt/codeql \
 && if [ -n "${CODEQL_BUNDLE}" ]; then tar -xzf "/tmp/codeql/${CODEQL_BUNDLE}" -C /tmp/opt; fi

FROM ${BASE_IMAGE}
USER 0
# Third-party dependencies first (a layer that survives code changes), then the package itself.
COPY pyproject.toml /src/pyproject.toml
RUN python /opt/hardgen/requirements.py /src/pyproject.toml scanner > /tmp/requirements.txt \
 && pip install --no-cache-dir -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt
COPY README.md /src/README.md
COPY services /src/services
RUN pip install --no-cache-dir --no-deps /src && rm -rf /src
COPY --from=codeql /tmp/opt/codeql /opt/codeql
COPY scenarios /app/scenarios
ENV HARDGEN_CACHE=/data/cache \
    HARDGEN_CODEQL=/opt/codeql/codeql \
    SEMGREP_SEND_METRICS=off
USER 10001:10001
EXPOSE 50051
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-m", "hardgen.core.healthcheck", "grpc://127.0.0.1:50051/hardgen.v1.Scanner"]
CMD ["python", "-m", "hardgen.scanner", "--host", "0.0.0.0", "--grpc-port", "50051"]
