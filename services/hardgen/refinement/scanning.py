"""The refinement service's view of the scanner: one program (or a batch) in, findings as dicts out.

Strategies need findings (``nep`` to know whether the model's own output is insecure,
``sast-repair`` and ``fix`` to feed them back), and ``scan: true`` returns them with a sample.
The scanner is another service; refinement reaches it only through
:class:`hardgen.core.clients.scanner.ScannerPort`: the scanner service's gRPC client in a
deployment, or the in-process scanner that the CLI passes (``hardgen fix``'s local mode).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hardgen.core.clients.scanner import (
    ScannerClient,
    ScannerClientError,
    ScannerPort,
    ScannerUnavailableError,
    finding_to_dict,
)
from hardgen.core.languages import Language
from hardgen.refinement.settings import scan_engines


def engines_from_env() -> list[str]:
    """``HARDGEN_SCAN_ENGINES="semgrep,gocustom"``; empty means the scanner's default engines."""
    return scan_engines()


class FindingsScanner:
    """Scans for strategies over a :class:`ScannerPort`, with the engines and profile a request chose.

    Any scanner failure becomes one :class:`ScannerUnavailableError` with a one-line message: a
    strategy cannot tell a down scanner from a timed-out one, and either way the sample must not
    read as "no findings".
    """

    def __init__(self, port: ScannerPort, engines: Sequence[str] | None = None, profile: str = "") -> None:
        self.port = port
        self.engines = list(engines) if engines is not None else engines_from_env()
        self.profile = profile  # empty: the scanner's default profile

    @property
    def address(self) -> str:
        return self.port.address

    def with_options(self, engines: Sequence[str], profile: str) -> FindingsScanner:
        """The same scanner, with a request's engines (when it names any) and profile."""
        return FindingsScanner(self.port, list(engines) or self.engines, profile)

    def healthy(self) -> bool:
        try:
            return self.port.health().status == "SERVING"
        except ScannerClientError:
            return False

    def scan_code(self, code: str, language: Language, path: str) -> list[dict[str, Any]]:
        return self.scan_many([(path, code, language)])[path]

    def scan_many(self, files: list[tuple[str, str, Language]]) -> dict[str, list[dict[str, Any]]]:
        """Findings per path for a batch of ``(path, code, language)`` in one scan (one engine run)."""
        try:
            response = self.port.scan(
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


def grpc_scanner(address: str, timeout: float = 120.0, engines: Sequence[str] | None = None) -> FindingsScanner:
    """Strategies' scanner over the scanner service at ``address``."""
    return FindingsScanner(ScannerClient(address, timeout=timeout), engines)
