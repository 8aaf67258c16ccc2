"""The Semgrep engine loads the rule pack as ONE merged config (Semgrep loads many small config
files slowly); the findings must be those of the files given one by one, and a broken rule file
must still cost only its own rules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hardgen.core.languages import Language
from hardgen.scanner.engines import semgrep as semgrep_module
from hardgen.scanner.engines.base import ScanFile
from hardgen.scanner.engines.semgrep import SemgrepEngine
from hardgen.scanner.rulepack import merged_rules, rule_files
from tests.scanner.conftest import RULES, rules_active

EVAL = RULES["python/py-code-injection.yaml"]  # the scanner tests' eval() rule
SYSTEM = """
rules:
  - id: py-command-line-injection
    languages: [python]
    severity: ERROR
    message: shell command from data
    metadata: {codeql_id: py/command-line-injection, cwes: [78]}
    pattern: os.system(...)
"""
BROKEN = """
rules:
  - id: py-broken
    languages: [python]
    severity: ERROR
    message: a pattern Semgrep cannot parse
    metadata: {codeql_id: py/sql-injection, cwes: [89]}
    pattern: "cursor.execute(("
"""
PROGRAM = b"import os\n\ndef run(q):\n    os.system(q)\n    return eval(q)\n"


@pytest.fixture()
def pack(tmp_path: Path) -> Iterator[Path]:
    files = {"python/code-injection.yaml": EVAL, "python/command-line-injection.yaml": SYSTEM}
    with rules_active(tmp_path / "rules", files) as root:
        yield root


def _scan(tmp_path: Path) -> set[tuple[str, int]]:
    target = tmp_path / "src" / "app.py"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(PROGRAM)
    result = SemgrepEngine().scan([ScanFile(path="app.py", abs_path=target, language=Language.PYTHON)], timeout=120)
    assert result.errors == []
    return {(f.rule_id, f.start_line) for f in result.findings}


def test_merged_config_reports_what_the_files_one_by_one_report(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert merged_rules(rule_files(Language.PYTHON)) is not None
    merged = _scan(tmp_path)
    assert merged == {("py/command-line-injection", 4), ("py/code-injection", 5)}
    monkeypatch.setattr(semgrep_module, "merged_rules", lambda configs: None)
    assert _scan(tmp_path) == merged


def test_a_broken_rule_file_costs_only_its_own_rules(pack: Path, tmp_path: Path) -> None:
    (pack / "python" / "broken.yaml").write_text(BROKEN.lstrip(), encoding="utf-8")
    assert _scan(tmp_path) == {("py/command-line-injection", 4), ("py/code-injection", 5)}


def test_rule_files_that_cannot_be_merged_are_run_one_by_one(pack: Path, tmp_path: Path) -> None:
    (pack / "python" / "twice.yaml").write_text(EVAL.lstrip(), encoding="utf-8")  # the same id again
    assert merged_rules(rule_files(Language.PYTHON)) is None
    assert _scan(tmp_path) == {("py/command-line-injection", 4), ("py/code-injection", 5)}
