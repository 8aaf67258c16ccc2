"""The public API over real HTTP: every strategy against replay, the tiny hf model and an
OpenAI-compatible loopback server; validation, limits and upstream failures as JSON errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from hardgen.core.scenarios import get_scenario
from hardgen.refinement.scanning import grpc_scanner
from hardgen.refinement.service import GenerateSpec, RefinementService
from tests.gateway.conftest import Gateway
from tests.helpers import free_port
from tests.refinement.fakeapi import FakeAPI, chat_responder

STRATEGIES = ["raw", "nep", "cot", "mp", "ft", "sast-repair", "mp+ft", "cot+sast-repair"]
SCENARIO = get_scenario(1, "python")
INSECURE = SCENARIO.reference_code(SCENARIO.insecure[0])
SECURE = SCENARIO.reference_code(SCENARIO.secure[0])


def body(**fields: Any) -> dict[str, Any]:
    return {"scenario": 1, "language": "python", "model": "mock/references", "strategy": "raw"} | fields


def assert_error(response: httpx.Response, status: int, code: str, contains: str = "") -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and contains in error["message"]
    assert error["request_id"] and error["request_id"] == response.headers["x-request-id"]


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_generations_replay_every_strategy(
    strategy: str, http: httpx.Client, tmp_path: Path, scanner_address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HARDGEN_REPLAY_DIR", str(tmp_path))  # the refinement service's registry
    manifest = tmp_path / "run-1.jsonl"
    recorded = RefinementService(grpc_scanner(scanner_address, engines=["semgrep"])).generate(
        GenerateSpec(
            language="python",
            model="mock/references",
            strategy=strategy,
            scenario=1,
            n=2,
            options={"nep_source": "reference"},
        )
    )
    manifest.write_text("".join(json.dumps(s.to_dict()) + "\n" for s in recorded))
    response = http.post(
        "/v1/generations",
        json=body(model="replay/run-1", strategy=strategy, n=2, options={"nep_source": "reference"}),
    )
    assert response.status_code == 200, response.text
    samples = response.json()["samples"]
    assert [s["code"] for s in samples] == [s.code for s in recorded]
    assert all(s["error"] == "" and s["parses"] for s in samples)
    assert [p["step"] for p in samples[0]["prompts"]] == [p.step for p in recorded[0].prompts]


@pytest.fixture()
def model_registry(tiny_model_dir: Path, tiny_adapter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The refinement service's model registry with the tiny model as ``tiny`` and its adapter as ``tiny-lora``."""
    (tmp_path / "adapters").mkdir()
    (tmp_path / "tiny").symlink_to(tiny_model_dir, target_is_directory=True)
    (tmp_path / "adapters" / "tiny-lora").symlink_to(tiny_adapter, target_is_directory=True)
    monkeypatch.setenv("HARDGEN_MODELS", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_generations_tiny_hf_model_every_strategy(strategy: str, http: httpx.Client, model_registry: Path) -> None:
    options = {"repair_rounds": "1", "nep_source": "reference"} | ({"adapter": "tiny-lora"} if "ft" in strategy else {})
    response = http.post(
        "/v1/generations",
        json=body(model="hf/tiny", strategy=strategy, max_new_tokens=6, options=options),
    )
    assert response.status_code == 200, response.text
    (sample,) = response.json()["samples"]
    assert sample["error"] == "" and sample["stats"]["backend"] == "hf" and sample["stats"]["completion_tokens"] > 0


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_generations_openai_compatible_every_strategy(
    strategy: str, http: httpx.Client, api: FakeAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", api.url + "/v1")  # the refinement service's configuration

    def answer(prompt: str) -> str:
        if "maximises the security" in prompt:
            return "Validate every input."
        hardened = any(w in prompt for w in ("step by step", "Do not generate", "weaknesses", "Validate every"))
        return f"```python\n{SECURE if hardened else INSECURE}```"

    api.responder = chat_responder(answer)
    options = {"ft_model": "ft:gpt-4.1:hardgen::x"} if "ft" in strategy else {}
    scan = strategy in ("raw", "cot+sast-repair")
    response = http.post(
        "/v1/generations", json=body(model="openai/gpt-4.1", strategy=strategy, scan=scan, options=options)
    )
    assert response.status_code == 200, response.text
    (sample,) = response.json()["samples"]
    assert sample["error"] == "" and sample["parses"] and sample["strategy"] == strategy
    assert sample["scanned"] is (scan or "sast-repair" in strategy)
    if scan:
        expected = ["py/path-injection"] if strategy == "raw" else []
        assert [f["rule_id"] for f in sample["findings"]] == expected


def test_free_form_prompt(http: httpx.Client) -> None:
    response = http.post(
        "/v1/generations", json={"prompt": "Write hello world.", "language": "go", "model": "mock/secure"}
    )
    assert response.status_code == 200
    (sample,) = response.json()["samples"]
    assert sample["scenario"] == 0 and "Task: Write hello world." in sample["prompts"][0]["text"]


@pytest.mark.parametrize(
    ("payload", "status", "code", "contains"),
    [
        ({"language": "python", "model": "mock/references"}, 422, "validation_error", "exactly one of"),
        (body(prompt="x"), 422, "validation_error", "exactly one of"),
        (body(language="cobol"), 422, "validation_error", "unknown language"),
        (body(n=0), 422, "validation_error", "n:"),
        (body(temperature=5), 422, "validation_error", "temperature"),
        (body(colour="red"), 422, "validation_error", "colour"),
        (body(model="gpt-4.1"), 422, "validation_error", "model"),
        (body(n=6), 400, "limit_exceeded", "limit of 5"),
        ({"prompt": "x" * 201, "language": "python", "model": "mock/secure"}, 400, "limit_exceeded", "limit is 200"),
        (body(strategy="cot+raw"), 400, "bad_request", "more than one"),
        (body(model="anthropic/claude"), 400, "not_allowed", "anthropic"),
        (body(model="openai/gpt-4.1", options={"base_url": "http://x"}), 400, "not_allowed", "base_url"),
        # a model no earlier test built: the service keeps each backend with the settings it was built with
        (body(model="openai/o4-mini"), 400, "model_unavailable", "OPENAI_API_KEY is not set"),
        (body(model="replay/nothing-here"), 400, "model_unavailable", "registered as 'nothing-here'"),
        (body(scenario=42), 404, "not_found", "no scenario 42"),
    ],
)
def test_generation_errors(http: httpx.Client, payload: dict[str, Any], status: int, code: str, contains: str) -> None:
    assert_error(http.post("/v1/generations", json=payload), status, code, contains)


@pytest.mark.parametrize(
    ("model", "options", "contains"),
    [
        ("replay//etc/passwd", {}, "registered model id"),
        ("replay/../data/run", {}, "registered model id"),
        ("replay/run.jsonl", {}, "registered model id"),
        ("hf//srv/models/llama", {}, "registered model id"),
        ("hf/demo@../../adapters/x", {}, "registered adapter id"),
        ("hf/~root", {}, "registered model id"),
        ("tgi/http://169.254.169.254", {}, "configured endpoints (gpu-pool)"),
        ("openai/../../etc/passwd", {}, "looks like a path"),
        ("mock/references", {"adapter": "/tmp/evil-adapter"}, "registered adapter id"),
        ("openai/gpt-4.1", {"ft_model": "../ft"}, "looks like a path"),
    ],
)
def test_path_shaped_models_are_refused(http: httpx.Client, model: str, options: dict[str, str], contains: str) -> None:
    """No caller of the public API makes the server open a path or dial an address it chose."""
    assert_error(http.post("/v1/generations", json=body(model=model, options=options)), 400, "not_allowed", contains)


def test_default_policy_serves_hosted_tgi_and_mock_only() -> None:
    from hardgen.gateway.settings import GatewaySettings

    settings = GatewaySettings.from_env()
    assert settings.allowed_providers == ("openai", "gemini", "tgi", "mock")
    assert settings.tgi_endpoints == ()


def test_malformed_json_is_422(http: httpx.Client) -> None:
    response = http.post("/v1/generations", content=b"{not json", headers={"content-type": "application/json"})
    assert_error(response, 422, "validation_error")


def test_request_id_is_echoed(http: httpx.Client) -> None:
    response = http.post("/v1/generations", json=body(n=99), headers={"X-Request-ID": "req-123"})
    assert response.headers["x-request-id"] == "req-123" and response.json()["error"]["request_id"] == "req-123"


def test_per_caller_concurrency_limit(http: httpx.Client, gateway: Gateway) -> None:
    limiter = gateway.app.state.limiter
    k1, k2 = gateway.key("generate"), gateway.key("generate")
    caller = "key:" + k1.split("_")[1]
    auth1, auth2 = {"Authorization": f"Bearer {k1}"}, {"Authorization": f"Bearer {k2}"}
    assert limiter.acquire(caller) and limiter.acquire(caller)
    try:
        assert_error(http.post("/v1/generations", json=body(), headers=auth1), 429, "rate_limited")
        assert http.post("/v1/generations", json=body(), headers=auth2).status_code == 200
    finally:
        limiter.release(caller)
        limiter.release(caller)
    assert http.post("/v1/generations", json=body(), headers=auth1).status_code == 200


def test_scans_proxy_to_the_scanner(http: httpx.Client) -> None:
    files = [{"path": "app/img.py", "content": INSECURE}, {"path": "app/ok.py", "content": SECURE}]
    response = http.post("/v1/scans", json={"files": files, "engines": ["semgrep"]})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [(f["rule_id"], f["path"], f["cwes"]) for f in data["findings"]] == [
        ("py/path-injection", "app/img.py", [22])
    ]
    assert data["files_scanned"] == 2
    assert_error(http.post("/v1/scans", json={"files": []}), 422, "validation_error")


def test_catalogue_health_metrics_and_docs(http: httpx.Client) -> None:
    scenarios = http.get("/v1/scenarios", params={"language": "python"}).json()
    assert scenarios and all(s["language"] == "python" for s in scenarios) and scenarios[0]["number"] == 1
    assert_error(http.get("/v1/scenarios", params={"language": "cobol"}), 400, "bad_request")
    names = [s["name"] for s in http.get("/v1/strategies").json()]
    assert names == ["raw", "nep", "cot", "mp", "ft", "sast-repair"]
    health = http.get("/healthz").json()
    assert health == {
        "status": "ok",
        "version": health["version"],
        "services": {"refinement": "SERVING", "scanner": "SERVING"},
    }
    assert http.get("/readyz").status_code == 200
    metrics = http.get("/metrics")
    assert "hardgen_gateway_requests_total" in metrics.text and 'route="/v1/generations"' in metrics.text
    assert_error(http.get("/nowhere"), 404, "not_found")
    assert http.get("/docs").status_code == 200
    paths = http.get("/openapi.json").json()["paths"]
    assert set(paths["/v1/generations"]["post"]["responses"]) == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "422",
        "429",
        "502",
        "503",
        "504",
    }
    assert {"200", "400", "422", "429", "503"} <= set(paths["/v1/scans"]["post"]["responses"])
    assert {"/v1/scenarios", "/v1/strategies", "/healthz", "/metrics"} <= set(paths)


def test_services_down_are_503_with_the_error_body() -> None:
    from fastapi.testclient import TestClient

    from hardgen.gateway.app import create_app
    from hardgen.gateway.settings import GatewaySettings

    dead = f"127.0.0.1:{free_port()}"
    settings = GatewaySettings(
        refinement_address=dead, scanner_address=dead, generation_timeout_s=5, auth_enabled=False,
        nats_url=f"nats://{dead}",
    )
    app = create_app(settings)
    with TestClient(app) as client:
        assert_error(client.post("/v1/generations", json=body()), 503, "upstream_unavailable", "unreachable")
        assert_error(client.get("/v1/strategies"), 503, "upstream_unavailable")
        scan = client.post("/v1/scans", json={"files": [{"path": "a.py", "content": "x = 1\n"}]})
        assert_error(scan, 503, "upstream_unavailable")
        study = {"name": "down", "models": ["mock/secure"], "languages": ["python"], "strategies": ["raw"]}
        assert_error(client.post("/v1/studies", json=study), 503, "upstream_unavailable", "NATS")
        assert client.get("/healthz").json()["status"] == "degraded"
        assert_error(client.get("/readyz"), 503, "upstream_unavailable")


def test_cli_against_the_gateway(gateway: Gateway, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from hardgen.cli.main import app
    from hardgen.core.logging import configure_logging

    # the refinement service runs in this process: its logs must go to the real stderr, as
    # `hardgen` itself configures them, not into the runner's captured stdout
    configure_logging("console")
    monkeypatch.setenv("HARDGEN_API_KEY", gateway.key("generate"))
    runner = CliRunner()
    ok = runner.invoke(
        app,
        [
            "generate",
            "-s",
            "1",
            "-l",
            "python",
            "-m",
            "mock/references",
            "-S",
            "cot",
            "--gateway",
            gateway.url,
            "--format",
            "json",
        ],
    )
    assert ok.exit_code == 0, ok.output
    (sample,) = json.loads(ok.stdout)
    assert sample["code"].strip() == SECURE.strip()
    bad = runner.invoke(
        app, ["generate", "-s", "42", "-l", "python", "-m", "mock/references", "--gateway", gateway.url]
    )
    assert bad.exit_code == 2 and "gateway answered 404: no scenario 42" in bad.stderr
    listed = runner.invoke(app, ["strategies", "list", "--gateway", gateway.url, "--format", "json"])
    assert [s["name"] for s in json.loads(listed.stdout)][0] == "raw"
