# syntax=docker/dockerfile:1.7
# analytics: consumes sample.generated / scan.completed from NATS into DuckDB; tables and report.
# FROM hardgen/base (deploy/base.Dockerfile): user 10001, /data and /models owned by it, HOME=/tmp,
# the core dependencies and their pinned versions; this image adds only its own layers.
ARG BASE_IMAGE=hardgen/base:dev

FROM ${BASE_IMAGE}
USER 0
# Third-party dependencies first (a layer that survives code changes), then the package itself.
COPY pyproject.toml /src/pyproject.toml
RUN python /opt/hardgen/requirements.py /src/pyproject.toml analytics > /tmp/requirements.txt \
 && pip install --no-cache-dir -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt
COPY README.md /src/README.md
COPY services /src/services
RUN pip install --no-cache-dir --no-deps /src && rm -rf /src
ENV HARDGEN_DB=/data/hardgen.duckdb \
    MPLCONFIGDIR=/tmp/matplotlib
USER 10001:10001
EXPOSE 50054
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-m", "hardgen.core.healthcheck", "grpc://127.0.0.1:50054/hardgen.v1.Analytics"]
CMD ["python", "-m", "hardgen.analytics", "--host", "0.0.0.0", "--grpc-port", "50054"]
