"""Studies through the gateway: a real analytics service (subprocess over a DuckDB file filled by
`hardgen corpus import`), real NATS for starting a study; tables, report, progress, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hardgen.core.healthcheck import probe
from tests.gateway.conftest import Gateway
from tests.helpers import free_port, wait_until

HARDGEN = str(Path(sys.executable).parent / "hardgen")

INSECURE = 'import os\nfrom flask import request\n\ndef f():\n    os.system("ping " + request.args["h"])\n'
SECURE = "import subprocess\n\ndef f(host):\n    subprocess.run(['ping', '-c', '1', host], check=False)\n"


def write_manifest(folder: Path) -> Path:
    (folder / "bad.py").write_text(INSECURE)
    (folder / "good.py").write_text(SECURE)
    lines = []
    for index, (technique, path, findings) in enumerate(
        [
            ("raw", "bad.py", [{"rule": "py/command-line-injection", "count": 1}]),
            ("raw", "bad.py", [{"rule": "py/command-line-injection", "count": 1}]),
            ("cot", "good.py", []),
            ("cot", "bad.py", [{"rule": "py/command-line-injection", "count": 1}]),
        ]
    ):
        lines.append(
            {
                "language": "python",
                "model": "m1",
                "scenario": 8,
                "technique": technique,
                "sample": index % 2,
                "path": path,
                "findings": findings,
            }
        )
    manifest = folder / "manifest.jsonl"
    manifest.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    return manifest


@pytest.fixture(scope="module")
def analytics_service(tmp_path_factory: pytest.TempPathFactory, nats_server: str) -> Iterator[dict[str, str]]:
    folder = tmp_path_factory.mktemp("gw-studies")
    db = folder / "hardgen.duckdb"
    env = dict(os.environ, HARDGEN_DB=str(db))
    imported = subprocess.run(
        [HARDGEN, "corpus", "import", str(write_manifest(folder)), "--study", "gw", "--labels", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert imported.returncode == 0, imported.stderr
    grpc_port, http_port = free_port(), free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hardgen.analytics",
            "--host",
            "127.0.0.1",
            "--grpc-port",
            str(grpc_port),
            "--http-port",
            str(http_port),
            "--db",
            str(db),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_until(lambda: _healthy(f"http://127.0.0.1:{http_port}/healthz"), timeout=60)
        yield {"grpc": f"127.0.0.1:{grpc_port}", "http": f"http://127.0.0.1:{http_port}", "nats": nats_server}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _healthy(url: str) -> bool:
    try:
        return probe(url)
    except Exception:  # noqa: BLE001 - not up yet
        return False


@pytest.fixture()
def studies_http(
    gateway: Gateway, analytics_service: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[httpx.Client]:
    monkeypatch.setenv("HARDGEN_ANALYTICS_ADDR", analytics_service["grpc"])
    monkeypatch.setenv("HARDGEN_ANALYTICS_URL", analytics_service["http"])
    monkeypatch.setenv("HARDGEN_NATS_URL", analytics_service["nats"])
    monkeypatch.setattr(gateway.app.state, "analytics", None, raising=False)
    headers = getattr(gateway, "headers", None) or {}
    with httpx.Client(base_url=gateway.url, timeout=120.0, headers=headers) as client:
        yield client


def test_studies_tables_and_report_come_from_analytics(studies_http: httpx.Client) -> None:
    listed = studies_http.get("/v1/studies")
    assert listed.status_code == 200, listed.text
    assert {"name": "gw", "samples": 4} in [
        {"name": s["name"], "samples": s["samples"]} for s in listed.json()["studies"]
    ]

    csv = studies_http.get("/v1/studies/gw/tables/prevalence", params={"format": "csv"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    header, *rows = csv.text.strip().splitlines()
    assert header.startswith("language,model,technique")
    by_technique = {row.split(",")[2]: row.split(",") for row in rows}
    assert by_technique["raw"][3:5] == ["2", "2"] and by_technique["cot"][3:5] == ["2", "1"]

    report = studies_http.get("/v1/studies/gw/report")
    assert report.status_code == 200 and "text/html" in report.headers["content-type"]
    assert "<img" in report.text and "data:image/png;base64," in report.text


def test_unknown_study_or_table_is_a_json_404(studies_http: httpx.Client) -> None:
    for path in ("/v1/studies/nope/tables/prevalence", "/v1/studies/gw/tables/nope", "/v1/studies/nope/report"):
        reply = studies_http.get(path)
        assert reply.status_code == 404, (path, reply.text)
        assert set(reply.json()["error"]) == {"code", "message", "request_id"}
    assert studies_http.get("/v1/studies/gw/tables/prevalence", params={"format": "xml"}).status_code == 422


def test_posting_a_study_publishes_its_grid(studies_http: httpx.Client) -> None:
    spec = {
        "name": "gw-post",
        "models": ["mock/references"],
        "languages": ["python"],
        "scenarios": [1, 2],
        "strategies": ["raw", "cot"],
        "samples": 2,
    }
    accepted = studies_http.post("/v1/studies", json=spec)
    assert accepted.status_code == 202, accepted.text
    assert accepted.json()["samples"] == 8
    assert wait_until(lambda: studies_http.get("/v1/studies/gw-post/status").status_code == 200, timeout=30)
    status = studies_http.get("/v1/studies/gw-post/status").json()
    assert status["total"] == 8 and len(status["cells"]) == 4
    bad = studies_http.post("/v1/studies", json=spec | {"strategies": ["telepathy"]})
    assert bad.status_code == 422 and "telepathy" in bad.json()["error"]["message"]
