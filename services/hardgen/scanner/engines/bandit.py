"""Bandit (Python), run once per batch and mapped onto CodeQL's query ids.

Only Bandit tests with a CodeQL counterpart that flags the same code are kept; everything else is
dropped (not reported under a ``py/bandit/...`` id), because Bandit is here to corroborate the
CodeQL-equivalent results, and its pattern-only checks would flag secure code CodeQL accepts:

* B324 (md5/sha1 anywhere) — CodeQL's ``py/weak-sensitive-data-hashing`` needs sensitive data
  (a password) to flow into the hash; the Semgrep pack models that, Bandit cannot.
* B104 (the string ``"0.0.0.0"``) — CodeQL only flags ``socket.bind``; ``app.run(host="0.0.0.0")``
  is common and accepted.
* B602/B605 are kept only at Bandit severity HIGH, which Bandit gives when the command is not a
  literal string (a plausible taint path); literal commands come out LOW and are filtered.

Findings need Bandit severity *and* confidence of at least medium. ``# nosec`` comments in the
analysed code are ignored: code under analysis must not be able to hide its own findings.
"""

from __future__ import annotations

import json
import shutil
import sys
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from hardgen.core.catalogue import severity
from hardgen.core.findings import FileError, Finding
from hardgen.core.languages import Language
from hardgen.scanner.engines.base import EngineError, EngineResult, EngineUnavailableError, ScanFile
from hardgen.scanner.engines.proc import run_tool

#: Bandit test id → (CodeQL query id, CWE ids). Bump MAPPING_VERSION when this table changes.
MAPPING: dict[str, tuple[str, tuple[int, ...]]] = {
    "B201": ("py/flask-debug", (215, 489)),
    "B202": ("py/tarslip", (22,)),
    "B301": ("py/unsafe-deserialization", (502,)),
    "B302": ("py/unsafe-deserialization", (502,)),
    "B501": ("py/request-without-cert-validation", (295,)),
    "B502": ("py/insecure-protocol", (327,)),
    "B503": ("py/insecure-protocol", (327,)),
    "B504": ("py/insecure-protocol", (327,)),
    "B506": ("py/unsafe-deserialization", (502,)),
    "B602": ("py/command-line-injection", (78, 88)),
    "B605": ("py/command-line-injection", (78, 88)),
    "B608": ("py/sql-injection", (89,)),
    "B701": ("py/jinja2/autoescape-false", (79,)),
}
MAPPING_VERSION = "1"
#: Tests kept only at this Bandit severity (see module docstring).
_HIGH_ONLY = {"B602", "B605"}
_LEVELS = {"LOW": 1, "MEDIUM": 2, "HIGH": 3}


@cache
def bandit_binary() -> str | None:
    beside = Path(sys.executable).parent / "bandit"
    if beside.exists():
        return str(beside)
    return shutil.which("bandit")


class BanditEngine:
    name = "bandit"
    languages = frozenset({Language.PYTHON})

    def available(self) -> bool:
        return bandit_binary() is not None

    def version(self) -> str:
        try:
            tool = metadata.version("bandit")
        except metadata.PackageNotFoundError:
            tool = "unknown"
        return f"bandit-{tool}+map-{MAPPING_VERSION}"

    def command(self, targets: list[Path]) -> list[str]:
        binary = bandit_binary()
        if binary is None:
            raise EngineUnavailableError("bandit is not installed")
        return [
            binary, "-f", "json", "-q", "--exit-zero", "--ignore-nosec",
            "--severity-level", "medium", "--confidence-level", "medium",
            "-t", ",".join(sorted(MAPPING)),
            *[str(t) for t in targets],
        ]  # fmt: skip

    def scan(self, files: list[ScanFile], timeout: float) -> EngineResult:
        files = [f for f in files if f.language in self.languages]
        if not files:
            return EngineResult()
        by_path = {str(f.abs_path.resolve()): f for f in files}
        proc = run_tool(self.command([f.abs_path.resolve() for f in files]), timeout)
        try:
            report = json.loads(proc.stdout or b"")
        except json.JSONDecodeError as exc:
            tail = proc.stderr.decode("utf-8", errors="replace").strip()[-300:]
            raise EngineError(f"bandit exited {proc.returncode} without JSON output: {tail}") from exc
        return parse_report(report, by_path)


def parse_report(report: dict[str, Any], by_path: dict[str, ScanFile]) -> EngineResult:
    """Bandit JSON → mapped findings (unmapped tests dropped) and per-file errors."""
    result = EngineResult()
    for item in report.get("results", []):
        scan_file = by_path.get(str(Path(item.get("filename", "")).resolve()))
        test_id = str(item.get("test_id", ""))
        if scan_file is None or test_id not in MAPPING:
            continue
        if _LEVELS.get(item.get("issue_severity", ""), 0) < 2 or _LEVELS.get(item.get("issue_confidence", ""), 0) < 2:
            continue
        if test_id in _HIGH_ONLY and item.get("issue_severity") != "HIGH":
            continue
        rule_id, cwes = MAPPING[test_id]
        line = max(1, int(item.get("line_number", 1)))
        line_range = item.get("line_range") or [line]
        result.findings.append(
            Finding(
                rule_id=rule_id,
                cwes=list(cwes),
                severity=severity(rule_id, cwes, Language.PYTHON),
                message=f"{test_id}: {' '.join(str(item.get('issue_text', '')).split())}",
                path=scan_file.path,
                start_line=line,
                end_line=max(line, int(line_range[-1])),
                start_column=int(item.get("col_offset", 0)) + 1,
                end_column=max(1, int(item.get("end_col_offset") or 0) + 1),
                engine="bandit",
            )
        )
    for error in report.get("errors", []):
        scan_file = by_path.get(str(Path(error.get("filename", "")).resolve()))
        if scan_file is not None:
            reason = " ".join(str(error.get("reason", "error")).split())[:300]
            result.errors.append(FileError(path=scan_file.path, engine="bandit", message=reason))
    return result
