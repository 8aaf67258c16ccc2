"""The HTML report: self-contained, every figure decoded by headless Chromium, screenshot not blank."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from hardgen.analytics.figures import FIGURE_NAMES
from hardgen.analytics.report import write_report
from hardgen.analytics.store import Store

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--disable-dev-shm-usage",
]


def chromium() -> str | None:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture
def report_dir(hand_store: Store, tmp_path: Path) -> Path:
    out = tmp_path / "report"
    written = write_report(hand_store, "hand", out)
    assert {p.name for p in written} == {f"{n}.png" for n in FIGURE_NAMES} | {"report.html"}
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
