"""The Go Semgrep rule pack (``services/hardgen/scanner/rules/go``) together with ``gocustom``.

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it;
* ``semgrep --test`` passes on the whole pack (one process);
* one ``semgrep scan`` over every Go reference completion of the scenario corpus, plus one
  ``gocustom`` batch, report per file exactly the query ids the completion is labelled with, and
  nothing for secure completions or for the partial programs themselves.

The shared checks live in :mod:`tests.scanner.rulepacks`. Code under analysis is only parsed,
never compiled, executed or imported.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardgen.core.catalogue import catalogue
from hardgen.core.languages import Language
from hardgen.scanner.engines.base import ScanFile
from hardgen.scanner.engines.gocustom import GoCustomEngine
from hardgen.scanner.engines.gocustom.checks import all_checks
from tests.scanner import rulepacks

LANGUAGE = Language.GO

# queries the Go pack must cover at least (the brief's list plus what the corpus needs)
REQUIRED = {
    "go/path-injection",
    "go/sql-injection",
    "go/command-injection",
    "go/reflected-xss",
    "go/stack-trace-exposure",
    "go/hardcoded-credentials",
    "go/log-injection",
    "go/unvalidated-url-redirection",
    "go/request-forgery",
    "go/clear-text-logging",
    "go/untrusted-data-to-external-api",
    "go/hardgen/missing-authentication",
    "go/hardgen/cleartext-password-storage",
}
GOCUSTOM_RULES = {check.rule_id: list(check.cwes) for check in all_checks()}


def _go_files() -> list[rulepacks.Case]:
    """Every Go reference completion and partial program (the latter labelled with nothing)."""
    references, partial_programs = rulepacks.corpus_cases(LANGUAGE)
    return references + partial_programs


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, rulepacks.Run]]:
    """Semgrep's ``--test`` and corpus scan, started together so that they overlap (and overlap the
    in-process ``gocustom`` batch)."""
    yield from rulepacks.start_semgrep_runs(LANGUAGE, tmp_path_factory.mktemp("go-pack"), partial_programs=True)


def test_pack_has_one_rule_per_file_with_metadata_and_a_test_file() -> None:
    seen = rulepacks.check_rule_metadata(LANGUAGE, required=REQUIRED, min_cases=2)
    assert not seen & set(GOCUSTOM_RULES), "gocustom's queries are not duplicated in the Semgrep pack"


def test_semgrep_test_passes_for_the_whole_pack(runs: dict[str, rulepacks.Run]) -> None:
    rulepacks.check_rule_tests(runs["test"], LANGUAGE)


def test_pack_and_gocustom_report_exactly_the_labels_of_every_go_reference(runs: dict[str, rulepacks.Run]) -> None:
    # gocustom runs in this process while the Semgrep scan finishes in the background
    cases = _go_files()
    engine = GoCustomEngine()
    batch = [ScanFile(path=str(case.path), abs_path=case.path, language=LANGUAGE) for case in cases]
    custom = engine.scan(batch, timeout=60)
    assert custom.errors == []
    found: dict[Path, set[str]] = defaultdict(set)
    for finding in custom.findings:
        found[Path(finding.path)].add(finding.rule_id)
    custom_cwes = {rule: set(cwes or catalogue().cwes_for(rule)) for rule, cwes in GOCUSTOM_RULES.items()}
    rulepacks.check_scan_labels(runs["scan"], LANGUAGE, partial_programs=True, also_found=found, also_cwes=custom_cwes)
    # every gocustom check is exercised by the corpus
    assert {f.rule_id for f in custom.findings} == set(GOCUSTOM_RULES)


def test_go_corpus_parses_with_the_go_toolchain_and_is_gofmt_formatted() -> None:
    """tree-sitter is lenient; ``gofmt -e`` is Go's own parser (skipped where Go is not installed)."""
    gofmt = shutil.which("gofmt")
    if gofmt is None:
        pytest.skip("gofmt is not installed (apt-get install golang-go)")
    paths = [str(case.path) for case in _go_files()]
    done = subprocess.run([gofmt, "-l", "-e", *paths], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    assert done.stdout.strip() == "", f"not gofmt-formatted:\n{done.stdout}"


def test_agreement_corpus_and_gocustom_fixtures_are_valid_gofmt_formatted_go() -> None:
    """The regression programs and fixtures are real Go (Go's own parser), never compiled or run."""
    gofmt = shutil.which("gofmt")
    if gofmt is None:
        pytest.skip("gofmt is not installed (apt-get install golang-go)")
    root = Path(__file__).resolve().parents[2] / "services" / "hardgen" / "scanner"
    paths = sorted(str(p) for p in (root / "rules" / "go" / "agreement").glob("*.go"))
    paths += sorted(str(p) for p in (root / "engines" / "gocustom" / "checks").glob("*.go"))
    assert len(paths) >= 83
    done = subprocess.run([gofmt, "-l", "-e", *paths], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    assert done.stdout.strip() == "", f"not gofmt-formatted:\n{done.stdout}"
