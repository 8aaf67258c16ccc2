"""The scan step of fine-tuning: every training example is scanned and flagged ones are dropped.

The study verified its fine-tuning set was free of CWEs; so do we, through the scanner port
(:class:`hardgen.core.clients.scanner.ScannerPort`). Where the scanner comes from, in order:

1. a :class:`NamedScanner` passed explicitly (tests, the CLI);
2. the scanner service over gRPC when ``HARDGEN_SCANNER_ADDR`` is set;
3. the in-process scanner the CLI passes as ``local`` (modelserve itself never imports the
   scanner, so its image needs no analysers);
4. none: the run goes on unscanned only when the caller allows it (``--no-scan``), and the
   adapter's metrics record ``scanned: false``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hardgen.core.clients.scanner import ScannerClient, ScannerPort
from hardgen.core.languages import Language
from hardgen.core.logging import get_logger
from hardgen.core.settings import configured_address
from hardgen.v1 import scanner_pb2

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


def verdicts(items: Sequence[ScanItem], response: scanner_pb2.ScanResponse) -> list[ScanVerdict]:
    """One verdict per item, in order: the query ids found in it, or the scanner's error for it."""
    by_path = {item.path: ScanVerdict() for item in items}
    for finding in response.findings:
        verdict = by_path.get(finding.path)
        if verdict is not None and finding.rule_id not in verdict.rules:
            verdict.rules.append(finding.rule_id)
    for error in response.errors:
        if error.path in by_path:
            by_path[error.path].error = error.message
    return [by_path[item.path] for item in items]


def port_scanner(port: ScannerPort) -> NamedScanner:
    """A fine-tune scanner over ``port`` (the scanner service's client or the in-process scanner);
    its name (``grpc:<address>`` or ``in-process``) is recorded with the dataset."""

    def scan(items: Sequence[ScanItem]) -> list[ScanVerdict]:
        # an example's name ("extra.jsonl:3") is not a file path the scanner accepts: send each
        # under a safe path of its own and read the verdicts back by that path
        sent = [ScanItem(f"examples/{n}{i.language.extension}", i.language, i.code) for n, i in enumerate(items)]
        return verdicts(sent, port.scan([(i.path, i.code, i.language.value) for i in sent]))

    name = port.address if port.address == "in-process" else f"grpc:{port.address}"
    return NamedScanner(name, scan)


def default_scanner(local: ScannerPort | None = None) -> NamedScanner | None:
    """The scanner service when ``HARDGEN_SCANNER_ADDR`` is set, else ``local``, else None."""
    address = configured_address("scanner")
    port = ScannerClient(address) if address else local
    if port is None:
        return None
    found = port_scanner(port)
    log.info("fine-tune scanner", scanner=found.name)
    return found
