"""Corpus import: malformed lines, atomicity, re-run no-op, severity by the catalogue, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hardgen.analytics import corpus as corpus_module
from hardgen.analytics.corpus import ManifestError, import_manifest
from hardgen.analytics.ingest import FindingRecord
from hardgen.analytics.store import Store
from tests.analytics.conftest import manifest_lines


def counts(store: Store) -> tuple[int, int, int]:
    return (
        store.query("SELECT count(*) FROM samples")[0][0],
        store.query("SELECT count(*) FROM findings")[0][0],
        store.query("SELECT count(*) FROM imports")[0][0],
    )


def write_manifest(tmp_path: Path, extra: list[str], position: int = 3) -> Path:
    root = tmp_path / "c"
    root.mkdir(exist_ok=True)
    lines = manifest_lines(root)
    for offset, line in enumerate(extra):
        lines.insert(position + offset, line)
    manifest = root / "manifest.jsonl"
    manifest.write_text("\n".join(lines) + "\n")
    return manifest


def test_malformed_lines_are_reported_with_line_numbers_and_skipped(store: Store, tmp_path: Path) -> None:
    bad = [
        "{not json",
        json.dumps({"language": "cobol", "model": "A", "scenario": 1, "technique": "raw", "sample": 9, "path": "x"}),
        json.dumps(
            {
                "language": "python",
                "model": "A",
                "scenario": "one",
                "technique": "raw",
                "sample": 9,
                "path": "A/python/1/raw/0.py",
            }
        ),
        json.dumps(
            {"language": "python", "model": "A", "scenario": 1, "technique": "raw", "sample": 9, "path": "missing.py"}
        ),
        json.dumps(
            {
                "language": "python",
                "model": "A",
                "scenario": 1,
                "technique": "raw",
                "sample": 9,
                "path": "A/python/1/raw/0.py",
                "findings": [{"count": 1}],
            }
        ),
        json.dumps({"model": "A"}),
        "[1, 2]",
    ]
    manifest = write_manifest(tmp_path, bad, position=3)
    result = import_manifest(store, manifest, "s")
    errors = {e.line: e.message for e in result.errors}
    assert sorted(errors) == [4, 5, 6, 7, 8, 9, 10]
    assert errors[4].startswith("not JSON")
    assert "unknown language" in errors[5]
    assert "scenario must be an integer" in errors[6]
    assert "code file not found: missing.py" in errors[7]
    assert "needs a rule or cwes" in errors[8]
    assert errors[9].startswith("missing field(s): language")
    assert errors[10] == "not a JSON object"
    assert result.imported == 29
    assert counts(store)[0] == 29


def test_duplicate_sample_in_one_manifest(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    lines = manifest_lines(root)
    manifest = root / "m.jsonl"
    manifest.write_text("\n".join([lines[0], lines[1], lines[0]]) + "\n")
    result = import_manifest(store, manifest, "s")
    assert result.imported == 2
    assert [(e.line, e.message) for e in result.errors] == [(3, "duplicate sample (first on line 1)")]


def test_rerun_is_a_no_op(store: Store, hand_manifest: Path) -> None:
    first = import_manifest(store, hand_manifest, "hand")
    before = counts(store)
    second = import_manifest(store, hand_manifest, "hand")
    assert first.imported == 29 and second.already_imported and second.imported == 0
    assert counts(store) == before
    # the same samples in another file (here: reordered) are recognised by id and left alone
    reordered = hand_manifest.with_name("reordered.jsonl")
    reordered.write_text("\n".join(reversed(hand_manifest.read_text().splitlines())) + "\n")
    third = import_manifest(store, reordered, "hand")
    assert third.imported == 0 and third.existing == 29
    assert counts(store)[:2] == before[:2]


def test_import_is_atomic(store: Store, hand_manifest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = corpus_module.bulk_insert_samples

    def fail_after_samples(con, samples, findings):  # type: ignore[no-untyped-def]
        real(con, samples, {})  # the samples are written ...
        raise RuntimeError("disk full")  # ... then the findings fail

    monkeypatch.setattr(corpus_module, "bulk_insert_samples", fail_after_samples)
    with pytest.raises(RuntimeError):
        import_manifest(store, hand_manifest, "hand")
    assert counts(store) == (0, 0, 0)
    assert store.query("SELECT count(*) FROM studies")[0][0] == 0
    monkeypatch.setattr(corpus_module, "bulk_insert_samples", real)
    assert import_manifest(store, hand_manifest, "hand").imported == 29  # nothing half-done blocks a retry


def test_scanner_failure_imports_nothing(store: Store, hand_manifest: Path) -> None:
    def broken_scan(files):  # type: ignore[no-untyped-def]
        raise ManifestError("scanner unreachable")

    with pytest.raises(ManifestError):
        import_manifest(store, hand_manifest, "hand", mode="scan", scan=broken_scan)
    assert counts(store) == (0, 0, 0)


def test_scan_mode_uses_the_scanner_findings(store: Store, hand_manifest: Path) -> None:
    seen: list[tuple[str, str]] = []

    def fake_scan(files):  # type: ignore[no-untyped-def]
        seen.extend((path, lang.value) for path, lang, _ in files)
        sql = FindingRecord("py/sql-injection", [89], 8.8)
        return {path: [sql] for path, lang, _ in files if lang.value == "python"}

    result = import_manifest(store, hand_manifest, "hand", mode="scan", scan=fake_scan)
    assert len(seen) == 29 and len({p for p, _ in seen}) == 29  # unique paths per sample
    assert result.findings == 24  # one per python sample; recorded labels ignored
    assert store.query("SELECT count(DISTINCT rule_id) FROM findings")[0][0] == 1


def test_labels_take_catalogue_severity(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.py").write_text("x = 1\n")
    findings = [
        {"rule": "py/sql-injection", "count": 2},
        {"cwes": ["CWE-079"]},
        {"cwes": [4242]},
        {"rule": "py/unknown-rule"},
        {"cwes": [89], "count": 0},
    ]
    entry = {
        "language": "py",
        "model": "m",
        "scenario": "3",
        "technique": "nep+sast-repair",
        "sample": "a",
        "path": "a.py",
        "findings": findings,
    }
    (root / "m.jsonl").write_text(json.dumps(entry) + "\n")
    result = import_manifest(store, root / "m.jsonl", "s")
    assert result.imported == 1 and result.findings == 5
    rows = store.query("SELECT rule_id, cwes, severity, count FROM findings ORDER BY ordinal")
    assert rows == [
        ("py/sql-injection", [89], 8.8, 2),  # by query id
        ("", [79], 6.1, 1),  # CWE group equal to py/jinja2/autoescape-false's tags
        ("", [4242], 5.0, 1),  # unknown CWE: the default
        ("py/unknown-rule", [], 5.0, 1),
    ]
    sample = store.query("SELECT language, scenario, technique, sample_key, sample_index, parses FROM samples")
    assert sample == [("python", 3, "nep+sast-repair", "a", None, True)]


def run_cli(*args: str, env_db: Path) -> subprocess.CompletedProcess[str]:
    """The real ``hardgen`` process: what a user or a script sees on stdout and stderr."""
    import os

    env = dict(os.environ, HARDGEN_DB=str(env_db))
    return subprocess.run(
        [sys.executable, "-m", "hardgen.cli.main", *args], capture_output=True, text=True, env=env, timeout=120
    )


def invoke(*args: str, env_db: Path) -> Any:
    """The same commands in-process (starting a process per call costs seconds on a busy machine)."""
    from typer.testing import CliRunner

    from hardgen.cli.main import app

    return CliRunner().invoke(app, list(args), env={"HARDGEN_DB": str(env_db)})


def test_cli_json_is_pure_and_exit_codes(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path, ["{oops"], position=0)
    db = tmp_path / "cli.duckdb"
    first = run_cli("corpus", "import", str(manifest), "--study", "cli", "--format", "json", env_db=db)
    assert first.returncode == 1, first.stderr  # a malformed line was skipped
    data = json.loads(first.stdout)  # stdout is the JSON document and nothing else
    assert data["imported"] == 29 and data["malformed"] == [{"line": 1, "error": data["malformed"][0]["error"]}]
    missing = run_cli("analyze", "tables", "--study", "nope", "--out", str(tmp_path), "--format", "json", env_db=db)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.strip().splitlines() == ["error: unknown study 'nope' (known: cli)"]

    again = invoke("corpus", "import", str(manifest), "--study", "cli", "--format", "json", env_db=db)
    assert again.exit_code == 0 and json.loads(again.stdout)["already_imported"] is True  # no-op
    out = tmp_path / "tables"
    tables = invoke("analyze", "tables", "--study", "cli", "--out", str(out), "--format", "json", env_db=db)
    assert tables.exit_code == 0, tables.stderr
    assert {t["table"] for t in json.loads(tables.stdout)["tables"]} >= {"prevalence", "cramers_v"}
    assert (out / "improvement_samples.csv").exists()
    both = invoke("corpus", "import", str(manifest), "--study", "x", "--scan", "--labels", env_db=db)
    assert both.exit_code == 2 and "choose one of --scan, --labels and --sarif" in both.stderr
    nofile = invoke("corpus", "import", str(tmp_path / "none.jsonl"), "--study", "x", env_db=db)
    assert nofile.exit_code == 2 and "manifest not found" in nofile.stderr
    studies = invoke("analyze", "studies", "--format", "json", env_db=db)
    assert json.loads(studies.stdout)[0]["samples"] == 29
    table = invoke("analyze", "studies", env_db=db)  # --format table: for people
    assert table.exit_code == 0 and "cli" in table.stdout


def test_scan_through_the_scanner_grpc_service(store: Store, hand_manifest: Path) -> None:
    """--scan against a real gRPC server on loopback (a stand-in Scanner that flags every python file)."""
    from concurrent import futures

    import grpc

    from hardgen.analytics.scanning import scan_function
    from hardgen.core.clients.scanner import ScannerClient
    from hardgen.v1 import common_pb2, scanner_pb2, scanner_pb2_grpc
    from tests.helpers import free_port

    received: list[str] = []

    class FakeScanner(scanner_pb2_grpc.ScannerServicer):
        def Scan(self, request, context):  # noqa: N802
            received.extend(f.path for f in request.files)
            findings = [
                common_pb2.Finding(
                    rule_id="py/sql-injection", cwes=[89], severity=0.0, path=f.path, start_line=2, engine="semgrep"
                )
                for f in request.files
                if f.language == "python"
            ]
            return scanner_pb2.ScanResponse(findings=findings, files_scanned=len(request.files))

    port = free_port()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    scanner_pb2_grpc.add_ScannerServicer_to_server(FakeScanner(), server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    server.start()
    try:
        scan = scan_function(ScannerClient(f"127.0.0.1:{port}"), timeout=30)
        result = import_manifest(store, hand_manifest, "hand", mode="scan", scan=scan)
    finally:
        server.stop(None)
    assert len(received) == 29 and result.findings == 24
    # severity 0 from the scanner → the catalogue's value for the query
    assert store.query("SELECT DISTINCT severity, engine, start_line FROM findings") == [(8.8, "semgrep", 2)]


def test_scan_with_unreachable_scanner_imports_nothing(store: Store, hand_manifest: Path) -> None:
    from hardgen.analytics.scanning import scan_function
    from hardgen.core.clients.scanner import ScannerClient
    from tests.helpers import free_port

    with pytest.raises(ManifestError, match="scanning failed, nothing imported: scanner at 127.0.0.1"):
        import_manifest(
            store,
            hand_manifest,
            "hand",
            mode="scan",
            scan=scan_function(ScannerClient(f"127.0.0.1:{free_port()}"), timeout=3),
        )
    assert counts(store) == (0, 0, 0)
