"""``hf/<name>[@adapter]``: a transformers model (+ peft LoRA adapter) served by modelserve.

A thin client: the refinement service never loads weights. It calls a
:class:`hardgen.core.clients.modelserve.ModelServePort`, which is, in order:

* the model server at the option ``modelserve=<host:port>``;
* the port the caller handed over (:meth:`Backend.bind_models`): the CLI's local mode passes the
  model server's code in its own process (``hardgen.modelserve.inprocess``);
* otherwise the model server's gRPC client at ``HARDGEN_MODELSERVE_ADDR`` (default
  ``127.0.0.1:50053``), as in every deployment.

Either way the same code (modelserve's) generates, so a local run and a served run give the same
samples. Calls are serialised per model by default (``HARDGEN_HF_CONCURRENCY``); the server batches
concurrent callers itself.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from hardgen.core.clients.modelserve import (
    ModelRequest,
    ModelServeClient,
    ModelServeClientError,
    ModelServeNotFoundError,
    ModelServePort,
    ModelServeRequestError,
    ModelServeTimeoutError,
    ModelServeUnavailableError,
)
from hardgen.refinement.backends.base import Backend, CallContext, GenerationParams, RawCompletion
from hardgen.refinement.errors import BackendCallError, ConfigError
from hardgen.refinement.settings import ProviderSettings


def split_adapter(model: str) -> tuple[str, str]:
    """``"demo@sql-lora"`` → ``("demo", "sql-lora")``."""
    name, _, adapter = model.partition("@")
    return name, adapter


class HFBackend(Backend):
    provider = "hf"
    default_concurrency = 1
    known_options = frozenset({"adapter", "modelserve"})

    def __init__(
        self,
        model: str,
        options: Any = None,
        models: ModelServePort | None = None,
        settings: ProviderSettings | None = None,
    ) -> None:
        super().__init__(model, options, settings)
        self.base, adapter = split_adapter(model)
        self.adapter = self.options.get("adapter") or adapter
        self._bound = models

    def bind_models(self, models: ModelServePort) -> None:
        self._bound = models
        self.__dict__.pop("models", None)

    def with_adapter(self, adapter: str) -> Backend:
        return HFBackend(self.base, {**self.options, "adapter": adapter}, self._bound, self.settings)

    def with_model(self, model: str) -> Backend:
        return HFBackend(model, self.options, self._bound, self.settings)

    @cached_property
    def models(self) -> ModelServePort:
        """The model server this backend calls (see the module docstring for the order)."""
        address = self.options.get("modelserve", "")
        if address:
            return ModelServeClient(address, timeout=self.timeout)
        if self._bound is not None:
            return self._bound
        return ModelServeClient(timeout=self.timeout)

    @property
    def label(self) -> str:
        return f"{self.base}@{self.adapter}" if self.adapter else self.base

    def prepare(self) -> None:
        try:
            self.models.load(self.base, self.adapter)
        except ModelServeNotFoundError as exc:
            raise ConfigError(f"cannot load hf model {self.label}: {exc}") from None
        except ModelServeRequestError as exc:
            raise ConfigError(f"cannot serve hf model {self.label}: {exc}") from None

    def _call(self, prompt: str, params: GenerationParams, context: CallContext) -> RawCompletion:
        try:
            request = ModelRequest(
                prompt, self.base, self.adapter, params.max_new_tokens, params.temperature, params.top_p,
                params.seed, tuple(params.stop),
            )  # fmt: skip
            out = self.models.generate(request)
        except (ModelServeUnavailableError, ModelServeTimeoutError) as exc:
            raise BackendCallError(f"model server at {self.models.address}: {exc}", retryable=True) from None
        except ModelServeNotFoundError as exc:
            raise ConfigError(str(exc)) from None
        except ModelServeRequestError as exc:
            raise BackendCallError(f"model server refused the request: {exc}") from None
        except ModelServeClientError as exc:  # any other failure of the server: this call's, not retried
            raise BackendCallError(f"model server at {self.models.address} failed: {exc}") from None
        return RawCompletion(
            text=out.text,
            prompt_tokens=int(out.prompt_tokens),
            completion_tokens=int(out.completion_tokens),
            peak_memory_bytes=int(out.peak_memory_bytes or 0),
            finish_reason=str(out.finish_reason or ""),
            model=out.model or self.label,
            backend_version=out.backend_version,
        )


BACKEND = HFBackend
