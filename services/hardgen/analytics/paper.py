"""The study's own layout: the headline summary, Tables 3–6 and Table 7, built from the tables.

The computed tables (``improvement_severity`` …) are long: one row per (language, model, technique).
A reader of the study expects one block per technique with models as rows, languages as columns
and the averages in the last row and column, each cell with its 95 % interval and a mark where the
exact test is significant. This module turns the long tables into that layout once, for the HTML
report, the PDF and ``analysis/reproduce.py``'s Markdown, so every rendering shows the same
numbers as the CSVs.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from hardgen.analytics.sql import ALL, RAW
from hardgen.analytics.table import Table

#: Significance level of the per-cell exact tests (McNemar/Fisher, Wilcoxon/Mann–Whitney).
ALPHA = 0.05
#: The study's order of techniques; others (sast-repair, chains) follow alphabetically.
STUDY_ORDER = ("nep", "cot", "mp", "ft")
AVERAGE = "average"

IMPROVEMENT_TABLES = {
    "improvement_severity": "Tables 3–4: severity-weighted improvement over raw (%)",
    "improvement_samples": "Tables 5–6: improvement in the share of samples with weaknesses (%)",
}
FIX_CATEGORY_LABELS = {
    "fully_removed": "fully removed",
    "partial_fix": "partial fix",
    "did_not_remove": "did not remove",
    "fully_removed_and_introduced": "fully removed, introduced new",
    "not_fully_removed_and_introduced": "not fully removed, introduced new",
    "none_before_or_after": "none before or after",
}


@dataclass(frozen=True, slots=True)
class PaperCell:
    """One improvement with its bootstrap interval and exact-test p-value (None where undefined)."""

    value: float | None
    low: float | None = None
    high: float | None = None
    p_value: float | None = None

    @property
    def significant(self) -> bool:
        return self.p_value is not None and self.p_value < ALPHA

    def text(self) -> str:
        """``12.3 [4.1, 20.5]*``; ``n/a`` where the improvement is undefined."""
        if self.value is None:
            return "n/a"
        interval = f" [{self.low:.1f}, {self.high:.1f}]" if self.low is not None and self.high is not None else ""
        return f"{self.value:.1f}{interval}{'*' if self.significant else ''}"


@dataclass(slots=True)
class PaperBlock:
    """One technique of Tables 3–6: ``cells[(model, language)]``, ``ALL`` marking the averages."""

    technique: str
    models: list[str]
    languages: list[str]
    cells: dict[tuple[str, str], PaperCell] = field(default_factory=dict)

    def cell(self, model: str, language: str) -> PaperCell:
        return self.cells.get((model, language), PaperCell(None))


def technique_order(techniques: Iterable[str]) -> list[str]:
    """The study's techniques first, in its order, then the rest alphabetically; raw never."""
    found = {t for t in techniques if t != RAW}
    first = [t for t in STUDY_ORDER if t in found]
    return first + sorted(found - set(first))


def improvement_blocks(table: Table) -> list[PaperBlock]:
    """The long improvement table as one block per technique (models × languages + averages)."""
    records = table.records()
    blocks = []
    for technique in technique_order(r["technique"] for r in records):
        rows = [r for r in records if r["technique"] == technique]
        block = PaperBlock(
            technique,
            models=sorted({r["model"] for r in rows if r["model"] != ALL}),
            languages=sorted({r["language"] for r in rows if r["language"] != ALL}),
        )
        for r in rows:
            block.cells[(r["model"], r["language"])] = PaperCell(
                r["improvement"], r["ci_low"], r["ci_high"], r["p_value"]
            )
        blocks.append(block)
    return blocks


# ---------------------------------------------------------------------------------------------- summary
def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} %"


