"""``python -m hardgen.analytics.bench``: import a generated 10,000-sample labelled corpus, write all tables.

The corpus mirrors the study's grid (5 models × 4 languages × 10 scenarios × 5 techniques × 10
samples) with seeded random findings, so the timing covers every code path of the real thing:
parse checks, catalogue severities, the bulk insert, bootstrap intervals and exact tests per cell.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from hardgen.analytics.corpus import import_manifest
from hardgen.analytics.report import write_report
from hardgen.analytics.store import Store
from hardgen.analytics.tables import compute_tables, write_tables
from hardgen.core.logging import configure_logging

MODELS = ("gpt-4o", "gemini-1.5", "codellama-13b", "deepseek-coder", "starcoder2")
LANGUAGES = {"python": ".py", "javascript": ".js", "java": ".java", "go": ".go"}
CODE = {
    "python": "def handler(x):\n    return x\n",
    "javascript": "function handler(x) { return x; }\n",
    "java": "class Handler { int handle(int x) { return x; } }\n",
    "go": "package main\n\nfunc handler(x int) int { return x }\n",
}
SCENARIO_CWES = (22, 89, 200, 434, 502, 306, 79, 78, 798, 352)
TECHNIQUES = {"raw": 0.6, "nep": 0.35, "cot": 0.45, "mp": 0.4, "ft": 0.25}  # chance of a weakness


def generate(root: Path, samples_per_cell: int = 10, seed: int = 7) -> tuple[Path, int]:
    """Write the corpus files and manifest under ``root``; returns the manifest and its sample count."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible synthetic corpus, not a secret
    lines = []
    for model in MODELS:
        for language, ext in LANGUAGES.items():
            for scenario, cwe in enumerate(SCENARIO_CWES, start=1):
                for technique, chance in TECHNIQUES.items():
                    folder = root / model / language / str(scenario) / technique
                    folder.mkdir(parents=True, exist_ok=True)
                    for index in range(samples_per_cell):
                        path = folder / f"{index}{ext}"
                        path.write_text(CODE[language] if rng.random() > 0.03 else "}{ broken")
                        findings = []
                        if rng.random() < chance:
                            findings.append({"cwes": [cwe], "count": rng.randint(1, 3)})
                        if technique != "raw" and rng.random() < 0.08:
                            findings.append({"cwes": [rng.choice(SCENARIO_CWES)], "count": 1})
                        lines.append(
                            json.dumps(
                                {
                                    "language": language,
                                    "model": model,
                                    "scenario": scenario,
                                    "technique": technique,
                                    "sample": index,
                                    "path": str(path.relative_to(root)),
                                    "findings": findings,
                                }
                            )
                        )
    manifest = root / "manifest.jsonl"
    manifest.write_text("\n".join(lines) + "\n")
    return manifest, len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.analytics.bench", description=__doc__)
    parser.add_argument("--samples-per-cell", type=int, default=10, help="10 → 10,000 samples")
    parser.add_argument("--report", action="store_true", help="also time the HTML report")
    parser.add_argument("--keep", type=Path, default=None, help="write into this folder instead of a temporary one")
    args = parser.parse_args(argv)
    configure_logging("console", level="WARNING")
    with tempfile.TemporaryDirectory(prefix="hardgen-bench-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        manifest, n = generate(root / "corpus", args.samples_per_cell)
        generated = time.perf_counter() - started
        with Store(root / "bench.duckdb") as store:
            started = time.perf_counter()
            result = import_manifest(store, manifest, "bench")
            imported = time.perf_counter() - started
            started = time.perf_counter()
            tables = compute_tables(store, "bench")
            write_tables(tables, root / "tables")
            tabled = time.perf_counter() - started
            timings = {
                "samples": n,
                "imported": result.imported,
                "findings": result.findings,
                "generate_s": round(generated, 2),
                "import_s": round(imported, 2),
                "tables_s": round(tabled, 2),
                "total_s": round(imported + tabled, 2),
            }
            if args.report:
                started = time.perf_counter()
                write_report(store, "bench", root / "report")
                timings["report_s"] = round(time.perf_counter() - started, 2)
    sys.stdout.write(json.dumps(timings) + "\n")
    sys.stdout.write(f"import {timings['import_s']} s + tables {timings['tables_s']} s for {n} samples\n")
    return 0 if result.imported == n else 1


if __name__ == "__main__":
    raise SystemExit(main())
