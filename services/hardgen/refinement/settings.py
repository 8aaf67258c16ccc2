"""Refinement settings: model providers, retries, scan engines and the NATS worker, from the environment.

Providers' own variables keep their usual names (``OPENAI_API_KEY``, ``OPENAI_BASE_URL``,
``GEMINI_API_KEY``/``GOOGLE_API_KEY``, ``GEMINI_BASE_URL``, ``HF_TOKEN``) because users already
have them set; hardgen's own carry the ``HARDGEN_`` prefix. A backend reads
:class:`ProviderSettings` when it is built (the service builds one per model and keeps it);
``python -m hardgen.refinement`` and the worker build :class:`RefinementSettings` once at start-up.
"""

from __future__ import annotations

import os
from typing import Any

from pydantic import Field, PrivateAttr, SecretStr, field_validator

from hardgen.core.settings import AddressSettings, CommaList, HardgenSettings, SharedSettings, split_commas

#: variables a backend reads by a name known only at run time (:meth:`ProviderSettings.secret`,
#: :meth:`ProviderSettings.concurrency`); docs/configuration.md lists them beside the fields
RUNTIME_VARIABLES = {
    "OPENAI_API_KEY": "OpenAI key (another variable with the model option api_key_env)",
    "GEMINI_API_KEY": "Gemini key (GOOGLE_API_KEY is accepted too)",
    "GOOGLE_API_KEY": "Gemini key when GEMINI_API_KEY is unset",
    "HARDGEN_<PROVIDER>_CONCURRENCY": "calls in flight to one provider, e.g. HARDGEN_HF_CONCURRENCY",
}


class ProviderSettings(AddressSettings):
    """What model backends read: endpoints, the retry step, and secrets by variable name."""

    retry_base_seconds: float = Field(default=1.0, ge=0, description="first back-off step of a retried model call")
    openai_base_url: str = Field(
        default="", validation_alias="OPENAI_BASE_URL", description="OpenAI-compatible server (default: OpenAI)"
    )
    gemini_base_url: str = Field(default="", validation_alias="GEMINI_BASE_URL", description="Gemini API endpoint")
    hf_token: SecretStr = Field(
        default=SecretStr(""), validation_alias="HF_TOKEN", description="token for tgi/ endpoints that need one"
    )

    def secret(self, variable: str) -> str:
        """The value of an API-key variable (``OPENAI_API_KEY``, or the one an ``api_key_env`` option
        names); read here because the name is chosen per model, and never stored on the object."""
        return os.environ.get(variable, "").strip()

    #: ``HARDGEN_<PROVIDER>_CONCURRENCY`` values as they were when the settings were read
    _concurrency: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        self._concurrency = {
            name: value
            for name, value in os.environ.items()
            if name.startswith("HARDGEN_") and name.endswith("_CONCURRENCY")
        }

    def concurrency(self, provider: str) -> int | None:
        """``HARDGEN_<PROVIDER>_CONCURRENCY``: calls in flight to one provider (the name is per provider)."""
        variable = f"HARDGEN_{provider.upper()}_CONCURRENCY"
        raw = self._concurrency.get(variable, "").strip()
        if not raw:
            return None
        if not raw.isdigit() or int(raw) < 1:
            raise ValueError(f"{variable}={raw}: not a positive integer")
        return int(raw)


class ScanEngineSettings(HardgenSettings):
    scan_engines: CommaList = Field(default=(), description="engines for strategies' scans, comma-separated")

    @field_validator("scan_engines", mode="before")
    @classmethod
    def _commas(cls, value: Any) -> Any:
        return split_commas(value)


class RefinementSettings(SharedSettings, ProviderSettings, ScanEngineSettings):
    """Everything ``python -m hardgen.refinement`` and its NATS worker read."""

    worker_ack_wait: float = Field(default=60.0, gt=0, description="seconds a work item stays claimed (NATS ack wait)")
    worker_max_deliver: int = Field(default=5, ge=1, description="deliveries of a work item before the DLQ")
    worker_concurrency: int = Field(default=1, ge=1, description="work items one worker has in flight at once")


def scan_engines() -> list[str]:
    """``HARDGEN_SCAN_ENGINES="semgrep,gocustom"``; empty means the scanner's default engines."""
    return list(ScanEngineSettings().scan_engines)
