"""``hardgen corpus import MANIFEST --sarif RESULTS.sarif``: a CodeQL (or any SARIF 2.1.0) run as the
findings source of a corpus, with the same tables as hardgen's own findings, provenance, URI
spellings, and clear all-or-nothing errors (real DuckDB, real CLI)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hardgen.analytics.corpus import import_manifest
from hardgen.analytics.report import findings_sources
from hardgen.analytics.sarif_import import SarifImportError
from hardgen.analytics.store import Store
from hardgen.analytics.tables import compute_tables
from hardgen.core.catalogue import catalogue
from tests.analytics.conftest import HAND, manifest_lines

#: The CodeQL query that reports each CWE group of the hand-built study, per language.
QUERY = {
    ("python", 89): "py/sql-injection",
    ("python", 22): "py/path-injection",
    ("python", 502): "py/unsafe-deserialization",
    ("python", 79): "py/reflective-xss",
    ("javascript", 79): "js/reflected-xss",
}
EXT = {"python": "py", "javascript": "js"}


def codeql_rule(rule_id: str) -> dict[str, Any]:
    """A rule the way CodeQL's SARIF describes it: CWE tags and security-severity as a string."""
    query = catalogue().query(rule_id)
    assert query is not None
    tags = ["security", *(f"external/cwe/cwe-{c:03d}" for c in sorted(query.cwes))]
    return {
        "id": rule_id,
        "name": rule_id,
        "properties": {"tags": tags, "security-severity": f"{query.security_severity:.1f}", "precision": "high"},
    }


def codeql_log(results: list[dict[str, Any]], rule_ids: list[str], **run: Any) -> dict[str, Any]:
    """CodeQL's shape: the driver names the CLI, the rules live in a query-pack extension and
    results point at them with ``rule.index`` + ``toolComponent``; URIs are relative to %SRCROOT%."""
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "CodeQL", "semanticVersion": "2.20.1", "organization": "GitHub"},
                    "extensions": [
                        {"name": "codeql/python-queries", "rules": []},
                        {"name": "codeql/all-queries", "rules": [codeql_rule(r) for r in rule_ids]},
                    ],
                },
                "results": results,
                "columnKind": "utf16CodeUnits",
                **run,
            }
        ],
    }


def codeql_result(rule_ids: list[str], rule_id: str, uri: str, line: int = 2, **location: Any) -> dict[str, Any]:
    return {
        "ruleId": rule_id,
        "rule": {"id": rule_id, "index": rule_ids.index(rule_id), "toolComponent": {"index": 1}},
        "message": {"text": f"{rule_id} here"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%", "index": 0, **location},
                    "region": {"startLine": line, "startColumn": 5, "endColumn": 9},
                }
            }
        ],
        "partialFingerprints": {"primaryLocationLineHash": f"{uri}:{line}"},
    }


def hand_sarif() -> dict[str, Any]:
    """The hand-built study's findings as CodeQL would report them: one result per finding."""
    rule_ids = sorted(set(QUERY.values()))
    results = []
    for (lang, model, scenario, tech), samples in HAND.items():
        for key, findings in samples.items():
            uri = f"{model}/{lang}/{scenario}/{tech}/{key}.{EXT[lang]}"
            for cwe, count in findings:
                results.extend(codeql_result(rule_ids, QUERY[(lang, cwe)], uri, line=1 + n) for n in range(count))
    return codeql_log(results, rule_ids)


def rule_manifest(folder: Path) -> Path:
    """The hand-built study with its findings recorded by query id, as hardgen's engines report them."""
    lines = []
    for line in manifest_lines(folder):
        entry = json.loads(line)
        lang = entry["language"]
        entry["findings"] = [{"rule": QUERY[(lang, f["cwes"][0])], "count": f["count"]} for f in entry["findings"]]
        lines.append(json.dumps(entry))
    return write(folder / "by-rule.jsonl", "\n".join(lines) + "\n")


def write(path: Path, document: dict[str, Any] | str) -> Path:
    path.write_text(document if isinstance(document, str) else json.dumps(document, indent=2))
    return path


def counts(store: Store) -> tuple[int, int, int]:
    return (
        store.query("SELECT count(*) FROM samples")[0][0],
        store.query("SELECT count(*) FROM findings")[0][0],
        store.query("SELECT count(*) FROM imports")[0][0],
    )


