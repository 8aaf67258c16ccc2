"""Analytics settings, from ``HARDGEN_*`` variables; ``python -m hardgen.analytics`` reads them once."""

from __future__ import annotations

from pydantic import Field

from hardgen.core.settings import SharedSettings


class AnalyticsSettings(SharedSettings):
    """Everything ``python -m hardgen.analytics`` reads (the DuckDB file is the shared ``HARDGEN_DB``)."""

    bind: str = Field(default="127.0.0.1", description="interface the analytics gRPC server binds")

    @property
    def consume_url(self) -> str | None:
        """The NATS URL to consume, only when ``HARDGEN_NATS_URL`` is set: without it, no events
        are consumed (an analytics that only serves a finished DuckDB file needs no NATS)."""
        return self.nats_url if "nats_url" in self.model_fields_set else None
