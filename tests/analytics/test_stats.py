"""The statistics against values computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from hardgen.analytics import stats
from hardgen.analytics.rq3 import categorise


def test_improvement_of_zero_raw_is_undefined() -> None:
    assert math.isnan(stats.improvement(0.0, 0.0))
    assert math.isnan(stats.improvement(0.0, 5.0))
    assert stats.improvement(10.0, 2.5) == pytest.approx(75.0)
    assert stats.improvement(10.0, 20.0) == pytest.approx(-100.0)


def test_cramers_v_by_hand() -> None:
    # [[6, 2], [2, 6]]: expected 4 everywhere, χ² = 4 × (2²/4) = 4, n = 16, φ² = 0.25, V = 0.5.
    # Bergsma: φ²~ = 0.25 − 1/15, r~ = k~ = 2 − 1/15, V~ = sqrt(φ²~ / (1 − 1/15)).
    result = stats.cramers_v(np.array([[6, 2], [2, 6]]))
    assert result["chi2"] == pytest.approx(4.0)
    assert result["v"] == pytest.approx(0.5)
    assert result["v_corrected"] == pytest.approx(math.sqrt((0.25 - 1 / 15) / (1 - 1 / 15)))
    perfect = stats.cramers_v(np.array([[10, 0], [0, 10]]))
    assert perfect["v"] == pytest.approx(1.0) and perfect["v_corrected"] == pytest.approx(1.0)
    none = stats.cramers_v(np.array([[5, 5], [5, 5]]))
    assert none["v"] == pytest.approx(0.0) and none["v_corrected"] == pytest.approx(0.0)


def test_cramers_v_undefined_tables() -> None:
    assert math.isnan(stats.cramers_v(np.array([[3, 4]]))["v"])
    assert math.isnan(stats.cramers_v(np.zeros((0, 0), dtype=np.int64))["v"])
    # empty rows and columns are dropped before testing the shape
    assert math.isnan(stats.cramers_v(np.array([[3, 0], [0, 0]]))["v"])


def test_bootstrap_is_seeded_and_handles_zero_raw() -> None:
    raw = np.array([1.0, 0.0, 2.0, 3.0])
    value = np.array([0.0, 0.0, 1.0, 0.0])
    first = stats.bootstrap_improvements(raw, value, lambda m: m.sum(axis=1), stats.cell_rng("x"), 200)
    second = stats.bootstrap_improvements(raw, value, lambda m: m.sum(axis=1), stats.cell_rng("x"), 200)
    assert np.array_equal(first, second, equal_nan=True)
    zeros = stats.bootstrap_improvements(np.zeros(3), value[:3], lambda m: m.sum(axis=1), stats.cell_rng("y"), 50)
    assert np.isnan(zeros).all()
    assert all(math.isnan(v) for v in stats.percentile_ci(zeros))


def test_presence_tests() -> None:
    raw = np.array([True, True, True, False])
    none = np.zeros(4, dtype=bool)
    assert stats.presence_test(raw, none, paired=True) == (pytest.approx(0.25), "mcnemar-exact")
    assert stats.presence_test(none, none, paired=True)[0] == 1.0
    p, test = stats.presence_test(raw, none, paired=False)
    # [[3, 1], [0, 4]]: P(a) = C(4,a)·C(4,3−a)/C(8,3); a = 3 and a = 0 are as extreme (4/56 each) → 1/7
    assert test == "fisher-exact" and p == pytest.approx(1 / 7)


@pytest.mark.parametrize(
    ("original", "after", "category"),
    [
        (set(), set(), "none_before_or_after"),
        ({1}, set(), "fully_removed"),
        ({1, 2}, {2}, "partial_fix"),
        ({1, 2}, {1, 2}, "did_not_remove"),
        ({1, 2}, {2, 3}, "not_fully_removed_and_introduced"),
        ({1}, {1, 3}, "not_fully_removed_and_introduced"),
        ({1}, {3}, "fully_removed_and_introduced"),
        (set(), {3}, "fully_removed_and_introduced"),
    ],
)
def test_categories(original: set[int], after: set[int], category: str) -> None:
    assert categorise(frozenset(original), frozenset(after)) == category
