"""Scanning corpus files for ``hardgen corpus import --scan``, through the scanner port.

The port is the scanner service's gRPC client (``--scanner`` or ``HARDGEN_SCANNER_ADDR``) or the
in-process scanner the CLI constructs; analytics sees only
:class:`hardgen.core.clients.scanner.ScannerPort`. Either way the result is normalised to
:class:`FindingRecord`, with the severity the scanner reported, or the catalogue's when it reported none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from hardgen.analytics.corpus import ScanFunction
from hardgen.analytics.ingest import FindingRecord
from hardgen.core.catalogue import severity
from hardgen.core.clients.scanner import ScannerPort
from hardgen.core.languages import Language

BATCH = 200


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


def scan_function(scanner: ScannerPort, timeout: float = 300.0) -> ScanFunction:
    """A scan function over ``scanner`` (batches of :data:`BATCH` files).

    A scanner that cannot answer raises :class:`hardgen.core.clients.scanner.ScannerClientError`;
    the import then stops before anything is written, because a missing scan would read as "no findings".
    """

    def scan(files: list[tuple[str, Language, bytes]]) -> dict[str, list[FindingRecord]]:
        found: dict[str, list[FindingRecord]] = {path: [] for path, _, _ in files}
        languages = {path: lang.value for path, lang, _ in files}
        for batch in _batches(files):
            response = scanner.scan([(p, c, lang.value) for p, lang, c in batch], timeout=timeout)
            for finding in response.findings:
                records = findings_from_proto([finding], languages.get(finding.path))
                found.setdefault(finding.path, []).extend(records)
        return found

    return scan


def _batches(files: Sequence[tuple[str, Language, bytes]]) -> Iterable[Sequence[tuple[str, Language, bytes]]]:
    for start in range(0, len(files), BATCH):
        yield files[start : start + BATCH]
