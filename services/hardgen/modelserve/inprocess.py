"""The model server in the caller's process, behind the same port as the model server's gRPC client.

The CLI constructs this for its local mode (``hardgen generate --model hf/demo``, ``hardgen fix``,
``make bench-fix`` with no stack running) and hands it to the refinement ``hf/`` backend, which only
knows :class:`hardgen.core.clients.modelserve.ModelServePort`. It runs the server's own request
handling (:class:`~hardgen.modelserve.service.ModelService`: validation, the batcher, adapter
checks), so a local generation answers exactly what the service would, and it fails with the gRPC
client's :class:`~hardgen.core.clients.modelserve.ModelServeClientError` subclasses, mapped as
:mod:`hardgen.modelserve.grpc_api` maps them to status codes.
"""

from __future__ import annotations

from collections.abc import Sequence

from hardgen.core.clients.modelserve import (
    ModelGeneration,
    ModelServeClientError,
    ModelServeNotFoundError,
    ModelServeRequestError,
    ModelServeTimeoutError,
)
from hardgen.modelserve.localmodel import (
    AdapterMismatchError,
    AdapterNotFoundError,
    GenerationRequest,
    ModelNotFoundError,
)
from hardgen.modelserve.service import InvalidRequestError, ModelService, ServeConfig


class InProcessModelServe:
    """``InProcessModelServe().generate("def f():", model="demo")`` → ``ModelGeneration``, no service needed.

    Models load on first use (never at construction), so building one costs nothing for a command
    that ends up calling a hosted model.
    """

    address = "in-process"

    def __init__(self, device: str = "auto", default_model: str = "demo") -> None:
        self._service = ModelService(ServeConfig(model=default_model, device=device))

    def load(self, model: str = "", adapter_id: str = "") -> None:
        """Load ``model`` (and ``adapter_id`` into it) now, so a wrong name fails before any sample."""
        try:
            batcher = self._service.batcher(model or None)
            if adapter_id:
                batcher.model.ensure_adapter(adapter_id)
        except Exception as exc:  # noqa: BLE001 - translated to the port's errors, as the server does
            raise _translate(exc) from None

    def generate(
        self,
        inputs: str,
        *,
        model: str = "",
        adapter_id: str = "",
        max_new_tokens: int = 256,
        temperature: float = 0.0,
        top_p: float = 1.0,
        seed: int | None = None,
        stop: Sequence[str] = (),
        timeout: float | None = None,
    ) -> ModelGeneration:
        """Generate as ``ModelServe.Generate`` would; ``timeout`` bounds the wait for the batcher."""
        request = GenerationRequest(
            prompt=inputs,
            max_new_tokens=max_new_tokens or 256,
            temperature=temperature,
            top_p=top_p or 1.0,
            seed=seed or None,
            stop=tuple(stop),
            adapter_id=adapter_id,
        )
        try:
            out = self._service.submit(request, model or None).result(timeout=timeout)
        except Exception as exc:  # noqa: BLE001 - translated to the port's errors, as the server does
            raise _translate(exc) from None
        name = model or self._service.config.model
        return ModelGeneration(
            text=out.text,
            finish_reason=out.finish_reason,
            prompt_tokens=out.prompt_tokens,
            completion_tokens=out.completion_tokens,
            latency_ms=out.latency_ms,
            peak_memory_bytes=out.peak_memory_bytes,
            model=f"{name}@{adapter_id}" if adapter_id else name,
        )

    def close(self) -> None:
        """Stop the batcher threads and let the weights go."""
        self._service.close()


def _translate(exc: Exception) -> ModelServeClientError:
    """The gRPC client's error for what the server would have answered (grpc_api's status mapping)."""
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, AdapterNotFoundError | ModelNotFoundError):
        return ModelServeNotFoundError(message)
    if isinstance(exc, AdapterMismatchError | InvalidRequestError):
        return ModelServeRequestError(message)
    if isinstance(exc, TimeoutError):
        return ModelServeTimeoutError("the local model did not answer in time")
    return ModelServeClientError(f"local model failed: {message}")