def summary(tables: dict[str, Table]) -> dict[str, list[str]]:
    """The study's headline numbers per research question, as sentences (plain text)."""
    out: dict[str, list[str]] = {"RQ1": [], "RQ2": [], "RQ3": []}
    raw = [r for r in tables["prevalence"].records() if r["technique"] == RAW]
    if raw:
        samples, weak = sum(r["samples"] for r in raw), sum(r["with_cwe"] for r in raw)
        out["RQ1"].append(f"{_pct(100.0 * weak / samples)} of {samples} raw samples have at least one weakness.")
        for axis in ("model", "language"):
            pooled: dict[str, list[int]] = {}
            for r in raw:
                acc = pooled.setdefault(r[axis], [0, 0])
                acc[0] += r["with_cwe"]
                acc[1] += r["samples"]
            shares = {k: 100.0 * w / n for k, (w, n) in pooled.items() if n}
            if len(shares) > 1:
                worst, best = max(shares, key=shares.__getitem__), min(shares, key=shares.__getitem__)
                out["RQ1"].append(
                    f"By {axis}: highest {worst} ({_pct(shares[worst])}), lowest {best} ({_pct(shares[best])})."
                )
    for name, label in (("improvement_severity", "severity"), ("improvement_samples", "samples with weaknesses")):
        table = tables.get(name)
        if table is None:
            continue
        records = table.records()
        overall = {
            r["technique"]: PaperCell(r["improvement"], r["ci_low"], r["ci_high"])
            for r in records
            if r["language"] == ALL and r["model"] == ALL
        }
        defined = {t: c for t, c in overall.items() if c.value is not None}
        if defined:
            ranked = sorted(defined, key=lambda t: defined[t].value or 0.0, reverse=True)
            listing = ", ".join(f"{t} {defined[t].text()}" for t in ranked)
            out["RQ2"].append(f"Mean improvement by {label} (95 % CI): {listing}; best: {ranked[0]}.")
        cells = [r for r in records if r["language"] != ALL and r["model"] != ALL]
        tested = [r for r in cells if r["p_value"] is not None]
        significant = [r for r in tested if r["p_value"] < ALPHA]
        if tested:
            out["RQ2"].append(
                f"By {label}: {len(significant)} of {len(tested)} cells differ significantly from raw (p < {ALPHA})."
            )
    fixes = tables.get("fix_categories")
    if fixes is not None:
        pooled_groups: dict[str, dict[str, float]] = {}
        for r in fixes.records():
            totals = pooled_groups.setdefault(r["technique"], {"groups": 0.0})
            totals["groups"] += r["groups"]
            for category in FIX_CATEGORY_LABELS:
                totals[category] = totals.get(category, 0.0) + r[category] * r["groups"] / 100.0
        for technique in technique_order(pooled_groups):
            totals = pooled_groups[technique]
            groups = totals["groups"] or 1.0
            removed = 100.0 * totals["fully_removed"] / groups
            introduced = (
                100.0 * (totals["fully_removed_and_introduced"] + totals["not_fully_removed_and_introduced"]) / groups
            )
            out["RQ3"].append(
                f"{technique}: {_pct(removed)} of {int(totals['groups'])} scenario groups fully fixed; "
                f"{_pct(introduced)} introduced a new weakness."
            )
    cramers = tables.get("cramers_v")
    if cramers is not None:
        values = [r["v_corrected"] for r in cramers.records() if r["v_corrected"] is not None]
        if values:
            out["RQ3"].append(
                f"Cramér's V (bias-corrected) between original and introduced CWEs: "
                f"{min(values):.2f}–{max(values):.2f} over {len(values)} model × technique tables."
            )
    return out