def test_codeql_results_give_the_same_tables_as_the_same_findings_from_hardgen(
    store: Store, hand_manifest: Path, tmp_path: Path
) -> None:
    sarif = write(tmp_path / "codeql.sarif", hand_sarif())
    labels = import_manifest(store, rule_manifest(hand_manifest.parent), "labels")
    result = import_manifest(store, hand_manifest, "codeql", "sarif", sarif=sarif)
    assert (result.imported, result.findings, result.errors) == (29, labels.findings, [])
    assert result.sarif is not None and result.sarif.provenance == "CodeQL 2.20.1"

    rows = store.query(
        "SELECT f.rule_id, f.cwes, f.severity, f.engine, f.start_line, f.path FROM findings f "
        "JOIN samples s ON s.id = f.sample_id WHERE s.study = 'codeql' AND s.path = 'A/python/2/raw/0.py' "
        "ORDER BY f.start_line"
    )
    assert rows == [
        ("py/path-injection", [22, 23, 36, 73, 99], 7.5, "codeql", 1, "A/python/2/raw/0.py"),
        ("py/path-injection", [22, 23, 36, 73, 99], 7.5, "codeql", 2, "A/python/2/raw/0.py"),
    ]
    names = ["prevalence", "cwe_frequency", "cwe_reduction", "fix_categories", "improvement_samples"]
    ours = compute_tables(store, "labels", names, replicates=200)
    theirs = compute_tables(store, "codeql", names, replicates=200)
    for name in names:
        assert theirs[name].to_csv() == ours[name].to_csv(), name

    # provenance: recorded with the import and named by the report
    assert store.query("SELECT mode, tool, tool_version FROM imports WHERE study = 'codeql'") == [
        ("sarif", "CodeQL", "2.20.1")
    ]
    assert findings_sources(store, "codeql") == ["CodeQL 2.20.1"] and findings_sources(store, "labels") == []

    # the same pair of files again: a no-op; another log for the same manifest is a new import
    before = counts(store)
    again = import_manifest(store, hand_manifest, "codeql", "sarif", sarif=sarif)
    assert again.already_imported and counts(store) == before


def test_uri_spellings_rule_references_and_catalogue_fallback(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "my corpus"
    root.mkdir()
    lines = manifest_lines(root, {("python", "A", 1, "raw"): {0: [], 1: []}, ("javascript", "A", 1, "raw"): {0: []}})
    manifest = write(root / "manifest.jsonl", "\n".join(lines) + "\n")
    # a bare SARIF producer: rules in the driver, referenced by ruleIndex only, no properties at all
    rules = [{"id": "js/reflected-xss"}, {"id": "py/sql-injection"}, {"id": "py/flask-debug"}]

    def result(index: int, location: dict[str, Any], **extra: Any) -> dict[str, Any]:
        physical = {"artifactLocation": location, "region": {"startLine": 1}}
        return {"ruleIndex": index, "message": {"text": "m"}, "locations": [{"physicalLocation": physical}], **extra}

    absolute = (root / "A" / "python" / "1" / "raw" / "0.py").as_uri()  # file:///.../my%20corpus/...
    log = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "OtherTool", "version": "9.1", "rules": rules}},
                "originalUriBaseIds": {"SRC": {"uri": root.as_uri() + "/"}},
                "artifacts": [{"location": {"uri": "A/javascript/1/raw/0.js", "uriBaseId": "SRC"}}],
                "results": [
                    result(1, {"uri": absolute}),
                    result(1, {"uri": "./A/python/1/raw/1.py"}),  # relative to the manifest's folder
                    result(0, {"index": 0}),  # through run.artifacts and originalUriBaseIds
                    result(2, {"uri": "A%2Fpython/1/raw/1.py"}, suppressions=[{"kind": "inSource"}]),
                    result(1, {"uri": "A/python/1/raw/0.py"}, kind="pass"),
                    {
                        "ruleId": "py/unused-import",
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "elsewhere.py"}}}],
                    },  # a quality query: not a security finding
                ],
            }
        ],
    }
    result_ = import_manifest(store, manifest, "other", "sarif", sarif=write(tmp_path / "o.sarif", log))
    assert result_.sarif is not None
    assert (result_.sarif.results, len(result_.sarif.findings)) == (6, 3)
    assert (result_.sarif.suppressed, result_.sarif.not_failures, result_.sarif.not_security) == (1, 1, 1)
    rows = store.query(
        "SELECT s.path, f.rule_id, f.cwes, f.severity, f.engine FROM findings f JOIN samples s ON s.id = f.sample_id "
        "ORDER BY s.path"
    )
    xss, sqli = catalogue().query("js/reflected-xss"), catalogue().query("py/sql-injection")
    assert xss is not None and sqli is not None
    assert rows == [
        ("A/javascript/1/raw/0.js", "js/reflected-xss", sorted(xss.cwes), xss.security_severity, "othertool"),
        ("A/python/1/raw/0.py", "py/sql-injection", sorted(sqli.cwes), sqli.security_severity, "othertool"),
        ("A/python/1/raw/1.py", "py/sql-injection", sorted(sqli.cwes), sqli.security_severity, "othertool"),
    ]


