"""The sample-level SQL every table starts from.

A sample counts once it has been generated *and* scanned (a sample still waiting for its scan has
no known weaknesses, so counting it would flatter the cell), unless its generation failed (``error``
set: a backend failure left no code, and its empty scan would count as a sample free of weaknesses).
``score`` is the sample's severity score, Σ severity × count over its findings; ``n`` is its number of
findings (Σ count); ``sample_cwe`` explodes each finding into the CWE ids it is tagged with (a finding
contributes to each of them).
"""

from __future__ import annotations

from typing import Any

RAW = "raw"
ALL = "all"

SAMPLES_CTE = """
WITH s AS (
    SELECT id, language, model, scenario, technique, sample_key, parses
    FROM samples WHERE study = $study AND generated AND scanned AND coalesce(error, '') = ''
),
fs AS (SELECT f.* FROM findings f JOIN s ON s.id = f.sample_id),
score AS (
    SELECT sample_id, sum(severity * count) AS score, sum(count) AS n FROM fs GROUP BY sample_id
),
sample AS (
    SELECT s.*, coalesce(score.score, 0.0) AS score, coalesce(score.n, 0) AS n
    FROM s LEFT JOIN score ON score.sample_id = s.id
),
sample_cwe AS (
    SELECT sample_id, cwe, sum(count) AS occurrences
    FROM (SELECT sample_id, unnest(cwes) AS cwe, count FROM fs)
    GROUP BY sample_id, cwe
)
"""


def run(con: Any, body: str, study: str) -> list[tuple[Any, ...]]:
    """Run ``body`` after the sample CTE for one study."""
    return [tuple(r) for r in con.execute(SAMPLES_CTE + body, {"study": study}).fetchall()]
