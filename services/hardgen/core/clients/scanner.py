"""The one way services reach the scanner: the :class:`ScannerPort` it defines, its gRPC client, and the
Finding ↔ protobuf ↔ dict conversions every side shares.

Services never import ``hardgen.scanner`` (tests/core/test_boundaries.py); code that must scan in
this process (the CLI's local mode, ``corpus import --scan``, a fine-tune's dataset scan without a
scanner service) is handed an in-process implementation of the same port by the CLI
(``hardgen.scanner.inprocess.InProcessScanner``), so one code path serves both.

Every call carries a deadline; an unreachable service or an expired deadline raises a
:class:`ScannerClientError` subclass whose message says which and where, instead of a raw
``grpc.RpcError``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from typing import Any

import grpc

from hardgen.core.clients.base import GrpcClient, message_to_dict
from hardgen.core.findings import FileError, Finding
from hardgen.v1 import common_pb2, scanner_pb2, scanner_pb2_grpc

DEFAULT_TIMEOUT = 120.0
#: The server is asked to finish this much before the client's deadline, so that a slow scan
#: comes back as the server's clear DEADLINE_EXCEEDED rather than a cut connection.
_SERVER_MARGIN = 0.25

FileSpec = tuple[str, bytes | str] | tuple[str, bytes | str, str]


class ScannerClientError(RuntimeError):
    """The scanner could not answer (base class)."""


class ScannerUnavailableError(ScannerClientError):
    """Nothing answers at the address (service down, wrong address)."""


class ScannerTimeoutError(ScannerClientError):
    """The scan did not finish within the deadline."""


class ScannerRequestError(ScannerClientError):
    """The service rejected the request (bad path, unknown engine, too many files)."""


class ScannerPort(ABC):
    """What a service needs from the scanner: a batch of files in, a ``ScanResponse`` out.

    :meth:`scan` turns the caller's arguments into one ``ScanRequest`` here, so the gRPC client and
    the in-process scanner differ only in :meth:`_scan`. Implementations raise
    :class:`ScannerClientError` subclasses (never a transport's own errors), so callers handle one
    set of failures whether the scanner is remote or in this process.
    """

    address: str
    timeout: float

    def scan(
        self,
        files: Iterable[FileSpec],
        engines: Sequence[str] | None = None,
        timeout: float | None = None,
        profile: str | None = None,
    ) -> scanner_pb2.ScanResponse:
        """Scan a batch of files; raises :class:`ScannerClientError` subclasses on failure.

        ``profile``: ``default`` (None: CodeQL-compatible query ids) or ``extended``."""
        deadline = timeout if timeout is not None else self.timeout
        request = scanner_pb2.ScanRequest(
            files=source_files(files),
            engines=list(engines or []),
            timeout_seconds=max(deadline - _SERVER_MARGIN, deadline * 0.9),
            profile=profile or "",
        )
        return self._scan(request, deadline)

    @abstractmethod
    def _scan(self, request: scanner_pb2.ScanRequest, deadline: float) -> scanner_pb2.ScanResponse:
        """Answer ``request`` within ``deadline`` seconds (the request's own timeout leaves a margin)."""

    @abstractmethod
    def health(self, timeout: float = 5.0) -> common_pb2.HealthResponse:
        """``status == "SERVING"`` when a scan could run now."""


def finding_to_proto(finding: Finding) -> common_pb2.Finding:
    """The model and the message share their field names (``level`` included), so one dump fills it."""
    return common_pb2.Finding(**finding.model_dump())


#: Positions a ``Finding`` requires to be at least 1; a message leaves them 0 when unknown.
_POSITIONS = ("start_line", "end_line", "start_column", "end_column")


def finding_from_proto(msg: common_pb2.Finding) -> Finding:
    data = message_to_dict(msg, exclude={"level"})  # level follows from severity
    return Finding(**data | {k: max(1, data[k]) for k in _POSITIONS})


def finding_to_dict(msg: common_pb2.Finding) -> dict[str, Any]:
    """A ``Finding`` message as a JSON-ready dict with the proto's field names (samples, fixes, REST)."""
    return message_to_dict(msg)


def finding_dict_to_proto(finding: dict[str, Any]) -> common_pb2.Finding:
    """The inverse of :func:`finding_to_dict`; keys the proto does not have are ignored."""
    fields = set(common_pb2.Finding.DESCRIPTOR.fields_by_name)
    return common_pb2.Finding(**{k: v for k, v in finding.items() if k in fields})


def file_error_to_proto(error: FileError) -> common_pb2.FileError:
    return common_pb2.FileError(**error.model_dump())


def file_error_from_proto(msg: common_pb2.FileError) -> FileError:
    return FileError(**message_to_dict(msg))


def source_files(files: Iterable[FileSpec]) -> list[common_pb2.SourceFile]:
    """``(path, content[, language])`` tuples → ``SourceFile`` messages (str content → UTF-8)."""
    out: list[common_pb2.SourceFile] = []
    for spec in files:
        path, content = spec[0], spec[1]
        language = spec[2] if len(spec) > 2 else ""  # type: ignore[misc]
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        out.append(common_pb2.SourceFile(path=path, content=data, language=language))
    return out


class ScannerClient(GrpcClient, ScannerPort):
    """``ScannerClient("127.0.0.1:50051").scan([("app.py", code)])`` → ``ScanResponse``."""

    service = "scanner"
    stub_class = scanner_pb2_grpc.ScannerStub
    default_timeout = DEFAULT_TIMEOUT

    def _scan(self, request: scanner_pb2.ScanRequest, deadline: float) -> scanner_pb2.ScanResponse:
        response: scanner_pb2.ScanResponse = self._call(self._stub.Scan, request, deadline)
        return response

    def health(self, timeout: float = 5.0) -> common_pb2.HealthResponse:
        response: common_pb2.HealthResponse = self._call(self._stub.Health, common_pb2.HealthRequest(), timeout)
        return response

    def _error(self, code: grpc.StatusCode | None, details: str, deadline: float) -> ScannerClientError:
        if code == grpc.StatusCode.UNAVAILABLE:
            return ScannerUnavailableError(f"scanner at {self.address} is unreachable: {details}")
        if code == grpc.StatusCode.DEADLINE_EXCEEDED:
            return ScannerTimeoutError(f"scanner at {self.address} did not answer within {deadline:.1f}s: {details}")
        if code in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.RESOURCE_EXHAUSTED):
            return ScannerRequestError(f"scanner rejected the request: {details}")
        return ScannerClientError(f"scanner at {self.address} failed ({code}): {details}")
