"""The study's figures, one function each, drawn with matplotlib (Agg) from the computed tables.

Every function returns a Figure even when the data are empty (it then says so in the figure), so
a report of a partial study still renders and a blank image always means a bug.
"""

from __future__ import annotations

import io
import math
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from hardgen.analytics.sql import ALL, RAW  # noqa: E402
from hardgen.analytics.table import Table  # noqa: E402

FIGURE_NAMES = (
    "vulnerable_share",
    "improvement_severity",
    "improvement_samples",
    "introduced_network",
    "cramers_v",
)


def _empty(fig: Figure, ax: plt.Axes, message: str) -> Figure:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def vulnerable_share(prevalence: Table) -> Figure:
    """Share of raw samples with a weakness per model, one bar group per language (study Fig. RQ1)."""
    records = prevalence.records()
    raw = [r for r in records if r["technique"] == RAW] or records
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
    if not raw:
        return _empty(fig, ax, "no samples yet")
    models = sorted({r["model"] for r in raw})
    languages = sorted({r["language"] for r in raw})
    pooled: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in raw:
        pooled[(r["language"], r["model"])][0] += r["with_cwe"]
        pooled[(r["language"], r["model"])][1] += r["samples"]
    width = 0.8 / max(len(models), 1)
    x = np.arange(len(languages))
    for i, model in enumerate(models):
        shares = [100.0 * pooled[(lang, model)][0] / max(pooled[(lang, model)][1], 1) for lang in languages]
        ax.bar(x + i * width - 0.4 + width / 2, shares, width, label=model)
    ax.set_xticks(x, languages)
    ax.set_ylabel("samples with ≥1 weakness (%)")
    ax.set_ylim(0, 100)
    ax.set_title("Share of vulnerable samples per model and language" + (" (raw)" if raw is not records else ""))
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def improvement_heatmap(table: Table) -> Figure:
    """Improvement (%) per (language, model) row and technique column; undefined cells are grey."""
    records = [r for r in table.records() if r["language"] != ALL and r["model"] != ALL]
    kind = "severity" if table.name.endswith("severity") else "samples with weaknesses"
    rows = sorted({(r["language"], r["model"]) for r in records})
    techniques = sorted({r["technique"] for r in records})
    fig, ax = plt.subplots(figsize=(max(5.0, 1.4 * len(techniques) + 3), max(3.0, 0.45 * len(rows) + 1.8)), dpi=100)
    if not records:
        return _empty(fig, ax, "no technique to compare with raw yet")
    matrix = np.full((len(rows), len(techniques)), np.nan)
    for r in records:
        value = r["improvement"]
        if value is not None:
            matrix[rows.index((r["language"], r["model"])), techniques.index(r["technique"])] = value
    cmap = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#d0d0d0")
    image = ax.imshow(np.ma.masked_invalid(matrix), cmap=cmap, vmin=-100, vmax=100, aspect="auto")
    for (i, j), value in np.ndenumerate(matrix):
        ax.text(j, i, "n/a" if math.isnan(value) else f"{value:.0f}", ha="center", va="center", fontsize=8)
    ax.set_xticks(range(len(techniques)), techniques)
    ax.set_yticks(range(len(rows)), [f"{lang} · {model}" for lang, model in rows])
    ax.set_title(f"Improvement over raw by {kind} (%)")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    fig.tight_layout()
    return fig


def introduced_network(introduced: Table) -> Figure:
    """Original → introduced CWE graph per model (study Fig. RQ3), drawn bipartite: originals on the
    left, introduced CWEs on the right, edge width by the number of groups, so that a CWE that is both
    original and introduced appears once on each side instead of looping."""
    records = introduced.records()
    models = sorted({r["model"] for r in records})
    fig, axes = plt.subplots(1, max(len(models), 1), figsize=(max(5.0, 4.0 * len(models)), 5.0), dpi=100, squeeze=False)
    if not records:
        return _empty(fig, axes[0][0], "no technique introduced a CWE")
    for ax, model in zip(axes[0], models, strict=True):
        graph = nx.DiGraph()
        for r in records:
            if r["model"] != model:
                continue
            source = ("o", r["original_cwe"] if r["original_cwe"] is not None else -1)
            target = ("i", r["introduced_cwe"])
            weight = graph.get_edge_data(source, target, {"weight": 0})["weight"] + r["groups"]
            graph.add_edge(source, target, weight=weight)
        left = sorted((n for n in graph.nodes if n[0] == "o"), key=lambda n: n[1])
        right = sorted((n for n in graph.nodes if n[0] == "i"), key=lambda n: n[1])
        layout = {n: (0.0, -k / max(len(left) - 1, 1)) for k, n in enumerate(left)}
        layout |= {n: (1.0, -k / max(len(right) - 1, 1)) for k, n in enumerate(right)}
        heaviest = max(graph.edges[e]["weight"] for e in graph.edges)
        widths = [0.8 + 4.0 * graph.edges[e]["weight"] / heaviest for e in graph.edges]
        labels = {n: ("none" if n[1] == -1 else f"CWE-{n[1]}") for n in graph.nodes}
        colors = ["#4c8bf5" if n[0] == "o" else "#e8743b" for n in graph.nodes]
        nx.draw_networkx_edges(
            graph,
            layout,
            ax=ax,
            width=widths,
            alpha=0.6,
            arrows=True,
            arrowsize=10,
            node_size=700,
            edge_color="#555555",
        )
        nx.draw_networkx_nodes(graph, layout, ax=ax, node_color=colors, node_size=700)
        nx.draw_networkx_labels(graph, layout, labels=labels, ax=ax, font_size=7)
        ax.set_title(f"{model}\noriginal (blue) → introduced (orange)", fontsize=9)
        ax.set_xlim(-0.35, 1.35)
        ax.set_axis_off()
    fig.tight_layout()
    return fig


