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

from hardgen.core.clients.modelserve import (
    ModelGeneration,
    ModelRequest,
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
    backend_version,
)
from hardgen.modelserve.service import InvalidRequestError, ModelService, ServeConfig


class InProcessModelServe:
    """``InProcessModelServe().generate(ModelRequest("def f():", model="demo"))`` → ``ModelGeneration``, no service.

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

    def generate(self, request: ModelRequest, timeout: float | None = None) -> ModelGeneration:
        """Generate as ``ModelServe.Generate`` would; ``timeout`` bounds the wait for the batcher."""
        row = GenerationRequest.from_message(request)
        try:
            out = self._service.submit(row, request.model or None).result(timeout=timeout)
        except Exception as exc:  # noqa: BLE001 - translated to the port's errors, as the server does
            raise _translate(exc) from None
        name = request.model or self._service.config.model
        return ModelGeneration(
            text=out.text,
            finish_reason=out.finish_reason,
            prompt_tokens=out.prompt_tokens,
            completion_tokens=out.completion_tokens,
            latency_ms=out.latency_ms,
            peak_memory_bytes=out.peak_memory_bytes,
            model=f"{name}@{request.adapter_id}" if request.adapter_id else name,
            backend_version=backend_version(),
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
