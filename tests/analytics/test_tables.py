"""Every table of the hand-built study (conftest.HAND) against answers worked out by hand."""

from __future__ import annotations

import math

import pytest

from hardgen.analytics.store import Store
from hardgen.analytics.table import Table
from hardgen.analytics.tables import TABLE_NAMES, UnknownStudyError, UnknownTableError, compute_tables, write_tables


@pytest.fixture
def tables(hand_store: Store) -> dict[str, Table]:
    return compute_tables(hand_store, "hand", replicates=500)


def by_key(table: Table, *keys: str) -> dict[tuple, dict]:
    return {tuple(r[k] for k in keys): r for r in table.records()}


def test_every_table_is_computed(tables: dict[str, Table]) -> None:
    assert list(tables) == list(TABLE_NAMES)


def test_prevalence(tables: dict[str, Table]) -> None:
    rows = by_key(tables["prevalence"], "language", "model", "technique")
    expected = {
        ("python", "A", "raw"): (4, 3),
        ("python", "A", "nep"): (4, 0),
        ("python", "A", "cot"): (4, 3),
        ("python", "B", "raw"): (4, 1),
        ("python", "B", "nep"): (4, 1),
        ("python", "B", "cot"): (4, 2),
        ("javascript", "A", "raw"): (2, 0),
        ("javascript", "A", "nep"): (2, 0),
        ("javascript", "A", "cot"): (1, 1),
    }
    assert set(rows) == set(expected)
    for key, (samples, with_cwe) in expected.items():
        assert rows[key]["samples"] == samples and rows[key]["with_cwe"] == with_cwe
        assert rows[key]["prevalence"] == pytest.approx(100 * with_cwe / samples)  # a percentage


def test_severity_improvement_by_hand(tables: dict[str, Table]) -> None:
    rows = by_key(tables["improvement_severity"], "language", "model", "technique")
    # python A raw: 8.8 + 8.8 + 2×7.5 = 32.6; nep removes all; cot: 8.8 + 6.1 + 7.5 = 22.4
    assert rows[("python", "A", "nep")]["raw"] == pytest.approx(32.6)
    assert rows[("python", "A", "nep")]["value"] == 0
    assert rows[("python", "A", "nep")]["improvement"] == pytest.approx(100.0)
    assert rows[("python", "A", "cot")]["value"] == pytest.approx(22.4)
    assert rows[("python", "A", "cot")]["improvement"] == pytest.approx((32.6 - 22.4) / 32.6 * 100)
    # python B raw: 8.8 + 9.8 = 18.6; nep keeps 9.8; cot introduces 6.1 + 7.5
    assert rows[("python", "B", "nep")]["improvement"] == pytest.approx((18.6 - 9.8) / 18.6 * 100)
    assert rows[("python", "B", "cot")]["improvement"] == pytest.approx((18.6 - 13.6) / 18.6 * 100)
    # javascript A has no raw weakness: improvement undefined, no crash, no interval
    for tech in ("nep", "cot"):
        row = rows[("javascript", "A", tech)]
        assert row["raw"] == 0 and row["improvement"] is None
        assert row["ci_low"] is None and row["ci_high"] is None
    assert rows[("javascript", "A", "cot")]["value"] == pytest.approx(9.3)  # catalogue: js {79} → 9.3
    # a technique that removes everything: every bootstrap replicate is 100 %
    assert rows[("python", "A", "nep")]["ci_low"] == pytest.approx(100.0)
    assert rows[("python", "A", "nep")]["ci_high"] == pytest.approx(100.0)
    for key in [("python", "A", "cot"), ("python", "B", "nep"), ("python", "B", "cot")]:
        row = rows[key]
        assert row["ci_low"] <= row["improvement"] <= row["ci_high"]
        assert 0.0 <= row["p_value"] <= 1.0


def test_severity_averages(tables: dict[str, Table]) -> None:
    rows = by_key(tables["improvement_severity"], "language", "model", "technique")
    nep_a, nep_b = 100.0, (18.6 - 9.8) / 18.6 * 100
    cot_a, cot_b = (32.6 - 22.4) / 32.6 * 100, (18.6 - 13.6) / 18.6 * 100
    # per model: javascript·A is undefined and left out of A's average
    assert rows[("all", "A", "nep")]["improvement"] == pytest.approx(nep_a)
    assert rows[("all", "B", "cot")]["improvement"] == pytest.approx(cot_b)
    # per language
    assert rows[("python", "all", "nep")]["improvement"] == pytest.approx((nep_a + nep_b) / 2)
    assert rows[("python", "all", "cot")]["improvement"] == pytest.approx((cot_a + cot_b) / 2)
    assert rows[("javascript", "all", "nep")]["improvement"] is None
    assert rows[("all", "all", "cot")]["improvement"] == pytest.approx((cot_a + cot_b) / 2)


