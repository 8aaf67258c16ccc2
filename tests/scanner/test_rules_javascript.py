"""The JavaScript Semgrep rule pack (``services/hardgen/scanner/rules/javascript``).

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it;
* ``semgrep --test`` passes on the whole pack (one command);
* one ``semgrep scan`` over every JavaScript reference completion of the scenario corpus reports,
  per file, exactly the query ids the completion is labelled with (the default-profile ids plus
  any ``js/hardgen/*`` ids listed).

Partial programs are not scanned: scenario 06's prompt already contains a complete login handler
whose request data reaches ``db.get`` and ``bcrypt.compare``, which CodeQL reports as
``js/untrusted-data-to-external-api`` (as the Python and Java tests, which scan references only).

The shared checks live in :mod:`tests.scanner.rulepacks`. Code under analysis is only parsed by
Semgrep, never executed or imported.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hardgen.core.languages import Language
from tests.scanner import rulepacks

LANGUAGE = Language.JAVASCRIPT

# queries the issue asks the JavaScript pack to cover at least
REQUIRED = {
    "js/session-fixation",
    "js/missing-token-validation",
    "js/path-injection",
    "js/sql-injection",
    "js/command-line-injection",
    "js/reflected-xss",
    "js/stack-trace-exposure",
    "js/insufficient-password-hash",
    "js/hardcoded-credentials",
    "js/unsafe-deserialization",
    "js/log-injection",
    "js/server-side-unvalidated-url-redirection",
    "js/request-forgery",
    "js/regex-injection",
    "js/missing-rate-limiting",
    "js/untrusted-data-to-external-api",
    "js/type-confusion-through-parameter-tampering",
    "js/clear-text-cookie",
    "js/hardgen/missing-authentication",
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, rulepacks.Run]]:
    """Semgrep's ``--test`` and corpus scan, started together so that they overlap."""
    folder = tmp_path_factory.mktemp("javascript-pack")
    yield from rulepacks.start_semgrep_runs(LANGUAGE, folder, partial_programs=False)


def test_pack_has_one_rule_per_file_with_metadata_and_a_test_file() -> None:
    rulepacks.check_rule_metadata(LANGUAGE, required=REQUIRED)


def test_semgrep_test_passes_for_the_whole_pack(runs: dict[str, rulepacks.Run]) -> None:
    rulepacks.check_rule_tests(runs["test"], LANGUAGE)


def test_pack_reports_exactly_the_labels_of_every_reference_completion(runs: dict[str, rulepacks.Run]) -> None:
    rulepacks.check_scan_labels(runs["scan"], LANGUAGE, partial_programs=False)
