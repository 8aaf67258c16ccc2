"""RQ3: which weaknesses a fix removes and which it introduces (study Table 7 and §RQ3).

A group is one (language, model, scenario). ``original`` is the set of CWEs in the group's raw
samples; ``after`` the set in its samples for a technique; ``introduced = after − original``;
``remaining = after ∩ original``. Each (group, technique) falls in exactly one of six categories:

=================================  =============================================
none_before_or_after               original = ∅ and after = ∅
fully_removed                      original ≠ ∅, remaining = ∅, introduced = ∅
partial_fix                        ∅ ≠ remaining ⊊ original, introduced = ∅
did_not_remove                     remaining = original ≠ ∅, introduced = ∅
not_fully_removed_and_introduced   remaining ≠ ∅, introduced ≠ ∅
fully_removed_and_introduced       remaining = ∅, introduced ≠ ∅ (also when original = ∅)
=================================  =============================================
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from hardgen.analytics import stats
from hardgen.analytics.sql import ALL, RAW, run
from hardgen.analytics.table import Table
from hardgen.analytics.table_registry import TableInputs, table
from hardgen.core.catalogue import catalogue

CATEGORIES = (
    "fully_removed",
    "partial_fix",
    "did_not_remove",
    "none_before_or_after",
    "not_fully_removed_and_introduced",
    "fully_removed_and_introduced",
)


@dataclass(frozen=True, slots=True)
class GroupOutcome:
    language: str
    model: str
    scenario: int
    technique: str
    original: frozenset[int]
    after: frozenset[int]

    @property
    def introduced(self) -> frozenset[int]:
        return self.after - self.original

    @property
    def remaining(self) -> frozenset[int]:
        return self.after & self.original

    @property
    def category(self) -> str:
        return categorise(self.original, self.after)


def categorise(original: frozenset[int], after: frozenset[int]) -> str:
    introduced, remaining = after - original, after & original
    if not original and not after:
        return "none_before_or_after"
    if introduced:
        return "not_fully_removed_and_introduced" if remaining else "fully_removed_and_introduced"
    if not remaining:
        return "fully_removed"
    return "did_not_remove" if remaining == original else "partial_fix"


def load_outcomes(con: Any, study: str) -> list[GroupOutcome]:
    rows = run(
        con,
        """
        SELECT language, model, scenario, technique,
               list(DISTINCT cwe ORDER BY cwe) FILTER (WHERE cwe IS NOT NULL)
        FROM sample LEFT JOIN sample_cwe ON sample_cwe.sample_id = sample.id
        GROUP BY ALL
        """,
        study,
    )
    sets = {(lang, model, sc, tech): frozenset(cwes or []) for lang, model, sc, tech, cwes in rows}
    outcomes = [
        GroupOutcome(lang, model, sc, tech, sets[(lang, model, sc, RAW)], after)
        for (lang, model, sc, tech), after in sets.items()
        if tech != RAW and (lang, model, sc, RAW) in sets
    ]
    return sorted(outcomes, key=lambda o: (o.language, o.model, o.scenario, o.technique))


def fix_groups(outcomes: list[GroupOutcome]) -> Table:
    """Every (group, technique) with its sets and category: the evidence behind fix_categories."""
    return Table(
        "fix_groups",
        "Original and introduced CWEs per (language, model, scenario, technique)",
        ["language", "model", "scenario", "technique", "original", "after", "introduced", "category"],
        [
            (
                o.language,
                o.model,
                o.scenario,
                o.technique,
                sorted(o.original),
                sorted(o.after),
                sorted(o.introduced),
                o.category,
            )
            for o in outcomes
        ],
    )


def fix_categories(outcomes: list[GroupOutcome]) -> Table:
    """Percentage of (language, model, scenario) groups in each category, per (model, technique)."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        counts[(o.model, o.technique)][o.category] += 1
    rows = []
    for (model, tech), counter in sorted(counts.items()):
        total = sum(counter.values())
        rows.append((model, tech, total, *(100.0 * counter[c] / total for c in CATEGORIES)))
    return Table(
        "fix_categories",
        "Share of scenario groups per fix category (%)",
        ["model", "technique", "groups", *CATEGORIES],
        rows,
        note="A group is one (language, model, scenario); each category column is the % of its groups.",
    )


