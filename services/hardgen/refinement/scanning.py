"""The refinement service's view of the scanner: code in, findings out, over the scanner's gRPC contract.

Strategies need findings (``nep`` to know whether the model's own output is insecure,
``sast-repair`` to feed them back), and ``scan: true`` returns them with a sample. The scanner is
another service; this module only speaks its proto (``hardgen.v1.scanner``), through
:class:`hardgen.core.clients.scanner.ScannerClient` when available.
"""

from __future__ import annotations

from typing import Any, Protocol

from hardgen.core.languages import Language
from hardgen.refinement.errors import ScannerUnavailableError


class ScanPort(Protocol):
    """Anything that can scan one program; returns findings as plain dicts (proto field names)."""

    address: str

    def scan_code(self, code: str, language: Language, path: str) -> list[dict[str, Any]]: ...

    def healthy(self) -> bool: ...


def finding_to_dict(finding: Any) -> dict[str, Any]:
    """A proto ``Finding`` as a dict with the proto's field names (JSON-friendly)."""
    return {
        "rule_id": finding.rule_id,
        "cwes": list(finding.cwes),
        "severity": finding.severity,
        "level": finding.level,
        "message": finding.message,
        "path": finding.path,
        "start_line": finding.start_line,
        "end_line": finding.end_line,
        "start_column": finding.start_column,
        "end_column": finding.end_column,
        "engine": finding.engine,
        "fingerprint": finding.fingerprint,
    }


class GrpcScanner:
    """Scanner service client for strategies; one-line :class:`ScannerUnavailableError` when it is down."""

    def __init__(self, address: str, timeout: float = 120.0, engines: list[str] | None = None) -> None:
        self.address = address
        self.timeout = timeout
        self.engines = engines or []
        self._stub: Any = None

    def _scanner_stub(self) -> Any:
        if self._stub is None:
            from hardgen.core.grpcutil import insecure_channel
            from hardgen.v1 import scanner_pb2_grpc

            self._stub = scanner_pb2_grpc.ScannerStub(insecure_channel(self.address))
        return self._stub

    def healthy(self) -> bool:
        import grpc

        from hardgen.v1 import common_pb2

        try:
            reply = self._scanner_stub().Health(common_pb2.HealthRequest(), timeout=5.0)
        except grpc.RpcError:
            return False
        return bool(reply.status == "SERVING")

    def scan_code(self, code: str, language: Language, path: str) -> list[dict[str, Any]]:
        import grpc

        from hardgen.v1 import common_pb2, scanner_pb2

        request = scanner_pb2.ScanRequest(
            files=[common_pb2.SourceFile(path=path, language=language.value, content=code.encode("utf-8"))],
            engines=self.engines,
            timeout_seconds=self.timeout,
        )
        try:
            response = self._scanner_stub().Scan(request, timeout=self.timeout + 10.0)
        except grpc.RpcError as exc:
            detail = " ".join(str(exc.details() if hasattr(exc, "details") else "").split())[:160]
            message = f"scanner service at {self.address} failed: {exc.code().name} {detail}"
            raise ScannerUnavailableError(message) from None
        return [finding_to_dict(f) for f in response.findings]
