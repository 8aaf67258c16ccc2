"""``hardgen analyze studies|tables|report``: the study's tables and HTML report from the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from hardgen.cli.common import EXIT_FINDINGS, FormatOption, OutputFormat, emit, fail, gateway_headers, print_json
from hardgen.cli.settings import gateway_or_setting

analyze_app = typer.Typer(help="Tables and report of a study, from the analytics store (DuckDB).", no_args_is_help=True)

DbOption = typer.Option(None, "--db", help="DuckDB file (default: HARDGEN_DB)")
ServerOption = typer.Option(
    None,
    "--server",
    callback=gateway_or_setting,  # HARDGEN_GATEWAY_URL
    help="fetch from a running gateway (http://host:port; HARDGEN_API_KEY is sent) instead of the DuckDB file",
)
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
def list_studies(
    db: Path | None = DbOption, server: str | None = ServerOption, fmt: OutputFormat = FormatOption
) -> None:
    """List the studies in the store with their sample and finding counts."""
    if server:
        rows = _get(server, "/v1/studies").json()["studies"]
    else:
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
    server: str | None = ServerOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Write every table of STUDY as CSV and Markdown under OUT."""
    from hardgen.analytics.tables import UnknownStudyError, UnknownTableError, compute_tables, write_tables

    if server:
        summary = _fetch_tables(server, study, table or None, out)
    else:
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
    out: Path = typer.Option(..., "--out", "-o", help="folder for report.html, figures/*.png and tables/*.csv"),
    pdf: bool = typer.Option(False, "--pdf", help="also print report.pdf with headless Chromium"),
    db: Path | None = DbOption,
    server: str | None = ServerOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Write a self-contained HTML report under OUT: summary, the study's Tables 3–7, figures (also
    saved as PNG) and every table (CSV beside it); ``--pdf`` prints the same page to report.pdf."""
    from hardgen.analytics.pdf import PdfError, print_pdf

    try:
        if server:
            written = _fetch_report(server, study, out)
            if pdf:
                written.append(print_pdf(Path(out) / "report.html", Path(out) / "report.pdf"))
        else:
            from hardgen.analytics.report import write_report
            from hardgen.analytics.tables import UnknownStudyError

            with _open(db) as store:
                try:
                    written = write_report(store, study, out, pdf=pdf)
                except UnknownStudyError as exc:
                    fail(str(exc.args[0]))
    except PdfError as exc:
        fail(str(exc), EXIT_FINDINGS)
    files = [str(p) for p in written]
    if fmt is OutputFormat.json:
        print_json({"study": study, "report": str(Path(out) / "report.html"), "files": files})
    else:
        emit(files, fmt, ["file"], lambda: [[f] for f in files], title=f"report of {study}")


@analyze_app.command("compare")
def compare(
    study: list[str] = typer.Option(..., "--study", "-s", help="study A, then study B (give --study twice)"),
    out: Path = typer.Option(..., "--out", "-o", help="folder for compare_*.csv, compare_summary.json, compare.png"),
    db: Path | None = DbOption,
    db_b: Path | None = typer.Option(None, "--db-b", help="DuckDB file of study B (default: the same as --db)"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Compare two studies per cell: both values and b − a for prevalence and both improvements, the
    share of improvement cells with the same sign, and the techniques' rank agreement."""
    from hardgen.analytics.compare import compare_tables, write_comparison
    from hardgen.analytics.tables import UnknownStudyError, compute_tables

    if len(study) != 2:
        fail(f"compare takes exactly two studies (--study A --study B), got {len(study)}")
    names = ["prevalence", "improvement_severity", "improvement_samples"]
    computed = []
    for name, path in ((study[0], db), (study[1], db_b or db)):
        with _open(path) as store:
            try:
                computed.append(compute_tables(store, name, names))
            except UnknownStudyError as exc:
                fail(str(exc.args[0]))
    comparison = compare_tables(study[0], computed[0], study[1], computed[1])
    written = write_comparison(comparison, out)
    summary = comparison.summary() | {"files": [str(p) for p in written]}

    def rows() -> list[list[Any]]:
        def num(value: float | None, unit: str = "") -> str:
            return "n/a" if value is None else f"{value:.2f}{unit}"

        return [
            [name, m["cells"], num(m["mean_abs_difference"], " pp"), num(m["same_sign_share"], " %"),
             num(m["kendall_tau"]), {True: "yes", False: "no", None: "n/a"}[m["same_ranking"]]]
            for name, m in summary["measures"].items()
        ]  # fmt: skip

    emit(
        summary,
        fmt,
        ["measure", "cells", "mean |b − a|", "same sign", "Kendall τ", "same ranking"],
        rows,
        title=f"{study[0]} vs {study[1]} ({len(comparison.only)} cells in only one study)",
    )


def _get(server: str, path: str, params: dict[str, str] | None = None) -> Any:
    """GET from the gateway; 404 is the user's mistake (exit 2), anything else a failure (exit 1)."""
    import httpx

    url = server.rstrip("/") + path
    try:
        response = httpx.get(url, params=params, headers=gateway_headers(), timeout=300)
    except httpx.HTTPError as exc:
        fail(f"gateway at {server} is unreachable: {exc}", EXIT_FINDINGS)
    if response.status_code == 404:
        fail(_error_message(response))
    if response.status_code != 200:
        fail(f"gateway answered {response.status_code} for {url}: {_error_message(response)}", EXIT_FINDINGS)
    return response


def _error_message(response: Any) -> str:
    """The message of the gateway's error body ``{"error": {"message": ...}}``, else the text."""
    try:
        return str(response.json()["error"]["message"])
    except (ValueError, KeyError, TypeError):
        return str(response.text)[:200]


def _fetch_tables(server: str, study: str, names: list[str] | None, out: Path) -> list[dict[str, Any]]:
    """The tables as the gateway answers them, written like the local command writes them."""
    import csv
    import io
    from urllib.parse import quote

    from hardgen.analytics.tables import TABLE_NAMES

    out.mkdir(parents=True, exist_ok=True)
    summary, markdown = [], []
    for name in names or list(TABLE_NAMES):
        base = f"/v1/studies/{quote(study, safe='')}/tables/{quote(name, safe='')}"
        text = _get(server, base, {"format": "csv"}).text
        md = _get(server, base, {"format": "markdown"}).text
        (out / f"{name}.csv").write_text(text, encoding="utf-8")
        (out / f"{name}.md").write_text(md, encoding="utf-8")
        markdown.append(md)
        rows = max(len(list(csv.reader(io.StringIO(text)))) - 1, 0)
        summary.append({"table": name, "rows": rows, "csv": str(out / f"{name}.csv")})
    (out / "tables.md").write_text("\n".join(markdown), encoding="utf-8")
    return summary


def _fetch_report(server: str, study: str, out: Path) -> list[Path]:
    """The gateway's report, with its embedded figures also saved as PNG files."""
    import base64
    import re
    from urllib.parse import quote

    page = _get(server, f"/v1/studies/{quote(study, safe='')}/report").text
    (out / "figures").mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in re.findall(r'<figure id="fig-([a-z_]+)"><img [^>]*src="data:image/png;base64,([^"]+)"', page):
        path = out / "figures" / f"{name}.png"
        path.write_bytes(base64.b64decode(data))
        written.append(path)
    report = out / "report.html"
    report.write_text(page, encoding="utf-8")
    return [*written, report]
