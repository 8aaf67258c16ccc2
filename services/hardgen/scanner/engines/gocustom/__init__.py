"""``gocustom``: the study's Go script checks, on the tree-sitter syntax tree (never by line regexes).

The study this project reproduces ran CodeQL plus a small custom Go script (regular expressions
over Go source) for three weaknesses CodeQL's default Go suite misses in model-written ``net/http``
code: path traversal through upload file names, weak password hashing and unsafe
deserialisation. This engine re-implements that script with a small intra-procedural taint walk
(:mod:`.taint`) and one module per check (:mod:`.checks`), each reported under its own
``go/study/*`` id and CWE, with the catalogue's severity rule.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from hardgen.core.catalogue import severity
from hardgen.core.findings import FileError, Finding
from hardgen.core.languages import Language, parse_tree
from hardgen.core.logging import get_logger
from hardgen.scanner.engines.base import EngineResult, ScanFile
from hardgen.scanner.engines.gocustom import syntax
from hardgen.scanner.engines.gocustom.checks import all_checks
from hardgen.scanner.engines.gocustom.taint import FunctionScan, Report, type_info

log = get_logger(__name__)

ENGINE_VERSION = "2.0"
MAX_FILE_BYTES = 2_000_000
PACKAGE_DIR = Path(__file__).resolve().parent


def analyse_source(code: bytes) -> list[Report]:
    """All reports for one Go file; raises ``ValueError`` when the file does not parse."""
    tree = parse_tree(code, Language.GO)
    root = tree.root_node
    if root.has_error:
        line = next((n.start_point[0] + 1 for n in syntax.walk(root) if n.type == "ERROR" or n.is_missing), 1)
        raise ValueError(f"Go syntax error near line {line}")
    types = type_info(root)
    checks = list(all_checks())
    reports: list[Report] = []
    for unit in syntax.units(root):
        FunctionScan(unit, types, checks, reports).run()
    unique: dict[tuple[str, int, int], Report] = {}
    for report in reports:
        unique.setdefault((report.check.rule_id, report.node.start_byte, report.node.end_byte), report)
    return sorted(unique.values(), key=lambda r: (r.node.start_byte, r.check.rule_id))


class GoCustomEngine:
    """The ``gocustom`` engine (implements :class:`hardgen.scanner.engines.base.Engine`)."""

    name = "gocustom"
    languages = frozenset({Language.GO})

    def available(self) -> bool:
        """Needs only the tree-sitter Go grammar, which is a dependency of hardgen.core."""
        try:
            import tree_sitter_go  # noqa: F401
        except ImportError:
            return False
        return True

    def version(self) -> str:
        """Engine version plus a digest of the package's modules, so any change to a check busts the cache."""
        digest = hashlib.sha256()
        for path in sorted(PACKAGE_DIR.rglob("*.py")):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
        return f"gocustom-{ENGINE_VERSION}+{digest.hexdigest()[:12]}"

    def scan(self, files: list[ScanFile], timeout: float) -> EngineResult:
        """Analyse every Go file of the batch; one bad file becomes a FileError, the rest go on."""
        result = EngineResult()
        deadline = time.monotonic() + timeout
        for scan_file in files:
            if scan_file.language is not Language.GO:
                continue
            if time.monotonic() > deadline:
                result.errors.append(
                    FileError(path=scan_file.path, engine=self.name, message=f"timeout after {timeout:.0f}s")
                )
                continue
            try:
                result.findings.extend(self.scan_file(scan_file))
            except Exception as exc:  # one file must never stop the batch
                log.warning("gocustom.file_failed", path=scan_file.path, error=str(exc))
                result.errors.append(
                    FileError(path=scan_file.path, engine=self.name, message=str(exc) or type(exc).__name__)
                )
        return result

    def scan_file(self, scan_file: ScanFile) -> list[Finding]:
        """Findings for one file (raises on unreadable or unparsable input)."""
        code = scan_file.abs_path.read_bytes()
        if len(code) > MAX_FILE_BYTES:
            raise ValueError(f"file too large for gocustom ({len(code)} bytes)")
        if b"\x00" in code[:8192]:
            raise ValueError("binary file")
        lines = code.decode("utf-8", errors="replace").splitlines()
        findings: list[Finding] = []
        for report in analyse_source(code):
            start_row, start_col = report.node.start_point
            end_row, end_col = report.node.end_point
            cwes = list(report.check.cwes)
            finding = Finding(
                rule_id=report.check.rule_id,
                cwes=cwes,
                severity=severity(report.check.rule_id, cwes, Language.GO),
                message=report.message,
                path=scan_file.path,
                start_line=start_row + 1,
                end_line=end_row + 1,
                start_column=start_col + 1,
                end_column=end_col + 1,
                engine=self.name,
            )
            line_text = lines[start_row] if start_row < len(lines) else ""
            findings.append(finding.with_fingerprint(line_text))
        return findings
