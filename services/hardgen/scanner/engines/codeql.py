"""CodeQL, when its CLI is installed (``codeql`` on PATH or ``HARDGEN_CODEQL``).

Per batch and language: copy the files into a fresh source root, ``codeql database create
--build-mode=none`` (Go: ``autobuild``; CodeQL extracts Go only through a build, which compiles
but never runs the code), then ``codeql database analyze`` with the language's default security
suite (``code-scanning``; ``HARDGEN_CODEQL_SUITE=security-extended`` for the wider one), and
parse the SARIF it writes. The query ids are CodeQL's own, so severities come straight from the
catalogue (falling back to the SARIF ``security-severity``).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from hardgen.core.catalogue import catalogue, severity
from hardgen.core.findings import FileError, Finding
from hardgen.core.languages import Language
from hardgen.core.sarifread import cwes_from_tags as _cwes
from hardgen.core.sarifread import rule_of as _rule_of
from hardgen.core.sarifread import rule_tables as _rules
from hardgen.scanner.engines.base import EngineError, EngineResult, EngineUnavailableError, ScanFile
from hardgen.scanner.engines.proc import run_tool
from hardgen.scanner.settings import CodeQLSettings

BUILD_MODES = {Language.PYTHON: "none", Language.JAVASCRIPT: "none", Language.JAVA: "none", Language.GO: "autobuild"}


def codeql_binary() -> str | None:
    """``HARDGEN_CODEQL`` (a path or a command name), else ``codeql`` on PATH."""
    named = CodeQLSettings().codeql.strip()
    if named:
        return named if Path(named).exists() else shutil.which(named)
    return shutil.which("codeql")


def suite(language: Language, name: str | None = None) -> str:
    """The query suite reference, e.g. ``codeql/python-queries:codeql-suites/python-code-scanning.qls``."""
    chosen = name or CodeQLSettings().codeql_suite
    lang = language.value
    return f"codeql/{lang}-queries:codeql-suites/{lang}-{chosen}.qls"


def create_command(binary: str, database: Path, source_root: Path, language: Language) -> list[str]:
    return [
        binary, "database", "create", str(database),
        f"--language={language.value}", f"--source-root={source_root}",
        f"--build-mode={BUILD_MODES[language]}", "--overwrite", "--threads=0", "--quiet",
    ]  # fmt: skip


def analyze_command(
    binary: str, database: Path, language: Language, output: Path, suite_name: str | None = None
) -> list[str]:
    return [
        binary, "database", "analyze", str(database), suite(language, suite_name),
        "--format=sarif-latest", f"--output={output}", "--threads=0", "--quiet",
    ]  # fmt: skip


class CodeQLEngine:
    name = "codeql"
    languages = frozenset(Language)

    def __init__(self, binary: str | None = None) -> None:
        self._binary = binary

    @property
    def binary(self) -> str | None:
        return self._binary or codeql_binary()

    def available(self) -> bool:
        return self.binary is not None

    def version(self) -> str:
        binary = self.binary
        if binary is None:
            return "codeql-unavailable"
        try:
            proc = run_tool([binary, "version", "--format=terse"], timeout=60)
            tool = proc.stdout.decode().strip() or "unknown"
        except (OSError, EngineError):
            tool = "unknown"
        return f"codeql-{tool}+suite-{CodeQLSettings().codeql_suite}"

    def scan(self, files: list[ScanFile], timeout: float) -> EngineResult:
        binary = self.binary
        if binary is None:
            raise EngineUnavailableError("codeql is not installed (put it on PATH or set HARDGEN_CODEQL)")
        result = EngineResult()
        deadline = time.monotonic() + timeout
        languages = sorted({f.language for f in files if f.language in self.languages})
        for position, language in enumerate(languages):
            share = (deadline - time.monotonic()) / (len(languages) - position)
            part = self._scan_language(binary, [f for f in files if f.language is language], language, share)
            result.findings.extend(part.findings)
            result.errors.extend(part.errors)
        return result

    def _scan_language(self, binary: str, files: list[ScanFile], language: Language, timeout: float) -> EngineResult:
        with tempfile.TemporaryDirectory(prefix=f"hardgen-codeql-{language.value}-") as tmp:
            root = Path(tmp)
            source_root = root / "src"
            for f in files:
                target = source_root / f.path
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f.abs_path, target)
            database, sarif = root / "db", root / "results.sarif"
            started = time.monotonic()
            created = run_tool(create_command(binary, database, source_root, language), timeout)
            if created.returncode != 0:
                raise EngineError(f"codeql database create failed: {_tail(created.stderr)}")
            remaining = timeout - (time.monotonic() - started)
            analyzed = run_tool(analyze_command(binary, database, language, sarif), remaining)
            if analyzed.returncode != 0 or not sarif.exists():
                raise EngineError(f"codeql database analyze failed: {_tail(analyzed.stderr)}")
            text = sarif.read_text(encoding="utf-8", errors="replace")
        return read_sarif(text, {f.path: f for f in files}, source_root)


def read_sarif(text: str, files: dict[str, ScanFile], source_root: Path | None = None) -> EngineResult:
    """SARIF text → findings. A document that is not JSON or not SARIF-shaped (a truncated or
    unexpected CodeQL output) is an :class:`EngineError`, reported as a batch error, never an
    exception that takes the whole scan down (fuzzed in ``tests/fuzz/targets.py``)."""
    try:
        document = json.loads(text)
        if not isinstance(document, dict):
            raise TypeError("the document is not a JSON object")
        return parse_sarif(document, files, source_root)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError) as exc:
        raise EngineError(f"unreadable SARIF from codeql ({type(exc).__name__})") from None


def _relative(uri: str, source_root: Path | None) -> str:
    if uri.startswith("file:"):
        path = Path(unquote(urlparse(uri).path))
        if source_root is not None:
            try:
                return path.resolve().relative_to(source_root.resolve()).as_posix()
            except ValueError:
                return path.as_posix()
        return path.as_posix()
    return unquote(uri).removeprefix("./")


def parse_sarif(document: dict[str, Any], files: dict[str, ScanFile], source_root: Path | None = None) -> EngineResult:
    """CodeQL SARIF → findings for the given files (keyed by path relative to the source root).

    Keeps results of security queries: those tagged ``security`` or with a CWE tag, or known to
    the catalogue. Extraction errors with a location become per-file errors.
    """
    result = EngineResult()
    for run in document.get("runs", []):
        by_id, lists = _rules(run)
        for item in run.get("results", []):
            rule_id, rule = _rule_of(item, by_id, lists)
            props = rule.get("properties", {}) or {}
            tags = [str(t) for t in props.get("tags", []) or []]
            cwes = _cwes(tags)
            known = catalogue().query(rule_id)
            if not (known or cwes or "security" in tags):
                continue
            locations = item.get("locations") or []
            if not locations:
                continue
            physical = locations[0].get("physicalLocation", {})
            path = _relative(physical.get("artifactLocation", {}).get("uri", ""), source_root)
            scan_file = files.get(path)
            if scan_file is None:
                continue
            region = physical.get("region", {}) or {}
            start = int(region.get("startLine", 1))
            cwes = cwes or (sorted(known.cwes) if known else [])
            if known:
                score = known.security_severity
            elif props.get("security-severity") is not None:
                score = float(props["security-severity"])
            else:
                score = severity(rule_id, cwes, scan_file.language)
            result.findings.append(
                Finding(
                    rule_id=rule_id,
                    cwes=cwes,
                    severity=score,
                    message=" ".join(str((item.get("message") or {}).get("text", "")).split()),
                    path=scan_file.path,
                    start_line=max(1, start),
                    end_line=max(1, int(region.get("endLine", start))),
                    start_column=max(1, int(region.get("startColumn", 1))),
                    end_column=max(1, int(region.get("endColumn", region.get("startColumn", 1)))),
                    engine="codeql",
                )
            )
        for invocation in run.get("invocations", []) or []:
            for note in invocation.get("toolExecutionNotifications", []) or []:
                if note.get("level") != "error":
                    continue
                for location in note.get("locations", []) or []:
                    uri = location.get("physicalLocation", {}).get("artifactLocation", {}).get("uri", "")
                    scan_file = files.get(_relative(uri, source_root))
                    if scan_file is not None:
                        text = " ".join(str((note.get("message") or {}).get("text", "")).split())[:300]
                        result.errors.append(FileError(path=scan_file.path, engine="codeql", message=text))
    return result


def _tail(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return " ".join(lines[-3:])[:300] if lines else "no output"
