"""Gateway settings: one pydantic-settings object, built once at start-up and injected into routes.

Limits exist because the gateway is the public edge: one caller must not be able to ask for
thousands of samples, send megabytes of prompt, or occupy every worker. Backend options that
would let a caller redirect a model call (``base_url``) or choose which secret is sent
(``api_key_env``) are not accepted from callers at all; only strategy options are.

The variable names (``HARDGEN_GATEWAY_*``, ``HARDGEN_AUTH``, ``HARDGEN_KEYS_*``) are the ones the
README, docker-compose and k8s have always used; docs/configuration.md lists them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from pydantic import Field, field_validator
from pydantic_core import PydanticUseDefault

from hardgen.core.registries import known_providers
from hardgen.core.settings import CommaList, HardgenSettings, SharedSettings, data_dir, split_commas

DEFAULT_ALLOWED_OPTIONS = ("nep_source", "repair_rounds", "ft_model", "adapter", "mp_refresh", "top_p", "study")


def _env(name: str, default: Any, **constraints: Any) -> Any:
    """A field read from ``HARDGEN_<name>`` (the historical names do not all carry a GATEWAY_ part)."""
    return Field(default=default, validation_alias=f"HARDGEN_{name}", **constraints)


class KeySettings(HardgenSettings):
    """Where API keys live; shared by the gateway and ``hardgen keys`` (which imports the gateway's store)."""

    keys_db: str | None = _env("KEYS_DB", None, description="key store (SQLite; default <data>/keys.sqlite)")
    keys_readonly: bool = _env("KEYS_READONLY", False, description="the key store is a read-only mount")
    keys_usage_db: str | None = _env(
        "KEYS_USAGE_DB", None, description="writable usage counters beside a read-only key store"
    )

    @field_validator("keys_db", "keys_usage_db", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def keys_path(self) -> Path:
        return Path(self.keys_db) if self.keys_db else data_dir() / "keys.sqlite"


class GatewaySettings(SharedSettings, KeySettings):
    """Everything the gateway reads; tests build it with keyword arguments instead of variables."""

    max_n: int = _env("GATEWAY_MAX_N", 20, ge=1, description="most samples per generation request")
    max_prompt_chars: int = _env("GATEWAY_MAX_PROMPT_CHARS", 8000, ge=1, description="longest free-form prompt")
    max_scan_files: int = _env("GATEWAY_MAX_SCAN_FILES", 200, ge=1, description="most files per scan request")
    max_scan_bytes: int = _env(
        "GATEWAY_MAX_SCAN_BYTES", 4 * 1024 * 1024, ge=1, description="total content bytes per scan request"
    )
    max_scan_file_bytes: int = _env(
        "GATEWAY_MAX_FILE_BYTES", 1024 * 1024, ge=1, description="largest single file of a scan request"
    )
    max_body_bytes: int = _env(
        "GATEWAY_MAX_BODY_BYTES", 16 * 1024 * 1024, ge=1, description="largest request body (413 beyond)"
    )
    max_concurrent_per_caller: int = _env(
        "GATEWAY_MAX_CONCURRENT", 4, ge=1, description="requests in flight per caller (429 beyond)"
    )
    auth_enabled: bool = _env("AUTH", True, description="API keys required (off only for local dev)")
    default_rate_per_minute: float | None = _env(
        "GATEWAY_RATE_PER_MINUTE", 600.0, ge=0, description="token-bucket rate of keys created without --rate (0: none)"
    )
    generation_timeout_s: float = _env("GATEWAY_GENERATION_TIMEOUT", 600.0, gt=0, description="seconds per generation")
    scan_timeout_s: float = _env("GATEWAY_SCAN_TIMEOUT", 120.0, gt=0, description="seconds per scan")
    allowed_providers: CommaList = _env(
        "GATEWAY_PROVIDERS",
        ("openai", "gemini", "tgi", "mock"),
        description="providers callers may name, comma-separated; hf and replay (registry ids only) are opt-in",
    )
    tgi_endpoints: CommaList = _env(
        "GATEWAY_TGI_ENDPOINTS", (), description="the tgi/ endpoints callers may name (names or URLs), comma-separated"
    )
    #: strategy options a caller may pass; not a variable (widening it is a code review, not a deploy)
    allowed_options: ClassVar[tuple[str, ...]] = DEFAULT_ALLOWED_OPTIONS

    @field_validator("allowed_providers", "tgi_endpoints", mode="before")
    @classmethod
    def _commas(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():  # an empty variable means "the default", as it always has
            raise PydanticUseDefault
        return split_commas(value)

    @field_validator("default_rate_per_minute")
    @classmethod
    def _zero_is_unlimited(cls, value: float | None) -> float | None:
        return value or None

    @field_validator("allowed_providers")
    @classmethod
    def _registered_providers(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """A misspelt provider would silently allow nothing; name it against refinement's registry."""
        known = known_providers()
        unknown = [name for name in value if name not in known]
        if unknown:
            raise ValueError(f"unknown provider(s) {', '.join(unknown)} (providers: {', '.join(known)})")
        return value

    @classmethod
    def from_env(cls) -> GatewaySettings:
        """The settings of the variables now set (kept for callers that predate pydantic-settings)."""
        return cls()