def test_sarif_root_resolves_paths_of_a_run_made_elsewhere(store: Store, hand_manifest: Path, tmp_path: Path) -> None:
    # CodeQL analysed the repository root; the manifest lives in corpus/ below it
    rule_ids = ["py/sql-injection"]
    log = codeql_log(
        [codeql_result(rule_ids, "py/sql-injection", "corpus/A/python/1/raw/0.py")],
        rule_ids,
        originalUriBaseIds={"%SRCROOT%": {"uri": "file:///home/runner/work/repo/"}},  # the CI machine's
    )
    sarif = write(tmp_path / "elsewhere.sarif", log)
    with pytest.raises(SarifImportError, match=r"runs\[0\]\.results\[0\]: 'corpus/A/python/1/raw/0.py' matches no"):
        import_manifest(store, hand_manifest, "s", "sarif", sarif=sarif)
    assert counts(store) == (0, 0, 0)
    result = import_manifest(store, hand_manifest, "s", "sarif", sarif=sarif, sarif_root=tmp_path)
    assert result.imported == 29 and result.findings == 1


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"version": "2.1.0",\n  "runs": [\n    {"tool": }]}', r"not valid JSON at line 3, column 14: Expecting"),
        ({"version": "2.0.0", "runs": []}, r"not a SARIF 2.1.0 log \(version is '2.0.0'\)"),
        ({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": []}]}, r"runs\[0\]: tool.driver.name"),
        (
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [{"ruleIndex": 4}]}]},
            r"runs\[0\]\.results\[0\] names no rule",
        ),
        (
            {
                "version": "2.1.0",
                "runs": [
                    {
                        "tool": {"driver": {"name": "t"}},
                        "results": [
                            {
                                "ruleId": "py/sql-injection",
                                "locations": [
                                    {
                                        "physicalLocation": {
                                            "artifactLocation": {"uri": "A/python/1/raw/0.py"},
                                            "region": {"startLine": "two"},
                                        }
                                    }
                                ],
                            }
                        ],
                    }
                ],
            },
            r"runs\[0\]\.results\[0\]: region.startLine must be a positive integer",
        ),
        (
            {
                "version": "2.1.0",
                "runs": [
                    {
                        "tool": {
                            "driver": {
                                "name": "t",
                                "rules": [{"id": "py/sql-injection", "properties": {"security-severity": "high"}}],
                            }
                        },
                        "results": [
                            {
                                "ruleId": "py/sql-injection",
                                "locations": [
                                    {"physicalLocation": {"artifactLocation": {"uri": "A/python/1/raw/0.py"}}}
                                ],
                            }
                        ],
                    }
                ],
            },
            r"runs\[0\]\.results\[0\]: security-severity 'high' is not a number",
        ),
    ],
    ids=["json-position", "version", "tool-name", "no-rule", "bad-region", "bad-severity"],
)
def test_malformed_sarif_names_the_place_and_imports_nothing(
    store: Store, hand_manifest: Path, tmp_path: Path, document: dict[str, Any] | str, message: str
) -> None:
    sarif = write(tmp_path / "bad.sarif", document)
    with pytest.raises(SarifImportError, match=message):
        import_manifest(store, hand_manifest, "s", "sarif", sarif=sarif)
    assert counts(store) == (0, 0, 0)


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ, HARDGEN_DB=str(db))
    return subprocess.run(
        [sys.executable, "-m", "hardgen.cli.main", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_cli_sarif_import_errors_are_one_line_exit_2_and_atomic(hand_manifest: Path, tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    log = hand_sarif()
    results = log["runs"][0]["results"]
    results[5]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "B/python/9/raw/0.py"
    bad = write(tmp_path / "unmatched.sarif", log)
    done = run_cli("corpus", "import", str(hand_manifest), "--study", "q", "--sarif", str(bad), db=db)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad}: runs[0].results[5]: 'B/python/9/raw/0.py' matches")
    assert "--sarif-root" in lines[0]

    good = write(tmp_path / "codeql.sarif", hand_sarif())
    first = run_cli("corpus", "import", str(hand_manifest), "-s", "q", "--sarif", str(good), "--format", "json", db=db)
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert (data["imported"], data["findings"], data["mode"]) == (29, len(results), "sarif")
    assert data["sarif"]["tools"] == [{"name": "CodeQL", "version": "2.20.1"}]
    again = run_cli("corpus", "import", str(hand_manifest), "-s", "q", "--sarif", str(good), db=db)
    assert again.returncode == 0 and "already imported" in again.stdout
    both = run_cli("corpus", "import", str(hand_manifest), "-s", "q", "--sarif", str(good), "--scan", db=db)
    assert both.returncode == 2 and both.stderr.startswith("error: choose one of --scan, --labels and --sarif")
    missing = run_cli("corpus", "import", str(hand_manifest), "-s", "q", "--sarif", str(tmp_path / "no.sarif"), db=db)
    assert missing.returncode == 2 and "SARIF file not found" in missing.stderr
