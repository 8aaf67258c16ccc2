"""Compare two studies cell by cell: does study B tell the same story as study A?

Typical uses: hardgen's engines against an imported CodeQL SARIF of the same corpus (is hardgen a
stand-in for CodeQL?), or a study against its re-run (is the result stable?). Per cell
(language, model, technique) both values and ``b − a`` for prevalence and both improvement
measures; then the share of improvement cells whose sign agrees, the rank agreement of the
techniques (Kendall's τ over the techniques' mean improvements), and a figure. Cells present in
only one study are listed, never silently dropped.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hardgen.analytics.paper import technique_order
from hardgen.analytics.sql import ALL
from hardgen.analytics.table import Table

#: measure name → (table, value column)
MEASURES = {
    "prevalence": ("prevalence", "prevalence"),
    "improvement_severity": ("improvement_severity", "improvement"),
    "improvement_samples": ("improvement_samples", "improvement"),
}
IMPROVEMENTS = ("improvement_severity", "improvement_samples")

Key = tuple[str, str, str]  # (language, model, technique)


@dataclass(frozen=True, slots=True)
class CellDiff:
    measure: str
    language: str
    model: str
    technique: str
    a: float | None
    b: float | None

    @property
    def difference(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a

    @property
    def same_sign(self) -> bool | None:
        if self.a is None or self.b is None:
            return None
        return (self.a > 0) == (self.b > 0) and (self.a < 0) == (self.b < 0)


@dataclass(frozen=True, slots=True)
class OnlyIn:
    measure: str
    language: str
    model: str
    technique: str
    study: str


@dataclass(slots=True)
class MeasureSummary:
    cells: int
    mean_abs_difference: float | None
    same_sign_share: float | None = None
    ranking_a: list[str] = field(default_factory=list)
    ranking_b: list[str] = field(default_factory=list)
    kendall_tau: float | None = None
    same_ranking: bool | None = None


@dataclass(slots=True)
class StudyComparison:
    study_a: str
    study_b: str
    cells: list[CellDiff]
    only: list[OnlyIn]
    measures: dict[str, MeasureSummary]

    def summary(self) -> dict[str, Any]:
        return {
            "study_a": self.study_a,
            "study_b": self.study_b,
            "measures": {name: asdict(m) for name, m in self.measures.items()},
            "only_in_one": len(self.only),
        }


def _values(table: Table, column: str) -> dict[Key, float | None]:
    return {
        (r["language"], r["model"], r["technique"]): r[column]
        for r in table.records()
        if r["language"] != ALL and r["model"] != ALL
    }


def _overall(table: Table) -> dict[str, float]:
    """Each technique's mean improvement over every cell (the ``all``/``all`` row)."""
    return {
        r["technique"]: r["improvement"]
        for r in table.records()
        if r["language"] == ALL and r["model"] == ALL and r["improvement"] is not None
    }


def _ranking(overall: dict[str, float]) -> list[str]:
    return sorted(technique_order(overall), key=lambda t: -overall[t])


def _kendall(a: dict[str, float], b: dict[str, float]) -> float | None:
    shared = sorted(set(a) & set(b))
    if len(shared) < 2:
        return None
    from scipy.stats import kendalltau

    tau = kendalltau([a[t] for t in shared], [b[t] for t in shared]).statistic
    return None if tau is None or not math.isfinite(float(tau)) else float(tau)


