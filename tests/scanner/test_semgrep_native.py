"""Semgrep's native front end (``scan --experimental``, the default) against its Python front end.

The native front end saves ~2 s of start-up per Semgrep run; it is only acceptable if users see the
same findings and the same per-file errors, if a broken rule is still reported, and if a native
failure falls back to the Python front end instead of losing the scan. All runs are real Semgrep.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from hardgen.core.languages import Language
from hardgen.scanner.engines.base import EngineError, EngineResult, ScanFile
from hardgen.scanner.engines.semgrep import SemgrepEngine
from hardgen.scanner.rulepack import rules_dir
from hardgen.scanner.settings import SemgrepSettings
from tests.scanner.conftest import RULES, packaged_rules_active, rules_active

#: fixtures with findings, made unparsable at the end (Semgrep analyses what it can: PartialParsing)
BROKEN = {
    "broken.py": ("python/command-line-injection.py", b"\ndef broken(:\n", Language.PYTHON),
    "broken.go": ("go/command-injection.go", b"\nfunc broken( {\n", Language.GO),
}

EVAL = RULES["python/py-code-injection.yaml"]  # the scanner tests' eval() rule
TYPO = """
rules:
  - id: py-typo
    languages: [python]
    severity: ERROR
    message: a rule that fails Semgrep's schema
    metadata: {codeql_id: py/sql-injection, cwes: [89]}
    patern: cursor.execute(...)
"""
PROGRAM = b"import os\n\ndef run(q):\n    os.system(q)\n    return eval(q)\n"


def _engine(native: bool) -> SemgrepEngine:
    return SemgrepEngine(settings=SemgrepSettings(semgrep_native=native))


def _as_seen(result: EngineResult) -> tuple[list[tuple[object, ...]], list[tuple[str, str]]]:
    """What a user sees of a scan: each finding's rule, place and message, and each file error."""
    findings: list[tuple[object, ...]] = sorted(
        (f.rule_id, f.path, f.start_line, f.start_column, f.end_line, f.end_column, f.message, f.severity)
        for f in result.findings
    )
    return findings, sorted((e.path, e.message) for e in result.errors)


@pytest.fixture()
def real_rules() -> Iterator[Path]:
    """The project's own rule packs, whatever another module of this session set HARDGEN_RULES to."""
    with packaged_rules_active():
        yield rules_dir()


@pytest.fixture()
def corpus(real_rules: Path, tmp_path: Path) -> list[ScanFile]:
    """The Python and Go rule fixtures, plus two of them that no longer parse."""
    files = [
        ScanFile(path=str(p.relative_to(real_rules)), abs_path=p, language=language)
        for language, pattern in ((Language.PYTHON, "python/*.py"), (Language.GO, "go/*.go"))
        for p in sorted(real_rules.glob(pattern))
    ]
    for name, (fixture, tail, language) in BROKEN.items():
        (tmp_path / name).write_bytes((real_rules / fixture).read_bytes() + tail)
        files.append(ScanFile(path=name, abs_path=tmp_path / name, language=language))
    return files


def test_native_and_python_front_ends_report_the_same(corpus: list[ScanFile]) -> None:
    native = _engine(native=True)
    with capture_logs() as logs:
        native_seen = _as_seen(native.scan(corpus, timeout=300))
    assert native.native, f"the native front end fell back: {logs}"  # else this compares Python with Python
    python_seen = _as_seen(_engine(native=False).scan(corpus, timeout=300))
    assert len({f[1] for f in native_seen[0]}) > 40  # the fixtures really were analysed
    assert {f[1] for f in native_seen[0]} >= {"broken.py", "broken.go"}  # partial parses still match
    assert native_seen == python_seen


@pytest.fixture()
def pack(tmp_path: Path) -> Iterator[Path]:
    with rules_active(tmp_path / "rules", {"python/code-injection.yaml": EVAL, "python/typo.yaml": TYPO}) as root:
        yield root


def _program(tmp_path: Path) -> list[ScanFile]:
    target = tmp_path / "src" / "app.py"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(PROGRAM)
    return [ScanFile(path="app.py", abs_path=target, language=Language.PYTHON)]


def test_a_rule_failing_the_schema_costs_only_itself_and_is_named(pack: Path, tmp_path: Path) -> None:
    seen = {}
    for native in (True, False):
        engine = _engine(native)
        with capture_logs() as logs:
            result = engine.scan(_program(tmp_path), timeout=120)
        assert engine.native is native  # a broken rule is no reason to leave the native front end
        assert result.errors == []
        seen[native] = {(f.rule_id, f.start_line) for f in result.findings}
        errors = [entry for entry in logs if entry["log_level"] == "error"]
        if native:  # runs every other rule and names the broken one and its file
            assert [(e["event"], e["rule"], e["rule_file"]) for e in errors] == [
                ("semgrep.rule_error", "py-typo", str(pack / "python" / "typo.yaml"))
            ]
        else:  # refuses the merged config; the run over the files names the broken one and drops it
            assert (errors[-1]["event"], errors[-1]["files"]) == (
                "semgrep.rule_file_skipped",
                [str(pack / "python" / "typo.yaml")],
            )
    assert seen[True] == seen[False] == {("py/code-injection", 5)}


def test_a_native_crash_falls_back_to_the_python_front_end_for_good(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (pack / "python" / "typo.yaml").unlink()
    engine = _engine(native=True)
    # a stack far too small for semgrep-core: the native front end dies before printing anything
    monkeypatch.setenv("OCAMLRUNPARAM", "l=1000")
    with capture_logs() as logs, pytest.raises(EngineError, match="without JSON output"):
        engine.scan(_program(tmp_path), timeout=120)  # the Python front end crashed as well: reported
    fallbacks = [entry for entry in logs if entry["event"] == "semgrep.native_fallback"]
    assert len(fallbacks) == 1 and "no JSON output" in fallbacks[0]["reason"]
    assert engine.native is False
    monkeypatch.delenv("OCAMLRUNPARAM")
    with capture_logs() as logs:
        result = engine.scan(_program(tmp_path), timeout=120)  # now with the Python front end
    assert {(f.rule_id, f.start_line) for f in result.findings} == {("py/code-injection", 5)}
    assert not [entry for entry in logs if entry["event"] == "semgrep.native_fallback"]  # logged once
