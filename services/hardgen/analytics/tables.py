"""Every table of a study, by name: computed from the store, written as CSV and Markdown.

``compute_tables`` computes the shared intermediates (cells, group outcomes) once, so writing all
tables costs little more than the slowest one.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from hardgen.analytics import rq1, rq2, rq3, stats
from hardgen.analytics.store import Store
from hardgen.analytics.table import Table

TABLE_NAMES = (
    "prevalence",
    "cwe_frequency",
    "cwe_cooccurrence",
    "improvement_severity",
    "improvement_samples",
    "cwe_reduction",
    "fix_categories",
    "fix_groups",
    "introduced",
    "cramers_v",
    "cramers_v_contingency",
    "parse_clean",
)
_RQ2 = {"improvement_severity", "improvement_samples"}
_RQ3 = {"fix_categories", "fix_groups", "introduced", "cramers_v", "cramers_v_contingency"}


class UnknownStudyError(LookupError):
    pass


class UnknownTableError(LookupError):
    pass


def studies(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT name FROM studies ORDER BY name")]


def require_study(store: Store, study: str) -> None:
    if not store.query("SELECT 1 FROM studies WHERE name = ?", [study]):
        known = ", ".join(studies(store)) or "none"
        raise UnknownStudyError(f"unknown study {study!r} (known: {known})")


def compute_tables(
    store: Store,
    study: str,
    names: Iterable[str] | None = None,
    replicates: int = stats.BOOTSTRAP_REPLICATES,
) -> dict[str, Table]:
    """The named tables (default: all) of ``study``, in :data:`TABLE_NAMES` order."""
    wanted = list(names) if names is not None else list(TABLE_NAMES)
    for name in wanted:
        if name not in TABLE_NAMES:
            raise UnknownTableError(f"unknown table {name!r} (choose from {', '.join(TABLE_NAMES)})")
    require_study(store, study)
    out: dict[str, Table] = {}
    with store.lock:
        con = store.con
        simple = {
            "prevalence": rq1.prevalence,
            "cwe_frequency": rq1.cwe_frequency,
            "cwe_cooccurrence": rq1.cwe_cooccurrence,
            "parse_clean": rq1.parse_clean,
            "cwe_reduction": rq2.cwe_reduction,
        }
        for name, function in simple.items():
            if name in wanted:
                out[name] = function(con, study)
        if _RQ2 & set(wanted):
            comps = rq2.comparisons(rq2.load_cells(con, study))
            for kind in ("severity", "samples"):
                if f"improvement_{kind}" in wanted:
                    out[f"improvement_{kind}"] = rq2.improvement_table(comps, kind, replicates)
        if _RQ3 & set(wanted):
            outcomes = rq3.load_outcomes(con, study)
            out["fix_categories"] = rq3.fix_categories(outcomes)
            out["fix_groups"] = rq3.fix_groups(outcomes)
            out["introduced"] = rq3.introduced(outcomes)
            out["cramers_v"], out["cramers_v_contingency"] = rq3.cramers_v_tables(outcomes)
    return {name: out[name] for name in TABLE_NAMES if name in wanted}


def write_tables(tables: dict[str, Table], out_dir: str | Path) -> list[Path]:
    """``<name>.csv`` per table plus one ``tables.md`` with every table; returns the files written."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        path = folder / f"{name}.csv"
        path.write_text(table.to_csv(), encoding="utf-8")
        written.append(path)
        md = folder / f"{name}.md"
        md.write_text(table.to_markdown(), encoding="utf-8")
        written.append(md)
    summary = folder / "tables.md"
    summary.write_text("\n".join(t.to_markdown() for t in tables.values()), encoding="utf-8")
    written.append(summary)
    return written
