"""RQ2: how much each technique improves on raw, by severity and by samples (study Tables 3–6).

Per (language, model, technique) cell: ``improvement = (raw − value) / raw × 100`` where, for
severity, ``raw``/``value`` are the cells' summed severity scores and, for samples, the percentages
of samples with at least one weakness. A raw value of 0 leaves the improvement undefined (None).
Average rows (``all`` in language or model) are means of the defined cell improvements; their
intervals come from the same bootstrap replicates, averaged replicate by replicate.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from hardgen.analytics import stats
from hardgen.analytics.sql import ALL, RAW, run
from hardgen.analytics.table import Table
from hardgen.analytics.table_registry import TableInputs, store_table, table
from hardgen.core.catalogue import catalogue

COLUMNS = [
    "language",
    "model",
    "technique",
    "raw",
    "value",
    "improvement",
    "ci_low",
    "ci_high",
    "p_value",
    "test",
    "n_raw",
    "n_technique",
]


@dataclass(slots=True)
class Cell:
    scores: np.ndarray
    weak: np.ndarray
    keys: list[str]


@dataclass(slots=True)
class Comparison:
    language: str
    model: str
    technique: str
    raw: Cell
    value: Cell

    @property
    def paired(self) -> bool:
        return bool(self.raw.keys) and self.raw.keys == self.value.keys


def load_cells(con: Any, study: str) -> dict[tuple[str, str, str], Cell]:
    rows = run(
        con,
        """
        SELECT language, model, technique,
               list(score ORDER BY scenario, sample_key), list(n > 0 ORDER BY scenario, sample_key),
               list(scenario::VARCHAR || '/' || sample_key ORDER BY scenario, sample_key)
        FROM sample GROUP BY ALL
        """,
        study,
    )
    return {
        (lang, model, tech): Cell(np.asarray(scores, dtype=np.float64), np.asarray(weak, dtype=bool), list(keys))
        for lang, model, tech, scores, weak, keys in rows
    }


def comparisons(cells: dict[tuple[str, str, str], Cell]) -> list[Comparison]:
    """Every technique cell that has a raw cell of the same language and model to compare with."""
    out = []
    for (lang, model, tech), cell in sorted(cells.items()):
        raw = cells.get((lang, model, RAW))
        if tech != RAW and raw is not None:
            out.append(Comparison(lang, model, tech, raw, cell))
    return out


def _severity_sum(matrix: np.ndarray) -> np.ndarray:
    return np.asarray(matrix.sum(axis=1), dtype=np.float64)


def _share(matrix: np.ndarray) -> np.ndarray:
    return np.asarray(matrix.mean(axis=1), dtype=np.float64)


def improvement_table(comps: list[Comparison], kind: str, replicates: int = stats.BOOTSTRAP_REPLICATES) -> Table:
    """``kind`` is ``severity`` or ``samples``; one row per cell, then the average rows."""
    rows: list[tuple[Any, ...]] = []
    boots: dict[tuple[str, str, str], np.ndarray] = {}
    points: dict[tuple[str, str, str], float] = {}
    for comp in comps:
        key = (comp.language, comp.model, comp.technique)
        if kind == "severity":
            raw_v, value_v = comp.raw.scores, comp.value.scores
            raw_stat, value_stat = float(raw_v.sum()), float(value_v.sum())
            p_value, test = stats.score_test(raw_v, value_v, comp.paired)
            reducer = _severity_sum
        else:
            raw_v, value_v = comp.raw.weak.astype(np.float64), comp.value.weak.astype(np.float64)
            raw_stat, value_stat = 100.0 * float(raw_v.mean()), 100.0 * float(value_v.mean())
            p_value, test = stats.presence_test(comp.raw.weak, comp.value.weak, comp.paired)
            reducer = _share
        point = stats.improvement(raw_stat, value_stat)
        rng = stats.cell_rng(f"{kind}\x1f{comp.language}\x1f{comp.model}\x1f{comp.technique}")
        boot = stats.bootstrap_improvements(raw_v, value_v, reducer, rng, replicates)
        low, high = stats.percentile_ci(boot) if math.isfinite(point) else (math.nan, math.nan)
        boots[key], points[key] = boot, point
        rows.append(
            (
                comp.language,
                comp.model,
                comp.technique,
                raw_stat,
                value_stat,
                point,
                low,
                high,
                p_value,
                test,
                len(raw_v),
                len(value_v),
            )
        )
    rows.extend(_average_rows(comps, boots, points))
    title = (
        "Severity improvement over raw (%)"
        if kind == "severity"
        else "Improvement in the share of samples with weaknesses (%)"
    )
    return Table(
        f"improvement_{kind}",
        title,
        COLUMNS,
        rows,
        note=(
            "Undefined (n/a) where raw has no weakness. `all` rows average the defined cells. "
            + (
                "raw/value: summed severity scores; improvement and its interval in %."
                if kind == "severity"
                else "raw/value: % of samples with a weakness; improvement and its interval in %."
            )
        ),
    )


def _average_rows(
    comps: list[Comparison],
    boots: dict[tuple[str, str, str], np.ndarray],
    points: dict[tuple[str, str, str], float],
) -> list[tuple[Any, ...]]:
    groups: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for comp in comps:
        key = (comp.language, comp.model, comp.technique)
        groups[(ALL, comp.model, comp.technique)].append(key)
        groups[(comp.language, ALL, comp.technique)].append(key)
        groups[(ALL, ALL, comp.technique)].append(key)
    rows = []
    for (lang, model, tech), keys in sorted(groups.items(), key=lambda kv: (kv[0][2], kv[0][0] != ALL, kv[0])):
        defined = [k for k in keys if math.isfinite(points[k])]
        n_raw = sum(len(c.raw.scores) for c in comps if (c.language, c.model, c.technique) in keys)
        n_tech = sum(len(c.value.scores) for c in comps if (c.language, c.model, c.technique) in keys)
        if not defined:
            rows.append((lang, model, tech, None, None, math.nan, math.nan, math.nan, None, "", n_raw, n_tech))
            continue
        mean = float(np.mean([points[k] for k in defined]))
        matrix = np.vstack([boots[k] for k in defined])
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", category=RuntimeWarning)  # all-NaN columns are expected
            replicate_means = np.nanmean(matrix, axis=0)
        low, high = stats.percentile_ci(replicate_means)
        rows.append(
            (
                lang,
                model,
                tech,
                None,
                None,
                mean,
                low,
                high,
                None,
                f"mean of {len(defined)} cells",
                n_raw,
                n_tech,
            )
        )
    return rows


def cwe_reduction(con: Any, study: str) -> Table:
    """Per-CWE reduction per technique, pooled over the (language, model) pairs the technique ran on.

    Raw occurrences are counted only where the technique has samples, so a technique run on one
    model is not credited with the other models' raw weaknesses.
    """
    rows = run(
        con,
        f"""
        , occ AS (
            SELECT language, model, technique, cwe, sum(occurrences) AS occurrences
            FROM sample_cwe JOIN sample ON sample.id = sample_cwe.sample_id GROUP BY ALL
        ),
        tcell AS (SELECT DISTINCT language, model, technique FROM sample WHERE technique <> '{RAW}'),
        raw_occ AS (
            SELECT t.technique, o.cwe, sum(o.occurrences) AS raw
            FROM tcell t JOIN occ o ON o.language = t.language AND o.model = t.model AND o.technique = '{RAW}'
            GROUP BY ALL
        ),
        tech_occ AS (
            SELECT technique, cwe, sum(occurrences) AS value FROM occ WHERE technique <> '{RAW}' GROUP BY ALL
        )
        SELECT coalesce(r.technique, t.technique) AS technique, coalesce(r.cwe, t.cwe) AS cwe,
               coalesce(r.raw, 0) AS raw, coalesce(t.value, 0) AS value
        FROM raw_occ r FULL OUTER JOIN tech_occ t ON r.technique = t.technique AND r.cwe = t.cwe
        ORDER BY technique, raw DESC, cwe
        """,  # noqa: S608 - constants only, the study is a bound parameter
        study,
    )
    names = catalogue()
    return Table(
        "cwe_reduction",
        "Per-CWE reduction per technique (%)",
        ["technique", "cwe", "cwe_name", "raw", "value", "reduction"],
        [(t, c, names.cwe_name(c), int(r), int(v), stats.improvement(float(r), float(v))) for t, c, r, v in rows],
        note="Undefined (n/a) for CWEs the technique introduced (none in raw).",
    )


def load_comparisons(con: Any, study: str) -> list[Comparison]:
    """The study's technique-vs-raw comparisons, shared by both improvement tables."""
    return comparisons(load_cells(con, study))


@table("improvement_severity")
def _improvement_severity(inputs: TableInputs) -> Table:
    return improvement_table(inputs.load(load_comparisons), "severity", inputs.replicates)


@table("improvement_samples")
def _improvement_samples(inputs: TableInputs) -> Table:
    return improvement_table(inputs.load(load_comparisons), "samples", inputs.replicates)


store_table("cwe_reduction", cwe_reduction)
