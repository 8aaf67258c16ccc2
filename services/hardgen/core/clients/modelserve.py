"""The one way services reach models served by modelserve: the :class:`ModelServePort` it defines
and its gRPC client (``ModelServe``).

Services never load weights themselves (only modelserve imports transformers' models): the
refinement service's ``hf/`` backend calls a :class:`ModelServePort`. In a deployment that is
:class:`ModelServeClient`; in the CLI's local mode (no stack running) the CLI hands the backend
``hardgen.modelserve.inprocess.InProcessModelServe``, the model server's own code in this process,
so one code path serves both, as the scanner port does for scans.

Every call carries a deadline; failures raise a :class:`ModelServeClientError` subclass whose
message says what and where, instead of a raw ``grpc.RpcError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import grpc

from hardgen.core.clients.base import GrpcClient
from hardgen.v1 import common_pb2, modelserve_pb2, modelserve_pb2_grpc

DEFAULT_TIMEOUT = 300.0
FINETUNE_TIMEOUT = 6 * 3600.0


class ModelServeClientError(RuntimeError):
    """The model server could not answer (base class)."""


class ModelServeUnavailableError(ModelServeClientError):
    """Nothing answers at the address."""


class ModelServeNotFoundError(ModelServeClientError):
    """Unknown base model or adapter."""


class ModelServeRequestError(ModelServeClientError):
    """The server refused the request (bad parameters, adapter for another base, empty dataset)."""


class ModelServeTimeoutError(ModelServeClientError):
    """No answer within the deadline."""


@dataclass(frozen=True)
class ModelRequest:
    """One generation: ``model`` is a base model's name (``""``: the server's default) and
    ``adapter_id`` a LoRA adapter's id (``""``: none); ``seed`` None or 0 means unseeded."""

    inputs: str
    model: str = ""
    adapter_id: str = ""
    max_new_tokens: int = 256
    temperature: float = 0.0
    top_p: float = 1.0
    seed: int | None = None
    stop: Sequence[str] = ()


@dataclass(frozen=True)
class ModelGeneration:
    text: str
    finish_reason: str
    prompt_tokens: int
    completion_tokens: int
    latency_ms: float
    peak_memory_bytes: int
    model: str
    #: what generated (modelserve's ``transformers x.y``), recorded as CallStats.backend_version
    backend_version: str = ""


class ModelServePort(Protocol):
    """What a service needs from the model server: a :class:`ModelRequest` in, a
    :class:`ModelGeneration` out. Implementations raise :class:`ModelServeClientError` subclasses,
    never a transport's or a model library's own errors, so callers handle one set of failures.
    """

    address: str

    def load(self, model: str = "", adapter_id: str = "") -> None:
        """Fail now (:class:`ModelServeNotFoundError`, ...) when ``model``/``adapter_id`` cannot be served."""
        ...

    def generate(self, request: ModelRequest, timeout: float | None = None) -> ModelGeneration:
        """Continue ``request.inputs``; ``timeout`` (seconds) bounds the whole call."""
        ...


class ModelServeClient(GrpcClient):
    """``ModelServeClient("127.0.0.1:50053").generate(ModelRequest("def f():", max_new_tokens=32))``."""

    service = "modelserve"
    stub_class = modelserve_pb2_grpc.ModelServeStub
    default_timeout = DEFAULT_TIMEOUT

    def _error(self, code: grpc.StatusCode | None, detail: str, deadline: float) -> ModelServeClientError:
        if code == grpc.StatusCode.UNAVAILABLE:
            return ModelServeUnavailableError(f"model server unavailable at {self.address}: {detail}")
        if code == grpc.StatusCode.DEADLINE_EXCEEDED:
            return ModelServeTimeoutError(f"model server at {self.address} did not answer in time")
        if code == grpc.StatusCode.NOT_FOUND:
            return ModelServeNotFoundError(detail)
        if code in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.FAILED_PRECONDITION):
            return ModelServeRequestError(detail)
        return ModelServeClientError(f"model server error {code}: {detail}")

    def load(self, model: str = "", adapter_id: str = "") -> None:
        """Nothing to do here: the server loads models and adapters on demand, and its first
        ``Generate`` answers NOT_FOUND for a wrong name (raised then as :class:`ModelServeNotFoundError`)."""

    def generate(self, request: ModelRequest, timeout: float | None = None) -> ModelGeneration:
        message = modelserve_pb2.ModelGenerateRequest(
            model=request.model, adapter_id=request.adapter_id, inputs=request.inputs,
            max_new_tokens=request.max_new_tokens, temperature=request.temperature, top_p=request.top_p,
            seed=request.seed or 0, stop=list(request.stop),
        )  # fmt: skip
        resp = self._call(self._stub.Generate, message, timeout or self.timeout)
        return ModelGeneration(
            text=resp.generated_text,
            finish_reason=resp.finish_reason,
            prompt_tokens=resp.stats.prompt_tokens,
            completion_tokens=resp.stats.completion_tokens,
            latency_ms=resp.stats.latency_ms,
            peak_memory_bytes=resp.stats.peak_memory_bytes,
            model=resp.stats.model,
            backend_version=resp.stats.backend_version,
        )

    def finetune(
        self, request: modelserve_pb2.FineTuneRequest, timeout: float = FINETUNE_TIMEOUT
    ) -> modelserve_pb2.Adapter:
        return self._call(self._stub.FineTune, request, timeout).adapter  # type: ignore[no-any-return]

    def list_adapters(self, timeout: float | None = None) -> list[modelserve_pb2.Adapter]:
        return list(self._call(self._stub.ListAdapters, modelserve_pb2.ListAdaptersRequest(), timeout or 30.0).adapters)

    def health(self, timeout: float = 5.0) -> str:
        return str(self._call(self._stub.Health, common_pb2.HealthRequest(), timeout).status)
