"""Settings every service shares, read from ``HARDGEN_*`` variables by pydantic-settings.

This module and each service's ``settings.py`` are the only places that read the environment
(``tests/core/test_settings_sources.py`` holds the rest of ``services/hardgen`` to that), so a
variable has one name, one type and one default, and docs/configuration.md lists them all.

Everything has a default that works from a checkout, so `make demo` needs no configuration;
containers and Kubernetes set the ``HARDGEN_*`` variables instead. A service's ``__main__``
builds its settings object once with :func:`load_settings` (a bad value is one line and exit 2)
and passes it to the objects it starts. The accessor functions below (``data_dir()``,
``nats_url()``, ``service_address()``…) serve library code that runs outside a service (the CLI,
tests): they read the variables when called, through the same classes.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import Field, ValidationError, field_validator
from pydantic_core import PydanticUseDefault
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent.parent

ENV_PREFIX = "HARDGEN_"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# Default ports of the local stack; docker-compose and k8s use the same numbers. One protocol per
# service: gRPC inside, HTTP only at the gateway and at modelserve's TGI-compatible serving API.
PORTS = {
    "gateway_http": 8080,
    "scanner_grpc": 50051,
    "refinement_grpc": 50052,
    "modelserve_grpc": 50053,
    "modelserve_http": 8083,
    "analytics_grpc": 50054,
    "nats": 4222,
}

#: a comma-separated list in one variable (``a,b``), not pydantic-settings' JSON
CommaList = Annotated[tuple[str, ...], NoDecode]


def split_commas(value: Any) -> Any:
    """``"a, b,"`` → ``("a", "b")``; other values pass through to pydantic's own validation."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


