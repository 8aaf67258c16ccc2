"""The scanner in the caller's process, behind the same port as the scanner service's gRPC client.

The CLI constructs this (``hardgen scan``'s local mode, ``corpus import --scan``, a fine-tune's
dataset scan without a scanner service) and hands it to code that only knows
:class:`hardgen.core.clients.scanner.ScannerPort`. It runs the service's own request handling
(:class:`~hardgen.scanner.service.ScanService`: limits, engine selection, "no engine for this
language" and failed-engine refusals) and its own response conversion, so a local scan answers
exactly what the service would, and fails with the same :class:`ScannerClientError` subclasses.
"""

from __future__ import annotations

from hardgen import __version__
from hardgen.core.clients.scanner import (
    DEFAULT_TIMEOUT,
    ScannerClientError,
    ScannerPort,
    ScannerRequestError,
    ScannerTimeoutError,
    ScannerUnavailableError,
)
from hardgen.scanner.engines.registry import select_engines
from hardgen.scanner.scan import Scanner, ScanTimeoutError
from hardgen.scanner.service import RequestError, ScanService, _inputs_from_proto, report_to_proto
from hardgen.v1 import common_pb2, scanner_pb2

#: RequestError statuses that mean "this scanner cannot do it" rather than "the request is wrong"
#: (an engine the files need is missing or failed), as the gRPC client reports FAILED_PRECONDITION.
_UNAVAILABLE_STATUSES = {503}


class InProcessScanner(ScannerPort):
    """``InProcessScanner().scan([("app.py", code, "python")])`` → ``ScanResponse``, no service needed."""

    address = "in-process"

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, use_cache: bool = True) -> None:
        self.timeout = timeout
        self._service = ScanService(Scanner(engines=[], use_cache=use_cache), max_concurrent=1)

    def _scan(self, request: scanner_pb2.ScanRequest, deadline: float) -> scanner_pb2.ScanResponse:
        """The service's own handling of ``request``, with the client's whole ``deadline`` as its limit."""
        try:
            inputs = _inputs_from_proto(request.files)
            report = self._service.run(inputs, list(request.engines), deadline, request.profile or None)
        except RequestError as exc:
            error: type[ScannerClientError] = (
                ScannerUnavailableError if exc.status in _UNAVAILABLE_STATUSES else ScannerRequestError
            )
            raise error(str(exc)) from None
        except ScanTimeoutError as exc:
            raise ScannerTimeoutError(f"scan did not complete within {deadline:.1f}s: {exc}") from None
        return report_to_proto(report)

    def health(self, timeout: float = 5.0) -> common_pb2.HealthResponse:
        """SERVING when at least one default engine is installed here (e.g. semgrep)."""
        status = "SERVING" if select_engines() else "NOT_SERVING"
        return common_pb2.HealthResponse(status=status, version=__version__)
