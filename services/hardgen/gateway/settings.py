"""Gateway settings, read from the environment once and injected into routes as a dependency.

Limits exist because the gateway is the public edge: one caller must not be able to ask for
thousands of samples, send megabytes of prompt, or occupy every worker. Backend options that
would let a caller redirect a model call (``base_url``) or choose which secret is sent
(``api_key_env``) are not accepted from callers at all; only strategy options are.
"""

from __future__ import annotations

import os

from pydantic import BaseModel, Field, field_validator

from hardgen.core.registries import known_providers
from hardgen.core.settings import PORTS, service_address

DEFAULT_ALLOWED_OPTIONS = ("nep_source", "repair_rounds", "ft_model", "adapter", "mp_refresh", "top_p", "study")


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


class GatewaySettings(BaseModel):
    refinement_address: str = Field(description="refinement gRPC address")
    scanner_address: str = Field(description="scanner gRPC address")
    max_n: int = Field(20, ge=1, description="most samples per generation request")
    max_prompt_chars: int = Field(8000, ge=1, description="longest free-form prompt")
    max_scan_files: int = Field(200, ge=1)
    max_scan_bytes: int = Field(4 * 1024 * 1024, ge=1, description="total content bytes per scan request")
    max_scan_file_bytes: int = Field(1024 * 1024, ge=1, description="largest single file of a scan request")
    max_body_bytes: int = Field(16 * 1024 * 1024, ge=1, description="largest request body (413 beyond)")
    max_concurrent_per_caller: int = Field(4, ge=1, description="requests in flight per caller (429 beyond)")
    auth_enabled: bool = Field(True, description="API keys required (HARDGEN_AUTH=off only for local dev)")
    keys_db: str | None = Field(None, description="key store path (default: hardgen.gateway.apikeys.keys_db_path())")
    default_rate_per_minute: float | None = Field(
        600.0, description="token-bucket rate of keys created without --rate (None: unlimited)"
    )
    generation_timeout_s: float = Field(600.0, gt=0)
    scan_timeout_s: float = Field(120.0, gt=0)
    allowed_options: tuple[str, ...] = DEFAULT_ALLOWED_OPTIONS
    allowed_providers: tuple[str, ...] = Field(
        ("openai", "gemini", "tgi", "mock"),
        description="providers callers may name; hf and replay (registry ids only) are opt-in",
    )
    tgi_endpoints: tuple[str, ...] = Field((), description="the tgi/ endpoints callers may name (names or URLs)")

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
        providers = os.environ.get("HARDGEN_GATEWAY_PROVIDERS")
        return cls(
            refinement_address=service_address("refinement", PORTS["refinement_grpc"]),
            scanner_address=service_address("scanner", PORTS["scanner_grpc"]),
            max_n=_env_int("HARDGEN_GATEWAY_MAX_N", 20),
            max_prompt_chars=_env_int("HARDGEN_GATEWAY_MAX_PROMPT_CHARS", 8000),
            max_scan_files=_env_int("HARDGEN_GATEWAY_MAX_SCAN_FILES", 200),
            max_scan_bytes=_env_int("HARDGEN_GATEWAY_MAX_SCAN_BYTES", 4 * 1024 * 1024),
            max_scan_file_bytes=_env_int("HARDGEN_GATEWAY_MAX_FILE_BYTES", 1024 * 1024),
            max_body_bytes=_env_int("HARDGEN_GATEWAY_MAX_BODY_BYTES", 16 * 1024 * 1024),
            max_concurrent_per_caller=_env_int("HARDGEN_GATEWAY_MAX_CONCURRENT", 4),
            auth_enabled=os.environ.get("HARDGEN_AUTH", "on").strip().lower() not in ("off", "0", "false", "no"),
            keys_db=os.environ.get("HARDGEN_KEYS_DB") or None,
            default_rate_per_minute=float(os.environ.get("HARDGEN_GATEWAY_RATE_PER_MINUTE", "600")) or None,
            generation_timeout_s=float(os.environ.get("HARDGEN_GATEWAY_GENERATION_TIMEOUT", "600")),
            scan_timeout_s=float(os.environ.get("HARDGEN_GATEWAY_SCAN_TIMEOUT", "120")),
            allowed_providers=tuple(p.strip() for p in providers.split(",") if p.strip())
            if providers
            else cls.model_fields["allowed_providers"].default,
            tgi_endpoints=tuple(
                e.strip() for e in os.environ.get("HARDGEN_GATEWAY_TGI_ENDPOINTS", "").split(",") if e.strip()
            ),
        )
