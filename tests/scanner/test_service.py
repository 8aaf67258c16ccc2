"""The scanner service over real gRPC on loopback ports (its only protocol), with real Semgrep."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from hardgen.core.clients.scanner import (
    ScannerClient,
    ScannerRequestError,
    ScannerTimeoutError,
    ScannerUnavailableError,
)
from tests.helpers import free_port, scanner_process
from tests.scanner.conftest import CLEAN_PY, INSECURE_PY


def _unique(code: bytes) -> bytes:
    """Content the cache has never seen (so the scan really runs an engine)."""
    return code + f"# {uuid.uuid4()}\n".encode()


def test_grpc_scan_round_trip(scanner_service: dict[str, str]) -> None:
    with ScannerClient(scanner_service["grpc"]) as client:
        assert client.health().status == "SERVING"
        response = client.scan(
            [("app/run.py", _unique(INSECURE_PY)), ("app/ok.py", CLEAN_PY), ("web/x.js", "eval(location.hash)\n")],
            engines=["semgrep"],
            timeout=60,
        )
    by_path = {f.path: f for f in response.findings}
    assert set(by_path) == {"app/run.py", "web/x.js"}
    finding = by_path["app/run.py"]
    assert finding.rule_id == "py/code-injection"
    assert list(finding.cwes) == [94, 95]
    assert finding.start_line == 4
    assert finding.severity == pytest.approx(9.3)
    assert finding.level == "critical"
    assert finding.engine == "semgrep"
    assert finding.fingerprint
    assert response.files_scanned == 3
    assert response.rule_pack_version


def test_grpc_rejects_unknown_engine_and_bad_paths(scanner_service: dict[str, str]) -> None:
    with ScannerClient(scanner_service["grpc"]) as client:
        with pytest.raises(ScannerRequestError, match="unknown engine 'nope'"):
            client.scan([("a.py", CLEAN_PY)], engines=["nope"], timeout=10)
        with pytest.raises(ScannerRequestError, match="must be relative"):
            client.scan([("../etc/a.py", CLEAN_PY)], engines=["semgrep"], timeout=10)


def test_grpc_timeout_is_a_clear_error(scanner_service: dict[str, str]) -> None:
    # shorter than any Semgrep run: ~0.3 s even with its native front end (pysemgrep took ~2.5 s)
    with ScannerClient(scanner_service["grpc"]) as client, pytest.raises(ScannerTimeoutError, match="within"):
        client.scan([("slow.py", _unique(INSECURE_PY))], engines=["semgrep"], timeout=0.1)


def test_client_reports_unreachable_service() -> None:
    address = f"127.0.0.1:{free_port()}"
    with ScannerClient(address) as client, pytest.raises(ScannerUnavailableError, match=address):
        client.scan([("a.py", CLEAN_PY)], timeout=3)


def test_grpc_language_override_and_skipped_files(scanner_service: dict[str, str]) -> None:
    """A file without an extension is scanned in the language the caller names; unsupported and
    binary files are reported as skipped, not silently dropped."""
    with ScannerClient(scanner_service["grpc"]) as client:
        response = client.scan(
            [
                ("svc/handler.py", _unique(INSECURE_PY)),
                ("svc/script", b"eval(x)\n", "python"),
                ("svc/README.md", b"# hi\n"),
                ("svc/logo.py", b"\x89PNG\0\0"),
            ],
            engines=["semgrep"],
            timeout=60,
        )
    assert {(f.path, f.rule_id) for f in response.findings} == {
        ("svc/handler.py", "py/code-injection"),
        ("svc/script", "py/code-injection"),
    }
    assert response.files_scanned == 2
    assert sorted(response.skipped) == ["svc/README.md: unsupported file type", "svc/logo.py: binary file"]


def test_grpc_rejects_unknown_language_and_profile(scanner_service: dict[str, str]) -> None:
    with ScannerClient(scanner_service["grpc"]) as client:
        with pytest.raises(ScannerRequestError, match="a.py"):
            client.scan([("a.py", CLEAN_PY, "cobol")], engines=["semgrep"], timeout=10)
        with pytest.raises(ScannerRequestError, match="paranoid"):
            client.scan([("a.py", CLEAN_PY)], engines=["semgrep"], timeout=10, profile="paranoid")


def test_service_entry_point_serves_grpc_only(rule_pack: object) -> None:
    with scanner_process(capture_stderr=True) as running:
        with ScannerClient(running.address) as client:
            assert client.health(timeout=5).status == "SERVING"
        stderr = running.stop()
    assert running.proc.returncode == 0  # SIGTERM is a clean stop
    first = stderr.splitlines()[0]
    assert first.startswith("{") and '"scanner.started"' in first  # JSON logs
    # one protocol per internal service: there is no REST port to open
    refused = subprocess.run(
        [sys.executable, "-m", "hardgen.scanner", "--http-port", "8081"], capture_output=True, text=True, timeout=60
    )
    assert refused.returncode == 2 and "unrecognized arguments: --http-port" in refused.stderr


def test_concurrent_requests_share_engine_runs(rule_pack: object, tmp_path: Path) -> None:
    """Requests that arrive while the scanner is busy are answered by one batch, each with only
    its own files and paths."""
    from concurrent.futures import ThreadPoolExecutor

    from hardgen.scanner.cache import ResultCache
    from hardgen.scanner.scan import Scanner, SourceInput
    from hardgen.scanner.service import ScanService

    service = ScanService(Scanner(engines=[], cache=ResultCache(tmp_path / "c.sqlite")), max_concurrent=1)
    requests = [
        [SourceInput("app.py", _unique(INSECURE_PY if i % 2 == 0 else CLEAN_PY))] for i in range(5)
    ]
    with ThreadPoolExecutor(max_workers=5) as pool:
        reports = list(pool.map(lambda files: service.run(files, ["semgrep"], 120), requests))
    # the first request starts at once; the ones that queued meanwhile go together (one batch, or
    # two when the worker picked the first request before the others arrived)
    assert service.coalescer.batches <= 2
    for i in (0, 2, 4):  # fingerprints do not depend on whether a request was merged
        alone = service.run(requests[i], ["semgrep"], 120)  # from the cache, on its own
        assert [f.fingerprint for f in alone.findings] == [f.fingerprint for f in reports[i].findings]
    for i, report in enumerate(reports):
        assert report.files_scanned == 1
        expected = [("app.py", "py/code-injection")] if i % 2 == 0 else []
        assert [(f.path, f.rule_id) for f in report.findings] == expected
