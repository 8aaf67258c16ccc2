"""``hf/<path-or-name>[@adapter]``: a transformers model (+ peft LoRA adapter), local or served.

Where the model runs:

* through the model-serving service when ``HARDGEN_MODELSERVE_ADDR`` is set or the option
  ``modelserve=<host:port>`` is given (containers: the model is loaded once, in modelserve, and
  batched across workers);
* otherwise in this process (``modelserve=local`` forces it), through
  :mod:`hardgen.core.localmodel`, the same code modelserve runs, so both give the same samples.

Local models are cached per (model, adapter) for the life of the process; calls are serialised
by default (``HARDGEN_HF_CONCURRENCY``) because one CPU/GPU model does not benefit from threads.
"""

from __future__ import annotations

import os
import threading
from functools import cached_property
from typing import Any

from hardgen.refinement.backends.base import Backend, CallContext, GenerationParams, RawCompletion
from hardgen.refinement.errors import BackendCallError, ConfigError

_MODELS: dict[tuple[str, str], Any] = {}
_LOCK = threading.Lock()


def split_adapter(model: str) -> tuple[str, str]:
    """``"demo@sql-lora"`` → ``("demo", "sql-lora")``."""
    name, _, adapter = model.partition("@")
    return name, adapter


def load_model(name: str, adapter: str) -> Any:
    """The cached :class:`hardgen.core.localmodel.LocalModel` for (name, adapter)."""
    key = (name, adapter)
    with _LOCK:
        if key not in _MODELS:
            try:
                from hardgen.core.localmodel import LocalModel
            except ImportError as exc:
                raise ConfigError(f"hf backend unavailable: {exc}") from None
            try:
                _MODELS[key] = LocalModel.load(name, adapter=adapter or None)
            except (OSError, ValueError, FileNotFoundError) as exc:
                what = f"{name}@{adapter}" if adapter else name
                raise ConfigError(f"cannot load hf model {what}: {str(exc).splitlines()[0]}") from None
        return _MODELS[key]


class HFBackend(Backend):
    provider = "hf"
    default_concurrency = 1
    known_options = frozenset({"adapter", "modelserve"})

    def __init__(self, model: str, options: Any = None) -> None:
        super().__init__(model, options)
        self.base, adapter = split_adapter(model)
        self.adapter = self.options.get("adapter") or adapter

    def version(self) -> str:
        try:
            import transformers

            return f"transformers {transformers.__version__}"
        except ImportError:  # pragma: no cover - transformers is a dependency
            return ""

    def with_adapter(self, adapter: str) -> Backend:
        return HFBackend(self.base, {**self.options, "adapter": adapter})

    @property
    def modelserve(self) -> str | None:
        """Address of the model-serving service to use, or None to run the model here."""
        chosen = self.options.get("modelserve") or os.environ.get("HARDGEN_MODELSERVE_ADDR") or ""
        return None if chosen in ("", "local") else chosen

    @cached_property
    def client(self) -> Any:
        from hardgen.core.clients.modelserve import ModelServeClient

        return ModelServeClient(self.modelserve, timeout=self.timeout)

    def prepare(self) -> None:
        if self.modelserve is None:
            load_model(self.base, self.adapter)

    def _call(self, prompt: str, params: GenerationParams, context: CallContext) -> RawCompletion:
        if self.modelserve is not None:
            return self._remote(prompt, params)
        model = load_model(self.base, self.adapter)
        try:
            out = model.generate(
                prompt,
                max_new_tokens=params.max_new_tokens,
                temperature=params.temperature,
                top_p=params.top_p,
                seed=params.seed,
                stop=list(params.stop) or None,
            )
        except (RuntimeError, ValueError) as exc:
            raise BackendCallError(f"local generation failed: {str(exc).splitlines()[0]}") from None
        return RawCompletion(
            text=out.text,
            prompt_tokens=int(out.prompt_tokens),
            completion_tokens=int(out.completion_tokens),
            peak_memory_bytes=int(out.peak_memory_bytes or 0),
            finish_reason=str(out.finish_reason or ""),
            model=f"{self.base}@{self.adapter}" if self.adapter else self.base,
        )

    def _remote(self, prompt: str, params: GenerationParams) -> RawCompletion:
        from hardgen.core.clients.modelserve import (
            ModelServeNotFoundError,
            ModelServeRequestError,
            ModelServeTimeoutError,
            ModelServeUnavailableError,
        )

        try:
            out = self.client.generate(
                prompt,
                model=self.base,
                adapter_id=self.adapter,
                max_new_tokens=params.max_new_tokens,
                temperature=params.temperature,
                top_p=params.top_p,
                seed=params.seed,
                stop=list(params.stop),
            )
        except (ModelServeUnavailableError, ModelServeTimeoutError) as exc:
            raise BackendCallError(f"model server at {self.modelserve}: {exc}", retryable=True) from None
        except ModelServeNotFoundError as exc:
            raise ConfigError(str(exc)) from None
        except ModelServeRequestError as exc:
            raise BackendCallError(f"model server refused the request: {exc}") from None
        return RawCompletion(
            text=out.text,
            prompt_tokens=int(out.prompt_tokens),
            completion_tokens=int(out.completion_tokens),
            peak_memory_bytes=int(out.peak_memory_bytes or 0),
            finish_reason=str(out.finish_reason or ""),
            model=out.model or (f"{self.base}@{self.adapter}" if self.adapter else self.base),
        )


BACKEND = HFBackend
