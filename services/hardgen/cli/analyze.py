"""``hardgen analyze studies|tables|report``: the study's tables and HTML report from the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from hardgen.cli.common import EXIT_FINDINGS, FormatOption, OutputFormat, emit, fail, print_json

analyze_app = typer.Typer(help="Tables and report of a study, from the analytics store (DuckDB).", no_args_is_help=True)

DbOption = typer.Option(None, "--db", help="DuckDB file (default: HARDGEN_DB)")
StudyOption = typer.Option(..., "--study", "-s", help="study name")


def register(app: typer.Typer) -> None:
    app.add_typer(analyze_app, name="analyze")


def _open(db: Path | None) -> Any:
    from hardgen.analytics.store import Store
    from hardgen.core.settings import db_path

    path = db or db_path()
    if not Path(path).exists():
        fail(f"no analytics store at {path} (import a corpus or run the analytics service first)")
    try:
        return Store(path, read_only=True)
    except Exception as exc:  # noqa: BLE001 - duckdb raises its own IOException types
        fail(f"cannot open the analytics store {path}: {exc}", EXIT_FINDINGS)


@analyze_app.command("studies")
def list_studies(db: Path | None = DbOption, fmt: OutputFormat = FormatOption) -> None:
    """List the studies in the store with their sample and finding counts."""
    from hardgen.analytics.service import study_summaries

    with _open(db) as store:
        rows = study_summaries(store)
    emit(
        rows,
        fmt,
        ["study", "samples", "findings", "created"],
        lambda: [[r["name"], r["samples"], r["findings"], r["created_at"]] for r in rows],
    )


@analyze_app.command("tables")
def tables(
    study: str = StudyOption,
    out: Path = typer.Option(..., "--out", "-o", help="folder for the CSV and Markdown files"),
    table: list[str] | None = typer.Option(None, "--table", "-t", help="only these tables (repeatable)"),
    db: Path | None = DbOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Write every table of STUDY as CSV and Markdown under OUT."""
    from hardgen.analytics.tables import UnknownStudyError, UnknownTableError, compute_tables, write_tables

    with _open(db) as store:
        try:
            computed = compute_tables(store, study, table or None)
        except (UnknownStudyError, UnknownTableError) as exc:
            fail(str(exc.args[0]))
    write_tables(computed, out)
    summary = [
        {"table": name, "rows": len(t.rows), "csv": str(Path(out) / f"{name}.csv")} for name, t in computed.items()
    ]
    emit(
        {"study": study, "out": str(out), "tables": summary},
        fmt,
        ["table", "rows", "csv"],
        lambda: [[s["table"], s["rows"], s["csv"]] for s in summary],
        title=f"tables of {study}",
    )


@analyze_app.command("report")
def report(
    study: str = StudyOption,
    out: Path = typer.Option(..., "--out", "-o", help="folder for report.html and figures/*.png"),
    db: Path | None = DbOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Write a self-contained HTML report (figures embedded, also saved as PNG) under OUT."""
    from hardgen.analytics.report import write_report
    from hardgen.analytics.tables import UnknownStudyError

    with _open(db) as store:
        try:
            written = write_report(store, study, out)
        except UnknownStudyError as exc:
            fail(str(exc.args[0]))
    files = [str(p) for p in written]
    if fmt is OutputFormat.json:
        print_json({"study": study, "report": str(Path(out) / "report.html"), "files": files})
    else:
        emit(files, fmt, ["file"], lambda: [[f] for f in files], title=f"report of {study}")
