"""The analytics service as a process: gRPC on loopback (its only protocol), events from a real NATS
server. Its REST face for people is the gateway's (tests/gateway/test_studies.py)."""

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

import nats
import pytest

from hardgen.analytics.corpus import import_manifest
from hardgen.analytics.store import Store
from hardgen.core.clients.analytics import AnalyticsClient, AnalyticsClientError, AnalyticsNotFoundError
from hardgen.core.events import ensure_streams
from hardgen.core.healthcheck import probe
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
    grpc_port = free_port()
    log = (tmp_path / "service.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hardgen.analytics",
            "--grpc-port",
            str(grpc_port),
            "--nats",
            nats_server,
            "--db",
            str(db),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(os.environ),
    )
    address = f"127.0.0.1:{grpc_port}"

    def healthy() -> bool:
        try:
            return probe(f"grpc://{address}/hardgen.v1.Analytics", timeout=1)
        except Exception:  # noqa: BLE001 - not up yet
            return False

    try:
        assert wait_until(healthy, timeout=30), (tmp_path / "service.log").read_text()
        yield {
            "grpc": address,
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


def test_tables_report_and_errors_over_grpc(service: dict[str, str]) -> None:
    with AnalyticsClient(service["grpc"]) as client:
        assert client.health().status == "SERVING"
        # (the NATS server is shared by the session: earlier tests' studies arrive here too)
        studies = {s.name: s for s in client.list_studies()}
        assert (studies["hand"].samples, studies["hand"].findings) == (29, 13)

        rows = list(csv.DictReader(io.StringIO(client.get_table("hand", "prevalence", "csv"))))
        assert {r["technique"] for r in rows} == {"raw", "nep", "cot"} and len(rows) == 9
        as_json = json.loads(client.get_table("hand", "improvement_severity", "json"))
        cell = next(r for r in as_json["rows"] if (r["language"], r["model"], r["technique"]) == ("python", "A", "nep"))
        assert cell["improvement"] == pytest.approx(100.0)
        md = client.get_table("hand", "fix_categories", "markdown")
        assert md.startswith("### ") and "| model | technique |" in md
        text = client.get_table("hand", "cramers_v", "csv")
        assert text.splitlines()[0].startswith("model,technique,n,rows,cols,chi2")

        with pytest.raises(AnalyticsNotFoundError, match="nope"):
            client.get_table("nope", "prevalence")
        with pytest.raises(AnalyticsNotFoundError, match="nope"):
            client.get_table("hand", "nope")
        with pytest.raises(AnalyticsClientError, match="unknown format 'xml'") as bad_format:
            client.get_table("hand", "prevalence", "xml")
        assert not isinstance(bad_format.value, AnalyticsNotFoundError)

        progress = client.progress("hand")
        assert (progress.generated, progress.scanned, progress.failed) == (29, 29, 0)
        assert sum(c.scanned for c in progress.cells) == 29 and len(progress.cells) == 15

        # the report: self-contained HTML, every figure embedded, table links relative to the
        # gateway's /v1/studies/<study>/report
        page = client.get_report("hand")
        assert page.startswith("<!DOCTYPE html>")
        assert page.count("data:image/png;base64,") == 5
        assert 'href="tables/prevalence?format=csv"' in page
        with pytest.raises(AnalyticsNotFoundError, match="nope"):
            client.get_report("nope")


def test_the_service_speaks_no_http() -> None:
    """One protocol per internal service: the entry point has no REST port to open."""
    refused = subprocess.run(
        [sys.executable, "-m", "hardgen.analytics", "--http-port", "8084"], capture_output=True, text=True, timeout=60
    )
    assert refused.returncode == 2 and "unrecognized arguments: --http-port" in refused.stderr


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
    client = AnalyticsClient(service["grpc"])

    def arrived() -> bool:
        try:
            return client.progress(study).scanned == 2
        except AnalyticsNotFoundError:
            return False

    assert wait_until(arrived, timeout=20)
    table = json.loads(client.get_table(study, "improvement_samples", "json"))
    client.close()
    assert [(r["technique"], r["raw"], r["value"], r["improvement"]) for r in table["rows"][:1]] == [
        ("nep", 100.0, 0.0, 100.0)
    ]
    logged = [json.loads(line) for line in Path(service["log"]).read_text().splitlines() if line.startswith("{")]
    assert any(entry.get("event") == "analytics.started" for entry in logged)  # JSON logs
