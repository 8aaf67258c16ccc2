"""Studies through the gateway: a real analytics service (subprocess over a DuckDB file filled by
`hardgen corpus import`, consuming events from a real NATS), real NATS for starting a study and the
workers' outcomes; tables and report over analytics gRPC, one progress object shared with the CLI,
errors."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hardgen.core.clients.analytics import AnalyticsClient
from hardgen.core.healthcheck import probe
from hardgen.core.study import StudySpec
from tests.analytics.events import generated, publish, scanned
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
    grpc_port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hardgen.analytics",
            "--host",
            "127.0.0.1",
            "--grpc-port",
            str(grpc_port),
            "--nats",
            nats_server,
            "--db",
            str(db),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_until(lambda: _healthy(f"grpc://127.0.0.1:{grpc_port}/hardgen.v1.Analytics"), timeout=60)
        yield {"grpc": f"127.0.0.1:{grpc_port}", "nats": nats_server}
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
    # the session's gateway, pointed at this test's analytics and NATS: its settings are injected,
    # so they are swapped on the app (and put back: monkeypatch would delete a starlette State entry)
    state = gateway.app.state
    saved = state.settings
    state.settings = saved.model_copy(
        update={"analytics_address": analytics_service["grpc"], "nats_url": analytics_service["nats"]}
    )
    monkeypatch.setattr(state, "analytics", None, raising=False)
    headers = getattr(gateway, "headers", None) or {}
    try:
        with httpx.Client(base_url=gateway.url, timeout=120.0, headers=headers) as client:
            yield client
    finally:
        state.settings = saved


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

    # the report comes over analytics gRPC (GetReport): figures embedded, CSV links resolve here
    report = studies_http.get("/v1/studies/gw/report")
    assert report.status_code == 200 and "text/html" in report.headers["content-type"]
    assert report.text.startswith("<!DOCTYPE html>")
    assert "<img" in report.text and "data:image/png;base64," in report.text
    assert 'href="tables/prevalence?format=csv"' in report.text
    linked = studies_http.get("/v1/studies/gw/tables/prevalence", params={"format": "csv"})
    assert linked.status_code == 200 and linked.text == csv.text


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


@pytest.mark.parametrize(
    ("change", "contains"),
    [
        ({"models": ["hf//srv/models/llama"]}, "registered model id"),
        ({"models": ["replay/../runs/x"]}, "registered model id"),
        ({"models": ["tgi/http://169.254.169.254"]}, "configured endpoints"),
        ({"models": ["mock/references"], "options": {"adapter": "/tmp/evil"}}, "registered adapter id"),
        ({"finetune": {"base": "../../models/x"}}, "finetune.base"),
        ({"finetune": {"models": {"openai/gpt-4.1": "../ft"}}}, "looks like a path"),
    ],
)
def test_a_study_naming_a_path_is_refused_and_publishes_nothing(
    studies_http: httpx.Client, change: dict[str, object], contains: str
) -> None:
    """A posted study reaches the same workers as a request: the provider policy applies to it too."""
    spec = {"name": "gw-policy", "models": ["mock/references"], "languages": ["python"], "scenarios": [1],
            "strategies": ["raw"], "samples": 1} | change
    refused = studies_http.post("/v1/studies", json=spec)
    assert refused.status_code == 400, refused.text
    error = refused.json()["error"]
    assert error["code"] == "not_allowed" and contains in error["message"]
    assert studies_http.get("/v1/studies/gw-policy/status").status_code == 404


def test_posting_a_study_with_ft_cells_queues_its_fine_tune_and_returns(studies_http: httpx.Client) -> None:
    """The gateway never trains: the ft cells wait for a fine-tune work item that modelserve
    consumes (none runs here), and the status says so."""
    spec = {
        "name": "gw-ft",
        "models": ["hf/demo"],
        "languages": ["python"],
        "scenarios": [1],
        "strategies": ["raw", "ft"],
        "samples": 2,
        "finetune": {"base": "demo", "steps": 5},
    }
    accepted = studies_http.post("/v1/studies", json=spec)
    assert accepted.status_code == 202, accepted.text
    assert (accepted.json()["published"], accepted.json()["finetune"]) == (2, "queued")
    status = studies_http.get("/v1/studies/gw-ft/status").json()
    assert status["finetune"]["state"] == "pending" and status["total"] == 4
    assert {c["strategy"]: c["pending"] for c in status["cells"]} == {"raw": 2, "ft": 2}


def _spec(name: str) -> StudySpec:
    return StudySpec.model_validate(
        {
            "name": name,
            "models": ["mock/references"],
            "languages": ["python"],
            "scenarios": [1],
            "strategies": ["raw", "cot"],
            "samples": 2,
            "engines": ["semgrep"],
        }
    )


async def _work(nats_url: str, spec: StudySpec, outcomes: dict[int, str]) -> None:
    """What workers do for the items at these positions: publish the sample's two events (which
    analytics stores), then record the outcome in the study's key-value bucket."""
    import nats

    from hardgen.core.events import ensure_streams, study_token
    from hardgen.core.studyrun import ensure_buckets, record_outcome

    nc = await nats.connect(nats_url)
    js = nc.jetstream()
    await ensure_streams(js)
    status_kv, studies_kv = await ensure_buckets(js)
    await studies_kv.put(study_token(spec.name), spec.model_dump_json().encode())
    items = list(spec.items())
    for position, outcome in outcomes.items():
        item = items[position]
        event = generated(
            spec.name, item.model, item.strategy, item.index, item.scenario, str(item.language),
            error="model failed" if outcome == "failed" else "",
        )  # fmt: skip
        await publish(js, event)
        await publish(js, scanned(event, []))
        await record_outcome(status_kv, item, outcome, event.error)
    await nc.close()