def introduced(outcomes: list[GroupOutcome]) -> Table:
    """Original → introduced CWE pairs per (model, technique), counted over groups.

    A group with originals {a, b} that introduces c adds one to (a, c) and one to (b, c);
    an introduction where raw had nothing has an empty ``original_cwe``.
    """
    pairs: Counter[tuple[str, str, int | None, int]] = Counter()
    for o in outcomes:
        for new in o.introduced:
            originals: list[int | None] = [*sorted(o.original)] or [None]
            for old in originals:
                pairs[(o.model, o.technique, old, new)] += 1
    names = catalogue()
    rows = [
        (model, tech, old, names.cwe_name(old) if old is not None else "", new, names.cwe_name(new), n)
        for (model, tech, old, new), n in sorted(
            pairs.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1], kv[0][2] or 0, kv[0][3])
        )
    ]
    return Table(
        "introduced",
        "Original → introduced CWEs",
        [
            "model",
            "technique",
            "original_cwe",
            "original_name",
            "introduced_cwe",
            "introduced_name",
            "groups",
        ],
        rows,
    )


Scope = tuple[str, str]  # (model, technique), either may be ``all``


def contingency(outcomes: list[GroupOutcome]) -> dict[Scope, Counter[tuple[int, int]]]:
    """Original × introduced CWE counts per (model, technique), per model (``all`` techniques) and
    over everything (``all``, ``all``).

    Introductions with no original CWE have no row to sit in and are left out of the association.
    """
    tables: dict[Scope, Counter[tuple[int, int]]] = defaultdict(Counter)
    for o in outcomes:
        for new in o.introduced:
            for old in o.original:
                for scope in ((o.model, o.technique), (o.model, ALL), (ALL, ALL)):
                    tables[scope][(old, new)] += 1
    return tables


def _scopes(outcomes: list[GroupOutcome]) -> list[Scope]:
    models = sorted({o.model for o in outcomes})
    techniques = sorted({o.technique for o in outcomes})
    return [(m, t) for m in models for t in [*techniques, ALL]] + ([(ALL, ALL)] if outcomes else [])


def cramers_v_tables(outcomes: list[GroupOutcome]) -> tuple[Table, Table]:
    """Cramér's V (plain and Bergsma bias-corrected) per (model, technique), per model and overall,
    and the contingency tables they came from."""
    tables = contingency(outcomes)
    v_rows: list[tuple[Any, ...]] = []
    c_rows: list[tuple[Any, ...]] = []
    for model, technique in _scopes(outcomes):
        counter = tables.get((model, technique), Counter())
        originals = sorted({a for a, _ in counter})
        intros = sorted({b for _, b in counter})
        matrix = np.zeros((len(originals), len(intros)), dtype=np.int64)
        for (a, b), n in counter.items():
            matrix[originals.index(a), intros.index(b)] = n
        r = stats.cramers_v(matrix)
        v_rows.append(
            (
                model,
                technique,
                r["n"],
                r["rows"],
                r["cols"],
                r["chi2"],
                r["dof"],
                r["p_value"],
                r["v"],
                r["v_corrected"],
            )
        )
        c_rows.extend((model, technique, a, b, n) for (a, b), n in sorted(counter.items()))
    v_table = Table(
        "cramers_v",
        "Cramér's V between original and introduced CWEs",
        ["model", "technique", "n", "rows", "cols", "chi2", "dof", "p_value", "v", "v_corrected"],
        v_rows,
        note="v_corrected: Bergsma (2013) bias correction; n/a with fewer than 2 rows or columns.",
    )
    c_table = Table(
        "cramers_v_contingency",
        "Contingency tables behind Cramér's V",
        ["model", "technique", "original_cwe", "introduced_cwe", "count"],
        c_rows,
    )
    return v_table, c_table


@table("fix_categories")
def _fix_categories(inputs: TableInputs) -> Table:
    return fix_categories(inputs.load(load_outcomes))


@table("fix_groups")
def _fix_groups(inputs: TableInputs) -> Table:
    return fix_groups(inputs.load(load_outcomes))


@table("introduced")
def _introduced(inputs: TableInputs) -> Table:
    return introduced(inputs.load(load_outcomes))


@table("cramers_v", "cramers_v_contingency")
def _cramers_v(inputs: TableInputs) -> tuple[Table, Table]:
    return cramers_v_tables(inputs.load(load_outcomes))
