"""The ``gocustom`` engine: every check on its annotated fixture, the engine contract, and bad input.

Each check is one module in ``hardgen.scanner.engines.gocustom.checks`` with a Go fixture beside it,
annotated like a Semgrep test file (``// ruleid: <id>`` / ``// ok: <id>`` on the line before). Files
are only parsed with tree-sitter; nothing here is compiled or run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hardgen.core.catalogue import catalogue
from hardgen.core.findings import Finding
from hardgen.core.languages import Language
from hardgen.scanner.engines.base import Engine, ScanFile
from hardgen.scanner.engines.gocustom import GoCustomEngine
from hardgen.scanner.engines.gocustom.checks import all_checks, fixture
from hardgen.scanner.engines.gocustom.taint import Check, password_name

PATH_RULE = "go/study/path-traversal"
HASH_RULE = "go/study/weak-hash"
DESER_RULE = "go/study/unsafe-deserialization"
HEADER = 'package main\n\nimport (\n\t"net/http"\n)\n\n'


def _handler(body: str, extra: str = "") -> str:
    return HEADER + extra + "func h(w http.ResponseWriter, r *http.Request) {\n" + body + "\n}\n"


def _scan(tmp_path: Path, *sources: str) -> tuple[list[Finding], list[str]]:
    files = []
    for index, source in enumerate(sources):
        path = tmp_path / f"f{index}.go"
        path.write_text(source, encoding="utf-8")
        files.append(ScanFile(path=f"f{index}.go", abs_path=path, language=Language.GO))
    result = GoCustomEngine().scan(files, timeout=30)
    return result.findings, [e.path for e in result.errors]


def _annotated(lines: list[str], kind: str, rule_id: str) -> set[int]:
    """1-based lines that follow a ``// <kind>: ...rule_id...`` comment."""
    pattern = re.compile(rf"//\s*{kind}:\s*(.*)$")
    found = set()
    for index, line in enumerate(lines):
        match = pattern.search(line)
        if match and rule_id in [part.strip() for part in match.group(1).split(",")]:
            found.add(index + 2)
    return found


# ---------------------------------------------------------------- one test per check, on its fixture


def _check_fixture(check: Check) -> None:
    """The check reports exactly the ``ruleid:`` lines of its fixture, none of the ``ok:`` ones."""
    path = fixture(check)
    assert path.is_file(), f"{check.rule_id}: no fixture {path.name} beside the module"
    lines = path.read_text(encoding="utf-8").splitlines()
    expected = _annotated(lines, "ruleid", check.rule_id)
    assert expected, "a fixture needs ruleid: cases"
    result = GoCustomEngine().scan([ScanFile(path=path.name, abs_path=path, language=Language.GO)], timeout=30)
    assert result.errors == []
    reported = {f.start_line for f in result.findings if f.rule_id == check.rule_id}
    assert sorted(reported - expected) == [], "reported on lines not marked ruleid:"
    assert sorted(expected - reported) == [], "missed lines marked ruleid:"
    for finding in result.findings:
        if finding.rule_id == check.rule_id:
            assert finding.cwes == list(check.cwes)
            assert finding.severity == catalogue().severity(check.rule_id, check.cwes, Language.GO)


@pytest.mark.parametrize("check", all_checks(), ids=lambda c: c.rule_id)
def test_check_reports_exactly_the_annotated_lines_of_its_fixture(check: Check) -> None:
    _check_fixture(check)
    assert _annotated(fixture(check).read_text(encoding="utf-8").splitlines(), "ok", check.rule_id), (
        "a fixture needs ok: cases too"
    )


def test_checks_are_discovered_and_are_the_studys_three() -> None:
    assert {c.rule_id for c in all_checks()} == {PATH_RULE, HASH_RULE, DESER_RULE}
    assert {c.cwes for c in all_checks()} == {(22,), (327, 328, 916), (502,)}


# ---------------------------------------------------------------- engine contract


def test_engine_implements_the_contract() -> None:
    engine = GoCustomEngine()
    assert isinstance(engine, Engine)
    assert engine.name == "gocustom"
    assert engine.languages == frozenset({Language.GO})
    assert engine.available()
    assert engine.version() == GoCustomEngine().version() and engine.version().startswith("gocustom-")


def test_finding_is_normalised(tmp_path: Path) -> None:
    source = _handler('\t_, header, _ := r.FormFile("f")\n\tos.Create(filepath.Join("uploads", header.Filename))')
    findings, _ = _scan(tmp_path, source)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.rule_id == PATH_RULE
    assert finding.engine == "gocustom"
    assert finding.path == "f0.go"
    assert finding.start_line == 9 and finding.start_column == 12  # the filepath.Join call
    assert finding.cwes == [22]
    assert finding.severity == 7.5  # CWE-22's severity among the Go queries
    assert len(finding.fingerprint) == 32


