"""Reproduce the study's tables from a corpus manifest.

    .venv/bin/python analysis/reproduce.py MANIFEST.jsonl --study NAME --out DIR [--db FILE] [--scan]

Imports the manifest (labels by default) into a DuckDB file, writes every analytics table (CSV and
Markdown), the HTML report, and ``paper_tables.md``: the improvement tables in the paper's layout (one
block per technique, models as rows, languages as columns, the average per model as the last column
and the average per language as the last row) and Table 7 (fix categories per model and technique).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from hardgen.analytics.corpus import import_manifest
from hardgen.analytics.report import write_report
from hardgen.analytics.sql import ALL
from hardgen.analytics.store import Store
from hardgen.analytics.table import Table
from hardgen.analytics.tables import compute_tables, write_tables


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def paper_layout(table: Table, label: str) -> str:
    """One Markdown block per technique: model × language improvements with the averages."""
    records = table.records()
    out = [f"## {label}", ""]
    for technique in sorted({r["technique"] for r in records}):
        rows = {(r["language"], r["model"]): r["improvement"] for r in records if r["technique"] == technique}
        languages = sorted({lang for lang, _ in rows if lang != ALL})
        models = sorted({model for _, model in rows if model != ALL})
        out += [
            f"### {technique}",
            "",
            "| model | " + " | ".join(languages) + " | average |",
            "|---" * (len(languages) + 2) + "|",
        ]
        for model in models:
            cells = [fmt(rows.get((lang, model))) for lang in languages]
            out.append(f"| {model} | " + " | ".join(cells) + f" | {fmt(rows.get((ALL, model)))} |")
        averages = [fmt(rows.get((lang, ALL))) for lang in languages]
        out += ["| average | " + " | ".join(averages) + f" | {fmt(rows.get((ALL, ALL)))} |", ""]
    return "\n".join(out)


def table7(table: Table) -> str:
    columns = [c for c in table.columns if c not in {"model", "technique", "groups"}]
    out = [
        "## Table 7: fix categories (% of scenario groups)",
        "",
        "| model | technique | " + " | ".join(c.replace("_", " ") for c in columns) + " |",
        "|---" * (len(columns) + 2) + "|",
    ]
    for r in table.records():
        out.append(f"| {r['model']} | {r['technique']} | " + " | ".join(f"{100 * r[c]:.0f}" for c in columns) + " |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--study", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--db", type=Path, default=None, help="DuckDB file (default: a temporary one)")
    parser.add_argument("--scan", action="store_true", help="scan the files instead of taking recorded findings")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, Store(args.db or Path(tmp) / "study.duckdb") as store:
        scan = None
        if args.scan:
            from hardgen.analytics.scanning import local_scan_function

            scan = local_scan_function()
        result = import_manifest(store, args.manifest, args.study, "scan" if args.scan else "labels", scan)
        for error in result.errors:
            sys.stderr.write(f"{args.manifest}:{error.line}: {error.message}\n")
        tables = compute_tables(store, args.study)
        write_tables(tables, args.out)
        write_report(store, args.study, args.out)
    paper = [
        f"# {args.study}: the study's tables",
        "",
        paper_layout(tables["improvement_severity"], "Tables 3–4: severity improvement over raw (%)"),
        paper_layout(tables["improvement_samples"], "Tables 5–6: improvement in samples with weaknesses (%)"),
        table7(tables["fix_categories"]),
    ]
    (args.out / "paper_tables.md").write_text("\n".join(paper), encoding="utf-8")
    sys.stdout.write(f"{result.imported} samples imported; tables, report and paper_tables.md in {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
