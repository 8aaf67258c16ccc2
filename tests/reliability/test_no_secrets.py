"""No secret is committed: tracked files hold no key-shaped strings."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

KEY_PATTERNS = {
    "OpenAI key": re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "Hugging Face token": re.compile(r"\bhf_[A-Za-z0-9]{30,}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----"),
    "Slack token": re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}"),
}
# Files whose job is to contain deliberately fake, insecure examples (the scanner's test data).
ALLOWED_PREFIXES = ("scenarios/", "services/hardgen/scanner/rules/")
# Test fixtures use obviously fake keys; a real key never spells one of these words.
FAKE_MARKERS = re.compile(r"test|fake|dummy|example|planted|secret|not-a-real", re.IGNORECASE)


def tracked_files() -> list[Path]:
    listing = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / line for line in listing.stdout.splitlines() if line]


def test_no_key_shaped_strings_in_tracked_files() -> None:
    hits = []
    for path in tracked_files():
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(ALLOWED_PREFIXES) or not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        for name, pattern in KEY_PATTERNS.items():
            for match in pattern.finditer(text):
                if FAKE_MARKERS.search(match.group(0)):
                    continue
                hits.append(f"{rel}: {name} ({match.group(0)[:8]}…)")
    assert not hits, "key-shaped strings committed:\n" + "\n".join(hits)


def test_the_pattern_catches_a_planted_key(tmp_path: Path) -> None:
    planted = "OPENAI_API_KEY=sk-" + "A1b2C3d4" * 5
    assert KEY_PATTERNS["OpenAI key"].search(planted)
