"""Inline suppressions of reviewed findings: ``# hardgen: ignore[<query-id>, ...] <reason>``.

A repository that runs ``hardgen scan`` in CI records, next to the code, that a finding was read and
judged a false positive, and why. The comment uses the language's line comment (``#`` in Python,
``//`` in JavaScript, Java and Go) and stands on the finding's line or on the line before it; it
names the query ids it silences (comma-separated, exact ids: no wildcard, so that a new kind of
finding on the same line still fails the check).

A suppression needs a reason. One without a reason suppresses nothing and is itself reported as a
warning, so that "ignore" cannot become a habit without a record of the review.

Suppressed findings are not dropped: SARIF records them as ``suppressions`` of kind ``inSource``
with the reason as justification (GitHub shows them as closed alerts), table and JSON output list
them as suppressed, and ``--fail-on`` does not count them. Suppressions are a feature of scanning
one's own repository (the CLI); the scanner service, and so every study, ignores them, because
code under analysis must not be able to hide its own findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hardgen.core.findings import Finding
from hardgen.core.languages import Language, language_for_path

#: The line comment each language's suppressions are written in.
COMMENT = {Language.PYTHON: "#", Language.JAVASCRIPT: "//", Language.JAVA: "//", Language.GO: "//"}
_DIRECTIVE = r"hardgen:\s*ignore\[(?P<ids>[^\]]*)\](?P<reason>.*)$"
_PATTERNS = {marker: re.compile(re.escape(marker) + r"\s*" + _DIRECTIVE) for marker in set(COMMENT.values())}


@dataclass(frozen=True, slots=True)
class Suppression:
    """One ``hardgen: ignore[...]`` comment."""

    path: str
    line: int
    ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding silenced by a suppression, with the suppression's reason (SARIF justification)."""

    finding: Finding
    reason: str
    line: int  # where the suppression comment is


@dataclass(slots=True)
class SuppressionResult:
    active: list[Finding]
    suppressed: list[Suppressed]
    warnings: list[str]  # "path:line: ..." for suppressions without a reason


def parse_suppressions(path: str, text: str, language: Language | None = None) -> list[Suppression]:
    """Every suppression comment in one file (in the line-comment syntax of its language)."""
    lang = language or language_for_path(path)
    if lang is None or lang not in COMMENT:
        return []
    pattern = _PATTERNS[COMMENT[lang]]
    found: list[Suppression] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "hardgen:" not in line:
            continue
        match = pattern.search(line)
        if match is None:
            continue
        ids = tuple(dict.fromkeys(i.strip() for i in match.group("ids").split(",") if i.strip()))
        reason = " ".join(match.group("reason").split())
        found.append(Suppression(path=path, line=number, ids=ids, reason=reason))
    return found


def apply_suppressions(
    findings: Iterable[Finding], texts: Mapping[str, str], languages: Mapping[str, Language] | None = None
) -> SuppressionResult:
    """Split ``findings`` into active and suppressed by the comments in ``texts`` (path → file text)."""
    by_place: dict[tuple[str, int], list[Suppression]] = {}
    warnings: list[str] = []
    for path, text in texts.items():
        for suppression in parse_suppressions(path, text, (languages or {}).get(path)):
            if not suppression.ids:
                warnings.append(f"{path}:{suppression.line}: hardgen: ignore[] names no query id; nothing suppressed")
                continue
            if not suppression.reason:
                warnings.append(
                    f"{path}:{suppression.line}: hardgen: ignore[{', '.join(suppression.ids)}] has no reason; "
                    "nothing is suppressed (write the reason after the brackets)"
                )
                continue
            by_place.setdefault((path, suppression.line), []).append(suppression)
    result = SuppressionResult(active=[], suppressed=[], warnings=warnings)
    for finding in findings:
        match = _matching(finding, by_place)
        if match is None:
            result.active.append(finding)
        else:
            result.suppressed.append(Suppressed(finding=finding, reason=match.reason, line=match.line))
    return result


def _matching(finding: Finding, by_place: dict[tuple[str, int], list[Suppression]]) -> Suppression | None:
    """The suppression on the finding's first line, else on the line before, that names its query."""
    for line in (finding.start_line, finding.start_line - 1):
        for suppression in by_place.get((finding.path, line), []):
            if finding.rule_id in suppression.ids:
                return suppression
    return None
