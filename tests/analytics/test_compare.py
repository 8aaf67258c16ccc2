"""``hardgen analyze compare`` on two small studies whose differences are known by construction.

Study ``a`` is the hand-built study (conftest.HAND). Study ``b`` differs in three ways:
python A nep gains one weakness (s1 k0: CWE-89), python B cot loses all of its weaknesses (so its
samples improvement turns from −100 % into +100 %), and b adds an ``mp`` technique for python A
that ``a`` never ran.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hardgen.analytics.corpus import import_manifest
from hardgen.analytics.store import Store
from hardgen.cli.main import app
from tests.analytics.conftest import HAND, manifest_lines

B = dict(HAND) | {
    ("python", "A", 1, "nep"): {0: [(89, 1)], 1: []},
    ("python", "B", 1, "cot"): {0: [], 1: []},
    ("python", "B", 2, "cot"): {0: [], 1: []},
    ("python", "A", 1, "mp"): {0: [], 1: []},
    ("python", "A", 2, "mp"): {0: [], 1: []},
}


@pytest.fixture
def two_studies(tmp_path: Path) -> Path:
    db = tmp_path / "analytics.duckdb"
    with Store(db) as store:
        for study, cells in (("a", HAND), ("b", B)):
            root = tmp_path / study
            root.mkdir()
            manifest = root / "manifest.jsonl"
            manifest.write_text("\n".join(manifest_lines(root, cells)) + "\n")
            assert not import_manifest(store, manifest, study).errors
    return db


def run_compare(db: Path, out: Path, *studies: str) -> tuple[int, str, str]:
    args = ["analyze", "compare", "--db", str(db), "--out", str(out), "--format", "json"]
    for study in studies:
        args += ["--study", study]
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def test_compare_reports_the_known_differences(two_studies: Path, tmp_path: Path) -> None:
    out = tmp_path / "cmp"
    code, stdout, stderr = run_compare(two_studies, out, "a", "b")
    assert code == 0, stderr
    summary = json.loads(stdout)
    samples = summary["measures"]["improvement_samples"]
    # shared, defined improvement cells: python A nep (+,+), python A cot (0,0), python B nep (0,0),
    # python B cot (−100 → +100): 3 of 4 keep their sign
    assert samples["same_sign_share"] == pytest.approx(75.0)
    assert summary["only_in_one"] > 0

    cells = {
        (r["measure"], r["language"], r["model"], r["technique"]): r for r in csv_records(out / "compare_cells.csv")
    }
    flipped = cells[("improvement_samples", "python", "B", "cot")]
    assert (float(flipped["a"]), float(flipped["b"]), flipped["same_sign"]) == (-100.0, 100.0, "False")
    assert float(flipped["difference"]) == pytest.approx(200.0)
    gained = cells[("prevalence", "python", "A", "nep")]
    assert (float(gained["a"]), float(gained["b"]), float(gained["difference"])) == (0.0, 25.0, 25.0)
    unchanged = cells[("prevalence", "javascript", "A", "cot")]
    assert float(unchanged["difference"]) == 0.0

    only = csv_records(out / "compare_only.csv")
    assert {(r["measure"], r["technique"], r["present_in"]) for r in only} >= {
        ("prevalence", "mp", "b"),
        ("improvement_samples", "mp", "b"),
        ("improvement_severity", "mp", "b"),
    }
    assert {r["present_in"] for r in only} == {"b"}  # a has no cell that b lacks
    assert (out / "compare.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads((out / "compare_summary.json").read_text())["study_b"] == "b"


def test_a_study_compared_with_itself_agrees_fully(two_studies: Path, tmp_path: Path) -> None:
    code, stdout, _ = run_compare(two_studies, tmp_path / "self", "a", "a")
    assert code == 0
    summary = json.loads(stdout)
    for name, measure in summary["measures"].items():
        assert measure["mean_abs_difference"] == 0.0, name
        if name != "prevalence":
            assert measure["same_sign_share"] == 100.0 and measure["same_ranking"] is True
    assert summary["only_in_one"] == 0


@pytest.mark.parametrize(
    ("studies", "message"),
    [(("a",), "exactly two studies"), (("a", "nope"), "unknown study 'nope'")],
)
def test_compare_usage_errors_are_one_line(
    two_studies: Path, tmp_path: Path, studies: tuple[str, ...], message: str
) -> None:
    code, stdout, stderr = run_compare(two_studies, tmp_path / "bad", *studies)
    assert code == 2 and stdout == ""
    assert message in stderr and len(stderr.strip().splitlines()) == 1


def csv_records(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))
