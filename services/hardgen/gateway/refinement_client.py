"""The gateway's gRPC client of the refinement service, and the GeneratedSample → dict conversion
of its responses.

Only the gateway calls refinement over gRPC (``hardgen generate --gateway`` goes through the
gateway's REST API; study workers run refinement's code themselves), so this lives with the gateway
rather than in core, which holds only what two services share. Every
call has a deadline; failures raise :class:`RefinementClientError` carrying the gRPC status name
(``INVALID_ARGUMENT``, ``FAILED_PRECONDITION``, ``UNAVAILABLE``...) and a one-line message.
"""

from __future__ import annotations

from typing import Any

import grpc

from hardgen.core.clients.base import GrpcClient, message_to_dict
from hardgen.v1 import common_pb2, refinement_pb2, refinement_pb2_grpc

DEFAULT_TIMEOUT = 600.0


class RefinementClientError(RuntimeError):
    """The refinement service refused or failed a call; ``status`` is the gRPC status name."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(" ".join(message.split()))
        self.status = status


def sample_to_dict(msg: refinement_pb2.GeneratedSample) -> dict[str, Any]:
    """A sample as JSON-ready dict; the same shape as the in-process ``Sample.to_dict()``
    (and so a valid line of a ``replay`` manifest): each prompt carries its own stats and cached flag."""
    sample = message_to_dict(msg, exclude={"prompt_stats", "prompt_cached"})
    for i, prompt in enumerate(sample["prompts"]):
        stats = msg.prompt_stats[i] if i < len(msg.prompt_stats) else None
        prompt["stats"] = message_to_dict(stats) if stats is not None and stats.backend else None
        prompt["cached"] = bool(msg.prompt_cached[i]) if i < len(msg.prompt_cached) else False
    return sample


def strategy_to_dict(info: refinement_pb2.StrategyInfo) -> dict[str, Any]:
    return message_to_dict(info)


def file_fix_to_dict(msg: refinement_pb2.FileFix) -> dict[str, Any]:
    """A ``FileFix`` message as the dict :meth:`hardgen.core.fixes.FileFix.from_dict` reads."""
    return message_to_dict(msg)


class RefinementClient(GrpcClient):
    """``RefinementClient("127.0.0.1:50052").generate(scenario=1, language="python", model=...)``."""

    service = "refinement"
    stub_class = refinement_pb2_grpc.RefinementStub
    default_timeout = DEFAULT_TIMEOUT

    def generate(
        self, request: refinement_pb2.GenerateRequest, timeout: float | None = None
    ) -> refinement_pb2.GenerateResponse:
        """Samples of ``request`` (see ``Refinement.Generate``); built with ``core.clients.base.message_from``."""
        return self._call(self._stub.Generate, request, timeout)  # type: ignore[no-any-return]

    def fix(self, request: refinement_pb2.FixRequest, timeout: float | None = None) -> refinement_pb2.FixResponse:
        """Verified fixes of the request's files (see ``Refinement.Fix``)."""
        return self._call(self._stub.Fix, request, timeout)  # type: ignore[no-any-return]

    def list_strategies(self, timeout: float = 10.0) -> refinement_pb2.ListStrategiesResponse:
        return self._call(self._stub.ListStrategies, refinement_pb2.ListStrategiesRequest(), timeout)  # type: ignore[no-any-return]

    def health(self, timeout: float = 5.0) -> common_pb2.HealthResponse:
        return self._call(self._stub.Health, common_pb2.HealthRequest(), timeout)  # type: ignore[no-any-return]

    def _error(self, code: grpc.StatusCode | None, details: str, deadline: float) -> RefinementClientError:
        if code == grpc.StatusCode.UNAVAILABLE and "scanner" not in details:
            details = f"refinement service at {self.address} is unreachable"
        elif code == grpc.StatusCode.DEADLINE_EXCEEDED:
            details = f"refinement service at {self.address} did not answer within {deadline:.0f}s"
        return RefinementClientError(code.name if code is not None else "UNKNOWN", details)