def cramers_v_heatmap(contingency: Table, cramers: Table) -> Figure:
    """Bias-corrected Cramér's V per model and technique (left), and the pooled original × introduced
    contingency table it summarises (right)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5), dpi=100, gridspec_kw={"width_ratios": [1, 1.3]})
    scores = [r for r in cramers.records() if r["model"] != ALL]
    models = sorted({r["model"] for r in scores})
    techniques = sorted({r["technique"] for r in scores if r["technique"] != ALL}) + [ALL]
    if scores:
        matrix = np.full((len(models), len(techniques)), np.nan)
        for r in scores:
            if r["v_corrected"] is not None:
                matrix[models.index(r["model"]), techniques.index(r["technique"])] = r["v_corrected"]
        cmap = matplotlib.colormaps["viridis"].with_extremes(bad="#d0d0d0")
        image = left.imshow(np.ma.masked_invalid(matrix), cmap=cmap, vmin=0, vmax=1, aspect="auto")
        for (i, j), value in np.ndenumerate(matrix):
            left.text(
                j,
                i,
                "n/a" if math.isnan(value) else f"{value:.2f}",
                ha="center",
                va="center",
                fontsize=8,
                color="black" if math.isnan(value) or value > 0.5 else "white",
            )
        left.set_xticks(range(len(techniques)), techniques)
        left.set_yticks(range(len(models)), models)
        left.set_title("Cramér's V (bias-corrected), original vs introduced", fontsize=10)
        fig.colorbar(image, ax=left, fraction=0.046, pad=0.04)
    else:
        _empty(fig, left, "no original → introduced pairs: Cramér's V undefined")

    records = [r for r in contingency.records() if r["model"] == ALL and r["technique"] == ALL]
    if not records:
        _empty(fig, right, "no contingency table")
        fig.tight_layout()
        return fig
    originals = sorted({r["original_cwe"] for r in records})
    intros = sorted({r["introduced_cwe"] for r in records})
    counts = np.zeros((len(originals), len(intros)))
    for r in records:
        counts[originals.index(r["original_cwe"]), intros.index(r["introduced_cwe"])] = r["count"]
    image = right.imshow(counts, cmap="Blues", aspect="auto")
    for (i, j), value in np.ndenumerate(counts):
        right.text(j, i, f"{value:.0f}", ha="center", va="center", fontsize=7)
    right.set_xticks(range(len(intros)), [f"CWE-{c}" for c in intros], rotation=45, ha="right")
    right.set_yticks(range(len(originals)), [f"CWE-{c}" for c in originals])
    right.set_xlabel("introduced")
    right.set_ylabel("original")
    overall = next((r for r in cramers.records() if r["model"] == ALL), {})
    v, vc = overall.get("v"), overall.get("v_corrected")
    label = "n/a" if v is None else f"{v:.2f}"
    label_c = "n/a" if vc is None else f"{vc:.2f}"
    right.set_title(f"All models and techniques: V {label}, bias-corrected {label_c}", fontsize=10)
    fig.colorbar(image, ax=right, fraction=0.046, pad=0.04)
    fig.tight_layout()
    return fig


def draw_all(tables: dict[str, Table]) -> dict[str, Figure]:
    return {
        "vulnerable_share": vulnerable_share(tables["prevalence"]),
        "improvement_severity": improvement_heatmap(tables["improvement_severity"]),
        "improvement_samples": improvement_heatmap(tables["improvement_samples"]),
        "introduced_network": introduced_network(tables["introduced"]),
        "cramers_v": cramers_v_heatmap(tables["cramers_v_contingency"], tables["cramers_v"]),
    }


def png_bytes(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()
