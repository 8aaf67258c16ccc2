"""The hand-built study every analytics test computes on, and a fresh store per test.

Study ``hand`` (2 samples per cell, keys 0 and 1; findings by CWE group, severities from the
catalogue: python {89} 8.8, {502} 9.8, {79} 6.1, {22} 7.5; javascript {79} 9.3)::

    python A  s1  raw [89] [89]        nep [] []           cot [89] [79]
    python A  s2  raw [22×2] []        nep [] [] (k1 broken code)   cot [22] []
    python B  s1  raw [89,502] []      nep [502] []        cot [] [79]
    python B  s2  raw [] []            nep [] []           cot [] [22]
    js     A  s1  raw [] []            nep [] []           cot [79]   (one sample only)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardgen.analytics.store import Store

Cell = dict[int, list[tuple[int, int]]]  # sample key -> [(cwe, count)]

HAND: dict[tuple[str, str, int, str], Cell] = {
    ("python", "A", 1, "raw"): {0: [(89, 1)], 1: [(89, 1)]},
    ("python", "A", 1, "nep"): {0: [], 1: []},
    ("python", "A", 1, "cot"): {0: [(89, 1)], 1: [(79, 1)]},
    ("python", "A", 2, "raw"): {0: [(22, 2)], 1: []},
    ("python", "A", 2, "nep"): {0: [], 1: []},
    ("python", "A", 2, "cot"): {0: [(22, 1)], 1: []},
    ("python", "B", 1, "raw"): {0: [(89, 1), (502, 1)], 1: []},
    ("python", "B", 1, "nep"): {0: [(502, 1)], 1: []},
    ("python", "B", 1, "cot"): {0: [], 1: [(79, 1)]},
    ("python", "B", 2, "raw"): {0: [], 1: []},
    ("python", "B", 2, "nep"): {0: [], 1: []},
    ("python", "B", 2, "cot"): {0: [], 1: [(22, 1)]},
    ("javascript", "A", 1, "raw"): {0: [], 1: []},
    ("javascript", "A", 1, "nep"): {0: [], 1: []},
    ("javascript", "A", 1, "cot"): {0: [(79, 1)]},
}
BROKEN = {("python", "A", 2, "nep", 1)}
CODE = {"python": "def handler(x):\n    return x\n", "javascript": "function handler(x) { return x; }\n"}
EXT = {"python": "py", "javascript": "js"}


def manifest_lines(root: Path, cells: dict[tuple[str, str, int, str], Cell] = HAND) -> list[str]:
    """Write one code file per sample under ``root`` and return the manifest's lines."""
    lines = []
    for (lang, model, scenario, tech), samples in cells.items():
        for key, findings in samples.items():
            rel = f"{model}/{lang}/{scenario}/{tech}/{key}.{EXT[lang]}"
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            broken = (lang, model, scenario, tech, key) in BROKEN
            path.write_text("def (:\n" if broken else CODE[lang])
            entry = {
                "language": lang,
                "model": model,
                "scenario": scenario,
                "technique": tech,
                "sample": key,
                "path": rel,
                "findings": [{"cwes": [cwe], "count": n} for cwe, n in findings],
            }
            lines.append(json.dumps(entry))
    return lines


@pytest.fixture
def hand_manifest(tmp_path: Path) -> Path:
    manifest = tmp_path / "corpus" / "manifest.jsonl"
    manifest.parent.mkdir(parents=True)
    manifest.write_text("\n".join(manifest_lines(manifest.parent)) + "\n")
    return manifest


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "analytics.duckdb") as s:
        yield s


@pytest.fixture
def hand_store(store: Store, hand_manifest: Path) -> Store:
    from hardgen.analytics.corpus import import_manifest

    result = import_manifest(store, hand_manifest, "hand")
    assert result.imported == 29 and not result.errors
    return store
