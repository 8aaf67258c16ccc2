"""Model backends addressed as ``provider/model``.

=====================  =====================================================================
``openai/<model>``     Chat Completions via the ``openai`` SDK; any OpenAI-compatible server
                       through ``base_url`` (option or ``OPENAI_BASE_URL``); ``OPENAI_API_KEY``
``gemini/<model>``     ``google-genai``; ``GEMINI_API_KEY`` (or ``GOOGLE_API_KEY``); ``base_url``
``tgi/<url-or-name>``  text-generation-inference via ``huggingface_hub.InferenceClient``;
                       ``@adapter`` suffix or ``adapter_id`` option selects a LoRA adapter
``hf/<name>[@adapter]`` a transformers (+ peft) model served by modelserve (a thin client of
                       :class:`hardgen.core.clients.modelserve.ModelServePort`)
``replay/<manifest>``  answers recorded in a JSONL manifest of earlier samples (no model)
``mock/<kind>``        deterministic answers from the scenario's labelled references, for
                       tests and demos: ``insecure``, ``secure`` or ``references``
=====================  =====================================================================

Provider modules are imported lazily so that ``hardgen --help`` does not import torch or SDKs.
A provider registers itself: every module of this package whose name does not start with ``_``
(other than ``base``) is the provider of that name and defines ``BACKEND``, so adding a provider is
adding one module. The name comes from the file, not an import, to keep discovery free of SDKs.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from hardgen.refinement.backends.base import (
    Backend,
    CallContext,
    CallStats,
    Completion,
    GenerationParams,
    RawCompletion,
)
from hardgen.refinement.errors import RequestError
from hardgen.refinement.settings import ProviderSettings

if TYPE_CHECKING:
    from hardgen.core.clients.modelserve import ModelServePort

_NOT_PROVIDERS = frozenset({"base"})


@cache
def _discover(search_path: tuple[str, ...]) -> tuple[str, ...]:
    names = (m.name for m in pkgutil.iter_modules(list(search_path)))
    return tuple(sorted(n for n in names if not n.startswith("_") and n not in _NOT_PROVIDERS))


def providers() -> tuple[str, ...]:
    """Every provider name (one module each), found on the package path without importing them."""
    return _discover(tuple(__path__))


__all__ = [
    "Backend",
    "CallContext",
    "CallStats",
    "Completion",
    "GenerationParams",
    "RawCompletion",
    "backend_class",
    "get_backend",
    "providers",
    "split_model",
]


def split_model(spec: str) -> tuple[str, str]:
    """``"openai/gpt-4.1"`` → ``("openai", "gpt-4.1")``; the model part may itself contain ``/``."""
    provider, sep, model = spec.strip().partition("/")
    if not sep or not provider or not model:
        raise RequestError(f"model {spec!r} is not provider/model (providers: {', '.join(providers())})")
    known = providers()
    if provider not in known:
        raise RequestError(f"unknown model provider {provider!r} (providers: {', '.join(known)})")
    return provider, model


def backend_class(provider: str) -> type[Backend]:
    known = providers()
    if provider not in known:
        raise RequestError(f"unknown model provider {provider!r} (providers: {', '.join(known)})")
    module = importlib.import_module(f"{__name__}.{provider}")
    cls: type[Backend] = module.BACKEND
    if cls.provider != provider:
        raise RuntimeError(f"backend module {provider}.py defines provider {cls.provider!r}: name them alike")
    return cls


def get_backend(
    spec: str,
    options: Mapping[str, str] | None = None,
    models: ModelServePort | None = None,
    settings: ProviderSettings | None = None,
) -> Backend:
    """Build the backend for ``spec`` with backend ``options``; unknown options are a RequestError.

    ``models``: the model server that served models (``hf/``) go through, when the caller has one
    other than the model server's gRPC client (the CLI's in-process model server). ``settings``:
    the service's provider settings, read once at its start (else read here)."""
    provider, model = split_model(spec)
    cls = backend_class(provider)
    opts = dict(options or {})
    cls.check_options(opts)
    try:
        backend = cls(model, opts, settings=settings)
    except ValueError as exc:  # e.g. max_attempts=three
        raise RequestError(f"{provider} backend: bad option value ({exc})".splitlines()[0]) from None
    if models is not None:
        backend.bind_models(models)
    return backend
