"""Transport-independent core of the model server: models, batchers, adapters, fine-tunes.

The gRPC front end (:mod:`hardgen.modelserve.grpc_api`) and the TGI-compatible HTTP front end
(:mod:`hardgen.modelserve.http_api`) both call this, so they batch together: a gRPC request and an
HTTP request arriving in the same window share one forward pass.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from hardgen import __version__
from hardgen.core.logging import get_logger
from hardgen.modelserve.batcher import DynamicBatcher
from hardgen.modelserve.localmodel import Generation, GenerationRequest, LocalModel, LocalModelError
from hardgen.modelserve.registry import AdapterRecord, AdapterRegistry
from hardgen.modelserve.settings import ModelServeSettings

log = get_logger(__name__)

#: the default limit; ``HARDGEN_MODELSERVE_MAX_NEW_TOKENS`` reaches a server through ServeConfig
MAX_NEW_TOKENS_LIMIT = int(ModelServeSettings.model_fields["modelserve_max_new_tokens"].default)
MAX_STOP_SEQUENCES = 8


class InvalidRequestError(ValueError):
    """A request the server refuses (HTTP 422 with TGI's error shape, gRPC INVALID_ARGUMENT)."""


@dataclass(frozen=True)
class ServeConfig:
    model: str = "demo"
    device: str = "auto"
    window_ms: float = 10.0
    max_batch: int = 16
    max_new_tokens: int = MAX_NEW_TOKENS_LIMIT


class ModelService:
    """One batcher per base model (the default one loaded at start, others on first use)."""

    def __init__(self, config: ServeConfig | None = None, registry: AdapterRegistry | None = None) -> None:
        self.config = config or ServeConfig()
        self.registry = registry or AdapterRegistry()
        self._batchers: dict[str, DynamicBatcher] = {}
        self._lock = threading.Lock()
        self._finetune_lock = threading.Lock()

    # models ---------------------------------------------------------------------------------------
    def batcher(self, model: str | None = None) -> DynamicBatcher:
        name = model or self.config.model
        with self._lock:
            batcher = self._batchers.get(name)
            if batcher is None:
                loaded = LocalModel.load(name, device=self.config.device)
                batcher = DynamicBatcher(loaded, window_ms=self.config.window_ms, max_batch=self.config.max_batch)
                self._batchers[name] = batcher
            return batcher

    def default_model(self) -> LocalModel:
        return self.batcher().model

    def close(self) -> None:
        with self._lock:
            for batcher in self._batchers.values():
                batcher.close()
            self._batchers.clear()

    # generation -----------------------------------------------------------------------------------
    def validate(self, request: GenerationRequest) -> None:
        if not request.prompt:
            raise InvalidRequestError("`inputs` must not be empty")
        limit = self.config.max_new_tokens
        if not 1 <= request.max_new_tokens <= limit:
            raise InvalidRequestError(f"`max_new_tokens` must be between 1 and {limit}")
        if request.temperature < 0:
            raise InvalidRequestError("`temperature` must be >= 0")
        if not 0 < request.top_p <= 1:
            raise InvalidRequestError("`top_p` must be in (0, 1]")
        if len(request.stop) > MAX_STOP_SEQUENCES:
            raise InvalidRequestError(f"at most {MAX_STOP_SEQUENCES} stop sequences")

    def submit(self, request: GenerationRequest, model: str | None = None) -> Future[Generation]:
        """Validate and queue; raises InvalidRequestError or a LocalModelError at once."""
        self.validate(request)
        return self.batcher(model).submit(request)

    def generate(self, request: GenerationRequest, model: str | None = None) -> Generation:
        return self.submit(request, model).result()

    # adapters and fine-tunes ----------------------------------------------------------------------
    def list_adapters(self) -> list[AdapterRecord]:
        return self.registry.list()

    def finetune(self, config: Any, force: bool = False, scanner: Any = "auto") -> AdapterRecord:
        """Run a LoRA fine-tune (one at a time per server: the gRPC ``FineTune`` and the study
        fine-tune worker share this lock); see :func:`run_finetune` (idempotent)."""
        from hardgen.modelserve.finetune import run_finetune

        with self._finetune_lock:
            return run_finetune(config, registry=self.registry, force=force, scanner=scanner)

    def health(self) -> bool:
        try:
            self.batcher()
        except LocalModelError:
            return False
        return True

    def info(self) -> dict[str, Any]:
        """TGI's ``GET /info`` shape, filled from the default model."""
        model = self.default_model()
        max_total = model.max_positions
        return {
            "model_id": model.name,
            "model_sha": model.fingerprint[:40],
            "model_dtype": "float32" if model.device == "cpu" else "bfloat16",
            "model_device_type": model.device.split(":")[0],
            "model_pipeline_tag": "text-generation",
            "max_concurrent_requests": 128,
            "max_best_of": 1,
            "max_stop_sequences": MAX_STOP_SEQUENCES,
            "max_input_tokens": max_total - 1,
            "max_input_length": max_total - 1,
            "max_total_tokens": max_total,
            "waiting_served_ratio": 0.0,
            "max_batch_total_tokens": max_total * self.config.max_batch,
            "max_waiting_tokens": 0,
            "max_batch_size": self.config.max_batch,
            "validation_workers": 1,
            "max_client_batch_size": 1,
            "router": "hardgen-modelserve",
            "version": __version__,
            "sha": None,
            "docker_label": None,
            "adapters": model.loaded_adapters,
        }
