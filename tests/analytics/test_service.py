"""The analytics service as a process: REST and gRPC on loopback, events from a real NATS server."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import nats
import pytest

from hardgen.analytics.corpus import import_manifest
from hardgen.analytics.store import Store
from hardgen.core.clients.analytics import AnalyticsClient, AnalyticsNotFoundError
from hardgen.core.events import ensure_streams
from tests.analytics.conftest import manifest_lines
from tests.analytics.events import generated, publish, scanned
from tests.helpers import free_port, wait_until


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, nats_server: str) -> Iterator[dict[str, str]]:
    """One service process for the module (starting one costs seconds), holding the hand study."""
    tmp_path = tmp_path_factory.mktemp("service")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join(manifest_lines(tmp_path)) + "\n")
    db = tmp_path / "service.duckdb"
    with Store(db) as store:
        import_manifest(store, manifest, "hand")
    grpc_port, http_port = free_port(), free_port()
    log = (tmp_path / "service.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hardgen.analytics",
            "--grpc-port",
            str(grpc_port),
            "--http-port",
            str(http_port),
            "--nats",
            nats_server,
            "--db",
            str(db),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(os.environ),
    )
    base = f"http://127.0.0.1:{http_port}"

    def healthy() -> bool:
        try:
            return httpx.get(f"{base}/healthz", timeout=1).json().get("nats_connected") is True
        except (httpx.HTTPError, ValueError):
            return False

    try:
        assert wait_until(healthy, timeout=30), (tmp_path / "service.log").read_text()
        yield {
            "http": base,
            "grpc": f"127.0.0.1:{grpc_port}",
            "nats": nats_server,
            "log": str(tmp_path / "service.log"),
        }
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            assert proc.wait(timeout=15) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
            log.close()


def test_rest_and_grpc(service: dict[str, str]) -> None:
    base = service["http"]
    # (the NATS server is shared by the session: earlier tests' studies arrive here too)
    studies = {s["name"]: s for s in httpx.get(f"{base}/v1/studies", timeout=10).json()["studies"]}
    assert (studies["hand"]["samples"], studies["hand"]["findings"]) == (29, 13)

    as_csv = httpx.get(f"{base}/v1/studies/hand/tables/prevalence", params={"format": "csv"}, timeout=30)
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert {r["technique"] for r in rows} == {"raw", "nep", "cot"} and len(rows) == 9

    as_json = httpx.get(f"{base}/v1/studies/hand/tables/improvement_severity", timeout=30).json()
    cell = next(r for r in as_json["rows"] if (r["language"], r["model"], r["technique"]) == ("python", "A", "nep"))
    assert cell["improvement"] == pytest.approx(100.0)
    md = httpx.get(f"{base}/v1/studies/hand/tables/fix_categories", params={"format": "markdown"}, timeout=30)
    assert md.text.startswith("### ") and "| model | technique |" in md.text

    assert httpx.get(f"{base}/v1/studies/nope/tables/prevalence", timeout=10).status_code == 404
    assert httpx.get(f"{base}/v1/studies/hand/tables/nope", timeout=10).status_code == 404
    assert (
        httpx.get(f"{base}/v1/studies/hand/tables/prevalence", params={"format": "xml"}, timeout=10).status_code == 400
    )

    report = httpx.get(f"{base}/v1/studies/hand/report", timeout=60)
    assert report.status_code == 200 and report.text.count("data:image/png;base64,") == 5

    with AnalyticsClient(service["grpc"]) as client:
        assert client.health().status == "SERVING"
        assert "hand" in [s.name for s in client.list_studies()]
        text = client.get_table("hand", "cramers_v", "csv")
        assert text.splitlines()[0].startswith("model,technique,n,rows,cols,chi2")
        progress = client.progress("hand")
        assert (progress.generated, progress.scanned, progress.failed) == (29, 29, 0)
        with pytest.raises(AnalyticsNotFoundError):
            client.get_table("nope", "prevalence")


def test_events_reach_the_tables(service: dict[str, str]) -> None:
    study = f"live-{uuid.uuid4().hex[:6]}"

    async def send() -> None:
        nc = await nats.connect(service["nats"])
        js = nc.jetstream()
        await ensure_streams(js)
        raw, nep = generated(study, "m", "raw", 0), generated(study, "m", "nep", 0)
        await publish(js, scanned(nep, []))  # out of order: the scan first
        for event in (raw, scanned(raw, [("py/sql-injection", [89], 8.8)]), nep):
            await publish(js, event)
        await publish(js, raw, msg_id=uuid.uuid4().hex)  # a redelivery
        await nc.close()

    asyncio.run(send())
    base = service["http"]

    def arrived() -> bool:
        response = httpx.get(f"{base}/v1/studies/{study}/progress", timeout=10)
        return response.status_code == 200 and response.json()["scanned"] == 2

    assert wait_until(arrived, timeout=20)
    table = httpx.get(f"{base}/v1/studies/{study}/tables/improvement_samples", timeout=30).json()
    assert [(r["technique"], r["raw"], r["value"], r["improvement"]) for r in table["rows"][:1]] == [
        ("nep", 100.0, 0.0, 100.0)
    ]
    logged = [json.loads(line) for line in Path(service["log"]).read_text().splitlines() if line.startswith("{")]
    assert any(entry.get("event") == "analytics.started" for entry in logged)  # JSON logs


def test_cli_reads_from_the_running_service(service: dict[str, str], tmp_path: Path) -> None:
    """While the service holds the DuckDB file, the CLI gets the same tables and report over REST."""
    env = dict(os.environ, HARDGEN_ANALYTICS_URL=service["http"])
    out = tmp_path / "remote"
    script = (
        "import sys; from hardgen.cli.main import main; "
        "sys.argv = ['hardgen', 'analyze', 'tables', '--study', 'hand', '--out', sys.argv[1], '-t', 'prevalence', "
        "'-t', 'fix_categories', '--format', 'json']; main()"
    )
    tables = subprocess.run(
        [sys.executable, "-c", script, str(out)], capture_output=True, text=True, env=env, timeout=120
    )
    assert tables.returncode == 0, tables.stderr
    assert [t["rows"] for t in json.loads(tables.stdout)["tables"]] == [9, 4]
    assert (out / "prevalence.csv").read_text().startswith("language,model,technique,samples,with_cwe,prevalence")
    report = subprocess.run(
        [
            sys.executable,
            "-m",
            "hardgen.cli.main",
            "analyze",
            "report",
            "--study",
            "hand",
            "--out",
            str(out),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert report.returncode == 0, report.stderr
    assert len(list((out / "figures").glob("*.png"))) == 5
    missing = subprocess.run(
        [sys.executable, "-m", "hardgen.cli.main", "analyze", "report", "--study", "nope", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert missing.returncode == 2 and missing.stderr.startswith("error: unknown study 'nope'")
