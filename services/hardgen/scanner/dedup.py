"""De-duplication of findings across engines: one weakness, one finding.

Two findings are the same weakness when they are in the same file, start on the same line and
their CWEs fall in the same family (e.g. CodeQL's ``py/weak-sensitive-data-hashing`` tags
327/328/916 while Bandit says 327 only). The finding of the preferred engine is kept (CodeQL,
then Semgrep, then the Go AST checks, then Bandit), so a result keeps a catalogue query id when
any engine gave one. Findings of one engine are only merged when they have the same rule id.
"""

from __future__ import annotations

from hardgen.core.findings import Finding

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


def deduplicate(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per (file, line, CWE family), preferring engines in registry order."""
    from hardgen.scanner.engines.registry import preference

    ordered = sorted(findings, key=lambda f: (preference(f.engine), -f.severity, f.rule_id))
    kept: list[Finding] = []
    index: dict[tuple[str, int], list[Finding]] = {}
    for finding in ordered:
        slot = index.setdefault((finding.path, finding.start_line), [])
        fams = _families(finding)
        duplicate = any(
            (other.engine != finding.engine or other.rule_id == finding.rule_id) and (_families(other) & fams)
            for other in slot
        )
        if not duplicate:
            slot.append(finding)
            kept.append(finding)
    return kept
