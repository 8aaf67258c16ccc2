"""The scan step of fine-tuning, pluggable: every training example is scanned and flagged ones dropped.

The study verified its fine-tuning set was free of CWEs; so do we, through the scanner service's
contract. Where the scanner comes from, in order:

1. a callable passed explicitly (tests, other services);
2. the scanner service over gRPC (``hardgen.core.clients.scanner.ScannerClient``) when
   ``HARDGEN_SCANNER_ADDR`` is set;
3. the scanner package in-process (``hardgen.scanner.scan.scan_inputs``) when installed;
4. none: the run goes on unscanned only when the caller allows it (``--no-scan``), and the
   adapter's metrics record ``scanned: false``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hardgen.core.languages import Language
from hardgen.core.logging import get_logger

log = get_logger(__name__)


@dataclass(frozen=True)
class ScanItem:
    path: str  # a name for reports, e.g. 01-path-traversal/python/completions/secure_x.py
    language: Language
    code: str


@dataclass
class ScanVerdict:
    rules: list[str] = field(default_factory=list)  # query ids found; empty = clean
    error: str = ""  # the scanner could not analyse the file (treated as not clean)

    @property
    def flagged(self) -> bool:
        return bool(self.rules or self.error)


ScanFn = Callable[[Sequence[ScanItem]], list[ScanVerdict]]


class NoScannerError(RuntimeError):
    """No scanner is reachable and the caller did not allow an unscanned run."""


@dataclass
class NamedScanner:
    name: str
    fn: ScanFn


def _grpc_scanner() -> NamedScanner | None:
    addr = os.environ.get("HARDGEN_SCANNER_ADDR")
    if not addr:
        return None
    try:
        from hardgen.core.clients.scanner import ScannerClient
    except ImportError:
        return None

    def scan(items: Sequence[ScanItem]) -> list[ScanVerdict]:
        client = ScannerClient(addr)
        try:
            response = client.scan([(i.path, i.code, i.language.value) for i in items])
        finally:
            close = getattr(client, "close", None)
            if callable(close):
                close()
        return _verdicts_from_result(items, response)

    return NamedScanner(f"grpc:{addr}", scan)


def _inprocess_scanner() -> NamedScanner | None:
    try:
        from hardgen.scanner.scan import SourceInput, scan_inputs
    except ImportError:
        return None

    def scan(items: Sequence[ScanItem]) -> list[ScanVerdict]:
        report = scan_inputs([SourceInput(i.path, i.code.encode("utf-8"), i.language) for i in items])
        return _verdicts_from_result(items, report)

    return NamedScanner("inprocess:hardgen.scanner.scan.scan_inputs", scan)


def _verdicts_from_result(items: Sequence[ScanItem], result: Any) -> list[ScanVerdict]:
    """Map findings/errors (objects or dicts with ``path``/``rule_id``/``message``) back to items."""
    findings = getattr(result, "findings", None)
    if findings is None and isinstance(result, dict):
        findings = result.get("findings", [])
    errors = getattr(result, "errors", None)
    if errors is None and isinstance(result, dict):
        errors = result.get("errors", [])
    by_path = {item.path: ScanVerdict() for item in items}
    for f in findings or []:
        path = f["path"] if isinstance(f, dict) else f.path
        rule = f["rule_id"] if isinstance(f, dict) else f.rule_id
        if path in by_path and rule not in by_path[path].rules:
            by_path[path].rules.append(rule)
    for e in errors or []:
        path = e["path"] if isinstance(e, dict) else e.path
        message = e["message"] if isinstance(e, dict) else e.message
        if path in by_path:
            by_path[path].error = message
    return [by_path[item.path] for item in items]


def default_scanner() -> NamedScanner | None:
    """The first scanner found in the order the module docstring gives, or None."""
    for finder in (_grpc_scanner, _inprocess_scanner):
        found = finder()
        if found is not None:
            log.info("fine-tune scanner", scanner=found.name)
            return found
    return None