def test_samples_improvement_and_exact_tests(tables: dict[str, Table]) -> None:
    rows = by_key(tables["improvement_samples"], "language", "model", "technique")
    assert rows[("python", "A", "nep")]["raw"] == pytest.approx(75.0)  # % of samples with a weakness
    assert rows[("python", "A", "nep")]["improvement"] == pytest.approx(100.0)
    assert rows[("python", "A", "cot")]["improvement"] == pytest.approx(0.0)
    # a technique that makes things worse: 1/4 → 2/4 samples with weaknesses
    assert rows[("python", "B", "cot")]["improvement"] == pytest.approx(-100.0)
    # paired samples (same scenario and key): McNemar exact. python A nep: 3 discordant pairs, all
    # one way → p = 2 × 0.5³ = 0.25. python B cot: b = 1, c = 2 → binomial p = 1.
    assert rows[("python", "A", "nep")]["test"] == "mcnemar-exact"
    assert rows[("python", "A", "nep")]["p_value"] == pytest.approx(0.25)
    assert rows[("python", "B", "cot")]["p_value"] == pytest.approx(1.0)
    # javascript A cot has one sample against two raw ones: unpaired, Fisher's exact on
    # [[0, 2], [1, 0]] → p = 1/3
    assert rows[("javascript", "A", "cot")]["test"] == "fisher-exact"
    assert rows[("javascript", "A", "cot")]["p_value"] == pytest.approx(1 / 3)
    assert rows[("javascript", "A", "cot")]["improvement"] is None


def test_cwe_reduction(tables: dict[str, Table]) -> None:
    rows = by_key(tables["cwe_reduction"], "technique", "cwe")
    # raw over the (language, model) pairs each technique ran on: 89 ×3, 22 ×2, 502 ×1
    assert (rows[("nep", 89)]["raw"], rows[("nep", 89)]["value"], rows[("nep", 89)]["reduction"]) == (3, 0, 100.0)
    assert rows[("nep", 502)]["reduction"] == pytest.approx(0.0)
    assert rows[("cot", 89)]["reduction"] == pytest.approx(200 / 3)
    assert rows[("cot", 22)]["reduction"] == pytest.approx(0.0)
    assert rows[("cot", 502)]["reduction"] == pytest.approx(100.0)
    assert rows[("cot", 79)]["raw"] == 0 and rows[("cot", 79)]["reduction"] is None  # introduced


def test_fix_categories(tables: dict[str, Table]) -> None:
    rows = by_key(tables["fix_categories"], "model", "technique")
    a_nep = rows[("A", "nep")]
    assert a_nep["groups"] == 3
    assert a_nep["fully_removed"] == pytest.approx(200 / 3) and a_nep["none_before_or_after"] == pytest.approx(100 / 3)
    a_cot = rows[("A", "cot")]
    for category in ("did_not_remove", "not_fully_removed_and_introduced", "fully_removed_and_introduced"):
        assert a_cot[category] == pytest.approx(100 / 3)
    assert rows[("B", "nep")]["partial_fix"] == pytest.approx(50.0)
    assert rows[("B", "nep")]["none_before_or_after"] == pytest.approx(50.0)
    assert rows[("B", "cot")]["fully_removed_and_introduced"] == pytest.approx(100.0)
    for row in rows.values():  # percentages of the groups
        shares = [v for k, v in row.items() if k not in {"model", "technique", "groups"}]
        assert sum(shares) == pytest.approx(100.0)


def test_fix_groups_sets(tables: dict[str, Table]) -> None:
    rows = by_key(tables["fix_groups"], "language", "model", "scenario", "technique")
    row = rows[("python", "B", 1, "cot")]
    assert row["original"] == [89, 502] and row["after"] == [79] and row["introduced"] == [79]


def test_introduced_mapping(tables: dict[str, Table]) -> None:
    rows = {
        (r["model"], r["technique"], r["original_cwe"], r["introduced_cwe"]): r["groups"]
        for r in tables["introduced"].records()
    }
    assert rows == {
        ("A", "cot", 89, 79): 1,
        ("A", "cot", None, 79): 1,  # javascript: introduced where raw had nothing
        ("B", "cot", 89, 79): 1,
        ("B", "cot", 502, 79): 1,
        ("B", "cot", None, 22): 1,
    }


def test_cramers_v_and_contingency(tables: dict[str, Table]) -> None:
    contingency = {
        (r["model"], r["technique"], r["original_cwe"], r["introduced_cwe"]): r["count"]
        for r in tables["cramers_v_contingency"].records()
    }
    assert contingency == {
        ("A", "cot", 89, 79): 1,
        ("A", "all", 89, 79): 1,
        ("B", "cot", 89, 79): 1,
        ("B", "cot", 502, 79): 1,
        ("B", "all", 89, 79): 1,
        ("B", "all", 502, 79): 1,
        ("all", "all", 89, 79): 2,
        ("all", "all", 502, 79): 1,
    }
    rows = by_key(tables["cramers_v"], "model", "technique")
    assert set(rows) == {(m, t) for m in ("A", "B") for t in ("cot", "nep", "all")} | {("all", "all")}
    # one introduced CWE type only: the association is undefined (n/a), not an error
    assert rows[("all", "all")]["n"] == 3 and rows[("all", "all")]["cols"] == 1
    assert rows[("all", "all")]["v"] is None and rows[("all", "all")]["v_corrected"] is None
    assert rows[("A", "nep")]["n"] == 0