def _cli_status(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [HARDGEN, "study", "status", *args, "--format", "json"], capture_output=True, text=True, env=env, timeout=120
    )


def test_gateway_status_and_cli_status_show_the_same_progress(
    studies_http: httpx.Client, analytics_service: dict[str, str]
) -> None:
    spec = _spec("gw-same")
    asyncio.run(_work(analytics_service["nats"], spec, {0: "done", 1: "done", 2: "failed"}))
    assert wait_until(lambda: studies_http.get("/v1/studies/gw-same/status").json()["stored"] == 3, timeout=30)

    over_http = studies_http.get("/v1/studies/gw-same/status").json()
    env = dict(os.environ, HARDGEN_NATS_URL=analytics_service["nats"], HARDGEN_ANALYTICS_ADDR=analytics_service["grpc"])
    cli = _cli_status(env, "gw-same")
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout) == over_http
    assert {k: over_http[k] for k in ("total", "done", "failed", "pending", "stored", "complete", "finished")} == {
        "total": 4, "done": 2, "failed": 1, "pending": 1, "stored": 3, "complete": False, "finished": False,
    }  # fmt: skip
    cells = {c["strategy"]: c for c in over_http["cells"]}
    assert (cells["raw"]["done"], cells["raw"]["stored"], cells["raw"]["pending"]) == (2, 2, 0)
    assert (cells["cot"]["failed"], cells["cot"]["stored"], cells["cot"]["pending"]) == (1, 1, 1)

    # not finished yet: --wait gives up at its timeout with exit 1 and says where it stands
    waited = _cli_status(env, "gw-same", "--wait", "--timeout", "2")
    assert waited.returncode == 1 and "not finished" in waited.stderr
    # the last sample: finished means its outcome is in *and* analytics stores it (tables are final)
    asyncio.run(_work(analytics_service["nats"], spec, {3: "done"}))
    done = _cli_status(env, "gw-same", "--wait", "--timeout", "60")
    assert done.returncode == 0, done.stderr
    final = json.loads(done.stdout)
    assert (final["done"], final["failed"], final["stored"], final["finished"]) == (3, 1, 4, True)
    assert studies_http.get("/v1/studies/gw-same/status").json() == final
    counted = studies_http.get("/v1/studies/gw-same/tables/prevalence", params={"format": "json"}).json()
    assert sum(r["samples"] for r in counted["rows"]) == 3  # the failed sample counts in no table


def test_status_without_analytics_still_shows_outcomes(
    studies_http: httpx.Client, gateway: Gateway, analytics_service: dict[str, str]
) -> None:
    spec = _spec("gw-alone")
    asyncio.run(_work(analytics_service["nats"], spec, {0: "done"}))
    gone = f"127.0.0.1:{free_port()}"
    gateway.app.state.analytics = AnalyticsClient(gone, timeout=5)
    reply = studies_http.get("/v1/studies/gw-alone/status")
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert (body["done"], body["stored"], body["finished"]) == (1, None, False)
    assert gone in body["analytics_error"]
    env = dict(os.environ, HARDGEN_NATS_URL=analytics_service["nats"])
    cli = subprocess.run(
        [HARDGEN, "study", "status", "gw-alone", "--analytics", gone],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert "1 done" in cli.stdout and "? stored by analytics" in cli.stdout
    unknown = studies_http.get("/v1/studies/never-ran/status")
    assert unknown.status_code == 404 and "never-ran" in unknown.json()["error"]["message"]
    assert studies_http.get("/v1/studies/gw/progress").status_code == 404  # one progress route: /status


def test_cli_reads_tables_and_report_through_the_gateway(
    studies_http: httpx.Client, gateway: Gateway, tmp_path: Path
) -> None:
    """`hardgen analyze --server` talks to the gateway (REST lives only there), with the API key."""
    env = dict(os.environ, HARDGEN_GATEWAY_URL=gateway.url, HARDGEN_API_KEY=gateway.admin_key)
    out = tmp_path / "remote"
    tables = subprocess.run(
        [HARDGEN, "analyze", "tables", "--study", "gw", "--out", str(out), "-t", "prevalence", "--format", "json"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert tables.returncode == 0, tables.stderr
    assert [t["rows"] for t in json.loads(tables.stdout)["tables"]] == [2]
    assert (out / "prevalence.csv").read_text().startswith("language,model,technique,samples,with_cwe,prevalence")
    report = subprocess.run(
        [HARDGEN, "analyze", "report", "--study", "gw", "--out", str(out), "--format", "json"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    assert (out / "report.html").read_text().startswith("<!DOCTYPE html>") and list((out / "figures").glob("*.png"))
    missing = subprocess.run(
        [HARDGEN, "analyze", "report", "--study", "nope", "--out", str(out)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert missing.returncode == 2 and missing.stderr.startswith("error: unknown study 'nope'"), missing.stderr
