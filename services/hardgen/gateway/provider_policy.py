"""Which models a gateway caller may name: the public edge's provider policy.

Model specs reach backends that open files (``replay/`` reads a manifest, ``hf/`` loads weights and
adapters) or open connections (``tgi/`` takes a URL). A caller of the public API must therefore
never choose a path or an address:

* hosted providers (``openai/``, ``gemini/``) and ``mock/`` take a model *name*;
* ``tgi/`` is served only at the endpoints the operator configured
  (``HARDGEN_GATEWAY_TGI_ENDPOINTS``), never at a URL the caller makes up;
* ``hf/`` and ``replay/`` are off by default; when an operator allows them they take an *id* that
  the server resolves in its own registry (``models_dir()`` for models and adapters, the replay
  directory for manifests), never a path;
* the ``adapter`` option is an adapter id, and ``ft_model`` (the tuned model of the request's own
  provider) follows the same rules as the request's model.

A path-shaped name (``/``, ``\\``, ``..``, a leading ``.`` or ``~``) is a 400 ``not_allowed`` with a
message that says what to send instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from hardgen.core.study import StudySpec
from hardgen.gateway.errors import ApiError
from hardgen.gateway.settings import GatewaySettings

#: A registry id: what ``hf/``, ``replay/`` and adapters take at the gateway (no dots: no file names).
REGISTRY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")
#: Providers whose model part is resolved in a server-side registry.
REGISTRY_PROVIDERS = frozenset({"hf", "replay"})


def _refuse(message: str) -> ApiError:
    return ApiError(400, "not_allowed", message)


def is_path_shaped(name: str) -> bool:
    """True for anything a backend could read as a file-system path or a relative escape."""
    return "/" in name or "\\" in name or ".." in name or name.startswith((".", "~")) or "\x00" in name


def _check_registry_id(provider: str, name: str) -> None:
    base, _, adapter = name.partition("@")
    for part, what in ((base, "model"), (adapter, "adapter")):
        if what == "adapter" and not adapter:
            continue
        if not REGISTRY_ID.fullmatch(part):
            raise _refuse(
                f"{provider}/ takes a registered {what} id (letters, digits, '-', '_'), "
                f"not a path or file name: {part!r}"
            )


def check_model(spec: str, settings: GatewaySettings) -> None:
    """Raise a 400 unless ``spec`` (``provider/model``) may be served to a caller of this gateway."""
    provider, sep, name = spec.partition("/")
    if provider not in settings.allowed_providers:
        allowed = ", ".join(settings.allowed_providers)
        raise _refuse(f"model provider {provider!r} is not served here (allowed: {allowed})")
    if not sep or not name:
        raise _refuse(f"model {spec!r} is not provider/model")
    if provider == "tgi":
        endpoint = name.partition("@")[0]
        if endpoint not in settings.tgi_endpoints:
            configured = ", ".join(settings.tgi_endpoints) or "none configured"
            raise _refuse(f"tgi/ is served only at the configured endpoints ({configured}), not at {endpoint!r}")
        return
    if provider in REGISTRY_PROVIDERS:
        _check_registry_id(provider, name)
        return
    if is_path_shaped(name):
        raise _refuse(f"model name {name!r} of {provider}/ looks like a path; send a model name")


def check_model_options(spec: str, options: Mapping[str, str], settings: GatewaySettings) -> None:
    """Option values that name models or adapters follow :func:`check_model`'s rules."""
    adapter = options.get("adapter")
    if adapter is not None and not REGISTRY_ID.fullmatch(adapter):
        raise _refuse(f"option adapter takes a registered adapter id, not a path: {adapter!r}")
    ft_model = options.get("ft_model")
    if ft_model:
        check_model(f"{spec.partition('/')[0]}/{ft_model}", settings)


def check_study(spec: StudySpec, settings: GatewaySettings) -> None:
    """A posted study names models the workers will load: the same policy as a single request.

    Every model, its fine-tuned counterpart and the options the workers pass to each model follow
    :func:`check_model`; the fine-tune's base is a model id in modelserve's registry, never a path.
    """
    for model in spec.models:
        check_model(model, settings)
        check_model_options(model, spec.options, settings)
    for model, tuned in spec.finetune.models.items():
        check_model(model, settings)
        check_model(f"{model.partition('/')[0]}/{tuned}", settings)
    if not REGISTRY_ID.fullmatch(spec.finetune.base):
        raise _refuse(f"finetune.base takes a registered model id, not a path: {spec.finetune.base!r}")
