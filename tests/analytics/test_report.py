"""The HTML report: self-contained, every figure decoded by headless Chromium, screenshot not blank."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from hardgen.analytics.corpus import import_manifest
from hardgen.analytics.figures import FIGURE_NAMES
from hardgen.analytics.pdf import CHROMIUM_FLAGS
from hardgen.analytics.pdf import find_chromium as chromium
from hardgen.analytics.report import LONG_TABLES, write_report
from hardgen.analytics.store import Store
from hardgen.analytics.tables import TABLE_NAMES
from hardgen.cli.main import app


@pytest.fixture
def report_dir(hand_store: Store, tmp_path: Path) -> Path:
    out = tmp_path / "report"
    written = write_report(hand_store, "hand", out)
    assert {p.name for p in written} == (
        {f"{n}.png" for n in FIGURE_NAMES} | {f"{n}.csv" for n in TABLE_NAMES} | {"report.html"}
    )
    return out


def test_report_is_self_contained(report_dir: Path) -> None:
    page = (report_dir / "report.html").read_text()
    assert page.count("data:image/png;base64,") == len(FIGURE_NAMES)
    # nothing fetched from elsewhere: no script, stylesheet or image by URL
    assert "<script" not in page and not re.search(r'(src|href)="(https?:)?//', page)
    for name in ("prevalence", "improvement_severity", "fix_categories", "cramers_v"):
        assert f'id="{name}"' in page
    for png in (report_dir / "figures").iterdir():
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


class CellReader(HTMLParser):
    """Collects the study-layout cells of the report: (table, technique, model, language) → text."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[tuple[str, str, str, str], str] = {}
        self._table: dict[str, str] = {}
        self._cell: tuple[str, str, str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "table" and "paper" in found.get("class", ""):
            self._table = found
        elif tag == "td" and "data-model" in found and self._table:
            technique = found.get("data-technique") or self._table.get("data-technique", "")
            column = found.get("data-language") or found.get("data-category", "")
            self._cell = (self._table["data-table"], technique, found["data-model"], column)

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self.cells[self._cell] = self.cells.get(self._cell, "") + data

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._cell = None
        elif tag == "table":
            self._table = {}


def test_report_opens_with_the_summary_and_the_study_layout(report_dir: Path) -> None:
    page = (report_dir / "report.html").read_text()
    order = [
        'id="findings-source"',
        'id="summary"',
        'id="paper-improvement_severity"',
        'id="paper-improvement_samples"',
        'id="paper-fix_categories"',
        'id="figures"',
        'id="all-tables"',
    ]
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions), "sections out of the study's order"
    assert "Findings taken from the labels of an imported manifest" in page  # provenance
    # RQ1 headline: python A 3/4, python B 1/4, javascript A 0/2 raw samples with a weakness
    assert "40.0 % of 10 raw samples have at least one weakness." in page
    assert "Mean improvement by severity (95 % CI): nep 73.7" in page  # RQ2, ranked, best first
    assert "nep: 40.0 % of 5 scenario groups fully fixed" in page  # RQ3
    # one block per technique in the study's order, models as rows, languages + average as columns
    assert page.index('data-technique="nep"') < page.index('data-technique="cot"')
    for name in LONG_TABLES:  # long tables collapsed, each with its CSV beside the report
        assert f'<details id="{name}">' in page and f'href="tables/{name}.csv"' in page
        assert (report_dir / "tables" / f"{name}.csv").is_file()
    assert '<h3 id="prevalence">' in page  # short tables stay open


