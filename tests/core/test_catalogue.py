"""The one severity convention shared by the scanner, the tables and the README."""

from __future__ import annotations

import pytest

from hardgen.core.catalogue import DEFAULT_SEVERITY, catalogue, parse_cwe, severity, severity_level


def test_known_query_takes_its_own_severity() -> None:
    assert severity("py/sql-injection") == 8.8
    assert severity("js/reflected-xss", cwes=[1]) == 7.8  # the query id wins over CWEs


def test_cwe_group_equal_to_a_query_tag_set_takes_that_query() -> None:
    # py/path-injection is the only Python query tagged exactly {22, 23, 36, 73, 99}
    assert severity(None, [22, 23, 36, 73, 99], "python") == 7.5
    # java/xss is tagged exactly {79}
    assert severity(None, ["CWE-79"], "java") == 6.1


def test_cwe_group_without_exact_match_takes_highest_overlapping_query() -> None:
    # JavaScript has no query tagged exactly {79}; the highest tagged with 79 is js/code-injection 9.3
    assert severity(None, [79], "javascript") == 9.3
    # Python queries tagged 327: weak-cryptographic-algorithm and weak-sensitive-data-hashing, both 7.5
    assert severity(None, [327], "python") == 7.5


def test_unknown_cwe_and_unknown_rule_fall_back_to_default() -> None:
    assert severity(None, [306], "go") == DEFAULT_SEVERITY
    assert severity("py/hardgen/missing-authentication", [306]) == DEFAULT_SEVERITY
    assert severity(None, [], "python") == DEFAULT_SEVERITY


def test_same_cwe_differs_by_language_as_codeql_scores_it() -> None:
    assert severity(None, [79], "java") != severity(None, [79], "javascript")


@pytest.mark.parametrize(
    ("score", "level"),
    [(9.8, "critical"), (9.0, "critical"), (7.5, "high"), (5.4, "medium"), (1.0, "low"), (0.0, "none")],
)
def test_levels_follow_github_code_scanning_bands(score: float, level: str) -> None:
    assert severity_level(score) == level


def test_catalogue_covers_all_four_languages_and_names_cwes() -> None:
    cat = catalogue()
    assert {q.language.value for q in cat.queries.values()} == {"python", "javascript", "java", "go"}
    assert len(cat.queries) >= 290
    assert cat.cwe_name(89) == "SQL Injection"
    assert cat.cwe_name(99999) == "CWE-99999"
    assert parse_cwe("CWE-079") == 79 and parse_cwe("external/cwe/cwe-22") == 22
