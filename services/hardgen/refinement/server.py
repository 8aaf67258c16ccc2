"""gRPC ``Refinement`` service: Generate, Fix, ListStrategies, Health over :class:`RefinementService`.

Errors map to status codes the gateway turns into HTTP statuses: the caller's mistake →
INVALID_ARGUMENT, a model the service cannot serve (missing key, adapter) → FAILED_PRECONDITION,
the scanner down → UNAVAILABLE. A model call that fails after retries is recorded in its sample.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent import futures
from contextlib import contextmanager
from typing import Any

import grpc

from hardgen import __version__
from hardgen.core.clients.scanner import ScannerUnavailableError
from hardgen.core.grpcutil import SERVER_OPTIONS, add_port, server_interceptors
from hardgen.core.logging import get_logger
from hardgen.refinement.convert import (
    file_fix_to_proto,
    fix_request_from_proto,
    sample_to_proto,
    spec_from_proto,
    strategy_to_proto,
)
from hardgen.refinement.errors import BackendCallError, ConfigError, RequestError
from hardgen.refinement.service import RefinementService
from hardgen.v1 import common_pb2, refinement_pb2, refinement_pb2_grpc

log = get_logger(__name__)


@contextmanager
def _status_on_failure(context: grpc.ServicerContext, event: str, model: str, strategy: str) -> Iterator[None]:
    """End the call with the status a caller can act on: its request (INVALID_ARGUMENT), the
    service's configuration (FAILED_PRECONDITION), a back end (UNAVAILABLE), or INTERNAL without
    a traceback."""
    try:
        yield
    except RequestError as exc:
        context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(exc))
    except ConfigError as exc:
        context.abort(grpc.StatusCode.FAILED_PRECONDITION, str(exc))
    except (ScannerUnavailableError, BackendCallError) as exc:
        context.abort(grpc.StatusCode.UNAVAILABLE, str(exc))
    except Exception as exc:  # noqa: BLE001 - never leak a traceback to the caller
        log.exception(event, model=model, strategy=strategy)
        context.abort(grpc.StatusCode.INTERNAL, f"internal error: {type(exc).__name__}")


class RefinementServicer(refinement_pb2_grpc.RefinementServicer):
    def __init__(self, service: RefinementService) -> None:
        self.service = service

    def Generate(  # noqa: N802 - gRPC method name
        self, request: refinement_pb2.GenerateRequest, context: grpc.ServicerContext
    ) -> refinement_pb2.GenerateResponse:
        spec = spec_from_proto(request)
        with _status_on_failure(context, "generate_failed", spec.model, spec.strategy):
            samples = self.service.generate(spec)
        log.info(
            "generated",
            model=spec.model,
            strategy=spec.strategy,
            language=spec.language,
            scenario=spec.scenario,
            n=len(samples),
            errors=sum(1 for s in samples if s.error),
        )
        return refinement_pb2.GenerateResponse(samples=[sample_to_proto(s) for s in samples])

    def Fix(  # noqa: N802
        self, request: refinement_pb2.FixRequest, context: grpc.ServicerContext
    ) -> refinement_pb2.FixResponse:
        files, spec = fix_request_from_proto(request)
        with _status_on_failure(context, "fix_failed", spec.model, spec.strategy):
            fixes = self.service.fix(files, spec)
        log.info("fixed", model=spec.model, strategy=spec.strategy, files=len(fixes))
        return refinement_pb2.FixResponse(files=[file_fix_to_proto(f) for f in fixes])

    def ListStrategies(  # noqa: N802
        self, request: refinement_pb2.ListStrategiesRequest, context: grpc.ServicerContext
    ) -> refinement_pb2.ListStrategiesResponse:
        return refinement_pb2.ListStrategiesResponse(
            strategies=[strategy_to_proto(s) for s in self.service.strategies()]
        )

    def Health(  # noqa: N802
        self, request: common_pb2.HealthRequest, context: grpc.ServicerContext
    ) -> common_pb2.HealthResponse:
        return common_pb2.HealthResponse(status="SERVING", version=__version__)


def build_server(service: RefinementService, address: str, max_workers: int = 16) -> tuple[Any, int]:
    """A started-ready (not started) server bound to ``address``; returns (server, bound port)."""
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=max_workers), options=SERVER_OPTIONS, interceptors=server_interceptors()
    )
    refinement_pb2_grpc.add_RefinementServicer_to_server(RefinementServicer(service), server)
    port = add_port(server, address)
    if port == 0:
        raise OSError(f"cannot bind {address}")
    return server, port