def test_cramers_v_from_group_outcomes_by_hand() -> None:
    """Two groups map CWE 1 → 3 and two map 2 → 4: the table [[2, 0], [0, 2]], χ² = 4, n = 4, V = 1;
    Bergsma: φ̃² = 1 − 1/3, r̃ = k̃ = 2 − 1/3, Ṽ = √((2/3) / (2/3)) = 1."""
    from hardgen.analytics.rq3 import GroupOutcome, cramers_v_tables

    outcomes = [
        GroupOutcome("python", "M", scenario, "nep", frozenset({old}), frozenset({new}))
        for scenario, (old, new) in enumerate([(1, 3), (1, 3), (2, 4), (2, 4)], start=1)
    ]
    v_table, c_table = cramers_v_tables(outcomes)
    row = by_key(v_table, "model", "technique")[("M", "nep")]
    assert (row["n"], row["rows"], row["cols"], row["chi2"]) == (4, 2, 2, pytest.approx(4.0))
    assert row["v"] == pytest.approx(1.0) and row["v_corrected"] == pytest.approx(1.0)
    assert len(c_table.rows) == 2 * 3  # two cells, in three scopes


def test_cwe_frequency_and_cooccurrence(tables: dict[str, Table]) -> None:
    rows = by_key(tables["cwe_frequency"], "language", "model", "technique", "cwe")
    assert (rows[("python", "A", "raw", 22)]["occurrences"], rows[("python", "A", "raw", 22)]["samples"]) == (2, 1)
    assert rows[("python", "all", "raw", 89)]["occurrences"] == 3  # per-language roll-up
    assert rows[("all", "A", "cot", 79)]["occurrences"] == 2  # per-model roll-up (python + javascript)
    assert rows[("python", "all", "raw", 89)]["cwe_name"] == "SQL Injection"
    assert tables["cwe_cooccurrence"].records() == [{"technique": "raw", "cwe_a": 89, "cwe_b": 502, "samples": 1}]


def test_parse_clean(tables: dict[str, Table]) -> None:
    rows = by_key(tables["parse_clean"], "language", "model", "technique")
    # python A nep: no findings at all, but one sample does not parse
    assert (rows[("python", "A", "nep")]["parseable"], rows[("python", "A", "nep")]["clean"]) == (3, 3)
    assert rows[("python", "A", "nep")]["share_clean"] == pytest.approx(0.75)
    assert rows[("python", "B", "cot")]["clean"] == 2


def test_tables_are_deterministic_and_written(hand_store: Store, tmp_path) -> None:
    first = compute_tables(hand_store, "hand", replicates=300)
    second = compute_tables(hand_store, "hand", replicates=300)
    assert all(first[n].to_csv() == second[n].to_csv() for n in first)
    written = write_tables(first, tmp_path / "out")
    names = {p.name for p in written}
    for required in (
        "prevalence.csv",
        "improvement_severity.csv",
        "improvement_samples.csv",
        "fix_categories.csv",
        "introduced.csv",
        "cramers_v.csv",
        "cwe_frequency.csv",
        "parse_clean.csv",
        "tables.md",
    ):
        assert required in names
    header = (tmp_path / "out" / "improvement_severity.csv").read_text().splitlines()[0]
    assert header.startswith("language,model,technique,raw,value,improvement,ci_low,ci_high,p_value")
    assert (tmp_path / "out" / "prevalence.csv").read_text().splitlines()[0] == (
        "language,model,technique,samples,with_cwe,prevalence"
    )
    # undefined values are empty CSV cells, never "nan" or "inf"
    text = (tmp_path / "out" / "improvement_severity.csv").read_text()
    assert "nan" not in text.lower() and "inf" not in text.lower()


def test_unknown_study_and_table(hand_store: Store) -> None:
    with pytest.raises(UnknownStudyError):
        compute_tables(hand_store, "nope")
    with pytest.raises(UnknownTableError):
        compute_tables(hand_store, "hand", ["nope"])


def test_empty_study_has_empty_tables(store: Store) -> None:
    from hardgen.analytics.ingest import ensure_study

    with store.transaction() as con:
        ensure_study(con, "empty")
    tables = compute_tables(store, "empty", replicates=10)
    assert all(not t.rows or t.name == "cramers_v" for t in tables.values())
    assert all(math.isnan(r[-1]) for r in tables["cramers_v"].rows)


def test_bench_runs_on_a_small_grid(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from hardgen.analytics import bench

    assert bench.main(["--samples-per-cell", "1"]) == 0
    timings = json.loads(capsys.readouterr().out.splitlines()[0])
    assert timings["samples"] == timings["imported"] == 1000