class HardgenSettings(BaseSettings):
    """Base of every settings class: ``HARDGEN_`` prefix, unrelated variables ignored, immutable."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        extra="ignore",
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
    )


class PathSettings(HardgenSettings):
    """Where data lives; each unset folder derives from the one above it."""

    home: Path | None = Field(default=None, description="checkout or image root (default: the folder above services/)")
    data: Path | None = Field(default=None, description="data folder (default: <home>/data)")
    scenarios: Path | None = Field(default=None, description="scenario corpus (default: <home>/scenarios)")
    db: Path | None = Field(default=None, description="analytics DuckDB file (default: <data>/hardgen.duckdb)")
    models: Path | None = Field(default=None, description="base models, demo model, adapters (default: <data>/models)")
    replay_dir: Path | None = Field(default=None, description="registered replay manifests (default: <data>/replay)")
    cache: Path | None = Field(default=None, description="scan-result cache (default: <data>/cache)")

    @property
    def home_dir(self) -> Path:
        return self.home.resolve() if self.home else PACKAGE_DIR.parent.parent

    @property
    def data_dir(self) -> Path:
        return self.data or self.home_dir / "data"

    @property
    def scenarios_dir(self) -> Path:
        return self.scenarios or self.home_dir / "scenarios"

    @property
    def db_path(self) -> Path:
        return self.db or self.data_dir / "hardgen.duckdb"

    @property
    def models_dir(self) -> Path:
        return self.models or self.data_dir / "models"

    @property
    def replay_path(self) -> Path:
        return self.replay_dir or self.data_dir / "replay"

    @property
    def cache_dir(self) -> Path:
        return self.cache or self.data_dir / "cache"


class LogSettings(HardgenSettings):
    """How a process logs; services default to JSON, the CLI to console lines."""

    log_format: Literal["json", "console"] | None = Field(
        default=None, description="json or console (default per process)"
    )
    log_level: str = Field(default="INFO", description="DEBUG, INFO, WARNING, ERROR or CRITICAL")

    @field_validator("log_format", mode="before")
    @classmethod
    def _blank_format(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _known_level(cls, value: Any) -> Any:
        if isinstance(value, str):
            name = value.strip().upper()
            if name not in LOG_LEVELS:
                raise ValueError(f"unknown log level {value!r} (one of {', '.join(LOG_LEVELS)})")
            return name
        return value


class NatsSettings(HardgenSettings):
    """The NATS server and its credentials (never in the URL, so a logged address leaks nothing)."""

    nats_url: str = Field(default="nats://127.0.0.1:4222", description="NATS server URL")
    nats_creds: str = Field(default="", description=".creds file (JWT + NKey seed); wins over user/password")
    nats_user: str = Field(default="", description="NATS user (with HARDGEN_NATS_PASSWORD)")
    nats_password: str = Field(default="", description="NATS password")
    nats_token: str = Field(default="", description="NATS token, the last resort")
    nats_server: str = Field(default="", description="nats-server binary for local stacks and tests (default: PATH)")

    def auth_options(self) -> dict[str, str]:
        """``nats.connect`` keyword arguments: creds file, else user/password, else token."""
        if self.nats_creds.strip():
            return {"user_credentials": self.nats_creds.strip()}
        if self.nats_user.strip():
            return {"user": self.nats_user.strip(), "password": self.nats_password}
        return {"token": self.nats_token.strip()} if self.nats_token.strip() else {}


def _addr(service: str) -> Any:
    port = PORTS[f"{service}_grpc"]
    return Field(
        f"127.0.0.1:{port}",
        validation_alias=f"{ENV_PREFIX}{service.upper()}_ADDR",
        description=f"{service} gRPC address (host:port)",
    )


class AddressSettings(HardgenSettings):
    """gRPC addresses of the internal services (``HARDGEN_<SERVICE>_ADDR``)."""

    scanner_address: str = _addr("scanner")
    refinement_address: str = _addr("refinement")
    modelserve_address: str = _addr("modelserve")
    analytics_address: str = _addr("analytics")

    @field_validator("scanner_address", "refinement_address", "modelserve_address", "analytics_address", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():  # an empty variable means unset, as before
            raise PydanticUseDefault
        return value.strip() if isinstance(value, str) else value

    @field_validator("scanner_address", "refinement_address", "modelserve_address", "analytics_address")
    @classmethod
    def _host_port(cls, value: str) -> str:
        """``host:port`` with a numeric port (gRPC target schemes such as ``dns:///`` pass as given):
        a typo here would otherwise surface as a connection error at the first call."""
        if "://" in value or value.startswith("unix:"):
            return value
        host, sep, port = value.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError("not host:port with a port number")
        return value


class GrpcSettings(HardgenSettings):
    """gRPC message size and TLS files; the same images run with or without TLS."""

    grpc_max_message_bytes: int = Field(default=64 * 1024 * 1024, ge=1024, description="largest gRPC message")
    tls_cert: str = Field(default="", description="certificate of this service (PEM; with HARDGEN_TLS_KEY)")
    tls_key: str = Field(default="", description="private key of this service (PEM)")
    tls_ca: str = Field(default="", description="CA that signs the services' certificates (clients verify with it)")
    tls_client_auth: Literal["", "require"] = Field(
        default="", description="'require': servers demand client certificates"
    )
    tls_server_name: str = Field(default="", description="name to check in the server certificate (overrides the host)")

    @field_validator("tls_client_auth", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value


class SharedSettings(PathSettings, LogSettings, NatsSettings, AddressSettings, GrpcSettings):
    """What at least two services read; each service's settings class extends it."""


S = TypeVar("S", bound=BaseSettings)


def env_name(cls: type[BaseSettings], field: str) -> str:
    """The variable a field is read from (its alias, else ``HARDGEN_<FIELD>``)."""
    info = cls.model_fields.get(field)
    if info is not None and isinstance(info.validation_alias, str):
        return info.validation_alias
    return f"{ENV_PREFIX}{field.upper()}"


def settings_error(cls: type[BaseSettings], exc: ValidationError) -> str:
    """One line naming the variable and what is wrong with it."""
    first = exc.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else ""
    where = env_name(cls, field) if field in cls.model_fields else field
    value = first.get("input")
    shown = f"={value}" if isinstance(value, str | int | float) and not isinstance(value, bool) else ""
    return f"{where}{shown}: {first['msg'].removeprefix('Value error, ')}"


def load_settings(cls: type[S], program: str, **overrides: Any) -> S:
    """Build a service's settings at start-up; a bad value prints one line and exits 2."""
    try:
        return cls(**overrides)
    except ValidationError as exc:
        print(f"{program} settings: {settings_error(cls, exc)}", file=sys.stderr)
        raise SystemExit(2) from None


def _paths() -> PathSettings:
    return PathSettings()


@cache
def project_root() -> Path:
    """The checkout (or image) root: ``HARDGEN_HOME``, else the folder above ``services/``."""
    return _paths().home_dir


def scenarios_dir() -> Path:
    """Where the scenario corpus lives (``HARDGEN_SCENARIOS`` or ``<root>/scenarios``)."""
    paths = _paths()
    return paths.scenarios or project_root() / "scenarios"


def data_dir() -> Path:
    """The data folder (``HARDGEN_DATA`` or ``<root>/data``)."""
    return _paths().data or project_root() / "data"


def db_path() -> Path:
    """The analytics DuckDB file (``HARDGEN_DB``, default ``data/hardgen.duckdb``)."""
    return _paths().db or data_dir() / "hardgen.duckdb"


def models_dir() -> Path:
    """Base models, the demo model and LoRA adapters (``HARDGEN_MODELS``, default ``data/models``)."""
    return _paths().models or data_dir() / "models"


def replay_dir() -> Path:
    """Registered replay manifests, ``<id>.jsonl`` (``HARDGEN_REPLAY_DIR``, default ``data/replay``)."""
    return _paths().replay_dir or data_dir() / "replay"


def cache_dir() -> Path:
    """Scan-result cache and other derived data (``HARDGEN_CACHE``, default ``data/cache``)."""
    return _paths().cache or data_dir() / "cache"


def nats_url() -> str:
    return NatsSettings().nats_url


def nats_auth_options() -> dict[str, str]:
    """``nats.connect`` keyword arguments for credentials (see :meth:`NatsSettings.auth_options`)."""
    return NatsSettings().auth_options()


def service_address(service: str, default_port: int | None = None) -> str:
    """gRPC address of a service: ``HARDGEN_<SERVICE>_ADDR`` or ``127.0.0.1:<its port>``."""
    field = f"{service}_address"
    if field in AddressSettings.model_fields:
        return str(getattr(AddressSettings(), field))
    return f"127.0.0.1:{default_port}"


def configured_address(service: str) -> str | None:
    """``HARDGEN_<SERVICE>_ADDR`` only when it is set and not blank, else None: callers that can run a
    service's code in their own process (the CLI, the fine-tune's scanner) do so when it is unset."""
    field = f"{service}_address"
    if field not in AddressSettings.model_fields:
        return None
    if not os.environ.get(env_name(AddressSettings, field), "").strip():
        return None
    return str(getattr(AddressSettings(), field))


def grpc_settings() -> GrpcSettings:
    """Message size and TLS files, read when a server or channel is built."""
    return GrpcSettings()


def grpc_max_message_bytes() -> int:
    """The message limit, or its default while a bad value waits for the service's one-line report."""
    try:
        return GrpcSettings().grpc_max_message_bytes
    except ValidationError:  # grpcutil reads this at import, before load_settings runs
        return int(GrpcSettings.model_fields["grpc_max_message_bytes"].default)


def log_settings() -> LogSettings:
    return LogSettings()
