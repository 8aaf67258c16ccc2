"""Scanning corpus files for ``hardgen corpus import --scan``.

Through the scanner service's gRPC client when an address is given (``--scanner`` or
``HARDGEN_SCANNER_ADDR``), otherwise through the scanner package's in-process API. Either way the
result is normalised to :class:`FindingRecord`, with the severity the scanner reported, or the
catalogue's when it reported none.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import Any

from hardgen.analytics.corpus import ScanFunction
from hardgen.analytics.ingest import FindingRecord
from hardgen.core.catalogue import severity
from hardgen.core.languages import Language

BATCH = 200


class ScannerUnavailableError(RuntimeError):
    pass


def findings_from_proto(findings: Iterable[Any], language: str | None = None) -> list[FindingRecord]:
    """``hardgen.v1.Finding`` messages → records (one finding, count 1)."""
    out = []
    for f in findings:
        cwes = sorted({int(c) for c in f.cwes})
        score = float(f.severity) if f.severity > 0 else severity(f.rule_id or None, cwes, language)
        out.append(
            FindingRecord(
                rule_id=f.rule_id,
                cwes=cwes,
                severity=score,
                count=1,
                engine=f.engine,
                path=f.path,
                start_line=f.start_line or None,
                end_line=f.end_line or None,
                message=f.message,
                fingerprint=f.fingerprint,
            )
        )
    return out


def grpc_scan_function(address: str, timeout: float = 300.0) -> ScanFunction:
    """A scan function over the scanner service (batches of :data:`BATCH` files)."""
    try:
        module = importlib.import_module("hardgen.core.clients.scanner")
    except ImportError as exc:
        raise ScannerUnavailableError("the scanner client (hardgen.core.clients.scanner) is not installed") from exc
    client = module.ScannerClient(address)

    def scan(files: list[tuple[str, Language, bytes]]) -> dict[str, list[FindingRecord]]:
        found: dict[str, list[FindingRecord]] = {path: [] for path, _, _ in files}
        languages = {path: lang.value for path, lang, _ in files}
        try:
            for batch in _batches(files):
                response = client.scan([(p, c, lang.value) for p, lang, c in batch], timeout=timeout)
                for finding in response.findings:
                    records = findings_from_proto([finding], languages.get(finding.path))
                    found.setdefault(finding.path, []).extend(records)
        except module.ScannerClientError as exc:
            raise ScannerUnavailableError(str(exc)) from exc
        return found

    return scan


def local_scan_function(timeout: float = 300.0) -> ScanFunction:
    """A scan function over the scanner package in this process (no service needed)."""
    try:
        module = importlib.import_module("hardgen.scanner.scan")
    except ImportError as exc:
        raise ScannerUnavailableError(
            "no in-process scanner (hardgen.scanner.scan) here: give --scanner ADDRESS of a scanner service"
        ) from exc

    registry = importlib.import_module("hardgen.scanner.engines.registry")

    def scan(files: list[tuple[str, Language, bytes]]) -> dict[str, list[FindingRecord]]:
        found: dict[str, list[FindingRecord]] = {path: [] for path, _, _ in files}
        languages = {path: lang.value for path, lang, _ in files}
        try:  # a language without its engines would import as "no findings"
            registry.check_required_engines({lang for _, lang, _ in files}, registry.select_engines())
        except registry.EngineMissingError as exc:
            raise ScannerUnavailableError(str(exc)) from exc
        for batch in _batches(files):
            inputs = [module.SourceInput(path=p, content=c, language=lang) for p, lang, c in batch]
            report = module.scan_inputs(inputs, timeout=timeout)
            if report.failed_engines:
                name, why = next(iter(report.failed_engines.items()))
                raise ScannerUnavailableError(f"engine {name} failed, nothing imported: {why}")
            for f in report.findings:
                record = FindingRecord(
                    rule_id=f.rule_id,
                    cwes=sorted(set(f.cwes)),
                    severity=f.severity or severity(f.rule_id or None, f.cwes, languages.get(f.path)),
                    count=1,
                    engine=f.engine,
                    path=f.path,
                    start_line=f.start_line,
                    end_line=f.end_line,
                    message=f.message,
                    fingerprint=f.fingerprint,
                )
                found.setdefault(f.path, []).append(record)
        return found

    return scan


def _batches(files: Sequence[tuple[str, Language, bytes]]) -> Iterable[Sequence[tuple[str, Language, bytes]]]:
    for start in range(0, len(files), BATCH):
        yield files[start : start + BATCH]
