"""The self-contained HTML report, in the study's order: what produced the findings, the summary,
Tables 3–6 and Table 7, the figures (inline base64 PNG), then every table (long ones collapsed).

Self-contained on purpose: the report is mailed, attached to CI runs and served by the gateway,
so it may reference nothing outside itself (no scripts, fonts or images by URL).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hardgen.analytics import paper
from hardgen.analytics.figures import draw_all, png_bytes
from hardgen.analytics.pdf import print_pdf
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
h3{font-size:1rem;margin-top:1.5rem}section ul{margin:.3rem 0 1rem}
.blocks{display:flex;flex-wrap:wrap;gap:1rem}table.paper caption{font-weight:600;text-align:left}
table.paper td{white-space:nowrap}td.sig{font-weight:700;background:#eef6ee}
details{margin:.6rem 0}details summary{cursor:pointer;font-weight:600}
@media print{body{margin:0;max-width:none}section,figure,table.paper{break-inside:avoid}
details{display:block}details>*{display:block}}
"""


def table_html(table: Table, csv: str, collapsed: bool = False) -> str:
    """One table with a link to its CSV; a long one inside a closed ``<details>``."""
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
    link = f'<p class="note">{len(table.rows)} rows · <a href="{html.escape(csv)}">{table.name}.csv</a></p>'
    grid = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    title = html.escape(table.title)
    if collapsed:
        return (
            f'<details id="{table.name}"><summary>{title} ({len(table.rows)} rows)</summary>'
            f"{note}{link}{grid}</details>"
        )
    return f'<h3 id="{table.name}">{title}</h3>{note}{link}{grid}'


#: Tables too long to read inline (hundreds of rows in a real study): collapsed, with their CSV.
LONG_TABLES = frozenset({"cwe_frequency", "cwe_cooccurrence", "introduced", "fix_groups", "cramers_v_contingency"})


@dataclass(frozen=True, slots=True)
class Provenance:
    """What produced the findings the report counts: scanner engines or an imported SARIF run."""

    engines: tuple[str, ...] = ()
    rule_pack_versions: tuple[str, ...] = ()
    profiles: tuple[str, ...] = ()
    sarif_tools: tuple[str, ...] = ()
    import_modes: tuple[str, ...] = ()

    def sentences(self) -> list[str]:
        out = []
        if self.engines:
            out.append(f"Scanned by hardgen's engines: {', '.join(self.engines)}.")
        if self.rule_pack_versions:
            out.append(f"Rule pack: {', '.join(self.rule_pack_versions)}.")
        if self.profiles:
            out.append(f"Scanner profile: {', '.join(self.profiles)}.")
        if self.sarif_tools:
            out.append(f"Findings imported from SARIF: {', '.join(self.sarif_tools)}.")
        if "labels" in self.import_modes:
            out.append("Findings taken from the labels of an imported manifest (hardgen corpus import --labels).")
        if "scan" in self.import_modes:
            out.append("Findings from hardgen's local scan at import (hardgen corpus import --scan).")
        return out or ["No scan or SARIF import is recorded for this study."]


def provenance(store: Store, study: str) -> Provenance:
    """Engines, rule-pack versions and profiles of the study's scans, and its imported SARIF tools."""
    with store.lock:
        engines = store.query("SELECT DISTINCT unnest(engines) AS e FROM scans WHERE study = ? ORDER BY e", [study])
        packs = store.query(
            "SELECT DISTINCT rule_pack_version FROM scans WHERE study = ? AND rule_pack_version <> '' ORDER BY 1",
            [study],
        )
        profiles = store.query(
            "SELECT DISTINCT profile FROM scans WHERE study = ? AND profile <> '' ORDER BY 1", [study]
        )
        modes = store.query("SELECT DISTINCT mode FROM imports WHERE study = ? AND tool = '' ORDER BY 1", [study])
    return Provenance(
        tuple(r[0] for r in engines),
        tuple(r[0] for r in packs),
        tuple(r[0] for r in profiles),
        tuple(findings_sources(store, study)),
        tuple(r[0] for r in modes),
    )