def test_study_layout_tables_equal_the_csvs(report_dir: Path) -> None:
    reader = CellReader()
    reader.feed((report_dir / "report.html").read_text())
    checked = 0
    for name in ("improvement_severity", "improvement_samples"):
        with (report_dir / "tables" / f"{name}.csv").open(newline="") as handle:
            for row in csv.DictReader(handle):
                text = reader.cells[(name, row["technique"], row["model"], row["language"])]
                if row["improvement"] == "":
                    assert text == "n/a"
                    continue
                assert text.startswith(f"{float(row['improvement']):.1f}"), (name, row, text)
                if row["ci_low"]:
                    assert f"[{float(row['ci_low']):.1f}, {float(row['ci_high']):.1f}]" in text
                significant = row["p_value"] != "" and float(row["p_value"]) < 0.05
                assert text.endswith("*") == significant
                checked += 1
    with (report_dir / "tables" / "fix_categories.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            for category in ("fully_removed", "partial_fix", "did_not_remove"):
                text = reader.cells[("fix_categories", row["technique"], row["model"], category)]
                assert text == f"{float(row[category]):.1f}"
                checked += 1
    assert checked > 20


def test_pdf_report_prints_the_same_page(hand_manifest: Path, tmp_path: Path) -> None:
    if chromium() is None or shutil.which("pdftoppm") is None:
        pytest.skip("chromium and pdftoppm needed (scripts/setup.sh installs both)")
    db, out = tmp_path / "pdf.duckdb", tmp_path / "pdf"
    with Store(db) as store:
        assert not import_manifest(store, hand_manifest, "hand").errors
    result = CliRunner().invoke(
        app, ["analyze", "report", "--study", "hand", "--db", str(db), "--out", str(out), "--pdf",
              "--format", "json"]
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    pdf = out / "report.pdf"
    assert str(pdf) in json.loads(result.stdout)["files"] and pdf.read_bytes()[:5] == b"%PDF-"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)  # fmt: skip
    import matplotlib.image

    first = matplotlib.image.imread(str(sorted(tmp_path.glob("page*.png"))[0]))[..., :3]
    assert np.mean(np.any(first < 0.95, axis=-1)) > 0.02, "first PDF page nearly blank"
    text = subprocess.run(["pdftotext", "-l", "2", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
    assert "Summary" in text and "Tables 3–4" in text  # the PDF opens like the page: summary, then the tables


def run_chromium(binary: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    return subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=120
    )


def test_report_renders_in_headless_chromium(report_dir: Path, tmp_path: Path) -> None:
    binary = chromium()
    if binary is None:
        pytest.skip("chromium not found (apt-get install -y chromium; scripts/setup.sh installs it in CI)")
    # 1. every <img> decoded: a copy of the report with a probe that writes what it saw into the DOM
    probe = report_dir / "probe.html"
    script = (
        "<script>window.addEventListener('load',()=>{const i=[...document.images];"
        "document.body.setAttribute('data-probe',i.length+':'+i.filter(x=>x.complete&&x.naturalWidth>100"
        "&&x.naturalHeight>100).length)});</script>"
    )
    probe.write_text((report_dir / "report.html").read_text().replace("</body>", script + "</body>"))
    dom = run_chromium(binary, tmp_path, "--virtual-time-budget=5000", "--dump-dom", probe.as_uri())
    match = re.search(r'data-probe="(\d+):(\d+)"', dom.stdout)
    assert match, dom.stderr[-2000:]
    assert match.groups() == (str(len(FIGURE_NAMES)), str(len(FIGURE_NAMES)))

    # 2. a screenshot of the report itself is not blank
    shot = tmp_path / "report.png"
    result = run_chromium(
        binary, tmp_path, f"--screenshot={shot}", "--window-size=1200,2400", (report_dir / "report.html").as_uri()
    )
    assert shot.exists(), result.stderr[-2000:]
    import matplotlib.image

    pixels = matplotlib.image.imread(str(shot))[..., :3]
    non_white = np.mean(np.any(pixels < 0.95, axis=-1))
    colours = len(np.unique((pixels.reshape(-1, 3) * 255).astype(np.uint8), axis=0))
    assert non_white > 0.05, f"screenshot nearly blank ({non_white:.1%} non-white)"
    assert colours > 50, f"screenshot has only {colours} colours: figures not drawn"
