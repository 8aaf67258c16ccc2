"""Paths and settings shared by every service, read from the environment.

Everything has a default that works from a checkout, so `make demo` needs no configuration;
containers and Kubernetes set the ``HARDGEN_*`` variables instead.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def project_root() -> Path:
    """The checkout (or image) root: ``HARDGEN_HOME``, else the folder above ``services/``."""
    env = os.environ.get("HARDGEN_HOME")
    if env:
        return Path(env).resolve()
    return PACKAGE_DIR.parent.parent


def scenarios_dir() -> Path:
    """Where the scenario corpus lives (``HARDGEN_SCENARIOS`` or ``<root>/scenarios``)."""
    return Path(os.environ.get("HARDGEN_SCENARIOS", project_root() / "scenarios"))


def data_dir() -> Path:
    return Path(os.environ.get("HARDGEN_DATA", project_root() / "data"))


def db_path() -> Path:
    """The analytics DuckDB file (``HARDGEN_DB``, default ``data/hardgen.duckdb``)."""
    return Path(os.environ.get("HARDGEN_DB", data_dir() / "hardgen.duckdb"))


def models_dir() -> Path:
    """Base models, the demo model and LoRA adapters (``HARDGEN_MODELS``, default ``data/models``)."""
    return Path(os.environ.get("HARDGEN_MODELS", data_dir() / "models"))


def replay_dir() -> Path:
    """Registered replay manifests, ``<id>.jsonl`` (``HARDGEN_REPLAY_DIR``, default ``data/replay``)."""
    return Path(os.environ.get("HARDGEN_REPLAY_DIR", data_dir() / "replay"))


def cache_dir() -> Path:
    """Scan-result cache and other derived data (``HARDGEN_CACHE``, default ``data/cache``)."""
    return Path(os.environ.get("HARDGEN_CACHE", data_dir() / "cache"))


def nats_url() -> str:
    return os.environ.get("HARDGEN_NATS_URL", "nats://127.0.0.1:4222")


def nats_auth_options() -> dict[str, str]:
    """``nats.connect`` keyword arguments for credentials from the environment.

    ``HARDGEN_NATS_CREDS`` (a ``.creds`` file: JWT + NKey seed) wins over
    ``HARDGEN_NATS_USER``/``HARDGEN_NATS_PASSWORD``; ``HARDGEN_NATS_TOKEN`` is the last resort.
    Credentials are never put into the URL, so they cannot leak through a logged address."""
    creds = os.environ.get("HARDGEN_NATS_CREDS", "").strip()
    if creds:
        return {"user_credentials": creds}
    user = os.environ.get("HARDGEN_NATS_USER", "").strip()
    if user:
        return {"user": user, "password": os.environ.get("HARDGEN_NATS_PASSWORD", "")}
    token = os.environ.get("HARDGEN_NATS_TOKEN", "").strip()
    return {"token": token} if token else {}


def service_address(service: str, default_port: int) -> str:
    """gRPC address of a service: ``HARDGEN_<SERVICE>_ADDR`` or ``127.0.0.1:<default_port>``."""
    return os.environ.get(f"HARDGEN_{service.upper()}_ADDR", f"127.0.0.1:{default_port}")


# Default ports of the local stack (gRPC and HTTP); docker-compose and k8s use the same numbers.
PORTS = {
    "gateway_http": 8080,
    "scanner_grpc": 50051,
    "scanner_http": 8081,
    "refinement_grpc": 50052,
    "modelserve_grpc": 50053,
    "modelserve_http": 8083,
    "analytics_grpc": 50054,
    "analytics_http": 8084,
    "nats": 4222,
}
