"""SARIF → GitLab Code Quality report, for the GitLab CI template (``ci/hardgen.gitlab-ci.yml``).

GitLab shows findings in merge requests from a Code Quality artefact (a JSON list in the Code
Climate format), not from SARIF, so the template converts the SARIF that ``hardgen scan`` wrote:
``python -m hardgen.scanner.codequality hardgen.sarif --output gl-code-quality-report.json``.
Suppressed results (``hardgen: ignore[...]``, SARIF ``suppressions``) are left out, as GitLab has
no notion of a reviewed finding. Severity follows the SARIF ``security-severity`` with GitHub's
bands (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from hardgen.core.catalogue import severity_level
from hardgen.core.sarifread import relative_uri_path, rule_of, rule_tables

#: hardgen level → GitLab Code Quality severity.
SEVERITY = {"none": "info", "low": "minor", "medium": "major", "high": "critical", "critical": "blocker"}


def to_codequality(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The Code Quality issues of every unsuppressed result of a SARIF 2.1.0 log."""
    issues: list[dict[str, Any]] = []
    for run in document.get("runs", []) or []:
        by_id, lists = rule_tables(run)
        for result in run.get("results", []) or []:
            if result.get("suppressions"):
                continue
            rule_id, rule = rule_of(result, by_id, lists)
            location = ((result.get("locations") or [{}])[0].get("physicalLocation")) or {}
            path = relative_uri_path(str((location.get("artifactLocation") or {}).get("uri", "")))
            line = int((location.get("region") or {}).get("startLine", 1))
            score = (result.get("properties") or {}).get("security-severity")
            if score is None:
                score = (rule.get("properties") or {}).get("security-severity", 0)
            prints = result.get("partialFingerprints") or {}
            basis = next(iter(prints.values()), "") or f"{rule_id}:{path}:{line}"
            issues.append(
                {
                    "description": f"{rule_id}: {(result.get('message') or {}).get('text', rule_id)}",
                    "check_name": rule_id,
                    "fingerprint": hashlib.md5(str(basis).encode(), usedforsecurity=False).hexdigest(),
                    "severity": SEVERITY[severity_level(float(score))],
                    "location": {"path": path, "lines": {"begin": line}},
                }
            )
    return issues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Convert hardgen's SARIF to a GitLab Code Quality report.")
    parser.add_argument("sarif", type=Path)
    parser.add_argument("--output", "-o", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    try:
        document = json.loads(args.sarif.read_text(encoding="utf-8"))
        issues = to_codequality(document)
    except (OSError, ValueError, TypeError, AttributeError, KeyError) as exc:
        sys.stderr.write(f"error: cannot convert {args.sarif}: {exc}\n")
        return 2
    text = json.dumps(issues, indent=2) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