# ---------------------------------------------------------------------------------------------- HTML
def block_html(block: PaperBlock, table_name: str) -> str:
    """One technique block; each cell carries its coordinates so tests can compare it with the CSV."""
    head = "".join(f"<th>{html.escape(lang)}</th>" for lang in block.languages)
    rows = []
    for model in [*block.models, ALL]:
        label = AVERAGE if model == ALL else model
        cells = []
        for language in [*block.languages, ALL]:
            cell = block.cell(model, language)
            css = ' class="sig"' if cell.significant else ""
            cells.append(
                f'<td{css} data-model="{html.escape(model)}" data-language="{html.escape(language)}">'
                f"{html.escape(cell.text())}</td>"
            )
        rows.append(f"<tr><th>{html.escape(label)}</th>{''.join(cells)}</tr>")
    return (
        f'<table class="paper" data-table="{table_name}" data-technique="{html.escape(block.technique)}">'
        f"<caption>{html.escape(block.technique)}</caption>"
        f"<thead><tr><th>model</th>{head}<th>{AVERAGE}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def file_csv_href(name: str) -> str:
    """Where a table's CSV lies beside a written report (``write_report`` puts it there)."""
    return f"tables/{name}.csv"


def improvement_html(table: Table, csv_href: Callable[[str], str] = file_csv_href) -> str:
    title = IMPROVEMENT_TABLES[table.name]
    blocks = "".join(block_html(b, table.name) for b in improvement_blocks(table)) or "<p>No technique yet.</p>"
    return (
        f'<section id="paper-{table.name}"><h2>{html.escape(title)}</h2>'
        '<p class="note">Cells: improvement [95 % bootstrap interval]; * marks p &lt; 0.05 in the exact test '
        f'against raw. Averages are means of the defined cells. Data: <a href="{html.escape(csv_href(table.name))}">'
        f'{table.name}.csv</a>.</p><div class="blocks">{blocks}</div></section>'
    )


def table7_html(table: Table, csv_href: Callable[[str], str] = file_csv_href) -> str:
    categories = [c for c in table.columns if c in FIX_CATEGORY_LABELS]
    head = "".join(f"<th>{html.escape(FIX_CATEGORY_LABELS[c])}</th>" for c in categories)
    rows = []
    records = table.records()
    for technique in technique_order(r["technique"] for r in records):
        for r in (r for r in records if r["technique"] == technique):
            cells = "".join(
                f'<td data-model="{html.escape(r["model"])}" data-technique="{html.escape(technique)}" '
                f'data-category="{c}">{r[c]:.1f}</td>'
                for c in categories
            )
            rows.append(
                f"<tr><th>{html.escape(technique)}</th><th>{html.escape(r['model'])}</th>"
                f"<td>{r['groups']}</td>{cells}</tr>"
            )
    return (
        '<section id="paper-fix_categories"><h2>Table 7: fix categories (% of scenario groups)</h2>'
        '<p class="note">A group is one (language, model, scenario). Data: '
        f'<a href="{html.escape(csv_href(table.name))}">fix_categories.csv</a>.</p>'
        f'<table class="paper" data-table="fix_categories"><thead><tr><th>technique</th><th>model</th>'
        f"<th>groups</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def summary_html(tables: dict[str, Table]) -> str:
    parts = ['<section id="summary"><h2>Summary</h2>']
    titles = {
        "RQ1": "RQ1: how often do the models write weaknesses?",
        "RQ2": "RQ2: how much does each technique improve on raw?",
        "RQ3": "RQ3: what do the techniques fix, and what do they introduce?",
    }
    for rq, sentences in summary(tables).items():
        items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences) or "<li>No data yet.</li>"
        parts.append(f"<h3>{titles[rq]}</h3><ul>{items}</ul>")
    parts.append("</section>")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------- Markdown
def improvement_markdown(table: Table) -> str:
    out = [f"## {IMPROVEMENT_TABLES[table.name]}", ""]
    for block in improvement_blocks(table):
        out += [
            f"### {block.technique}",
            "",
            "| model | " + " | ".join(block.languages) + f" | {AVERAGE} |",
            "|---" * (len(block.languages) + 2) + "|",
        ]
        for model in [*block.models, ALL]:
            cells = [block.cell(model, lang).text() for lang in [*block.languages, ALL]]
            out.append(f"| {AVERAGE if model == ALL else model} | " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def table7_markdown(table: Table) -> str:
    categories = [c for c in table.columns if c in FIX_CATEGORY_LABELS]
    out = [
        "## Table 7: fix categories (% of scenario groups)",
        "",
        "| technique | model | groups | " + " | ".join(FIX_CATEGORY_LABELS[c] for c in categories) + " |",
        "|---" * (len(categories) + 3) + "|",
    ]
    records = table.records()
    for technique in technique_order(r["technique"] for r in records):
        for r in (r for r in records if r["technique"] == technique):
            out.append(
                f"| {technique} | {r['model']} | {r['groups']} | "
                + " | ".join(f"{r[c]:.1f}" for c in categories)
                + " |"
            )
    return "\n".join(out) + "\n"


def paper_markdown(tables: dict[str, Table]) -> str:
    """Summary, Tables 3–6 and Table 7 as Markdown (``paper_tables.md``)."""
    parts = ["# Summary", ""]
    for rq, sentences in summary(tables).items():
        parts += [f"**{rq}**", "", *(f"- {s}" for s in sentences), ""]
    parts += [improvement_markdown(tables[name]) for name in IMPROVEMENT_TABLES if name in tables]
    if "fix_categories" in tables:
        parts.append(table7_markdown(tables["fix_categories"]))
    return "\n".join(parts)
