"""Which scanner a CLI command talks to: the scanner service at an address, or the scanner in this process.

Only the CLI may construct the in-process scanner (it is the one package allowed to import
``hardgen.scanner``, tests/core/test_boundaries.py); services receive the result as a
:class:`hardgen.core.clients.scanner.ScannerPort` and never know which one they got.
"""

from __future__ import annotations

from hardgen.core.clients.scanner import ScannerClient, ScannerPort


def scanner_port(address: str | None = None, timeout: float | None = None) -> ScannerPort:
    """The gRPC client of the scanner service at ``address``; without an address, the in-process scanner."""
    if address:
        return ScannerClient(address) if timeout is None else ScannerClient(address, timeout=timeout)
    from hardgen.scanner.inprocess import InProcessScanner

    return InProcessScanner() if timeout is None else InProcessScanner(timeout=timeout)
