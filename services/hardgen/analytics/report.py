"""The self-contained HTML report: every figure inline as base64 PNG, then every table.

Self-contained on purpose: the report is mailed, attached to CI runs and served by the gateway,
so it may reference nothing outside itself (no scripts, fonts or images by URL).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from hardgen.analytics.figures import draw_all, png_bytes
from hardgen.analytics.store import Store
from hardgen.analytics.table import Table
from hardgen.analytics.tables import compute_tables

CAPTIONS = {
    "vulnerable_share": "Share of vulnerable samples per model and language (RQ1).",
    "improvement_severity": "Severity improvement over raw per cell (RQ2).",
    "improvement_samples": "Improvement in the share of samples with weaknesses (RQ2).",
    "introduced_network": "Original → introduced CWEs per model (RQ3).",
    "cramers_v": "Association between original and introduced CWEs (RQ3).",
}
STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
figure{margin:1.5rem 0}figure img{max-width:100%;border:1px solid #eee}
figcaption{color:#555;font-size:.9rem}
table{border-collapse:collapse;font-size:.8rem;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:right}th{background:#f4f4f4}
td:first-child,th:first-child{text-align:left}.note{color:#555;font-size:.85rem}
"""


def table_html(table: Table) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    body = []
    for record in table.records():
        cells = []
        for value in record.values():
            if value is None:
                text = "n/a"
            elif isinstance(value, float):
                text = f"{value:.3g}" if abs(value) < 1e-3 and value != 0 else f"{value:.2f}"
            elif isinstance(value, list):
                text = ", ".join(str(v) for v in value)
            else:
                text = str(value)
            cells.append(f"<td>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    note = f'<p class="note">{html.escape(table.note)}</p>' if table.note else ""
    return (
        f'<h2 id="{table.name}">{html.escape(table.title)}</h2>{note}'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def render_report(
    study: str, tables: dict[str, Table], figures: dict[str, bytes], findings_sources: Sequence[str] = ()
) -> str:
    """The report page; ``findings_sources`` names imported tools (e.g. CodeQL) whose findings it counts."""
    samples = sum(r["samples"] for r in tables["prevalence"].records())
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>hardgen report: {html.escape(study)}</title><style>{STYLE}</style></head><body>",
        f"<h1>hardgen report: {html.escape(study)}</h1>",
        f"<p>{samples} analysed samples · generated {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}"
        " · metric definitions in docs/analytics.md</p>",
    ]
    if findings_sources:
        named = ", ".join(html.escape(s) for s in findings_sources)
        parts.append(f'<p id="findings-source">Findings imported from SARIF: {named}</p>')
    for name, png in figures.items():
        data = base64.b64encode(png).decode("ascii")
        parts.append(
            f'<figure id="fig-{name}"><img alt="{html.escape(CAPTIONS.get(name, name))}" '
            f'src="data:image/png;base64,{data}"><figcaption>{html.escape(CAPTIONS.get(name, name))}'
            "</figcaption></figure>"
        )
    parts.extend(table_html(t) for t in tables.values())
    parts.append("</body></html>")
    return "\n".join(parts)


def build_report(store: Store, study: str, replicates: int | None = None) -> tuple[str, dict[str, bytes]]:
    """The report's HTML and its figures as PNG bytes."""
    tables = compute_tables(store, study, replicates=replicates) if replicates else compute_tables(store, study)
    figures = {name: png_bytes(fig) for name, fig in draw_all(tables).items()}
    return render_report(study, tables, figures, findings_sources(store, study)), figures


def findings_sources(store: Store, study: str) -> list[str]:
    """``CodeQL 2.20.1`` for each SARIF import into ``study`` (``corpus import --sarif``), oldest first."""
    with store.lock:
        rows = store.query(
            "SELECT tool, tool_version FROM imports WHERE study = ? AND tool <> '' ORDER BY imported_at", [study]
        )
    return list(dict.fromkeys(f"{tool} {version}".strip() for tool, version in rows))


def write_report(store: Store, study: str, out_dir: str | Path) -> list[Path]:
    """``report.html`` plus ``figures/<name>.png`` under ``out_dir``; returns the files written."""
    folder = Path(out_dir)
    (folder / "figures").mkdir(parents=True, exist_ok=True)
    page, figures = build_report(store, study)
    written = []
    for name, png in figures.items():
        path = folder / "figures" / f"{name}.png"
        path.write_bytes(png)
        written.append(path)
    report = folder / "report.html"
    report.write_text(page, encoding="utf-8")
    written.append(report)
    return written
