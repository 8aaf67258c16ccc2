"""Corpus import: a JSONL manifest of generated code files (and, optionally, their recorded findings).

A manifest line::

    {"language": "python", "model": "gpt-4o", "scenario": 3, "technique": "nep", "sample": 7,
     "path": "gpt-4o/py/3/nep/7.py", "findings": [{"rule": "py/sql-injection", "count": 2},
                                                  {"cwes": [79, 116], "count": 1}]}

``path`` is relative to the manifest's folder. Malformed lines are reported with their 1-based line
number and skipped; everything valid in one file commits in one transaction (all or nothing), and
importing the same file again is a no-op (the file's SHA-256 is recorded per study; samples already
in the store are never touched).

Findings come from one of three sources: the manifest's recorded ``findings`` (mode ``labels``),
hardgen's scanner (``scan``), or a SARIF 2.1.0 log such as CodeQL's (``sarif``,
:mod:`hardgen.analytics.sarif_import`). In ``sarif`` mode every security result must belong to a
sample of the manifest, matched by the file it names; an unmatched result or an unreadable log is
a :class:`SarifImportError` and nothing is imported. The run's tool name and version are recorded
with the import (``imports.tool``), so that the report says whose findings its tables count.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from hardgen.analytics.ingest import FindingRecord, SampleRecord, bulk_insert_samples, ensure_study
from hardgen.analytics.sarif_import import SarifImportError, SarifLog, read_sarif_log
from hardgen.analytics.store import Store
from hardgen.core.catalogue import catalogue, parse_cwe
from hardgen.core.events import sample_id
from hardgen.core.languages import Language, UnknownLanguageError, parse_language, parses
from hardgen.core.logging import get_logger

log = get_logger(__name__)

Mode = Literal["labels", "scan", "sarif"]
# (files as (path, language, content)) -> findings per path; injected so tests and the CLI choose
# between the scanner's gRPC service and the in-process scanner.
ScanFunction = Callable[[list[tuple[str, Language, bytes]]], dict[str, list[FindingRecord]]]


class ManifestError(Exception):
    """The manifest as a whole cannot be imported (unreadable file, scanner failure)."""


@dataclass(slots=True)
class LineError:
    line: int
    message: str


@dataclass(slots=True)
class ImportResult:
    study: str
    manifest: str
    sha256: str
    mode: str
    lines: int = 0
    imported: int = 0
    existing: int = 0
    findings: int = 0
    already_imported: bool = False
    errors: list[LineError] = field(default_factory=list)
    sarif: SarifLog | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "study": self.study,
            "manifest": self.manifest,
            "sha256": self.sha256,
            "mode": self.mode,
            "lines": self.lines,
            "imported": self.imported,
            "existing": self.existing,
            "findings": self.findings,
            "already_imported": self.already_imported,
            "malformed": [{"line": e.line, "error": e.message} for e in self.errors],
        } | (self._sarif_dict() if self.sarif is not None else {})

    def _sarif_dict(self) -> dict[str, Any]:
        assert self.sarif is not None
        sarif_log = self.sarif
        return {
            "sarif": {
                "path": sarif_log.path,
                "sha256": sarif_log.sha256,
                "tools": [{"name": name, "version": version} for name, version in sarif_log.tools],
                "results": sarif_log.results,
                "security_results": len(sarif_log.findings),
                "not_security": sarif_log.not_security,
                "suppressed": sarif_log.suppressed,
                "not_failures": sarif_log.not_failures,
            }
        }


@dataclass(slots=True)
class _Entry:
    line: int
    sample: SampleRecord
    labels: list[FindingRecord]
    language: Language
    content: bytes
    file: Path  # the code file, resolved: what SARIF artifact URIs are matched against


def import_manifest(
    store: Store,
    manifest: str | Path,
    study: str,
    mode: Mode = "labels",
    scan: ScanFunction | None = None,
    sarif: Path | None = None,
    sarif_root: Path | None = None,
) -> ImportResult:
    """Import one manifest file into ``study`` (see the module docstring for the rules).

    ``sarif`` (mode ``sarif``) is the log whose results are the findings; its relative artifact
    URIs are resolved against the run's declared base, else ``sarif_root`` (default: the manifest's
    folder). Raises :class:`SarifImportError` for an unusable log or a result without a sample.
    """
    path = Path(manifest)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ManifestError(f"cannot read manifest {path}: {exc.strerror or exc}") from exc
    digest = hashlib.sha256(data).hexdigest()
    if mode == "scan" and scan is None:
        raise ManifestError("--scan needs a scanner (service address or the in-process scanner)")
    sarif_log: SarifLog | None = None
    if mode == "sarif":
        if sarif is None:
            raise ManifestError("mode sarif needs a SARIF file")
        roots = [sarif_root.resolve()] if sarif_root is not None else [path.parent.resolve()]
        sarif_log = read_sarif_log(sarif, roots)
        # the import is the pair (manifest, log): either changing makes a new import
        digest = hashlib.sha256(f"sarif:{digest}:{sarif_log.sha256}".encode()).hexdigest()
    result = ImportResult(study=study, manifest=str(path), sha256=digest, mode=mode, sarif=sarif_log)
    with store.lock:
        seen = store.query("SELECT 1 FROM imports WHERE study = ? AND sha256 = ?", [study, digest])
    if seen:
        result.already_imported = True
        return result

    entries = _parse_lines(data, path.parent.resolve(), study, result)
    with store.lock:
        existing = _existing_ids(store, [e.sample.id for e in entries])
    fresh = [e for e in entries if e.sample.id not in existing]
    result.existing = len(entries) - len(fresh)

    if mode == "scan" and fresh:
        assert scan is not None
        try:
            by_path = scan([(_scan_path(e), e.language, e.content) for e in fresh])
        except ManifestError:
            raise
        except Exception as exc:  # noqa: BLE001 - any scanner failure aborts the whole file, one message
            raise ManifestError(f"scanning failed, nothing imported: {exc}") from exc
        findings = {e.sample.id: by_path.get(_scan_path(e), []) for e in fresh}
    elif sarif_log is not None:
        matched = _sarif_findings(sarif_log, entries, sarif_root or path.parent)
        findings = {e.sample.id: matched.get(e.sample.id, []) for e in fresh}
    else:
        findings = {e.sample.id: e.labels for e in fresh}
    for entry in fresh:
        entry.sample.source = f"import:{mode}"
    result.imported = len(fresh)
    result.findings = sum(f.count for found in findings.values() for f in found)

    with store.transaction() as con:
        ensure_study(con, study, source="import")
        bulk_insert_samples(con, [e.sample for e in fresh], findings)
        con.execute(
            "INSERT INTO imports (study, sha256, manifest, mode, samples, findings_source, tool, tool_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                study,
                digest,
                str(path),
                mode,
                len(fresh),
                sarif_log.path if sarif_log else "",
                ", ".join(dict.fromkeys(name for name, _ in sarif_log.tools)) if sarif_log else "",
                ", ".join(dict.fromkeys(version for _, version in sarif_log.tools)) if sarif_log else "",
            ],
        )
    log.info(
        "corpus.imported",
        study=study,
        manifest=str(path),
        imported=result.imported,
        existing=result.existing,
        malformed=len(result.errors),
        findings_source=sarif_log.provenance if sarif_log else mode,
    )
    return result


def _sarif_findings(sarif_log: SarifLog, entries: list[_Entry], root: Path) -> dict[str, list[FindingRecord]]:
    """The log's security results as findings per sample id; every result must find its sample."""
    by_file = {entry.file: entry for entry in entries}
    cat = catalogue()
    matched: dict[str, list[FindingRecord]] = {}
    for item in sarif_log.findings:
        entry = next((by_file[c] for c in item.candidates if c in by_file), None)
        if entry is None:
            raise SarifImportError(
                f"{sarif_log.path}: {item.where}: {item.uri!r} matches no sample of the manifest "
                f"(relative paths are resolved against {root}; set --sarif-root to the folder the tool analysed)"
            )
        score = item.severity if item.severity is not None else cat.severity(item.rule_id, item.cwes, entry.language)
        matched.setdefault(entry.sample.id, []).append(
            FindingRecord(
                rule_id=item.rule_id,
                cwes=item.cwes,
                severity=score,
                engine=item.engine,
                path=entry.sample.path,
                start_line=item.start_line,
                end_line=item.end_line,
                message=item.message,
                fingerprint=item.fingerprint,
            )
        )
    return matched


