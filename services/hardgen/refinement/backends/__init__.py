"""Model backends addressed as ``provider/model``.

=====================  =====================================================================
``openai/<model>``     Chat Completions via the ``openai`` SDK; any OpenAI-compatible server
                       through ``base_url`` (option or ``OPENAI_BASE_URL``); ``OPENAI_API_KEY``
``gemini/<model>``     ``google-genai``; ``GEMINI_API_KEY`` (or ``GOOGLE_API_KEY``); ``base_url``
``tgi/<url-or-name>``  text-generation-inference via ``huggingface_hub.InferenceClient``;
                       ``@adapter`` suffix or ``adapter_id`` option selects a LoRA adapter
``hf/<path>[@adapter]`` a local transformers (+ peft) model via :mod:`hardgen.core.localmodel`
``replay/<manifest>``  answers recorded in a JSONL manifest of earlier samples (no model)
``mock/<kind>``        deterministic answers from the scenario's labelled references, for
                       tests and demos: ``insecure``, ``secure`` or ``references``
=====================  =====================================================================

Provider modules are imported lazily so that ``hardgen --help`` does not import torch or SDKs.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from hardgen.refinement.backends.base import (
    Backend,
    CallContext,
    CallStats,
    Completion,
    GenerationParams,
    RawCompletion,
)
from hardgen.refinement.errors import RequestError

PROVIDERS: dict[str, str] = {
    "openai": "hardgen.refinement.backends.openai",
    "gemini": "hardgen.refinement.backends.gemini",
    "tgi": "hardgen.refinement.backends.tgi",
    "hf": "hardgen.refinement.backends.hf",
    "replay": "hardgen.refinement.backends.replay",
    "mock": "hardgen.refinement.backends.mock",
}

__all__ = [
    "PROVIDERS",
    "Backend",
    "CallContext",
    "CallStats",
    "Completion",
    "GenerationParams",
    "RawCompletion",
    "backend_class",
    "get_backend",
    "split_model",
]


def split_model(spec: str) -> tuple[str, str]:
    """``"openai/gpt-4.1"`` → ``("openai", "gpt-4.1")``; the model part may itself contain ``/``."""
    provider, sep, model = spec.strip().partition("/")
    if not sep or not provider or not model:
        raise RequestError(f"model {spec!r} is not provider/model (providers: {', '.join(PROVIDERS)})")
    if provider not in PROVIDERS:
        raise RequestError(f"unknown model provider {provider!r} (providers: {', '.join(PROVIDERS)})")
    return provider, model


def backend_class(provider: str) -> type[Backend]:
    if provider not in PROVIDERS:
        raise RequestError(f"unknown model provider {provider!r} (providers: {', '.join(PROVIDERS)})")
    module = importlib.import_module(PROVIDERS[provider])
    cls: type[Backend] = module.BACKEND
    return cls


def get_backend(spec: str, options: Mapping[str, str] | None = None) -> Backend:
    """Build the backend for ``spec`` with backend ``options``; unknown options are a RequestError."""
    provider, model = split_model(spec)
    cls = backend_class(provider)
    opts = dict(options or {})
    cls.check_options(opts)
    try:
        return cls(model, opts)
    except ValueError as exc:  # e.g. max_attempts=three
        raise RequestError(f"{provider} backend: bad option value ({exc})".splitlines()[0]) from None