def _figure_html(name: str, png: bytes) -> str:
    caption = html.escape(CAPTIONS.get(name, name))
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<figure id="fig-{name}"><img alt="{caption}" src="data:image/png;base64,{data}">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def render_report(
    study: str,
    tables: dict[str, Table],
    figures: dict[str, bytes],
    origin: Provenance | None = None,
    csv_href: Callable[[str], str] = paper.file_csv_href,
) -> str:
    """The report page in the study's order: provenance and summary, Tables 3–6, Table 7, the
    figures, then every table (long ones collapsed, each with a link to its CSV)."""
    samples = sum(r["samples"] for r in tables["prevalence"].records())
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>hardgen report: {html.escape(study)}</title><style>{STYLE}</style></head><body>",
        f"<h1>hardgen report: {html.escape(study)}</h1>",
        f"<p>{samples} analysed samples · generated {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}"
        " · every share is a percentage · metric definitions in docs/analytics.md</p>",
        '<p id="findings-source" class="note">'
        + " ".join(html.escape(s) for s in (origin or Provenance()).sentences())
        + "</p>",
        paper.summary_html(tables),
    ]
    parts += [paper.improvement_html(tables[name], csv_href) for name in paper.IMPROVEMENT_TABLES if name in tables]
    if "fix_categories" in tables:
        parts.append(paper.table7_html(tables["fix_categories"], csv_href))
    if figures:
        parts.append('<section id="figures"><h2>Figures</h2>')
        parts.extend(_figure_html(name, png) for name, png in figures.items())
        parts.append("</section>")
    parts.append('<section id="all-tables"><h2>All tables</h2>')
    parts.extend(table_html(t, csv_href(t.name), collapsed=t.name in LONG_TABLES) for t in tables.values())
    parts.append("</section></body></html>")
    return "\n".join(parts)


def served_csv_href(name: str) -> str:
    """A table's CSV relative to a report served at ``/v1/studies/<study>/report``."""
    return f"tables/{name}?format=csv"


def build_report(
    store: Store,
    study: str,
    replicates: int | None = None,
    csv_href: Callable[[str], str] = paper.file_csv_href,
) -> tuple[str, dict[str, bytes], dict[str, Table]]:
    """The report's HTML, its figures as PNG bytes and the tables it shows."""
    tables = compute_tables(store, study, replicates=replicates) if replicates else compute_tables(store, study)
    figures = {name: png_bytes(fig) for name, fig in draw_all(tables).items()}
    return render_report(study, tables, figures, provenance(store, study), csv_href), figures, tables


def findings_sources(store: Store, study: str) -> list[str]:
    """``CodeQL 2.20.1`` for each SARIF import into ``study`` (``corpus import --sarif``), oldest first."""
    with store.lock:
        rows = store.query(
            "SELECT tool, tool_version FROM imports WHERE study = ? AND tool <> '' ORDER BY imported_at", [study]
        )
    return list(dict.fromkeys(f"{tool} {version}".strip() for tool, version in rows))


def write_report(store: Store, study: str, out_dir: str | Path, pdf: bool = False) -> list[Path]:
    """``report.html``, ``figures/<name>.png`` and ``tables/<name>.csv`` (the report links them) under
    ``out_dir``, and ``report.pdf`` when asked; returns the files written."""
    folder = Path(out_dir)
    (folder / "figures").mkdir(parents=True, exist_ok=True)
    page, figures, tables = build_report(store, study)
    written = []
    for name, table in tables.items():
        path = folder / paper.file_csv_href(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(table.to_csv(), encoding="utf-8")
        written.append(path)
    for name, png in figures.items():
        path = folder / "figures" / f"{name}.png"
        path.write_bytes(png)
        written.append(path)
    report = folder / "report.html"
    report.write_text(page, encoding="utf-8")
    written.append(report)
    if pdf:
        written.append(print_pdf(report, folder / "report.pdf"))
    return written
