"""The CWE/severity catalogue every service reads the same way.

Source: CodeQL's published ``security-severity`` per security query (copied into
``core/data/codeql-security-severity.csv`` at build time from the shared data set; the package
never reads anything outside itself at run time).

The severity convention (shared by the scanner, the analytics tables and the README):

1. a finding with a known query id takes that query's security-severity;
2. a finding known only by a group of CWE ids takes the highest severity among the language's
   queries whose CWE tags *equal* the group;
3. else the highest among the language's queries tagged with *any* of its CWEs;
4. else :data:`DEFAULT_SEVERITY` (5.0).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from hardgen.core.languages import Language, language_for_rule, parse_language

DEFAULT_SEVERITY = 5.0


@dataclass(frozen=True, slots=True)
class Query:
    """One CodeQL security query as the catalogue knows it."""

    id: str
    language: Language
    security_severity: float
    cwes: frozenset[int]
    problem_severity: str

    @property
    def level(self) -> str:
        return severity_level(self.security_severity)


def severity_level(score: float) -> str:
    """GitHub code scanning's bands: critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0, else none."""
    if score >= 9.0:
        return "critical"
    if score >= 7.0:
        return "high"
    if score >= 4.0:
        return "medium"
    if score > 0.0:
        return "low"
    return "none"


LEVEL_ORDER = ("none", "low", "medium", "high", "critical")


def parse_cwe(value: str | int) -> int:
    """``"CWE-079"``, ``"cwe-79"``, ``"79"`` or ``79`` → 79."""
    if isinstance(value, int):
        return value
    text = value.strip().lower().removeprefix("external/cwe/").removeprefix("cwe-")
    return int(text)


class Catalogue:
    """Query id → (language, CWEs, security-severity); CWE id → name."""

    def __init__(self, queries: Iterable[Query], cwe_names: dict[int, str]) -> None:
        self.queries: dict[str, Query] = {q.id: q for q in queries}
        self.cwe_names = cwe_names
        self._by_language: dict[Language, list[Query]] = {}
        for query in self.queries.values():
            self._by_language.setdefault(query.language, []).append(query)

    def query(self, rule_id: str) -> Query | None:
        return self.queries.get(rule_id)

    def cwe_name(self, cwe: int) -> str:
        return self.cwe_names.get(cwe, f"CWE-{cwe}")

    def queries_for(self, language: Language) -> list[Query]:
        return list(self._by_language.get(language, []))

    def severity(
        self,
        rule_id: str | None = None,
        cwes: Iterable[int | str] = (),
        language: Language | str | None = None,
    ) -> float:
        """A finding's security-severity by the project's one convention (module docstring)."""
        if rule_id:
            known = self.queries.get(rule_id)
            if known is not None:
                return known.security_severity
        group = frozenset(parse_cwe(c) for c in cwes)
        if not group:
            return DEFAULT_SEVERITY
        lang: Language | None
        lang = parse_language(language) if isinstance(language, str) else language
        if lang is None and rule_id:
            lang = language_for_rule(rule_id)
        candidates = self.queries_for(lang) if lang is not None else list(self.queries.values())
        exact = [q.security_severity for q in candidates if q.cwes == group]
        if exact:
            return max(exact)
        overlapping = [q.security_severity for q in candidates if q.cwes & group]
        if overlapping:
            return max(overlapping)
        return DEFAULT_SEVERITY

    def cwes_for(self, rule_id: str) -> list[int]:
        known = self.queries.get(rule_id)
        return sorted(known.cwes) if known else []


def _read_queries() -> list[Query]:
    text = resources.files("hardgen.core").joinpath("data/codeql-security-severity.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return [
        Query(
            id=row["query_id"],
            language=parse_language(row["language"]),
            security_severity=float(row["security_severity"]),
            cwes=frozenset(parse_cwe(c) for c in row["cwes"].split()),
            problem_severity=row["problem_severity"],
        )
        for row in rows
    ]


def _read_cwe_names() -> dict[int, str]:
    text = resources.files("hardgen.core").joinpath("data/cwe-names.csv").read_text("utf-8")
    return {int(row["cwe"]): row["name"] for row in csv.DictReader(text.splitlines())}


@cache
def catalogue() -> Catalogue:
    """The packaged catalogue (loaded once per process)."""
    return Catalogue(_read_queries(), _read_cwe_names())


def severity(
    rule_id: str | None = None, cwes: Iterable[int | str] = (), language: Language | str | None = None
) -> float:
    """Module-level shortcut for :meth:`Catalogue.severity` on the packaged catalogue."""
    return catalogue().severity(rule_id, cwes, language)
