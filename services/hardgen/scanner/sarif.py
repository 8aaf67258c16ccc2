"""SARIF 2.1.0 output that GitHub code scanning accepts as is.

One merged run (tool ``hardgen``, every engine's findings; the engine is a result property) or one
run per engine (tool ``hardgen-<engine>``, so that no two runs share a tool name). Rules carry
``properties.security-severity`` (a string, as CodeQL writes it) and the tags ``security`` and
``external/cwe/cwe-NNN``; results carry ``partialFingerprints`` and locations whose URIs are
relative to ``%SRCROOT%`` (the scan root). Files an engine could not analyse appear as error
notifications of the run's invocation. The scan profile (``default``: CodeQL-compatible query ids
only; ``extended``) is recorded as ``run.properties.profile``, so that a reader of the log knows
which query ids it could contain. Findings silenced by an inline ``hardgen: ignore[...] reason``
are results with ``suppressions: [{kind: inSource, justification: reason}]`` (GitHub closes such
alerts); an engine that could not run makes the invocation ``executionSuccessful: false``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from hardgen import __version__
from hardgen.core.catalogue import catalogue
from hardgen.core.findings import FileError, Finding
from hardgen.core.languages import language_for_rule

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/hardgen/hardgen"
FINGERPRINT_KEY = "hardgenFindingHash/v1"
SRCROOT = "%SRCROOT%"

_LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "none": "note"}


def sarif_level(finding: Finding) -> str:
    return _LEVELS[finding.level]


def cwe_tag(cwe: int) -> str:
    """``external/cwe/cwe-022``: CodeQL's spelling (three digits at least), which GitHub reads."""
    return f"external/cwe/cwe-{cwe:03d}"


def artifact_uri(path: str) -> str:
    return quote(path, safe="/")


def _rule(rule_id: str, findings: list[Finding]) -> dict[str, Any]:
    cat = catalogue()
    known = cat.query(rule_id)
    cwes = sorted({c for f in findings for c in f.cwes} | (set(known.cwes) if known else set()))
    score = known.security_severity if known else max(f.severity for f in findings)
    names = [cat.cwe_name(c) for c in cwes[:2]]
    title = f"{rule_id}: {'; '.join(names)}" if names else rule_id
    level = _LEVELS[findings[0].level] if not known else ("error" if score >= 7.0 else "warning")
    rule: dict[str, Any] = {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": title},
        "fullDescription": {"text": findings[0].message or title},
        "defaultConfiguration": {"level": level},
        "properties": {
            "tags": ["security", *[cwe_tag(c) for c in cwes]],
            "security-severity": f"{score:.1f}",
            "precision": "high",
            "problem.severity": "error" if level == "error" else "warning",
        },
    }
    language = language_for_rule(rule_id)
    if language is not None:
        rule["properties"]["tags"].append(language.value)
    return rule


def _result(finding: Finding, rule_index: int, justification: str | None = None) -> dict[str, Any]:
    result = _unsuppressed_result(finding, rule_index)
    if justification is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": justification}]
    return result


def _unsuppressed_result(finding: Finding, rule_index: int) -> dict[str, Any]:
    return {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": sarif_level(finding),
        "message": {"text": finding.message or finding.rule_id},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.path), "uriBaseId": SRCROOT},
                    "region": {
                        "startLine": finding.start_line,
                        "startColumn": finding.start_column,
                        "endLine": max(finding.end_line, finding.start_line),
                        "endColumn": finding.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"engine": finding.engine, "security-severity": f"{finding.severity:.1f}", "cwes": finding.cwes},
    }


def _run(
    tool_name: str,
    version: str,
    findings: list[Finding],
    errors: list[FileError],
    root: Path | None,
    suppressed: Iterable[tuple[Finding, str]] = (),
    failed_engines: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    silenced = list(suppressed)
    by_rule: dict[str, list[Finding]] = {}
    for finding in [*findings, *(f for f, _ in silenced)]:
        by_rule.setdefault(finding.rule_id, []).append(finding)
    rule_ids = sorted(by_rule)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": tool_name,
                "version": version,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule_id, by_rule[rule_id]) for rule_id in rule_ids],
            }
        },
        "automationDetails": {"id": f"{tool_name}/"},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule_id]) for f in findings]
        + [_result(f, index[f.rule_id], reason) for f, reason in silenced],
        "invocations": [
            {
                "executionSuccessful": not failed_engines,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": f"{e.engine}: {e.message}"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": artifact_uri(e.path), "uriBaseId": SRCROOT}
                                }
                            }
                        ],
                    }
                    for e in errors
                ]
                + [
                    {"level": "error", "message": {"text": f"engine {name} failed, its results are missing: {why}"}}
                    for name, why in (failed_engines or {}).items()
                ],
            }
        ],
    }
    if root is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": root.resolve().as_uri().rstrip("/") + "/"}}
    return run


def to_sarif(
    findings: Iterable[Finding],
    errors: Iterable[FileError] = (),
    root: Path | None = None,
    mode: Literal["merged", "per-engine"] = "merged",
    engines: Iterable[str] = (),
    profile: str | None = None,
    suppressed: Iterable[tuple[Finding, str]] = (),
    failed_engines: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A SARIF 2.1.0 log of the findings (paths already relative to ``root``); ``profile`` is the
    scan profile the findings were filtered with, recorded in each run's properties;
    ``suppressed`` are (finding, reason) pairs silenced inline; ``failed_engines`` (name → why)
    marks the run as not executed successfully."""
    found, failed = list(findings), list(errors)
    silenced = list(suppressed)
    if mode == "merged":
        runs = [_run("hardgen", __version__, found, failed, root, silenced, failed_engines)]
    else:
        names = list(
            dict.fromkeys(
                [*engines, *(f.engine for f in found), *(f.engine for f, _ in silenced), *(e.engine for e in failed)]
            )
        )
        runs = [
            _run(
                f"hardgen-{name}",
                __version__,
                [f for f in found if f.engine == name],
                [e for e in failed if e.engine == name],
                root,
                [(f, why) for f, why in silenced if f.engine == name],
                {k: v for k, v in (failed_engines or {}).items() if k == name},
            )
            for name in names
        ] or [_run("hardgen", __version__, [], [], root)]
    if profile:
        for run in runs:
            run["properties"] = {"profile": profile}
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": runs}


def schema() -> dict[str, Any]:
    """The focused JSON schema (the subset of SARIF 2.1.0 this module emits) shipped in the package."""
    text = resources.files("hardgen.scanner").joinpath("data/sarif-2.1.0-subset.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def validate(document: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``document`` is not valid against :func:`schema`."""
    import jsonschema

    jsonschema.validate(document, schema(), cls=jsonschema.Draft7Validator)
