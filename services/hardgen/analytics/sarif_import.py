"""A SARIF 2.1.0 log (CodeQL's, or any tool's) as the findings source of a corpus import.

A researcher who runs CodeQL in CI over the generated programs gets the study's tables from
CodeQL's own verdicts: ``hardgen corpus import MANIFEST --sarif RESULTS.sarif`` reads the manifest
for the samples and this log for their findings. This module only reads and checks the log; the
matching to samples and the single transaction are in :mod:`hardgen.analytics.corpus`.

Rules of the reading (docs/ci.md, "CodeQL results as the findings source"):

* a result's rule comes from ``ruleId``, ``rule.id`` or ``ruleIndex``/``rule.index`` into the
  driver's or an extension's ``rules`` (CodeQL query packs put their rules in extensions);
* CWE ids come from the rule's tags, ``security-severity`` from the result's or the rule's
  properties; where the log has neither, hardgen's catalogue fills them in by query id;
* results that are not failures (``kind`` other than ``fail``), that are suppressed (SARIF
  ``suppressions`` not rejected) or absent from a baseline are not findings; neither are results of
  non-security rules (no CWE tag, no ``security`` tag, not in the catalogue), e.g. CodeQL's
  quality queries in the ``security-and-quality`` suite. They are counted, not imported;
* anything the reading cannot make sense of is a :class:`SarifImportError`: one line naming the
  JSON position (line and column) or the result (``runs[0].results[3]``), so that nothing is
  imported half-way.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hardgen.core.catalogue import catalogue
from hardgen.core.sarifread import candidate_paths, cwes_from_tags, rule_of, rule_tables, tool_of

#: Suppression states that still hide a result (SARIF 2.1.0 §3.35.3: absent status = accepted).
_HIDING_STATUSES = {None, "accepted", "underReview"}


class SarifImportError(ValueError):
    """The SARIF log cannot be used as a findings source (one line; the CLI exits 2)."""


@dataclass(slots=True)
class SarifFinding:
    """One security result of the log, before it is matched to a sample."""

    where: str  # runs[i].results[j]: how errors name it
    uri: str  # the artifact URI as the log wrote it
    candidates: list[Path]  # absolute paths the URI may denote, most specific first
    rule_id: str
    cwes: list[int]
    severity: float | None  # from the log; None → the catalogue decides, by the sample's language
    message: str
    start_line: int | None
    end_line: int | None
    fingerprint: str
    engine: str


@dataclass(slots=True)
class SarifLog:
    """What a log contributes to an import: its findings and where they came from."""

    path: str
    sha256: str
    tools: list[tuple[str, str]] = field(default_factory=list)  # (name, version) per run, in order
    findings: list[SarifFinding] = field(default_factory=list)
    results: int = 0  # every result of every run
    not_security: int = 0
    suppressed: int = 0
    not_failures: int = 0

    @property
    def provenance(self) -> str:
        """``CodeQL 2.20.1`` (or several, comma-separated): the tool the report credits."""
        named = dict.fromkeys(f"{name} {version}".strip() for name, version in self.tools)
        return ", ".join(named)


def read_sarif_log(path: Path, roots: list[Path]) -> SarifLog:
    """Read and check ``path``; relative artifact URIs are tried against ``roots`` in order."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SarifImportError(f"cannot read SARIF file {path}: {exc.strerror or exc}") from None
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SarifImportError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise SarifImportError(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise SarifImportError(f"{path}: JSON nested too deeply") from None
    log = SarifLog(path=str(path), sha256=hashlib.sha256(data).hexdigest())
    if not isinstance(document, dict):
        raise SarifImportError(f"{path}: not a SARIF log (the document is not a JSON object)")
    version = document.get("version")
    if version != "2.1.0":
        raise SarifImportError(f"{path}: not a SARIF 2.1.0 log (version is {version!r})")
    runs = document.get("runs")
    if not isinstance(runs, list):
        raise SarifImportError(f"{path}: not a SARIF 2.1.0 log (runs must be a list)")
    for number, run in enumerate(runs):
        _read_run(log, run, f"runs[{number}]", roots)
    return log


def _read_run(log: SarifLog, run: Any, where: str, roots: list[Path]) -> None:
    if not isinstance(run, dict):
        raise SarifImportError(f"{log.path}: {where} is not an object")
    name, version = tool_of(run)
    if not name:
        raise SarifImportError(f"{log.path}: {where}: tool.driver.name is missing (required by SARIF 2.1.0)")
    log.tools.append((name, version))
    results = run.get("results") or []
    if not isinstance(results, list):
        raise SarifImportError(f"{log.path}: {where}.results must be a list")
    by_id, lists = rule_tables(run)
    artifacts = run.get("artifacts") or []
    for index, result in enumerate(results):
        at = f"{where}.results[{index}]"
        if not isinstance(result, dict):
            raise SarifImportError(f"{log.path}: {at} is not an object")
        log.results += 1
        if result.get("kind", "fail") != "fail":
            log.not_failures += 1
            continue
        if result.get("baselineState") == "absent" or _suppressed(result, log.path, at):
            log.suppressed += 1
            continue
        rule_id, rule = rule_of(result, by_id, lists)
        if not rule_id:
            raise SarifImportError(f"{log.path}: {at} names no rule (ruleId, rule.id, or a ruleIndex into the rules)")
        raw_props = rule.get("properties")
        props: dict[str, Any] = raw_props if isinstance(raw_props, dict) else {}
        raw_tags = props.get("tags")
        tags: list[Any] = raw_tags if isinstance(raw_tags, list) else []
        cwes = cwes_from_tags(tags)
        known = catalogue().query(rule_id)
        if not (known or cwes or "security" in tags):
            log.not_security += 1
            continue
        location = _artifact_location(result, artifacts, log.path, at)
        region = _region(result, log.path, at)
        log.findings.append(
            SarifFinding(
                where=at,
                uri=str(location.get("uri") or ""),
                candidates=candidate_paths(run, location, roots),
                rule_id=rule_id,
                cwes=cwes or (sorted(known.cwes) if known else []),
                severity=_severity(result, props, log.path, at),
                message=" ".join(str((result.get("message") or {}).get("text", "")).split())[:1000],
                start_line=region[0],
                end_line=region[1],
                fingerprint=_fingerprint(result),
                engine=name.lower(),
            )
        )


def _suppressed(result: dict[str, Any], path: str, at: str) -> bool:
    suppressions = result.get("suppressions")
    if suppressions is None:
        return False
    if not isinstance(suppressions, list):
        raise SarifImportError(f"{path}: {at}.suppressions must be a list")
    return any(isinstance(s, dict) and s.get("status") in _HIDING_STATUSES for s in suppressions)


def _artifact_location(result: dict[str, Any], artifacts: Any, path: str, at: str) -> dict[str, Any]:
    locations = result.get("locations")
    if not isinstance(locations, list) or not locations or not isinstance(locations[0], dict):
        raise SarifImportError(f"{path}: {at} has no location, so it cannot be matched to a sample")
    physical = locations[0].get("physicalLocation") or {}
    location = physical.get("artifactLocation") if isinstance(physical, dict) else None
    if not isinstance(location, dict):
        raise SarifImportError(f"{path}: {at} has no physicalLocation.artifactLocation")
    if not location.get("uri") and isinstance(location.get("index"), int):
        # the location points into run.artifacts instead of repeating the URI
        number = location["index"]
        if not isinstance(artifacts, list) or not 0 <= number < len(artifacts):
            raise SarifImportError(f"{path}: {at}: artifactLocation.index {number} is not in run.artifacts")
        location = (artifacts[number] or {}).get("location") or {}
    if not isinstance(location.get("uri"), str) or not location.get("uri"):
        raise SarifImportError(f"{path}: {at}: artifactLocation has no uri")
    return location


def _region(result: dict[str, Any], path: str, at: str) -> tuple[int | None, int | None]:
    physical = (result.get("locations") or [{}])[0].get("physicalLocation") or {}
    region = physical.get("region") or {}
    if not isinstance(region, dict):
        raise SarifImportError(f"{path}: {at}: region must be an object")
    start, end = region.get("startLine"), region.get("endLine")
    for name, value in (("startLine", start), ("endLine", end)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise SarifImportError(f"{path}: {at}: region.{name} must be a positive integer, not {value!r}")
    return start, end if end is not None else start


def _severity(result: dict[str, Any], rule_props: dict[str, Any], path: str, at: str) -> float | None:
    """The result's own ``security-severity`` (hardgen writes one), else the rule's, else None."""
    for props in (result.get("properties") or {}, rule_props):
        raw = props.get("security-severity") if isinstance(props, dict) else None
        if raw is None or raw == "":
            continue
        try:
            score = float(raw)
        except (TypeError, ValueError):
            raise SarifImportError(f"{path}: {at}: security-severity {raw!r} is not a number") from None
        if not (math.isfinite(score) and 0.0 <= score <= 10.0):
            raise SarifImportError(f"{path}: {at}: security-severity {raw!r} is outside 0.0-10.0")
        return score
    return None


def _fingerprint(result: dict[str, Any]) -> str:
    prints = result.get("partialFingerprints") or result.get("fingerprints") or {}
    if not isinstance(prints, dict) or not prints:
        return ""
    return str(next(iter(prints.values())))[:128]
