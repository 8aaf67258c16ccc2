"""Model server settings: generation limits and training threads, from ``HARDGEN_*`` variables.

``python -m hardgen.modelserve`` builds :class:`ModelServeSettings` once and passes the limits into
:class:`hardgen.modelserve.service.ServeConfig`; library callers (``hardgen model build-demo``,
the CLI's in-process model) read the small groups when they need them.
"""

from __future__ import annotations

from pydantic import Field

from hardgen.core.settings import HardgenSettings, SharedSettings


class TrainingSettings(HardgenSettings):
    train_threads: int = Field(default=0, ge=0, description="torch threads for training (0: every core torch sees)")


class ModelServeSettings(SharedSettings, TrainingSettings):
    """Everything ``python -m hardgen.modelserve`` reads."""

    modelserve_max_new_tokens: int = Field(default=2048, ge=1, description="largest max_new_tokens a request may ask")
    modelserve_finetune_worker: bool = Field(
        default=False, description="also consume the studies' fine-tune items from NATS (--finetune-worker)"
    )
    modelserve_finetune_ack_wait: float = Field(
        default=60.0, gt=0, description="seconds without a heartbeat before a fine-tune item is redelivered"
    )