def test_weak_hash_severity_and_cwes(tmp_path: Path) -> None:
    findings, _ = _scan(tmp_path, _handler('\tpassword := r.FormValue("password")\n\t_ = md5.Sum([]byte(password))'))
    assert [(f.rule_id, f.cwes) for f in findings] == [(HASH_RULE, [327, 328, 916])]
    assert findings[0].severity == catalogue().severity(None, [327, 328, 916], Language.GO)


# ---------------------------------------------------------------- bad input


def test_parse_error_is_a_file_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    broken = HEADER + "func h(w http.ResponseWriter, r *http.Request) {\n\tif {\n"
    good = _handler('\tpassword := r.FormValue("password")\n\t_ = md5.Sum([]byte(password))')
    findings, errors = _scan(tmp_path, broken, good)
    assert errors == ["f0.go"]
    assert [(f.path, f.rule_id) for f in findings] == [("f1.go", HASH_RULE)]


def test_unreadable_file_and_other_languages(tmp_path: Path) -> None:
    missing = ScanFile(path="gone.go", abs_path=tmp_path / "gone.go", language=Language.GO)
    python = tmp_path / "x.py"
    python.write_text("def (:\n", encoding="utf-8")
    other = ScanFile(path="x.py", abs_path=python, language=Language.PYTHON)
    result = GoCustomEngine().scan([missing, other], timeout=30)
    assert result.findings == []
    assert [(e.path, e.engine) for e in result.errors] == [("gone.go", "gocustom")]


def test_checker_crash_becomes_a_file_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hardgen.scanner.engines.gocustom as gocustom

    real = gocustom.analyse_source

    def flaky(code: bytes) -> list:  # type: ignore[type-arg]
        if b"CRASH" in code:
            raise RecursionError("maximum recursion depth exceeded")
        return real(code)

    monkeypatch.setattr(gocustom, "analyse_source", flaky)
    good = _handler('\tpassword := r.FormValue("password")\n\t_ = sha1.Sum([]byte(password))')
    findings, errors = _scan(tmp_path, HEADER + "// CRASH\n", good)
    assert errors == ["f0.go"]
    assert [f.path for f in findings] == ["f1.go"]


def test_spent_time_budget_reports_the_remaining_files(tmp_path: Path) -> None:
    path = tmp_path / "a.go"
    path.write_text(HEADER, encoding="utf-8")
    result = GoCustomEngine().scan([ScanFile(path="a.go", abs_path=path, language=Language.GO)], timeout=-1)
    assert [e.message for e in result.errors] == ["timeout after -1s"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("password", True), ("newPwd", True), ("user_pass", True), ("clientSecret", True), ("adminPw", True)]
    + [("passwordHash", False), ("bypass", False), ("passport", False), ("compass", False), ("passwordOK", False)],
)
def test_password_names(name: str, expected: bool) -> None:
    assert password_name(name) is expected


def test_a_new_check_is_one_module_and_its_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Discovery: dropping ``<name>.py`` (defining ``CHECK``) beside the others is the only edit."""
    import sys

    import hardgen.scanner.engines.gocustom.checks as checks

    (tmp_path / "sleep_call.py").write_text(
        "from hardgen.scanner.engines.gocustom.taint import Check\n\n\n"
        "class SleepCall(Check):\n"
        '    rule_id = "go/study/throwaway-sleep"\n'
        "    cwes = (400,)\n\n"
        "    def on_call(self, scan, call, pkg, member, args):\n"
        '        if (pkg, member) == ("time", "Sleep"):\n'
        '            scan.report(self, call, "sleeps")\n\n\n'
        "CHECK = SleepCall()\n",
        encoding="utf-8",
    )
    (tmp_path / "sleep_call.go").write_text(_handler("\t// ruleid: go/study/throwaway-sleep\n\ttime.Sleep(1)"))
    monkeypatch.setattr(checks, "__path__", [*checks.__path__, str(tmp_path)])
    checks.all_checks.cache_clear()
    try:
        added = next(c for c in all_checks() if c.rule_id == "go/study/throwaway-sleep")
        assert fixture(added) == tmp_path / "sleep_call.go"
        _check_fixture(added)
        findings, _ = _scan(tmp_path, _handler("\ttime.Sleep(1)"))
        assert [(f.rule_id, f.cwes) for f in findings] == [("go/study/throwaway-sleep", [400])]
    finally:
        checks.all_checks.cache_clear()
        sys.modules.pop("hardgen.scanner.engines.gocustom.checks.sleep_call", None)