def compare_tables(
    study_a: str, tables_a: dict[str, Table], study_b: str, tables_b: dict[str, Table]
) -> StudyComparison:
    """Compare two studies' computed tables (:func:`hardgen.analytics.tables.compute_tables`)."""
    cells: list[CellDiff] = []
    only: list[OnlyIn] = []
    measures: dict[str, MeasureSummary] = {}
    for measure, (table, column) in MEASURES.items():
        values_a, values_b = _values(tables_a[table], column), _values(tables_b[table], column)
        for key in sorted(set(values_a) | set(values_b)):
            if key not in values_b:
                only.append(OnlyIn(measure, *key, study=study_a))
            elif key not in values_a:
                only.append(OnlyIn(measure, *key, study=study_b))
            else:
                cells.append(CellDiff(measure, *key, values_a[key], values_b[key]))
        mine = [c for c in cells if c.measure == measure]
        diffs = [abs(d) for c in mine if (d := c.difference) is not None]
        summary = MeasureSummary(cells=len(mine), mean_abs_difference=sum(diffs) / len(diffs) if diffs else None)
        if measure in IMPROVEMENTS:
            signs = [s for c in mine if (s := c.same_sign) is not None]
            summary.same_sign_share = 100.0 * sum(signs) / len(signs) if signs else None
            overall_a, overall_b = _overall(tables_a[table]), _overall(tables_b[table])
            summary.ranking_a, summary.ranking_b = _ranking(overall_a), _ranking(overall_b)
            summary.kendall_tau = _kendall(overall_a, overall_b)
            shared = set(overall_a) & set(overall_b)
            summary.same_ranking = [t for t in summary.ranking_a if t in shared] == [
                t for t in summary.ranking_b if t in shared
            ]
        measures[measure] = summary
    return StudyComparison(study_a, study_b, cells, only, measures)


def cells_table(comparison: StudyComparison) -> Table:
    return Table(
        "compare_cells",
        f"{comparison.study_a} vs {comparison.study_b}, per cell",
        ["measure", "language", "model", "technique", "a", "b", "difference", "same_sign"],
        [(c.measure, c.language, c.model, c.technique, c.a, c.b, c.difference, c.same_sign) for c in comparison.cells],
        note="a and b in % (prevalence and improvements); difference = b − a in percentage points; "
        "same_sign only for improvements.",
    )


def only_table(comparison: StudyComparison) -> Table:
    return Table(
        "compare_only",
        "Cells present in only one study",
        ["measure", "language", "model", "technique", "present_in"],
        [(o.measure, o.language, o.model, o.technique, o.study) for o in comparison.only],
    )


def draw(comparison: StudyComparison) -> Any:
    """One scatter per measure: b against a with the diagonal, so disagreement stands out."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(MEASURES), figsize=(13, 4.4), dpi=100)
    for ax, measure in zip(axes, MEASURES, strict=True):
        points = [(c.a, c.b) for c in comparison.cells if c.measure == measure and c.a is not None and c.b is not None]
        if points:
            xs, ys = zip(*points, strict=True)
            ax.scatter(xs, ys, s=18, alpha=0.7)
            low, high = min(*xs, *ys), max(*xs, *ys)
            ax.plot([low, high], [low, high], color="#999", linewidth=1, linestyle="--")
        else:
            ax.text(0.5, 0.5, "no shared cells", ha="center", va="center", transform=ax.transAxes)
        summary = comparison.measures[measure]
        extra = f", same sign {summary.same_sign_share:.0f} %" if summary.same_sign_share is not None else ""
        ax.set_title(f"{measure} (%)\n{summary.cells} cells{extra}", fontsize=9)
        ax.set_xlabel(comparison.study_a)
        ax.set_ylabel(comparison.study_b)
    fig.tight_layout()
    return fig


def write_comparison(comparison: StudyComparison, out_dir: str | Path) -> list[Path]:
    """``compare_cells.csv``, ``compare_only.csv``, ``compare_summary.json`` and ``compare.png``."""
    from hardgen.analytics.figures import png_bytes

    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in (cells_table(comparison), only_table(comparison)):
        path = folder / f"{table.name}.csv"
        path.write_text(table.to_csv(), encoding="utf-8")
        written.append(path)
    summary = folder / "compare_summary.json"
    summary.write_text(json.dumps(comparison.summary(), indent=2) + "\n", encoding="utf-8")
    figure = folder / "compare.png"
    figure.write_bytes(png_bytes(draw(comparison)))
    return [*written, summary, figure]
