"""The CLI's settings: the shared ``HARDGEN_*`` variables plus the gateway API key.

``hardgen`` reads them once when it starts (:func:`load_cli_settings`), so a bad value is one
``error:`` line and exit 2 before any command runs, as for every other usage error.
"""

from __future__ import annotations

import sys

from pydantic import Field, SecretStr, ValidationError

from hardgen.core.settings import LogSettings, SharedSettings, configured_address, settings_error

EXIT_USAGE = 2


class CliSettings(SharedSettings):
    """Everything the ``hardgen`` command reads itself (services it starts read their own)."""

    api_key: SecretStr = Field(default=SecretStr(""), description="API key the CLI sends to a gateway")
    gateway_url: str = Field(default="", description="gateway the analyze commands fetch from (--server)")


def load_cli_settings() -> CliSettings:
    """The settings, or one ``error:`` line on stderr and exit 2."""
    try:
        return CliSettings()
    except ValidationError as exc:
        sys.stderr.write(f"error: settings: {settings_error(CliSettings, exc)}\n")
        raise SystemExit(EXIT_USAGE) from None


def api_key() -> str:
    """``HARDGEN_API_KEY``, stripped; empty when unset."""
    return CliSettings().api_key.get_secret_value().strip()


def scanner_or_setting(value: str | None) -> str | None:
    """``--scanner``, else ``HARDGEN_SCANNER_ADDR`` when set (a typer callback)."""
    return value or configured_address("scanner")


def modelserve_or_setting(value: str | None) -> str:
    """``--modelserve``, else ``HARDGEN_MODELSERVE_ADDR`` when set, else "" (in-process)."""
    return value or configured_address("modelserve") or ""


def gateway_or_setting(value: str | None) -> str | None:
    """``--server``, else ``HARDGEN_GATEWAY_URL`` when set."""
    return value or CliSettings().gateway_url or None


def report_log_level() -> str:
    """Log level of commands whose output is the report (scan, fix): ``HARDGEN_LOG_LEVEL`` when set,
    else WARNING, so engine runs show only when asked for (``HARDGEN_LOG_LEVEL=INFO``)."""
    configured = LogSettings()
    return configured.log_level if "log_level" in configured.model_fields_set else "WARNING"