def _scan_path(entry: _Entry) -> str:
    """A unique path per sample inside a scan batch (manifests reuse file names across cells)."""
    return f"{entry.sample.id}/{Path(entry.sample.path).name}"


def _existing_ids(store: Store, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    rows = store.query("SELECT id FROM samples WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])
    return {r[0] for r in rows}


def _parse_lines(data: bytes, base: Path, study: str, result: ImportResult) -> list[_Entry]:
    entries: list[_Entry] = []
    ids: dict[str, int] = {}
    for number, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        if not raw.strip():
            continue
        result.lines += 1
        try:
            entry = _parse_line(raw, number, base, study)
        except ValueError as exc:
            result.errors.append(LineError(number, str(exc)))
            continue
        if entry.sample.id in ids:
            result.errors.append(LineError(number, f"duplicate sample (first on line {ids[entry.sample.id]})"))
            continue
        ids[entry.sample.id] = number
        entries.append(entry)
    for error in result.errors:
        log.warning("corpus.malformed_line", line=error.line, error=error.message)
    return entries


def _parse_line(raw: str, number: int, base: Path, study: str) -> _Entry:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg}") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    missing = [k for k in ("language", "model", "scenario", "technique", "sample", "path") if k not in obj]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    try:
        language = parse_language(str(obj["language"]))
    except UnknownLanguageError as exc:
        raise ValueError(str(exc)) from None
    model, technique = _text(obj, "model"), _text(obj, "technique")
    scenario = _integer(obj["scenario"], "scenario")
    key = obj["sample"]
    if isinstance(key, bool) or not isinstance(key, int | str) or str(key) == "":
        raise ValueError("sample must be a non-empty string or an integer")
    key_text = str(key)
    index = int(key_text) if key_text.lstrip("-").isdigit() else None
    rel = _text(obj, "path")
    file = Path(rel) if Path(rel).is_absolute() else base / rel
    try:
        content = file.read_bytes()
    except OSError:
        raise ValueError(f"code file not found: {rel}") from None
    labels = _labels(obj.get("findings", []), language)
    record = SampleRecord(
        id=sample_id(study, language.value, model, scenario, technique, key_text),  # type: ignore[arg-type]
        study=study,
        language=language.value,
        model=model,
        scenario=scenario,
        technique=technique,
        sample_key=key_text,
        sample_index=index,
        code_hash=hashlib.sha256(content).hexdigest(),
        path=rel,
        parses=parses(content, language),
        generated=True,
        scanned=True,
    )
    return _Entry(number, record, labels, language, content, Path(os.path.realpath(file)))


def _text(obj: dict[str, Any], key: str) -> str:
    value = obj[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} must be a non-empty string")
    return value.strip()


def _integer(value: Any, name: str) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise ValueError(f"{name} must be an integer")


def _labels(value: Any, language: Language) -> list[FindingRecord]:
    """Recorded findings → records with the catalogue's CWEs and severity (one convention)."""
    if not isinstance(value, list):
        raise ValueError("findings must be a list")
    cat = catalogue()
    records: list[FindingRecord] = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise ValueError(f"findings[{i}] must be an object")
        rule = item.get("rule") or ""
        if not isinstance(rule, str):
            raise ValueError(f"findings[{i}].rule must be a string")
        raw_cwes = item.get("cwes", [])
        if not isinstance(raw_cwes, list):
            raise ValueError(f"findings[{i}].cwes must be a list")
        try:
            cwes = sorted({parse_cwe(c) for c in raw_cwes})
        except (ValueError, TypeError, AttributeError):
            raise ValueError(f"findings[{i}].cwes has an invalid CWE id") from None
        if not rule and not cwes:
            raise ValueError(f"findings[{i}] needs a rule or cwes")
        count = item.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"findings[{i}].count must be a non-negative integer")
        if count == 0:
            continue
        if not cwes and rule:
            cwes = cat.cwes_for(rule)
        severity = cat.severity(rule or None, cwes, language)
        records.append(FindingRecord(rule_id=rule, cwes=cwes, severity=severity, count=count, engine="labels"))
    return records
