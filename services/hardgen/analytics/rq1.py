"""RQ1: how often each model writes weaknesses, and which (study §RQ1)."""

from __future__ import annotations

from typing import Any

from hardgen.analytics.sql import ALL, run
from hardgen.analytics.table import Table
from hardgen.analytics.table_registry import store_table
from hardgen.core.catalogue import catalogue


def prevalence(con: Any, study: str) -> Table:
    """Percentage of samples with at least one weakness per (language, model, technique)."""
    rows = run(
        con,
        """
        SELECT language, model, technique, count(*) AS samples,
               count(*) FILTER (WHERE n > 0) AS with_cwe,
               100.0 * count(*) FILTER (WHERE n > 0) / count(*) AS prevalence
        FROM sample GROUP BY ALL ORDER BY ALL
        """,
        study,
    )
    return Table(
        "prevalence",
        "Share of samples with at least one weakness (%)",
        ["language", "model", "technique", "samples", "with_cwe", "prevalence"],
        rows,
        note="prevalence = with_cwe / samples × 100 (a percentage).",
    )


def cwe_frequency(con: Any, study: str) -> Table:
    """Occurrences of each CWE per (language, model, technique), with per-language and per-model roll-ups.

    Roll-up rows carry ``all`` in the folded column, so one file answers "per language" and
    "per model" without a second pass.
    """
    rows = run(
        con,
        f"""
        SELECT coalesce(language, '{ALL}') AS language, coalesce(model, '{ALL}') AS model, technique, cwe,
               sum(occurrences) AS occurrences, count(DISTINCT sample_id) AS samples
        FROM sample_cwe JOIN sample ON sample.id = sample_cwe.sample_id
        GROUP BY GROUPING SETS ((language, model, technique, cwe), (language, technique, cwe),
                                (model, technique, cwe))
        ORDER BY language, model, technique, occurrences DESC, cwe
        """,  # noqa: S608 - constants only, the study is a bound parameter
        study,
    )
    names = catalogue()
    return Table(
        "cwe_frequency",
        "CWE frequency per language and model",
        ["language", "model", "technique", "cwe", "cwe_name", "occurrences", "samples"],
        [(lang, model, tech, cwe, names.cwe_name(cwe), occ, n) for lang, model, tech, cwe, occ, n in rows],
        note="`all` rows sum over the folded column.",
    )


def cwe_cooccurrence(con: Any, study: str) -> Table:
    """Pairs of CWEs found together in the same sample, per technique."""
    rows = run(
        con,
        """
        SELECT sample.technique, a.cwe AS cwe_a, b.cwe AS cwe_b, count(*) AS samples
        FROM sample_cwe a JOIN sample_cwe b ON a.sample_id = b.sample_id AND a.cwe < b.cwe
        JOIN sample ON sample.id = a.sample_id
        GROUP BY ALL ORDER BY technique, samples DESC, cwe_a, cwe_b
        """,
        study,
    )
    return Table(
        "cwe_cooccurrence",
        "CWE pairs found in the same sample",
        ["technique", "cwe_a", "cwe_b", "samples"],
        rows,
    )


def parse_clean(con: Any, study: str) -> Table:
    """Share of samples that both parse and have no weakness.

    A strategy that emits broken code has few findings; this column keeps it from "winning".
    A sample whose parse state is unknown counts as not parseable.
    """
    rows = run(
        con,
        """
        SELECT language, model, technique, count(*) AS samples,
               count(*) FILTER (WHERE parses) AS parseable,
               count(*) FILTER (WHERE parses AND n = 0) AS clean,
               count(*) FILTER (WHERE parses AND n = 0) / count(*) AS share_clean
        FROM sample GROUP BY ALL ORDER BY ALL
        """,
        study,
    )
    return Table(
        "parse_clean",
        "Samples that parse and are free of weaknesses",
        ["language", "model", "technique", "samples", "parseable", "clean", "share_clean"],
        rows,
    )


store_table("prevalence", prevalence)
store_table("cwe_frequency", cwe_frequency)
store_table("cwe_cooccurrence", cwe_cooccurrence)
store_table("parse_clean", parse_clean)
