"""The Python Semgrep rule pack (``services/hardgen/scanner/rules/python``).

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it;
* ``semgrep --test`` passes on the whole pack (one process);
* one ``semgrep scan`` over every Python reference completion of the scenario corpus reports, per
  file, exactly the query ids the completion is labelled with, and nothing for secure ones.

The shared checks live in :mod:`tests.scanner.rulepacks`. Code under analysis is only parsed by
Semgrep, never executed or imported.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hardgen.core.languages import Language
from tests.scanner import rulepacks

LANGUAGE = Language.PYTHON

# queries the issue asks the Python pack to cover at least
REQUIRED = {
    "py/path-injection",
    "py/sql-injection",
    "py/command-line-injection",
    "py/reflective-xss",
    "py/stack-trace-exposure",
    "py/weak-sensitive-data-hashing",
    "py/hardcoded-credentials",
    "py/unsafe-deserialization",
    "py/log-injection",
    "py/url-redirection",
    "py/full-ssrf",
    "py/partial-ssrf",
    "py/polynomial-redos",
    "py/flask-debug",
    "py/clear-text-logging-sensitive-data",
    "py/hardgen/missing-authentication",
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, rulepacks.Run]]:
    """Semgrep's ``--test`` and corpus scan, started together so that they overlap."""
    yield from rulepacks.start_semgrep_runs(LANGUAGE, tmp_path_factory.mktemp("python-pack"), partial_programs=False)


def test_pack_has_one_rule_per_file_with_metadata_and_a_test_file() -> None:
    rulepacks.check_rule_metadata(LANGUAGE, required=REQUIRED)


def test_semgrep_test_passes_for_the_whole_pack(runs: dict[str, rulepacks.Run]) -> None:
    rulepacks.check_rule_tests(runs["test"], LANGUAGE)


def test_pack_reports_exactly_the_labels_of_every_reference_completion(runs: dict[str, rulepacks.Run]) -> None:
    rulepacks.check_scan_labels(runs["scan"], LANGUAGE, partial_programs=False)
