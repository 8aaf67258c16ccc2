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
from hardgen.analytics.paper import paper_markdown
from hardgen.analytics.report import write_report
from hardgen.analytics.store import Store
from hardgen.analytics.tables import compute_tables, write_tables


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
            from hardgen.analytics.scanning import scan_function
            from hardgen.scanner.inprocess import InProcessScanner

            scan = scan_function(InProcessScanner())
        result = import_manifest(store, args.manifest, args.study, "scan" if args.scan else "labels", scan)
        for error in result.errors:
            sys.stderr.write(f"{args.manifest}:{error.line}: {error.message}\n")
        tables = compute_tables(store, args.study)
        write_tables(tables, args.out)
        write_report(store, args.study, args.out)
    paper = f"# {args.study}: the study's tables\n\n{paper_markdown(tables)}"
    (args.out / "paper_tables.md").write_text(paper, encoding="utf-8")
    sys.stdout.write(f"{result.imported} samples imported; tables, report and paper_tables.md in {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
