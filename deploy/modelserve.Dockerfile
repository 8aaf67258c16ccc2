# syntax=docker/dockerfile:1.7
# modelserve (GPU): transformers + peft serving with LoRA adapters, TGI-compatible HTTP API, and
# the fine-tuning job. CUDA 13 runtime base: torch 2.13's default wheels are built for CUDA 13 and
# need an NVIDIA driver >= 580 on the node. deploy/modelserve-cpu.Dockerfile is the CPU variant.
# Not FROM hardgen/base: the CUDA base is Ubuntu, so the same user and mount points are made here.
ARG CUDA_IMAGE=nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04

FROM ${CUDA_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3=3.12.* python3-venv=3.12.* \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
RUN python3 -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
COPY services ./services
RUN pip install ".[models]"

FROM ${CUDA_IMAGE}
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3=3.12.* \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 hardgen \
 && useradd --system --uid 10001 --gid hardgen --home-dir /tmp --no-create-home --shell /usr/sbin/nologin hardgen \
 && mkdir -p /app /data /models \
 && chown 10001:10001 /data /models
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY scenarios ./scenarios
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    HARDGEN_HOME=/app \
    HARDGEN_DATA=/data \
    HARDGEN_MODELS=/models \
    HF_HUB_OFFLINE=1 \
    HF_HOME=/tmp/huggingface \
    HARDGEN_LOG_FORMAT=json
USER 10001:10001
EXPOSE 50053 8083
HEALTHCHECK --interval=20s --timeout=5s --start-period=120s --retries=3 \
  CMD ["python", "-m", "hardgen.core.healthcheck", "http://127.0.0.1:8083/health"]
CMD ["python", "-m", "hardgen.modelserve", "--host", "0.0.0.0", "--grpc-port", "50053", "--http-port", "8083", "--model", "demo"]
