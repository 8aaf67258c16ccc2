"""The scanner service over real gRPC and HTTP on loopback ports, with real Semgrep."""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import uuid
import zipfile

import httpx
import pytest

from hardgen.core.clients.scanner import (
    ScannerClient,
    ScannerRequestError,
    ScannerTimeoutError,
    ScannerUnavailableError,
)
from tests.helpers import free_port, wait_until
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
    with ScannerClient(scanner_service["grpc"]) as client, pytest.raises(ScannerTimeoutError, match="within"):
        client.scan([("slow.py", _unique(INSECURE_PY))], engines=["semgrep"], timeout=0.4)


def test_client_reports_unreachable_service() -> None:
    address = f"127.0.0.1:{free_port()}"
    with ScannerClient(address) as client, pytest.raises(ScannerUnavailableError, match=address):
        client.scan([("a.py", CLEAN_PY)], timeout=3)


def test_rest_json_scan_and_health(scanner_service: dict[str, str]) -> None:
    base = scanner_service["http"]
    health = httpx.get(f"{base}/healthz", timeout=10)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert health.json()["engines"]["semgrep"] is True
    body = {
        "files": [
            {"path": "svc/handler.py", "content": _unique(INSECURE_PY).decode()},
            {"path": "svc/script", "content": "eval(x)\n", "language": "python"},
        ],
        "engines": ["semgrep"],
    }
    response = httpx.post(f"{base}/v1/scans", json=body, timeout=60)
    assert response.status_code == 200, response.text
    data = response.json()
    assert {(f["path"], f["rule_id"]) for f in data["findings"]} == {
        ("svc/handler.py", "py/code-injection"),
        ("svc/script", "py/code-injection"),
    }
    assert data["files_scanned"] == 2


def test_rest_rejects_bad_requests_with_json_errors(scanner_service: dict[str, str]) -> None:
    base = scanner_service["http"]
    missing = httpx.post(f"{base}/v1/scans", json={"files": []}, timeout=10)
    assert missing.status_code == 400 and "no files" in missing.json()["error"]
    engine = httpx.post(f"{base}/v1/scans", json={"files": [{"path": "a.py", "content": ""}], "engines": "x"})
    assert engine.status_code == 400 and "unknown engine" in engine.json()["error"]
    wrong_type = httpx.post(f"{base}/v1/scans", content=b"hello", headers={"content-type": "text/plain"})
    assert wrong_type.status_code == 415


def test_rest_timeout_is_504_json(scanner_service: dict[str, str]) -> None:
    body = {"files": [{"path": "t.py", "content": _unique(INSECURE_PY).decode()}], "engines": ["semgrep"]}
    response = httpx.post(f"{scanner_service['http']}/v1/scans?timeout_seconds=0.3", json=body, timeout=30)
    assert response.status_code == 504
    assert "time limit" in response.json()["error"]


def _tar(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_rest_tar_and_zip_uploads(scanner_service: dict[str, str]) -> None:
    base = scanner_service["http"]
    code = _unique(INSECURE_PY)
    tar_response = httpx.post(
        f"{base}/v1/scans?engines=semgrep",
        content=_tar({"proj/run.py": code, "proj/README.md": b"# hi\n", "proj/logo.py": b"\x89PNG\0\0"}),
        headers={"content-type": "application/gzip"},
        timeout=60,
    )
    assert tar_response.status_code == 200, tar_response.text
    data = tar_response.json()
    assert [(f["path"], f["rule_id"]) for f in data["findings"]] == [("proj/run.py", "py/code-injection")]
    assert sorted(data["skipped"]) == ["proj/README.md: unsupported file type", "proj/logo.py: binary file"]

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("src/run.py", code)
    zip_response = httpx.post(
        f"{base}/v1/scans",
        files={"archive": ("src.zip", buffer.getvalue(), "application/zip")},
        data={"engines": "semgrep"},
        timeout=60,
    )
    assert zip_response.status_code == 200, zip_response.text
    zdata = zip_response.json()
    assert [f["path"] for f in zdata["findings"]] == ["src/run.py"]
    assert zdata["cache_hits"] == 1  # same content as the tar's file: not scanned again


def test_service_entry_point_serves_grpc_and_http(rule_pack: object) -> None:
    grpc_port, http_port = free_port(), free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "hardgen.scanner", "--host", "127.0.0.1",
         "--grpc-port", str(grpc_port), "--http-port", str(http_port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:

        def healthy() -> bool:
            try:
                return httpx.get(f"http://127.0.0.1:{http_port}/healthz", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False

        assert wait_until(healthy, timeout=30)
        with ScannerClient(f"127.0.0.1:{grpc_port}") as client:
            assert client.health(timeout=5).status == "SERVING"
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=15)
    first = stderr.decode().splitlines()[0]
    assert first.startswith("{") and '"scanner.started"' in first  # JSON logs


def test_concurrent_requests_share_engine_runs(rule_pack: object, tmp_path: object) -> None:
    """Requests that arrive while the scanner is busy are answered by one batch, each with only
    its own files and paths."""
    from concurrent.futures import ThreadPoolExecutor
    from pathlib import Path

    from hardgen.scanner.cache import ResultCache
    from hardgen.scanner.scan import Scanner, SourceInput
    from hardgen.scanner.service import ScanService

    assert isinstance(tmp_path, Path)
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
