"""The scanner as a service: gRPC ``Scanner.Scan``/``Health``, its only protocol (REST for people
is the gateway's ``POST /v1/scans`` and ``/v1/scans/archive``).

The servicer and the CLI's in-process scanner share :class:`ScanService`: one
:class:`~hardgen.scanner.scan.Scanner` (and so one result cache) and a fixed number of scan workers
(analysers want the machine's cores); requests that queue up while the workers are busy are merged
into one batch (:mod:`hardgen.scanner.coalesce`). A scan answers within the request's time limit or
with gRPC ``DEADLINE_EXCEEDED``."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent import futures
from typing import Any

import grpc

from hardgen import __version__
from hardgen.core.clients.base import message_from
from hardgen.core.clients.scanner import file_error_to_proto, finding_to_proto
from hardgen.core.grpcutil import SERVER_OPTIONS, add_port, server_interceptors
from hardgen.core.languages import UnknownLanguageError, language_for_path, parse_language
from hardgen.core.logging import get_logger
from hardgen.core.profiles import UnknownProfileError, parse_profile
from hardgen.scanner.coalesce import Coalescer
from hardgen.scanner.engines.registry import (
    EngineMissingError,
    UnknownEngineError,
    check_required_engines,
    parse_engines,
    select_engines,
)
from hardgen.scanner.scan import DEFAULT_TIMEOUT, ScanInputError, Scanner, ScanReport, ScanTimeoutError, SourceInput
from hardgen.scanner.settings import ScannerSettings
from hardgen.v1 import common_pb2, scanner_pb2, scanner_pb2_grpc

log = get_logger(__name__)

#: The most files, and bytes in all, one request may bring (RESOURCE_EXHAUSTED beyond).
MAX_FILES = 10_000
MAX_BYTES = 50 * 1024 * 1024
#: scans at once when the caller does not say (``HARDGEN_SCANNER_CONCURRENCY`` via ScannerSettings)
MAX_CONCURRENT_SCANS = int(ScannerSettings.model_fields["scanner_concurrency"].default)


class RequestError(ValueError):
    """A request the service refuses; ``status`` is the HTTP status (gRPC: INVALID_ARGUMENT;
    413 RESOURCE_EXHAUSTED; 503 FAILED_PRECONDITION: an engine the files need is missing or failed)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class ScanService:
    """What a scan request gets, whoever asks (the gRPC servicer, the CLI's in-process scanner):
    limits, engine selection, timeouts."""

    def __init__(self, scanner: Scanner | None = None, max_concurrent: int = MAX_CONCURRENT_SCANS) -> None:
        self.scanner = scanner or Scanner(engines=[])
        self.coalescer = Coalescer(self.scanner, workers=max_concurrent)

    def run(
        self,
        inputs: list[SourceInput],
        engines: Sequence[str] | str | None,
        timeout: float,
        profile: str | None = None,
    ) -> ScanReport:
        """Validate, then scan (merged with concurrent requests). Raises RequestError / ScanTimeoutError.

        ``profile`` empty or None means ``default`` (what CodeQL reports); see hardgen.core.profiles.
        """
        try:
            chosen = parse_profile(profile)
        except UnknownProfileError as exc:
            raise RequestError(str(exc)) from None
        if len(inputs) > MAX_FILES:
            raise RequestError(f"too many files: {len(inputs)} > {MAX_FILES}", status=413)
        total = sum(len(i.content) for i in inputs)
        if total > MAX_BYTES:
            raise RequestError(f"files total {total} bytes > {MAX_BYTES}", status=413)
        try:
            names = parse_engines(engines)
            engine_list = select_engines(names)
        except UnknownEngineError as exc:
            raise RequestError(str(exc)) from None
        if not names:  # the default engines: never answer "no findings" for a language nobody scanned
            languages = {i.language or language_for_path(i.path) for i in inputs}
            try:
                check_required_engines({found for found in languages if found is not None}, engine_list)
            except EngineMissingError as exc:
                raise RequestError(str(exc), status=503) from None
        try:
            report = self.coalescer.submit(inputs, engine_list, timeout, chosen)
        except ScanInputError as exc:
            raise RequestError(str(exc)) from None
        if report.failed_engines:  # partial results would read as "fewer weaknesses"
            name, why = next(iter(report.failed_engines.items()))
            raise RequestError(f"engine {name} failed, the scan is incomplete: {why}", status=503)
        return report


#: HTTP status of a RequestError → gRPC status code (anything else: INVALID_ARGUMENT).
_GRPC_CODES = {413: grpc.StatusCode.RESOURCE_EXHAUSTED, 503: grpc.StatusCode.FAILED_PRECONDITION}


def report_to_proto(report: ScanReport) -> scanner_pb2.ScanResponse:
    return message_from(
        scanner_pb2.ScanResponse,
        report,
        findings=[finding_to_proto(f) for f in report.findings],
        errors=[file_error_to_proto(e) for e in report.errors],
    )


def _inputs_from_proto(files: Sequence[common_pb2.SourceFile]) -> list[SourceInput]:
    inputs = []
    for f in files:
        try:
            language = parse_language(f.language) if f.language else None
        except UnknownLanguageError as exc:
            raise RequestError(f"{f.path}: {exc}") from None
        inputs.append(SourceInput(path=f.path, content=bytes(f.content), language=language))
    return inputs


class ScannerServicer(scanner_pb2_grpc.ScannerServicer):
    """gRPC front end."""

    def __init__(self, service: ScanService) -> None:
        self.service = service

    def Scan(self, request: scanner_pb2.ScanRequest, context: grpc.ServicerContext) -> scanner_pb2.ScanResponse:  # noqa: N802
        limit = request.timeout_seconds or DEFAULT_TIMEOUT
        remaining = context.time_remaining()
        if remaining is not None:
            limit = min(limit, max(remaining - 0.1, 0.0))
        try:
            report = self.service.run(_inputs_from_proto(request.files), list(request.engines), limit, request.profile)
        except RequestError as exc:
            code = _GRPC_CODES.get(exc.status, grpc.StatusCode.INVALID_ARGUMENT)
            context.abort(code, str(exc))
        except ScanTimeoutError as exc:
            context.abort(grpc.StatusCode.DEADLINE_EXCEEDED, f"scan did not complete within {limit:.1f}s: {exc}")
        return report_to_proto(report)

    def Health(self, request: common_pb2.HealthRequest, context: grpc.ServicerContext) -> common_pb2.HealthResponse:  # noqa: N802
        return common_pb2.HealthResponse(status="SERVING", version=__version__)


def create_grpc_server(service: ScanService, port: int, host: str = "127.0.0.1", workers: int = 32) -> grpc.Server:
    """A gRPC server bound to ``host:port`` (not yet started). Request threads mostly wait for the
    scan workers, so there are many of them: the more requests wait, the larger the shared batch."""
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=workers), options=SERVER_OPTIONS, interceptors=server_interceptors()
    )
    scanner_pb2_grpc.add_ScannerServicer_to_server(ScannerServicer(service), server)
    bound = add_port(server, f"{host}:{port}")
    if bound == 0:
        raise OSError(f"cannot bind gRPC port {host}:{port}")
    return server


def report_json(report: ScanReport) -> dict[str, Any]:
    return report.to_dict()
