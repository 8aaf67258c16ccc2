"""The refinement service's view of the scanner: code in, findings out, over the scanner's gRPC contract.

Strategies need findings (``nep`` to know whether the model's own output is insecure,
``sast-repair`` to feed them back), and ``scan: true`` returns them with a sample. The scanner is
another service; this module only speaks its proto (``hardgen.v1.scanner``), through
:class:`hardgen.core.clients.scanner.ScannerClient`.
"""

from __future__ import annotations

import os
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

    def __init__(
        self, address: str, timeout: float = 120.0, engines: list[str] | None = None, profile: str = ""
    ) -> None:
        self.address = address
        self.timeout = timeout
        self.profile = profile  # empty: the scanner's default profile
        if engines is None:  # HARDGEN_SCAN_ENGINES="semgrep,gocustom"; empty = the scanner's default
            engines = [e.strip() for e in os.environ.get("HARDGEN_SCAN_ENGINES", "").split(",") if e.strip()]
        self.engines = engines
        self._client: Any = None

    def _scanner(self) -> Any:
        if self._client is None:
            from hardgen.core.clients.scanner import ScannerClient

            self._client = ScannerClient(self.address, timeout=self.timeout)
        return self._client

    def healthy(self) -> bool:
        from hardgen.core.clients.scanner import ScannerClientError

        try:
            return bool(self._scanner().health().status == "SERVING")
        except ScannerClientError:
            return False

    def scan_code(self, code: str, language: Language, path: str) -> list[dict[str, Any]]:
        return self.scan_many([(path, code, language)])[path]

    def scan_many(self, files: list[tuple[str, str, Language]]) -> dict[str, list[dict[str, Any]]]:
        """Findings per path for a batch of ``(path, code, language)`` in one scan (one engine run)."""
        from hardgen.core.clients.scanner import ScannerClientError

        try:
            response = self._scanner().scan(
                [(path, code, language.value) for path, code, language in files],
                engines=self.engines or None,
                profile=self.profile or None,
            )
        except ScannerClientError as exc:
            raise ScannerUnavailableError(" ".join(str(exc).split())[:240]) from None
        found: dict[str, list[dict[str, Any]]] = {path: [] for path, _, _ in files}
        for finding in response.findings:
            found.setdefault(finding.path, []).append(finding_to_dict(finding))
        return found
