"""The report as PDF, printed by headless Chromium (``hardgen analyze report --pdf``).

Chromium prints exactly the page a reader opens, so the PDF and the HTML cannot drift apart; it
runs with no network, no profile of the user's and a time budget, on a file the report wrote.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

#: Flags for a browser that reaches nothing outside the machine (see docs/analytics.md).
CHROMIUM_FLAGS = (
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
)
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class PdfError(RuntimeError):
    """No browser to print with, or printing failed (one line, for the CLI)."""


def find_chromium() -> str | None:
    for name in ("/usr/bin/chromium", *CANDIDATES):
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(page: Path, pdf: Path, timeout: float = 120.0) -> Path:
    """Print the HTML file ``page`` to ``pdf`` with headless Chromium; returns ``pdf``."""
    binary = find_chromium()
    if binary is None:
        raise PdfError("--pdf needs Chromium (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory(prefix="hardgen-chromium-") as profile:
        try:
            done = subprocess.run(  # noqa: S603 - a fixed browser binary on our own file
                [
                    binary,
                    *CHROMIUM_FLAGS,
                    f"--user-data-dir={profile}",
                    "--no-pdf-header-footer",
                    "--virtual-time-budget=5000",
                    f"--print-to-pdf={pdf}",
                    page.resolve().as_uri(),
                ],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"Chromium did not print {page.name} within {timeout:.0f} s") from None
    if not pdf.is_file() or pdf.stat().st_size == 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise PdfError(f"Chromium could not print {page.name}: {last}")
    return pdf
