"""Statistics the study did not report: bootstrap intervals, exact tests, bias-corrected Cramér's V.

Every function is deterministic: bootstrap generators are seeded from a fixed seed and the cell's
name, so a table is byte-identical across runs and independent of the order cells are computed in.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray
from scipy import stats

BOOTSTRAP_SEED = 20260101
BOOTSTRAP_REPLICATES = 2000
FloatArray = NDArray[np.float64]


def improvement(raw: float, value: float) -> float:
    """``(raw − value) / raw × 100``; NaN when ``raw`` is 0 (no weakness to improve on)."""
    if raw == 0:
        return math.nan
    return (raw - value) / raw * 100.0


def cell_rng(key: str, seed: int = BOOTSTRAP_SEED) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(key.encode("utf-8"))])


def bootstrap_improvements(
    raw: FloatArray,
    value: FloatArray,
    statistic: Callable[[FloatArray], FloatArray],
    rng: np.random.Generator,
    replicates: int = BOOTSTRAP_REPLICATES,
) -> FloatArray:
    """Replicate improvements, resampling raw and technique samples independently within the cell.

    ``statistic`` reduces a (replicates × n) matrix row-wise (sum for severity, mean for shares).
    Replicates whose raw statistic is 0 are NaN: they have no defined improvement.
    """
    if raw.size == 0 or value.size == 0:
        return np.full(replicates, np.nan)
    raw_stat = statistic(raw[rng.integers(0, raw.size, (replicates, raw.size))])
    value_stat = statistic(value[rng.integers(0, value.size, (replicates, value.size))])
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (raw_stat - value_stat) / raw_stat * 100.0
    out[raw_stat == 0] = np.nan
    return np.asarray(out, dtype=np.float64)


def percentile_ci(replicates: FloatArray, level: float = 0.95) -> tuple[float, float]:
    """Percentile interval over the finite replicates; (NaN, NaN) when none is finite."""
    finite = replicates[np.isfinite(replicates)]
    if finite.size == 0:
        return math.nan, math.nan
    tail = (1.0 - level) / 2.0 * 100.0
    low, high = np.percentile(finite, [tail, 100.0 - tail])
    return float(low), float(high)


def presence_test(raw: NDArray[np.bool_], value: NDArray[np.bool_], paired: bool) -> tuple[float, str]:
    """Exact test of "has a weakness" between raw and technique samples of one cell.

    Paired samples (same scenario and sample key on both sides) get McNemar's exact test, i.e. a
    binomial test on the discordant pairs; otherwise Fisher's exact test on the 2×2 table.
    """
    if paired:
        b = int(np.sum(raw & ~value))
        c = int(np.sum(~raw & value))
        if b + c == 0:
            return 1.0, "mcnemar-exact"
        return float(stats.binomtest(b, b + c, 0.5).pvalue), "mcnemar-exact"
    table = [[int(raw.sum()), int((~raw).sum())], [int(value.sum()), int((~value).sum())]]
    return float(stats.fisher_exact(table).pvalue), "fisher-exact"


def score_test(raw: FloatArray, value: FloatArray, paired: bool) -> tuple[float, str]:
    """Rank test of sample severity scores: Wilcoxon signed-rank (normal approximation) when paired,
    Mann–Whitney U otherwise.

    Identical samples on both sides give p = 1 (the scipy tests are undefined there).
    """
    if raw.size == 0 or value.size == 0:
        return math.nan, ""
    if paired:
        diff = raw - value
        if not np.any(diff):
            return 1.0, "wilcoxon"
        # the normal approximation: scipy's small-sample default with ties is a permutation test that
        # costs ~1 s per cell, minutes for a study; the samples test above is the exact one
        result = stats.wilcoxon(raw, value, zero_method="zsplit", method="asymptotic")
        return float(result.pvalue), "wilcoxon"
    if np.all(raw == raw[0]) and np.all(value == raw[0]):
        return 1.0, "mann-whitney"
    return float(stats.mannwhitneyu(raw, value, alternative="two-sided").pvalue), "mann-whitney"


def cramers_v(table: NDArray[np.int64]) -> dict[str, float]:
    """Cramér's V of a contingency table, plain and bias-corrected (Bergsma 2013).

    Empty rows and columns are dropped first. With fewer than two rows or columns left, or too few
    observations for the correction, the values are NaN (undefined), not an error.
    """
    table = np.asarray(table, dtype=np.int64)
    if table.ndim != 2 or table.size == 0:
        return _undefined(0)
    table = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
    n = int(table.sum())
    r, k = table.shape if table.size else (0, 0)
    if r < 2 or k < 2 or n < 2:
        return _undefined(n, r, k)
    chi2, p_value, dof, _ = stats.chi2_contingency(table, correction=False)
    phi2 = chi2 / n
    v = math.sqrt(phi2 / min(k - 1, r - 1))
    phi2_corr = max(0.0, phi2 - (k - 1) * (r - 1) / (n - 1))
    r_corr = r - (r - 1) ** 2 / (n - 1)
    k_corr = k - (k - 1) ** 2 / (n - 1)
    denominator = min(k_corr - 1, r_corr - 1)
    v_corr = math.sqrt(phi2_corr / denominator) if denominator > 0 else math.nan
    return {
        "n": n,
        "rows": r,
        "cols": k,
        "chi2": float(chi2),
        "dof": int(dof),
        "p_value": float(p_value),
        "v": v,
        "v_corrected": v_corr,
    }


def _undefined(n: int, r: int = 0, k: int = 0) -> dict[str, float]:
    return {
        "n": n,
        "rows": r,
        "cols": k,
        "chi2": math.nan,
        "dof": 0,
        "p_value": math.nan,
        "v": math.nan,
        "v_corrected": math.nan,
    }
