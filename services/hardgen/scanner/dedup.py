"""De-duplication of findings across engines: one weakness, one finding.

Two findings of different engines are the same weakness when they are in the same file, start on
the same line and their CWEs fall in the same family (e.g. CodeQL's
``py/weak-sensitive-data-hashing`` tags 327/328/916 while another tool says 327 only) — except
when both carry *different* CodeQL-compatible query ids (catalogue or the study's ``go/study/*``
checks, :func:`hardgen.core.profiles.is_codeql_compatible`): CodeQL itself reports distinct
queries on one line separately (``go/path-injection`` and the study's ``go/path-injection-custom`` are two
queries of the study), so merging them would lose a result CodeQL gives. The finding of the
preferred engine is kept (CodeQL, then Semgrep, then the Go AST checks, then Bandit). Findings of
one engine are merged only when they have the same rule id.
"""

from __future__ import annotations

from hardgen.core.findings import Finding
from hardgen.core.profiles import is_codeql_compatible

#: CWEs that CodeQL's queries report together; each set is one family.
_FAMILIES: list[frozenset[int]] = [
    frozenset({22, 23, 36, 73, 99}),  # path injection
    frozenset({77, 78, 88}),  # command injection
    frozenset({79, 80, 116}),  # XSS / output encoding
    frozenset({94, 95}),  # code injection
    frozenset({209, 497}),  # error / stack-trace exposure
    frozenset({215, 489}),  # debug mode
    frozenset({259, 321, 798}),  # hard-coded credentials
    frozenset({326, 327, 328, 916}),  # weak crypto / password hashing
    frozenset({400, 730, 1333}),  # ReDoS
    frozenset({614, 1004, 1275, 384}),  # cookies / session
    frozenset({611, 776, 827}),  # XML
]


def family(cwe: int) -> int:
    """A representative CWE id for ``cwe``'s family (the smallest member), or ``cwe`` itself."""
    for members in _FAMILIES:
        if cwe in members:
            return min(members)
    return cwe


def _families(finding: Finding) -> frozenset[int]:
    return frozenset(family(c) for c in finding.cwes) or frozenset({hash(finding.rule_id)})


def same_weakness(a: Finding, b: Finding) -> bool:
    """True when ``a`` and ``b`` (same file and line) report one weakness (module docstring)."""
    if a.rule_id == b.rule_id:
        return True
    if a.engine == b.engine:
        return False
    if is_codeql_compatible(a.rule_id) and is_codeql_compatible(b.rule_id):
        return False
    return bool(_families(a) & _families(b))


def deduplicate(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per weakness and line, preferring engines in registry order."""
    from hardgen.scanner.engines.registry import preference

    ordered = sorted(findings, key=lambda f: (preference(f.engine), -f.severity, f.rule_id))
    kept: list[Finding] = []
    index: dict[tuple[str, int], list[Finding]] = {}
    for finding in ordered:
        slot = index.setdefault((finding.path, finding.start_line), [])
        duplicate = any(same_weakness(finding, other) for other in slot)
        if not duplicate:
            slot.append(finding)
            kept.append(finding)
    return kept
